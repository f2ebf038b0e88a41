/**
 * Argument checks and argument facts of Vector's methods: `subarray` bounds, counts, a source's known length, the name of an operation.
 * @internal
 * @packageDocumentation
 */
import { describe, throwType, throwValue } from '../errors.js';

/**
 * Resolves TypedArray-style `subarray(start?, end?)` bounds against `length`: negatives count from the
 * end, both clamp to `[0, length]`, and `end < start` gives an empty range.
 * @throws `TypeError` for a non-integer bound.
 * @internal
 */
export function clampRange(length: number, start: number | undefined, end: number | undefined, where: string): [number, number] {
  const s = clampOne(start, 0, length, where, 'start');
  let e = clampOne(end, length, length, where, 'end');
  if (e < s) e = s;
  return [s, e];
}

function clampOne(x: number | undefined, dflt: number, length: number, where: string, name: string): number {
  if (x === undefined) return dflt;
  if (!Number.isInteger(x)) throwType(`${where}: ${name} must be an integer, got ${describe(x)}`);
  const v = x < 0 ? x + length : x;
  return v < 0 ? 0 : v > length ? length : v;
}

/** Validates a count/size argument: a non-negative integer. @internal */
export function checkSize(n: unknown, where: string, name: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n)) throwType(`${where}: ${name} must be an integer, got ${describe(n)}`);
  if (n < 0) throwValue(`${where}: ${name} must be >= 0, got ${n}`);
  return n;
}

/** The length of an array or TypedArray source (what a constructor can allocate up front), else 0. @internal */
export function knownLength(values: unknown): number {
  if (Array.isArray(values)) return values.length;
  if (ArrayBuffer.isView(values) && !(values instanceof DataView)) return (values as unknown as ArrayLike<unknown>).length;
  return 0;
}

/** The method name of a `Class.method` location (`'Vector.extend'` → `'extend'`). @internal */
export function opName(where: string): string {
  const dot = where.lastIndexOf('.');
  return dot >= 0 ? where.slice(dot + 1) : where;
}
