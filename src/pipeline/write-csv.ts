/**
 * `writeCsv(storeOrChunks, sink?, options)`: RecordStores out as RFC 4180 CSV with pandas' `to_csv` defaults
 * (no index): missing values as the empty string, floats as Python's `repr` (the shortest text that reads
 * back bit for bit: `3.0`, `1e-05`, `1e+16`, `inf`), booleans `True`/`False`, dates `YYYY-MM-DD`, timestamps
 * `YYYY-MM-DD HH:MM:SS[.fff]` (UTC). Chunks stream through one at a time: memory is one chunk's text.
 *
 * @packageDocumentation
 */
import { describe, throwType, throwValue } from '../errors.js';
import { fieldType, type RecordStore, type Schema } from '../record-store.js';
import { NA_TOKENS } from './csv-bytes.js';
import { isAsyncIterable, isIterable } from './iter-util.js';

/** Options of {@link writeCsv}. */
export interface WriteCsvOptions {
  /** Write the field names as the first row (default true). */
  readonly header?: boolean | undefined;
  /** One-character field separator (default `,`). */
  readonly delimiter?: string | undefined;
  /** One-character quote (default `"`), doubled inside quoted fields. */
  readonly quote?: string | undefined;
  /** Row terminator (default `\n`, as pandas on POSIX). */
  readonly lineTerminator?: string | undefined;
  /** Text written for a missing value (default `''`, pandas `na_rep`). */
  readonly naRep?: string | undefined;
  /** Only these fields, in this order (default every field). */
  readonly columns?: readonly string[] | undefined;
}

/** What {@link writeCsv} writes: a store, or chunks of one schema (an iterable, async iterable or pipeline). */
export type CsvWritable = RecordStore<Schema> | Iterable<RecordStore<Schema>> | AsyncIterable<RecordStore<Schema>>;

/**
 * A sink for the CSV: a web `WritableStream` of UTF-8 bytes. Structural (what writeCsv calls of its writer), so
 * the core's declarations compile without the DOM lib; every WHATWG `WritableStream<Uint8Array>` is one.
 */
export interface CsvSink {
  /** A writer that locks the stream (a `WritableStreamDefaultWriter`). */
  getWriter(): {
    write(chunk: Uint8Array): PromiseLike<void>;
    close(): PromiseLike<void>;
    abort(reason?: unknown): PromiseLike<void>;
    releaseLock(): void;
  };
}

interface Format {
  readonly delimiter: string;
  readonly quote: string;
  readonly eol: string;
  readonly na: string;
  readonly header: boolean;
  readonly columns: readonly string[] | undefined;
  /** Characters that force quoting. */
  readonly special: RegExp;
}

function oneChar(v: unknown, name: string, dflt: string): string {
  if (v === undefined) return dflt;
  if (typeof v !== 'string' || v.length !== 1 || v === '\n' || v === '\r') throwValue(`writeCsv: ${name} must be one character (not a line break), got ${describe(v)}`);
  return v;
}

function checkOptions(options: unknown): Format {
  if (typeof options !== 'object' || options === null) throwType(`writeCsv: options must be an object, got ${describe(options)}`);
  const o = options as WriteCsvOptions;
  const delimiter = oneChar(o.delimiter, 'delimiter', ',');
  const quote = oneChar(o.quote, 'quote', '"');
  if (quote === delimiter) throwValue('writeCsv: delimiter and quote must differ');
  const eol = o.lineTerminator ?? '\n';
  if (typeof eol !== 'string' || eol.length === 0) throwValue(`writeCsv: lineTerminator must be a non-empty string, got ${describe(eol)}`);
  const na = o.naRep ?? '';
  if (typeof na !== 'string') throwType(`writeCsv: naRep must be a string, got ${describe(na)}`);
  const header = o.header ?? true;
  if (typeof header !== 'boolean') throwType(`writeCsv: header must be a boolean, got ${describe(header)}`);
  if (o.columns !== undefined && (!Array.isArray(o.columns) || o.columns.some((c) => typeof c !== 'string'))) {
    throwType(`writeCsv: columns must be an array of field names, got ${describe(o.columns)}`);
  }
  const esc = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');
  const special = new RegExp(`[${esc(delimiter)}${esc(quote)}\\r\\n]`);
  return { delimiter, quote, eol, na, header, columns: o.columns, special };
}

