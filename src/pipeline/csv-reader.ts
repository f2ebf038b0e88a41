/**
 * `readCsv`: RFC 4180 CSV straight into RecordStore chunks (pandas `read_csv(chunksize=)`), in memory that does
 * not grow with the file. The input is tokenized as UTF-8 bytes (csv-tokenizer.ts); numbers, booleans, dates
 * and timestamps are parsed from the bytes into TypedArray columns, utf8 text copied as bytes and `'category'`
 * fields matched on their bytes (csv-block.ts, csv-columns.ts), each chunk handed to `RecordStore.fromColumns`
 * (which adopts the arrays).
 *
 * @packageDocumentation
 */
import type { FieldSpec, RecordStore, Schema } from '../record-store.js';
import { describe, throwType, throwValue } from '../errors.js';
import { isAsyncIterable, isIterable } from './iter-util.js';
import { planSchema, type FieldPlan } from './csv-block.js';
import { DEFAULT_NA, NaMatcher } from './csv-bytes.js';
import { inferredSpec, naTokens } from './csv-infer.js';
import { mangleHeader, Sampler, type CsvSample } from './csv-sample.js';
import { ChunkBuilder } from './csv-chunks.js';
import { CsvError } from './csv-error.js';
import { ByteTokenizer, CSV_BLOCK_BYTES, MAX_CSV_FIELD_SIZE } from './csv-tokenizer.js';
import { isReadableStream, streamIterator, type ReadableStreamLike } from './sources.js';

/** Default rows per chunk of {@link readCsv}. */
export const DEFAULT_CSV_CHUNK_SIZE = 65_536;

/**
 * Largest `chunkSize` of {@link readCsv} (2^24 = 16,777,216 rows), checked eagerly. Chunk arrays are sized by
 * the rows that arrive (a small file makes small chunks whatever `chunkSize` says), so this bound only keeps
 * one chunk of a big file within what a TypedArray column can be allocated at.
 */
export const MAX_CSV_CHUNK_SIZE = 2 ** 24;

export { MAX_CSV_FIELD_SIZE };

/** Options of {@link readCsv}. */
export interface ReadCsvOptions<S extends Schema = Schema> {
  /**
   * Field name → dtype / typecode / `'category'` / `'utf8'` / `'bool'` / `'date'` / `'timestamp'` (or
   * `{type, nullable, default}`: `nullable: true` reads missing values as null, the default fills a column
   * the file lacks). Optional, or partial: the columns it does not name get inferred types (see
   * {@link readCsv}); `columns` selects which columns are read. With a header, fields are matched by their
   * header names (after `rename`; a repeated header name becomes `a.1`, an empty one `Unnamed: N`, as pandas
   * names them); without one, a given schema is the full schema in column order (no schema: columns named
   * `0`, `1`, … with inferred types).
   */
  readonly schema?: S | undefined;
  /**
   * Rows sampled to infer the types the schema leaves out (default 10 000, or the whole input if shorter): a
   * positive integer.
   */
  readonly inferRows?: number | undefined;
  /** More missing-value tokens (pandas `na_values`), added to pandas' defaults unless `keepDefaultNa` is false. */
  readonly naValues?: readonly string[] | undefined;
  /** `false`: only `naValues` are missing-value tokens (pandas `keep_default_na`); default true. */
  readonly keepDefaultNa?: boolean | undefined;
  /** Keep only these columns, by header name (pandas `usecols`); the fields follow the file's order. */
  readonly columns?: readonly string[] | undefined;
  /** Header name → field name (`{'Airport Name': 'airport'}`): `schema` uses the new names, `columns` the file's. */
  readonly rename?: Readonly<Record<string, string>> | undefined;
  /** Rows per RecordStore chunk (pandas `chunksize`), an integer in [1, {@link MAX_CSV_CHUNK_SIZE}]; default 65 536. */
  readonly chunkSize?: number;
  /** One-character field separator (default `,`). */
  readonly delimiter?: string;
  /** Whether the first row holds column names (default true). */
  readonly header?: boolean;
  /** One-character quote (default `"`); a quote inside a quoted field is doubled. */
  readonly quote?: string;
  /**
   * A bad row (wrong field count, a character after a closing quote, an unparsable or out-of-range number)
   * throws (default) or is skipped and counted. A skipped row is the whole record, quoted line ends included.
   * The header, an unterminated quote, an oversized field and invalid UTF-8 always throw.
   */
  readonly onError?: 'throw' | 'skip';
  /**
   * Reuse each chunk's column memory for the next chunk (default false). A chunk is then valid only until the
   * next one is requested (copy what you keep), and peak memory stays at about two chunks whatever the file
   * size, instead of leaving one dead chunk per step for the garbage collector.
   */
  readonly reuse?: boolean;
  /**
   * Largest field, in bytes of UTF-8 (Python's `csv.field_size_limit`); an integer in [1,
   * {@link MAX_CSV_FIELD_SIZE}], default {@link MAX_CSV_FIELD_SIZE} (256 MiB). A longer field is a
   * {@link CsvError} naming its line and column, raised as soon as the reader has buffered that much of it.
   */
  readonly fieldSizeLimit?: number;
}

