/**
 * compactly → Arrow for the fields that are not plain numbers: nullable numeric fields, `utf8`, `bool`,
 * `date` and `timestamp`. What is shared and what is copied:
 *
 * | field | Arrow type | values | validity |
 * |---|---|---|---|
 * | nullable numeric | the dtype's type | shared | the store's bitmap, shared |
 * | `utf8` | `Utf8` | offsets and bytes shared | shared |
 * | `bool` | `Bool` | bit-packed: one copy | shared |
 * | `date` | `Date32` (`DateDay`) | shared (Int32 days) | shared |
 * | `timestamp` | `Timestamp(MILLISECOND, 'UTC')` | Float64 → Int64: one copy | shared |
 *
 * @packageDocumentation
 */
import { Bool, type Data, DateDay, TimestampMillisecond, Utf8, makeData } from 'apache-arrow';
import type { DType } from '../dtype.js';
import { describe, ValueError } from '../errors.js';
import { arrowTypeOf } from './types.js';
import { msToInt64 } from '../internal/int64-time.js';

/** `makeData` without its per-type overloads: the props built here are checked by the callers. */
const make = makeData as unknown as (props: Record<string, unknown>) => Data;

/** @internal The timezone compactly timestamps carry in Arrow: they are UTC instants. */
export const TIMESTAMP_ZONE = 'UTC';

/** @internal The kinds of store field that map to one Arrow scalar type. */
export type ScalarKind = 'utf8' | 'bool' | 'date' | 'timestamp';

/** @internal A fresh Arrow type for a scalar field kind. */
export function scalarArrowType(kind: ScalarKind): Utf8 | Bool | DateDay | TimestampMillisecond {
  switch (kind) {
    case 'utf8':
      return new Utf8();
    case 'bool':
      return new Bool();
    case 'date':
      return new DateDay();
    case 'timestamp':
      return new TimestampMillisecond(TIMESTAMP_ZONE);
  }
}

/** The validity props of `makeData`: the bitmap (shared) and its null count, or none when every row is valid. */
function validityProps(validity: Uint8Array | null, nullCount: number): Record<string, unknown> {
  return validity === null || nullCount === 0 ? { nullCount: 0 } : { nullCount, nullBitmap: validity };
}

/**
 * @internal Arrow `Data` of a numeric field: the values and the validity bitmap are the store's own
 * (zero-copy; the store's bitmap is already Arrow's layout: 1 = valid, LSB first, bits past the length 0).
 */
export function nullableNumericData(dtype: DType, values: ArrayBufferView, validity: Uint8Array | null, nullCount: number): Data {
  return make({ type: arrowTypeOf(dtype), length: (values as unknown as ArrayLike<unknown>).length, data: values, ...validityProps(validity, nullCount) });
}

/** @internal Arrow `Utf8` `Data` over a utf8 column's offsets and bytes (zero-copy). */
export function utf8ColumnData(offsets: Int32Array, bytes: Uint8Array, validity: Uint8Array | null, nullCount: number): Data {
  return make({ type: new Utf8(), length: offsets.length - 1, valueOffsets: offsets, data: bytes, ...validityProps(validity, nullCount) });
}

/** @internal Packs 0/1 bytes into an Arrow bit buffer (LSB first), padded to 8 bytes. */
export function packBits(values: Uint8Array): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(((n + 63) >> 6) << 3);
  const full = n >> 3;
  for (let b = 0; b < full; b++) {
    const i = b << 3;
    out[b] =
      values[i]! |
      (values[i + 1]! << 1) |
      (values[i + 2]! << 2) |
      (values[i + 3]! << 3) |
      (values[i + 4]! << 4) |
      (values[i + 5]! << 5) |
      (values[i + 6]! << 6) |
      (values[i + 7]! << 7);
  }
  for (let i = full << 3; i < n; i++) out[i >> 3]! |= values[i]! << (i & 7);
  return out;
}

/** @internal Arrow `Bool` `Data` of a bool column (0/1 bytes packed into bits: one copy; validity shared). */
export function boolData(values: Uint8Array, validity: Uint8Array | null, nullCount: number): Data {
  return make({ type: new Bool(), length: values.length, data: packBits(values), ...validityProps(validity, nullCount) });
}

/** @internal Arrow `Date32` (`DateDay`) `Data` of a date column (Int32 days: zero-copy). */
export function dateData(days: Int32Array, validity: Uint8Array | null, nullCount: number): Data {
  return make({ type: new DateDay(), length: days.length, data: days, ...validityProps(validity, nullCount) });
}

function throwFraction(field: string, row: number, v: number): never {
  throw new ValueError(`timestamp field ${describe(field)} row ${row} holds ${v} ms, a fraction of a millisecond that Arrow Timestamp(MILLISECOND) cannot hold exactly`);
}

/**
 * @internal Arrow `Timestamp(MILLISECOND, 'UTC')` `Data` of a timestamp column: the Float64 milliseconds
 * converted to Int64 (one copy, exact: every stored timestamp is within ±8.64e15 ms, below 2^53).
 * @throws {@link ValueError} for a valid row holding a fraction of a millisecond (naming the field and row).
 */
export function timestampData(field: string, ms: Float64Array, validity: Uint8Array | null, nullCount: number): Data {
  const n = ms.length;
  const out = new BigInt64Array(n);
  const bad = msToInt64(ms, validity !== null && nullCount > 0 ? validity : null, new Int32Array(out.buffer));
  if (bad >= 0) throwFraction(field, bad, ms[bad]!);
  return make({ type: new TimestampMillisecond(TIMESTAMP_ZONE), length: n, data: out, ...validityProps(validity, nullCount) });
}
