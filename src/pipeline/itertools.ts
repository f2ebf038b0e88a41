/**
 * Python's `itertools` (and `enumerate`) for JavaScript iterables and async iterables. Each function has one
 * name for both: given an `AsyncIterable` it returns an async iterator, otherwise a sync one.
 *
 * Shared rules, as in CPython 3.13: arguments are checked **eagerly** (ValueError for a bad count, TypeError
 * for a non-iterable); items are pulled lazily and never more than Python pulls; when the consumer exits early
 * (`break`, `return()`), or a callback throws, the source's `return()` is called. When a function stops on its
 * own (`islice` reached `stop`, `takewhile` met a failing item) the source is left open and positioned as in
 * Python, so a shared iterator can be read on.
 *
 * @packageDocumentation
 */
import { throwType, throwValue } from '../errors.js';
import {
  accumulateAsync,
  asyncIteratorOf,
  batchedAsync,
  chainAsync,
  chainFromAsync,
  compressAsync,
  dropwhileAsync,
  enumerateAsync,
  GroupByAsync,
  isliceAsync,
  pairwiseAsync,
  starmapAsync,
  takewhileAsync,
  TeeAsync,
  zipLongestAsync,
} from './itertools-async.js';
import {
  accumulateSync,
  batchedSync,
  chainFromSync,
  chainSync,
  checkCountArgs,
  compressSync,
  countSync,
  dropwhileSync,
  enumerateSync,
  GroupBySync,
  isliceSync,
  pairwiseSync,
  starmapSync,
  takewhileSync,
  TeeSync,
  zipLongestSync,
} from './itertools-sync.js';
import { checkCount, checkFunction, checkIterable, isAsyncOnly, pyAdd, type AnyIterable } from './iter-util.js';

export type { AnyIterable } from './iter-util.js';

function iter<T>(x: Iterable<T>): Iterator<T> {
  return x[Symbol.iterator]();
}

const MAX_INDEX = Number.MAX_SAFE_INTEGER;

function sliceIndex(x: unknown, what: 'Stop argument for' | 'Indices for'): number {
  if (x === null || x === undefined) return -1;
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x > MAX_INDEX) {
    throwValue(`${what} islice() must be null or an integer: 0 <= x <= ${MAX_INDEX}, got ${String(x)}`);
  }
  return x;
}

/**
 * Lazily slices an iterable, as Python's `islice(it, stop)` / `islice(it, start, stop, step)`.
 *
 * @param it - the source (sync or async).
 * @param stop - where to stop (exclusive; `null` for no stop). With more arguments this is `start`, followed
 *   by `stop` and an optional `step`, as Python's `islice(it, start, stop[, step])`; `null`/`undefined` for an
 *   omitted part.
 * @returns an iterator over the selected items (async for an async source).
 * @throws {@link ValueError} eagerly for a negative or non-integer `start`/`stop` or a `step` < 1.
 * @throws `TypeError` eagerly if `it` is not iterable, or with no slice arguments.
 * @remarks O(1) memory. Consumption matches CPython: `islice(g, 3)` leaves `g` at item 3, `islice(g, 5, 3)`
 * consumes 5 items and yields none; reaching `stop` does not close the source, an early exit does.
 * @example
 * ```ts
 * [...islice('ABCDEFG', 2, null, 2)]; // ['C', 'E', 'G']
 * ```
 */
export function islice<T>(it: Iterable<T>, stop: number | null | undefined): IterableIterator<T>;
export function islice<T>(it: Iterable<T>, start: number | null | undefined, stop: number | null | undefined, step?: number | null): IterableIterator<T>;
export function islice<T>(it: AsyncIterable<T>, stop: number | null | undefined): AsyncIterableIterator<T>;
export function islice<T>(it: AsyncIterable<T>, start: number | null | undefined, stop: number | null | undefined, step?: number | null): AsyncIterableIterator<T>;
export function islice<T>(it: AnyIterable<T>, ...args: unknown[]): IterableIterator<T> | AsyncIterableIterator<T> {
  if (args.length === 0) throwType('islice expected at least 2 arguments, got 1');
  if (args.length > 3) throwType(`islice expected at most 4 arguments, got ${args.length + 1}`);
  let start = 0;
  let stop: number;
  let step = 1;
  if (args.length === 1) stop = sliceIndex(args[0], 'Stop argument for');
  else {
    const s = sliceIndex(args[0], 'Indices for');
    start = s === -1 ? 0 : s;
    stop = sliceIndex(args[1], 'Stop argument for');
    const st = args[2];
    if (st !== null && st !== undefined) {
      if (typeof st !== 'number' || !Number.isInteger(st) || st < 1 || st > MAX_INDEX) {
        throwValue(`Step for islice() must be a positive integer or null, got ${String(st)}`);
      }
      step = st;
    }
  }
  checkIterable(it, 'islice');
  return isAsyncOnly(it) ? isliceAsync(asyncIteratorOf(it), start, stop, step) : isliceSync(iter(it as Iterable<T>), start, stop, step);
}

