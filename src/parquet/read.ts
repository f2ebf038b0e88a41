/**
 * readParquet / loadParquet: a Parquet file as RecordStore chunks (one per row group), or as one store.
 *
 * @packageDocumentation
 */
import type { Compressors, FileMetaData } from 'hyparquet';
import { parquetMetadata } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { Categorical } from '../categorical.js';
import type { TypedArray } from '../dtype.js';
import { describe } from '../errors.js';
import { RecordStore, Utf8Column, type Schema } from '../record-store.js';
import { makeStore, narrowCodes, schemaOf, storeColumn, type StoreColumn } from './build.js';
import { decodeColumnChunk } from './decode.js';
import { messageOf, ParquetError } from './errors.js';
import { checkFilter, mayMatch, matches, type ColumnPredicate, type FilterValue, type ParquetFilter } from './filter.js';
import { checkSource, openSource, type OpenSource, type ParquetSource } from './source.js';
import { planColumns, type ColumnPlan } from './types.js';

/** Options of {@link readParquet} and {@link loadParquet}. */
export interface ReadParquetOptions {
  /** Columns to read, in this order (default: all). Only their column chunks are read from the source. */
  readonly columns?: readonly string[];
  /** Row groups to read (0-based, default: all), in this order. */
  readonly rowGroups?: readonly number[];
  /**
   * Rows to keep: `{origin: 'LAX', delay: {gt: 60}}`. Row groups whose footer statistics rule a predicate out
   * are not read at all; the rows of the others are filtered. A filtered column need not be in `columns`.
   */
  readonly filter?: ParquetFilter;
}

/** What the footer says about a file: row count, row groups, and the store schema it reads into. */
export interface ParquetInfo {
  /** Rows in the file. */
  readonly numRows: number;
  /** Rows per row group. */
  readonly rowGroupRows: readonly number[];
  /** The store schema of all (flat, supported) columns, as `[name, spec]` entries. */
  readonly schema: readonly (readonly [string, import('../record-store.js').FieldSpec])[];
  /** The raw footer as hyparquet parses it (types, encodings, statistics). */
  readonly metadata: FileMetaData;
}

const MAGIC = 0x31524150; // "PAR1" little-endian

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** @internal Checks the magic numbers and the footer length; returns where the footer starts. */
function footerStart(size: number, head: Uint8Array, tail: Uint8Array): number {
  if (size < 12) throw new ParquetError(`not a Parquet file: ${size} bytes is shorter than the 12 of the magic numbers and footer length`);
  if (head.length < 4 || u32(head, 0) !== MAGIC) throw new ParquetError('not a Parquet file: it does not start with PAR1', { offset: 0 });
  if (tail.length < 8 || u32(tail, 4) !== MAGIC) {
    throw new ParquetError('truncated or not a Parquet file: it does not end with PAR1', { offset: size - 4 });
  }
  const len = u32(tail, 0);
  if (len > size - 12) throw new ParquetError(`corrupted footer: its length field says ${len} bytes, the file has ${size - 12} to spare`, { offset: size - 8 });
  return size - 8 - len;
}

/** @internal Parses and checks the footer bytes (from `at` to the end of the file). */
function parseFooter(bytes: Uint8Array, at: number): FileMetaData {
  let meta: FileMetaData;
  try {
    meta = parquetMetadata(bytes.slice().buffer);
  } catch (e) {
    throw new ParquetError(`corrupted footer (${messageOf(e)})`, { offset: at });
  }
  checkFooter(meta, at);
  return meta;
}

/** @internal Reads and checks the footer of an open source. */
export async function readFooter(src: OpenSource): Promise<FileMetaData> {
  const size = src.byteLength;
  const head = size < 12 ? new Uint8Array(0) : await src.read(0, 4);
  const tail = size < 12 ? new Uint8Array(0) : await src.read(size - 8, size);
  const at = footerStart(size, head, tail);
  return parseFooter(await src.read(at, size), at);
}

/** @internal The footer of bytes in memory. */
export function footerOf(bytes: Uint8Array): FileMetaData {
  const size = bytes.length;
  const at = footerStart(size, bytes.subarray(0, 4), bytes.subarray(Math.max(0, size - 8)));
  return parseFooter(bytes.subarray(at), at);
}

