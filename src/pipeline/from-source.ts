/**
 * `pipeline(source)`: the entry point, which opens the source (an array, TypedArray, Vector, Categorical,
 * RecordStore, iterable, async iterable or stream) and starts a {@link Pipeline} or {@link AsyncPipeline}.
 *
 * @packageDocumentation
 */
import { Categorical } from '../categorical.js';
import type { CategoryValue } from '../categorical.js';
import type { DType } from '../dtype.js';
import { throwType } from '../errors.js';
import { RecordStore, type RecordCursor, type Schema } from '../record-store.js';
import { Vector } from '../vector.js';
import { categoricalSource } from './categorical-source.js';
import { isAsyncIterable, isIterable } from './iter-util.js';
import { AsyncPipeline, Pipeline } from './pipeline.js';
import { checkChunkSize, type NumberTypedArray, type Plan, type PipelineOptions } from './plan.js';
import { ArraySource, AsyncIteratorSource, IteratorSource, isReadableStream, streamIterator, type ReadableStreamLike, type StreamChunk, type SyncSource } from './sources.js';
import { StoreRowSource } from './store-source.js';

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