/** The `chain` function, with Python's `chain.from_iterable` as `chain.fromIterable`. */
export interface Chain {
  /**
   * Concatenates iterables lazily (Python `chain(*its)`); each is opened only when reached.
   * @param its - iterables; if any is async-only, the result is async.
   * @returns one iterator over all items in order.
   * @throws `TypeError` eagerly for a non-iterable argument (Python raises it lazily; JS needs to know
   *   up front whether the result is sync or async).
   * @remarks O(1) memory; an early exit closes the iterable being read.
   * @example
   * ```ts
   * [...chain([1, 2], new Set([3]))]; // [1, 2, 3]
   * ```
   */
  <T>(...its: Iterable<T>[]): IterableIterator<T>;
  <T>(...its: AnyIterable<T>[]): AsyncIterableIterator<T>;
  /**
   * Concatenates the iterables produced by `its`, reading `its` lazily (Python `chain.from_iterable`).
   * @param its - an iterable of iterables.
   * @returns one iterator over all items.
   * @throws `TypeError` eagerly if `its` is not iterable; lazily when it yields a non-iterable.
   */
  fromIterable: {
    <T>(its: Iterable<Iterable<T>>): IterableIterator<T>;
    <T>(its: AsyncIterable<AnyIterable<T>> | Iterable<AnyIterable<T>>): AsyncIterableIterator<T>;
  };
}

function chainImpl<T>(...its: AnyIterable<T>[]): IterableIterator<T> | AsyncIterableIterator<T> {
  let async = false;
  for (let i = 0; i < its.length; i++) {
    checkIterable(its[i], 'chain', `argument ${i + 1}`);
    if (isAsyncOnly(its[i])) async = true;
  }
  return async ? chainAsync(its) : chainSync(its as Iterable<T>[]);
}

function chainFromIterable<T>(its: AnyIterable<AnyIterable<T>>): IterableIterator<T> | AsyncIterableIterator<T> {
  checkIterable(its, 'chain.fromIterable');
  if (isAsyncOnly(its)) return chainFromAsync(asyncIteratorOf(its));
  // A sync outer iterable whose elements may be async: the caller asked for the async overload only if
  // the types said so; at run time an async element in a sync chain is a TypeError (lazily).
  return chainFromSync(iter(its as Iterable<Iterable<T>>));
}

/**
 * Lazy concatenation (Python `itertools.chain`), with `chain.fromIterable` (Python `chain.from_iterable`).
 * @example
 * ```ts
 * [...chain.fromIterable([[1], [2, 3]])]; // [1, 2, 3]
 * ```
 */
export const chain: Chain = Object.assign(chainImpl, { fromIterable: chainFromIterable }) as Chain;

/** Options of {@link batched}. */
export interface BatchedOptions {
  /** If true, a short final batch is a {@link ValueError} (raised when that batch is requested). */
  readonly strict?: boolean;
}

/**
 * Splits an iterable into arrays of `n` items; the last may be shorter (Python 3.13 `batched`).
 * @param it - the source.
 * @param n - batch size, an integer ≥ 1.
 * @param options - `{strict}`.
 * @returns an iterator of arrays (Python yields tuples).
 * @throws {@link ValueError} eagerly if `n < 1`; lazily, under `strict`, at a short final batch.
 * @throws `TypeError` eagerly for a non-integer `n` or a non-iterable `it`.
 * @remarks Each batch is a new array of `n` items; nothing else is buffered.
 * @example
 * ```ts
 * [...batched('ABCDEFG', 3)]; // [['A','B','C'], ['D','E','F'], ['G']]
 * ```
 */