/** Consistency checks that make a corrupted footer fail here instead of allocating absurdly later. */
function checkFooter(meta: FileMetaData, footerAt: number): void {
  const bad = (m: string): never => {
    throw new ParquetError(`corrupted footer: ${m}`, { offset: footerAt });
  };
  if (!Array.isArray(meta.schema) || meta.schema.length === 0) bad('no schema');
  if (!Array.isArray(meta.row_groups)) bad('no row groups');
  let rows = 0n;
  meta.row_groups.forEach((rg, i) => {
    if (typeof rg.num_rows !== 'bigint' || rg.num_rows < 0n || rg.num_rows > 0x7fffffffn) bad(`row group ${i} claims ${String(rg.num_rows)} rows`);
    rows += rg.num_rows;
    for (const c of rg.columns ?? bad(`row group ${i} has no columns`)) {
      const m = c.meta_data;
      if (m === undefined) bad(`row group ${i} has a column chunk without metadata`);
      const start = chunkStart(m!);
      const end = start + Number(m!.total_compressed_size);
      if (!(start >= 4) || !(end <= footerAt) || !(end >= start)) {
        bad(`row group ${i}, column ${JSON.stringify((m!.path_in_schema ?? []).join('.'))}: bytes [${start}, ${end}) lie outside the data`);
      }
    }
  });
  if (rows !== meta.num_rows) bad(`the row groups hold ${rows} rows, the file says ${String(meta.num_rows)}`);
}

function chunkStart(m: FileMetaData['row_groups'][number]['columns'][number]['meta_data'] & object): number {
  const data = Number(m.data_page_offset);
  const dict = m.dictionary_page_offset === undefined ? 0 : Number(m.dictionary_page_offset);
  return dict > 0 && dict < data ? dict : data;
}

/** A statistic as a filter value (dates as days, timestamps as ms, booleans as 0/1). */
function statValue(v: unknown, plan: ColumnPlan): FilterValue | undefined {
  if (v instanceof Date) return plan.kind === 'date' ? v.getTime() / 86_400_000 : v.getTime();
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'string') return v;
  return undefined;
}

function groupMayMatch(meta: FileMetaData, g: number, plans: readonly ColumnPlan[], filter: ParquetFilter): boolean {
  const rg = meta.row_groups[g]!;
  for (const p of plans) {
    const pred = filter[p.name];
    if (pred === undefined) continue;
    const st = rg.columns[p.leaf]!.meta_data!.statistics;
    if (st === undefined) continue;
    const min = statValue(st.min_value ?? (p.kind === 'string' ? undefined : st.min), p);
    const max = statValue(st.max_value ?? (p.kind === 'string' ? undefined : st.max), p);
    const nulls = st.null_count === undefined || st.null_count > 0n;
    if (min === undefined || max === undefined) {
      if (st.null_count !== undefined && st.null_count === rg.num_rows && !mayMatchNull(pred)) return false;
      continue;
    }
    if (!mayMatch(pred, min, max, nulls)) return false;
  }
  return true;
}

function mayMatchNull(p: ColumnPredicate): boolean {
  return matches(p, null);
}

/** @internal Narrows `mask` to the rows of field `name` of `store` that satisfy `pred` (a null is `null`). */
export function maskOf(store: RecordStore<Schema>, name: string, pred: ColumnPredicate, mask: Uint8Array): void {
  const n = mask.length;
  const col = store.column(name as never) as unknown as TypedArray | Categorical<string> | Utf8Column;
  if (col instanceof Utf8Column) {
    for (let i = 0; i < n; i++) if (mask[i] === 1) mask[i] = matches(pred, col.get(i)) ? 1 : 0;
    return;
  }
  if (!ArrayBuffer.isView(col)) {
    const cats = col.categories;
    const ok = new Uint8Array(cats.length);
    for (let i = 0; i < cats.length; i++) ok[i] = matches(pred, cats[i]!) ? 1 : 0;
    const nullOk = matches(pred, null) ? 1 : 0;
    const codes = col.codes;
    for (let i = 0; i < n; i++) {
      const k = codes[i]!;
      if (mask[i] === 1) mask[i] = k < 0 ? nullOk : ok[k]!;
    }
    return;
  }
  const valid = store.validity(name as never);
  for (let i = 0; i < n; i++) {
    if (mask[i] === 0) continue;
    const v = valid !== null && (valid[i >> 3]! & (1 << (i & 7))) === 0 ? null : col[i]!;
    mask[i] = matches(pred, typeof v === 'number' && Number.isNaN(v) ? null : v) ? 1 : 0;
  }
}