/** Text pieces readCsv reads: a string, an (async) iterable of strings or UTF-8 bytes, or a web ReadableStream. */
export type CsvSource = string | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array> | ReadableStreamLike<string | Uint8Array>;

/** @internal The validated options. */
export interface CsvOptions<S extends Schema> {
  /** The schema the chunks are built with: final once `resolved`. */
  readonly schema: S;
  /** False until the header (and, if some types are inferred, the first rows) fixed `schema`. */
  readonly resolved: boolean;
  /** The user's schema (partial or full), or undefined. */
  readonly given: Schema | undefined;
  readonly chunkSize: number;
  readonly delimiter: string;
  readonly header: boolean;
  readonly quote: string;
  readonly onError: 'throw' | 'skip';
  readonly reuse: boolean;
  readonly fieldSizeLimit: number;
  readonly columns: readonly string[] | null;
  readonly rename: Readonly<Record<string, string>> | null;
  readonly inferRows: number;
  /** The missing-value tokens (and their matcher). */
  readonly naTokens: readonly string[];
  readonly na: NaMatcher;
  /** Fields whose types were inferred (set when resolved). */
  readonly inferred: ReadonlySet<string>;
  /**
   * Set by `readCsvStore` only: build one store instead of chunks (no chunk limit; arrays sized from the input's
   * bytes per row), its categories sorted. The value is the input's size in bytes when known, else 0.
   */
  readonly wholeBytes?: number;
}

/** Default rows sampled to infer column types. */
export const DEFAULT_INFER_ROWS = 10_000;

/** The file's column names: the header as pandas names it (`a.1`, `Unnamed: N`), or `0`, `1`, … without one. */
function fileNamesOf(sample: CsvSample): string[] {
  if (sample.header !== null) return mangleHeader(sample.header);
  return Array.from({ length: sample.width }, (_, i) => String(i));
}

/** @internal Whether rows must be sampled once the header is known: some read column has no given type. */
export function needsRows(o: CsvOptions<Schema>, header: readonly string[] | null): boolean {
  if (o.given === undefined) return true;
  if (header === null) return false;
  const rename = o.rename ?? {};
  const names = mangleHeader(header);
  const keep = o.columns === null ? null : new Set(o.columns);
  return names.some((h) => (keep === null || keep.has(h)) && !Object.hasOwn(o.given!, Object.hasOwn(rename, h) ? rename[h]! : h));
}

/**
 * @internal The options with the schema fixed from a sample of the input: the file's columns (renamed, and
 * selected by `columns`) in file order, each with its given type or one inferred from the sampled rows; then
 * the given fields the file lacks (filled by their defaults). `rename` or `columns` naming a column the file
 * lacks is a ValueError; so is an input with no columns at all and no schema.
 */
