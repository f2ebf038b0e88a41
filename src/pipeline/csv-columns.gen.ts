// GENERATED FILE, DO NOT EDIT. Made by scripts/gen-kernels.mjs from scripts/templates/csv-columns.mjs;
// change the template and run `npm run gen` (test/internal/generated.test.ts fails when this file is stale).
/**
 * The conversion kernels of the CSV reader, one monomorphic loop per parsed field type (each dtype, bool, date,
 * timestamp), and {@link CONVERTERS}, the kernel of each type name. Each returns the first row index k that
 * failed, or -1; with a `bad` mask it marks every failing row and goes on. A nullable field's NA token is a
 * null (its slot 0, its validity bit cleared); the bit of every value written is set once the field has a
 * bitmap. The NA check runs only where the value did not parse, so the common path pays one null test of the
 * bitmap.
 *
 * @internal
 * @packageDocumentation
 */
import { MAX_MS, parseTimestamp } from '../internal/dates.js';
import type { ColumnTarget, FieldPlan } from './csv-block.js';
import { nullRow, parseBoolBytes, parseDateField } from './csv-columns.js';
import { parseBigIntBytes, parseFloatBytes, parseIntBytes } from './csv-numbers.js';
import type { TokenBatch } from './csv-tokenizer.js';

const NUM = new Float64Array(1);

/** @internal A conversion kernel: rows `idx[0..n)` of `batch`, column `f.csv`, into plan field `p` of `t` from row `at`. */
export type ColumnKernel = (batch: TokenBatch, idx: Int32Array, n: number, f: FieldPlan, p: number, t: ColumnTarget, at: number, bad: Uint8Array | null) => number;

/** Converts a column of int8 (an integer in [-128, 127]). @internal */
export function convertInt8(batch: TokenBatch, idx: Int32Array, n: number, f: FieldPlan, p: number, t: ColumnTarget, at: number, bad: Uint8Array | null): number {
  const b = batch.bytes;
  const starts = batch.starts;
  const ends = batch.ends;
  const rowStart = batch.rowStart;
  const col = f.csv;
  const out = t.cols[p] as Int8Array;
  const nullable = f.nullable;
  let bm: Uint8Array | null = t.valid[p] ?? null;
  let first = -1;
  for (let k = 0; k < n; k++) {
    const fi = rowStart[idx[k]!]! + col;
    const r = at + k;
    const s = starts[fi]!;
    const e = ends[fi]!;
    const v = parseIntBytes(b, s, e, NUM) ? NUM[0]! : NaN;
    const ok = v >= -128 && v <= 127;
    if (ok) {
      out[r] = v;
      if (bm !== null) bm[r >>> 3] = bm[r >>> 3]! | (1 << (r & 7));
      continue;
    }
    if (nullable && f.na.has(b, s, e)) {
      out[r] = 0;
      bm = nullRow(t, p, r);
      continue;
    }
    if (first < 0) first = k;
    if (bad === null) return k;
    bad[k] = 1;
  }
  return first;
}

/** Converts a column of uint8 (an integer in [0, 255]). @internal */
export function convertUint8(batch: TokenBatch, idx: Int32Array, n: number, f: FieldPlan, p: number, t: ColumnTarget, at: number, bad: Uint8Array | null): number {
  const b = batch.bytes;
  const starts = batch.starts;
  const ends = batch.ends;
  const rowStart = batch.rowStart;
  const col = f.csv;
  const out = t.cols[p] as Uint8Array;
  const nullable = f.nullable;
  let bm: Uint8Array | null = t.valid[p] ?? null;
  let first = -1;
  for (let k = 0; k < n; k++) {
    const fi = rowStart[idx[k]!]! + col;
    const r = at + k;
    const s = starts[fi]!;
    const e = ends[fi]!;
    const v = parseIntBytes(b, s, e, NUM) ? NUM[0]! : NaN;
    const ok = v >= 0 && v <= 255;
    if (ok) {
      out[r] = v;
      if (bm !== null) bm[r >>> 3] = bm[r >>> 3]! | (1 << (r & 7));
      continue;
    }
    if (nullable && f.na.has(b, s, e)) {
      out[r] = 0;
      bm = nullRow(t, p, r);
      continue;
    }
    if (first < 0) first = k;
    if (bad === null) return k;
    bad[k] = 1;
  }
  return first;
}

