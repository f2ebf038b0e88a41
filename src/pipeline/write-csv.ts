/**
 * `writeCsv(storeOrChunks, sink?, options)`: RecordStores out as RFC 4180 CSV with pandas' `to_csv` defaults
 * (no index): missing values as the empty string, floats as Python's `repr` (the shortest text that reads
 * back bit for bit: `3.0`, `1e-05`, `1e+16`, `inf`), booleans `True`/`False`, dates `YYYY-MM-DD`, timestamps
 * `YYYY-MM-DD HH:MM:SS[.fff]` (UTC). Chunks stream through one at a time: memory is one chunk's text.
 *
 * @packageDocumentation
 */
import { describe, throwType, throwValue } from '../errors.js';
import type { RecordStore, Schema } from '../record-store.js';
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

/** A sink for the CSV: a web `WritableStream` of UTF-8 bytes. */
export type CsvSink = WritableStream<Uint8Array>;

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
  if (x !== x) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const e = x.toExponential(); // shortest digits that round-trip, e.g. "1.2345e-7"
  const at = e.indexOf('e');
  const exp = Number(e.slice(at + 1));
  if (exp >= -4 && exp < 16) {
    const s = String(x); // JS uses fixed notation for these exponents too
    return s.includes('.') ? s : `${s}.0`;
  }
  const mant = e.slice(0, at);
  const sign = exp < 0 ? '-' : '+';
  const digits = String(Math.abs(exp)).padStart(2, '0');
  return `${mant}e${sign}${digits}`;
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

function typeOf(spec: unknown): unknown {
  return typeof spec === 'object' && spec !== null && !Array.isArray(spec) ? (spec as { type: unknown }).type : spec;
}

/** One field's values of a chunk as CSV text (quoted where needed). */
function formatColumn(store: RecordStore<Schema>, name: string, f: Format): string[] {
  const n = store.length;
  const spec = typeOf(store.schema[name]);
  if (Array.isArray(spec)) throwType(`writeCsv: field ${describe(name)} is a vector field ([${String(spec[0])}, ${String(spec[1])}]); CSV holds one value per cell (select other fields)`);
  const out = new Array<string>(n);
  const quoteText = (s: string): string => (f.special.test(s) || s === '' ? f.quote + s.split(f.quote).join(f.quote + f.quote) + f.quote : s);
  const isFloat = spec === 'float64' || spec === 'float32' || spec === 'd' || spec === 'f';
  for (let i = 0; i < n; i++) {
    const v = store.getField(i, name);
    if (v === null || v === undefined) out[i] = f.na;
    else if (typeof v === 'number') {
      if (isFloat) out[i] = v !== v ? f.na : pyFloatRepr(v);
      else if (spec === 'date') out[i] = isoDate(v);
      else if (spec === 'timestamp') out[i] = v !== v ? f.na : isoTimestamp(v);
      else out[i] = String(v);
    } else if (typeof v === 'bigint') out[i] = String(v);
    else if (typeof v === 'boolean') out[i] = v ? 'True' : 'False';
    else if (typeof v === 'string') out[i] = quoteText(v);
    else if (v instanceof Date) out[i] = isoTimestamp(v.getTime());
    else out[i] = quoteText(String(v));
  }
  return out;
}

function headerLine(fields: readonly string[], f: Format): string {
  return fields.map((h) => (f.special.test(h) || h === '' ? f.quote + h.split(f.quote).join(f.quote + f.quote) + f.quote : h)).join(f.delimiter) + f.eol;
}

/** The text of one chunk (header first when `first`). */
function chunkText(store: RecordStore<Schema>, f: Format, fields: readonly string[], first: boolean): string {
  const cols = fields.map((name) => formatColumn(store, name, f));
  const n = store.length;
  const lines = new Array<string>(n + 1);
  lines[0] = first && f.header ? headerLine(fields, f) : '';
  const k = cols.length;
  for (let i = 0; i < n; i++) {
    let line = cols[0]![i]!;
    for (let c = 1; c < k; c++) line += f.delimiter + cols[c]![i]!;
    lines[i + 1] = line + f.eol;
  }
  return lines.join('');
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
 * Text pieces of the CSV of `source`, one per chunk (the header in the first): the streaming core of
 * {@link writeCsv}, for sinks of your own.
 * @param source - A RecordStore, or chunks (iterable or async iterable of stores with the same fields).
 * @param options - As {@link writeCsv}.
 * @returns An async iterable of strings (sync sources are walked synchronously inside).
 * @throws As {@link writeCsv}.
 */
export async function* csvPieces(source: CsvWritable, options: WriteCsvOptions = {}): AsyncGenerator<string, void, undefined> {
  const f = checkOptions(options);
  let fields: readonly string[] | undefined;
  let at = 0;
  if (isStore(source)) {
    yield chunkText(source, f, fieldsOf(source, f, undefined, 0), true);
    return;
  }
  if (!isIterable(source) && !isAsyncIterable(source)) throwType(`writeCsv: expected a RecordStore or chunks of them, got ${describe(source)}`);
  for await (const chunk of source as AsyncIterable<RecordStore<Schema>>) {
    const first: boolean = fields === undefined;
    fields = fieldsOf(chunk, f, fields, at++);
    yield chunkText(chunk, f, fields, first);
  }
  if (fields === undefined && f.header && f.columns !== undefined) yield headerLine(f.columns, f);
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
 * @remarks RFC 4180 quoting (fields with the delimiter, the quote, CR or LF, and empty strings, are quoted, so
 *   an empty string and a missing value read back apart); floats as Python's `repr` (`readCsv` reads every
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
  return collect(csvPieces(source, options));
}

function writeSync(source: RecordStore<Schema> | Iterable<RecordStore<Schema>>, options: WriteCsvOptions): string {
  const f = checkOptions(options);
  if (isStore(source)) return chunkText(source, f, fieldsOf(source, f, undefined, 0), true);
  const parts: string[] = [];
  let fields: readonly string[] | undefined;
  let at = 0;
  for (const chunk of source) {
    const first: boolean = fields === undefined;
    fields = fieldsOf(chunk, f, fields, at++);
    parts.push(chunkText(chunk, f, fields, first));
  }
  if (fields === undefined && f.header && f.columns !== undefined) parts.push(headerLine(f.columns, f));
  return parts.join('');
}

async function collect(pieces: AsyncIterable<string>): Promise<string> {
  let s = '';
  for await (const p of pieces) s += p;
  return s;
}

async function writeToStream(source: CsvWritable, sink: CsvSink, options: WriteCsvOptions): Promise<void> {
  if (typeof (sink as { getWriter?: unknown }).getWriter !== 'function') throwType(`writeCsv: sink must be a WritableStream, got ${describe(sink)}`);
  const pieces = csvPieces(source, options); // options are checked on the first step, before the stream is touched
  const first = await pieces.next();
  const writer = (sink as WritableStream<Uint8Array>).getWriter();
  const enc = new TextEncoder();
  try {
    if (!first.done) await writer.write(enc.encode(first.value));
    for await (const p of pieces) await writer.write(enc.encode(p));
    await writer.close();
  } catch (e) {
    await writer.abort(e).catch(() => undefined);
    throw e;
  } finally {
    writer.releaseLock();
  }
}
