/**
 * compactly → Arrow: Vector → arrow `Vector`, Categorical → `Dictionary`, RecordStore → `Table` /
 * `RecordBatch`. Numeric data is handed over without copying (`subarray(0, length)` of the live
 * elements, never the spare capacity).
 *
 * @packageDocumentation
 */
import {
  type Data,
  Dictionary,
  Field,
  FixedSizeList,
  Float64,
  Int16,
  Int32,
  Int8,
  RecordBatch,
  Schema,
  Struct,
  Table,
  type TypeMap,
  Utf8,
  Vector as ArrowVector,
  makeData,
} from 'apache-arrow';
import { type DType, resolveDType } from '../dtype.js';
import { describe } from '../errors.js';
import { type AnyCategorical, type AnyRecordStore, type AnyVector, isCategoricalLike, isRecordStoreLike, isVectorLike } from './core.js';
import { type ArrowTypeOf, arrowTypeOf } from './types.js';
import { utf8Data } from './strings.js';
import { type ScalarKind, boolData, dateData, nullableNumericData, scalarArrowType, timestampData, utf8ColumnData } from './scalar-data.js';

/** The Arrow index type of a categorical's codes: `Int8`, `Int16` or `Int32`, as wide as the codes. */
export type DictionaryIndex = Int8 | Int16 | Int32;

/** What a Categorical becomes: a `Dictionary` over `Utf8` (string categories) or `Float64` (numbers). */
export type CategoricalArrowType = Dictionary<Utf8 | Float64, DictionaryIndex>;

/** @internal How one RecordStore field maps to Arrow. */
export type FieldSpec =
  | { readonly kind: 'numeric'; readonly dtype: DType; readonly nullable: boolean }
  | { readonly kind: 'category' }
  | { readonly kind: 'vector'; readonly dtype: DType; readonly size: number }
  | { readonly kind: ScalarKind; readonly nullable: boolean };

const SCALAR_KINDS: Readonly<Record<string, ScalarKind>> = { utf8: 'utf8', string: 'utf8', bool: 'bool', date: 'date', timestamp: 'timestamp' };

/**
 * @internal Reads one schema entry of a RecordStore: a dtype/typecode, `'category'`, `'utf8'`, `'bool'`,
 * `'date'`, `'timestamp'`, `[dtype, n]`, or `{type, default?, nullable?}`.
 */
export function fieldSpecOf(spec: unknown, name: string, nullable = false): FieldSpec {
  if (spec === 'category') return { kind: 'category' };
  if (Array.isArray(spec) && spec.length === 2) {
    return { kind: 'vector', dtype: resolveDType(spec[0]), size: Number(spec[1]) };
  }
  if (typeof spec === 'object' && spec !== null && 'type' in spec) {
    // {type, default?, nullable?}
    return fieldSpecOf((spec as { type: unknown }).type, name, (spec as { nullable?: unknown }).nullable === true);
  }
  if (typeof spec === 'string') {
    const scalar = SCALAR_KINDS[spec];
    if (scalar !== undefined) return { kind: scalar, nullable };
    return { kind: 'numeric', dtype: resolveDType(spec), nullable };
  }
  throw new TypeError(`field ${describe(name)} has a schema entry ${describe(spec)} that compactly/arrow cannot map`);
}

/** @internal A stable key of a field spec (stream writers check every chunk against chunk 0). */
export function fieldSpecKey(s: FieldSpec): string {
  if (s.kind === 'vector') return `[${s.dtype}, ${s.size}]`;
  if (s.kind === 'category') return 'category';
  const base = s.kind === 'numeric' ? s.dtype : s.kind;
  return s.nullable ? `${base} (nullable)` : base;
}

// --- validity bitmaps of categorical codes (one kernel per code width) -----------------------

function missingInt8(codes: Int8Array): number {
  let m = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i]! < 0) m++;
  return m;
}
function missingInt16(codes: Int16Array): number {
  let m = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i]! < 0) m++;
  return m;
}
function missingInt32(codes: Int32Array): number {
  let m = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i]! < 0) m++;
  return m;
}

/**
 * True if any code is negative, reading the codes 32 bits at a time: the sign bits of four Int8 (or
 * two Int16, or one Int32) codes are tested with one mask, so the common no-missing case costs a
 * quarter (a half) of an element loop.
 */