export function resolveOptions<S extends Schema>(o: CsvOptions<S>, sample: CsvSample): CsvOptions<S> {
  if (o.resolved) return o;
  if (sample.header === null && o.header && o.given !== undefined) return { ...o, schema: o.given as S, resolved: true }; // empty input
  const fileNames = fileNamesOf(sample);
  if (fileNames.length === 0) throwValue('readCsv(): no columns to parse (the input is empty); pass a schema');
  const rename = o.rename ?? {};
  const missing = (what: string, k: string): never => throwValue(`readCsv(): ${what} names ${describe(k)}, which is not a column of the file (columns: ${fileNames.join(', ')})`);
  for (const k of Object.keys(rename)) if (!fileNames.includes(k)) missing('rename', k);
  let picked = fileNames.map((_, j) => j);
  if (o.columns !== null) {
    picked = o.columns.map((c) => (fileNames.includes(c) ? fileNames.indexOf(c) : missing('columns', c)));
    picked.sort((a, b) => a - b);
  }
  const given = o.given ?? {};
  const entries: [string, FieldSpec][] = [];
  const inferred = new Set<string>();
  const seen = new Set<string>();
  for (const j of picked) {
    const name = Object.hasOwn(rename, fileNames[j]!) ? rename[fileNames[j]!]! : fileNames[j]!;
    if (seen.has(name)) throwValue(`readCsv(): two columns are named ${describe(name)} after rename`);
    seen.add(name);
    if (Object.hasOwn(given, name)) entries.push([name, given[name]!]);
    else {
      entries.push([name, inferredSpec(sample.typeOf(j))]);
      inferred.add(name);
    }
  }
  // Given fields the file lacks: kept when they have a default (else the reader names them missing).
  for (const k of Object.keys(given)) {
    const spec = given[k] as unknown;
    if (seen.has(k)) continue;
    if (o.columns !== null && !(typeof spec === 'object' && spec !== null && !Array.isArray(spec) && 'default' in spec)) continue;
    entries.push([k, given[k]!]);
  }
  if (entries.length === 0) throwValue(`readCsv(): columns keeps none of the schema's fields (${Object.keys(given).join(', ')})`);
  const schema = Object.fromEntries(entries) as unknown as S;
  return { ...o, schema, resolved: true, inferred };
}

/** @internal The field plan of resolved options. */
export function planOf(o: CsvOptions<Schema>): FieldPlan[] {
  return planSchema(o.schema, { na: o.na, inferred: o.inferred, inferRows: o.inferRows });
}

/** @internal A serial reading: a byte tokenizer feeding a chunk builder. */
export interface CsvReading {
  readonly tok: ByteTokenizer;
  readonly b: ChunkBuilder;
}

/** @internal Starts a serial reading with these options. */
export function startReading(o: CsvOptions<Schema>): CsvReading {
  const quote = o.quote.charCodeAt(0);
  const b = new ChunkBuilder(planOf(o), o.schema, o.chunkSize, o.header, o.onError === 'skip', quote, o.reuse, o.rename, o.wholeBytes);
  return { tok: new ByteTokenizer(o.delimiter.charCodeAt(0), quote, o.fieldSizeLimit), b };
}

/**
 * @internal Converts every batch the tokenizer has ready, yielding the chunks they fill; throws the first bad
 * row (or a fatal tokenizer error) after the chunks before it. At the end of the input, adds the last chunk.
 */
export function* pump<S extends Schema>(r: CsvReading): Generator<RecordStore<S>, void, undefined> {
  const { tok, b } = r;
  for (;;) {
    const batch = tok.scan();
    if (batch === null) break;
    b.progress(tok.offset, batch.nrows);
    b.begin(batch);
    for (;;) {
      const done = b.step();
      while (b.ready.length > 0) yield b.ready.shift() as unknown as RecordStore<S>;
      if (done) break;
    }
    if (batch.fatal !== null) throw b.fatalError(batch.fatal);
  }
  if (tok.done) {
    b.finish();
    while (b.ready.length > 0) yield b.ready.shift() as unknown as RecordStore<S>;
  }
}

/**
 * @internal Tokenizes `piece` and converts what it completes, {@link CSV_BLOCK_BYTES} at a time: a large piece
 * (a whole file's bytes) then costs the tokenizer's batch arrays one block's fields, reused, instead of
 * growing them to the whole piece's (measured: 500k numeric rows in one 11 MB piece spent a third of the
 * read in GC of the regrown arrays).
 */
export function* feed<S extends Schema>(r: CsvReading, piece: Uint8Array): Generator<RecordStore<S>, void, undefined> {
  for (let at = 0; at < piece.length; at += CSV_BLOCK_BYTES) {
    r.tok.push(at === 0 && piece.length <= CSV_BLOCK_BYTES ? piece : piece.subarray(at, at + CSV_BLOCK_BYTES));
    yield* pump<S>(r);
  }
}

/**
 * Reads CSV into RecordStore chunks: iterate it with `for await`, or wrap it: `pipeline(reader)` (an
 * AsyncPipeline of chunks). `skippedRows` counts rows dropped by `onError: 'skip'`.
 */
