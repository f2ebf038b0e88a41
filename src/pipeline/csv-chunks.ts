/**
 * Builds RecordStore chunks of `chunkSize` rows, either from tokenized batches (the serial reader: rows are
 * converted straight into the chunk's arrays) or from converted blocks (the parallel reader: a worker's block
 * columns are copied in and its category codes remapped to the chunk's first-seen order). Both give the same
 * chunks: same rows, same dtypes, same categories in the same order.
 *
 * @internal
 * @packageDocumentation
 */
import { Categorical } from '../categorical.js';
import type { TypedArray } from '../dtype.js';
import { RecordStore, Utf8Column, type NullableColumn, type Schema } from '../record-store.js';
import { fieldString } from './csv-bytes.js';
import { growBytes, newBitmap } from './csv-columns.js';
import { BlockConverter, CAT, newUtf8Target, UTF8, type ColumnTarget, type FieldPlan, type RowError, type Utf8Target } from './csv-block.js';
import { CategoryEncoder, codePointOrder } from './csv-categories.js';
import { CsvError } from './csv-error.js';
import { mangleHeader } from './csv-sample.js';
import { handOver } from './store-source.js';
import type { TokenBatch, TokenFatal } from './csv-tokenizer.js';

/**
 * @internal A block converted by a worker: per plan index, a column (numbers, bool, date, timestamp), codes +
 * values (categories) or offsets + bytes (utf8), and validity bitmaps (nullable fields with a null).
 */
export interface ConvertedBlock {
  readonly n: number;
  readonly cols: (TypedArray | null)[];
  readonly codes: (Int32Array | null)[];
  readonly values: (string[] | null)[];
  readonly utf8: (Utf8Target | null)[];
  readonly valid: (Uint8Array | null)[];
}

/** @internal The chunk builder. */
export class ChunkBuilder {
  readonly conv: BlockConverter;
  readonly #plan: FieldPlan[];
  readonly #schema: Schema;
  readonly #size: number;
  readonly #reuse: boolean;
  readonly #quote: number;
  #awaitingHeader: boolean;
  /** With `reuse`: the arrays of the chunk handed out last, taken back for the next full chunk. */
  #spare: (TypedArray | null)[] | null = null;
  #spareCodes: (Int8Array | Int16Array | Int32Array | null)[] = [];
  readonly #t: ColumnTarget = { cols: [], codes: [], enc: [], utf8: [], valid: [], cap: 0 };
  /** Text bytes of the last chunk, per utf8 field: the next chunk's first allocation. */
  #textBytes: number[] = [];
  /** Parallel mode: per category field, value → chunk code, and the chunk's values. */
  #byValue: (Map<string, number> | null)[] = [];
  #lists: (string[] | null)[] = [];
  /** Whole-store mode, converted blocks: per category field, the store's codes (see {@link ChunkBuilder.#wholeCodes}). */
  #narrow: (Int8Array | Int16Array | Int32Array | null)[] = [];
  #rows = 0;
  #batch: TokenBatch | null = null;
  #r = 0;
  #error: RowError | null = null;
  /** Rows the current chunk's arrays hold: starts small and doubles up to chunkSize (small files stay small). */
  #cap = 0;
  /** Whole-store mode (readCsvStore): the input's bytes (0 if unknown), else -1. */
  readonly #wholeBytes: number;
  /** Whole-store mode: data rows per input byte so far (sizes the arrays once), 0 until known. */
  #rowsPerByte = 0;
  readonly ready: RecordStore<Schema>[] = [];
  rowsRead = 0;
  chunks = 0;

  /** Header name (as pandas makes it: `a.1`, `Unnamed: N`) → field name (`rename`), or null. */
  readonly #rename: Readonly<Record<string, string>> | null;

