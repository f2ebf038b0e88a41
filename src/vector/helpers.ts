/**
 * Vector helpers that are not per-element hot paths: byte swapping, byte-source parsing, needle
 * conversion for searches, cross-dtype comparison and Python-style formatting.
 *
 * @internal
 * @packageDocumentation
 */
import { describe, throwType, throwValue } from '../errors.js';

/**
 * Structural view of any backing TypedArray (number or bigint elements), so Vector code can stay
 * generic in TypeScript while each instance holds exactly one TypedArray type at runtime.
 * @internal
 */
export interface RawArray {
  [index: number]: number | bigint;
  readonly length: number;
  readonly buffer: ArrayBufferLike;
  readonly byteOffset: number;
  readonly byteLength: number;
  subarray(begin?: number, end?: number): RawArray;
  slice(begin?: number, end?: number): RawArray;
  set(src: ArrayLike<number | bigint>, offset?: number): void;
  copyWithin(target: number, start: number, end?: number): RawArray;
  reverse(): RawArray;
}

/**
 * Reverses the byte order of every element of `a[0, n)` in place (Python `array.byteswap`).
 * `a` must start at an offset aligned to its itemsize (always true for Vector's own buffers).
 * @internal
 */
export function byteswapInPlace(a: RawArray, n: number, itemsize: number): void {
  if (itemsize === 1 || n === 0) return;
  if (itemsize === 2) {
    const u = new Uint16Array(a.buffer, a.byteOffset, n);
    for (let i = 0; i < n; i++) {
      const x = u[i]!;
      u[i] = ((x & 0xff) << 8) | (x >>> 8);
    }
    return;
  }
  const words = (n * itemsize) >>> 2;
  const u = new Uint32Array(a.buffer, a.byteOffset, words);
  for (let i = 0; i < words; i++) {
    const x = u[i]!;
    u[i] = (((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24)) >>> 0;
  }
  if (itemsize === 8) {
    for (let i = 0; i < words; i += 2) {
      const lo = u[i]!;
      u[i] = u[i + 1]!;
      u[i + 1] = lo;
    }
  }
}

/**
 * The bytes of a bytes-like source, respecting `byteOffset`/`byteLength` (Node Buffers are pooled).
 * @throws `TypeError` if `bytes` is not an ArrayBuffer, SharedArrayBuffer or ArrayBufferView.
 * @throws {@link ValueError} if the byte length is not a multiple of `itemsize`.
 * @internal
 */
export function bytesOf(bytes: unknown, itemsize: number, where: string): Uint8Array {
  let u: Uint8Array;
  if (ArrayBuffer.isView(bytes)) u = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  else if (bytes instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && bytes instanceof SharedArrayBuffer)) {
    u = new Uint8Array(bytes);
  } else {
    return throwType(`${where}: a bytes-like object (ArrayBuffer or ArrayBufferView) is required, not ${describe(bytes)}`);
  }
  if (u.byteLength % itemsize !== 0) {
    throwValue(`${where}: bytes length ${u.byteLength} is not a multiple of item size ${itemsize}`);
  }
  return u;
}

/**
 * Converts a search argument to the element representation it could equal, or `undefined` when it
 * cannot equal any element (wrong type, or a bigint with no exact double). Searches never throw for
 * wrong-typed needles, as in Python (`'x' in a` is `False`).
 * @internal
 */
export function needleFor(x: unknown, bigint: boolean): number | bigint | undefined {
  if (bigint) {
    if (typeof x === 'bigint') return x;
    if (typeof x === 'number' && Number.isInteger(x)) return BigInt(x);
    return undefined;
  }
  if (typeof x === 'number') return x;
  if (typeof x === 'bigint') {
    const d = Number(x);
    return Number.isFinite(d) && BigInt(d) === x ? d : undefined;
  }
  return undefined;
}

/**
 * Lexicographic comparison by value of `a[0, na)` and `b[0, nb)`, across number and bigint elements
 * (Python's rich comparison of arrays): the first pair that is not `==` decides; a NaN there makes the
 * two unordered and the result is `NaN`. Returns -1, 0, 1 or NaN.
 * @internal
 */
export function compareValues(a: RawArray, na: number, b: RawArray, nb: number): number {
  const n = na < nb ? na : nb;
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    // Loose equality compares a bigint with a number by mathematical value; NaN is never equal.
    // eslint-disable-next-line eqeqeq
    if (x != y) return x < y ? -1 : x > y ? 1 : NaN;
  }
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** Formats one element like Python's repr would, in JS spelling (`-0` kept, bigint without `n`). @internal */
export function formatElement(x: number | bigint): string {
  if (typeof x === 'bigint') return x.toString();
  return Object.is(x, -0) ? '-0' : String(x);
}

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