export class CsvReader<S extends Schema> implements AsyncIterable<RecordStore<S>> {
  readonly #source: CsvSource;
  /** @internal The validated options (the schema is fixed once reading starts: see {@link resolveOptions}). */
  protected opts: CsvOptions<S>;
  #builder: { skipped: number; rowsRead: number } | null = null;

  /** @internal Use {@link readCsv}. */
  constructor(source: CsvSource, opts: CsvOptions<S>) {
    this.#source = source;
    this.opts = opts;
  }

  /** Rows skipped so far by `onError: 'skip'` (0 under `'throw'`). */
  get skippedRows(): number {
    return this.#builder?.skipped ?? 0;
  }

  /** Data rows read into chunks so far. */
  get rowsRead(): number {
    return this.#builder?.rowsRead ?? 0;
  }

  /** @internal Reports progress from another reading strategy (the parallel reader of compactly/node). */
  protected track(counts: { skipped: number; rowsRead: number }): void {
    this.#builder = counts;
  }

  #start(): CsvReading {
    const r = startReading(this.opts);
    this.#builder = r.b;
    return r;
  }

  /**
   * @internal Makes this reader build one store (see {@link CsvOptions.wholeBytes}): what `readCsvStore` reads.
   * @param bytes - the input's size in bytes if known (sizes the columns once), else 0.
   */
  wholeStore(bytes: number): this {
    this.opts = { ...this.opts, wholeBytes: bytes, reuse: false };
    return this;
  }

  /** @internal A sampler for this reader's options, or null when the schema is already fixed. */
  protected sampler(): Sampler | null {
    const o = this.opts;
    if (o.resolved) return null;
    return new Sampler(o.delimiter, o.quote, o.fieldSizeLimit, o.header, o.na, (h) => (needsRows(o, h) ? o.inferRows : 0));
  }

  /** @internal Fixes the schema from what the sampler saw. */
  protected resolve(sm: Sampler): void {
    this.opts = resolveOptions(this.opts, sm.sample());
  }

  /** Chunks from UTF-8 pieces, synchronously: the first pieces are sampled (and kept) when types are inferred. */
  *#fromPieces(it: Iterator<Uint8Array>): Generator<RecordStore<S>, void, undefined> {
    const kept: Uint8Array[] = [];
    let ended = false;
    const sm = this.sampler();
    if (sm !== null) {
      while (!sm.full) {
        const next = it.next();
        if (next.done) {
          ended = true;
          sm.end();
          break;
        }
        kept.push(next.value);
        sm.push(next.value);
      }
      this.resolve(sm);
    }
    const r = this.#start();
    for (const piece of kept) {
      yield* feed<S>(r, piece);
    }
    while (!ended) {
      const next = it.next();
      if (next.done) break;
      yield* feed<S>(r, next.value);
    }
    r.tok.end();
    yield* pump<S>(r);
  }

  /** @internal Chunks from a string source, synchronously (encoded to UTF-8 one block at a time). */
  protected fromString(text: string): Generator<RecordStore<S>, void, undefined> {
    return this.#fromPieces(textBlocks(text));
  }

  /**
   * @internal Chunks from a synchronous source (text, or a synchronous iterable of text/byte pieces), without
   * awaiting: what `readCsvStore` uses to return a store rather than a Promise.
   */
  syncChunks(): Iterable<RecordStore<S>> {
    const src = this.#source;
    if (typeof src === 'string') return { [Symbol.iterator]: () => this.fromString(src) };
    if (!isIterable(src)) throwType('readCsv(): this source is asynchronous; iterate the reader with for await');
    return { [Symbol.iterator]: () => this.#fromPieces(bytePieces(src[Symbol.iterator]())) };
  }

  /** Iterates the chunks; an early `break` closes the source (a stream is cancelled, a file closed). */
  async *[Symbol.asyncIterator](): AsyncIterator<RecordStore<S>> {
    const src = this.#source;
    if (typeof src === 'string') {
      yield* this.fromString(src);
      return;
    }
    const it: AsyncIterator<string | Uint8Array> | Iterator<string | Uint8Array> = isReadableStream(src)
      ? streamIterator(src)
      : isIterable(src)
        ? src[Symbol.iterator]()
        : (src as AsyncIterable<string | Uint8Array>)[Symbol.asyncIterator]();
    const pieces = new PieceEncoder();
    let done = false;
    /** The next piece as UTF-8 bytes, or null at the end. */
    const nextPiece = async (): Promise<Uint8Array | null> => {
      for (;;) {
        const next = await it.next();
        if (next.done) {
          done = true;
          return pieces.rest();
        }
        const bytes = pieces.bytes(next.value);
        if (bytes !== null) return bytes;
      }
    };
    try {
      const kept: Uint8Array[] = [];
      let ended = false;
      const sm = this.sampler();
      if (sm !== null) {
        while (!sm.full) {
          const piece = await nextPiece();
          if (piece === null) {
            ended = true;
            sm.end();
            break;
          }
          kept.push(piece);
          sm.push(piece);
        }
        this.resolve(sm);
      }
      const r = this.#start();
      for (const piece of kept) {
        yield* feed<S>(r, piece);
      }
      while (!ended) {
        const piece = await nextPiece();
        if (piece === null) {
          if (done) break;
          continue;
        }
        yield* feed<S>(r, piece);
        if (done) break;
      }
      r.tok.end();
      yield* pump<S>(r);
    } finally {
      if (!done && typeof it.return === 'function') await it.return();
    }
  }
}

