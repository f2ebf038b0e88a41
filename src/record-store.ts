/**
 * RecordStore (__slots__): struct-of-arrays records, usable as a small columnar dataframe.
 * The implementation lives in `record-store/`; this module is its public face.
 * @packageDocumentation
 */
export * from './record-store/record-store.js';
/** @internal The type part of a field spec, for the verbs outside record-store/ that rebuild schemas (writeCsv). */
export { fieldType } from './record-store/schema.js';
/** @internal Whether row `i` is valid in a validity bitmap (`null`: every row), for readers of raw columns outside record-store/ (the bench). */
export { isValid } from './record-store/validity.js';
/** @internal Dense codes of a utf8 column by hashing its bytes, for partitioning outside record-store/ (compactly/parquet's writeDataset). */
export { utf8Codes } from './record-store/utf8-codes.js';
