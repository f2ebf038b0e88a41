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
import type { Schema } from '../record-store.js';
import { ESCAPED, fieldString, isNaToken, unescapeInto } from './csv-bytes.js';
import type { CategoryEncoder } from './csv-categories.js';
import { parseBigIntBytes, parseFloatBytes, parseIntBytes } from './csv-numbers.js';
import type { TokenBatch } from './csv-tokenizer.js';

/** Field kinds (how a column is converted). */
export const F64 = 0;
export const F32 = 1;
export const INT = 2;
export const BIG = 3;
export const CAT = 4;

/** @internal How one schema field is read. */
export interface FieldPlan {
  readonly name: string;
  readonly kind: number;
  readonly dtype: DType | 'category';
  readonly info: DTypeInfo<DType> | null;
  readonly min: number;
  readonly max: number;
  readonly hasDefault: boolean;
  /** CSV column index, or -1 if the file lacks it. */
  csv: number;
}

/** @internal The plan of each schema field, in schema order (validated: TypeError / ValueError as readCsv documents). */
export function planSchema(schema: Schema): FieldPlan[] {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) throwType(`readCsv(): schema must be an object of field types, got ${describe(schema)}`);
  const names = Object.keys(schema);
  if (names.length === 0) throwValue('readCsv(): the schema has no fields');
  return names.map((name) => {
    const spec = schema[name] as unknown;
    const isObj = spec !== null && typeof spec === 'object' && !Array.isArray(spec);
    const hasDefault = isObj && 'default' in spec;
    const type = isObj ? (spec as { type: unknown }).type : spec;
    if (type === 'category') return { name, kind: CAT, dtype: 'category', info: null, min: 0, max: 0, hasDefault, csv: -1 };
    if (Array.isArray(type)) throwType(`readCsv(): field ${JSON.stringify(name)} is a vector field ${describe(type)}; CSV columns hold one value (use one field per column)`);
    const dt = resolveDType(type as string);
    const info = DTYPES[dt] as DTypeInfo<DType>;
    const kind = dt === 'float64' ? F64 : dt === 'float32' ? F32 : info.bigint ? BIG : INT;
    return { name, kind, dtype: dt, info, min: Number(info.min), max: Number(info.max), hasDefault, csv: -1 };
  });
}

/** @internal A bad row: 1-based line and column, the message, and the schema field if any. */
export interface RowError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly field: string | undefined;
}

/** @internal Where converted rows go: per plan index, a typed column (numbers) or codes + encoder (categories). */
export interface ColumnTarget {
  cols: (TypedArray | null)[];
  codes: (Int32Array | null)[];
  enc: (CategoryEncoder | null)[];
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
  /** Plan indexes of the fields present: numeric ones, then categories. */
  numeric: number[] = [];
  cats: number[] = [];
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
      (f.kind === CAT ? this.cats : this.numeric).push(p);
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
   * Converts rows `[r0, r1)` of `batch` into `target`, rows `at…`. Returns the number of rows written (fewer
   * than `r1 - r0` when rows were skipped, or when `error` was set).
   */
  convert(batch: TokenBatch, r0: number, r1: number, target: ColumnTarget, at: number): number {
    const rowStart = batch.rowStart;
    const ncols = this.ncols;
    const skip = this.#skip;
    if (this.#idx.length < r1 - r0) {
      this.#idx = new Int32Array(2 * (r1 - r0));
      this.#bad = new Uint8Array(2 * (r1 - r0));
    }
    const idx = this.#idx;
    let n = 0;
    let shapeError: RowError | null = null;
    const badRows = batch.badRows;
    for (let r = r0; r < r1; r++) {
      const nf = rowStart[r + 1]! - rowStart[r]!;
      let err: RowError | null = null;
      if (badRows.size > 0 && badRows.has(r)) err = this.#rowError(batch.rowLine[r]!, badRows.get(r)!, 'unexpected character after a closing quote');
      else if (nf !== ncols) err = this.#rowError(batch.rowLine[r]!, nf > ncols ? ncols + 1 : nf + 1, `expected ${ncols} fields, saw ${nf}`);
      if (err === null) idx[n++] = r;
      else if (skip) this.skipped++;
      else {
        shapeError = err;
        break;
      }
    }
    // Numeric columns, each in one kernel; the first failing row (file order, then plan order) wins.
    const bad = skip ? this.#bad : null;
    if (bad !== null) bad.fill(0, 0, n);
    let limit = n;
    let errK = -1;
    let errP = -1;
    const numeric = this.numeric;
    for (let k = 0; k < numeric.length; k++) {
      const p = numeric[k]!;
      const f = this.plan[p]!;
      const out = target.cols[p]!;
      let failed: number;
      if (f.kind === F64) failed = convertF64(batch, idx, limit, f.csv, out as Float64Array, at, bad);
      else if (f.kind === F32) failed = convertF32(batch, idx, limit, f.csv, out as Float32Array, at, bad);
      else if (f.kind === INT) failed = convertInt(batch, idx, limit, f.csv, out as Int32Array, at, bad, f.min, f.max);
      else failed = convertBig(batch, idx, limit, f.csv, out as BigInt64Array, at, bad, f.info!.min as bigint, f.info!.max as bigint);
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
      this.#convertCategory(batch, idx, n, this.plan[p]!.csv, target.codes[p]!, at, target.enc[p]!);
    }
    return n;
  }

