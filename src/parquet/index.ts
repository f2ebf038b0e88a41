/**
 * `compactly/parquet`: Parquet files and hive-partitioned datasets as RecordStore chunks.
 *
 * Its Parquet library, `hyparquet` (footer and page headers; `hyparquet-writer` for the footer it writes,
 * `hyparquet-compressors` for ZSTD/GZIP/BROTLI/LZ4 pages), is an optional peer dependency; pages are decoded
 * into TypedArrays by compactly. Works in browsers for bytes, Blobs, range readers and WritableStreams; paths
 * and datasets need Node (imported on demand).
 *
 * @packageDocumentation
 */
// PARQUET-EXPORTS
export { ParquetError } from './errors.js';
export type { ParquetErrorLocation } from './errors.js';
export { ParquetBytesReader, ParquetReader, loadParquet, parquetInfo, readParquet } from './read.js';
export type { ParquetInfo, ReadParquetOptions } from './read.js';
export type { ParquetSource, RangeReader } from './source.js';
export type { ColumnPredicate, FilterValue, ParquetFilter, RangePredicate } from './filter.js';
export type { ColumnKind } from './types.js';
export { DEFAULT_ROW_GROUP_ROWS, writeParquet } from './write.js';
export type { ParquetCompression, ParquetInput, WriteParquetOptions } from './write.js';
export type { ParquetSink } from './sink.js';
export { HIVE_NULL, readDataset, writeDataset } from './dataset.js';
export type { DatasetWriteResult, ReadDatasetOptions, WriteDatasetOptions } from './dataset.js';