function anyNegative(codes: Int8Array | Int16Array | Int32Array): boolean {
  const n = codes.length;
  const per = 4 / codes.BYTES_PER_ELEMENT;
  const mask = per === 4 ? 0x80808080 : per === 2 ? 0x80008000 : 0x80000000;
  const off = codes.byteOffset;
  let i = 0;
  while (i < n && ((off + i * codes.BYTES_PER_ELEMENT) & 3) !== 0) {
    if (codes[i]! < 0) return true;
    i++;
  }
  const words = Math.floor((n - i) / per);
  if (words > 0) {
    const w = new Uint32Array(codes.buffer, off + i * codes.BYTES_PER_ELEMENT, words);
    for (let k = 0; k < words; k++) if ((w[k]! & mask) !== 0) return true;
    i += words * per;
  }
  for (; i < n; i++) if (codes[i]! < 0) return true;
  return false;
}

/** @internal Counts codes `< 0` (missing). */
export function countMissing(codes: Int8Array | Int16Array | Int32Array): number {
  if (!anyNegative(codes)) return 0;
  if (codes instanceof Int8Array) return missingInt8(codes);
  if (codes instanceof Int16Array) return missingInt16(codes);
  return missingInt32(codes);
}

/** @internal A validity bitmap (bit set = valid), padded to 8 bytes, for codes where `-1` is missing. */
export function validityOfCodes(codes: Int8Array | Int16Array | Int32Array): Uint8Array {
  const n = codes.length;
  const bitmap = new Uint8Array(((n + 63) >> 6) << 3);
  for (let i = 0; i < n; i++) if (codes[i]! >= 0) bitmap[i >> 3]! |= 1 << (i & 7);
  return bitmap;
}

/** @internal The Arrow index type matching a code array's width. */
export function indexTypeOf(codes: Int8Array | Int16Array | Int32Array): DictionaryIndex {
  if (codes instanceof Int8Array) return new Int8();
  if (codes instanceof Int16Array) return new Int16();
  return new Int32();
}

/** @internal The dictionary values of a categorical: `Utf8` for strings, `Float64` for numbers. */
export function dictionaryValues(categories: readonly (string | number)[], name: string): Data<Utf8 | Float64> {
  let strings = 0;
  for (let i = 0; i < categories.length; i++) if (typeof categories[i] === 'string') strings++;
  if (strings === categories.length) return utf8Data(categories as readonly string[]);
  if (strings === 0) {
    return make({ type: new Float64(), length: categories.length, nullCount: 0, data: Float64Array.from(categories as number[]) }) as Data<Float64>;
  }
  throw new TypeError(`categorical ${describe(name)} mixes string and number categories; Arrow dictionaries hold one type`);
}

/** @internal Is the dictionary value type of a categorical's categories `Utf8` (true) or `Float64`? */
export function dictionaryValueType(categories: readonly (string | number)[]): Utf8 | Float64 {
  return categories.length > 0 && typeof categories[0] === 'number' ? new Float64() : new Utf8();
}

/** `makeData` without its per-type overloads: the props built here are checked by the callers. */
const make = makeData as unknown as (props: Record<string, unknown>) => Data;

/** @internal Arrow `Data` for a numeric TypedArray of exactly `length` elements (no copy). */
export function numericData<D extends DType>(dtype: D, array: ArrayLike<unknown> & ArrayBufferView): Data<ArrowTypeOf[D]> {
  return make({ type: arrowTypeOf(dtype), length: array.length, nullCount: 0, data: array }) as Data<ArrowTypeOf[D]>;
}

/**
 * @internal Arrow `Data` for a categorical: the codes are the index buffer (no copy), missing codes
 * (`-1`) become nulls through a validity bitmap.
 */
export function categoricalData(codes: Int8Array | Int16Array | Int32Array, type: Dictionary, dictionary: ArrowVector): Data<Dictionary> {
  const missing = countMissing(codes);
  const props = {
    type,
    length: codes.length,
    nullCount: missing,
    data: codes,
    dictionary,
    ...(missing > 0 ? { nullBitmap: validityOfCodes(codes) } : {}),
  };
  return make(props) as Data<Dictionary>;
}

/** @internal The `FixedSizeList<[n]>` Arrow type of a `[dtype, n]` field. */
export function fixedSizeListType(dtype: DType, size: number): FixedSizeList {
  return new FixedSizeList(size, new Field('item', arrowTypeOf(dtype), false));
}

