/**
 * Arrow → compactly: arrow `Vector` → Vector or Categorical, `Table` / `RecordBatch` → RecordStore.
 * Numeric columns of one chunk without nulls are adopted without copying.
 *
 * @packageDocumentation
 */
import { type Data, type DataType, type Dictionary, type LargeUtf8, RecordBatch, Table, type Utf8, Vector as ArrowVector } from 'apache-arrow';
import type { DType, TypedArray } from '../dtype.js';
import { describe, ValueError } from '../errors.js';
import { Categorical } from '../categorical.js';
import type { Vector } from '../vector.js';
import { type FromArrowOptions, convertColumn, normalizeOptions } from './columns.js';
import { buildCategorical, buildVector } from './build.js';
import { columnsOf, storeFromColumns } from './from-table.js';
import { type RecordStore, Utf8Column } from '../record-store.js';
import type { DTypeOfArrow } from './types.js';
import { describeArrowType } from './types.js';

/** What {@link fromArrow} returns for an arrow `Vector<T>`. */
export type FromArrowVector<T extends DataType> = T extends Dictionary
  ? Categorical
  : T extends Utf8 | LargeUtf8
    ? Utf8Column | Categorical
    : [DTypeOfArrow<T>] extends [never]
      ? Vector<DType> | Categorical | Utf8Column
      : Vector<DTypeOfArrow<T>>;

/**
 * Converts Apache Arrow data to compactly structures, sharing numeric memory where the layout allows.
 *
 * - arrow `Vector` of an exact numeric type → `Vector<dtype>`; `Dictionary` → `Categorical`;
 * - `Table` / `RecordBatch` → `RecordStore` with the same field order (`Dictionary` fields →
 *   `'category'`, `FixedSizeList[n]<numeric>` → `[dtype, n]`).
 *
 * Also read (see docs/arrow.md for the whole table): nulls → nullable fields (the validity bitmap
 * adopted), `Utf8` → `utf8` (offsets and bytes adopted; `LargeUtf8`/`Utf8View` copied), `Bool` → `bool`,
 * `Date32` → `date` (adopted), `Date64` → `date` (whole days), `Timestamp` of any unit → `timestamp`
 * (exact, or a `ValueError`; zone absent or UTC, else a `TypeError`), `Float16` → `float32`. A standalone
 * `Utf8` vector becomes a `Utf8Column`. Anything else (decimal, time, interval, nested, binary) is a
 * `TypeError` naming the column and its Arrow type.
 *
 * @param x - an arrow `Vector`, `Data`, `Table` or `RecordBatch`.
 * @param options - `strings`, `nulls`, `copy` (see {@link FromArrowOptions}).
 * @returns a Vector, a Categorical or a RecordStore.
 * @throws `TypeError` for an unsupported Arrow type, a string column with `{strings: 'error'}`, a
 *   timestamp in a zone other than UTC (the message names the column and the type), or for an input that
 *   is not Arrow data.
 * @throws {@link compactly!ValueError} for nulls with `{nulls: 'error'}` (or in a standalone numeric vector
 *   without `{nulls: 'nan'}`), naming the column and the first null row; a dictionary index out of range;
 *   invalid UTF-8; a time that is not a whole number of milliseconds (or day, for `Date64`).
 * @remarks A numeric or `Date32` column of a single chunk is adopted: the result's column is a view
 *   of the Arrow buffer (O(1) in rows, no copy; `{copy: true}` copies instead), and so is its validity
 *   bitmap when the chunk starts on a byte boundary and its null slots hold 0. Several chunks, `Float16`,
 *   `Bool` and `Timestamp` cost one copy. A `Dictionary` chunk with signed `Int8`/`Int16`/`Int32` indices
 *   and no nulls is adopted as the codes; nulls (→ `-1`), unsigned or 64-bit indices, and chunks with
 *   different dictionaries cost one re-coding pass. A standalone `Vector` is always copied into a new
 *   compactly `Vector` (which owns its growable buffer); tables become RecordStores without copying.
 *   Every column is converted before anything is built, so an error leaves no partial result.
 * @example
 * ```ts
 * const store = fromArrow(tableFromArrays({ x: Float64Array.of(1, 2) }));
 * store.column('x'); // Float64Array [1, 2], the table's own buffer
 * ```
 */
export function fromArrow<T extends DataType>(x: ArrowVector<T> | Data<T>, options?: FromArrowOptions): FromArrowVector<T>;
export function fromArrow(x: Table | RecordBatch, options?: FromArrowOptions): RecordStore;
export function fromArrow(x: unknown, options?: FromArrowOptions): unknown {
  if (Table.isTable(x) || RecordBatch.isRecordBatch(x)) return storeFromColumns(columnsOf(x), options);
  let chunks: readonly Data[];
  let type: DataType;
  if (ArrowVector.isVector(x)) {
    chunks = x.data.filter((d, k) => d.length > 0 || k === 0);
    type = x.type as DataType;
  } else if (x !== null && typeof x === 'object' && (x as { type?: unknown }).type !== undefined && 'nullBitmap' in x) {
    chunks = [x as Data];
    type = (x as Data).type as DataType;
  } else {
    throw new TypeError(`fromArrow expects an arrow Vector, Data, Table or RecordBatch, got ${describe(x)}`);
  }
  const opts = { ...normalizeOptions(options), standalone: true };
  const col = convertColumn('vector', type, chunks, opts);
  if (col.kind === 'category') return buildCategorical(col);
  if (col.kind === 'utf8') return new Utf8Column(col.offsets, col.bytes, col.validity);
  if (col.kind === 'vector') {
    throw new TypeError(
      `fromArrow: a standalone ${describeArrowType(type)} vector has no compactly counterpart; convert the Table or RecordBatch that holds it (it becomes a [dtype, n] field)`,
    );
  }
  const dtype: DType = col.kind === 'numeric' ? col.dtype : col.kind === 'bool' ? 'uint8' : col.kind === 'date' ? 'int32' : 'float64';
  const array = col.array as TypedArray;
  if (col.validity !== undefined && col.validity !== null) {
    // Date and timestamp vectors (numbers in a Vector) have no validity: NaN where allowed, else an error.
    if (col.kind !== 'timestamp' || opts.nulls !== 'nan') {
      throw new ValueError(
        `fromArrow: this ${describeArrowType(type)} vector has nulls, and a compactly Vector has none; convert the Table or RecordBatch that holds it (a nullable field)${col.kind === 'timestamp' ? ", or pass {nulls: 'nan'}" : ''}`,
      );
    }
    const bm = col.validity;
    for (let i = 0; i < array.length; i++) if ((bm[i >> 3]! & (1 << (i & 7))) === 0) array[i] = NaN;
  }
  return buildVector(dtype, array);
}