/** Converts a column of int16 (an integer in [-32768, 32767]). @internal */
export function convertInt16(batch: TokenBatch, idx: Int32Array, n: number, f: FieldPlan, p: number, t: ColumnTarget, at: number, bad: Uint8Array | null): number {
  const b = batch.bytes;
  const starts = batch.starts;
  const ends = batch.ends;
  const rowStart = batch.rowStart;
  const col = f.csv;
  const out = t.cols[p] as Int16Array;
  const nullable = f.nullable;
  let bm: Uint8Array | null = t.valid[p] ?? null;
  let first = -1;
  for (let k = 0; k < n; k++) {
    const fi = rowStart[idx[k]!]! + col;
    const r = at + k;
    const s = starts[fi]!;
    const e = ends[fi]!;
    const v = parseIntBytes(b, s, e, NUM) ? NUM[0]! : NaN;
    const ok = v >= -32768 && v <= 32767;
    if (ok) {
      out[r] = v;
      if (bm !== null) bm[r >>> 3] = bm[r >>> 3]! | (1 << (r & 7));
      continue;
    }
    if (nullable && f.na.has(b, s, e)) {
      out[r] = 0;
      bm = nullRow(t, p, r);
      continue;
    }
    if (first < 0) first = k;
    if (bad === null) return k;
    bad[k] = 1;
  }
  return first;
}

/** Converts a column of uint16 (an integer in [0, 65535]). @internal */
export function convertUint16(batch: TokenBatch, idx: Int32Array, n: number, f: FieldPlan, p: number, t: ColumnTarget, at: number, bad: Uint8Array | null): number {
  const b = batch.bytes;
  const starts = batch.starts;
  const ends = batch.ends;
  const rowStart = batch.rowStart;
  const col = f.csv;
  const out = t.cols[p] as Uint16Array;
  const nullable = f.nullable;
  let bm: Uint8Array | null = t.valid[p] ?? null;
  let first = -1;
  for (let k = 0; k < n; k++) {
    const fi = rowStart[idx[k]!]! + col;
    const r = at + k;
    const s = starts[fi]!;
    const e = ends[fi]!;
    const v = parseIntBytes(b, s, e, NUM) ? NUM[0]! : NaN;
    const ok = v >= 0 && v <= 65535;
    if (ok) {
      out[r] = v;
      if (bm !== null) bm[r >>> 3] = bm[r >>> 3]! | (1 << (r & 7));
      continue;
    }
    if (nullable && f.na.has(b, s, e)) {
      out[r] = 0;
      bm = nullRow(t, p, r);
      continue;
    }
    if (first < 0) first = k;
    if (bad === null) return k;
    bad[k] = 1;
  }
  return first;
}

/** Converts a column of int32 (an integer in [-2147483648, 2147483647]). @internal */
export function convertInt32(batch: TokenBatch, idx: Int32Array, n: number, f: FieldPlan, p: number, t: ColumnTarget, at: number, bad: Uint8Array | null): number {
  const b = batch.bytes;
  const starts = batch.starts;
  const ends = batch.ends;
  const rowStart = batch.rowStart;
  const col = f.csv;
  const out = t.cols[p] as Int32Array;
  const nullable = f.nullable;
  let bm: Uint8Array | null = t.valid[p] ?? null;
  let first = -1;
  for (let k = 0; k < n; k++) {
    const fi = rowStart[idx[k]!]! + col;
    const r = at + k;
    const s = starts[fi]!;
    const e = ends[fi]!;
    const v = parseIntBytes(b, s, e, NUM) ? NUM[0]! : NaN;
    const ok = v >= -2147483648 && v <= 2147483647;
    if (ok) {
      out[r] = v;
      if (bm !== null) bm[r >>> 3] = bm[r >>> 3]! | (1 << (r & 7));
      continue;
    }
    if (nullable && f.na.has(b, s, e)) {
      out[r] = 0;
      bm = nullRow(t, p, r);
      continue;
    }
    if (first < 0) first = k;
    if (bad === null) return k;
    bad[k] = 1;
  }
  return first;
}

