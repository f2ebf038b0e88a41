/**
 * Decoded column chunks → RecordStore columns (the layouts of {@link fieldSpecOf}); whole-file loading
 * concatenates the chunks with `RecordStore.concat` (categories merged, codes remapped: no string per row).
 *
 * @packageDocumentation
 */
import { Categorical, type CodeArray } from '../categorical.js';
import type { TypedArray } from '../dtype.js';
import { RecordStore, Utf8Column, type FieldSpec, type NullableColumn, type Schema } from '../record-store.js';
import { int64ToMs } from '../internal/int64-time.js';
import type { DecodedColumn, PhysicalArray } from './decode.js';
import { ParquetError, messageOf } from './errors.js';
import type { ColumnPlan } from './types.js';

/** @internal Narrowest signed code array holding codes in [-1, k). */
export function narrowCodes(codes: Int32Array, k: number): CodeArray {
  if (k <= 127) {
    const out = new Int8Array(codes.length);
    out.set(codes);
    return out;
  }
  if (k <= 32767) {
    const out = new Int16Array(codes.length);
    out.set(codes);
    return out;
  }
  return codes;
}

function narrowed<T extends Int8Array | Uint8Array | Int16Array | Uint16Array>(out: T, v: Int32Array): T {
  out.set(v);
  return out;
}

/** A byte-per-row validity (1 valid, 0 null) as an Arrow-layout bitmap. */
function packValid(valid: Uint8Array): Uint8Array {
  const n = valid.length;
  const bm = new Uint8Array((n + 7) >> 3);
  for (let i = 0; i < n; i++) if (valid[i] !== 0) bm[i >> 3]! |= 1 << (i & 7);
  return bm;
}

/** What a decoded chunk becomes in `RecordStore.fromColumns`. */
export type StoreColumn = TypedArray | Categorical<string> | Utf8Column | NullableColumn;

/** The values array of a numeric, bool, date or timestamp chunk, in the store field's storage type. */
function valuesOf(plan: ColumnPlan, v: PhysicalArray, bitmap: Uint8Array | null, rowGroup: number): TypedArray {
  const n = v.length;
  switch (plan.kind) {
    case 'timestamp': {
      const out = new Float64Array(n);
      const src = v as BigInt64Array;
      const bad = int64ToMs(new Int32Array(src.buffer, src.byteOffset, 2 * n), n, 1, plan.perMs, bitmap, 0, out, 0);
      if (bad >= 0) {
        const i = Math.floor(bad);
        const unit = plan.perMs === 1 ? 'ms' : plan.perMs === 1000 ? 'µs' : 'ns';
        throw new ParquetError(
          bad !== i
            ? `row ${i} holds ${String(src[i])} ${unit}, not a whole number of milliseconds; a timestamp field holds Float64 milliseconds and compactly converts only exactly`
            : `row ${i} holds ${String(src[i])} ${unit}, outside the range of a timestamp field (±8.64e15 ms, the range of Date)`,
          { column: plan.name, rowGroup },
        );
      }
      return out;
    }
    case 'int8':
      return narrowed(new Int8Array(n), v as Int32Array);
    case 'uint8':
      return v instanceof Uint8Array ? v : narrowed(new Uint8Array(n), v as Int32Array);
    case 'int16':
      return narrowed(new Int16Array(n), v as Int32Array);
    case 'uint16':
      return narrowed(new Uint16Array(n), v as Int32Array);
    case 'uint32':
      return new Uint32Array(v.buffer, v.byteOffset, n);
    case 'uint64':
      return new BigUint64Array(v.buffer, v.byteOffset, n);
    default:
      // int32, int64, float32, float64, bool (0/1 bytes), date (Int32 days): the decoded array as it is.
      return v;
  }
}

/**
 * @internal One decoded chunk as the store column of its plan's field spec: numbers, bools and dates adopted
 * (narrow integers copied once to their width), timestamps converted exactly to Float64 ms, plain text as a
 * `Utf8Column` over the decoded offsets and bytes (UTF-8 validated once), dictionary-encoded text as a
 * Categorical. Nulls: an Arrow-layout validity bitmap (`{values, validity}`), null slots 0.
 * @throws {@link ParquetError} naming the column and row group for invalid UTF-8, a bad dictionary, or a time
 *   that is not a whole number of milliseconds.
 */
export function storeColumn(plan: ColumnPlan, d: DecodedColumn, rowGroup: number): StoreColumn {
  if (d.codes !== null) {
    const dict = d.dict ?? [];
    try {
      return Categorical.fromCodes(narrowCodes(d.codes, dict.length), dict) as Categorical<string>;
    } catch (e) {
      throw new ParquetError(`bad dictionary (${messageOf(e)})`, { column: plan.name, rowGroup });
    }
  }
  const bitmap = d.valid === null || d.nullCount === 0 ? null : packValid(d.valid);
  if (d.offsets !== null) {
    try {
      return new Utf8Column(d.offsets, d.bytes!, bitmap);
    } catch (e) {
      throw new ParquetError(messageOf(e), { column: plan.name, rowGroup });
    }
  }
  const values = valuesOf(plan, d.values!, bitmap, rowGroup);
  return bitmap === null ? values : { values, validity: bitmap };
}

/** @internal The store schema of a plan, as entries (field order = the plans'). */
export function schemaOf(plans: readonly ColumnPlan[]): [string, FieldSpec][] {
  return plans.map((p) => [p.name, p.spec]);
}

/** @internal A store over built columns. */
export function makeStore(plans: readonly ColumnPlan[], cols: readonly StoreColumn[], rowGroup: number): RecordStore<Schema> {
  const data: Record<string, StoreColumn> = {};
  for (let i = 0; i < plans.length; i++) data[plans[i]!.name] = cols[i]!;
  try {
    return RecordStore.fromColumns(data as never, schemaOf(plans) as never) as unknown as RecordStore<Schema>;
  } catch (e) {
    // A null in a column whose footer statistics said it has none, or a value out of a field's range.
    throw new ParquetError(`the row group does not fit its schema (${messageOf(e)})`, { rowGroup });
  }
}