export function batched<T>(it: Iterable<T>, n: number, options?: BatchedOptions): IterableIterator<T[]>;
export function batched<T>(it: AsyncIterable<T>, n: number, options?: BatchedOptions): AsyncIterableIterator<T[]>;
export function batched<T>(it: AnyIterable<T>, n: number, options: BatchedOptions = {}): IterableIterator<T[]> | AsyncIterableIterator<T[]> {
  checkCount(n, 1, 'batched', 'n must be at least one');
  checkIterable(it, 'batched');
  const strict = options.strict === true;
  return isAsyncOnly(it) ? batchedAsync(asyncIteratorOf(it), n, strict) : batchedSync(iter(it as Iterable<T>), n, strict);
}

/**
 * Groups **consecutive** items with equal keys (Python `groupby`); yields `[key, group]` pairs.
 * @param it - the source.
 * @param key - key function; the item itself if omitted. Keys compare with SameValueZero (`===`, NaN equal).
 * @returns an iterator of `[key, groupIterator]`.
 * @throws `TypeError` eagerly for a non-iterable or a non-function key.
 * @remarks Groups share the source, as in Python: advancing the outer iterator empties the previous group,
 * so copy a group (`[...g]`) before moving on. O(1) memory.
 * @example
 * ```ts
 * [...groupby('AAABBC')].map(([k, g]) => [k, [...g].length]); // [['A', 3], ['B', 2], ['C', 1]]
 * ```
 */
export function groupby<T, K = T>(it: Iterable<T>, key?: (x: T) => K): IterableIterator<[K, IterableIterator<T>]>;
export function groupby<T, K = T>(it: AsyncIterable<T>, key?: (x: T) => K): AsyncIterableIterator<[K, AsyncIterableIterator<T>]>;
export function groupby<T, K>(it: AnyIterable<T>, key?: (x: T) => K): IterableIterator<[K, IterableIterator<T>]> | AsyncIterableIterator<[K, AsyncIterableIterator<T>]> {
  if (key !== undefined && key !== null) checkFunction(key, 'groupby', 'key');
  checkIterable(it, 'groupby');
  const k = (key ?? ((x: T) => x as unknown as K)) as (x: T) => K;
  return isAsyncOnly(it) ? new GroupByAsync(asyncIteratorOf(it), k) : new GroupBySync(iter(it as Iterable<T>), k);
}

/** Options of {@link accumulate}. */
export interface AccumulateOptions<A> {
  /** Emitted first, and the fold's starting value. */
  readonly initial?: A;
}

/**
 * Running fold (Python `accumulate`): sums by default.
 * @param it - the source.
 * @param fn - `(acc, item) => acc`; Python `+` if omitted (numbers, bigints or strings of one kind; mixing is a
 *   TypeError, as in Python, not JS's silent `1 + 'a'`).
 * @param options - `{initial}`: emitted first.
 * @returns an iterator of running totals.
 * @throws `TypeError` eagerly for a non-iterable or non-function; lazily for mixed operands with the default `+`.
 * @remarks O(1) memory.
 * @example
 * ```ts
 * [...accumulate([1, 2, 3], undefined, { initial: 10 })]; // [10, 11, 13, 16]
 * ```
 */
export function accumulate<T>(it: Iterable<T>, fn?: null, options?: AccumulateOptions<T>): IterableIterator<T>;
export function accumulate<T, A>(it: Iterable<T>, fn: (acc: A, x: T) => A, options: AccumulateOptions<A> & { initial: A }): IterableIterator<A>;
export function accumulate<T>(it: Iterable<T>, fn: (acc: T, x: T) => T, options?: AccumulateOptions<T>): IterableIterator<T>;
export function accumulate<T>(it: AsyncIterable<T>, fn?: null, options?: AccumulateOptions<T>): AsyncIterableIterator<T>;
export function accumulate<T, A>(it: AsyncIterable<T>, fn: (acc: A, x: T) => A, options: AccumulateOptions<A> & { initial: A }): AsyncIterableIterator<A>;
export function accumulate<T>(it: AsyncIterable<T>, fn: (acc: T, x: T) => T, options?: AccumulateOptions<T>): AsyncIterableIterator<T>;
export function accumulate<T, A>(it: AnyIterable<T>, fn?: ((acc: A, x: T) => A) | null, options: AccumulateOptions<A> = {}): IterableIterator<A> | AsyncIterableIterator<A> {
  if (fn !== undefined && fn !== null) checkFunction(fn, 'accumulate', 'func');
  checkIterable(it, 'accumulate');
  const f = (fn ?? pyAdd) as (acc: A, x: T) => A;
  const has = Object.prototype.hasOwnProperty.call(options, 'initial') && options.initial !== undefined;
  return isAsyncOnly(it) ? accumulateAsync(asyncIteratorOf(it), f, has, options.initial) : accumulateSync(iter(it as Iterable<T>), f, has, options.initial);
}