/** Converts a column of uint32 (an integer in [0, 4294967295]). @internal */
export function convertUint32(batch: TokenBatch, idx: Int32Array, n: number, f: FieldPlan, p: number, t: ColumnTarget, at: number, bad: Uint8Array | null): number {
  const b = batch.bytes;
  const starts = batch.starts;
  const ends = batch.ends;
  const rowStart = batch.rowStart;
  const col = f.csv;
  const out = t.cols[p] as Uint32Array;
  const nullable = f.nullable;
  let bm: Uint8Array | null = t.valid[p] ?? null;
  let first = -1;
  for (let k = 0; k < n; k++) {
    const fi = rowStart[idx[k]!]! + col;
    const r = at + k;
    const s = starts[fi]!;
    const e = ends[fi]!;
    const v = parseIntBytes(b, s, e, NUM) ? NUM[0]! : NaN;
    const ok = v >= 0 && v <= 4294967295;
    if (ok) {
      out[r] = v;
      if (bm !== null) bm[r >>> 3] = bm[r >>> 3]! | (1 << (r & 7));
      continue;
    }
    if (nullable && f.na.has(b, s, e)) {
      out[r] = 0;
      bm = nullRow(t, p, r);
      continue;
    }
    if (first < 0) first = k;
    if (bad === null) return k;
    bad[k] = 1;
  }
  return first;
}

/** Converts a column of int64 (a bigint in [-9223372036854775808n, 9223372036854775807n]). @internal */
export function convertInt64(batch: TokenBatch, idx: Int32Array, n: number, f: FieldPlan, p: number, t: ColumnTarget, at: number, bad: Uint8Array | null): number {
  const b = batch.bytes;
  const starts = batch.starts;
  const ends = batch.ends;
  const rowStart = batch.rowStart;
  const col = f.csv;
  const out = t.cols[p] as BigInt64Array;
  const nullable = f.nullable;
  let bm: Uint8Array | null = t.valid[p] ?? null;
  let first = -1;
  for (let k = 0; k < n; k++) {
    const fi = rowStart[idx[k]!]! + col;
    const r = at + k;
    const s = starts[fi]!;
    const e = ends[fi]!;
    const v = parseBigIntBytes(b, s, e);
    const ok = v !== undefined && v >= -9223372036854775808n && v <= 9223372036854775807n;
    if (ok) {
      out[r] = v;
      if (bm !== null) bm[r >>> 3] = bm[r >>> 3]! | (1 << (r & 7));
      continue;
    }
    if (nullable && f.na.has(b, s, e)) {
      out[r] = 0n;
      bm = nullRow(t, p, r);
      continue;
    }
    if (first < 0) first = k;
    if (bad === null) return k;
    bad[k] = 1;
  }
  return first;
}

/** Converts a column of uint64 (a bigint in [0n, 18446744073709551615n]). @internal */
export function convertUint64(batch: TokenBatch, idx: Int32Array, n: number, f: FieldPlan, p: number, t: ColumnTarget, at: number, bad: Uint8Array | null): number {
  const b = batch.bytes;
  const starts = batch.starts;
  const ends = batch.ends;
  const rowStart = batch.rowStart;
  const col = f.csv;
  const out = t.cols[p] as BigUint64Array;
  const nullable = f.nullable;
  let bm: Uint8Array | null = t.valid[p] ?? null;
  let first = -1;
  for (let k = 0; k < n; k++) {
    const fi = rowStart[idx[k]!]! + col;
    const r = at + k;
    const s = starts[fi]!;
    const e = ends[fi]!;
    const v = parseBigIntBytes(b, s, e);
    const ok = v !== undefined && v >= 0n && v <= 18446744073709551615n;
    if (ok) {
      out[r] = v;
      if (bm !== null) bm[r >>> 3] = bm[r >>> 3]! | (1 << (r & 7));
      continue;
    }
    if (nullable && f.na.has(b, s, e)) {
      out[r] = 0n;
      bm = nullRow(t, p, r);
      continue;
    }
    if (first < 0) first = k;
    if (bad === null) return k;
    bad[k] = 1;
  }
  return first;
}

