/**
 * Schema inference for `readCsv` without a (full) schema, as `pandas.read_csv` does: the first `inferRows`
 * rows are sampled and each column gets the narrowest type every non-missing sample value parses as.
 *
 * The rules, in order (every inferred field is `nullable: true`: the validity bitmap costs nothing until a null
 * arrives, so a blank cell two million rows in is not fatal):
 * - no value at all (every sample missing) → `float64` (pandas: a column of NaN);
 * - integers → `int32`; beyond int32, `float64` while exact (|v| ≤ 2^53), else `int64` (`uint64` past it) so
 *   that ids never round;
 * - decimals, exponents, `inf` → `float64`;
 * - `True`/`False` (also `true`/`false`, `TRUE`/`FALSE`) → `bool`;
 * - ISO dates (`2001-01-01`) → `date`; ISO date-times (`2001-01-01T00:47:00Z`, `2001-01-01 00:47`, fractions,
 *   offsets) and `2001/01/01 00:47` → `timestamp` (dates mixed with date-times too);
 * - anything else is text: `category` when it repeats (distinct values ≤ 50 % of the non-missing sample
 *   values), else `utf8`.
 * Missing: pandas' NA tokens (`''`, `NA`, `N/A`, `NaN`, `null`, `None`, …); `naValues` adds tokens,
 * `keepDefaultNa: false` keeps only those.
 *
 * @internal
 * @packageDocumentation
 */
import type { FieldSpec } from '../record-store.js';
import type { FieldPlan } from './csv-block.js';
import { ESCAPED, NA_TOKENS, unescapeInto, type NaMatcher } from './csv-bytes.js';
import { CategoryEncoder } from './csv-categories.js';
import { intOfBytes, KIND, kindOfBytes } from './csv-infer-kind.js';
import type { TokenBatch } from './csv-tokenizer.js';
import { INT64_DTYPES, intDTypeFor } from '../internal/int-dtypes.js';

/** The missing-value tokens of the options: pandas' defaults (unless `keepDefaultNa` is false) plus `naValues`. @internal */
export function naTokens(naValues: readonly string[], keepDefaultNa: boolean): string[] {
  return [...new Set([...(keepDefaultNa ? NA_TOKENS : []), ...naValues])];
}

/** The inferred type of one column, before it becomes a nullable field spec. */
export type InferredType = 'int32' | 'int64' | 'uint64' | 'float64' | 'bool' | 'date' | 'timestamp' | 'category' | 'utf8';

const EXACT = 2n ** 53n;

/**
 * One column's sampled values, counted on their bytes (no string per value): each distinct value (hashed on
 * its bytes by a {@link CategoryEncoder} that decodes nothing) is classified once by {@link kindOfBytes}, and
 * every non-missing value counts toward its kind; the integers' range and the distinct count decide the rest
 * (docs/internals/performance.md, "Classify a sample on bytes").
 * @internal
 */
export class ColumnTally {
  /** Distinct non-missing values → codes; NA tokens come back as -1. */
  readonly #enc: CategoryEncoder;
  /** Code → kind. */
  #kinds = new Uint8Array(64);
  /** Non-missing values per kind. */
  readonly #counts = new Int32Array(KIND.COUNT);
  /** Values added (missing ones included). */
  cells = 0;
  /** The integers' range: as numbers while they have at most 15 digits, as bigints past that. */
  #lo = 0;
  #hi = 0;
  #bigLo: bigint | null = null;
  #bigHi: bigint | null = null;
  #anyInt = false;
  /** Unescaped bytes of a field with `""` in it. */
  #scratch = new Uint8Array(64);

  constructor(na: NaMatcher) {
    this.#enc = new CategoryEncoder(na, false);
  }

