/**
 * Pipelines (generators, itertools, chunked reading): lazy, chunk-aware iteration and the CSV reader.
 * The implementation lives in `pipeline/`; this module is its public face.
 * @packageDocumentation
 */
export { accumulate, batched, chain, compress, count, dropwhile, enumerate, groupby, islice, pairwise, starmap, takewhile, tee, zipLongest } from './pipeline/itertools.js';
export type { AccumulateOptions, AnyIterable, AnyIterables, BatchedOptions, Chain, Filled, Iterables, ZipLongestOptions } from './pipeline/itertools.js';
export { AsyncPipeline, Pipeline } from './pipeline/pipeline.js';
export { pipeline } from './pipeline/from-source.js';
export type { PipelineSource } from './pipeline/from-source.js';
export { DEFAULT_CHUNK_SIZE } from './pipeline/plan.js';
export type { Chunk, NumberTypedArray, PipelineOptions } from './pipeline/plan.js';
export { CsvReader, CsvTextReader, DEFAULT_CSV_CHUNK_SIZE, MAX_CSV_CHUNK_SIZE, MAX_CSV_FIELD_SIZE, readCsv } from './pipeline/csv-reader.js';
export { CsvError } from './pipeline/csv-error.js';
export type { CsvSource, ReadCsvOptions } from './pipeline/csv-reader.js';
export type { ReadableStreamLike, ReadableStreamReaderLike, StreamChunk } from './pipeline/sources.js';

// The CSV block API, for compactly/node's parallel reader (and schema inference): not part of the public entry.
/** @internal */
export { ByteTokenizer, CSV_BLOCK_BYTES } from './pipeline/csv-tokenizer.js';
/** @internal */
export type { TokenBatch, TokenFatal } from './pipeline/csv-tokenizer.js';
/** @internal */
export { allocTarget, BlockConverter, planSchema } from './pipeline/csv-block.js';
/** @internal */
export { fieldString, NaMatcher } from './pipeline/csv-bytes.js';
/** @internal */
export type { ColumnTarget, FieldPlan, RowError, Utf8Target } from './pipeline/csv-block.js';
/** @internal */
export { ChunkBuilder } from './pipeline/csv-chunks.js';
/** @internal */
export type { ConvertedBlock } from './pipeline/csv-chunks.js';
/** @internal */
export { csvOptions, planOf } from './pipeline/csv-reader.js';
/** @internal */
export type { CsvOptions } from './pipeline/csv-reader.js';
export { csvBytes, writeCsv } from './pipeline/write-csv.js';
export { readCsvStore } from './pipeline/csv-store.js';
/** @internal */
export { whole as wholeCsvStore } from './pipeline/csv-store.js';
export type { CsvSink, CsvWritable, WriteCsvOptions } from './pipeline/write-csv.js';
