/**
 * `readCsv` for Node: the core reader plus file paths and Node streams as sources.
 *
 * @packageDocumentation
 */
import { CsvReader, readCsv as readCsvCore, type CsvSource, type ReadCsvOptions } from '../pipeline.js';
import type { Schema } from '../record-store.js';
import { fileBytes, type PathLike } from './file-bytes.js';

/** What the Node `readCsv` reads: a file path / `file:` URL, a Node Readable, or any core CSV source except text. */
export type NodeCsvSource = PathLike | NodeJS.ReadableStream | Exclude<CsvSource, string>;

/**
 * Reads a CSV **file** (or a Node stream) into RecordStore chunks, in memory independent of the file size.
 *
 * @param source - a file path (a string here is a **path**, unlike the core `readCsv` where it is CSV text),
 *   a `file:` URL, a Node `Readable` (e.g. `process.stdin`, `createReadStream`), or any core source.
 * @param options - as the core {@link readCsv}: `schema`, `chunkSize`, `delimiter`, `header`, `quote`, `onError`.
 * @returns a `CsvReader`: `for await (const chunk of reader)`, or `pipeline(reader)`.
 * @throws as the core `readCsv`; (rejects) when the file cannot be opened.
 * @remarks The file is read in 64 KiB pieces through one file handle, which is closed when the reader ends,
 * fails, or the consumer breaks early. A Node stream is destroyed on an early break.
 * @example
 * ```ts
 * for await (const chunk of readCsv('trips.csv', { schema: { city: 'category', km: 'float64' } })) {
 *   total += pipeline(chunk.column('km')).sum();
 * }
 * ```
 */
export function readCsv<S extends Schema>(source: NodeCsvSource, options: ReadCsvOptions<S>): CsvReader<S> {
  if (typeof source === 'string' || source instanceof URL) {
    const path = source;
    // Validate options eagerly (through the core), then read the file lazily on iteration.
    readCsvCore('', options);
    return readCsvCore({ [Symbol.asyncIterator]: () => fileBytes(path) }, options);
  }
  return readCsvCore(source as Exclude<CsvSource, string>, options);
}
