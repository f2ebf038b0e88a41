/**
 * `store.downcast()` (pandas `to_numeric(downcast=…)` on every column): each numeric field's smallest dtype
 * that holds its values exactly. Integers go to the narrowest of int8, uint8, int16, uint16, int32, uint32
 * that holds [min, max] (64-bit integers too, when their values fit); floats go to float32 only when every
 * value survives the round trip (`Math.fround(x) === x`, NaN kept). Nothing else changes type.
 *
 * @internal
 * @packageDocumentation
 */
import { DTYPES, type DType, type TypedArray } from '../dtype.js';
import type { ColumnParts } from './take.js';
import { intDTypeFor, SMALL_INT_DTYPES } from '../internal/int-dtypes.js';
import { smallestIntDType } from './infer.js';
import { parseSchema, type FieldInfo, type FieldSpec, type ParsedSchema } from './schema.js';
import type { Column, StoreData } from './store-data.js';
import { Utf8Data } from './utf8-data.js';
import { bitmapBytes } from './validity.js';

/**
 * The schema and columns of `store.downcast()`, or `null` when no field shrinks (the caller then copies).
 * Every column is copied once: a shrunk one by a native converting `set` (values are in range, so nothing
 * wraps), the others by `slice`; category columns are handed over as they are and copied by the new store
 * (a store owns its Categoricals). O(length × fields).
 * @internal
 */
export function downcastParts(d: StoreData): { schema: ParsedSchema; parts: ColumnParts } | null {
  const n = d.length;
  const entries: [string, FieldSpec][] = [];
  const cols: Column[] = [];
  const valid: (Uint8Array | null)[] = [];
  let shrunk = false;
  for (const f of d.schema.fields) {
    const col = d.cols[f.index]!;
    const bm = d.valid[f.index]!;
    valid.push(bm === null ? null : bm.slice(0, bitmapBytes(n)));
    const nd = shrinks(f) ? downcastDType(f.dtype, (col as TypedArray).subarray(0, n * f.size), bm, f.size) : f.dtype;
    if (nd === f.dtype) {
      entries.push([f.name, f.spec as FieldSpec]);
      cols.push(copyColumn(col, f, n));
      continue;
    }
    shrunk = true;
    const type: FieldSpec = f.kind === 'vector' ? [nd, f.size] : nd;
    entries.push([f.name, f.nullable ? ({ type, nullable: true } as FieldSpec) : type]);
    cols.push(convert(col as TypedArray, f.dtype, nd, n * f.size));
  }
  return shrunk ? { schema: parseSchema(entries), parts: { cols, valid } } : null;
}

/** A numeric or vector field whose spec is a dtype or `{type, nullable}` (a default keeps its type). */
function shrinks(f: FieldInfo): boolean {
  if (f.kind !== 'number' && f.kind !== 'vector') return false;
  const spec = f.spec as unknown;
  return !(typeof spec === 'object' && spec !== null && !Array.isArray(spec) && Object.keys(spec).some((k) => k !== 'type' && k !== 'nullable'));
}

/** The first `m` elements of `col` in a new array of `to` (every value fits: checked by downcastDType). */
function convert(col: TypedArray, from: DType, to: DType, m: number): TypedArray {
  const out = DTYPES[to].alloc(m) as TypedArray;
  if (from === 'int64' || from === 'uint64') {
    const src = col as BigInt64Array;
    const dst = out as Int32Array;
    for (let i = 0; i < m; i++) dst[i] = Number(src[i]!);
  } else {
    (out as Float64Array).set((col as Float64Array).subarray(0, m));
  }
  return out;
}

/** A copy of the first `n` records of a column the store keeps as it is. */
function copyColumn(col: Column, f: FieldInfo, n: number): Column {
  if (f.kind === 'category') return col; // the new store copies a Categorical another store owns
  if (f.kind === 'utf8') {
    const u = col as Utf8Data;
    return new Utf8Data(n, u.offsets.slice(0, n + 1), u.bytes.slice(0, u.offsets[n]!));
  }
  return (col as TypedArray).slice(0, n * f.size);
}

/**
 * The dtype a column of `dtype` can shrink to (itself when nothing smaller holds every value).
 * Elements of null records (bit `⌊i / size⌋` of `bm` clear) are ignored, whatever their slot holds.
 */
function downcastDType(dtype: DType, col: TypedArray, bm: Uint8Array | null, size = 1): DType {
  const n = col.length;
  if (dtype === 'float32') return dtype;
  if (dtype === 'float64') {
    const a = col as Float64Array;
    for (let i = 0; i < n; i++) {
      const x = a[i]!;
      if (Math.fround(x) !== x && x === x && valid(bm, i, size)) return dtype;
    }
    return 'float32';
  }
  if (dtype === 'int64' || dtype === 'uint64') {
    const a = col as BigInt64Array;
    let min = 0n;
    let max = 0n;
    let any = false;
    for (let i = 0; i < n; i++) {
      if (!valid(bm, i, size)) continue;
      const v = a[i]!;
      if (!any || v < min) min = v;
      if (!any || v > max) max = v;
      any = true;
    }
    if (!any) return 'int8';
    return intDTypeFor(min, max, SMALL_INT_DTYPES) ?? dtype;
  }
  return smallIntDType(dtype, col as Int32Array, bm, size);
}

/**
 * The narrowest integer dtype holding the valid elements of an int8..uint32 column. Every candidate's range is
 * [-2^k, 2^k) or [0, 2^k), so the bitwise OR of the magnitudes (`v ^ (v >> 31)`: `v` for v ≥ 0, `-v - 1`
 * below) decides it as exactly as a min/max scan, without a compare per element: all values fit [-2^k, 2^k)
 * when that OR is below 2^k, and [0, 2^k) when, besides, none is negative (docs/internals/performance.md,
 * "Integer fit by bitwise OR").
 */
function smallIntDType(dtype: DType, a: Int32Array, bm: Uint8Array | null, size: number): DType {
  const n = a.length;
  const signed = dtype === 'int8' || dtype === 'int16' || dtype === 'int32';
  let or = 0;
  let neg = 0;
  let any = n > 0;
  if (bm === null) {
    if (signed) {
      for (let i = 0; i < n; i++) {
        const v = a[i]!;
        or |= v ^ (v >> 31);
        neg |= v;
      }
    } else for (let i = 0; i < n; i++) or |= a[i]!;
  } else {
    any = false;
    for (let i = 0; i < n; i++) {
      if (!valid(bm, i, size)) continue;
      const v = a[i]!;
      or |= signed ? v ^ (v >> 31) : v;
      neg |= signed ? v : 0;
      any = true;
    }
  }
  if (!any) return 'int8'; // no values
  const m = signed ? or : or >>> 0;
  const d = smallestIntDType(neg < 0 ? -m - 1 : 0, m);
  return d === 'float64' ? dtype : d;
}

/** Element `i` belongs to a valid record (no bitmap: every record is valid). */
function valid(bm: Uint8Array | null, i: number, size: number): boolean {
  if (bm === null) return true;
  const r = size === 1 ? i : (i / size) | 0;
  return (bm[r >>> 3]! & (1 << (r & 7))) !== 0;
}
