/**
 * Arrow IPC for compactly: whole tables to and from bytes (`toIPC` / `fromIPC`), and streams of
 * RecordStore chunks to and from IPC stream bytes (`writeIPC` / `readIPC`), with dictionary deltas.
 *
 * @packageDocumentation
 */
import { RecordBatch, RecordBatchReader, Table, tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, ValueError } from '../errors.js';
import type { RecordStore } from '../record-store.js';
import { type AnyCategorical, type AnyRecordStore, isCategoricalLike, isRecordStoreLike, isVectorLike } from './core.js';
import { type FromArrowOptions, normalizeOptions } from './columns.js';
import { columnsOf, storeFromColumns } from './from-table.js';
import { toArrow } from './to-arrow.js';
import { throwMalformed, validateIPC } from './ipc-frame.js';
import { type ByteSource, asyncIteratorOf, chunkBytes, frameMessages } from './ipc-source.js';
import type { DictionaryCache } from './columns.js';

/** Options of {@link toIPC}. */
export interface ToIPCOptions {
  /** `'stream'` (default: the Arrow IPC streaming format, `.arrows`) or `'file'` (random access, `.arrow` / Feather v2). */
  readonly format?: 'stream' | 'file';
  /** Column name used when `x` is a single Vector or Categorical (default `'values'`). */
  readonly name?: string;
}

/** @internal Bytes of anything byte-like, as a Uint8Array view (no copy). */
export function bytesOf(x: unknown, where: string): Uint8Array {
  if (x instanceof Uint8Array) return x;
  if (ArrayBuffer.isView(x)) return new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
  if (x instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && x instanceof SharedArrayBuffer)) {
    return new Uint8Array(x);
  }
  throw new TypeError(`${where} expects bytes (a Uint8Array, ArrayBufferView or ArrayBuffer), got ${describe(x)}`);
}

/** A Table for any input of {@link toIPC}. */
function tableOf(x: unknown, name: string): Table {
  if (Table.isTable(x)) return x;
  if (RecordBatch.isRecordBatch(x)) return new Table([x]);
  if (isRecordStoreLike(x)) return toArrow(x);
  if (isVectorLike(x) || isCategoricalLike(x)) {
    const v = toArrow(x as never) as unknown as import('apache-arrow').Vector;
    return new Table({ [name]: v });
  }
  throw new TypeError(`toIPC expects a RecordStore, Vector, Categorical or an arrow Table/RecordBatch, got ${describe(x)}`);
}

/**
 * Serialises a RecordStore (or a Vector / Categorical as a one-column table, or an arrow Table) to
 * Arrow IPC bytes that DuckDB, Polars, pandas/pyarrow and any Arrow reader open.
 * @param x - a RecordStore, Vector, Categorical, or an arrow `Table` / `RecordBatch`.
 * @param options - `format`: `'stream'` (default) or `'file'`; `name` for a single column.
 * @returns the IPC bytes (a new buffer).
 * @throws `TypeError` for an input it cannot convert.
 * @remarks O(bytes): the columns are shared with the Arrow table (no intermediate copy) and copied
 *   once into the output. Categoricals keep their index width (`Int8` / `Int16` / `Int32`) and `ordered`.
 * @example
 * ```ts
 * const bytes = toIPC(store, { format: 'file' });
 * fromIPC(bytes).length === store.length; // true
 * ```
 */
export function toIPC(x: AnyRecordStore | object, options: ToIPCOptions = {}): Uint8Array {
  const format = options.format ?? 'stream';
  if (format !== 'stream' && format !== 'file') throw new ValueError(`bad IPC format ${describe(format)} (must be 'stream' or 'file')`);
  return tableToIPC(tableOf(x, options.name ?? 'values'), format);
}

/**
 * Reads Arrow IPC bytes (stream or file format) into a RecordStore.
 * @param bytes - the whole IPC stream or file.
 * @param options - `strings`, `nulls`, `copy` (see {@link FromArrowOptions}).
 * @returns a RecordStore. Numeric columns of a single record batch without nulls are views into
 *   `bytes` (zero-copy; pass `{copy: true}` to detach them), other columns are copied once.
 * @throws {@link compactly!ValueError} for malformed bytes, naming the byte offset (empty input, truncated
 *   message, metadata or body past the end, buffers outside a body, bad magic or footer, a damaged schema
 *   flatbuffer, a batch whose nodes or buffers do not fit the schema's layout: all checked before
 *   apache-arrow decodes anything, see docs/reliability.md), and for nulls in a numeric column without
 *   `{nulls: 'nan'}`.
 * @throws `TypeError` for unsupported column types (naming column and type).
 * @remarks O(bytes) to validate the framing, then as {@link fromArrow}. A stream with several record
 *   batches gives one store of all their rows (one copy per column); to keep constant memory, read it
 *   batch by batch with {@link readIPC}.
 * @example
 * ```ts
 * const store = fromIPC(await readFile('data.arrows'));
 * ```
 */
export function fromIPC(bytes: Uint8Array | ArrayBufferLike | ArrayBufferView, options?: FromArrowOptions): RecordStore {
  const u8 = bytesOf(bytes, 'fromIPC');
  normalizeOptions(options);
  const { end } = validateIPC(u8);
  let table: Table;
  try {
    table = tableFromIPC(u8.subarray(0, end));
  } catch (e) {
    throw new ValueError(`malformed Arrow IPC data: apache-arrow could not decode it (${(e as Error).message})`);
  }
  return storeFromColumns(columnsOf(table), options);
}