/** A string as UTF-8 blocks of about {@link CSV_BLOCK_BYTES} (surrogate pairs kept together). */
function* textBlocks(text: string): Generator<Uint8Array, void, undefined> {
  const enc = new TextEncoder();
  for (let i = 0; i < text.length;) {
    let j = Math.min(text.length, i + CSV_BLOCK_BYTES);
    const last = text.charCodeAt(j - 1);
    if (j < text.length && last >= 0xd800 && last <= 0xdbff) j--; // keep a surrogate pair together
    yield enc.encode(text.substring(i, j));
    i = j;
  }
}

/**
 * The pieces of a CSV source (strings or Uint8Arrays) as UTF-8 bytes. A high surrogate that ends a text piece is
 * held back, since its pair may start the next one, and goes out with the next piece or at the end.
 */
class PieceEncoder {
  readonly #enc = new TextEncoder();
  #carry = '';
  /** The bytes of one piece, or null when a text piece leaves nothing to send yet. */
  bytes(v: unknown): Uint8Array | null {
    if (typeof v === 'string') {
      let text = this.#carry + v;
      this.#carry = '';
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        this.#carry = text.slice(-1);
        text = text.slice(0, -1);
      }
      return text.length > 0 ? this.#enc.encode(text) : null;
    }
    if (v instanceof Uint8Array) return v;
    return throwType(`readCsv(): the source yielded ${describe(v)}; expected strings or Uint8Arrays`);
  }
  /** The held-back character as bytes, or null: what is left at the end of the source. */
  rest(): Uint8Array | null {
    return this.#carry !== '' ? this.#enc.encode(this.#carry) : null;
  }
}

/** Text or byte pieces of a synchronous iterable as UTF-8 bytes (a trailing high surrogate waits for its pair). */
function* bytePieces(it: Iterator<string | Uint8Array>): Generator<Uint8Array, void, undefined> {
  const pieces = new PieceEncoder();
  try {
    for (;;) {
      const next = it.next();
      if (next.done) break;
      const bytes = pieces.bytes(next.value);
      if (bytes !== null) yield bytes;
    }
    const rest = pieces.rest();
    if (rest !== null) yield rest;
  } finally {
    it.return?.();
  }
}

/** A {@link CsvReader} over CSV text: also iterable synchronously (`for…of`, and `pipeline(reader)` is sync). */
export class CsvTextReader<S extends Schema> extends CsvReader<S> implements Iterable<RecordStore<S>> {
  readonly #text: string;

  /** @internal Use {@link readCsv}. */
  constructor(text: string, opts: CsvOptions<S>) {
    super(text, opts);
    this.#text = text;
  }

  /** Iterates the chunks synchronously. */
  [Symbol.iterator](): Iterator<RecordStore<S>> {
    return this.fromString(this.#text);
  }
}

function checkOne(x: unknown, what: string, fallback: string): string {
  if (x === undefined) return fallback;
  if (typeof x !== 'string' || x.length !== 1 || x === '\n' || x === '\r' || x.charCodeAt(0) >= 0x80) {
    throwValue(`readCsv(): ${what} must be one ASCII character (not a newline), got ${describe(x)}`);
  }
  return x;
}

function checkInt(x: unknown, what: string, fallback: number, max: number): number {
  if (x === undefined) return fallback;
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 1 || x > max) throwValue(`readCsv(): '${what}' must be an integer in [1, ${max}], got ${describe(x)}`);
  return x;
}

