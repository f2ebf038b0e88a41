/**
 * The block API of the CSV reader: tokenized rows of one batch → typed columns. The serial reader converts
 * into the arrays of the chunk it is building; the parallel reader (compactly/node) converts a whole block in
 * a worker and re-chunks on the main thread; schema inference can run it over a sample. Conversion is
 * column by column (one monomorphic kernel per field type, dispatched once per column per batch), and a bad
 * row is found in file order whatever column it is in.
 *
 * @internal
 * @packageDocumentation
 */
import { DTYPES, resolveDType, type DType, type DTypeInfo, type TypedArray } from '../dtype.js';
import { describe, throwType, throwValue } from '../errors.js';
import type { FieldSpec, Schema } from '../record-store.js';
import { DEFAULT_NA, ESCAPED, fieldString, unescapeInto, type NaMatcher } from './csv-bytes.js';
import { inferenceHint } from './csv-infer.js';
import { CategoryEncoder } from './csv-categories.js';
import { convertUtf8 } from './csv-columns.js';
import { CONVERTERS, type ColumnKernel } from './csv-columns.gen.js';
import { parseBigIntBytes, parseIntBytes } from './csv-numbers.js';
import type { TokenBatch } from './csv-tokenizer.js';

/** Field kinds (how a column is converted). */
export const F64 = 0;
export const F32 = 1;
export const INT = 2;
export const BIG = 3;
export const CAT = 4;
export const UTF8 = 5;
export const BOOL = 6;
export const DATE = 7;
export const TS = 8;

/** The field types that are not dtypes. */
const SCALAR_KINDS: Readonly<Record<string, readonly [number, DType]>> = { bool: [BOOL, 'uint8'], date: [DATE, 'int32'], timestamp: [TS, 'float64'] };

/** @internal How one schema field is read. */
export interface FieldPlan {
  readonly name: string;
  readonly kind: number;
  readonly dtype: DType | 'category';
  /** The type as a schema names it (`'int32'`, `'utf8'`, `'date'`, …), for messages. */
  readonly typeName: string;
  /** Storage of the column (`uint8` for bool, `int32` for date, `float64` for timestamp); null for category and utf8. */
  readonly info: DTypeInfo<DType> | null;
  /** NA tokens read as `null` (a validity bitmap), instead of an error (or NaN for a non-nullable float). */
  readonly nullable: boolean;
  /** The missing-value tokens. */
  readonly na: NaMatcher;
  /** Rows the type was inferred from (its errors then suggest a schema to pass), or 0 for a given type. */
  readonly inferred: number;
  /** The field's spec as the schema gives it. */
  readonly spec: FieldSpec;
  readonly min: number;
  readonly max: number;
  readonly hasDefault: boolean;
  /** The conversion kernel of a parsed type (numbers, bool, date, timestamp); null for category and utf8. */
  readonly convert: ColumnKernel | null;
  /** CSV column index, or -1 if the file lacks it. */
  csv: number;
}

/** @internal What {@link planSchema} needs besides the schema. */
export interface PlanOptions {
  /** Missing-value tokens (default: pandas'). */
  readonly na?: NaMatcher | undefined;
  /** Fields whose types were inferred, and from how many rows. */
  readonly inferred?: ReadonlySet<string> | undefined;
  readonly inferRows?: number | undefined;
}