/** Converts a column of float32 (the field's NA tokens read as NaN, or as null in a nullable field). @internal */
export function convertFloat32(batch: TokenBatch, idx: Int32Array, n: number, f: FieldPlan, p: number, t: ColumnTarget, at: number, bad: Uint8Array | null): number {
  const b = batch.bytes;
  const starts = batch.starts;
  const ends = batch.ends;
  const rowStart = batch.rowStart;
  const col = f.csv;
  const out = t.cols[p] as Float32Array;
  const nullable = f.nullable;
  let bm: Uint8Array | null = t.valid[p] ?? null;
  let first = -1;
  for (let k = 0; k < n; k++) {
    const fi = rowStart[idx[k]!]! + col;
    const r = at + k;
    const s = starts[fi]!;
    const e = ends[fi]!;
    const parsed = parseFloatBytes(b, s, e, NUM);
    const v = parsed ? NUM[0]! : NaN;
    const ok = parsed ? v === v || !nullable || !f.na.has(b, s, e) : !nullable && f.na.has(b, s, e);
    if (ok) {
      out[r] = v;
      if (bm !== null) bm[r >>> 3] = bm[r >>> 3]! | (1 << (r & 7));
      continue;
    }
    if (nullable && f.na.has(b, s, e)) {
      out[r] = 0;
      bm = nullRow(t, p, r);
      continue;
    }
    if (first < 0) first = k;
    if (bad === null) return k;
    bad[k] = 1;
  }
  return first;
}

/** Converts a column of float64 (the field's NA tokens read as NaN, or as null in a nullable field). @internal */
export function convertFloat64(batch: TokenBatch, idx: Int32Array, n: number, f: FieldPlan, p: number, t: ColumnTarget, at: number, bad: Uint8Array | null): number {
  const b = batch.bytes;
  const starts = batch.starts;
  const ends = batch.ends;
  const rowStart = batch.rowStart;
  const col = f.csv;
  const out = t.cols[p] as Float64Array;
  const nullable = f.nullable;
  let bm: Uint8Array | null = t.valid[p] ?? null;
  let first = -1;
  for (let k = 0; k < n; k++) {
    const fi = rowStart[idx[k]!]! + col;
    const r = at + k;
    const s = starts[fi]!;
    const e = ends[fi]!;
    const parsed = parseFloatBytes(b, s, e, NUM);
    const v = parsed ? NUM[0]! : NaN;
    const ok = parsed ? v === v || !nullable || !f.na.has(b, s, e) : !nullable && f.na.has(b, s, e);
    if (ok) {
      out[r] = v;
      if (bm !== null) bm[r >>> 3] = bm[r >>> 3]! | (1 << (r & 7));
      continue;
    }
    if (nullable && f.na.has(b, s, e)) {
      out[r] = 0;
      bm = nullRow(t, p, r);
      continue;
    }
    if (first < 0) first = k;
    if (bad === null) return k;
    bad[k] = 1;
  }
  return first;
}