/**
 * Yields items while `pred` holds (Python `takewhile(pred, it)`, same argument order).
 * @param pred - predicate (JS truthiness).
 * @param it - the source.
 * @returns an iterator over the leading run.
 * @throws `TypeError` eagerly for a non-function or non-iterable.
 * @remarks The first failing item is consumed and dropped, as in Python: a shared iterator continues after it.
 * @example
 * ```ts
 * [...takewhile((x: number) => x < 5, [1, 4, 6, 3, 8])]; // [1, 4]
 * ```
 */
export function takewhile<T>(pred: (x: T) => unknown, it: Iterable<T>): IterableIterator<T>;
export function takewhile<T>(pred: (x: T) => unknown, it: AsyncIterable<T>): AsyncIterableIterator<T>;
export function takewhile<T>(pred: (x: T) => unknown, it: AnyIterable<T>): IterableIterator<T> | AsyncIterableIterator<T> {
  checkFunction(pred, 'takewhile', 'predicate');
  checkIterable(it, 'takewhile');
  return isAsyncOnly(it) ? takewhileAsync(pred, asyncIteratorOf(it)) : takewhileSync(pred, iter(it as Iterable<T>));
}

/**
 * Skips items while `pred` holds, then yields the rest (Python `dropwhile(pred, it)`).
 * @param pred - predicate; not called again after the first failure.
 * @param it - the source.
 * @returns an iterator.
 * @throws `TypeError` eagerly for a non-function or non-iterable.
 * @example
 * ```ts
 * [...dropwhile((x: number) => x < 5, [1, 4, 6, 3, 8])]; // [6, 3, 8]
 * ```
 */
export function dropwhile<T>(pred: (x: T) => unknown, it: Iterable<T>): IterableIterator<T>;
export function dropwhile<T>(pred: (x: T) => unknown, it: AsyncIterable<T>): AsyncIterableIterator<T>;
export function dropwhile<T>(pred: (x: T) => unknown, it: AnyIterable<T>): IterableIterator<T> | AsyncIterableIterator<T> {
  checkFunction(pred, 'dropwhile', 'predicate');
  checkIterable(it, 'dropwhile');
  return isAsyncOnly(it) ? dropwhileAsync(pred, asyncIteratorOf(it)) : dropwhileSync(pred, iter(it as Iterable<T>));
}

/** Most iterators `tee` makes at once (2^16). */
const TEE_MAX = 65536;

/**
 * Splits one iterator into `n` independent ones (Python `tee(it, n=2)`).
 * @param it - the source; read it only through the tees afterwards (reading it directly makes the tees skip).
 * @param n - number of iterators, ≥ 0.
 * @returns an array of `n` iterators.
 * @throws {@link ValueError} eagerly if `n < 0` or `n > 65536` (Python answers
 *   `tee(it, 10**9)` with MemoryError; compactly has no MemoryError and refuses before allocating);
 *   `TypeError` for a non-integer `n` or a non-iterable.
 * @remarks Items are buffered in a shared linked list only until the slowest tee has read them. The source is
 * closed once every tee has been closed early. Async tees share one pending pull.
 * @example
 * ```ts
 * const [a, b] = tee([1, 2, 3]); [...a]; [...b]; // [1, 2, 3] twice
 * ```
 */
export function tee<T>(it: Iterable<T>, n?: number): IterableIterator<T>[];
export function tee<T>(it: AsyncIterable<T>, n?: number): AsyncIterableIterator<T>[];
export function tee<T>(it: AnyIterable<T>, n = 2): IterableIterator<T>[] | AsyncIterableIterator<T>[] {
  checkCount(n, 0, 'tee', 'n must be >= 0');
  if (n > TEE_MAX) throwValue(`tee: n=${n} iterators is more than the limit of ${TEE_MAX} (each tee is an object; a billion would exhaust the heap)`);
  checkIterable(it, 'tee');
  if (n === 0) return [];
  return isAsyncOnly(it) ? TeeAsync.make(asyncIteratorOf(it), n) : TeeSync.make(iter(it as Iterable<T>), n);
}

