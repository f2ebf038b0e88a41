/**
 * Arrow → compactly: arrow `Vector` → Vector or Categorical, `Table` / `RecordBatch` → RecordStore.
 * Numeric columns of one chunk without nulls are adopted without copying.
 *
 * @packageDocumentation
 */
import { type Data, type DataType, type Dictionary, RecordBatch, Table, Vector as ArrowVector } from 'apache-arrow';
import type { DType, TypedArray } from '../dtype.js';
import { describe } from '../errors.js';
import { Categorical } from '../categorical.js';
import type { Vector } from '../vector.js';
import { type FromArrowOptions, convertColumn, normalizeOptions } from './columns.js';
import { buildCategorical, buildVector } from './build.js';
import { columnsOf, storeFromColumns } from './from-table.js';
import type { RecordStore } from '../record-store.js';
import type { DTypeOfArrow } from './types.js';
import { describeArrowType } from './types.js';

/** What {@link fromArrow} returns for an arrow `Vector<T>`. */
export type FromArrowVector<T extends DataType> = T extends Dictionary
  ? Categorical
  : [DTypeOfArrow<T>] extends [never]
    ? Vector<DType> | Categorical
    : Vector<DTypeOfArrow<T>>;

/**
 * Converts Apache Arrow data to compactly structures, sharing numeric memory where the layout allows.
 *
 * - arrow `Vector` of an exact numeric type → `Vector<dtype>`; `Dictionary` → `Categorical`;
 * - `Table` / `RecordBatch` → `RecordStore` with the same field order (`Dictionary` fields →
 *   `'category'`, `FixedSizeList[n]<numeric>` → `[dtype, n]`).
 *
 * Also read: `Float16` → `float32` and `Bool` → `uint8` (one copy each), `Utf8` → Categorical with
 * `{strings: 'category'}`. Anything else (temporal, decimal, nested, binary) is a `TypeError` naming the
 * column and its Arrow type.
 *
 * @param x - an arrow `Vector`, `Data`, `Table` or `RecordBatch`.
 * @param options - `strings`, `nulls`, `copy` (see {@link FromArrowOptions}).
 * @returns a Vector, a Categorical or a RecordStore.
 * @throws `TypeError` for an unsupported Arrow type or a string column without `{strings: 'category'}`
 *   (the message names the column and the type), or for an input that is not Arrow data.
 * @throws {@link compactly!ValueError} for nulls in a numeric column without `{nulls: 'nan'}` (naming the column
 *   and the first null row), or a dictionary index out of range.
 * @remarks A numeric column of a single chunk without nulls is adopted: the result's column is a view
 *   of the Arrow buffer (O(1) in rows, no copy; `{copy: true}` copies instead). Several chunks, nulls,
 *   `Float16` and `Bool` cost one copy. A `Dictionary` chunk with signed `Int8`/`Int16`/`Int32` indices
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
  const col = convertColumn('vector', type, chunks, normalizeOptions(options));
  if (col.kind === 'category') return buildCategorical(col);
  if (col.kind === 'vector') {
    throw new TypeError(
      `fromArrow: a standalone ${describeArrowType(type)} vector has no compactly counterpart; convert the Table or RecordBatch that holds it (it becomes a [dtype, n] field)`,
    );
  }
  return buildVector(col.dtype, col.array as TypedArray);
}
