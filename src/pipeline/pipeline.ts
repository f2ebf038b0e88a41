/**
 * `pipeline(source)`: lazy, chunk-aware data pipelines (Python generator chains, `itertools`, and pandas'
 * chunked reading, in one fluent type).
 *
 * @packageDocumentation
 */
import { Categorical } from '../categorical.js';
import type { CategoryValue } from '../categorical.js';
import { resolveDType, type DType, type DTypeLike, type ResolveDType } from '../dtype.js';
import { throwType, throwValue } from '../errors.js';
import { RecordStore, recordStore, type RecordCursor, type Schema } from '../record-store.js';
import { Vector } from '../vector.js';
import { checkFunction, isAsyncIterable, isIterable } from './iter-util.js';
import { asyncIteratorOf } from './itertools-async.js';
import { ArraySink, CountSink, ExtremeSink, FirstSink, ForEachSink, MeanSink, ReduceSink, SumSink, ValueCountsSink, type Sink } from './sinks.js';
import {
  ArraySource,
  AsyncIteratorSource,
  DecodedSource,
  IteratorSource,
  isReadableStream,
  streamIterator,
  type AsyncSource,
  type ReadableStreamLike,
  type StreamChunk,
  type SyncSource,
} from './sources.js';
import { buildChain, type StageSpec } from './stages.js';
import { StoreChunkSource, StoreRowSource, StoreSink } from './store-source.js';
import { VectorSink } from './to-vector.js';

/** Default rows per chunk: 64 Ki elements (a 512 KiB Float64Array scratch buffer). */
export const DEFAULT_CHUNK_SIZE = 65_536;

/** Options of {@link pipeline}. */
export interface PipelineOptions {
  /**
   * Items per chunk for in-memory sources (arrays, TypedArrays, Vectors, Categoricals): the kernels run a
   * chunk at a time, and `chunks()` groups by it. An integer ≥ 1; default 65 536. Results never depend on it.
   */
  readonly chunkSize?: number;
}

/** A TypedArray whose elements are `number`s. */
export type NumberTypedArray = Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

/** What `chunks()` yields: TypedArrays for numeric pipelines, arrays otherwise. */
export type Chunk<T> = T extends number ? NumberTypedArray | T[] : T extends bigint ? BigInt64Array | BigUint64Array | T[] : T[];

function checkChunkSize(n: unknown): number {
  if (n === undefined) return DEFAULT_CHUNK_SIZE;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throwValue(`pipeline(): 'chunkSize' must be an integer >= 1, got ${String(n)}`);
  return n;
}

function checkNonNegative(n: unknown, where: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n)) throwType(`${where}(): n must be an integer, got ${String(n)}`);
  if (n < 0) throwValue(`${where}(): n must be >= 0, got ${n}`);
  return n;
}

function checkPositive(n: unknown, where: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n)) throwType(`${where}(): n must be an integer, got ${String(n)}`);
  if (n < 1) throwValue(`${where}(): n must be at least one, got ${n}`);
  return n;
}

/** A stage that takes a callback: its descriptor, the callback checked eagerly (shared by both pipeline kinds). */
function callbackStage(op: 'map' | 'filter' | 'tap' | 'takeWhile' | 'dropWhile' | 'flatMap', fn: unknown): StageSpec {
  checkFunction(fn, op);
  return { op, fn: fn as (x: never) => unknown };
}

/** The `chunks(size)` stage: `size` checked, defaulting to the pipeline's chunk size. */
function chunksStage(plan: Plan, size: number | undefined): StageSpec & { readonly op: 'chunks'; readonly n: number } {
  return { op: 'chunks', n: size === undefined ? plan.chunkSize : checkPositive(size, 'chunks') };
}

/** `plan` with one more stage (the RecordStore / Categorical fast paths apply only to a bare source). */
function withStage(plan: Plan, spec: StageSpec): Plan {
  return { specs: [...plan.specs, spec], chunkSize: plan.chunkSize };
}

/** `reduce`'s sink: `fn` checked eagerly; `initial` is the rest argument (empty: start from the first item). */
function reduceSink(fn: unknown, initial: readonly unknown[]): Sink<unknown> {
  checkFunction(fn, 'reduce');
  return new ReduceSink(fn as (acc: never, x: never) => unknown, initial.length > 0, initial[0]);
}

