/**
 * `readCsv`: RFC 4180 CSV straight into RecordStore chunks (pandas `read_csv(chunksize=)`), in memory that does
 * not grow with the file: numbers are parsed from the text into TypedArray columns, `'category'` fields into
 * per-chunk Categoricals, and each chunk is handed to `RecordStore.fromColumns` (which adopts the arrays).
 *
 * @packageDocumentation
 */
import { Categorical } from '../categorical.js';
import { DTYPES, resolveDType, type DType, type DTypeInfo, type TypedArray } from '../dtype.js';
import { describe, throwType, throwValue, ValueError } from '../errors.js';
import { RecordStore, type Schema } from '../record-store.js';
import { isAsyncIterable, isIterable } from './iter-util.js';
import { parseBigIntField, parseFloatField, parseIntField } from './csv-fields.js';
import { CsvTokenizer, ESCAPED, fieldText, type RowSink } from './csv-tokenizer.js';
import { isReadableStream, streamIterator } from './sources.js';

/** Default rows per chunk of {@link readCsv}. */
export const DEFAULT_CSV_CHUNK_SIZE = 65_536;

/** Options of {@link readCsv}. */
export interface ReadCsvOptions<S extends Schema> {
  /**
   * Field name → dtype / typecode / `'category'` (or `{type, default}`: the default fills a column the file
   * lacks). With a header, fields are matched by name and other columns are ignored; without one, the
   * schema's order is the column order.
   */
  readonly schema: S;
  /** Rows per RecordStore chunk (pandas `chunksize`), an integer ≥ 1; default 65 536. */
  readonly chunkSize?: number;
  /** One-character field separator (default `,`). */
  readonly delimiter?: string;
  /** Whether the first row holds column names (default true). */
  readonly header?: boolean;
  /** One-character quote (default `"`); a quote inside a quoted field is doubled. */
  readonly quote?: string;
  /** A bad row (wrong field count, unparsable or out-of-range number) throws (default) or is skipped and counted. */
  readonly onError?: 'throw' | 'skip';
  /**
   * Reuse each chunk's column memory for the next chunk (default false). A chunk is then valid only until the
   * next one is requested (copy what you keep), and peak memory stays at about two chunks whatever the file
   * size, instead of leaving one dead chunk per step for the garbage collector.
   */
  readonly reuse?: boolean;
}

/** Text pieces readCsv reads: a string, an (async) iterable of strings or UTF-8 bytes, or a web ReadableStream. */
export type CsvSource = string | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array> | ReadableStream<string | Uint8Array>;

/**
 * A bad CSV row or an unterminated quote: a {@link ValueError} (so a `RangeError`) that names the place.
 * `line` is the 1-based physical line where the row starts (the header is line 1); `column` the 1-based field.
 */
export class CsvError extends ValueError {
  /** `'CsvError'`. */
  override name = 'CsvError';
  /** 1-based line where the bad row starts. */
  readonly line: number;
  /** 1-based column (field position in the row). */
  readonly column: number;
  /** The schema field of that column, if any. */
  readonly field: string | undefined;
  /**
   * Makes the error; the message is prefixed with `line L, column C ("field"): `.
   * @param message - what is wrong.
   * @param line - 1-based line.
   * @param column - 1-based column.
   * @param field - the schema field, if known.
   */
  constructor(message: string, line: number, column: number, field?: string) {
    super(`line ${line}, column ${column}${field === undefined ? '' : ` (${JSON.stringify(field)})`}: ${message}`);
    this.line = line;
    this.column = column;
    this.field = field;
  }
}

const F64 = 0;
const F32 = 1;
const INT = 2;
const BIG = 3;
const CAT = 4;

interface FieldPlan {
  readonly name: string;
  readonly kind: number;
  readonly info: DTypeInfo<DType> | null;
  readonly min: number;
  readonly max: number;
  readonly hasDefault: boolean;
  /** CSV column index, or -1 if the file lacks it. */
  csv: number;
}