  /**
   * @param wholeBytes - given (readCsvStore): one store of every row, its arrays sized from the rows per byte
   *   seen and this input size in bytes (0 if unknown), its categories sorted in code-point order.
   */
  constructor(
    plan: FieldPlan[],
    schema: Schema,
    size: number,
    header: boolean,
    skip: boolean,
    quote: number,
    reuse: boolean,
    rename: Readonly<Record<string, string>> | null = null,
    wholeBytes?: number,
  ) {
    this.#rename = rename;
    this.#plan = plan;
    this.#schema = schema;
    this.#wholeBytes = wholeBytes ?? -1;
    this.#size = wholeBytes === undefined ? size : MAX_WHOLE_ROWS;
    this.#reuse = reuse;
    this.#quote = quote;
    this.conv = new BlockConverter(plan, quote, skip);
    this.#awaitingHeader = header;
    if (!header) this.setColumns(plan.map((_, i) => i));
  }

  /** Rows skipped by `onError: 'skip'`. */
  get skipped(): number {
    return this.conv.skipped;
  }

  /** True until the header row has been read (with `header: true`). */
  get awaitingHeader(): boolean {
    return this.#awaitingHeader;
  }

  /** Fixes the column layout and allocates the first chunk. */
  setColumns(csvToPlan: readonly number[]): void {
    this.#awaitingHeader = false;
    this.conv.setColumns(csvToPlan);
    this.#alloc();
  }

