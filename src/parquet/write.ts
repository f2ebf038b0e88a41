/**
 * writeParquet and the streaming file writer behind it and writeDataset.
 *
 * @packageDocumentation
 */
import type { ColumnChunk, FileMetaData, RowGroup } from 'hyparquet';
import { ByteWriter } from 'hyparquet-writer';
import { writeMetadata } from 'hyparquet-writer/src/metadata.js';
import { snappyCompress } from './snappy.js';
import { describe, NotImplementedError, ValueError } from '../errors.js';
import { RecordStore, type FieldSpec, type Schema } from '../record-store.js';
import { encodeColumn, type PageCodec, type Piece } from './encode.js';
import { checkSink, openSink, type ByteSink, type ParquetSink } from './sink.js';
import { parquetColumnOf, type WriteColumn } from './types.js';

/** Page compression of {@link writeParquet}. */
export type ParquetCompression = 'snappy' | 'gzip' | 'uncompressed' | 'zstd';

/** Options of {@link writeParquet}. */
export interface WriteParquetOptions {
  /**
   * Page compression: `'snappy'` (default), `'zstd'` (level 3, through the optional peer `@hpcc-js/wasm-zstd`:
   * a `NotImplementedError` without it), `'gzip'` (through `CompressionStream`), `'uncompressed'`.
   */
  readonly compression?: ParquetCompression;
  /** Rows per row group (default 122 880, DuckDB's): chunks are sliced or gathered to this size. */
  readonly rowGroupRows?: number;
}

/** Something {@link writeParquet} writes: one store, or (async) iterable RecordStore chunks (a reader, a pipeline). */
export type ParquetInput = RecordStore<Schema> | Iterable<RecordStore<Schema>> | AsyncIterable<RecordStore<Schema>>;

/** Default rows per row group. */
export const DEFAULT_ROW_GROUP_ROWS = 122_880;
const MAGIC = new Uint8Array([0x50, 0x41, 0x52, 0x31]);

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** @internal The page codec for a compression option. */
/** The zstd encoder (WebAssembly), loaded on the first zstd page. */
let zstd: Promise<{ compress(data: Uint8Array, level?: number): Uint8Array }> | undefined;

/** zstd level 3 (zstd's and DuckDB's default), through the optional peer `@hpcc-js/wasm-zstd`. */
async function zstdCompress(bytes: Uint8Array, where: string): Promise<Uint8Array> {
  zstd ??= import('@hpcc-js/wasm-zstd').then(
    (m) => m.Zstd.load(),
    (e: unknown) => {
      zstd = undefined;
      throw new NotImplementedError(
        `${where}: zstd compression needs the optional peer dependency @hpcc-js/wasm-zstd (npm install @hpcc-js/wasm-zstd), which did not load (${e instanceof Error ? e.message : String(e)}); use 'snappy' or 'gzip' without it`,
      );
    },
  );
  return (await zstd).compress(bytes, 3);
}

export function codecOf(c: unknown, where: string): PageCodec {
  switch (c ?? 'snappy') {
    case 'snappy':
      return { name: 'SNAPPY', compress: snappyCompress };
    case 'uncompressed':
      return { name: 'UNCOMPRESSED', compress: (b) => b };
    case 'gzip':
      if (typeof CompressionStream === 'undefined') throw new NotImplementedError(`${where}: gzip needs CompressionStream, which this runtime lacks`);
      return { name: 'GZIP', compress: gzip };
    case 'zstd':
      return { name: 'ZSTD', compress: (b) => zstdCompress(b, where) };
    default:
      throw new ValueError(`${where}: compression must be 'snappy', 'gzip', 'uncompressed' or 'zstd', got ${describe(c)}`);
  }
}

/** @internal Checks the writer options. */
export function checkWriteOptions(options: unknown, where: string): { codec: PageCodec; rowGroupRows: number } {
  if (options !== undefined && (typeof options !== 'object' || options === null)) throw new TypeError(`${where}: options must be an object, got ${describe(options)}`);
  const o = (options ?? {}) as WriteParquetOptions;
  const rg = o.rowGroupRows ?? DEFAULT_ROW_GROUP_ROWS;
  if (typeof rg !== 'number' || !Number.isInteger(rg) || rg < 1 || rg > 0x7fffffff) {
    throw new ValueError(`${where}: rowGroupRows must be an integer in [1, 2147483647], got ${describe(rg)}`);
  }
  return { codec: codecOf(o.compression, where), rowGroupRows: rg };
}

