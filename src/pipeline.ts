/**
 * Pipelines (generators, itertools, chunked reading): lazy, chunk-aware iteration and the CSV reader.
 * The implementation lives in `pipeline/`; this module is its public face.
 * @packageDocumentation
 */
export {
  accumulate,
  batched,
  chain,
  compress,
  count,
  dropwhile,
  enumerate,
  groupby,
  islice,
  pairwise,
  starmap,
  takewhile,
  tee,
  zipLongest,
} from './pipeline/itertools.js';
export type { AccumulateOptions, AnyIterable, AnyIterables, BatchedOptions, Chain, Filled, Iterables, ZipLongestOptions } from './pipeline/itertools.js';
export { AsyncPipeline, DEFAULT_CHUNK_SIZE, Pipeline, pipeline } from './pipeline/pipeline.js';
export type { Chunk, NumberTypedArray, PipelineOptions, PipelineSource } from './pipeline/pipeline.js';
export { CsvReader, CsvTextReader, DEFAULT_CSV_CHUNK_SIZE, MAX_CSV_CHUNK_SIZE, MAX_CSV_FIELD_SIZE, readCsv } from './pipeline/csv-reader.js';
export { CsvError } from './pipeline/csv-error.js';
export type { CsvSource, ReadCsvOptions } from './pipeline/csv-reader.js';
export type { ReadableStreamLike, ReadableStreamReaderLike, StreamChunk } from './pipeline/sources.js';