/** Converts a column of bool (pandas' spellings). @internal */
export function convertBool(batch: TokenBatch, idx: Int32Array, n: number, f: FieldPlan, p: number, t: ColumnTarget, at: number, bad: Uint8Array | null): number {
  const b = batch.bytes;
  const starts = batch.starts;
  const ends = batch.ends;
  const rowStart = batch.rowStart;
  const col = f.csv;
  const out = t.cols[p] as Uint8Array;
  const nullable = f.nullable;
  let bm: Uint8Array | null = t.valid[p] ?? null;
  let first = -1;
  for (let k = 0; k < n; k++) {
    const fi = rowStart[idx[k]!]! + col;
    const r = at + k;
    const s = starts[fi]!;
    const e = ends[fi]!;
    const v = parseBoolBytes(b, s, e);
    const ok = v >= 0;
    if (ok) {
      out[r] = v;
      if (bm !== null) bm[r >>> 3] = bm[r >>> 3]! | (1 << (r & 7));
      continue;
    }
    if (nullable && f.na.has(b, s, e)) {
      out[r] = 0;
      bm = nullRow(t, p, r);
      continue;
    }
    if (first < 0) first = k;
    if (bad === null) return k;
    bad[k] = 1;
  }
  return first;
}

/** Converts a column of date (days since the epoch). @internal */
export function convertDate(batch: TokenBatch, idx: Int32Array, n: number, f: FieldPlan, p: number, t: ColumnTarget, at: number, bad: Uint8Array | null): number {
  const b = batch.bytes;
  const starts = batch.starts;
  const ends = batch.ends;
  const rowStart = batch.rowStart;
  const col = f.csv;
  const out = t.cols[p] as Int32Array;
  const nullable = f.nullable;
  let bm: Uint8Array | null = t.valid[p] ?? null;
  let first = -1;
  for (let k = 0; k < n; k++) {
    const fi = rowStart[idx[k]!]! + col;
    const r = at + k;
    const s = starts[fi]!;
    const e = ends[fi]!;
    const v = parseDateField(b, s, e);
    const ok = v === v;
    if (ok) {
      out[r] = v;
      if (bm !== null) bm[r >>> 3] = bm[r >>> 3]! | (1 << (r & 7));
      continue;
    }
    if (nullable && f.na.has(b, s, e)) {
      out[r] = 0;
      bm = nullRow(t, p, r);
      continue;
    }
    if (first < 0) first = k;
    if (bad === null) return k;
    bad[k] = 1;
  }
  return first;
}

/** Converts a column of timestamp (ms since the epoch, UTC). @internal */
export function convertTimestamp(batch: TokenBatch, idx: Int32Array, n: number, f: FieldPlan, p: number, t: ColumnTarget, at: number, bad: Uint8Array | null): number {
  const b = batch.bytes;
  const starts = batch.starts;
  const ends = batch.ends;
  const rowStart = batch.rowStart;
  const col = f.csv;
  const out = t.cols[p] as Float64Array;
  const nullable = f.nullable;
  let bm: Uint8Array | null = t.valid[p] ?? null;
  let first = -1;
  for (let k = 0; k < n; k++) {
    const fi = rowStart[idx[k]!]! + col;
    const r = at + k;
    const s = starts[fi]!;
    const e = ends[fi]!;
    const v = parseTimestamp(b, s, e);
    const ok = v >= -MAX_MS && v <= MAX_MS;
    if (ok) {
      out[r] = v;
      if (bm !== null) bm[r >>> 3] = bm[r >>> 3]! | (1 << (r & 7));
      continue;
    }
    if (nullable && f.na.has(b, s, e)) {
      out[r] = 0;
      bm = nullRow(t, p, r);
      continue;
    }
    if (first < 0) first = k;
    if (bad === null) return k;
    bad[k] = 1;
  }
  return first;
}

/** @internal The kernel of each parsed field type, by dtype or type name. */
export const CONVERTERS: Readonly<Record<string, ColumnKernel>> = {
  int8: convertInt8,
  uint8: convertUint8,
  int16: convertInt16,
  uint16: convertUint16,
  int32: convertInt32,
  uint32: convertUint32,
  int64: convertInt64,
  uint64: convertUint64,
  float32: convertFloat32,
  float64: convertFloat64,
  bool: convertBool,
  date: convertDate,
  timestamp: convertTimestamp,
};
