/**
 * `toString()`: a pandas-like text table of the first rows.
 *
 * @internal
 * @packageDocumentation
 */
import type { TypedArray } from '../dtype.js';
import { describe, throwType, throwValue } from '../errors.js';
import { formatDate, formatTimestamp } from '../internal/dates.js';
import { readValue } from './field-values.js';
import type { StoreData } from './store-data.js';

/** Options of `RecordStore.toString()`. */
export interface TableFormatOptions {
  /** Decimal places for float fields (pandas' `display.precision`); default 6. */
  readonly precision?: number;
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'bigint') return `${v}`;
  if (ArrayBuffer.isView(v)) return `[${Array.from(v as unknown as ArrayLike<unknown>, cell).join(', ')}]`;
  const s = String(v);
  return s.length > 24 ? `${s.slice(0, 23)}…` : s;
}

/**
 * `toFixed` / `toExponential` as Python's `format()` does them: JS breaks an exact tie away from zero
 * (`0.125.toFixed(2)` is `0.13`), Python to even (`0.12`). Both convert the exact binary value, so only exact
 * ties differ; the tie shows in the longer exact expansion as a 5 followed by zeros.
 */
function pythonDigits(x: number, precision: number, exponential: boolean): string {
  const rounded = exponential ? x.toExponential(precision) : x.toFixed(precision);
  const longer = exponential ? x.toExponential(Math.min(100, precision + 30)) : x.toFixed(Math.min(100, precision + 30));
  const mantissaEnd = exponential ? longer.indexOf('e') : longer.length;
  const cut = longer.indexOf('.') + precision + 1;
  if (longer.charCodeAt(cut) !== 53 || !/^0*$/.test(longer.slice(cut + 1, mantissaEnd))) return rounded; // not a tie
  const lastKept = longer.charCodeAt(cut - 1);
  if (lastKept % 2 !== 0) return rounded; // odd: rounding away from zero makes it even
  return longer.slice(0, cut) + longer.slice(mantissaEnd);
}

/** `1e-7.toExponential(6)` is `1.000000e-7`; Python writes at least two exponent digits: `1.000000e-07`. */
function pythonExponential(x: number, precision: number): string {
  return pythonDigits(x, precision, true).replace(/e([+-])(\d)$/, 'e$10$2');
}

function nonFinite(x: number): string {
  return Number.isNaN(x) ? 'NaN' : x > 0 ? 'inf' : '-inf';
}

/**
 * The cell texts of one float column, as pandas prints a DataFrame column: `precision` fixed decimals with the
 * trailing zeros every value shares trimmed (at least one decimal kept: `1.0`, `9.273655`), or scientific
 * notation when a non-zero value is below 10^-precision or a value above 1e6 makes the fixed form too long
 * (more than precision + 6 characters, counting pandas' sign column).
 * NaN prints as `NaN`, infinities as `inf` / `-inf`.
 */
export function formatFloats(values: ArrayLike<number>, precision: number): string[] {
  const n = values.length;
  const fixed: string[] = new Array<string>(n);
  let small = false;
  let large = false;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (!Number.isFinite(x)) {
      fixed[i] = nonFinite(x);
      continue;
    }
    const a = Math.abs(x);
    if (a > 0 && a < 10 ** -precision) small = true;
    if (a > 1e6) large = true;
    const s = a < 1e21 ? pythonDigits(x, precision, false) : pythonExponential(x, precision);
    fixed[i] = Object.is(x, -0) ? `-${s}` : s;
  }
  // Trim the trailing zeros all fixed-point numbers share, keeping one decimal.
  const isDecimal = (s: string): boolean => /^-?\d+\.\d*$/.test(s);
  let trim = precision - 1;
  for (let i = 0; i < n && trim > 0; i++) {
    const s = fixed[i]!;
    if (!isDecimal(s)) continue;
    let zeros = 0;
    while (zeros < trim && s.charCodeAt(s.length - 1 - zeros) === 48) zeros++;
    trim = zeros;
  }
  let longest = 0;
  for (let i = 0; i < n; i++) {
    const s = fixed[i]!;
    if (trim > 0 && isDecimal(s)) fixed[i] = s.slice(0, s.length - trim);
    // pandas formats with a leading space for the sign (`{value: .6f}`), which counts toward "too long".
    const t = fixed[i]!;
    longest = Math.max(longest, t.length + (t.charCodeAt(0) === 45 || t === 'NaN' ? 0 : 1));
  }
  if (!small && !(large && longest > precision + 6)) return fixed;
  const out: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    out[i] = Number.isFinite(x) ? (Object.is(x, -0) ? '-' : '') + pythonExponential(x, precision) : nonFinite(x);
  }
  return out;
}

function checkPrecision(precision: unknown): number {
  if (typeof precision !== 'number' || !Number.isInteger(precision)) {
    throwType(`RecordStore.toString(): precision must be an integer, got ${describe(precision)}`);
  }
  if (precision < 1 || precision > 20) throwValue(`RecordStore.toString(): precision ${precision} out of range [1, 20]`);
  return precision;
}

/** Renders the first `maxRows` rows with an index column and a `[n rows × m fields]` footer. @internal */
export function formatTable(d: StoreData, maxRows: number, options: TableFormatOptions = {}): string {
  const precision = checkPrecision(options.precision ?? 6);
  const n = d.length;
  const shown = Math.min(n, Math.max(0, maxRows));
  const fields = d.schema.fields;
  const header = ['', ...fields.map((f) => f.name)];
  const rows: string[][] = [];
  const right = fields.map((f) => f.kind !== 'category' && f.kind !== 'utf8');
  // A float field is formatted as a whole (shared decimals) from the values shown: `floats[f.index][i * size + j]`.
  const floats = fields.map((f) =>
    (f.kind === 'number' || f.kind === 'vector') && (f.dtype === 'float32' || f.dtype === 'float64')
      ? formatFloats((d.cols[f.index] as Float64Array | Float32Array).subarray(0, shown * f.size), precision)
      : null,
  );
  for (let i = 0; i < shown; i++) {
    const row = [String(i)];
    for (const f of fields) {
      const texts = floats[f.index];
      const v = readValue(d, f, i);
      if (v === null) row.push('null');
      else if (f.kind === 'vector') {
        row.push(texts ? `[${texts.slice(i * f.size, i * f.size + f.size).join(', ')}]` : cell(v as TypedArray));
      } else if (texts) row.push(texts[i]!);
      else if (f.kind === 'date') row.push(formatDate(v as number));
      else if (f.kind === 'timestamp')
        row.push(
          formatTimestamp(v as number)
            .replace('T', ' ')
            .replace(/\.000Z$|Z$/, ''),
        );
      else row.push(cell(v));
    }
    rows.push(row);
  }
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const from = shown === 0 ? 1 : 0; // no index column without rows
  const line = (r: string[]): string =>
    r
      .slice(from)
      .map((s, c) => [s, c + from] as const)
      .map(([s, c]) => (c === 0 || right[c - 1] ? s.padStart(widths[c]!) : s.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  const out = [line(header), ...rows.map(line)];
  if (shown < n) out.push(`… ${n - shown} more row${n - shown === 1 ? '' : 's'}`);
  out.push(`[${n} row${n === 1 ? '' : 's'} × ${fields.length} field${fields.length === 1 ? '' : 's'}]`);
  return out.join('\n');
}