/** @internal Arrow `Data` of a `[dtype, n]` field whose column holds `rows * n` elements (no copy). */
export function fixedSizeListData(type: FixedSizeList, rows: number, flat: ArrayBufferView): Data<FixedSizeList> {
  const child = make({ type: type.valueType, length: (flat as unknown as ArrayLike<unknown>).length, nullCount: 0, data: flat });
  return make({ type, length: rows, nullCount: 0, child }) as Data<FixedSizeList>;
}

/** @internal Options that let a stream writer pin dictionary types across batches. */
export interface BatchTypes {
  /** The Arrow schema to use (stream writers fix it from the first chunk). */
  readonly schema: Schema;
  /** Per field: the dictionary Vector to attach to a categorical column (deltas share chunks). */
  readonly dictionaries: ReadonlyMap<string, ArrowVector>;
  /** Per field: the code array to use instead of the categorical's own (widened to the index type). */
  readonly codes: ReadonlyMap<string, Int8Array | Int16Array | Int32Array>;
}

/** @internal The Arrow schema of a RecordStore (fresh dictionary ids). */
export function arrowSchemaOf(store: AnyRecordStore): Schema {
  const fields: Field[] = [];
  for (const name of store.fields) {
    const spec = fieldSpecOf(store.schema[name], name);
    if (spec.kind === 'numeric') fields.push(new Field(name, arrowTypeOf(spec.dtype), spec.nullable));
    else if (spec.kind === 'vector') fields.push(new Field(name, fixedSizeListType(spec.dtype, spec.size), false));
    else if (spec.kind === 'category') {
      const cat = store.column(name) as AnyCategorical;
      const type = new Dictionary(dictionaryValueType(cat.categories), indexTypeOf(cat.codes), null, cat.ordered);
      fields.push(new Field(name, type, true));
    } else fields.push(new Field(name, scalarArrowType(spec.kind), spec.nullable));
  }
  return new Schema(fields);
}

/** The validity bitmap (alias) and null count of a field, or `[null, 0]` when it has no null. */
function validityOf(store: AnyRecordStore, name: string): [Uint8Array | null, number] {
  const bm = typeof store.validity === 'function' ? store.validity(name) : null;
  if (bm === null) return [null, 0];
  const nulls = typeof store.nullCount === 'function' ? store.nullCount(name) : -1;
  return nulls === 0 ? [null, 0] : [bm, nulls];
}

/** @internal The Arrow `Data` of one non-category field (shared memory as the table in scalar-data.ts says). */
export function fieldData(store: AnyRecordStore, spec: FieldSpec, field: Field, name: string): Data {
  const col = store.column(name);
  if (spec.kind === 'vector') return fixedSizeListData(field.type as FixedSizeList, store.length, col as ArrayBufferView);
  const [bm, nulls] = spec.kind === 'category' ? [null, 0] : spec.nullable ? validityOf(store, name) : [null, 0];
  switch (spec.kind) {
    case 'numeric':
      return bm === null ? numericData(spec.dtype, col as ArrayBufferView & ArrayLike<unknown>) : nullableNumericData(spec.dtype, col as ArrayBufferView, bm, nulls);
    case 'utf8': {
      const u = col as { offsets: Int32Array; bytes: Uint8Array };
      return utf8ColumnData(u.offsets, u.bytes, bm, nulls);
    }
    case 'bool':
      return boolData(col as Uint8Array, bm, nulls);
    case 'date':
      return dateData(col as Int32Array, bm, nulls);
    case 'timestamp':
      return timestampData(name, col as Float64Array, bm, nulls);
    default:
      throw new TypeError(`field ${describe(name)}: a category field has no plain Arrow data`);
  }
}

/** @internal Builds the RecordBatch of a RecordStore, optionally against pinned types (streams). */
export function storeToBatch(store: AnyRecordStore, pinned?: BatchTypes): RecordBatch {
  const schema = pinned?.schema ?? arrowSchemaOf(store);
  const rows = store.length;
  const children: Data[] = [];
  for (const field of schema.fields) {
    const name = field.name;
    const spec = fieldSpecOf(store.schema[name], name);
    if (spec.kind !== 'category') children.push(fieldData(store, spec, field, name));
    else {
      const cat = store.column(name) as AnyCategorical;
      const type = field.type as Dictionary;
      const dict = pinned?.dictionaries.get(name) ?? new ArrowVector([dictionaryValues(cat.categories, name)]);
      const codes = pinned?.codes.get(name) ?? cat.codes;
      children.push(categoricalData(codes, type, dict));
    }
  }
  const data = makeData({ type: new Struct(schema.fields), length: rows, nullCount: 0, children });
  return new RecordBatch(schema, data);
}