/** Options of {@link zipLongest}. */
export interface ZipLongestOptions<F> {
  /** Value for the missing items of shorter inputs (default `undefined`, Python's `None`). */
  readonly fillvalue: F;
}

/** A tuple of iterables over the element types `T` (the arguments of {@link zipLongest}). */
export type Iterables<T extends unknown[]> = { [K in keyof T]: Iterable<T[K]> };
/** A tuple of sync or async iterables over the element types `T`. */
export type AnyIterables<T extends unknown[]> = { [K in keyof T]: AnyIterable<T[K]> };
/** A {@link zipLongest} row: each element, or the fill value `F` once its input is exhausted. */
export type Filled<T extends unknown[], F> = { [K in keyof T]: T[K] | F };

function isOptions(x: unknown): x is ZipLongestOptions<unknown> {
  return x !== null && typeof x === 'object' && !isIterableOrAsync(x) && Object.getPrototypeOf(x) === Object.prototype;
}
function isIterableOrAsync(x: unknown): boolean {
  return (
    x != null &&
    (typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function' || typeof (x as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function')
  );
}

/**
 * Zips iterables, padding the shorter ones (Python `zip_longest(*its, fillvalue=None)`).
 * @param its - the iterables, optionally followed by `{fillvalue}` (a plain object).
 * @returns an iterator of arrays, one item per input.
 * @throws `TypeError` eagerly for a non-iterable argument.
 * @remarks No arguments → empty. An early exit closes every input not yet exhausted.
 * @example
 * ```ts
 * [...zipLongest([1, 2], [3], { fillvalue: 0 })]; // [[1, 3], [2, 0]]
 * ```
 */
export function zipLongest<T extends unknown[]>(...its: Iterables<T>): IterableIterator<Filled<T, undefined>>;
export function zipLongest<T extends unknown[], F>(...args: [...Iterables<T>, ZipLongestOptions<F>]): IterableIterator<Filled<T, F>>;
export function zipLongest<T extends unknown[]>(...its: AnyIterables<T>): AsyncIterableIterator<Filled<T, undefined>>;
export function zipLongest<T extends unknown[], F>(...args: [...AnyIterables<T>, ZipLongestOptions<F>]): AsyncIterableIterator<Filled<T, F>>;
export function zipLongest(...args: unknown[]): IterableIterator<unknown[]> | AsyncIterableIterator<unknown[]> {
  let fill: unknown = undefined;
  const last = args[args.length - 1];
  if (args.length > 0 && isOptions(last)) {
    fill = last.fillvalue;
    args = args.slice(0, -1);
  }
  let async = false;
  for (let i = 0; i < args.length; i++) {
    checkIterable(args[i], 'zipLongest', `argument ${i + 1}`);
    if (isAsyncOnly(args[i])) async = true;
  }
  if (async)
    return zipLongestAsync(
      args.map((x) => asyncIteratorOf(x as AnyIterable<unknown>)),
      fill,
    );
  return zipLongestSync(
    args.map((x) => iter(x as Iterable<unknown>)),
    fill,
  );
}

/**
 * Overlapping pairs `[a, b], [b, c], …` (Python `pairwise`).
 * @param it - the source.
 * @returns an iterator of pairs; empty for fewer than 2 items.
 * @throws `TypeError` eagerly for a non-iterable.
 * @example
 * ```ts
 * [...pairwise('ABC')]; // [['A', 'B'], ['B', 'C']]
 * ```
 */
export function pairwise<T>(it: Iterable<T>): IterableIterator<[T, T]>;
export function pairwise<T>(it: AsyncIterable<T>): AsyncIterableIterator<[T, T]>;
export function pairwise<T>(it: AnyIterable<T>): IterableIterator<[T, T]> | AsyncIterableIterator<[T, T]> {
  checkIterable(it, 'pairwise');
  return isAsyncOnly(it) ? pairwiseAsync(asyncIteratorOf(it)) : pairwiseSync(iter(it as Iterable<T>));
}