  /** Removes the rows marked bad (skip mode) from the numeric columns just written; returns the rows kept. */
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
          const col = target.cols[this.numeric[j]!]! as Float64Array;
          col[at + w] = col[at + k]!;
        }
      }
      w++;
    }
    return w;
  }

  #parseError(batch: TokenBatch, r: number, f: FieldPlan): RowError {
    const fi = batch.rowStart[r]! + f.csv;
    const raw = fieldString(batch.bytes, batch.starts[fi]!, batch.ends[fi]!, batch.flags[fi]!, this.#quote);
    const info = f.info!;
    let inRange = false;
    if (f.kind === INT) inRange = parseIntBytes(batch.bytes, batch.starts[fi]!, batch.ends[fi]!, NUM);
    else if (f.kind === BIG) inRange = parseBigIntBytes(batch.bytes, batch.starts[fi]!, batch.ends[fi]!) !== undefined;
    const message = inRange ? `${info.dtype} value ${raw} out of range [${String(info.min)}, ${String(info.max)}]` : `cannot parse ${JSON.stringify(raw)} as ${info.dtype}`;
    return { line: batch.rowLine[r]!, column: f.csv + 1, message, field: f.name };
  }

  #convertCategory(batch: TokenBatch, idx: Int32Array, n: number, col: number, codes: Int32Array, at: number, enc: CategoryEncoder): void {
    const b = batch.bytes;
    const starts = batch.starts;
    const ends = batch.ends;
    const flags = batch.flags;
    const rowStart = batch.rowStart;
    for (let k = 0; k < n; k++) {
      const fi = rowStart[idx[k]!]! + col;
      const s = starts[fi]!;
      const e = ends[fi]!;
      // The encoder tells NA tokens (code -1) on a miss only: a known value costs no NA test.
      if ((flags[fi]! & ESCAPED) === 0) codes[at + k] = enc.encode(b, s, e);
      else if (e - s <= 8 && isNaToken(b, s, e)) codes[at + k] = -1;
      else {
        if (this.#scratch.length < e - s) this.#scratch = new Uint8Array(2 * (e - s));
        const m = unescapeInto(b, s, e, this.#quote, this.#scratch);
        codes[at + k] = enc.encode(this.#scratch, 0, m, false);
      }
    }
  }
}

// One kernel per column type (monomorphic). Each returns the first row index k that failed, or -1; with a
// `bad` mask it marks every failing row and goes on.

function convertF64(batch: TokenBatch, idx: Int32Array, n: number, col: number, out: Float64Array, at: number, bad: Uint8Array | null): number {
  const b = batch.bytes;
  const starts = batch.starts;
  const ends = batch.ends;
  const rowStart = batch.rowStart;
  let first = -1;
  for (let k = 0; k < n; k++) {
    const fi = rowStart[idx[k]!]! + col;
    if (parseFloatBytes(b, starts[fi]!, ends[fi]!, NUM)) out[at + k] = NUM[0]!;
    else {
      if (first < 0) first = k;
      if (bad === null) return k;
      bad[k] = 1;
    }
  }
  return first;
}

function convertF32(batch: TokenBatch, idx: Int32Array, n: number, col: number, out: Float32Array, at: number, bad: Uint8Array | null): number {
  const b = batch.bytes;
  const starts = batch.starts;
  const ends = batch.ends;
  const rowStart = batch.rowStart;
  let first = -1;
  for (let k = 0; k < n; k++) {
    const fi = rowStart[idx[k]!]! + col;
    if (parseFloatBytes(b, starts[fi]!, ends[fi]!, NUM)) out[at + k] = NUM[0]!;
    else {
      if (first < 0) first = k;
      if (bad === null) return k;
      bad[k] = 1;
    }
  }
  return first;
}

function convertInt(batch: TokenBatch, idx: Int32Array, n: number, col: number, out: Int32Array, at: number, bad: Uint8Array | null, min: number, max: number): number {
  const b = batch.bytes;
  const starts = batch.starts;
  const ends = batch.ends;
  const rowStart = batch.rowStart;
  let first = -1;
  for (let k = 0; k < n; k++) {
    const fi = rowStart[idx[k]!]! + col;
    if (parseIntBytes(b, starts[fi]!, ends[fi]!, NUM)) {
      const v = NUM[0]!;
      if (v >= min && v <= max) {
        out[at + k] = v;
        continue;
      }
    }
    if (first < 0) first = k;
    if (bad === null) return k;
    bad[k] = 1;
  }
  return first;
}

function convertBig(batch: TokenBatch, idx: Int32Array, n: number, col: number, out: BigInt64Array, at: number, bad: Uint8Array | null, min: bigint, max: bigint): number {
  const b = batch.bytes;
  const starts = batch.starts;
  const ends = batch.ends;
  const rowStart = batch.rowStart;
  let first = -1;
  for (let k = 0; k < n; k++) {
    const fi = rowStart[idx[k]!]! + col;
    const v = parseBigIntBytes(b, starts[fi]!, ends[fi]!);
    if (v !== undefined && v >= min && v <= max) {
      out[at + k] = v;
      continue;
    }
    if (first < 0) first = k;
    if (bad === null) return k;
    bad[k] = 1;
  }
  return first;
}