/**
 * Converts a RecordStore to one Arrow `RecordBatch`, without copying numeric columns.
 * @param store - the store; its field order and types are kept.
 * @returns a RecordBatch whose numeric and vector columns alias the store's live columns.
 * @throws `TypeError` if `store` is not a RecordStore, or a categorical mixes string and number categories.
 * @remarks O(fields) for numeric and vector fields (zero-copy: each column is `subarray(0, length)`,
 *   never the spare capacity); O(rows) scan plus O(categories) for each categorical field (codes are
 *   shared, the validity bitmap and the `Utf8` dictionary are built). The batch aliases the store:
 *   writes to the store show through, and the batch is valid until the store next reallocates
 *   (a `push` past capacity, `reserve`, `shrinkToFit`).
 * @example
 * ```ts
 * const batch = toRecordBatch(store);
 * batch.numRows === store.length; // true
 * ```
 */
export function toRecordBatch(store: AnyRecordStore): RecordBatch {
  if (!isRecordStoreLike(store)) throw new TypeError(`toRecordBatch expects a RecordStore, got ${describe(store)}`);
  return storeToBatch(store);
}

/** The Arrow result of {@link toArrow} for each compactly structure. */
export type ToArrow<X> =
  X extends AnyVector<infer D> ? ArrowVector<ArrowTypeOf[D]> : X extends AnyCategorical ? ArrowVector<CategoricalArrowType> : X extends AnyRecordStore ? Table<TypeMap> : never;

/**
 * Converts a compactly structure to its Apache Arrow counterpart, sharing numeric memory.
 *
 * - `Vector<D>` → arrow `Vector` of the exact matching type (`int64` → `Int64` over a `BigInt64Array`);
 * - `Categorical` → `Dictionary<Utf8, Int8 | Int16 | Int32>` (index type as wide as the codes, `ordered`
 *   kept, missing values as nulls; number categories give a `Float64` dictionary);
 * - `RecordStore` → `Table` of one record batch, field order and types kept, `[dtype, n]` fields as
 *   `FixedSizeList[n]<dtype>`, nullable fields as nullable Arrow fields sharing the store's validity bitmap,
 *   `utf8` → `Utf8` (offsets and bytes shared), `bool` → `Bool` (bit-packed: one copy), `date` → `Date32`
 *   (shared), `timestamp` → `Timestamp(MILLISECOND, 'UTC')` (Int64: one copy).
 *
 * @param x - a Vector, Categorical or RecordStore.
 * @returns the Arrow vector or table.
 * @throws `TypeError` for anything else; {@link compactly!ValueError} for a timestamp holding a fraction of a
 *   millisecond (Arrow's MILLISECOND unit holds whole ones).
 * @remarks Numeric data is passed as `subarray(0, length)`: zero-copy, O(1) in rows; the result aliases
 *   the structure (writes show through) and is valid until it next reallocates. A categorical costs one
 *   O(n) scan for missing codes plus O(categories) to encode the dictionary; its codes are shared.
 * @example
 * ```ts
 * const v = vector('float64', [1, 2, 3]);
 * const a = toArrow(v); // arrow Vector<Float64>, same ArrayBuffer
 * a.get(1); // 2
 * ```
 */
export function toArrow<X extends AnyVector<DType> | AnyCategorical | AnyRecordStore>(x: X): ToArrow<X>;
export function toArrow(x: unknown): unknown {
  if (isVectorLike(x)) return new ArrowVector([numericData(x.dtype, x.array)]);
  if (isCategoricalLike(x)) {
    const type = new Dictionary(dictionaryValueType(x.categories), indexTypeOf(x.codes), null, x.ordered);
    const dict = new ArrowVector([dictionaryValues(x.categories, 'categorical')]);
    return new ArrowVector([categoricalData(x.codes, type, dict)]);
  }
  if (isRecordStoreLike(x)) {
    const batch = storeToBatch(x);
    return new Table(batch.schema, [batch]);
  }
  throw new TypeError(`toArrow expects a Vector, Categorical or RecordStore, got ${describe(x)}`);
}
