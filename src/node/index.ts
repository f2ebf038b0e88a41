/**
 * `compactly/node`: Node-only helpers (files and Node streams as pipeline sources).
 * @packageDocumentation
 */
export { PARALLEL_CSV_MIN_BYTES, readCsv } from './read-csv.js';
export type { NodeCsvSource, NodeReadCsvOptions } from './read-csv.js';
export type { PathLike } from './file-bytes.js';
export { readLines } from './read-lines.js';
export type { ReadLinesOptions } from './read-lines.js';
export { writeCsv } from './write-csv.js';
export { readCsvStore } from './read-csv-store.js';