/** @internal Validates readCsv's options (eagerly, before any reading). */
export function csvOptions<S extends Schema>(options: ReadCsvOptions<S> = {}): CsvOptions<S> {
  if (options === null || typeof options !== 'object') throwType(`readCsv(): options must be an object, got ${describe(options)}`);
  const chunkSize = checkInt(options.chunkSize, 'chunkSize', DEFAULT_CSV_CHUNK_SIZE, MAX_CSV_CHUNK_SIZE);
  const fieldSizeLimit = checkInt(options.fieldSizeLimit, 'fieldSizeLimit', MAX_CSV_FIELD_SIZE, MAX_CSV_FIELD_SIZE);
  const delimiter = checkOne(options.delimiter, 'delimiter', ',');
  const quote = checkOne(options.quote, 'quote', '"');
  if (delimiter === quote) throwValue('readCsv(): delimiter and quote must differ');
  const onError = options.onError ?? 'throw';
  if (onError !== 'throw' && onError !== 'skip') throwValue(`readCsv(): onError must be 'throw' or 'skip', got ${describe(onError)}`);
  const header = options.header ?? true;
  if (typeof header !== 'boolean') throwType(`readCsv(): header must be a boolean, got ${describe(header)}`);
  let columns: string[] | null = null;
  if (options.columns !== undefined) {
    if (!Array.isArray(options.columns) || options.columns.some((c) => typeof c !== 'string'))
      throwType(`readCsv(): columns must be an array of column names, got ${describe(options.columns)}`);
    columns = [...(options.columns as string[])];
    if (new Set(columns).size !== columns.length) throwValue(`readCsv(): columns names a column twice (${columns.join(', ')})`);
    if (columns.length === 0) throwValue('readCsv(): columns is empty');
  }
  let rename: Record<string, string> | null = null;
  if (options.rename !== undefined) {
    if (options.rename === null || typeof options.rename !== 'object' || Array.isArray(options.rename))
      throwType(`readCsv(): rename must be an object {header: field}, got ${describe(options.rename)}`);
    rename = { ...options.rename };
    for (const [k, v] of Object.entries(rename))
      if (typeof v !== 'string' || v === '') throwType(`readCsv(): rename ${describe(k)} must map to a non-empty string, got ${describe(v)}`);
  }
  if ((columns !== null || rename !== null) && !header) throwValue('readCsv(): columns and rename name header columns: they need header: true');
  const inferRows = options.inferRows ?? DEFAULT_INFER_ROWS;
  if (typeof inferRows !== 'number') throwType(`readCsv(): inferRows must be a positive integer, got ${describe(inferRows)}`);
  if (!Number.isInteger(inferRows) || inferRows < 1) throwValue(`readCsv(): inferRows must be a positive integer, got ${describe(inferRows)}`);
  const naValues = options.naValues ?? [];
  if (!Array.isArray(naValues) || naValues.some((v) => typeof v !== 'string')) throwType(`readCsv(): naValues must be an array of strings, got ${describe(naValues)}`);
  const keepDefaultNa = options.keepDefaultNa ?? true;
  if (typeof keepDefaultNa !== 'boolean') throwType(`readCsv(): keepDefaultNa must be a boolean, got ${describe(keepDefaultNa)}`);
  const naList = naTokens(naValues as string[], keepDefaultNa);
  // An empty schema fixes nothing: every type is inferred.
  const given =
    options.schema !== null && typeof options.schema === 'object' && !Array.isArray(options.schema) && Object.keys(options.schema).length === 0 ? undefined : options.schema;
  if (given !== undefined) planSchema(given);
  // The header (and, for the types a schema leaves out, the first rows) is read first (sampled); only a full
  // schema without a header is fixed from the start.
  const resolved = !header && given !== undefined;
  return {
    schema: (given ?? {}) as S,
    inferRows,
    naTokens: naList,
    na: keepDefaultNa && naValues.length === 0 ? DEFAULT_NA : new NaMatcher(naList),
    inferred: new Set(),
    resolved,
    given,
    chunkSize,
    delimiter,
    quote,
    header,
    onError,
    reuse: options.reuse === true,
    fieldSizeLimit,
    columns,
    rename,
  };
}

