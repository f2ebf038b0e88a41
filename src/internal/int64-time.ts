/**
 * Int64 times (Arrow `Timestamp`/`Date64`, Parquet `INT64 TIMESTAMP`) ↔ Float64 milliseconds, exactly and
 * without a BigInt per value: each Int64 is read as its two Int32 words. Shared by compactly/arrow and
 * compactly/parquet.
 *
 * @internal
 * @packageDocumentation
 */

const TWO32 = 4294967296;

/** Largest |ms| a timestamp field holds: the range of `Date` (±8.64e15 ms, below 2^53, so exact in doubles). */
export const MAX_TIME_MS = 8.64e15;

/**
 * Converts `n` Int64 values (as `words`: low, high Int32 pairs) in units of `1 / div` ms (or `mul` ms when
 * `mul > 1`, e.g. seconds) into `out[at …]`, skipping the rows whose bit in `valid` (bit `bitAt + i`) is 0
 * (their slot is left as it is: 0 in a fresh array).
 * @returns `-1`, or the index `i` of the first valid value that is not a whole number of milliseconds
 *   (`+ 0.5` added to tell it apart: `i + 0.5`) or lies outside ±{@link MAX_TIME_MS} (`i` exactly). The caller
 *   raises the error that names its column.
 * @remarks O(n), no allocation. Exact: with `2^32 = a·div + b`, a value `hi·2^32 + lo` is
 *   `(hi·a)·div + (hi·b + lo)`, and every term is an exact double.
 */
export function int64ToMs(words: Int32Array, n: number, mul: number, div: number, valid: Uint8Array | null, bitAt: number, out: Float64Array, at: number): number {
  const a = Math.floor(TWO32 / div);
  const b = TWO32 - a * div;
  for (let i = 0; i < n; i++) {
    if (valid !== null) {
      const bit = bitAt + i;
      if ((valid[bit >> 3]! & (1 << (bit & 7))) === 0) continue;
    }
    const hi = words[2 * i + 1]!;
    const lo = words[2 * i]! >>> 0;
    let ms: number;
    if (div === 1) ms = (hi * TWO32 + lo) * mul;
    else {
      const r = hi * b + lo;
      const rem = ((r % div) + div) % div;
      if (rem !== 0) return i + 0.5;
      ms = hi * a + (r - rem) / div;
    }
    if (!(ms <= MAX_TIME_MS && ms >= -MAX_TIME_MS)) return i;
    out[at + i] = ms;
  }
  return -1;
}

/**
 * Writes whole-millisecond doubles as Int64 words (low, high) into `words` (a view of a BigInt64Array).
 * @returns `-1`, or the index of the first valid value that is not a whole number (the caller names it).
 * @remarks O(n), no allocation; rows whose validity bit is 0 are left 0.
 */
export function msToInt64(ms: Float64Array, valid: Uint8Array | null, words: Int32Array): number {
  const n = ms.length;
  for (let i = 0; i < n; i++) {
    if (valid !== null && (valid[i >> 3]! & (1 << (i & 7))) === 0) continue;
    const v = ms[i]!;
    if (Math.floor(v) !== v) return i;
    const hi = Math.floor(v / TWO32);
    words[2 * i] = v - hi * TWO32;
    words[2 * i + 1] = hi;
  }
  return -1;
}
