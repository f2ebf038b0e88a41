/**
 * `compactly/node`: Node-only helpers (files and Node streams as pipeline sources).
 * @packageDocumentation
 */
// NODE-EXPORTS
export { readCsv } from './read-csv.js';
export type { NodeCsvSource } from './read-csv.js';
export type { PathLike } from './file-bytes.js';
export { readLines } from './read-lines.js';
export type { ReadLinesOptions } from './read-lines.js';