/**
 * Python's `repr(float)`: JS's shortest round-trip digits, laid out as Python does (fixed notation for
 * exponents -4..15 with a `.0` on integers, else `d.ddde±XX` with at least two exponent digits).
 * @internal
 */
export function pyFloatRepr(x: number): string {
  const ax = Math.abs(x);
  if (ax >= 1e-4 && ax < 1e16) {
    // Python's fixed range (decimal exponent -4..15) lies inside JS's (-7..20): the digits are the same.
    const s = String(x);
    return s.includes('.') ? s : `${s}.0`;
  }
  if (x !== x) return 'nan';
  if (ax === Infinity) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const e = x.toExponential(); // the shortest digits that round-trip, e.g. "1.2345e-7"
  const at = e.indexOf('e');
  const exp = Number(e.slice(at + 1));
  const digits = String(Math.abs(exp)).padStart(2, '0');
  return `${e.slice(0, at)}e${exp < 0 ? '-' : '+'}${digits}`;
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

/** `YYYY-MM-DD` of a day number since the epoch (years outside 0..9999 keep their sign and digits). @internal */
export function isoDate(days: number): string {
  const d = new Date(days * 86_400_000);
  const y = d.getUTCFullYear();
  const ys = y >= 0 && y <= 9999 ? pad(y, 4) : (y < 0 ? '-' : '+') + pad(Math.abs(y), 6);
  return `${ys}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** `YYYY-MM-DD HH:MM:SS[.fff]` (UTC) of milliseconds since the epoch, as pandas writes a timestamp. @internal */
export function isoTimestamp(ms: number): string {
  const day = Math.floor(ms / 86_400_000);
  const t = new Date(ms);
  const frac = t.getUTCMilliseconds();
  return `${isoDate(day)} ${pad(t.getUTCHours(), 2)}:${pad(t.getUTCMinutes(), 2)}:${pad(t.getUTCSeconds(), 2)}${frac === 0 ? '' : `.${pad(frac, 3)}`}`;
}

const NA_TEXT: ReadonlySet<string> = new Set(NA_TOKENS);

/**
 * `s` quoted when it holds the delimiter, the quote, CR or LF, or is an NA token (`''`, `'NA'`, …: readCsv
 * reads a quoted field as text, so it reads back apart from a null).
 */
function quoteText(s: string, f: Format): string {
  return f.special.test(s) || NA_TEXT.has(s) ? f.quote + s.split(f.quote).join(f.quote + f.quote) + f.quote : s;
}

/** What this module reads of a Categorical column. */
interface CodesColumn {
  readonly codes: ArrayLike<number>;
  readonly categories: readonly (string | number)[];
}

const ENC = new TextEncoder();

/** A growable UTF-8 output buffer: numbers are written as ASCII digits, no string per cell. */
class ByteOut {
  buf: Uint8Array;
  n = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(capacity, 64));
  }
  ensure(k: number): void {
    if (this.n + k <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.n + k));
    next.set(this.buf.subarray(0, this.n));
    this.buf = next;
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    const buf = this.buf;
    let p = this.n;
    for (let j = 0; j < b.length; j++) buf[p++] = b[j]!;
    this.n = p;
  }
  /** An ASCII string (digits, signs, `e`, `.`): one byte per char. */
  ascii(s: string): void {
    this.ensure(s.length);
    const buf = this.buf;
    let p = this.n;
    for (let j = 0; j < s.length; j++) buf[p++] = s.charCodeAt(j);
    this.n = p;
  }
  /** Any text, UTF-8 encoded. */
  text(s: string): void {
    this.ensure(s.length * 3);
    this.n += ENC.encodeInto(s, this.buf.subarray(this.n)).written;
  }
  /** An integer in the uint32 / int32 range, as decimal digits. */
  int(v: number): void {
    this.ensure(11);
    const buf = this.buf;
    let p = this.n;
    let x = v;
    if (x < 0) {
      buf[p++] = 45; // '-'
      x = -x;
    }
    const start = p;
    do {
      const q = (x / 10) >>> 0;
      buf[p++] = 48 + x - q * 10;
      x = q;
    } while (x > 0);
    for (let l = start, r = p - 1; l < r; l++, r--) {
      const t = buf[l]!;
      buf[l] = buf[r]!;
      buf[r] = t;
    }
    this.n = p;
  }
}

type CellWriter = (out: ByteOut, i: number) => void;

/** One field's cell writer for a chunk: a typed loop body over its column, chosen once per chunk. */
function cellWriter(store: RecordStore<Schema>, name: string, f: Format, na: Uint8Array): CellWriter {
  const schemaSpec = store.schema[name];
  const spec = fieldType(schemaSpec!);
  if (Array.isArray(spec))
    throwType(`writeCsv: field ${describe(name)} is a vector field ([${String(spec[0])}, ${String(spec[1])}]); CSV holds one value per cell (select other fields)`);
  const nullable = typeof schemaSpec === 'object' && schemaSpec !== null && (schemaSpec as { nullable?: boolean }).nullable === true;
  const col = store.column(name) as unknown;
  if (!nullable && ArrayBuffer.isView(col)) {
    if (spec === 'float64' || spec === 'float32' || spec === 'd' || spec === 'f') {
      const a = col as Float64Array;
      return (o, i) => {
        const x = a[i]!;
        if (x !== x) o.bytes(na);
        else o.ascii(pyFloatRepr(x));
      };
    }
    if (col instanceof BigInt64Array || col instanceof BigUint64Array) {
      const a = col;
      return (o, i) => o.ascii(String(a[i]!));
    }
    if (spec !== 'date' && spec !== 'timestamp' && spec !== 'bool') {
      const a = col as Int32Array;
      return (o, i) => o.int(a[i]!);
    }
  }
  if (spec === 'category') {
    const c = col as CodesColumn;
    const texts = c.categories.map((v) => ENC.encode(quoteText(String(v), f)));
    const codes = c.codes;
    return (o, i) => {
      const k = codes[i]!;
      o.bytes(k < 0 ? na : texts[k]!);
    };
  }
  // utf8, bool, date, timestamp and nullable fields: one read per value.
  const isFloat = spec === 'float64' || spec === 'float32';
  return (o, i) => {
    const v = store.getField(i, name);
    if (v === null || v === undefined) o.bytes(na);
    else if (typeof v === 'number') {
      if (v !== v && (isFloat || spec === 'timestamp')) o.bytes(na);
      else if (spec === 'date') o.ascii(isoDate(v));
      else if (spec === 'timestamp') o.ascii(isoTimestamp(v));
      else if (isFloat) o.ascii(pyFloatRepr(v));
      else o.ascii(String(v));
    } else if (typeof v === 'bigint') o.ascii(String(v));
    else if (typeof v === 'boolean') o.ascii(v ? 'True' : 'False');
    else if (typeof v === 'string') o.text(quoteText(v, f));
    else if (v instanceof Date) o.ascii(isoTimestamp(v.getTime()));
    else o.text(quoteText(String(v), f));
  };
}

function headerLine(fields: readonly string[], f: Format): string {
  return fields.map((h) => quoteText(h, f)).join(f.delimiter) + f.eol;
}

/** The UTF-8 bytes of one chunk (header first when `first`). */
function chunkBytes(store: RecordStore<Schema>, f: Format, fields: readonly string[], first: boolean): Uint8Array {
  const na = ENC.encode(f.na);
  const delim = f.delimiter.charCodeAt(0) < 128 ? f.delimiter.charCodeAt(0) : -1;
  const delimBytes = ENC.encode(f.delimiter);
  const eol = ENC.encode(f.eol);
  const writers = fields.map((name) => cellWriter(store, name, f, na));
  const n = store.length;
  const o = new ByteOut(n * fields.length * 8 + 64);
  if (first && f.header) o.text(headerLine(fields, f));
  const k = writers.length;
  for (let i = 0; i < n; i++) {
    writers[0]!(o, i);
    for (let c = 1; c < k; c++) {
      if (delim >= 0) {
        o.ensure(1);
        o.buf[o.n++] = delim;
      } else o.bytes(delimBytes);
      writers[c]!(o, i);
    }
    o.bytes(eol);
  }
  return o.buf.subarray(0, o.n);
}

function isStore(x: unknown): x is RecordStore<Schema> {
  return typeof x === 'object' && x !== null && typeof (x as { getField?: unknown }).getField === 'function' && typeof (x as { fields?: unknown }).fields === 'object';
}

/** The fields to write, checked against the first chunk; later chunks must have the same fields. */
function fieldsOf(store: RecordStore<Schema>, f: Format, expect: readonly string[] | undefined, at: number): readonly string[] {
  if (!isStore(store)) throwType(`writeCsv: chunk ${at} is not a RecordStore, got ${describe(store)}`);
  const fields = f.columns ?? store.fields;
  for (const c of fields) if (!store.fields.includes(c)) throwValue(`writeCsv: chunk ${at} has no field ${describe(c)} (fields: ${store.fields.join(', ')})`);
  if (expect !== undefined && f.columns === undefined && (store.fields.length !== expect.length || store.fields.some((x, i) => x !== expect[i]))) {
    throwValue(`writeCsv: chunk ${at} has fields ${store.fields.join(', ')}, the first chunk ${expect.join(', ')}`);
  }
  return fields;
}

/**
 * The CSV of `source` as UTF-8 byte pieces, one per chunk (the header in the first): the streaming core of
 * {@link writeCsv}, for sinks of your own.
 * @param source - A RecordStore, or chunks (iterable or async iterable of stores with the same fields).
 * @param options - As {@link writeCsv}.
 * @returns An async iterable of `Uint8Array`s, each a new buffer the caller may keep.
 * @throws As {@link writeCsv}.
 */
export async function* csvBytes(source: CsvWritable, options: WriteCsvOptions = {}): AsyncGenerator<Uint8Array, void, undefined> {
  const f = checkOptions(options);
  let fields: readonly string[] | undefined;
  let at = 0;
  if (isStore(source)) {
    yield chunkBytes(source, f, fieldsOf(source, f, undefined, 0), true);
    return;
  }
  if (!isIterable(source) && !isAsyncIterable(source)) throwType(`writeCsv: expected a RecordStore or chunks of them, got ${describe(source)}`);
  for await (const chunk of source as AsyncIterable<RecordStore<Schema>>) {
    const first: boolean = fields === undefined;
    fields = fieldsOf(chunk, f, fields, at++);
    yield chunkBytes(chunk, f, fields, first);
  }
  if (fields === undefined && f.header && f.columns !== undefined) yield ENC.encode(headerLine(f.columns, f));
}

/**
 * Writes RecordStores as CSV (pandas `df.to_csv(index=False)`).
 *
 * - `writeCsv(store)` or `writeCsv(syncChunks)` returns the text (a `string`).
 * - `writeCsv(asyncChunks)` (an async iterable or an async pipeline) returns a `Promise<string>`.
 * - `writeCsv(source, writableStream)` streams UTF-8 bytes into a web `WritableStream`, one
 *   chunk at a time, and resolves when the stream is closed. (File paths: `writeCsv` of `compactly/node`.)
 *
 * @param source - A RecordStore, or chunks of one schema (iterable, async iterable, `Pipeline`).
 * @param sink - Optional web `WritableStream`.
 * @param options - `header` (true), `delimiter` (`,`), `quote` (`"`), `lineTerminator` (`\n`), `naRep`
 *   (`''`), `columns` (a subset, in order).
 * @returns The CSV text, or a Promise of it, or a Promise that resolves when the sink is closed.
 * @throws `TypeError` for a source that is not stores, a vector field, or bad options; {@link ValueError} for
 *   chunks whose fields differ or an unknown column.
 * @remarks RFC 4180 quoting (fields with the delimiter, the quote, CR or LF, and strings that are NA tokens —
 *   `''`, `'NA'`, `'null'`, … — are quoted, so `readCsv` reads them back as text, apart from a missing value); floats as Python's `repr` (`readCsv` reads every
 *   value back bit for bit); missing values (null, NaN) as `naRep`; booleans `True`/`False`; dates
 *   `YYYY-MM-DD`; timestamps `YYYY-MM-DD HH:MM:SS[.fff]` in UTC. Memory: one chunk's text at a time.
 * @example
 * ```ts
 * const text = writeCsv(store);                        // a string
 * await writeCsv(pipeline(readCsv(stream, opts)), out);  // streamed, chunk by chunk
 * ```
 */
export function writeCsv(source: RecordStore<Schema> | Iterable<RecordStore<Schema>>, sink?: undefined, options?: WriteCsvOptions): string;
export function writeCsv(source: AsyncIterable<RecordStore<Schema>>, sink?: undefined, options?: WriteCsvOptions): Promise<string>;
export function writeCsv(source: CsvWritable, sink: CsvSink, options?: WriteCsvOptions): Promise<void>;
export function writeCsv(source: CsvWritable, sink?: CsvSink, options: WriteCsvOptions = {}): string | Promise<string> | Promise<void> {
  if (sink !== undefined) return writeToStream(source, sink, options);
  if (isStore(source) || (isIterable(source) && !isAsyncIterable(source))) return writeSync(source as RecordStore<Schema> | Iterable<RecordStore<Schema>>, options);
  return collect(csvBytes(source, options));
}

function writeSync(source: RecordStore<Schema> | Iterable<RecordStore<Schema>>, options: WriteCsvOptions): string {
  const f = checkOptions(options);
  const dec = new TextDecoder();
  if (isStore(source)) return dec.decode(chunkBytes(source, f, fieldsOf(source, f, undefined, 0), true));
  const parts: string[] = [];
  let fields: readonly string[] | undefined;
  let at = 0;
  for (const chunk of source) {
    const first: boolean = fields === undefined;
    fields = fieldsOf(chunk, f, fields, at++);
    parts.push(dec.decode(chunkBytes(chunk, f, fields, first)));
  }
  if (fields === undefined && f.header && f.columns !== undefined) parts.push(headerLine(f.columns, f));
  return parts.join('');
}

async function collect(pieces: AsyncIterable<Uint8Array>): Promise<string> {
  const dec = new TextDecoder();
  const parts: string[] = [];
  for await (const p of pieces) parts.push(dec.decode(p));
  return parts.join('');
}

async function writeToStream(source: CsvWritable, sink: CsvSink, options: WriteCsvOptions): Promise<void> {
  if (typeof (sink as { getWriter?: unknown }).getWriter !== 'function') throwType(`writeCsv: sink must be a WritableStream, got ${describe(sink)}`);
  const pieces = csvBytes(source, options); // options are checked on the first step, before the stream is touched
  const first = await pieces.next();
  const writer = sink.getWriter();
  try {
    if (!first.done) await writer.write(first.value);
    for await (const p of pieces) await writer.write(p);
    await writer.close();
  } catch (e) {
    await Promise.resolve(writer.abort(e)).catch(() => undefined);
    throw e;
  } finally {
    writer.releaseLock();
  }
}