  /**
   * Reads the header from row `r` of `batch` (fields matched by name; a repeated name: the first column wins).
   * A malformed header throws even under `onError: 'skip'`: skipping it would make the next row the header.
   */
  header(batch: TokenBatch, r: number): void {
    const col = batch.badRows.get(r);
    if (col !== undefined) throw new CsvError('unexpected character after a closing quote in the header', batch.rowLine[r]!, col);
    const byName = new Map(this.#plan.map((f, i) => [f.name, i]));
    const map: number[] = [];
    const raw: string[] = [];
    for (let fi = batch.rowStart[r]!; fi < batch.rowStart[r + 1]!; fi++) raw.push(fieldString(batch.bytes, batch.starts[fi]!, batch.ends[fi]!, batch.flags[fi]!, this.#quote));
    const rename = this.#rename;
    for (const h of mangleHeader(raw)) {
      const name = rename !== null && Object.hasOwn(rename, h) ? rename[h]! : h;
      const p = byName.get(name);
      map.push(p === undefined ? -1 : p);
      if (p !== undefined) byName.delete(name);
    }
    this.setColumns(map);
  }

  #alloc(): void {
    // The first chunk starts small (a small file stays small); once a chunk has filled, later ones are
    // allocated whole, so a big file makes one set of arrays per chunk and no growth garbage. (A whole-store
    // reading has one chunk: its arrays grow to the input's estimated rows, never to the 2^31-row bound.)
    const n = (this.#cap = this.chunks > 0 && this.#wholeBytes < 0 ? this.#size : Math.min(this.#size, 1024));
    const spare = this.#spare;
    this.#spare = null;
    const t = this.#t;
    t.cols = this.#plan.map((f, p) => {
      if (f.csv < 0 || f.info === null) return null;
      const old = spare?.[p];
      return old != null && old.length === n ? old : f.info.alloc(n);
    });
    t.codes = this.#plan.map((f, p) => {
      if (f.csv < 0 || f.kind !== CAT) return null;
      const old = t.codes[p];
      return old != null && old.length >= n ? old : new Int32Array(n);
    });
    t.enc = this.#plan.map((f, p) => {
      if (f.kind !== CAT) return null;
      const e = t.enc[p] ?? new CategoryEncoder(f.na);
      e.reset();
      return e;
    });
    t.utf8 = this.#plan.map((f, p) => (f.csv < 0 || f.kind !== UTF8 ? null : newUtf8Target(n, this.#textBytes[p] ?? 8 * n)));
    t.valid = this.#plan.map(() => null);
    t.cap = n;
    this.#byValue = this.#plan.map((f) => (f.kind === CAT ? new Map() : null));
    this.#lists = this.#plan.map((f) => (f.kind === CAT ? [] : null));
  }

  /**
   * Whole-store mode: `offset` input bytes hold the rows read so far plus `rows` more (a batch or a block about to
   * be added), which estimates the rows of the whole input.
   */
  progress(offset: number, rows: number): void {
    if (this.#wholeBytes > 0 && offset > 0) this.#rowsPerByte = (this.rowsRead + rows) / offset;
  }

  /**
   * Grows the current chunk's arrays until `need` rows fit: doubling up to chunkSize; in whole-store mode, to
   * the estimated rows of the whole input at once (+1%), so a file is copied into its columns once.
   */
  #grow(need: number): void {
    let n = this.#cap;
    if (this.#wholeBytes >= 0) {
      const est = Math.ceil(this.#rowsPerByte * this.#wholeBytes * 1.01) + 1024;
      n = Math.min(this.#size, est >= need ? est : Math.max(need, n + (n >> 1)));
    } else while (n < need) n = Math.min(this.#size, n * 2);
    this.#cap = n;
    const t = this.#t;
    for (let p = 0; p < this.#plan.length; p++) {
      const a = t.cols[p];
      if (a != null) {
        const b = this.#plan[p]!.info!.alloc(n);
        (b as Float64Array).set(a as Float64Array);
        t.cols[p] = b;
      }
      const c = t.codes[p];
      if (c != null && c.length < n && this.#wholeBytes < 0) {
        const d = new Int32Array(n);
        d.set(c);
        t.codes[p] = d;
      }
      const u = t.utf8[p];
      if (u != null) {
        const o = new Int32Array(n + 1);
        o.set(u.offsets.subarray(0, this.#rows + 1));
        u.offsets = o;
      }
      const bm = t.valid[p];
      if (bm != null) {
        const g = new Uint8Array((n + 7) >>> 3);
        g.set(bm);
        t.valid[p] = g;
      }
    }
    t.cap = n;
  }

  /** Starts converting `batch` (after the header, if one is awaited); continue with {@link step}. */
  begin(batch: TokenBatch): void {
    this.#batch = batch;
    this.#r = 0;
    if (this.#awaitingHeader && batch.nrows > 0) this.header(batch, this.#r++);
  }

  /**
   * Converts rows of the batch until a chunk fills (so a `reuse` chunk is handed out before its memory is
   * refilled) or the batch ends. Returns true when the batch is done; throws the first bad row (under
   * `onError: 'throw'`) once the chunks before it are in `ready` and handed out.
   */
  step(): boolean {
    const batch = this.#batch!;
    const conv = this.conv;
    if (this.#error !== null) {
      const e = this.#error;
      this.#error = null;
      throw new CsvError(e.message, e.line, e.column, e.field);
    }
    while (this.#r < batch.nrows) {
      const r = this.#r;
      const take = Math.min(this.#size - this.#rows, batch.nrows - r);
      if (this.#rows + take > this.#cap) this.#grow(this.#rows + take);
      const whole = this.#wholeBytes >= 0;
      if (whole) this.#scratchCodes(take);
      const wrote = conv.convert(batch, r, r + take, this.#t, this.#rows, whole ? 0 : this.#rows);
      if (whole && wrote > 0) this.#narrowCodes(this.#rows, wrote);
      this.#rows += wrote;
      this.rowsRead += wrote;
      this.#r = r + take;
      if (conv.error !== null) {
        this.#error = conv.error;
        this.#r = batch.nrows;
        return false;
      }
      if (this.#rows === this.#size) {
        this.flush();
        return this.#r >= batch.nrows;
      }
    }
    return true;
  }

  /** Copies rows `[from, to)` of a converted block into chunks. */
  addBlock(block: ConvertedBlock, from: number, to: number): void {
    const plan = this.#plan;
    const t = this.#t;
    while (from < to) {
      const m = Math.min(this.#size - this.#rows, to - from);
      if (this.#rows + m > this.#cap) this.#grow(this.#rows + m);
      const at = this.#rows;
      for (let p = 0; p < plan.length; p++) {
        const src = block.cols[p];
        if (src != null) (t.cols[p] as Float64Array).set((src as Float64Array).subarray(from, from + m), at);
        const codes = block.codes[p];
        if (codes != null) {
          if (this.#wholeBytes >= 0) this.#wholeCodes(p, codes, block.values[p]!, from, from + m, at);
          else remapCodes(codes, block.values[p]!, from, from + m, t.codes[p]!, at, this.#byValue[p]!, this.#lists[p]!);
        }
        const u = block.utf8[p];
        if (u != null) appendText(u, from, from + m, t.utf8[p]!, at);
        const bm = block.valid[p];
        if (bm != null) t.valid[p] = copyBits(bm, from, from + m, t.valid[p] ?? newBitmap(t.cap, at), at);
        else if (t.valid[p] != null) copyBits(null, from, from + m, t.valid[p]!, at);
      }
      this.#rows += m;
      this.rowsRead += m;
      from += m;
      if (this.#rows === this.#size) this.flush();
    }
  }

  /**
   * Whole-store mode: the store's codes of category field `p` for `k` values so far, with room for rows up to
   * `end`, in the width the flush picks (Int8Array up to 127 values, Int16Array up to 32767, else Int32Array;
   * widened as values are added). Against Int32 codes for every row narrowed at the flush, 3M rows of three
   * category fields write 36 MB less fresh memory (each first write to a page is a page fault: 2.7 ms/MB on the
   * benchmarks' VM).
   */
  #narrowTo(p: number, k: number, at: number, end: number): Int8Array | Int16Array | Int32Array {
    const Ctor = k <= 127 ? Int8Array : k <= 32767 ? Int16Array : Int32Array;
    let out = this.#narrow[p] ?? null;
    if (out === null || out.constructor !== Ctor || out.length < end) {
      const wider = new Ctor(Math.max(this.#cap, end));
      if (out !== null) wider.set(out.subarray(0, at));
      this.#narrow[p] = out = wider;
    }
    return out;
  }

  /** Whole-store mode, serial: the category codes of `m` rows just converted (into scratch, from 0) narrowed into the store's from row `at`. */
  #narrowCodes(at: number, m: number): void {
    const t = this.#t;
    for (const p of this.conv.cats) this.#narrowTo(p, t.enc[p]!.values.length, at, at + m).set(t.codes[p]!.subarray(0, m), at);
  }

  /** Whole-store mode, serial: scratch codes for `m` rows per category field. */
  #scratchCodes(m: number): void {
    const t = this.#t;
    for (const p of this.conv.cats) if (t.codes[p]!.length < m) t.codes[p] = new Int32Array(m);
  }

  /**
   * Whole-store mode, rows `[from, to)` of a converted block (all the rows whose values `values` lists): its codes
   * written as the store's (see {@link ChunkBuilder.#narrowTo}). The store's first-seen order is kept, though
   * the flush sorts it: the block lists its values in first-seen order, and blocks come in file order.
   */
  #wholeCodes(p: number, codes: Int32Array, values: readonly string[], from: number, to: number, at: number): void {
    const byValue = this.#byValue[p]!;
    const list = this.#lists[p]!;
    const table = new Int32Array(values.length + 1);
    table[0] = -1;
    for (let j = 0; j < values.length; j++) table[j + 1] = chunkCode(values[j]!, byValue, list);
    recodeRange(codes, table, from, to, this.#narrowTo(p, list.length, at, at + to - from), at);
  }

  /** Hands the rows built so far to a new RecordStore chunk (`last`: at the end of the input). */
  flush(last = false): void {
    const n = this.#rows;
    const t = this.#t;
    const out: Record<string, TypedArray | Categorical<string> | Utf8Column | NullableColumn> = {};
    for (let p = 0; p < this.#plan.length; p++) {
      const f = this.#plan[p]!;
      if (f.csv < 0) continue;
      if (f.kind === CAT) {
        const codes = t.codes[p]!;
        const lists = this.#lists[p]!;
        let values = lists.length > 0 ? lists : t.enc[p]!.values;
        const order = this.#wholeBytes >= 0 ? codePointOrder(values) : null;
        const whole = this.#narrow[p] ?? null;
        if (whole !== null) {
          // The store's codes, already this width: sorted in place, kept whole or as a view (as columns are).
          if (order !== null) {
            recodeInPlace(whole, sortTable(order), n);
            values = Array.from(order, (j) => values[j]!);
          }
          this.#narrow[p] = null;
          const exact = n === whole.length ? whole : whole.length - n <= whole.length >> 4 ? whole.subarray(0, n) : whole.slice(0, n);
          out[f.name] = Categorical.fromCodesUnchecked(exact, values) as Categorical<string>;
          continue;
        }
        const k = values.length;
        const Ctor = k <= 127 ? Int8Array : k <= 32767 ? Int16Array : Int32Array;
        const old = this.#reuse ? this.#spareCodes[p] : null;
        const narrow = old != null && old.constructor === Ctor && old.length === n ? old : new Ctor(n);
        if (this.#reuse) this.#spareCodes[p] = narrow;
        if (order !== null) {
          // Whole-store mode: categories sorted as pandas sorts a file's, the codes recoded as they are narrowed.
          recodeRange(codes, sortTable(order), 0, n, narrow, 0);
          values = Array.from(order, (j) => values[j]!);
        } else narrow.set(codes.subarray(0, n));
        // The codes are the encoder's (or a table's), in range by construction: not scanned again.
        out[f.name] = Categorical.fromCodesUnchecked(narrow, values) as Categorical<string>;
      } else if (f.kind === UTF8) {
        const u = t.utf8[p]!;
        const used = u.offsets[n]!;
        this.#textBytes[p] = used + (used >>> 3);
        const offsets = u.offsets.length === n + 1 ? u.offsets : u.offsets.slice(0, n + 1);
        out[f.name] = new Utf8Column(offsets, used === u.bytes.length ? u.bytes : u.bytes.slice(0, used), exactBitmap(t.valid[p] ?? null, n));
      } else {
        const a = t.cols[p]!;
        // Whole-store mode sized the arrays from an estimate: a small overshoot is kept (a view), not copied.
        const values = n === a.length ? a : ((this.#wholeBytes >= 0 && a.length - n <= a.length >> 4 ? a.subarray(0, n) : a.slice(0, n)) as TypedArray);
        const bm = exactBitmap(t.valid[p] ?? null, n);
        out[f.name] = bm === null ? values : { values, validity: bm };
      }
    }
    const store = storeOf(out, this.#schema, n);
    // A chunk whose memory is never reused is the consumer's alone: toStore may hold it without a copy.
    this.ready.push(this.#reuse ? store : handOver(store));
    if (this.#reuse && n === this.#size) this.#spare = t.cols;
    this.chunks++;
    this.#rows = 0;
    // The last chunk (a whole store's only one) needs no arrays after it: a whole store's would be
    // MAX_WHOLE_ROWS long.
    if (!last) this.#alloc();
  }

  /** End of input: the last partial chunk (or, as pandas, one empty chunk for a file with no rows). */
  finish(): void {
    if (this.#awaitingHeader) return;
    if (this.#rows > 0 || this.chunks === 0) this.flush(true);
  }

  /** The error for a fatal tokenizer error (named with its schema field). */
  fatalError(f: TokenFatal, lineOffset = 0): CsvError {
    return new CsvError(f.message, f.line + lineOffset, f.column, this.#awaitingHeader ? undefined : this.conv.fieldOf(f.column));
  }
}

/** Rows of a whole-store reading (readCsvStore): the longest TypedArray column a store can hold. */
const MAX_WHOLE_ROWS = 2 ** 31 - 1;

/**
 * Remaps block codes `[from, to)` to chunk codes (first-seen order in the chunk), writing `out` from `at`, in one
 * pass: a block code's chunk code is looked up (the value added to the chunk's list if new) the first time it
 * occurs in the rows, so the order is the serial reader's; every later row is a table load.
 */
function remapCodes(codes: Int32Array, values: string[], from: number, to: number, out: Int32Array, at: number, byValue: Map<string, number>, list: string[]): void {
  const map = new Int32Array(values.length + 1).fill(UNMAPPED);
  map[0] = -1;
  for (let i = from; i < to; i++) {
    const c = codes[i]! + 1;
    let m = map[c]!;
    if (m === UNMAPPED) m = map[c] = chunkCode(values[c - 1]!, byValue, list);
    out[at++] = m;
  }
}

/** A block code not yet mapped. */
const UNMAPPED = -2;

/** The chunk code of `v` (added to the chunk's values if new). */
function chunkCode(v: string, byValue: Map<string, number>, list: string[]): number {
  let m = byValue.get(v);
  if (m === undefined) {
    m = list.length;
    list.push(v);
    byValue.set(v, m);
  }
  return m;
}

/** The recode table of a sort: `table[old + 1]` is the new code of old code `old` (`order[new]` = old), -1 kept. */
function sortTable(order: Int32Array): Int32Array {
  const table = new Int32Array(order.length + 1);
  table[0] = -1;
  for (let j = 0; j < order.length; j++) table[order[j]! + 1] = j;
  return table;
}

/** `out[at + i - from] = table[codes[i] + 1]` for `i` in `[from, to)` (a recode and a narrowing in one pass). */
function recodeRange(codes: Int32Array, table: Int32Array, from: number, to: number, out: Int8Array | Int16Array | Int32Array, at: number): void {
  for (let i = from; i < to; i++) out[at++] = table[codes[i]! + 1]!;
}

/** `a[i] = table[a[i] + 1]` for the first `n` codes. */
function recodeInPlace(a: Int8Array | Int16Array | Int32Array, table: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) a[i] = table[a[i]! + 1]!;
}

/** The first `n` rows' bits of `bm` (a copy when `bm` is longer; the bits past `n` cleared), or null. */
function exactBitmap(bm: Uint8Array | null, n: number): Uint8Array | null {
  if (bm === null) return null;
  const nb = (n + 7) >>> 3;
  const out = bm.length === nb ? bm : bm.slice(0, nb);
  if ((n & 7) !== 0) out[nb - 1] = out[nb - 1]! & ((1 << (n & 7)) - 1);
  return out;
}

/** Copies the validity of rows `[from, to)` of `src` (null: all valid) into `dst` from row `at`; returns `dst`. */
function copyBits(src: Uint8Array | null, from: number, to: number, dst: Uint8Array, at: number): Uint8Array {
  for (let i = from; i < to; i++, at++) {
    if (src === null || (src[i >>> 3]! & (1 << (i & 7))) !== 0) dst[at >>> 3] = dst[at >>> 3]! | (1 << (at & 7));
    else dst[at >>> 3] = dst[at >>> 3]! & ~(1 << (at & 7));
  }
  return dst;
}

/** Appends the text of rows `[from, to)` of `src` to `dst` (whose rows `< at` are filled). */
function appendText(src: Utf8Target, from: number, to: number, dst: Utf8Target, at: number): void {
  const so = src.offsets;
  const a = so[from]!;
  const len = so[to]! - a;
  const pos = dst.offsets[at]!;
  if (pos + len > dst.bytes.length) dst.bytes = growBytes(dst.bytes, pos, pos + len);
  dst.bytes.set(src.bytes.subarray(a, a + len), pos);
  const shift = pos - a;
  const d = dst.offsets;
  for (let i = from; i < to; i++) d[at + i - from + 1] = so[i + 1]! + shift;
}

/**
 * The chunk's store. When no schema field is in the file (all have defaults), there is no column to give
 * fromColumns the length: the store is `n` rows of defaults (issue 19).
 */
function storeOf(out: Record<string, TypedArray | Categorical<string> | Utf8Column | NullableColumn>, schema: Schema, n: number): RecordStore<Schema> {
  for (const _ in out) return RecordStore.fromColumns(out, schema) as RecordStore<Schema>;
  const s = new RecordStore<Schema>(schema, { capacity: n });
  s.extend(new Array<Record<string, never>>(n).fill({}));
  return s;
}