/** @internal The plan of each schema field, in schema order (validated: TypeError / ValueError as readCsv documents). */
export function planSchema(schema: Schema, o: PlanOptions = {}): FieldPlan[] {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) throwType(`readCsv(): schema must be an object of field types, got ${describe(schema)}`);
  const names = Object.keys(schema);
  if (names.length === 0) throwValue('readCsv(): the schema has no fields');
  return names.map((name) => {
    const spec = schema[name] as unknown;
    const isObj = spec !== null && typeof spec === 'object' && !Array.isArray(spec);
    const hasDefault = isObj && 'default' in spec;
    const nullable = isObj && (spec as { nullable?: unknown }).nullable === true;
    const type = isObj ? (spec as { type: unknown }).type : spec;
    const base = {
      name,
      hasDefault,
      nullable,
      min: 0,
      max: 0,
      csv: -1,
      na: o.na ?? DEFAULT_NA,
      inferred: o.inferred?.has(name) === true ? (o.inferRows ?? 0) : 0,
      spec: spec as FieldSpec,
    };
    if (type === 'category') return { ...base, kind: CAT, dtype: 'category', typeName: 'category', info: null, convert: null };
    if (type === 'utf8' || type === 'string') return { ...base, kind: UTF8, dtype: 'category', typeName: 'utf8', info: null, convert: null };
    if (Array.isArray(type)) throwType(`readCsv(): field ${JSON.stringify(name)} is a vector field ${describe(type)}; CSV columns hold one value (use one field per column)`);
    const scalar = typeof type === 'string' && Object.hasOwn(SCALAR_KINDS, type) ? SCALAR_KINDS[type]! : null;
    if (scalar !== null)
      return { ...base, kind: scalar[0], dtype: scalar[1], typeName: type as string, info: DTYPES[scalar[1]] as DTypeInfo<DType>, convert: CONVERTERS[type as string]! };
    const dt = resolveDType(type as string);
    const info = DTYPES[dt] as DTypeInfo<DType>;
    const kind = dt === 'float64' ? F64 : dt === 'float32' ? F32 : info.bigint ? BIG : INT;
    return { ...base, kind, dtype: dt, typeName: dt, info, min: Number(info.min), max: Number(info.max), convert: CONVERTERS[dt]! };
  });
}

/** @internal A bad row: 1-based line and column, the message, and the schema field if any. */
export interface RowError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly field: string | undefined;
}

/** @internal The text of a utf8 column being built: `offsets` (capacity + 1) and `bytes` (grown by doubling). */
export interface Utf8Target {
  offsets: Int32Array;
  bytes: Uint8Array;
}

/**
 * @internal Where converted rows go, per plan index: a typed column (numbers, bool, date, timestamp), codes +
 * encoder (categories) or offsets + bytes (utf8), and the validity bitmap of a nullable field (null until its
 * first null; then sized for `cap` rows, Arrow's layout).
 */
export interface ColumnTarget {
  cols: (TypedArray | null)[];
  codes: (Int32Array | null)[];
  enc: (CategoryEncoder | null)[];
  utf8: (Utf8Target | null)[];
  valid: (Uint8Array | null)[];
  /** Rows the arrays hold. */
  cap: number;
}

/**
 * @internal A target of `n` rows for the fields of `plan` that are in the file: new arrays, or with `buffer` the
 * numeric columns and category codes over the memory it gives (reused buffers: the columns zeroed, as new ones
 * are, with the dtype's own zero).
 */
export function allocTarget(plan: readonly FieldPlan[], n: number, buffer?: (bytes: number) => ArrayBuffer): ColumnTarget {
  return {
    cols: plan.map((f) => {
      if (f.csv < 0 || f.info === null) return null;
      if (buffer === undefined) return f.info.alloc(n);
      return new f.info.ctor(buffer(n * f.info.bytes), 0, n).fill((f.info.bigint ? 0n : 0) as never);
    }),
    codes: plan.map((f) => (f.csv >= 0 && f.kind === CAT ? (buffer === undefined ? new Int32Array(n) : new Int32Array(buffer(4 * n), 0, n)) : null)),
    enc: plan.map((f) => (f.csv >= 0 && f.kind === CAT ? new CategoryEncoder(f.na) : null)),
    utf8: plan.map((f) => (f.csv >= 0 && f.kind === UTF8 ? newUtf8Target(n, 8 * n) : null)),
    valid: plan.map(() => null),
    cap: n,
  };
}

/** @internal Offsets for `rows` rows and `bytes` bytes of text. */
export function newUtf8Target(rows: number, bytes: number): Utf8Target {
  return { offsets: new Int32Array(rows + 1), bytes: new Uint8Array(Math.max(64, bytes)) };
}

const NUM = new Float64Array(1);

/**
 * @internal Converts tokenized rows into typed columns for a fixed column layout (set by {@link setColumns}).
 * `skip` drops bad rows (counted in `skipped`); otherwise the first bad row in file order stops the
 * conversion and is left in `error` (the rows before it are converted).
 */
export class BlockConverter {
  readonly plan: FieldPlan[];
  readonly #quote: number;
  readonly #skip: boolean;
  ncols = -1;
  /** For each CSV column: the plan index, or -1 (ignored). */
  colMap: Int32Array = new Int32Array(0);
  /** Plan indexes of the fields present: parsed ones (numbers, bool, date, timestamp), then categories. */
  numeric: number[] = [];
  cats: number[] = [];
  /** Plan indexes of the utf8 fields present. */
  texts: number[] = [];
  skipped = 0;
  error: RowError | null = null;
  #idx = new Int32Array(256);
  #bad = new Uint8Array(256);
  #scratch = new Uint8Array(256);

