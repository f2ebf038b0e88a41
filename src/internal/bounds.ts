/**
 * Index and slice arithmetic with Python's rules. @internal
 * @packageDocumentation
 */
import { describe, throwIndex, throwType, throwValue } from '../errors.js';

/**
 * Normalises a Python-style index (negatives count from the end) into `[0, length)`.
 * Throws IndexError when out of range and TypeError for a non-integer.
 * @internal
 */
export function normalizeIndex(index: number, length: number, what: string): number {
  if (!Number.isInteger(index)) {
    if (typeof index !== 'number') throwType(`${what} indices must be integers, not ${typeof index} ${describe(index)}`);
    throwType(`${what} indices must be integers, got ${describe(index)}`);
  }
  const i = index < 0 ? index + length : index;
  if (i < 0 || i >= length) throwIndex(index, length, what);
  return i;
}

/** Start, stop, step and resulting length of a Python slice over a sequence. @internal */
export interface SliceRange {
  readonly start: number;
  readonly stop: number;
  readonly step: number;
  readonly length: number;
}

/**
 * Python's `slice.indices(length)` plus the element count: clamps `start`/`stop`, counts negatives
 * from the end, and handles negative steps. `null`/`undefined` mean "omitted".
 * @throws {@link ValueError} if `step` is 0. `TypeError` for non-integers.
 * @internal
 */
export function sliceRange(length: number, start?: number | null, stop?: number | null, step?: number | null): SliceRange {
  const st = step ?? 1;
  if (!Number.isInteger(st)) throwType(`slice step must be an integer or omitted, got ${describe(step)}`);
  if (st === 0) throwValue('slice step cannot be zero');
  checkSliceBound(start, 'start');
  checkSliceBound(stop, 'stop');
  let a: number;
  let b: number;
  if (st > 0) {
    a = start == null ? 0 : clampBound(start, length, 0, length);
    b = stop == null ? length : clampBound(stop, length, 0, length);
    const n = b > a ? Math.floor((b - a - 1) / st) + 1 : 0;
    return { start: a, stop: b, step: st, length: n };
  }
  a = start == null ? length - 1 : clampBound(start, length, -1, length - 1);
  b = stop == null ? -1 : clampBound(stop, length, -1, length - 1);
  const n = a > b ? Math.floor((a - b - 1) / -st) + 1 : 0;
  return { start: a, stop: b, step: st, length: n };
}

function checkSliceBound(x: number | null | undefined, name: string): void {
  if (x != null && !Number.isInteger(x)) throwType(`slice ${name} must be an integer or omitted, got ${describe(x)}`);
}

function clampBound(x: number, length: number, lo: number, hi: number): number {
  const v = x < 0 ? x + length : x;
  return v < lo ? lo : v > hi ? hi : v;
}
