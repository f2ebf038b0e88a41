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
import { NA_TOKENS } from './csv-bytes.js';

/** The missing-value tokens of the options: pandas' defaults (unless `keepDefaultNa` is false) plus `naValues`. @internal */
export function naTokens(naValues: readonly string[], keepDefaultNa: boolean): string[] {
  return [...new Set([...(keepDefaultNa ? NA_TOKENS : []), ...naValues])];
}

/** The inferred type of one column, before it becomes a nullable field spec. */
export type InferredType = 'int32' | 'int64' | 'uint64' | 'float64' | 'bool' | 'date' | 'timestamp' | 'category' | 'utf8';

const INT = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INF = /^[+-]?(?:inf|Inf|INF|infinity|Infinity|INFINITY)$/;
const BOOL = new Set(['True', 'False', 'true', 'false', 'TRUE', 'FALSE']);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})([-/])(\d{2})\2(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/** What one non-missing text value parses as. */
type Kind = 'int' | 'float' | 'bool' | 'date' | 'timestamp' | 'text';

/** What one non-missing text value parses as, narrowest first. */
function kindOf(v: string): Kind {
  if (INT.test(v)) return 'int';
  if (FLOAT.test(v) || INF.test(v)) return 'float';
  if (BOOL.has(v)) return 'bool';
  let m = DATE.exec(v);
  if (m !== null) return validDay(+m[1]!, +m[2]!, +m[3]!) ? 'date' : 'text';
  m = DATETIME.exec(v);
  if (m !== null) {
    const ok = validDay(+m[1]!, +m[3]!, +m[4]!) && +m[5]! < 24 && +m[6]! < 60 && (m[7] === undefined || +m[7] < 60);
    return ok ? 'timestamp' : 'text';
  }
  return 'text';
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** The type of a column from its sampled text values (`na`: the values that are missing). @internal */
export function inferColumnType(values: readonly string[], na: ReadonlySet<string>): InferredType {
  let ints = 0;
  let floats = 0;
  let bools = 0;
  let dates = 0;
  let stamps = 0;
  let present = 0;
  let text = false;
  let intMin = 0n;
  let intMax = 0n;
  // Each distinct value is classified once (a sampled column repeats: dates, codes, small integers), and the
  // distinct count decides category against utf8.
  const kinds = new Map<string, Kind>();
  for (const v of values) {
    if (na.has(v)) continue;
    present++;
    let k = kinds.get(v);
    if (k === undefined) {
      kinds.set(v, (k = kindOf(v)));
      if (k === 'int') {
        const b = BigInt(v);
        if (ints === 0 || b < intMin) intMin = b;
        if (ints === 0 || b > intMax) intMax = b;
      }
    }
    if (k === 'int') ints++;
    else if (k === 'float') floats++;
    else if (k === 'bool') bools++;
    else if (k === 'date') dates++;
    else if (k === 'timestamp') stamps++;
    else text = true;
  }
  if (present === 0) return 'float64';
  if (!text) {
    if (ints === present) {
      if (intMin >= BigInt(INT32_MIN) && intMax <= BigInt(INT32_MAX)) return 'int32';
      if (intMin >= -(2n ** 53n) && intMax <= 2n ** 53n) return 'float64';
      if (intMin >= -(2n ** 63n) && intMax < 2n ** 63n) return 'int64';
      if (intMin >= 0n && intMax < 2n ** 64n) return 'uint64';
      return 'utf8'; // integers wider than 64 bits keep their digits as text
    }
    if (ints + floats === present) {
      // exact only while the integers among them are
      return intMin >= -(2n ** 53n) && intMax <= 2n ** 53n ? 'float64' : 'utf8';
    }
    if (bools === present) return 'bool';
    if (dates === present) return 'date';
    if (dates + stamps === present) return 'timestamp';
  }
  return kinds.size <= present * 0.5 ? 'category' : 'utf8';
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
  const k = kindOf(value);
  if ((t === 'int32' || t === 'int64' || t === 'uint64') && (k === 'int' || k === 'float')) {
    if (k === 'int') {
      const b = BigInt(value);
      if (b >= -(2n ** 53n) && b <= 2n ** 53n) return 'float64';
      return b >= -(2n ** 63n) && b < 2n ** 63n ? 'int64' : 'utf8';
    }
    return 'float64';
  }
  if (t === 'float64' && k === 'int') return 'float64';
  if (t === 'date' && k === 'timestamp') return 'timestamp';
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
