/**
 * `writeCsv` for Node: the core writer plus file paths, written atomically (a temporary file renamed over the
 * final name once everything is written, so a failure never leaves a partial file under that name).
 *
 * @packageDocumentation
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { csvBytes, writeCsv as writeCsvCore, type CsvSink, type CsvWritable, type WriteCsvOptions } from '../pipeline.js';
import type { RecordStore, Schema } from '../record-store.js';
import type { PathLike } from './file-bytes.js';

/**
 * Writes RecordStores as a CSV **file** (or returns the text / streams to a web `WritableStream`, as the
 * core {@link writeCsvCore | writeCsv}).
 * @param source - A RecordStore, or chunks of one schema (iterable, async iterable, pipeline).
 * @param sink - A file path or `file:` URL (a string here is a **path**), a `WritableStream`, or nothing.
 * @param options - As the core `writeCsv`.
 * @returns For a path: a Promise that resolves once the file is complete under its final name.
 * @throws (rejects) when the directory is not writable; as the core `writeCsv` otherwise. On any failure the
 *   temporary file is removed and nothing exists under the final name that was not there before.
 * @remarks Streams one chunk at a time (constant memory in the number of chunks).
 * @example
 * ```ts
 * await writeCsv(pipeline(readCsv('in.csv', opts)).map(clean), 'out.csv');
 * ```
 */
export function writeCsv(source: RecordStore<Schema> | Iterable<RecordStore<Schema>>, sink?: undefined, options?: WriteCsvOptions): string;
export function writeCsv(source: AsyncIterable<RecordStore<Schema>>, sink?: undefined, options?: WriteCsvOptions): Promise<string>;
export function writeCsv(source: CsvWritable, sink: PathLike | CsvSink, options?: WriteCsvOptions): Promise<void>;
export function writeCsv(source: CsvWritable, sink?: PathLike | CsvSink, options: WriteCsvOptions = {}): string | Promise<string> | Promise<void> {
  if (typeof sink === 'string' || sink instanceof URL) return writeFile(source, sink, options);
  return writeCsvCore(source as never, sink as never, options);
}

async function writeFile(source: CsvWritable, path: PathLike, options: WriteCsvOptions): Promise<void> {
  const final = typeof path === 'string' ? path : fileURLToPath(path);
  const pieces = csvBytes(source, options);
  const first = await pieces.next(); // bad options or a bad first chunk fail before any file exists
  const tmp = `${final}.${randomBytes(6).toString('hex')}.tmp`;
  const fh = await open(tmp, 'wx');
  try {
    if (!first.done) await fh.write(first.value);
    for await (const p of pieces) await fh.write(p);
    await fh.close();
    await rename(tmp, final);
  } catch (e) {
    await fh.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw e;
  }
}