  /** Counts the field `b[s..e)` (tokenizer bounds and flags: `""` is unescaped first). */
  add(b: Uint8Array, s: number, e: number, flags: number, quote: number): void {
    this.cells++;
    if ((flags & ESCAPED) !== 0) {
      if (this.#scratch.length < e - s) this.#scratch = new Uint8Array(2 * (e - s));
      const n = unescapeInto(b, s, e, quote, this.#scratch, 0);
      b = this.#scratch;
      s = 0;
      e = n;
    }
    const enc = this.#enc;
    const before = enc.size;
    const code = enc.encode(b, s, e, true);
    if (code < 0) return;
    let k: number;
    if (code === before) {
      k = kindOfBytes(b, s, e);
      if (code === this.#kinds.length) {
        const kinds = new Uint8Array(2 * code);
        kinds.set(this.#kinds);
        this.#kinds = kinds;
      }
      this.#kinds[code] = k;
      if (k === KIND.INT) this.#int(intOfBytes(b, s, e));
    } else k = this.#kinds[code]!;
    this.#counts[k]!++;
  }

  /** Counts missing cells (a row shorter than the header) as empty fields until `rows` cells are counted. */
  pad(rows: number): void {
    while (this.cells < rows) this.add(EMPTY, 0, 0, 0, 0);
  }

  #int(v: number | bigint): void {
    if (typeof v === 'number') {
      if (!this.#anyInt || v < this.#lo) this.#lo = v;
      if (!this.#anyInt || v > this.#hi) this.#hi = v;
      this.#anyInt = true;
    } else {
      if (this.#bigLo === null || v < this.#bigLo) this.#bigLo = v;
      if (this.#bigHi === null || v > this.#bigHi) this.#bigHi = v;
    }
  }

  /** The integers' [min, max] as bigints ([0, 0] without any). */
  #range(): [bigint, bigint] {
    let lo = this.#anyInt ? BigInt(this.#lo) : (this.#bigLo ?? 0n);
    let hi = this.#anyInt ? BigInt(this.#hi) : (this.#bigHi ?? 0n);
    if (this.#bigLo !== null && this.#bigLo < lo) lo = this.#bigLo;
    if (this.#bigHi !== null && this.#bigHi > hi) hi = this.#bigHi;
    return [lo, hi];
  }

  /** The column's type from what was counted. */
  type(): InferredType {
    const c = this.#counts;
    let present = 0;
    for (let k = 0; k < KIND.COUNT; k++) present += c[k]!;
    if (present === 0) return 'float64';
    if (c[KIND.TEXT] === 0) {
      const [lo, hi] = this.#range();
      const ints = c[KIND.INT]!;
      if (ints === present) {
        if (intDTypeFor(lo, hi, ['int32']) !== null) return 'int32';
        if (lo >= -EXACT && hi <= EXACT) return 'float64';
        return intDTypeFor(lo, hi, INT64_DTYPES) ?? 'utf8'; // integers wider than 64 bits keep their digits as text
      }
      // exact only while the integers among them are
      if (ints + c[KIND.FLOAT]! === present) return lo >= -EXACT && hi <= EXACT ? 'float64' : 'utf8';
      if (c[KIND.BOOL] === present) return 'bool';
      if (c[KIND.DATE] === present) return 'date';
      if (c[KIND.DATE]! + c[KIND.STAMP]! === present) return 'timestamp';
    }
    return this.#enc.size <= present * 0.5 ? 'category' : 'utf8';
  }
}

const EMPTY = new Uint8Array(0);

/** The most fields of rows `r0..r1` of a batch. @internal */
export function widestRow(rowStart: Int32Array, r0: number, r1: number): number {
  let w = 0;
  for (let r = r0; r < r1; r++) if (rowStart[r + 1]! - rowStart[r]! > w) w = rowStart[r + 1]! - rowStart[r]!;
  return w;
}

/**
 * Counts rows `r0..r1` of a tokenizer batch into `tallies` (one per column, at least as many as the widest row),
 * column by column: each pass over the rows feeds one tally. Its own function, apart from the sampler's header
 * handling: a deoptimization there (each reader passes its own `wantRows` closure) would otherwise discard the
 * compiled row loop, and every read would tally its 10,000 rows in unoptimized code (docs/internals/performance.md,
 * "Keep a sample's row loop apart").
 * @internal
 */
export function tallyRows(tallies: readonly ColumnTally[], b: TokenBatch, r0: number, r1: number, quote: number): void {
  const { bytes, starts, ends, flags, rowStart } = b;
  for (let j = 0; j < tallies.length; j++) {
    const t = tallies[j]!;
    for (let r = r0; r < r1; r++) {
      const f = rowStart[r]! + j;
      if (f < rowStart[r + 1]!) t.add(bytes, starts[f]!, ends[f]!, flags[f]!, quote);
    }
  }
}

/** The nullable field spec of an inferred type. @internal */
export function inferredSpec(t: InferredType): FieldSpec {
  return { type: t, nullable: true } as unknown as FieldSpec;
}

/**
 * The type to suggest when `value` does not fit the inferred type `t` of a column (for the error message):
 * the narrowest type that holds both. @internal
 */
export function widenFor(t: InferredType, value: string): InferredType {
  const bytes = new TextEncoder().encode(value);
  const k = kindOfBytes(bytes, 0, bytes.length);
  if ((t === 'int32' || t === 'int64' || t === 'uint64') && (k === KIND.INT || k === KIND.FLOAT)) {
    if (k === KIND.INT) {
      const b = BigInt(value);
      if (b >= -EXACT && b <= EXACT) return 'float64';
      return intDTypeFor(b, b, ['int64']) ?? 'utf8';
    }
    return 'float64';
  }
  if (t === 'float64' && k === KIND.INT) return 'float64';
  if (t === 'date' && k === KIND.STAMP) return 'timestamp';
  return t === 'category' ? 'category' : 'utf8';
}

/** A schema as text that can be pasted back as `schema` (JSON, so also a JS object literal; bigints as strings). @internal */
export function schemaText(entries: readonly (readonly [string, FieldSpec])[]): string {
  const json = (v: unknown): string => JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? String(x) : x));
  return `{${entries.map(([k, v]) => `${json(k)}: ${json(v)}`).join(', ')}}`;
}

/**
 * The tail of the message for a value that does not fit an inferred type: the inferred type, the rows it came
 * from, and the schema to pass instead (the field widened to what holds the value). @internal
 */
export function inferenceHint(plan: readonly FieldPlan[], name: string, raw: string, inferRows: number): string {
  const f = plan.find((p) => p.name === name)!;
  const wider = widenFor(f.typeName as InferredType, raw);
  const entries = plan.map((p) => [p.name, p.name === name ? inferredSpec(wider) : p.spec] as const);
  return ` (type ${f.typeName} inferred from the first ${inferRows} rows; pass schema: ${schemaText(entries)})`;
}
