/**
 * RecordStore (__slots__): struct-of-arrays records, usable as a small columnar dataframe.
 * The implementation lives in `record-store/`; this module is its public face.
 * @packageDocumentation
 */
export { GroupBy, RecordStore, recordStore } from './record-store/record-store.js';
export type {
  DefaultedKeys,
  FieldObjectValue,
  ObjectOf,
  ObjectValueOfFieldType,
  OrNull,
  ScalarFieldType,
  EntriesToSchema,
  FieldInput,
  FieldSpec,
  FieldType,
  FieldValue,
  FieldWithDefault,
  RecordInput,
  RecordOf,
  RecordPatch,
  Schema,
  SchemaEntries,
  InputOfFieldType,
  TypeOfSpec,
  ValueOfFieldType,
  VectorFieldType,
} from './record-store/schema.js';
export type { AggOp } from './record-store/group-by.js';
export type { NullableColumn } from './record-store/from-columns.js';
export { Utf8Column, type Utf8ColumnMemory } from './record-store/utf8-column.js';
// Every type of types.js is public (the store's options, views, cursor, column and aggregation types).
export type * from './record-store/types.js';
export type { FieldMemory, ObjectsEstimate, RecordStoreMemoryUsage } from './record-store/memory.js';
export type { TableFormatOptions } from './record-store/format.js';
export type { DerivedSchema, DerivedType, DeriveSpec, InferredFieldType } from './record-store/derive.js';
export type { JoinHow, JoinOptions } from './record-store/join.js';
export type { StoreValueCountsOptions } from './record-store/value-counts.js';
export type { WhereOp } from './record-store/where.js';
export type { Condition } from './record-store/where-types.js';
export { maskAnd, maskNot, maskOr } from './record-store/masks.js';
/** @internal The type part of a field spec, for the verbs outside record-store/ that rebuild schemas (writeCsv). */
export { fieldType } from './record-store/schema.js';
/** @internal Whether row `i` is valid in a validity bitmap (`null`: every row), for readers of raw columns outside record-store/ (the bench). */
export { isValid } from './record-store/validity.js';
/** @internal Dense codes of a utf8 column by hashing its bytes, for partitioning outside record-store/ (compactly/parquet's writeDataset). */
export { utf8Codes } from './record-store/utf8-codes.js';