function schemaKey(store: RecordStore<Schema>): string {
  return JSON.stringify(Object.entries(store.schema));
}

/**
 * @internal Writes RecordStore chunks to one Parquet file, a row group at a time: holds at most
 * `rowGroupRows` rows of chunks (references, not copies) plus one encoded row group.
 */
export class ParquetFileWriter {
  readonly #sink: ByteSink;
  readonly #codec: PageCodec;
  readonly #rowGroupRows: number;
  #columns: WriteColumn[] | null = null;
  #key = '';
  #pending: Piece[] = [];
  #pendingRows = 0;
  #offset = 0;
  #rowGroups: RowGroup[] = [];
  #rows = 0;
  readonly #where: string;

  constructor(sink: ByteSink, codec: PageCodec, rowGroupRows: number, where: string) {
    this.#sink = sink;
    this.#codec = codec;
    this.#rowGroupRows = rowGroupRows;
    this.#where = where;
  }

  /** Rows written so far (complete row groups). */
  get rows(): number {
    return this.#rows + this.#pendingRows;
  }

  /** Adds a chunk (its rows are written once a row group fills). */
  async write(store: RecordStore<Schema>): Promise<void> {
    if (!(store instanceof RecordStore)) throw new TypeError(`${this.#where}: chunks must be RecordStores, got ${describe(store)}`);
    if (this.#columns === null) {
      this.#key = schemaKey(store);
      this.#columns = Object.entries(store.schema).map(([name, spec]) => parquetColumnOf(name, spec as FieldSpec));
      await this.#sink.write(MAGIC);
      this.#offset = 4;
    } else if (schemaKey(store) !== this.#key) {
      throw new ValueError(`${this.#where}: a chunk's schema ${schemaKey(store)} differs from the first chunk's ${this.#key}`);
    }
    let start = 0;
    const n = store.length;
    while (start < n) {
      const take = Math.min(n - start, this.#rowGroupRows - this.#pendingRows);
      this.#pending.push({ store, start, end: start + take });
      this.#pendingRows += take;
      start += take;
      if (this.#pendingRows === this.#rowGroupRows) await this.#flush();
    }
  }

  async #flush(): Promise<void> {
    const pieces = this.#pending;
    const rows = this.#pendingRows;
    this.#pending = [];
    this.#pendingRows = 0;
    if (rows === 0) return;
    const columns: ColumnChunk[] = [];
    const rgStart = this.#offset;
    let total = 0;
    for (const col of this.#columns!) {
      const enc = await encodeColumn(col, pieces, this.#codec);
      const at = this.#offset;
      for (const p of enc.parts) await this.#sink.write(p);
      this.#offset += enc.byteLength;
      total += enc.byteLength;
      const meta = { ...enc.meta, data_page_offset: BigInt(at + enc.dataOffset) };
      if (enc.hasDictionary) meta.dictionary_page_offset = BigInt(at);
      columns.push({ file_offset: BigInt(at), meta_data: meta });
    }
    this.#rowGroups.push({
      columns,
      total_byte_size: columns.reduce((a, c) => a + c.meta_data!.total_uncompressed_size, 0n),
      num_rows: BigInt(rows),
      file_offset: BigInt(rgStart),
      total_compressed_size: BigInt(total),
      ordinal: this.#rowGroups.length,
    });
    this.#rows += rows;
  }

