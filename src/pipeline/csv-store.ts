/**
 * `readCsvStore(source, options)`: a whole CSV into one RecordStore (pandas `pd.read_csv(path)`), the chunks
 * of {@link readCsv} stacked and their categories unified, then sorted in code-point order as pandas sorts a
 * file's categories.
 *
 * @packageDocumentation
 */
import { Categorical } from '../categorical.js';
import { describe, throwType } from '../errors.js';
import { RecordStore, type Schema } from '../record-store.js';
import { compareCodePoints } from './csv-categories.js';
import { readCsv, type CsvReader, type CsvSource, type ReadCsvOptions } from './csv-reader.js';
import { isAsyncIterable, isIterable } from './iter-util.js';

/**
 * @internal The store with every category field's categories sorted (codes recoded; `ordered` kept). A field whose
 * categories are already sorted is left as it is.
 */
export function sortCategories<S extends Schema>(store: RecordStore<S>): RecordStore<S> {
  const replace: Record<string, Categorical<string>> = {};
  for (const name of store.fields) {
    const col = store.column(name) as unknown;
    if (!(col instanceof Categorical)) continue;
    const cats = col.categories as readonly string[];
    if (cats.some((c) => typeof c !== 'string')) continue;
    const order = cats.map((_, i) => i).sort((i, j) => compareCodePoints(cats[i]!, cats[j]!));
    if (order.every((v, i) => v === i)) continue;
    const table = new Int32Array(cats.length + 1);
    table[0] = -1;
    order.forEach((old, k) => (table[old + 1] = k));
    const codes = col.codes;
    const n = col.length;
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = table[codes[i]! + 1]!;
    replace[name] = Categorical.fromCodesUnchecked(
      out,
      order.map((i) => cats[i]!),
      col.ordered,
    ) as Categorical<string>;
  }
  return Object.keys(replace).length === 0 ? store : (store.assign(replace) as unknown as RecordStore<S>);
}

/** @internal The chunks as one store with sorted categories. */
export function whole<S extends Schema>(chunks: readonly RecordStore<S>[]): RecordStore<S> {
  if (chunks.length === 0) throwType('readCsvStore: the input has no header and no rows (nothing to infer a store from)');
  const store: RecordStore<S> = chunks.length === 1 ? chunks[0]! : (RecordStore.concatUnchecked(chunks as unknown as readonly RecordStore<Schema>[]) as unknown as RecordStore<S>);
  return sortCategories(store);
}

/**
 * Reads a whole CSV into **one** RecordStore (pandas `pd.read_csv`): the chunks of {@link readCsv} stacked,
 * category fields unified across chunks and their categories sorted in Unicode code-point order (as pandas
 * sorts a column it infers as categorical), so `groupBy` output comes in pandas' order.
 *
 * @param source - CSV text, UTF-8 bytes, a (sync or async) iterable of text/byte pieces, or a web
 *   `ReadableStream`. (File paths: `readCsvStore` of `compactly/node`.)
 * @param options - As {@link readCsv}; `schema` may be left out or partial (the rest is inferred).
 * @returns The store — synchronously for text, bytes and synchronous iterables; a Promise for async sources.
 * @throws As {@link readCsv}; nothing is returned on an error (no partial store).
 * @remarks Peak memory is about twice the loaded data (the chunks and the stacked store) for a moment; for
 *   files larger than memory iterate `readCsv` chunks instead.
 * @example
 * ```ts
 * const flights = readCsvStore('origin,delay\nLAX,12\nSFO,-3\nLAX,7\n');
 * flights.schema; // { origin: {type: 'category', nullable: true}, delay: {type: 'int32', nullable: true} }
 * ```
 */
export function readCsvStore<S extends Schema = Schema>(source: string | Uint8Array | Iterable<string | Uint8Array>, options?: Partial<ReadCsvOptions<S>>): RecordStore<S>;
export function readCsvStore<S extends Schema = Schema>(source: CsvSource, options?: Partial<ReadCsvOptions<S>>): Promise<RecordStore<S>>;
export function readCsvStore<S extends Schema = Schema>(source: CsvSource | Uint8Array, options: Partial<ReadCsvOptions<S>> = {}): RecordStore<S> | Promise<RecordStore<S>> {
  const src: CsvSource = source instanceof Uint8Array ? [source] : source;
  const reader: CsvReader<S> = readCsv<S>(src, options as ReadCsvOptions<S>).wholeStore(typeof src === 'string' ? src.length : source instanceof Uint8Array ? source.length : 0);
  if (typeof src === 'string' || (isIterable(src) && !isAsyncIterable(src))) {
    const chunks: RecordStore<S>[] = [];
    for (const c of reader.syncChunks()) chunks.push(c);
    return whole(chunks);
  }
  if (typeof src !== 'string' && !isIterable(src) && !isAsyncIterable(src) && typeof (src as { getReader?: unknown }).getReader !== 'function') {
    throwType(`readCsvStore: source must be CSV text, bytes, an iterable of pieces or a ReadableStream, got ${describe(source)}`);
  }
  return (async () => {
    const chunks: RecordStore<S>[] = [];
    for await (const c of reader) chunks.push(c);
    return whole(chunks);
  })();
}
