/**
 * The pipeline classes: {@link Pipeline} over a synchronous source and {@link AsyncPipeline} over an
 * asynchronous one, lazy chunk-aware chains (Python generator chains, `itertools`, and pandas' chunked reading,
 * in one fluent type) that `pipeline(source)` (from-source.ts) starts.
 *
 * @packageDocumentation
 */
import { resolveDType, type DTypeLike, type ResolveDType } from '../dtype.js';
import { recordStore, type RecordStore, type Schema } from '../record-store.js';
import type { Vector } from '../vector.js';
import { categoricalCounts } from './categorical-source.js';
import { checkFunction } from './iter-util.js';
import { asyncIteratorOf } from './itertools-async.js';
import { callbackStage, checkNonNegative, checkPositive, chunksStage, reduceSink, withStage, type Chunk, type Plan } from './plan.js';
import { iterateAsync, iterateSync, runAsync, runSync } from './run.js';
import { ArraySink, CountSink, ExtremeSink, FirstSink, ForEachSink, MeanSink, SumSink, ValueCountsSink, type Sink } from './sinks.js';
import type { AsyncSource, SyncSource } from './sources.js';
import type { StageSpec } from './stages.js';
import { StoreChunkSource, StoreSink } from './store-source.js';
import { VectorSink } from './to-vector.js';

/** The pipeline type of each kind: what the stage methods both kinds share return. */
export interface PipelineKinds<U> {
  /** A stage of a {@link Pipeline} is a Pipeline. */
  readonly sync: Pipeline<U>;
  /** A stage of an {@link AsyncPipeline} is an AsyncPipeline. */
  readonly async: AsyncPipeline<U>;
}

/**
 * The lazy stages {@link Pipeline} and {@link AsyncPipeline} share: each checks its arguments eagerly, runs
 * nothing, and returns a new pipeline of the same kind over the same source with one more stage. Stage callbacks
 * are synchronous in both kinds.
 * @typeParam T - the item type.
 * @typeParam K - the kind: `'sync'` or `'async'`.
 */
export abstract class PipelineStages<T, K extends keyof PipelineKinds<unknown>> {
  /** @internal What this pipeline runs. */
  readonly _plan: Plan;

  /** @internal */
  constructor(plan: Plan) {
    this._plan = plan;
  }

  /** @internal A pipeline of this kind over the same source that runs `plan`. */
  abstract _with<U>(plan: Plan): PipelineKinds<U>[K];