  /** Writes the last row group and the footer, and closes the sink. */
  async close(): Promise<Uint8Array | undefined> {
    if (this.#columns === null) throw new ValueError(`${this.#where}: no chunks were given, so the file's schema is unknown`);
    await this.#flush();
    const meta: FileMetaData = {
      version: 1,
      schema: [{ name: 'schema', num_children: this.#columns.length }, ...this.#columns.map((c) => c.element)],
      num_rows: BigInt(this.#rows),
      row_groups: this.#rowGroups,
      created_by: 'compactly',
      metadata_length: 0,
    };
    const w = new ByteWriter(1024);
    writeMetadata(w, meta);
    const footer = w.getBytes();
    const tail = new Uint8Array(footer.length + 8);
    tail.set(footer);
    new DataView(tail.buffer).setUint32(footer.length, footer.length, true);
    tail.set(MAGIC, footer.length + 4);
    await this.#sink.write(tail);
    return this.#sink.close();
  }

  /** Abandons the file after an error. */
  abort(reason: unknown): Promise<void> {
    return this.#sink.abort(reason);
  }
}

/** @internal Checks an input's type up front. */
export function checkInput(input: unknown, where: string): asserts input is ParquetInput {
  if (input instanceof RecordStore) return;
  if (input !== null && typeof input === 'object' && (Symbol.asyncIterator in input || Symbol.iterator in input)) return;
  throw new TypeError(`${where}: input must be a RecordStore or an (async) iterable of RecordStore chunks, got ${describe(input)}`);
}

/** @internal The chunks of an input, in order. */
export async function* chunksOf(input: ParquetInput, where: string): AsyncGenerator<RecordStore<Schema>, void, undefined> {
  if (input instanceof RecordStore) {
    yield input;
    return;
  }
  if (input !== null && typeof input === 'object' && Symbol.asyncIterator in input) {
    yield* input as AsyncIterable<RecordStore<Schema>>;
    return;
  }
  if (input !== null && typeof input === 'object' && Symbol.iterator in input) {
    yield* input as Iterable<RecordStore<Schema>>;
    return;
  }
  throw new TypeError(`${where}: input must be a RecordStore or an (async) iterable of RecordStore chunks, got ${describe(input)}`);
}

/**
 * Writes a store, or RecordStore chunks (an iterable, an async iterable, a reader, a pipeline), as one Parquet
 * file, streaming: memory holds one row group of chunk references and its encoded pages, whatever the number
 * of chunks.
 *
 * @param input - a RecordStore, or (async) iterable RecordStore chunks with one schema.
 * @param sink - a path or `file:` URL (Node), a `WritableStream<Uint8Array>`; omitted: the bytes are returned.
 * @param options - `compression` (`'snappy'` default, `'gzip'`, `'uncompressed'`), `rowGroupRows`.
 * @returns the file's bytes without a sink; `undefined` with one.
 * @throws `TypeError` for a bad input, sink or option; {@link ValueError} for chunks whose schemas differ, or
 *   no chunk at all; `NotImplementedError` for `'zstd'` without the optional peer `@hpcc-js/wasm-zstd`, and for a vector field. A file left by a failed write
 *   is removed; a stream is aborted.
 * @remarks Types: integer dtypes as INT32/INT64 with their INTEGER(bits, signed) logical type, floats as
 * FLOAT/DOUBLE, categories as dictionary-encoded UTF-8 strings (the categories are the dictionary page, the
 * codes the RLE_DICTIONARY indices; missing values are nulls). Every column chunk carries min/max/null-count
 * statistics.
 * @example
 * ```ts
 * const bytes = await writeParquet(store); // Uint8Array
 * await writeParquet(readCsv('big.csv', { schema }), 'big.parquet'); // CSV → Parquet in constant memory
 * ```
 */
export function writeParquet(input: ParquetInput, sink?: undefined, options?: WriteParquetOptions): Promise<Uint8Array>;
export function writeParquet(input: ParquetInput, sink: ParquetSink, options?: WriteParquetOptions): Promise<undefined>;
export async function writeParquet(input: ParquetInput, sink?: ParquetSink, options?: WriteParquetOptions): Promise<Uint8Array | undefined> {
  const where = 'writeParquet()';
  checkInput(input, where);
  checkSink(sink, where);
  const { codec, rowGroupRows } = checkWriteOptions(options, where);
  const chunks = chunksOf(input, where);
  const out = await openSink(sink);
  const w = new ParquetFileWriter(out, codec, rowGroupRows, where);
  try {
    for await (const c of chunks) await w.write(c);
    return await w.close();
  } catch (e) {
    await w.abort(e);
    throw e;
  }
}
