/**
 * PLAIN data pages for every field type that is not a category: numbers, `bool` (bit-packed BOOLEAN), `date`
 * (INT32 days), `timestamp` (INT64 milliseconds), `utf8` (length-prefixed BYTE_ARRAY); definition levels for
 * OPTIONAL columns (nullable fields: only the valid values are written), and min/max/null-count statistics
 * over the valid values.
 *
 * @packageDocumentation
 */
import type { Statistics } from 'hyparquet';
import type { TypedArray } from '../dtype.js';
import { describe, ValueError } from '../errors.js';
import { msToInt64 } from '../internal/int64-time.js';
import type { Utf8Column } from '../record-store.js';
import { Bytes, encodeHybrid } from './rle.js';
import type { WriteColumn } from './types.js';

/** Running min/max/null count of one column chunk. */
export class ChunkStats {
  lo = Infinity;
  hi = -Infinity;
  big: { min: bigint; max: bigint } | null = null;
  text: { min: Uint8Array; max: Uint8Array } | null = null;
  nulls = 0;

  /** Adds `n` numbers (not bigints) of `a` from `s`. */
  numbers(a: ArrayLike<number>, s: number, n: number): void {
    let lo = this.lo;
    let hi = this.hi;
    for (let i = s; i < s + n; i++) {
      const v = a[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    this.lo = lo;
    this.hi = hi;
  }

  /** Adds `n` bigints of `a` from `s`. */
  bigints(a: BigInt64Array | BigUint64Array, s: number, n: number): void {
    for (let i = s; i < s + n; i++) {
      const v = a[i]!;
      if (this.big === null) this.big = { min: v, max: v };
      else if (v < this.big.min) this.big.min = v;
      else if (v > this.big.max) this.big.max = v;
    }
  }

  /** Adds one byte string. */
  bytes(b: Uint8Array): void {
    if (this.text === null) this.text = { min: b, max: b };
    else if (byteCompare(b, this.text.min) < 0) this.text.min = b;
    else if (byteCompare(b, this.text.max) > 0) this.text.max = b;
  }

  /** The Statistics of the chunk. */
  result(): Statistics {
    const st: { -readonly [K in keyof Statistics]: Statistics[K] } = { null_count: BigInt(this.nulls) };
    if (this.big !== null) {
      st.min_value = this.big.min;
      st.max_value = this.big.max;
    } else if (this.text !== null) {
      st.min_value = this.text.min.slice() as never;
      st.max_value = this.text.max.slice() as never;
    } else if (this.lo <= this.hi) {
      st.min_value = Object.is(this.lo, 0) ? -0 : this.lo; // the spec asks for -0 as the min and +0 as the max of zeros
      st.max_value = Object.is(this.hi, -0) ? 0 : this.hi;
    }
    return st;
  }
}

/** @internal Compares byte strings as unsigned bytes (Parquet's order for STRING). */
export function byteCompare(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** The rows `[s, e)` a page holds, their definition levels and the rows of their valid values. */
export interface PageRows {
  readonly s: number;
  readonly e: number;
  /** Definition levels (1 valid, 0 null) for an OPTIONAL column; `null` for a REQUIRED one. */
  readonly defs: Int32Array | null;
  /** Rows (absolute) of the valid values, or `null` when every row of the page is valid. */
  readonly dense: Int32Array | null;
  /** Valid values. */
  readonly nn: number;
}

/** @internal The page's levels: an OPTIONAL column gets definition levels (all 1 without a bitmap). */
export function pageRows(optional: boolean, bm: Uint8Array | null, s: number, e: number): PageRows {
  const n = e - s;
  if (!optional) return { s, e, defs: null, dense: null, nn: n };
  const defs = new Int32Array(n);
  if (bm === null) {
    defs.fill(1);
    return { s, e, defs, dense: null, nn: n };
  }
  const dense = new Int32Array(n);
  let nn = 0;
  for (let i = 0; i < n; i++) {
    const r = s + i;
    if ((bm[r >> 3]! & (1 << (r & 7))) !== 0) {
      defs[i] = 1;
      dense[nn++] = r;
    }
  }
  return nn === n ? { s, e, defs, dense: null, nn } : { s, e, defs, dense, nn };
}

/** @internal Starts a page body: the RLE definition levels with their 4-byte length, for an OPTIONAL column. */
export function startPage(rows: PageRows, valueBytes: number): Bytes {
  const n = rows.e - rows.s;
  const page = new Bytes(16 + valueBytes + (rows.defs === null ? 0 : n >> 2));
  if (rows.defs === null) return page;
  page.int32(0);
  encodeHybrid(page, rows.defs, 0, n, 1);
  const len = page.length - 4;
  page.buf[0] = len;
  page.buf[1] = len >>> 8;
  page.buf[2] = len >>> 16;
  page.buf[3] = len >>> 24;
  return page;
}

/** The valid values of a page of `a`, contiguous: a subarray when every row is valid, else a gathered copy. */
function denseValues<T extends TypedArray>(a: T, rows: PageRows): T {
  if (rows.dense === null) return a.subarray(rows.s, rows.e) as T;
  const out = new (a.constructor as new (n: number) => T)(rows.nn);
  const d = rows.dense;
  for (let i = 0; i < rows.nn; i++) (out as unknown as number[])[i] = (a as unknown as number[])[d[i]!]!;
  return out;
}

/** Little-endian bytes of a TypedArray, widening 8/16-bit integers to INT32. */
function plainOf(source: WriteColumn['source'], v: TypedArray): Uint8Array {
  if (source === 'int8' || source === 'uint8' || source === 'int16' || source === 'uint16') {
    const out = new Int32Array(v.length);
    out.set(v as Int8Array);
    return new Uint8Array(out.buffer);
  }
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

/**
 * @internal The body of one PLAIN data page of a non-category column (levels + values), updating `stats`.
 * @throws {@link ValueError} for a timestamp holding a fraction of a millisecond (INT64 MILLIS holds whole ones).
 */
export function plainPage(col: WriteColumn, column: unknown, rows: PageRows, stats: ChunkStats): Uint8Array {
  stats.nulls += rows.e - rows.s - rows.nn;
  const src = col.source;
  if (src === 'utf8') {
    const u = column as Utf8Column;
    const offs = u.offsets;
    const bytes = u.bytes;
    let total = 0;
    for (let i = 0; i < rows.nn; i++) {
      const r = rows.dense === null ? rows.s + i : rows.dense[i]!;
      total += offs[r + 1]! - offs[r]!;
    }
    const page = startPage(rows, total + 4 * rows.nn);
    for (let i = 0; i < rows.nn; i++) {
      const r = rows.dense === null ? rows.s + i : rows.dense[i]!;
      const b = bytes.subarray(offs[r]!, offs[r + 1]!);
      page.int32(b.length);
      page.append(b);
      stats.bytes(b);
    }
    return page.view();
  }
  const v = denseValues(column as TypedArray, rows);
  let body: Uint8Array;
  if (src === 'bool') {
    const b = v as Uint8Array;
    body = new Uint8Array((b.length + 7) >> 3);
    for (let i = 0; i < b.length; i++) body[i >> 3]! |= b[i]! << (i & 7);
    stats.numbers(b, 0, b.length);
  } else if (src === 'timestamp') {
    const ms = v as Float64Array;
    const out = new BigInt64Array(ms.length);
    const bad = msToInt64(ms, null, new Int32Array(out.buffer));
    if (bad >= 0) {
      const row = rows.dense === null ? rows.s + bad : rows.dense[bad]!;
      throw new ValueError(`timestamp field ${describe(col.name)} row ${row} holds ${ms[bad]} ms, a fraction of a millisecond that Parquet TIMESTAMP(MILLIS) cannot hold exactly`);
    }
    stats.numbers(ms, 0, ms.length);
    body = new Uint8Array(out.buffer);
  } else {
    if (v instanceof BigInt64Array || v instanceof BigUint64Array) stats.bigints(v, 0, v.length);
    else stats.numbers(v as Float64Array, 0, v.length);
    body = plainOf(src, v);
  }
  const page = startPage(rows, body.length);
  page.append(body);
  return page.view();
}
