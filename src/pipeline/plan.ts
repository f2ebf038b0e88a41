/**
 * A pipeline's plan (its stage descriptors and chunk size, and the bare RecordStore or Categorical source its fast
 * paths use), the stage descriptors with their eager argument checks, and the option types of {@link pipeline}.
 *
 * @packageDocumentation
 */
import type { Categorical, CategoryValue } from '../categorical.js';
import { throwType, throwValue } from '../errors.js';
import type { RecordStore, Schema } from '../record-store.js';
import { checkFunction } from './iter-util.js';
import { ReduceSink, type Sink } from './sinks.js';
import type { StageSpec } from './stages.js';

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

/** `options.chunkSize` checked, or the default. @internal */
export function checkChunkSize(n: unknown): number {
  if (n === undefined) return DEFAULT_CHUNK_SIZE;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throwValue(`pipeline(): 'chunkSize' must be an integer >= 1, got ${String(n)}`);
  return n;
}

/** The `n` of `take`/`drop`: an integer ≥ 0. @internal */
export function checkNonNegative(n: unknown, where: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n)) throwType(`${where}(): n must be an integer, got ${String(n)}`);
  if (n < 0) throwValue(`${where}(): n must be >= 0, got ${n}`);
  return n;
}

/** The `n` of `batch`/`chunks`: an integer ≥ 1. @internal */
export function checkPositive(n: unknown, where: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n)) throwType(`${where}(): n must be an integer, got ${String(n)}`);
  if (n < 1) throwValue(`${where}(): n must be at least one, got ${n}`);
  return n;
}

/** A stage that takes a callback: its descriptor, the callback checked eagerly (shared by both pipeline kinds). @internal */
export function callbackStage(op: 'map' | 'filter' | 'tap' | 'takeWhile' | 'dropWhile' | 'flatMap', fn: unknown): StageSpec {
  checkFunction(fn, op);
  return { op, fn: fn as (x: never) => unknown };
}

/** The `chunks(size)` stage: `size` checked, defaulting to the pipeline's chunk size. @internal */
export function chunksStage(plan: Plan, size: number | undefined): StageSpec & { readonly op: 'chunks'; readonly n: number } {
  return { op: 'chunks', n: size === undefined ? plan.chunkSize : checkPositive(size, 'chunks') };
}

/** `plan` with one more stage (the RecordStore / Categorical fast paths apply only to a bare source). @internal */
export function withStage(plan: Plan, spec: StageSpec): Plan {
  return { specs: [...plan.specs, spec], chunkSize: plan.chunkSize };
}

/** `reduce`'s sink: `fn` checked eagerly; `initial` is the rest argument (empty: start from the first item). @internal */
export function reduceSink(fn: unknown, initial: readonly unknown[]): Sink<unknown> {
  checkFunction(fn, 'reduce');
  return new ReduceSink(fn as (acc: never, x: never) => unknown, initial.length > 0, initial[0]);
}

/** @internal What a pipeline runs: its stages, chunk size, and the bare source a fast path may use. */
export interface Plan {
  readonly specs: readonly StageSpec[];
  readonly chunkSize: number;
  /** Set when the source is a RecordStore: `chunks()` right after it yields zero-copy RecordStore chunks. */
  readonly store?: RecordStore<Schema>;
  /** Set when the source is a Categorical: `valueCounts()` right after it counts codes. */
  readonly categorical?: Categorical<CategoryValue>;
}