/** @internal How a pipeline's source is opened for one run. */
interface Plan {
  readonly specs: readonly StageSpec[];
  readonly chunkSize: number;
  /** Set when the source is a RecordStore: `chunks()` right after it yields zero-copy RecordStore chunks. */
  readonly store?: RecordStore<Schema>;
  /** Set when the source is a Categorical: `valueCounts()` right after it counts codes. */
  readonly categorical?: Categorical<CategoryValue>;
}

/** `valueCounts` of a Categorical through its codes: one counting pass, same order rules as the generic sink. */
function categoricalCounts(c: Categorical<CategoryValue>): Map<unknown, number> {
  const codes = c.codes;
  const cats = c.categories;
  const counts = new Float64Array(cats.length + 1); // slot 0: missing (code -1)
  const order: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    const j = codes[i]! + 1;
    const n = counts[j]!;
    counts[j] = n + 1;
    if (n === 0) order.push(j);
  }
  const entries: [unknown, number][] = order.map((j) => [j === 0 ? null : cats[j - 1], counts[j]!]);
  return new Map(entries.sort((x, y) => y[1] - x[1]));
}

function runSync<R>(open: () => SyncSource, plan: Plan, sink: Sink<R>): R {
  const head = buildChain(plan.specs, sink, plan.chunkSize);
  const src = open();
  try {
    if (head.start()) while (src.step(head));
    head.end();
  } catch (e) {
    try {
      src.close();
    } catch {
      // the original error wins
    }
    throw e;
  }
  src.close();
  return sink.result();
}

async function runAsync<R>(open: () => AsyncSource, plan: Plan, sink: Sink<R>): Promise<R> {
  const head = buildChain(plan.specs, sink, plan.chunkSize);
  const src = open();
  try {
    if (head.start()) while (await src.step(head));
    head.end();
  } catch (e) {
    try {
      await src.close();
    } catch {
      // the original error wins
    }
    throw e;
  }
  await src.close();
  return sink.result();
}

function* iterateSync<T>(open: () => SyncSource, plan: Plan): Generator<T, void, undefined> {
  const q = new ArraySink();
  const head = buildChain(plan.specs, q, plan.chunkSize);
  const src = open();
  let more = head.start();
  let ended = false;
  try {
    for (;;) {
      const out = q.out;
      if (out.length > 0) {
        q.out = [];
        for (let i = 0; i < out.length; i++) yield out[i] as T;
        continue;
      }
      if (ended) return;
      if (more) more = src.step(head);
      if (!more) {
        head.end();
        ended = true;
      }
    }
  } finally {
    src.close();
  }
}

async function* iterateAsync<T>(open: () => AsyncSource, plan: Plan): AsyncGenerator<T, void, undefined> {
  const q = new ArraySink();
  const head = buildChain(plan.specs, q, plan.chunkSize);
  const src = open();
  let more = head.start();
  let ended = false;
  try {
    for (;;) {
      const out = q.out;
      if (out.length > 0) {
        q.out = [];
        for (let i = 0; i < out.length; i++) yield out[i] as T;
        continue;
      }
      if (ended) return;
      if (more) more = await src.step(head);
      if (!more) {
        head.end();
        ended = true;
      }
    }
  } finally {
    await src.close();
  }
}

/**
 * A lazy, chunk-aware pipeline over a synchronous source. Stages (`map`, `filter`, `take`, …) return new
 * pipelines and run nothing; a sink (`sum`, `toArray`, …) or iteration runs the whole chain once.
 *
 * @remarks
 * **Chunks.** Over an array, TypedArray, Vector or Categorical, the source is pushed a chunk (`chunkSize`
 * items) at a time: consecutive `map`/`filter`/`tap` stages run as one generated loop per chunk, writing into a
 * reused Float64Array while values are numbers, and numeric sinks (`sum`, `count`, `min`, `max`, `mean`,
 * `reduce`) run inside that loop. So callbacks may run up to a chunk ahead of an iterating consumer; over any
 * other iterable, items are pulled one at a time and never ahead.
 * **Early exit.** `take`, `takeWhile`, `first` and a consumer's `break` stop reading and call the source's
 * `return()` (running generator `finally` blocks, closing files). Unlike the itertools functions, a pipeline
 * owns its source: it is closed whenever the pipeline stops before the end.
 * **Re-running.** Each sink call reads the source afresh: arrays give the same result twice; a generator is
 * consumed by the first run, as in Python.
 */