  #with<U>(spec: StageSpec): PipelineKinds<U>[K] {
    return this._with<U>(withStage(this._plan, spec));
  }

  /** Items per chunk of this pipeline's in-memory source (async sources: of `chunks()` and scratch buffers). */
  get chunkSize(): number {
    return this._plan.chunkSize;
  }

  /**
   * Transforms each item (lazy).
   * @param fn - the transform (synchronous, in an AsyncPipeline too); keep it free of side effects where possible (it may run a chunk ahead).
   * @returns a new pipeline.
   * @throws `TypeError` eagerly if `fn` is not a function.
   * @remarks Fused with neighbouring `map`/`filter`/`tap` into one loop per chunk; no per-item allocation
   * while results are numbers.
   */
  map<U>(fn: (x: T) => U): PipelineKinds<U>[K] {
    return this.#with(callbackStage('map', fn));
  }

  /**
   * Keeps the items for which `pred` is truthy (lazy).
   * @param pred - the predicate; a type guard narrows the item type.
   * @returns a new pipeline.
   * @throws `TypeError` eagerly if `pred` is not a function.
   */
  filter<S extends T>(pred: (x: T) => x is S): PipelineKinds<S>[K];
  filter(pred: (x: T) => unknown): PipelineKinds<T>[K];
  filter(pred: (x: T) => unknown): PipelineKinds<T>[K] {
    return this.#with(callbackStage('filter', pred));
  }

  /**
   * Calls `fn` on each item and passes the item on unchanged (lazy).
   * @param fn - the side effect.
   * @returns a new pipeline.
   * @throws `TypeError` eagerly if `fn` is not a function.
   */
  tap(fn: (x: T) => unknown): PipelineKinds<T>[K] {
    return this.#with(callbackStage('tap', fn));
  }

  /**
   * The first `n` items; then the source is closed (lazy).
   * @param n - an integer ≥ 0.
   * @returns a new pipeline.
   * @throws {@link ValueError} if `n < 0`; `TypeError` if not an integer.
   * @remarks O(1) per chunk (a range of the chunk is passed on). `take(0)` never reads the source.
   */
  take(n: number): PipelineKinds<T>[K] {
    return this.#with({ op: 'take', n: checkNonNegative(n, 'take') });
  }

  /**
   * Skips the first `n` items (lazy).
   * @param n - an integer ≥ 0.
   * @returns a new pipeline.
   * @throws {@link ValueError} if `n < 0`; `TypeError` if not an integer.
   */
  drop(n: number): PipelineKinds<T>[K] {
    return this.#with({ op: 'drop', n: checkNonNegative(n, 'drop') });
  }

  /**
   * Items while `pred` holds; the first failing item is dropped and the source closed (lazy).
   * @param pred - the predicate.
   * @returns a new pipeline.
   * @throws `TypeError` eagerly if `pred` is not a function.
   */
  takeWhile(pred: (x: T) => unknown): PipelineKinds<T>[K] {
    return this.#with(callbackStage('takeWhile', pred));
  }

  /**
   * Skips items while `pred` holds, then passes everything on (lazy).
   * @param pred - the predicate; not called after it first fails.
   * @returns a new pipeline.
   * @throws `TypeError` eagerly if `pred` is not a function.
   */
  dropWhile(pred: (x: T) => unknown): PipelineKinds<T>[K] {
    return this.#with(callbackStage('dropWhile', pred));
  }

  /**
   * Groups items into arrays of `n` (the last may be shorter), like `batched` (lazy).
   * @param n - an integer ≥ 1.
   * @returns a pipeline of new arrays.
   * @throws {@link ValueError} if `n < 1`; `TypeError` if not an integer.
   */
  batch(n: number): PipelineKinds<T[]>[K] {
    return this.#with({ op: 'batch', n: checkPositive(n, 'batch') });
  }

  /**
   * Groups items into chunks of `size` (default: the pipeline's `chunkSize`; the last may be shorter):
   * TypedArrays for numeric data, arrays otherwise (lazy).
   * @param size - an integer ≥ 1.
   * @returns a pipeline of chunks.
   * @throws {@link ValueError} if `size < 1`.
   */
  chunks(size?: number): PipelineKinds<Chunk<T>>[K] {
    return this.#with(chunksStage(this._plan, size));
  }

  /**
   * Maps each item to an iterable and flattens it (lazy).
   * @param fn - returns an iterable; arrays and TypedArrays are passed on as chunks (fast path).
   * @returns a new pipeline.
   * @throws `TypeError` eagerly if `fn` is not a function; when run, if `fn` returns a non-iterable.
   */
  flatMap<U>(fn: (x: T) => Iterable<U>): PipelineKinds<U>[K] {
    return this.#with(callbackStage('flatMap', fn));
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
export class Pipeline<T> extends PipelineStages<T, 'sync'> implements Iterable<T>, AsyncIterable<T> {
  readonly #open: () => SyncSource;

  /** @internal Use {@link pipeline}. */
  constructor(open: () => SyncSource, plan: Plan) {
    super(plan);
    this.#open = open;
  }

  /** @internal */
  _with<U>(plan: Plan): Pipeline<U> {
    return new Pipeline<U>(this.#open, plan);
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
  override chunks(size?: number): Pipeline<Chunk<T>> {
    const store = this._plan.store;
    if (store !== undefined && this._plan.specs.length === 0) {
      const n = chunksStage(this._plan, size).n;
      return new Pipeline<Chunk<T>>(() => new StoreChunkSource(store, n), { specs: [], chunkSize: this._plan.chunkSize });
    }
    return super.chunks(size);
  }

  /** Runs the pipeline into `sink`. */
  #run<R>(sink: Sink<R>): R {
    return runSync(this.#open, this._plan, sink);
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
    const c = this._plan.categorical;
    if (c !== undefined && this._plan.specs.length === 0) return categoricalCounts(c) as Map<T, number>;
    return this.#run(new ValueCountsSink()) as Map<T, number>;
  }

  /**
   * Iterates the items.
   * @returns an iterator; `break` closes the source.
   */
  [Symbol.iterator](): Iterator<T> {
    return iterateSync<T>(this.#open, this._plan);
  }

  /**
   * Iterates the items with `for await`.
   * @returns an async iterator; `break` closes the source.
   */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    const it = iterateSync<T>(this.#open, this._plan);
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
export class AsyncPipeline<T> extends PipelineStages<T, 'async'> implements AsyncIterable<T> {
  readonly #open: () => AsyncSource;

  /** @internal Use {@link pipeline}. */
  constructor(open: () => AsyncSource, plan: Plan) {
    super(plan);
    this.#open = open;
  }

  /** @internal */
  _with<U>(plan: Plan): AsyncPipeline<U> {
    return new AsyncPipeline<U>(this.#open, plan);
  }

  #run<R>(sink: Sink<R>): Promise<R> {
    return runAsync(this.#open, this._plan, sink);
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
    return iterateAsync<T>(this.#open, this._plan);
  }
}