function planSchema(schema: Schema): FieldPlan[] {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) throwType(`readCsv(): schema must be an object of field types, got ${describe(schema)}`);
  const names = Object.keys(schema);
  if (names.length === 0) throwValue('readCsv(): the schema has no fields');
  return names.map((name) => {
    const spec = schema[name] as unknown;
    const hasDefault = spec !== null && typeof spec === 'object' && !Array.isArray(spec) && 'default' in spec;
    const type = spec !== null && typeof spec === 'object' && !Array.isArray(spec) ? (spec as { type: unknown }).type : spec;
    if (type === 'category') return { name, kind: CAT, info: null, min: 0, max: 0, hasDefault, csv: -1 };
    if (Array.isArray(type)) throwType(`readCsv(): field ${JSON.stringify(name)} is a vector field ${describe(type)}; CSV columns hold one value (use one field per column)`);
    const dt = resolveDType(type as string);
    const info = DTYPES[dt] as DTypeInfo<DType>;
    const kind = dt === 'float64' ? F64 : dt === 'float32' ? F32 : info.bigint ? BIG : INT;
    return { name, kind, info, min: Number(info.min), max: Number(info.max), hasDefault, csv: -1 };
  });
}

function checkOne(x: unknown, what: string, fallback: string): string {
  if (x === undefined) return fallback;
  if (typeof x !== 'string' || x.length !== 1 || x === '\n' || x === '\r') throwValue(`readCsv(): ${what} must be one character (not a newline), got ${describe(x)}`);
  return x;
}

/** Builds RecordStore chunks from tokenized rows. */
class ChunkBuilder implements RowSink {
  readonly #plan: FieldPlan[];
  readonly #schema: Schema;
  readonly #size: number;
  readonly #skip: boolean;
  readonly #reuse: boolean;
  /** With `reuse`: the arrays of the chunk handed out last, taken back for the next full chunk. */
  #spare: (TypedArray | null)[] | null = null;
  #spareCodes: (Int8Array | Int16Array | Int32Array | null)[] = [];
  readonly #quote: string;
  #awaitingHeader: boolean;
  #ncols = -1;
  /** For each CSV column: the plan index, or -1 (ignored). */
  #colMap: Int32Array = new Int32Array(0);
  /** Plan indexes of the numeric fields present in the file, then the category ones. */
  #numeric: number[] = [];
  #cats: number[] = [];
  #cols: (TypedArray | null)[] = [];
  #codes: (Int32Array | null)[] = [];
  #dicts: (Map<string, number> | null)[] = [];
  /** Per category field: character hash → code (or codes, on a collision) of this chunk's categories. */
  #hashes: (Map<number, number | number[]> | null)[] = [];
  #lists: string[][] = [];
  #rows = 0;
  /** Rows the current chunk's arrays hold: starts small and doubles up to chunkSize (small files stay small). */
  #cap = 0;
  readonly ready: RecordStore<Schema>[] = [];
  skipped = 0;
  rowsRead = 0;
  chunks = 0;

  constructor(plan: FieldPlan[], schema: Schema, size: number, header: boolean, skip: boolean, quote: string, reuse: boolean) {
    this.#reuse = reuse;
    this.#plan = plan;
    this.#schema = schema;
    this.#size = size;
    this.#skip = skip;
    this.#quote = quote;
    this.#awaitingHeader = header;
    if (!header) this.#setColumns(plan.map((_, i) => i));
  }

  #setColumns(csvToPlan: number[]): void {
    this.#ncols = csvToPlan.length;
    this.#colMap = Int32Array.from(csvToPlan);
    csvToPlan.forEach((p, c) => {
      if (p >= 0) this.#plan[p]!.csv = c;
    });
    for (let p = 0; p < this.#plan.length; p++) {
      const f = this.#plan[p]!;
      if (f.csv < 0) {
        if (!f.hasDefault) throwValue(`readCsv(): the CSV has no column ${JSON.stringify(f.name)} (and the field has no default)`);
        continue;
      }
      (f.kind === CAT ? this.#cats : this.#numeric).push(p);
    }
    this.#alloc();
  }