export class Pipeline<T> implements Iterable<T>, AsyncIterable<T> {
  readonly #open: () => SyncSource;
  readonly #plan: Plan;

  /** @internal Use {@link pipeline}. */
  constructor(open: () => SyncSource, plan: Plan) {
    this.#open = open;
    this.#plan = plan;
  }

  #with<U>(spec: StageSpec): Pipeline<U> {
    return new Pipeline<U>(this.#open, withStage(this.#plan, spec));
  }

  /** Items per chunk of this pipeline's in-memory source. */
  get chunkSize(): number {
    return this.#plan.chunkSize;
  }

  /**
   * Transforms each item (lazy).
   * @param fn - the transform; keep it free of side effects where possible (it may run a chunk ahead).
   * @returns a new pipeline.
   * @throws `TypeError` eagerly if `fn` is not a function.
   * @remarks Fused with neighbouring `map`/`filter`/`tap` into one loop per chunk; no per-item allocation
   * while results are numbers.
   */
  map<U>(fn: (x: T) => U): Pipeline<U> {
    return this.#with(callbackStage('map', fn));
  }

  /**
   * Keeps the items for which `pred` is truthy (lazy).
   * @param pred - the predicate; a type guard narrows the item type.
   * @returns a new pipeline.
   * @throws `TypeError` eagerly if `pred` is not a function.
   */
  filter<S extends T>(pred: (x: T) => x is S): Pipeline<S>;
  filter(pred: (x: T) => unknown): Pipeline<T>;
  filter(pred: (x: T) => unknown): Pipeline<T> {
    return this.#with(callbackStage('filter', pred));
  }

  /**
   * Calls `fn` on each item and passes the item on unchanged (lazy).
   * @param fn - the side effect.
   * @returns a new pipeline.
   * @throws `TypeError` eagerly if `fn` is not a function.
   */
  tap(fn: (x: T) => unknown): Pipeline<T> {
    return this.#with(callbackStage('tap', fn));
  }

  /**
   * The first `n` items; then the source is closed (lazy).
   * @param n - an integer ≥ 0.
   * @returns a new pipeline.
   * @throws {@link ValueError} if `n < 0`; `TypeError` if not an integer.
   * @remarks O(1) per chunk (a range of the chunk is passed on). `take(0)` never reads the source.
   */
  take(n: number): Pipeline<T> {
    return this.#with({ op: 'take', n: checkNonNegative(n, 'take') });
  }

  /**
   * Skips the first `n` items (lazy).
   * @param n - an integer ≥ 0.
   * @returns a new pipeline.
   * @throws {@link ValueError} if `n < 0`; `TypeError` if not an integer.
   */
  drop(n: number): Pipeline<T> {
    return this.#with({ op: 'drop', n: checkNonNegative(n, 'drop') });
  }

  /**
   * Items while `pred` holds; the first failing item is dropped and the source closed (lazy).
   * @param pred - the predicate.
   * @returns a new pipeline.
   * @throws `TypeError` eagerly if `pred` is not a function.
   */
  takeWhile(pred: (x: T) => unknown): Pipeline<T> {
    return this.#with(callbackStage('takeWhile', pred));
  }

  /**
   * Skips items while `pred` holds, then passes everything on (lazy).
   * @param pred - the predicate; not called after it first fails.
   * @returns a new pipeline.
   * @throws `TypeError` eagerly if `pred` is not a function.
   */
  dropWhile(pred: (x: T) => unknown): Pipeline<T> {
    return this.#with(callbackStage('dropWhile', pred));
  }