  constructor(plan: FieldPlan[], quote: number, skip: boolean) {
    this.plan = plan;
    this.#quote = quote;
    this.#skip = skip;
  }

  /** Fixes the column layout: `csvToPlan[c]` is the plan index of CSV column `c`, or -1. */
  setColumns(csvToPlan: readonly number[]): void {
    this.ncols = csvToPlan.length;
    this.colMap = Int32Array.from(csvToPlan);
    csvToPlan.forEach((p, c) => {
      if (p >= 0) this.plan[p]!.csv = c;
    });
    for (let p = 0; p < this.plan.length; p++) {
      const f = this.plan[p]!;
      if (f.csv < 0) {
        if (!f.hasDefault) throwValue(`readCsv(): the CSV has no column ${JSON.stringify(f.name)} (and the field has no default)`);
        continue;
      }
      (f.kind === CAT ? this.cats : f.kind === UTF8 ? this.texts : this.numeric).push(p);
    }
  }

  /** The schema field name of 1-based CSV column `column`, if any. */
  fieldOf(column: number): string | undefined {
    const p = column - 1 < this.colMap.length && column >= 1 ? this.colMap[column - 1]! : -1;
    return p >= 0 ? this.plan[p]!.name : undefined;
  }

  #rowError(line: number, column: number, message: string): RowError {
    return { line, column, message, field: this.fieldOf(column) };
  }

  /**
   * Converts rows `[r0, r1)` of `batch` into `target`, rows `at…` (category codes from row `codesAt`: a whole
   * store's reader converts them into scratch and narrows them). Returns the number of rows written (fewer
   * than `r1 - r0` when rows were skipped, or when `error` was set).
   */
  convert(batch: TokenBatch, r0: number, r1: number, target: ColumnTarget, at: number, codesAt = at): number {
    const skip = this.#skip;
    if (this.#idx.length < r1 - r0) {
      this.#idx = new Int32Array(2 * (r1 - r0));
      this.#bad = new Uint8Array(2 * (r1 - r0));
    }
    const idx = this.#idx;
    // The row loop is its own function: when it ran inline, V8 compiled this method on-stack-replaced inside it
    // and then deoptimized at the kernel calls below, which that code had never seen, once per batch (40
    // deoptimizations in one read of 1M numeric rows, `--trace-deopt`).
    let n = this.#selectRows(batch, r0, r1, idx);
    const shapeError = this.#shapeError;
    this.#shapeError = null;
    // Parsed columns (numbers, bool, date, timestamp), each in one kernel; the first failing row (file order,
    // then plan order) wins.
    const bad = skip ? this.#bad : null;
    if (bad !== null) bad.fill(0, 0, n);
    let limit = n;
    let errK = -1;
    let errP = -1;
    const numeric = this.numeric;
    for (let k = 0; k < numeric.length; k++) {
      const p = numeric[k]!;
      const f = this.plan[p]!;
      // One call per column per batch; each kernel is monomorphic (its own array type).
      const failed = f.convert!(batch, idx, limit, f, p, target, at, bad);
      if (failed >= 0 && bad === null) {
        limit = failed; // later columns need only the rows before it; an equal row keeps the earlier field
        errK = failed;
        errP = p;
      }
    }
    if (errK >= 0) {
      n = errK;
      const r = idx[errK]!;
      const f = this.plan[errP]!;
      this.error = this.#parseError(batch, r, f);
    } else if (shapeError !== null) this.error = shapeError;
    if (bad !== null) n = this.#dropBad(n, target, at);
    const cats = this.cats;
    for (let k = 0; k < cats.length; k++) {
      const p = cats[k]!;
      this.#convertCategory(batch, idx, n, this.plan[p]!, target.codes[p]!, codesAt, target.enc[p]!);
    }
    const texts = this.texts;
    for (let k = 0; k < texts.length; k++) convertUtf8(batch, idx, n, this.plan[texts[k]!]!, texts[k]!, target, at, this.#quote);
    return n;
  }

  /** A row of the wrong shape that stopped {@link BlockConverter.#selectRows} (not under skip), or null. */
  #shapeError: RowError | null = null;

  /**
   * Puts the rows of `[r0, r1)` that have the header's field count (and no bad quote) in `idx`; returns how
   * many. Under skip, the others are counted; otherwise the first one stops the selection (`#shapeError`).
   */
  #selectRows(batch: TokenBatch, r0: number, r1: number, idx: Int32Array): number {
    const rowStart = batch.rowStart;
    const ncols = this.ncols;
    const badRows = batch.badRows;
    let n = 0;
    for (let r = r0; r < r1; r++) {
      const nf = rowStart[r + 1]! - rowStart[r]!;
      let err: RowError | null = null;
      if (badRows.size > 0 && badRows.has(r)) err = this.#rowError(batch.rowLine[r]!, badRows.get(r)!, 'unexpected character after a closing quote');
      else if (nf !== ncols) err = this.#rowError(batch.rowLine[r]!, nf > ncols ? ncols + 1 : nf + 1, `expected ${ncols} fields, saw ${nf}`);
      if (err === null) idx[n++] = r;
      else if (this.#skip) this.skipped++;
      else {
        this.#shapeError = err;
        break;
      }
    }
    return n;
  }

  /** Removes the rows marked bad (skip mode) from the parsed columns just written; returns the rows kept. */
  #dropBad(n: number, target: ColumnTarget, at: number): number {
    const bad = this.#bad;
    const idx = this.#idx;
    let w = 0;
    for (let k = 0; k < n; k++) {
      if (bad[k] !== 0) {
        this.skipped++;
        continue;
      }
      if (w !== k) {
        idx[w] = idx[k]!;
        for (let j = 0; j < this.numeric.length; j++) {
          const p = this.numeric[j]!;
          const col = target.cols[p]! as Float64Array;
          col[at + w] = col[at + k]!;
          const bm = target.valid[p];
          if (bm != null) copyBit(bm, at + k, at + w);
        }
      }
      w++;
    }
    return w;
  }

  #parseError(batch: TokenBatch, r: number, f: FieldPlan): RowError {
    const fi = batch.rowStart[r]! + f.csv;
    const b = batch.bytes;
    const s = batch.starts[fi]!;
    const e = batch.ends[fi]!;
    const raw = fieldString(b, s, e, batch.flags[fi]!, this.#quote);
    const info = f.info!;
    let message = `cannot parse ${JSON.stringify(raw)} as ${f.typeName}`;
    if (f.na.has(b, s, e)) {
      message = `missing value ${JSON.stringify(raw)} in a non-nullable ${f.typeName} field (declare it {type: '${f.typeName}', nullable: true} to read missing values as null)`;
    } else if (f.kind === INT ? parseIntBytes(b, s, e, NUM) : f.kind === BIG && parseBigIntBytes(b, s, e) !== undefined) {
      message = `${info.dtype} value ${raw} out of range [${String(info.min)}, ${String(info.max)}]`;
    }
    if (f.inferred > 0) message += inferenceHint(this.plan, f.name, raw, f.inferred);
    return { line: batch.rowLine[r]!, column: f.csv + 1, message, field: f.name };
  }

  #convertCategory(batch: TokenBatch, idx: Int32Array, n: number, f: FieldPlan, codes: Int32Array, at: number, enc: CategoryEncoder): void {
    const col = f.csv;
    const b = batch.bytes;
    const starts = batch.starts;
    const ends = batch.ends;
    const flags = batch.flags;
    const rowStart = batch.rowStart;
    for (let k = 0; k < n; k++) {
      const fi = rowStart[idx[k]!]! + col;
      const s = starts[fi]!;
      const e = ends[fi]!;
      const fl = flags[fi]!;
      // The encoder tells NA tokens (code -1) on a miss only: a known value costs no NA test. A quoted field
      // is text (writeCsv quotes a value that would read as missing).
      if (fl === 0) codes[at + k] = enc.encode(b, s, e, true);
      else if ((fl & ESCAPED) === 0) codes[at + k] = enc.encode(b, s, e, false);
      else {
        if (this.#scratch.length < e - s) this.#scratch = new Uint8Array(2 * (e - s));
        const m = unescapeInto(b, s, e, this.#quote, this.#scratch, 0);
        codes[at + k] = enc.encode(this.#scratch, 0, m, false);
      }
    }
  }
}

function copyBit(bm: Uint8Array, from: number, to: number): void {
  if ((bm[from >>> 3]! & (1 << (from & 7))) !== 0) bm[to >>> 3] = bm[to >>> 3]! | (1 << (to & 7));
  else bm[to >>> 3] = bm[to >>> 3]! & ~(1 << (to & 7));
}