/**
 * Reads a Parquet file as RecordStore chunks, one per row group: `for await (const chunk of reader)`, or
 * `pipeline(reader)`. Created by {@link readParquet}; nothing is read until iteration starts, and an early
 * `break` closes the file.
 */
export class ParquetReader implements AsyncIterable<RecordStore<Schema>> {
  readonly #source: ParquetSource;
  readonly #opts: ReadParquetOptions;

  /** @internal Use {@link readParquet}. */
  constructor(source: ParquetSource, opts: ReadParquetOptions) {
    this.#source = source;
    this.#opts = opts;
  }

  /** Iterates the chunks. Every chunk is complete: a damaged page throws a {@link ParquetError} instead. */
  async *[Symbol.asyncIterator](): AsyncIterator<RecordStore<Schema>> {
    const src = await openSource(this.#source);
    try {
      const meta = await readFooter(src);
      yield* readChunks(src, meta, this.#opts);
    } finally {
      await src.close();
    }
  }
}

/** @internal What to read: the plans (output columns first, then filter-only columns) and the row groups. */
interface ReadPlan {
  readonly out: readonly ColumnPlan[];
  readonly plans: readonly ColumnPlan[];
  readonly groups: readonly number[];
}

function planRead(meta: FileMetaData, opts: ReadParquetOptions): ReadPlan {
  const filter = opts.filter;
  const out = planColumns(meta, opts.columns);
  let plans = out;
  if (filter !== undefined) {
    const extra = Object.keys(filter).filter((k) => !out.some((p) => p.name === k));
    if (extra.length > 0) plans = out.concat(planColumns(meta, extra));
  }
  const nGroups = meta.row_groups.length;
  const all = meta.row_groups.map((_, i) => i);
  for (const g of opts.rowGroups ?? []) {
    if (!Number.isInteger(g) || g < 0 || g >= nGroups) throw new ParquetError(`row group ${String(g)} does not exist (the file has ${nGroups})`);
  }
  const groups = (opts.rowGroups ?? all).filter((g) => filter === undefined || groupMayMatch(meta, g, plans, filter));
  return { out, plans, groups };
}

/** The byte range of a column chunk, checked against its schema type. */
function chunkRange(meta: FileMetaData, p: ColumnPlan, g: number): [number, number] {
  const m = meta.row_groups[g]!.columns[p.leaf]!.meta_data!;
  if (m.type !== p.physical) throw new ParquetError(`the chunk's type ${m.type} differs from the schema's ${p.physical}`, { column: p.name, rowGroup: g });
  const start = chunkStart(m);
  return [start, start + Number(m.total_compressed_size)];
}

/** Decodes row group `g` from its column chunks' bytes (in plan order); `null` when the filter keeps no row. */
function decodeGroup(meta: FileMetaData, rp: ReadPlan, g: number, chunks: readonly Uint8Array[], filter: ParquetFilter | undefined): RecordStore<Schema> | null {
  const rg = meta.row_groups[g]!;
  const numRows = Number(rg.num_rows);
  const cols: StoreColumn[] = [];
  for (let i = 0; i < rp.plans.length; i++) {
    const p = rp.plans[i]!;
    const [start, end] = chunkRange(meta, p, g);
    const bytes = chunks[i]!;
    if (bytes.length !== end - start) throw new ParquetError(`the file ends inside the column chunk [${start}, ${end})`, { column: p.name, rowGroup: g, offset: start });
    cols.push(storeColumn(p, decodeColumnChunk(bytes, start, p, rg.columns[p.leaf]!.meta_data!, numRows, g, compressors as Compressors), g));
  }
  let store = makeStore(rp.plans, cols, g);
  if (filter !== undefined) {
    const mask = new Uint8Array(numRows).fill(1);
    for (const [name, pred] of Object.entries(filter)) maskOf(store, name, pred, mask);
    store = store.filter(mask);
    if (rp.plans !== rp.out) store = store.select(rp.out.map((p) => p.name) as never) as unknown as RecordStore<Schema>;
    if (store.length === 0) return null;
  }
  return store;
}

/**
 * A {@link ParquetReader} over bytes in memory (`Uint8Array`, `ArrayBuffer`): also iterable synchronously
 * (`for…of`, and `pipeline(reader)` is a sync Pipeline), as readCsv over a string is.
 */
export class ParquetBytesReader extends ParquetReader implements Iterable<RecordStore<Schema>> {
  readonly #bytes: Uint8Array;
  readonly #o: ReadParquetOptions;

  /** @internal Use {@link readParquet}. */
  constructor(bytes: Uint8Array, opts: ReadParquetOptions) {
    super(bytes, opts);
    this.#bytes = bytes;
    this.#o = opts;
  }

  /** Iterates the chunks synchronously. */
  [Symbol.iterator](): Iterator<RecordStore<Schema>> {
    return readChunksSync(this.#bytes, this.#o);
  }
}

/** @internal The chunks of an open file (each row group's projected column chunks read, then decoded). */
export async function* readChunks(src: OpenSource, meta: FileMetaData, opts: ReadParquetOptions): AsyncGenerator<RecordStore<Schema>, void, undefined> {
  const rp = planRead(meta, opts);
  for (const g of rp.groups) {
    const chunks: Uint8Array[] = [];
    for (const p of rp.plans) {
      const [start, end] = chunkRange(meta, p, g);
      chunks.push(await src.read(start, end));
    }
    const store = decodeGroup(meta, rp, g, chunks, opts.filter);
    if (store !== null) yield store;
  }
}

/** @internal The chunks of bytes in memory, synchronously. */
export function* readChunksSync(bytes: Uint8Array, opts: ReadParquetOptions): Generator<RecordStore<Schema>, void, undefined> {
  const meta = footerOf(bytes);
  const rp = planRead(meta, opts);
  for (const g of rp.groups) {
    const chunks = rp.plans.map((p) => {
      const [start, end] = chunkRange(meta, p, g);
      return bytes.subarray(start, end);
    });
    const store = decodeGroup(meta, rp, g, chunks, opts.filter);
    if (store !== null) yield store;
  }
}

function checkOptions(options: unknown, where: string): ReadParquetOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null) throw new TypeError(`${where}: options must be an object, got ${describe(options)}`);
  const o = options as ReadParquetOptions;
  if (o.columns !== undefined && (!Array.isArray(o.columns) || !o.columns.every((c) => typeof c === 'string'))) {
    throw new TypeError(`${where}: columns must be an array of column names, got ${describe(o.columns)}`);
  }
  if (o.rowGroups !== undefined && (!Array.isArray(o.rowGroups) || !o.rowGroups.every((c) => typeof c === 'number'))) {
    throw new TypeError(`${where}: rowGroups must be an array of row group numbers, got ${describe(o.rowGroups)}`);
  }
  checkFilter(o.filter, where);
  return o;
}

/**
 * Reads a Parquet file as RecordStore chunks, one per row group, in memory bounded by one row group.
 *
 * @param source - a path or `file:` URL (Node), a `Uint8Array`/`ArrayBuffer`, a `Blob`/`File`, or a
 *   {@link RangeReader} (`{byteLength, read(start, end)}`: a remote file is read by ranges, never whole).
 * @param options - `columns` (projection: only those column chunks are read), `rowGroups`, `filter`.
 * @returns a {@link ParquetReader}: `for await (const chunk of reader)`, or `pipeline(reader)`; over bytes in
 *   memory a {@link ParquetBytesReader}, also iterable synchronously (`for (const chunk of reader)`).
 * @throws `TypeError` at once for a bad source or option. While reading: {@link ParquetError} (a
 *   `ValueError`) naming the column, row group and byte offset for a truncated file, a corrupted footer or
 *   page, a page that fails to decompress; `NotImplementedError` for a nested column or an unsupported type
 *   among those read.
 * @remarks Types: integers of every width, floats, and strings map exactly (dictionary-encoded strings become a
 * Categorical from the dictionary page and the indices, no string per row); booleans, dates and timestamps map
 * to their layouts on today's field types (see docs/parquet.md). Allocation: one TypedArray per column per
 * chunk plus the compressed column chunk being decoded.
 * @example
 * ```ts
 * for await (const chunk of readParquet(bytes, { columns: ['origin', 'delay'] })) {
 *   chunk.column('delay'); // Float64Array
 * }
 * ```
 */
export function readParquet(source: Uint8Array | ArrayBuffer, options?: ReadParquetOptions): ParquetBytesReader;
export function readParquet(source: ParquetSource, options?: ReadParquetOptions): ParquetReader;
export function readParquet(source: ParquetSource, options?: ReadParquetOptions): ParquetReader {
  checkSource(source, 'readParquet()');
  const opts = checkOptions(options, 'readParquet()');
  if (source instanceof Uint8Array) return new ParquetBytesReader(source, opts);
  if (source instanceof ArrayBuffer) return new ParquetBytesReader(new Uint8Array(source), opts);
  return new ParquetReader(source, opts);
}

/**
 * Loads a whole Parquet file into one RecordStore (pandas `read_parquet`). Row groups are decoded one by one
 * and concatenated once; category columns get the union of the row groups' dictionaries.
 * @param source - as {@link readParquet}.
 * @param options - as {@link readParquet}.
 * @returns the store (empty, with the file's schema, when no row matches).
 * @throws as {@link readParquet}.
 */
export async function loadParquet(source: ParquetSource, options?: ReadParquetOptions): Promise<RecordStore<Schema>> {
  checkSource(source, 'loadParquet()');
  const opts = checkOptions(options, 'loadParquet()');
  const src = await openSource(source);
  try {
    const meta = await readFooter(src);
    const chunks: RecordStore<Schema>[] = [];
    for await (const c of readChunks(src, meta, opts)) chunks.push(c);
    const schema = schemaOf(planColumns(meta, opts.columns));
    if (chunks.length === 0) return new RecordStore(schema as never) as unknown as RecordStore<Schema>;
    if (chunks.length === 1) return chunks[0]!;
    return narrowCategories(RecordStore.concat(chunks));
  } finally {
    await src.close();
  }
}

/**
 * A store whose category codes are as narrow as their categories allow (`RecordStore.concat` leaves Int32
 * codes): 1 byte per row up to 127 categories, as each chunk had. One pass per widened category field.
 */
function narrowCategories(store: RecordStore<Schema>): RecordStore<Schema> {
  const cols: Record<string, unknown> = {};
  let changed = false;
  for (const f of store.fields) {
    const col = store.column(f as never) as unknown;
    if (col instanceof Categorical && col.codes instanceof Int32Array && col.categories.length <= 32767) {
      cols[f] = Categorical.fromCodes(narrowCodes(col.codes, col.categories.length), col.categories, { ordered: col.ordered });
      changed = true;
    } else {
      const bm = ArrayBuffer.isView(col) ? store.validity(f as never) : null;
      cols[f] = bm === null ? col : { values: col, validity: bm };
    }
  }
  return changed ? (RecordStore.fromColumns(cols as never, store.schema as never) as unknown as RecordStore<Schema>) : store;
}

/**
 * Reads only the footer: row counts, row groups and the store schema the file reads into.
 * @param source - as {@link readParquet}.
 * @throws {@link ParquetError} for a file that is not Parquet or whose footer is damaged.
 */
export async function parquetInfo(source: ParquetSource): Promise<ParquetInfo> {
  checkSource(source, 'parquetInfo()');
  const src = await openSource(source);
  try {
    const meta = await readFooter(src);
    let plans: ColumnPlan[] = [];
    const names = (meta.schema.slice(1) ?? []).map((e) => e.name);
    for (const n of names) {
      try {
        plans = plans.concat(planColumns(meta, [n]));
      } catch {
        // nested or unsupported columns are left out of the store schema
      }
    }
    return {
      numRows: Number(meta.num_rows),
      rowGroupRows: meta.row_groups.map((rg) => Number(rg.num_rows)),
      schema: schemaOf(plans),
      metadata: meta,
    };
  } finally {
    await src.close();
  }
}