  #alloc(): void {
    // The first chunk starts small (a small file stays small); once a chunk has filled, later ones are
    // allocated whole, so a big file makes one set of arrays per chunk and no growth garbage.
    const n = (this.#cap = this.chunks > 0 ? this.#size : Math.min(this.#size, 1024));
    const spare = this.#spare;
    this.#spare = null;
    this.#cols = this.#plan.map((f, p) => {
      if (f.csv < 0 || f.info === null) return null;
      const old = spare?.[p];
      return old != null && old.length === n ? old : f.info.alloc(n);
    });
    this.#codes = this.#plan.map((f, p) => {
      if (f.csv < 0 || f.kind !== CAT) return null;
      const old = this.#codes[p];
      return old != null && old.length >= n ? old : new Int32Array(n);
    });
    this.#dicts = this.#plan.map((f) => (f.kind === CAT ? new Map<string, number>() : null));
    this.#hashes = this.#plan.map((f) => (f.kind === CAT ? new Map<number, number | number[]>() : null));
    this.#lists = this.#plan.map(() => []);
  }

  /** Doubles the current chunk's arrays (up to chunkSize rows). */
  #grow(): void {
    const n = (this.#cap = Math.min(this.#size, this.#cap * 2));
    for (let p = 0; p < this.#plan.length; p++) {
      const a = this.#cols[p];
      if (a != null) {
        const b = this.#plan[p]!.info!.alloc(n);
        (b as Float64Array).set(a as Float64Array);
        this.#cols[p] = b;
      }
      const c = this.#codes[p];
      if (c != null && c.length < n) {
        const d = new Int32Array(n);
        d.set(c);
        this.#codes[p] = d;
      }
    }
  }

  #fail(line: number, column: number, message: string): void {
    const p = column - 1 < this.#colMap.length ? this.#colMap[column - 1]! : -1;
    const err = new CsvError(message, line, column, p >= 0 ? this.#plan[p]!.name : undefined);
    if (!this.#skip) throw err;
    this.skipped++;
  }

  badRow(line: number, column: number, message: string): void {
    this.#fail(line, column, message);
  }

  unterminated(line: number, column: number): never {
    const p = column - 1 < this.#colMap.length ? this.#colMap[column - 1]! : -1;
    throw new CsvError('unterminated quoted field at the end of the input', line, column, p >= 0 ? this.#plan[p]!.name : undefined);
  }

  row(text: string, starts: Int32Array, ends: Int32Array, flags: Uint8Array, n: number, line: number): boolean {
    if (this.#awaitingHeader) {
      this.#awaitingHeader = false;
      const byName = new Map(this.#plan.map((f, i) => [f.name, i]));
      const map: number[] = [];
      for (let c = 0; c < n; c++) {
        const name = fieldText(text, starts[c]!, ends[c]!, flags[c]!, this.#quote);
        const p = byName.get(name);
        map.push(p === undefined ? -1 : p);
        if (p !== undefined) byName.delete(name); // a repeated name: the first column wins
      }
      this.#setColumns(map);
      return true;
    }
    if (n !== this.#ncols) {
      this.#fail(line, n > this.#ncols ? this.#ncols + 1 : n + 1, `expected ${this.#ncols} fields, saw ${n}`);
      return true;
    }
    if (this.#rows === this.#cap) this.#grow();
    const r = this.#rows;
    const plan = this.#plan;
    const cols = this.#cols;
    const numeric = this.#numeric;
    for (let k = 0; k < numeric.length; k++) {
      const p = numeric[k]!;
      const f = plan[p]!;
      const c = f.csv;
      const s = starts[c]!;
      const e = ends[c]!;
      const kind = f.kind;
      if (kind === F64 || kind === F32) {
        const v = parseFloatField(text, s, e);
        if (v === undefined) return this.#bad(text, s, e, flags[c]!, line, c, f);
        (cols[p] as Float64Array)[r] = v;
      } else if (kind === INT) {
        const v = parseIntField(text, s, e);
        if (v === undefined || v < f.min || v > f.max) return this.#bad(text, s, e, flags[c]!, line, c, f, v !== undefined);
        (cols[p] as Int32Array)[r] = v;
      } else {
        const v = parseBigIntField(text, s, e);
        if (v === undefined || v < (f.info!.min as bigint) || v > (f.info!.max as bigint)) return this.#bad(text, s, e, flags[c]!, line, c, f, v !== undefined);
        (cols[p] as BigInt64Array)[r] = v;
      }
    }
    const cats = this.#cats;
    for (let k = 0; k < cats.length; k++) {
      const p = cats[k]!;
      const c = plan[p]!.csv;
      const codes = this.#codes[p]!;
      const s = starts[c]!;
      const e = ends[c]!;
      if (s === e) {
        codes[r] = -1;
        continue;
      }
      codes[r] = flags[c]! & ESCAPED ? this.#codeOfString(p, fieldText(text, s, e, flags[c]!, this.#quote)) : this.#codeOfRange(p, text, s, e);
    }
    this.rowsRead++;
    if (++this.#rows === this.#size) {
      this.flush();
      return false;
    }
    return true;
  }

  /**
   * The category code of `text[s..e)`, found without making a string: a hash of the characters picks
   * candidates, compared in place with `startsWith`. Only a value not seen in this chunk is sliced out.
   */
  #codeOfRange(p: number, text: string, s: number, e: number): number {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const byHash = this.#hashes[p]!;
    const list = this.#lists[p]!;
    const len = e - s;
    const hit = byHash.get(h);
    if (hit !== undefined) {
      if (typeof hit === 'number') {
        const v = list[hit]!;
        if (v.length === len && text.startsWith(v, s)) return hit;
      } else {
        for (let k = 0; k < hit.length; k++) {
          const v = list[hit[k]!]!;
          if (v.length === len && text.startsWith(v, s)) return hit[k]!;
        }
      }
    }
    const code = this.#codeOfString(p, text.slice(s, e));
    if (hit === undefined) byHash.set(h, code);
    else if (typeof hit === 'number') byHash.set(h, [hit, code]);
    else hit.push(code);
    return code;
  }

  /** The category code of `v`, adding it as a new category of this chunk if unseen. */
  #codeOfString(p: number, v: string): number {
    const dict = this.#dicts[p]!;
    let code = dict.get(v);
    if (code === undefined) {
      code = dict.size;
      dict.set(v, code);
      this.#lists[p]!.push(v);
    }
    return code;
  }

  #bad(text: string, s: number, e: number, flags: number, line: number, c: number, f: FieldPlan, range = false): true {
    const raw = fieldText(text, s, e, flags, this.#quote);
    const dt = f.info!.dtype;
    this.#fail(line, c + 1, range ? `${dt} value ${raw} out of range [${String(f.info!.min)}, ${String(f.info!.max)}]` : `cannot parse ${JSON.stringify(raw)} as ${dt}`);
    return true;
  }

  /** Hands the rows built so far to a new RecordStore chunk. */
  flush(): void {
    const n = this.#rows;
    const out: Record<string, TypedArray | Categorical<string>> = {};
    for (let p = 0; p < this.#plan.length; p++) {
      const f = this.#plan[p]!;
      if (f.csv < 0) continue;
      if (f.kind === CAT) {
        const codes = this.#codes[p]!;
        const k = this.#lists[p]!.length;
        const Ctor = k <= 127 ? Int8Array : k <= 32767 ? Int16Array : Int32Array;
        const old = this.#reuse ? this.#spareCodes[p] : null;
        const narrow = old != null && old.constructor === Ctor && old.length === n ? old : new Ctor(n);
        if (this.#reuse) this.#spareCodes[p] = narrow;
        narrow.set(codes.subarray(0, n));
        out[f.name] = Categorical.fromCodes(narrow, this.#lists[p]!) as Categorical<string>;
      } else {
        const a = this.#cols[p]!;
        out[f.name] = n === a.length ? a : (a.slice(0, n) as TypedArray);
      }
    }
    this.ready.push(RecordStore.fromColumns(out, this.#schema) as RecordStore<Schema>);
    if (this.#reuse && n === this.#size) this.#spare = this.#cols;
    this.chunks++;
    this.#rows = 0;
    this.#alloc();
  }

  /** End of input: the last partial chunk (or, as pandas, one empty chunk for a file with no rows). */
  finish(): void {
    if (this.#awaitingHeader) return;
    if (this.#rows > 0 || this.chunks === 0) this.flush();
  }
}

/**
 * Reads CSV into RecordStore chunks: iterate it with `for await`, or wrap it: `pipeline(reader)` (an
 * AsyncPipeline of chunks). `skippedRows` counts rows dropped by `onError: 'skip'`.
 */
export class CsvReader<S extends Schema> implements AsyncIterable<RecordStore<S>> {
  readonly #source: CsvSource;
  readonly #opts: Required<Omit<ReadCsvOptions<S>, 'schema'>> & { schema: S };
  #builder: ChunkBuilder | null = null;

  /** @internal Use {@link readCsv}. */
  constructor(source: CsvSource, opts: Required<Omit<ReadCsvOptions<S>, 'schema'>> & { schema: S }) {
    this.#source = source;
    this.#opts = opts;
  }

  /** Rows skipped so far by `onError: 'skip'` (0 under `'throw'`). */
  get skippedRows(): number {
    return this.#builder?.skipped ?? 0;
  }

  /** Data rows read into chunks so far. */
  get rowsRead(): number {
    return this.#builder?.rowsRead ?? 0;
  }

  #start(): { tok: CsvTokenizer; b: ChunkBuilder } {
    const o = this.#opts;
    const b = new ChunkBuilder(planSchema(o.schema), o.schema, o.chunkSize, o.header, o.onError === 'skip', o.quote, o.reuse);
    this.#builder = b;
    return { tok: new CsvTokenizer(o.delimiter, o.quote, b), b };
  }

  /** @internal Chunks from a string source, synchronously. */
  protected *fromString(text: string): Generator<RecordStore<S>, void, undefined> {
    const { tok, b } = this.#start();
    tok.push(text);
    tok.end();
    for (;;) {
      const paused = tok.scan();
      if (!paused) b.finish();
      while (b.ready.length > 0) yield b.ready.shift() as unknown as RecordStore<S>;
      if (!paused) return;
    }
  }

  /** Iterates the chunks; an early `break` closes the source (a stream is cancelled, a file closed). */
  async *[Symbol.asyncIterator](): AsyncIterator<RecordStore<S>> {
    const src = this.#source;
    if (typeof src === 'string') {
      yield* this.fromString(src);
      return;
    }
    const { tok, b } = this.#start();
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const it: AsyncIterator<string | Uint8Array> | Iterator<string | Uint8Array> = isReadableStream(src)
      ? streamIterator(src)
      : isIterable(src)
        ? src[Symbol.iterator]()
        : (src as AsyncIterable<string | Uint8Array>)[Symbol.asyncIterator]();
    let done = false;
    try {
      for (;;) {
        const r = await it.next();
        if (r.done) {
          done = true;
          tok.push(decoder.decode());
          tok.end();
        } else if (typeof r.value === 'string') tok.push(r.value);
        else if (r.value instanceof Uint8Array) tok.push(decodePiece(decoder, r.value, b.rowsRead));
        else throwType(`readCsv(): the source yielded ${describe(r.value)}; expected strings or Uint8Arrays`);
        for (;;) {
          const paused = tok.scan();
          if (!paused && done) b.finish();
          while (b.ready.length > 0) yield b.ready.shift() as unknown as RecordStore<S>;
          if (!paused) break;
        }
        if (done) return;
      }
    } finally {
      if (!done && typeof it.return === 'function') await it.return();
    }
  }
}

/** A {@link CsvReader} over CSV text: also iterable synchronously (`for…of`, and `pipeline(reader)` is sync). */
export class CsvTextReader<S extends Schema> extends CsvReader<S> implements Iterable<RecordStore<S>> {
  readonly #text: string;

  /** @internal Use {@link readCsv}. */
  constructor(text: string, opts: Required<Omit<ReadCsvOptions<S>, 'schema'>> & { schema: S }) {
    super(text, opts);
    this.#text = text;
  }

  /** Iterates the chunks synchronously. */
  [Symbol.iterator](): Iterator<RecordStore<S>> {
    return this.fromString(this.#text);
  }
}

function decodePiece(decoder: TextDecoder, bytes: Uint8Array, rows: number): string {
  try {
    return decoder.decode(bytes, { stream: true });
  } catch {
    throwValue(`readCsv(): invalid UTF-8 after data row ${rows}`);
  }
}

/**
 * Reads CSV text into RecordStore chunks of `chunkSize` rows (pandas `read_csv(chunksize=)`), in memory
 * independent of the input's size.
 *
 * @param source - CSV text, an (async) iterable of text or UTF-8 byte pieces, or a web ReadableStream. Pieces
 *   may split rows, quoted fields and multi-byte characters anywhere. (`compactly/node` adds file paths.)
 * @param options - `schema` (required), `chunkSize`, `delimiter`, `header`, `quote`, `onError`, `reuse`.
 * @returns a {@link CsvReader}: `for await (const chunk of reader)`; each chunk is a new RecordStore.
 * @throws {@link ValueError} eagerly for a bad `chunkSize`, delimiter or quote, or schema; `TypeError` for a
 *   vector field or a non-source. While reading: {@link CsvError} (a ValueError) naming line and column for a
 *   wrong field count, an unparsable number, an out-of-range integer (unless `onError: 'skip'`), and always
 *   for an unterminated quote at the end.
 * @remarks RFC 4180: quoted fields with `""` escapes, delimiters and newlines in quotes, CRLF/LF/CR, a
 * leading BOM; blank lines are skipped. Floats: empty and NA tokens (`NA`, `NaN`, `null`, …) read as NaN;
 * an empty integer is an error. A category's empty field is missing (`null`). Each chunk's categories are
 * its own (first-seen order), as pandas infers per chunk. Rows allocate nothing: numbers are parsed in place,
 * and a category value is matched in place against the chunk's categories (only a new one is sliced out).
 * @example
 * ```ts
 * const csv = 'city,temp\nOslo,3.5\nRome,18\n';
 * for (const chunk of readCsv(csv, { schema: { city: 'category', temp: 'float64' } })) {
 *   chunk.column('temp'); // Float64Array [3.5, 18]
 * }
 * ```
 */
export function readCsv<S extends Schema>(source: string, options: ReadCsvOptions<S>): CsvTextReader<S>;
export function readCsv<S extends Schema>(source: CsvSource, options: ReadCsvOptions<S>): CsvReader<S>;
export function readCsv<S extends Schema>(source: CsvSource, options: ReadCsvOptions<S>): CsvReader<S> {
  if (options === null || typeof options !== 'object') throwType('readCsv(): options with a schema are required');
  const cs = options.chunkSize ?? DEFAULT_CSV_CHUNK_SIZE;
  if (typeof cs !== 'number' || !Number.isInteger(cs) || cs < 1) throwValue(`readCsv(): 'chunksize' must be an integer >= 1, got ${String(cs)}`);
  const delimiter = checkOne(options.delimiter, 'delimiter', ',');
  const quote = checkOne(options.quote, 'quote', '"');
  if (delimiter === quote) throwValue('readCsv(): delimiter and quote must differ');
  const onError = options.onError ?? 'throw';
  if (onError !== 'throw' && onError !== 'skip') throwValue(`readCsv(): onError must be 'throw' or 'skip', got ${describe(onError)}`);
  planSchema(options.schema);
  if (typeof source !== 'string' && !isIterable(source) && !isAsyncIterable(source) && !isReadableStream(source)) {
    throwType(`readCsv(): source must be a string, an (async) iterable of text/bytes or a ReadableStream, got ${describe(source)}`);
  }
  const opts = { schema: options.schema, chunkSize: cs, delimiter, quote, header: options.header ?? true, onError, reuse: options.reuse === true };
  return typeof source === 'string' ? new CsvTextReader<S>(source, opts) : new CsvReader<S>(source, opts);
}