/**
 * Reads CSV text into RecordStore chunks of `chunkSize` rows (pandas `read_csv(chunksize=)`), in memory
 * independent of the input's size.
 *
 * @param source - CSV text, an (async) iterable of text or UTF-8 byte pieces, or a web ReadableStream. Pieces
 *   may split rows, quoted fields and multi-byte characters anywhere. (`compactly/node` adds file paths.)
 * @param options - `schema` (required), `chunkSize`, `delimiter`, `header`, `quote`, `onError`, `reuse`,
 *   `fieldSizeLimit`.
 * @returns a {@link CsvReader}: `for await (const chunk of reader)`; each chunk is a new RecordStore.
 * @throws {@link ValueError} eagerly for a bad `chunkSize` (above {@link MAX_CSV_CHUNK_SIZE} too),
 *   `fieldSizeLimit`, delimiter or quote, or schema; `TypeError` for a vector field or a non-source. While
 *   reading: {@link CsvError} (a ValueError) naming line, column and field for a wrong field count, a character
 *   after a closing quote, an unparsable number, bool, date or timestamp (the value quoted), an out-of-range
 *   integer, a missing value in a non-nullable int/bool/date/timestamp field (unless `onError: 'skip'`), and always for
 *   a malformed header, an unterminated quote at the end, a field over `fieldSizeLimit`, and invalid UTF-8
 *   (its message gives the byte offset).
 * @remarks RFC 4180: quoted fields with `""` escapes, delimiters and newlines in quotes, LF/CR/CRLF (each ends
 * one line for line numbers, inside quotes too), a leading BOM; blank lines are skipped. The input is read as
 * UTF-8 bytes: time is linear in its size whatever the field lengths, and rows allocate nothing — numbers are
 * parsed from the bytes (equal to `Number(text)` bit for bit), a category value is matched on its bytes against
 * the chunk's categories (only a new one is decoded), a `'utf8'` field's bytes are copied into the chunk's
 * UTF-8 buffer (no string per cell). `'bool'` reads pandas' spellings `True`/`TRUE`/`true`/`1` and
 * `False`/`FALSE`/`false`/`0`; `'date'` reads `YYYY-MM-DD` or `YYYY/MM/DD` (or a timestamp at midnight);
 * `'timestamp'` ISO 8601 (`2001-01-01T00:47:05.5Z`, a space for the `T`, offsets `+05:30`/`-0800`, fractions)
 * and `2001/01/01 00:47` — a time without an offset is UTC, never local time. **Missing values** are pandas'
 * NA tokens (`''`, `NA`, `N/A`, `NaN`, `null`, `NULL`, `None`, `#N/A`, `<NA>`, `nan`, …: pandas' default
 * `na_values`): a field declared `{type, nullable: true}` reads them as `null` (Arrow-layout validity bitmap,
 * made at the first null); a non-nullable float reads them as NaN; any other non-nullable field (an int, bool,
 * date, timestamp) rejects them with a CsvError that says to declare it nullable. A category's NA token is
 * missing (`null`). A **quoted** field is always text in a category or utf8 field (`"NA"` and `""` are the
 * strings, as `writeCsv` writes them; pandas would read them as missing), and a non-nullable utf8 field reads
 * every field as text (an empty field is `''`). Each chunk's categories are its own (first-seen order), as
 * pandas infers per chunk.
 * @example
 * ```ts
 * const csv = 'city,temp\nOslo,3.5\nRome,18\n';
 * for (const chunk of readCsv(csv, { schema: { city: 'category', temp: 'float64' } })) {
 *   chunk.column('temp'); // Float64Array [3.5, 18]
 * }
 * ```
 */
export function readCsv<S extends Schema = Schema>(source: string, options?: ReadCsvOptions<S>): CsvTextReader<S>;
export function readCsv<S extends Schema = Schema>(source: CsvSource, options?: ReadCsvOptions<S>): CsvReader<S>;
export function readCsv<S extends Schema = Schema>(source: CsvSource, options?: ReadCsvOptions<S>): CsvReader<S> {
  const opts = csvOptions(options);
  if (typeof source !== 'string' && !isIterable(source) && !isAsyncIterable(source) && !isReadableStream(source)) {
    throwType(`readCsv(): source must be a string, an (async) iterable of text/bytes or a ReadableStream, got ${describe(source)}`);
  }
  return typeof source === 'string' ? new CsvTextReader<S>(source, opts) : new CsvReader<S>(source, opts);
}