  /**
   * Groups items into arrays of `n` (the last may be shorter), like `batched` (lazy).
   * @param n - an integer ≥ 1.
   * @returns a pipeline of new arrays.
   * @throws {@link ValueError} if `n < 1`; `TypeError` if not an integer.
   */
  batch(n: number): Pipeline<T[]> {
    return this.#with({ op: 'batch', n: checkPositive(n, 'batch') });
  }

  /**
   * Groups items into chunks of `size` (default: the pipeline's `chunkSize`; the last may be shorter):
   * TypedArrays for numeric data, arrays otherwise (lazy).
   * @param size - an integer ≥ 1.
   * @returns a pipeline of chunks.
   * @throws {@link ValueError} if `size < 1`.
   * @remarks Directly on a RecordStore source, yields RecordStore chunks that **share the source's memory**
   * (columns adopted as subarrays; Categorical codes too). Over a TypedArray or Vector whose items reach this
   * stage unchanged (only `take`/`drop` before it), full chunks are **zero-copy `subarray` views of the source** (aliases: they see later writes and go
   * stale when a Vector reallocates). Chunks of computed values are new TypedArrays you may keep.
   */
  chunks(size?: number): Pipeline<Chunk<T>> {
    const spec = chunksStage(this.#plan, size);
    const store = this.#plan.store;
    if (store !== undefined && this.#plan.specs.length === 0) {
      return new Pipeline<Chunk<T>>(() => new StoreChunkSource(store, spec.n), { specs: [], chunkSize: this.#plan.chunkSize });
    }
    return this.#with(spec);
  }

  /**
   * Maps each item to an iterable and flattens it (lazy).
   * @param fn - returns an iterable; arrays and TypedArrays are passed on as chunks (fast path).
   * @returns a new pipeline.
   * @throws `TypeError` eagerly if `fn` is not a function; when run, if `fn` returns a non-iterable.
   */
  flatMap<U>(fn: (x: T) => Iterable<U>): Pipeline<U> {
    return this.#with(callbackStage('flatMap', fn));
  }

  /** Runs the pipeline into `sink`. */
  #run<R>(sink: Sink<R>): R {
    return runSync(this.#open, this.#plan, sink);
  }

  /**
   * Collects every item into a new array.
   * @returns the items.
   * @remarks O(n) memory (the only sink that holds everything besides `toVector`/`toStore`).
   */
  toArray(): T[] {
    return this.#run(new ArraySink()) as T[];
  }

  /**
   * Collects numeric items into a new {@link Vector}, checked against its dtype.
   * @param dtype - the Vector's dtype or Python typecode.
   * @returns the vector.
   * @throws `TypeError` / {@link OverflowError} for an item the dtype cannot hold (nothing is returned).
   * @remarks Typed chunks are appended in bulk (one validation pass and one `set` per chunk).
   */
  toVector<D extends DTypeLike>(dtype: D): Vector<ResolveDType<D>> {
    return this.#run(new VectorSink(resolveDType(dtype))) as Vector<ResolveDType<D>>;
  }

  /**
   * Collects records (objects, record views or cursor rows) into a new RecordStore; RecordStore items (chunks,
   * e.g. from {@link readCsv}) are appended whole.
   * @param schema - the store's schema.
   * @returns the store.
   * @throws as `RecordStore.push` / `extend` for a record that does not fit the schema.
   */
  toStore<S extends Schema>(schema: S): RecordStore<S> {
    return this.#run(new StoreSink(recordStore(schema) as unknown as RecordStore<Schema>)) as unknown as RecordStore<S>;
  }

  /**
   * Folds the items left to right (Python `functools.reduce`).
   * @param fn - `(acc, item) => acc`. A second argument `initial` gives the starting value; without it,
   *   the fold starts from the first item.
   * @returns the folded value.
   * @throws `TypeError` if the pipeline is empty and no `initial` was given.
   */
  reduce(fn: (acc: T, x: T) => T): T;
  reduce<A>(fn: (acc: A, x: T) => A, initial: A): A;
  reduce<A>(fn: (acc: A, x: T) => A, ...initial: [A?]): A {
    return this.#run(reduceSink(fn, initial)) as A;
  }

  /**
   * Sums the items left to right, as Python's `sum` (numbers, or bigints; 0 when empty).
   * @returns the sum.
   * @throws `TypeError` for a non-numeric item or a mix of numbers and bigints.
   * @remarks Runs inside the fused chunk loop: no per-item allocation.
   */
  sum(this: Pipeline<number>): number;
  sum(this: Pipeline<bigint>): bigint;
  sum(this: Pipeline<number | bigint>): number | bigint {
    return this.#run(new SumSink());
  }

  /**
   * Counts the items.
   * @returns the count.
   */
  count(): number {
    return this.#run(new CountSink());
  }

  /**
   * The smallest item (Python `min`: the first of equal items; comparisons with `<`).
   * @returns the minimum.
   * @throws {@link ValueError} if the pipeline is empty; `TypeError` for items that cannot be ordered.
   */
  min(): T {
    return this.#run(new ExtremeSink('min')) as T;
  }

  /**
   * The largest item (Python `max`).
   * @returns the maximum.
   * @throws {@link ValueError} if the pipeline is empty; `TypeError` for items that cannot be ordered.
   */
  max(): T {
    return this.#run(new ExtremeSink('max')) as T;
  }

  /**
   * The arithmetic mean (sum / count, left to right).
   * @returns the mean.
   * @throws {@link ValueError} if the pipeline is empty (Python `statistics.mean` raises StatisticsError, a ValueError).
   */
  mean(this: Pipeline<number | bigint>): number {
    return this.#run(new MeanSink()) as number;
  }

  /**
   * Calls `fn` for each item.
   * @param fn - the callback.
   */
  forEach(fn: (x: T) => unknown): void {
    checkFunction(fn, 'forEach');
    this.#run(new ForEachSink(fn as (x: never) => unknown));
  }

  /**
   * The first item, reading no further (the source is closed).
   * @returns the first item, or `undefined` if there is none.
   */
  first(): T | undefined {
    return this.#run(new FirstSink()) as T | undefined;
  }

  /**
   * Counts equal items (SameValueZero, so NaN counts as one value), like pandas `value_counts()`.
   * @returns a Map from item to count, ordered by count descending; ties in first-seen order.
   * @remarks Directly on a Categorical source, counts its codes in one pass (no value is decoded).
   */
  valueCounts(): Map<T, number> {
    const c = this.#plan.categorical;
    if (c !== undefined && this.#plan.specs.length === 0) return categoricalCounts(c) as Map<T, number>;
    return this.#run(new ValueCountsSink()) as Map<T, number>;
  }

  /**
   * Iterates the items.
   * @returns an iterator; `break` closes the source.
   */
  [Symbol.iterator](): Iterator<T> {
    return iterateSync<T>(this.#open, this.#plan);
  }

  /**
   * Iterates the items with `for await`.
   * @returns an async iterator; `break` closes the source.
   */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    const it = iterateSync<T>(this.#open, this.#plan);
    return asyncIteratorOf({ [Symbol.iterator]: () => it });
  }
}

/**
 * A lazy pipeline over an asynchronous source (an `AsyncIterable` or a web `ReadableStream`): the same stages
 * as {@link Pipeline}, with sinks returning Promises. Stage callbacks are synchronous.
 *
 * @remarks Items are awaited one at a time; a source that yields chunks (RecordStore chunks from
 * {@link readCsv}, TypedArrays) keeps the per-item cost per chunk. `flatMap(c => c)` over TypedArray chunks
 * feeds them to the chunk kernels.
 */
export class AsyncPipeline<T> implements AsyncIterable<T> {
  readonly #open: () => AsyncSource;
  readonly #plan: Plan;

  /** @internal Use {@link pipeline}. */
  constructor(open: () => AsyncSource, plan: Plan) {
    this.#open = open;
    this.#plan = plan;
  }

  #with<U>(spec: StageSpec): AsyncPipeline<U> {
    return new AsyncPipeline<U>(this.#open, withStage(this.#plan, spec));
  }

  /** Items per chunk for `chunks()` and scratch buffers. */
  get chunkSize(): number {
    return this.#plan.chunkSize;
  }

  /**
   * Transforms each item (lazy). See {@link Pipeline.map}.
   * @param fn - the transform (synchronous).
   * @returns a new pipeline.
   * @throws `TypeError` eagerly if `fn` is not a function.
   */
  map<U>(fn: (x: T) => U): AsyncPipeline<U> {
    return this.#with(callbackStage('map', fn));
  }

  /**
   * Keeps items for which `pred` is truthy (lazy).
   * @param pred - the predicate.
   * @returns a new pipeline.
   * @throws `TypeError` eagerly if `pred` is not a function.
   */
  filter<S extends T>(pred: (x: T) => x is S): AsyncPipeline<S>;
  filter(pred: (x: T) => unknown): AsyncPipeline<T>;
  filter(pred: (x: T) => unknown): AsyncPipeline<T> {
    return this.#with(callbackStage('filter', pred));
  }

  /**
   * Calls `fn` on each item, passing it on (lazy).
   * @param fn - the side effect.
   * @returns a new pipeline.
   * @throws `TypeError` eagerly if `fn` is not a function.
   */
  tap(fn: (x: T) => unknown): AsyncPipeline<T> {
    return this.#with(callbackStage('tap', fn));
  }

  /**
   * The first `n` items, then the source is closed (lazy).
   * @param n - an integer ≥ 0.
   * @returns a new pipeline.
   * @throws {@link ValueError} if `n < 0`.
   */
  take(n: number): AsyncPipeline<T> {
    return this.#with({ op: 'take', n: checkNonNegative(n, 'take') });
  }

  /**
   * Skips the first `n` items (lazy).
   * @param n - an integer ≥ 0.
   * @returns a new pipeline.
   * @throws {@link ValueError} if `n < 0`.
   */
  drop(n: number): AsyncPipeline<T> {
    return this.#with({ op: 'drop', n: checkNonNegative(n, 'drop') });
  }

  /**
   * Items while `pred` holds (lazy); the source is closed at the first failing item.
   * @param pred - the predicate.
   * @returns a new pipeline.
   * @throws `TypeError` eagerly if `pred` is not a function.
   */
  takeWhile(pred: (x: T) => unknown): AsyncPipeline<T> {
    return this.#with(callbackStage('takeWhile', pred));
  }

  /**
   * Skips items while `pred` holds (lazy).
   * @param pred - the predicate.
   * @returns a new pipeline.
   * @throws `TypeError` eagerly if `pred` is not a function.
   */
  dropWhile(pred: (x: T) => unknown): AsyncPipeline<T> {
    return this.#with(callbackStage('dropWhile', pred));
  }

  /**
   * Arrays of `n` items (lazy).
   * @param n - an integer ≥ 1.
   * @returns a new pipeline.
   * @throws {@link ValueError} if `n < 1`.
   */
  batch(n: number): AsyncPipeline<T[]> {
    return this.#with({ op: 'batch', n: checkPositive(n, 'batch') });
  }

  /**
   * Chunks of `size` items: TypedArrays for numeric data, arrays otherwise (lazy).
   * @param size - an integer ≥ 1 (default `chunkSize`).
   * @returns a new pipeline.
   * @throws {@link ValueError} if `size < 1`.
   */
  chunks(size?: number): AsyncPipeline<Chunk<T>> {
    return this.#with(chunksStage(this.#plan, size));
  }

  /**
   * Maps each item to a (sync) iterable and flattens it (lazy).
   * @param fn - returns an iterable; arrays and TypedArrays go on as chunks.
   * @returns a new pipeline.
   * @throws `TypeError` eagerly if `fn` is not a function.
   */
  flatMap<U>(fn: (x: T) => Iterable<U>): AsyncPipeline<U> {
    return this.#with(callbackStage('flatMap', fn));
  }

  #run<R>(sink: Sink<R>): Promise<R> {
    return runAsync(this.#open, this.#plan, sink);
  }

  /**
   * Collects every item.
   * @returns a Promise of the items.
   */
  toArray(): Promise<T[]> {
    return this.#run(new ArraySink()) as Promise<T[]>;
  }

  /**
   * Collects numeric items into a new {@link Vector}.
   * @param dtype - dtype or typecode.
   * @returns a Promise of the vector.
   * @throws `TypeError` / {@link OverflowError} (rejects) for an item the dtype cannot hold.
   */
  toVector<D extends DTypeLike>(dtype: D): Promise<Vector<ResolveDType<D>>> {
    return this.#run(new VectorSink(resolveDType(dtype))) as Promise<Vector<ResolveDType<D>>>;
  }

  /**
   * Collects records, or RecordStore chunks, into a new RecordStore.
   * @param schema - the store's schema.
   * @returns a Promise of the store.
   * @throws (rejects) as `RecordStore.push` / `extend` for a record that does not fit.
   */
  toStore<S extends Schema>(schema: S): Promise<RecordStore<S>> {
    return this.#run(new StoreSink(recordStore(schema) as unknown as RecordStore<Schema>)) as unknown as Promise<RecordStore<S>>;
  }

  /**
   * Folds the items left to right.
   * @param fn - `(acc, item) => acc`. A second argument `initial` gives the starting value; without it,
   *   the fold starts from the first item.
   * @returns a Promise of the folded value.
   * @throws `TypeError` (rejects) if empty with no `initial`.
   */
  reduce(fn: (acc: T, x: T) => T): Promise<T>;
  reduce<A>(fn: (acc: A, x: T) => A, initial: A): Promise<A>;
  reduce<A>(fn: (acc: A, x: T) => A, ...initial: [A?]): Promise<A> {
    return this.#run(reduceSink(fn, initial)) as Promise<A>;
  }

  /**
   * Sums the items (Python `sum`).
   * @returns a Promise of the sum.
   * @throws `TypeError` (rejects) for non-numeric items.
   */
  sum(this: AsyncPipeline<number>): Promise<number>;
  sum(this: AsyncPipeline<bigint>): Promise<bigint>;
  sum(this: AsyncPipeline<number | bigint>): Promise<number | bigint> {
    return this.#run(new SumSink());
  }

  /**
   * Counts the items.
   * @returns a Promise of the count.
   */
  count(): Promise<number> {
    return this.#run(new CountSink());
  }

  /**
   * The smallest item.
   * @returns a Promise of the minimum.
   * @throws {@link ValueError} (rejects) if empty.
   */
  min(): Promise<T> {
    return this.#run(new ExtremeSink('min')) as Promise<T>;
  }

  /**
   * The largest item.
   * @returns a Promise of the maximum.
   * @throws {@link ValueError} (rejects) if empty.
   */
  max(): Promise<T> {
    return this.#run(new ExtremeSink('max')) as Promise<T>;
  }

  /**
   * The arithmetic mean.
   * @returns a Promise of the mean.
   * @throws {@link ValueError} (rejects) if empty.
   */
  mean(this: AsyncPipeline<number | bigint>): Promise<number> {
    return this.#run(new MeanSink()) as Promise<number>;
  }

  /**
   * Calls `fn` for each item.
   * @param fn - the callback.
   * @returns a Promise that settles when the source is done.
   */
  forEach(fn: (x: T) => unknown): Promise<void> {
    checkFunction(fn, 'forEach');
    return this.#run(new ForEachSink(fn as (x: never) => unknown));
  }

  /**
   * The first item; the source is then closed.
   * @returns a Promise of the item, or `undefined`.
   */
  first(): Promise<T | undefined> {
    return this.#run(new FirstSink()) as Promise<T | undefined>;
  }

  /**
   * Counts equal items.
   * @returns a Promise of a Map ordered by count, descending.
   */
  valueCounts(): Promise<Map<T, number>> {
    return this.#run(new ValueCountsSink()) as Promise<Map<T, number>>;
  }

  /**
   * Iterates the items with `for await`.
   * @returns an async iterator; `break` closes the source.
   */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    return iterateAsync<T>(this.#open, this.#plan);
  }
}

function categoricalSource(c: Categorical<CategoryValue>, chunkSize: number): SyncSource {
  const codes = c.codes;
  const cats = c.categories;
  return new DecodedSource(codes.length, chunkSize, (s, e, out) => {
    for (let i = s, k = 0; i < e; i++, k++) {
      const code = codes[i]!;
      out[k] = code < 0 ? null : cats[code];
    }
  });
}

/** @internal Opens a sync source for `source`, or returns null if it is async. */
function syncOpener(source: unknown, chunkSize: number): (() => SyncSource) | null {
  if (source instanceof Vector) return () => new ArraySource(source.array, chunkSize);
  if (source instanceof Categorical) return () => categoricalSource(source, chunkSize);
  if (Array.isArray(source) || (ArrayBuffer.isView(source) && !(source instanceof DataView))) {
    return () => new ArraySource(source as unknown as ArrayLike<unknown>, chunkSize);
  }
  if (source instanceof RecordStore) return () => new StoreRowSource(source as RecordStore<Schema>, chunkSize);
  if (isIterable(source)) return () => new IteratorSource(source);
  return null;
}

/** A RecordStore-like source for typing: anything whose rows are iterated. */
export type PipelineSource<T> = Iterable<T> | AsyncIterable<T> | ReadableStreamLike<T>;

/**
 * Starts a lazy pipeline over `source`.
 *
 * @param source - an array, TypedArray, {@link Vector}, {@link Categorical}, {@link RecordStore} (rows as **one
 *   moving cursor**: read fields or call `toObject()` inside the pipeline, don't keep the row; `chunks()` gives
 *   zero-copy RecordStore chunks), a {@link CsvReader}, any iterable (a generator, a Set, another pipeline), an async iterable or a web ReadableStream.
 * @param options - `{chunkSize}` for in-memory sources (default 65 536).
 * @returns a {@link Pipeline} (sync sources) or an {@link AsyncPipeline} (async iterables and streams).
 * @throws {@link ValueError} eagerly for a bad `chunkSize` (as pandas' `chunksize`); `TypeError` for a
 *   non-iterable source.
 * @remarks O(1) to build. Over a Vector or TypedArray, chunks are zero-copy ranges of its memory (a Vector is
 * read through its `array` alias as it is when a run starts).
 * @example
 * ```ts
 * const v = vector('float64', [0.2, 0.7, 0.9]);
 * pipeline(v).filter((x) => x > 0.5).map((x) => x * 2).sum(); // 3.2
 * ```
 */
export function pipeline<D extends 'int64' | 'uint64'>(source: Vector<D>, options?: PipelineOptions): Pipeline<bigint>;
export function pipeline<D extends Exclude<DType, 'int64' | 'uint64'>>(source: Vector<D>, options?: PipelineOptions): Pipeline<number>;
export function pipeline(source: BigInt64Array | BigUint64Array, options?: PipelineOptions): Pipeline<bigint>;
export function pipeline(source: NumberTypedArray, options?: PipelineOptions): Pipeline<number>;
export function pipeline<T extends CategoryValue>(source: Categorical<T>, options?: PipelineOptions): Pipeline<T | null>;
export function pipeline<S extends Schema>(source: RecordStore<S>, options?: PipelineOptions): Pipeline<RecordCursor<S>>;
export function pipeline<S extends ReadableStreamLike<unknown>>(source: S, options?: PipelineOptions): AsyncPipeline<StreamChunk<S>>;
export function pipeline<T>(source: Iterable<T>, options?: PipelineOptions): Pipeline<T>;
export function pipeline<T>(source: AsyncIterable<T>, options?: PipelineOptions): AsyncPipeline<T>;
export function pipeline<T>(source: PipelineSource<T> | Vector<never>, options: PipelineOptions = {}): Pipeline<T> | AsyncPipeline<T> {
  const chunkSize = checkChunkSize(options.chunkSize);
  const plan: Plan =
    source instanceof RecordStore
      ? { specs: [], chunkSize, store: source as RecordStore<Schema> }
      : source instanceof Categorical
        ? { specs: [], chunkSize, categorical: source as Categorical<CategoryValue> }
        : { specs: [], chunkSize };
  const open = syncOpener(source, chunkSize);
  if (open !== null) return new Pipeline<T>(open, plan);
  if (isReadableStream(source)) return new AsyncPipeline<T>(() => new AsyncIteratorSource(() => streamIterator(source)), plan);
  if (isAsyncIterable(source)) return new AsyncPipeline<T>(() => new AsyncIteratorSource(() => source[Symbol.asyncIterator]()), plan);
  throwType(`pipeline(): source ${source === null ? 'null' : typeof source} is not iterable`);
}