/** A dictionary cache for one stream (keyed by the dictionary's first Data chunk). */
function newCache(): DictionaryCache {
  return new WeakMap() as unknown as DictionaryCache;
}

/** What {@link readIPC} reads. */
export type IPCSource = Uint8Array | ArrayBufferLike | ArrayBufferView | ByteSource | RecordBatchReader | Table | Iterable<RecordBatch> | AsyncIterable<RecordBatch>;

async function* batchesOf(source: IPCSource): AsyncGenerator<RecordBatch, void, undefined> {
  if (Table.isTable(source)) {
    yield* source.batches;
    return;
  }
  if (source instanceof RecordBatchReader) {
    for await (const b of source as AsyncIterable<RecordBatch>) yield b;
    return;
  }
  if (source instanceof Uint8Array || ArrayBuffer.isView(source) || source instanceof ArrayBuffer) {
    const u8 = bytesOf(source, 'readIPC');
    const { end } = validateIPC(u8);
    let reader: RecordBatchReader;
    try {
      reader = RecordBatchReader.from(u8.subarray(0, end));
    } catch (e) {
      throw new ValueError(`malformed Arrow IPC data: apache-arrow could not decode it (${(e as Error).message})`);
    }
    yield* readBatches(reader);
    return;
  }
  // An iterable / async iterable / ReadableStream: of byte chunks or of record batches.
  const it = asyncIteratorOf(source as ByteSource);
  const first = await it.next();
  if (first.done === true) throwMalformed(0, 'empty input (no chunks)');
  if (RecordBatch.isRecordBatch(first.value)) {
    yield first.value;
    for (;;) {
      const r = await it.next();
      if (r.done === true) return;
      if (!RecordBatch.isRecordBatch(r.value)) throw new TypeError(`readIPC: expected record batches, got ${describe(r.value)}`);
      yield r.value;
    }
  }
  const bytes = chunkBytes(first.value);
  if (bytes === undefined) {
    throw new TypeError(`readIPC expects byte chunks or arrow record batches, got ${describe(first.value)}`);
  }
  const framed = await frameMessages(it, bytes);
  if (framed.kind === 'file') {
    yield* batchesOf(framed.bytes);
    return;
  }
  let reader: RecordBatchReader;
  try {
    reader = await RecordBatchReader.from(framed.messages);
  } catch (e) {
    if (framed.failure() !== undefined) throw framed.failure();
    if (e instanceof ValueError) throw e;
    throw new ValueError(`malformed Arrow IPC data: apache-arrow could not decode it (${(e as Error).message})`);
  }
  try {
    yield* readBatches(reader);
  } catch (e) {
    throw framed.failure() ?? e;
  }
  if (framed.failure() !== undefined) throw framed.failure();
}

async function* readBatches(reader: RecordBatchReader): AsyncGenerator<RecordBatch, void, undefined> {
  let n = 0;
  const it = (reader as unknown as AsyncIterable<RecordBatch>)[Symbol.asyncIterator]
    ? (reader as unknown as AsyncIterable<RecordBatch>)[Symbol.asyncIterator]()
    : toAsync((reader as unknown as Iterable<RecordBatch>)[Symbol.iterator]());
  for (;;) {
    let r: IteratorResult<RecordBatch>;
    try {
      r = await it.next();
    } catch (e) {
      if (e instanceof ValueError) throw e;
      throw new ValueError(`malformed Arrow IPC data in record batch ${n}: apache-arrow could not decode it (${(e as Error).message})`);
    }
    if (r.done === true) return;
    n++;
    yield r.value;
  }
}

function toAsync<T>(it: Iterator<T>): AsyncIterator<T> {
  return { next: async () => it.next() };
}

/**
 * Reads an Arrow IPC stream (or file) as RecordStore chunks, one per record batch: a pipeline source
 * that runs in memory bounded by the largest batch.
 * @param source - IPC bytes (`Uint8Array` / `ArrayBuffer`), an iterable or async iterable of byte
 *   chunks (a Node stream, `fetch(...).body`, a web `ReadableStream`), an apache-arrow
 *   `RecordBatchReader`, a `Table`, or an (async) iterable of `RecordBatch`.
 * @param options - `strings`, `nulls`, `copy` (see {@link FromArrowOptions}).
 * @returns an async iterable of RecordStores, usable with `pipeline()`.
 * @throws {@link compactly!ValueError} (while iterating) for malformed bytes, naming the byte offset; the chunks
 *   before the bad message have been yielded.
 * @remarks Byte chunks are framed into whole messages here, each one checked (lengths, buffer regions)
 *   before apache-arrow decodes it. Numeric columns are views into the message bytes (zero-copy);
 *   dictionaries are decoded once per stream and each delta only once (categories are extended,
 *   not re-decoded).
 * @example
 * ```ts
 * for await (const chunk of readIPC(createReadStream('events.arrows'))) total += chunk.length;
 * ```
 */
export async function* readIPC(source: IPCSource, options?: FromArrowOptions): AsyncGenerator<RecordStore, void, undefined> {
  normalizeOptions(options);
  const cache = newCache();
  for await (const batch of batchesOf(source)) {
    yield storeFromColumns(columnsOf(batch), options, cache);
  }
}

/** @internal The categorical columns of a store, by name (for the writer). */
export function categoricalsOf(store: AnyRecordStore): Map<string, AnyCategorical> {
  const out = new Map<string, AnyCategorical>();
  for (const name of store.fields) {
    const col = store.column(name);
    if (isCategoricalLike(col)) out.set(name, col);
  }
  return out;
}
