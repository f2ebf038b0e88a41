/**
 * `readCsvStore` for Node: a whole CSV **file** (or Node stream) into one RecordStore.
 *
 * @packageDocumentation
 */
import { wholeCsvStore } from '../pipeline.js';
import type { RecordStore, Schema } from '../record-store.js';
import { readCsv, type NodeCsvSource, type NodeReadCsvOptions } from './read-csv.js';

/**
 * Reads a whole CSV file (or Node stream) into **one** RecordStore (pandas `pd.read_csv(path)`): the chunks of
 * the Node {@link readCsv} (parallel on worker threads for large files) stacked, categories unified and sorted
 * in code-point order.
 * @param source - A file path (a string here is a **path**), a `file:` URL, a Node Readable, or any core source.
 * @param options - As the Node `readCsv` (`schema`, `rename`, `columns`, `workers`, …).
 * @returns A Promise of the store.
 * @throws (rejects) as `readCsv`; nothing partial is returned.
 * @remarks Peak memory is about twice the loaded data for a moment; iterate `readCsv` for larger files.
 * @example
 * ```ts
 * const flights = await readCsvStore('flights.csv', { schema: { origin: 'category', delay: 'int16' } });
 * ```
 */
export async function readCsvStore<S extends Schema = Schema>(source: NodeCsvSource, options: NodeReadCsvOptions<S> = {}): Promise<RecordStore<S>> {
  const chunks: RecordStore<S>[] = [];
  for await (const c of readCsv(source, options).wholeStore(0)) chunks.push(c);
  return wholeCsvStore(chunks);
}