/**
 * Keeps the items of `data` whose selector is truthy (Python `compress`); stops at the shorter input.
 * @param data - the items.
 * @param selectors - flags (JS truthiness: `[]` is truthy here, unlike Python).
 * @returns an iterator.
 * @throws `TypeError` eagerly for a non-iterable.
 * @example
 * ```ts
 * [...compress('ABCDEF', [1, 0, 1, 0, 1, 1])]; // ['A', 'C', 'E', 'F']
 * ```
 */
export function compress<T>(data: Iterable<T>, selectors: Iterable<unknown>): IterableIterator<T>;
export function compress<T>(data: AnyIterable<T>, selectors: AnyIterable<unknown>): AsyncIterableIterator<T>;
export function compress<T>(data: AnyIterable<T>, selectors: AnyIterable<unknown>): IterableIterator<T> | AsyncIterableIterator<T> {
  checkIterable(data, 'compress', 'data');
  checkIterable(selectors, 'compress', 'selectors');
  if (isAsyncOnly(data) || isAsyncOnly(selectors)) return compressAsync(asyncIteratorOf(data), asyncIteratorOf(selectors));
  return compressSync(iter(data as Iterable<T>), iter(selectors as Iterable<unknown>));
}

/**
 * Calls `fn(...args)` for each argument list (Python `starmap(fn, it)`).
 * @param fn - the function.
 * @param it - iterable of argument lists (each itself iterable).
 * @returns an iterator of results.
 * @throws `TypeError` eagerly for a non-function or non-iterable; lazily for a non-iterable element.
 * @example
 * ```ts
 * [...starmap(Math.pow, [[2, 5], [3, 2]])]; // [32, 9]
 * ```
 */
export function starmap<A extends unknown[], R>(fn: (...args: A) => R, it: Iterable<A>): IterableIterator<R>;
export function starmap<A extends unknown[], R>(fn: (...args: A) => R, it: AsyncIterable<A>): AsyncIterableIterator<R>;
export function starmap<A extends unknown[], R>(fn: (...args: A) => R, it: AnyIterable<A>): IterableIterator<R> | AsyncIterableIterator<R> {
  checkFunction(fn, 'starmap', 'function');
  checkIterable(it, 'starmap');
  const f = fn as unknown as (...args: never[]) => R;
  return isAsyncOnly(it) ? starmapAsync(f, asyncIteratorOf(it)) : starmapSync(f, iter(it as Iterable<A>));
}

/**
 * Infinite arithmetic progression (Python `count(start=0, step=1)`).
 * @param start - first value (number or bigint).
 * @param step - increment, of the same kind as `start`.
 * @returns an endless iterator; float steps accumulate (`count(10, 2.5)` → 10, 12.5, 15).
 * @throws `TypeError` if `start` and `step` are not both numbers or both bigints.
 * @example
 * ```ts
 * [...islice(count(10, 2.5), 3)]; // [10, 12.5, 15]
 * ```
 */
export function count(start?: number, step?: number): IterableIterator<number>;
export function count(start: bigint, step?: bigint): IterableIterator<bigint>;
export function count(start: number | bigint = 0, step?: number | bigint): IterableIterator<number | bigint> {
  const s = step ?? (typeof start === 'bigint' ? 1n : 1);
  checkCountArgs(start, s);
  return countSync(start, s);
}

/**
 * Pairs each item with its index (Python `enumerate(it, start=0)`).
 * @param it - the source.
 * @param start - first index (an integer).
 * @returns an iterator of `[index, item]`.
 * @throws `TypeError` eagerly for a non-iterable or non-integer `start`.
 * @example
 * ```ts
 * [...enumerate('ab', 5)]; // [[5, 'a'], [6, 'b']]
 * ```
 */
export function enumerate<T>(it: Iterable<T>, start?: number): IterableIterator<[number, T]>;
export function enumerate<T>(it: AsyncIterable<T>, start?: number): AsyncIterableIterator<[number, T]>;
export function enumerate<T>(it: AnyIterable<T>, start = 0): IterableIterator<[number, T]> | AsyncIterableIterator<[number, T]> {
  if (typeof start !== 'number' || !Number.isInteger(start)) throwType(`enumerate(): start must be an integer, got ${String(start)}`);
  checkIterable(it, 'enumerate');
  return isAsyncOnly(it) ? enumerateAsync(asyncIteratorOf(it), start) : enumerateSync(iter(it as Iterable<T>), start);
}
