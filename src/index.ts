/**
 * compactly: compact typed-data structures for TypeScript on TypedArrays.
 *
 * Explicit named exports, grouped by capability. Nothing from `internal/` is exported.
 * @packageDocumentation
 */

// --- errors -----------------------------------------------------------------------------------
export { AttributeError, BufferError, IndexError, NotImplementedError, OverflowError, ValueError } from './errors.js';

// --- memory accounting: the shape every structure's memoryUsage() shares ---------------------
export type { MemoryUsage } from './internal/memory-usage.js';

// --- dtypes -----------------------------------------------------------------------------------
export { DTYPES, DTYPE_NAMES, checkValue, dtypeInfo, dtypeOfArray, isDType, isTypeCode, resolveDType, widensTo } from './dtype.js';
export type { ArrayOf, DTypeOfArray, CodeToDType, DType, DTypeInfo, DTypeLike, InputOf, ResolveDType, TypeCode, TypedArray, TypedArrayConstructorOf, ValueOf } from './dtype.js';

// --- Vector (array.array) -------------------------------------------------------------------
export { Vector, vector } from './vector.js';
export type { VectorMemoryUsage, VectorOptions, VectorSource } from './vector.js';

// --- Categorical (pandas.Categorical) -------------------------------------------------------
export { Categorical, categorical } from './categorical.js';
export type {
  CategoricalMemoryUsage,
  CategoricalOptions,
  CategoryValue,
  CodeArray,
  CodesDType,
  CompareOperand,
  FromCodesOptions,
  MinMaxOptions,
  PushOptions,
  Renamer,
  ReorderOptions,
  SetCategoriesOptions,
  ValueCountsOptions,
  WidenCategory,
} from './categorical.js';

// --- RecordStore (__slots__) ------------------------------------------------------------------
export { GroupBy, RecordStore, maskAnd, maskNot, maskOr, recordStore, Utf8Column } from './record-store.js';
export type {
  AggOp,
  AggResultType,
  AggSchema,
  AggSpecOf,
  ColumnInput,
  ColumnOf,
  ColumnOfFieldType,
  ColumnsSchema,
  DefaultedKeys,
  DerivedSchema,
  DerivedType,
  DeriveSpec,
  InferredFieldType,
  EntriesToSchema,
  FieldInput,
  FieldMemory,
  FieldName,
  FieldObjectValue,
  FieldSpec,
  FieldType,
  FieldValue,
  FieldWithDefault,
  InputOfFieldType,
  JoinHow,
  JoinOptions,
  NullableColumn,
  ObjectOf,
  ObjectValueOfFieldType,
  ObjectsEstimate,
  OrNull,
  RecordCursor,
  RecordInput,
  RecordOf,
  RecordPatch,
  RecordStoreMemoryUsage,
  RecordStoreOptions,
  RecordView,
  RecordViewMembers,
  ScalarFieldType,
  Schema,
  SchemaEntries,
  SortOptions,
  TableFormatOptions,
  Utf8ColumnMemory,
  TypeOfSpec,
  ValueOfFieldType,
  StoreValueCountsOptions,
  VectorFieldType,
  WhereOp,
  Condition,
} from './record-store.js';

// --- MemoryView (memoryview) ------------------------------------------------------------------
export { MemoryView, memoryview } from './memoryview.js';
export type {
  DisposableMember,
  Format,
  FormatChar,
  FormatInputs,
  FormatLike,
  FormatOfDTypeName,
  FormatOfSource,
  FormatValues,
  InputOfFormat,
  ItemOf,
  MemoryViewMemoryUsage,
  MemoryViewOptions,
  MemoryViewSource,
  NestedList,
  ViewIndex,
} from './memoryview.js';

// --- Pipelines (generators, itertools, chunked CSV) -------------------------------------------
export { accumulate, batched, chain, compress, count, dropwhile, enumerate, groupby, islice, pairwise, starmap, takewhile, tee, zipLongest } from './pipeline.js';
export type { AccumulateOptions, AnyIterable, AnyIterables, BatchedOptions, Chain, Filled, Iterables, ZipLongestOptions } from './pipeline.js';
export { AsyncPipeline, DEFAULT_CHUNK_SIZE, Pipeline, pipeline } from './pipeline.js';
export type { Chunk, NumberTypedArray, PipelineOptions, PipelineSource } from './pipeline.js';
export { CsvError, CsvReader, CsvTextReader, DEFAULT_CSV_CHUNK_SIZE, MAX_CSV_CHUNK_SIZE, MAX_CSV_FIELD_SIZE, readCsv } from './pipeline.js';
export type { CsvSource, ReadableStreamLike, ReadableStreamReaderLike, ReadCsvOptions, StreamChunk } from './pipeline.js';
export { csvBytes, readCsvStore, writeCsv } from './pipeline.js';
export type { CsvSink, CsvWritable, WriteCsvOptions } from './pipeline.js';
