/**
 * Shared helpers of the itertools functions and pipelines: iterable detection, eager argument checks,
 * and closing a source without masking the error that caused the close.
 *
 * @internal
 * @packageDocumentation
 */
import { describe, throwType, throwValue } from '../errors.js';

/** Anything `for…of` or `for await…of` accepts. */
export type AnyIterable<T> = Iterable<T> | AsyncIterable<T>;

/** @internal True if `x` has a callable `[Symbol.iterator]` (strings included, as Python iterates `str`). */
export function isIterable(x: unknown): x is Iterable<unknown> {
  return x != null && typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}

/** @internal True if `x` has a callable `[Symbol.asyncIterator]`. */
export function isAsyncIterable(x: unknown): x is AsyncIterable<unknown> {
  return x != null && typeof (x as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
}

/**
 * @internal True when `x` must be consumed asynchronously: it is async-iterable and not sync-iterable
 * (an object offering both is consumed synchronously).
 */
export function isAsyncOnly(x: unknown): x is AsyncIterable<unknown> {
  return !isIterable(x) && isAsyncIterable(x);
}

/** @internal Throws Python's `TypeError: 'x' object is not iterable` unless `x` is (async-)iterable. */
export function checkIterable(x: unknown, fn: string, what = 'argument'): void {
  if (!isIterable(x) && !isAsyncIterable(x)) notIterable(x, fn, what);
}

/** @internal */
export function notIterable(x: unknown, fn: string, what = 'argument'): never {
  throwType(`${fn}(): ${what} ${describe(x)} (${x === null ? 'null' : typeof x}) is not iterable`);
}

/** @internal Throws `TypeError` unless `fn` is a function. */
export function checkFunction(fn: unknown, where: string, what = 'callback'): void {
  if (typeof fn !== 'function') throwType(`${where}(): ${what} must be a function, got ${describe(fn)}`);
}

/**
 * @internal Checks an integer count argument: `TypeError` for a non-integer (Python: `'float' object cannot be
 * interpreted as an integer`), `ValueError` below `min`.
 */
export function checkCount(n: unknown, min: number, where: string, message: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throwType(`${where}(): ${typeof n === 'number' ? 'non-integer' : typeof n} ${describe(n)} cannot be interpreted as an integer`);
  }
  if (n < min) throwValue(`${where}(): ${message}, got ${n}`);
  return n;
}

/** @internal Calls `it.return()` if present, swallowing nothing (used on the normal early-exit path). */
export function closeIterator(it: Iterator<unknown> | undefined): void {
  if (it !== undefined && typeof it.return === 'function') it.return();
}

/** @internal Awaits `it.return()` if present. */
export async function closeAsyncIterator(it: AsyncIterator<unknown> | Iterator<unknown> | undefined): Promise<void> {
  if (it !== undefined && typeof it.return === 'function') await it.return();
}

/** @internal Python `+` for the default `accumulate`: same-kind numbers, bigints or strings only. */
export function pyAdd(a: unknown, b: unknown): unknown {
  const ta = typeof a;
  if (ta === typeof b && (ta === 'number' || ta === 'bigint' || ta === 'string')) return (a as number) + (b as number);
  throwType(`unsupported operand type(s) for +: '${ta}' and '${typeof b}'`);
}

/** @internal SameValueZero: `===`, except that NaN equals NaN (groupby keys, valueCounts). */
export function sameValueZero(a: unknown, b: unknown): boolean {
  return a === b || (a !== a && b !== b);
}
