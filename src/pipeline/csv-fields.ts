/**
 * Number parsing straight from a range of the CSV text, without slicing a string per field. Floats use
 * Clinger's fast path (≤ 15 significant digits and a power of ten ≤ 22: one exact multiply or divide, so the
 * result is correctly rounded) and fall back to `Number()` on the validated slice otherwise.
 *
 * @internal
 * @packageDocumentation
 */

const POW10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** Tokens read as a missing float (NaN), as pandas' default `na_values`. */
const NA = new Set(['', 'NA', 'N/A', 'n/a', 'NaN', 'nan', '-NaN', '-nan', 'NULL', 'null', 'None', '#N/A', '#NA', '<NA>', '1.#IND', '1.#QNAN', '#N/A N/A', '-1.#IND', '-1.#QNAN']);
const INF = new Map<string, number>([
  ['inf', Infinity],
  ['+inf', Infinity],
  ['-inf', -Infinity],
  ['infinity', Infinity],
  ['+infinity', Infinity],
  ['-infinity', -Infinity],
]);

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/**
 * @internal Parses `text[s..e)` as a float: NaN for an empty or NA token, ±Infinity for inf words;
 * `undefined` if it is not a number.
 */
export function parseFloatField(text: string, s: number, e: number): number | undefined {
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (s === e) return NaN;
  let i = s;
  let c = text.charCodeAt(i);
  let neg = false;
  if (c === 45 || c === 43) {
    neg = c === 45;
    i++;
  }
  let mant = 0;
  let digits = 0; // significant digits taken into mant
  let exp = 0;
  let any = false;
  let exact = true;
  while (i < e) {
    c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    any = true;
    if (digits < 15) {
      if (mant !== 0 || c !== 0) {
        mant = mant * 10 + c;
        digits++;
      }
    } else {
      exp++;
      if (c !== 0) exact = false;
    }
    i++;
  }
  if (i < e && text.charCodeAt(i) === 46) {
    i++;
    while (i < e) {
      c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      any = true;
      if (digits < 15) {
        if (mant !== 0 || c !== 0) {
          mant = mant * 10 + c;
          digits++;
        }
        exp--;
      } else if (c !== 0) exact = false;
      i++;
    }
  }
  if (!any) return wordFloat(text, s, e);
  if (i < e) {
    c = text.charCodeAt(i);
    if (c !== 101 && c !== 69) return undefined;
    i++;
    let eneg = false;
    if (i < e) {
      c = text.charCodeAt(i);
      if (c === 45 || c === 43) {
        eneg = c === 45;
        i++;
      }
    }
    let ev = 0;
    const es = i;
    while (i < e) {
      c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return undefined;
      if (ev < 100000) ev = ev * 10 + c;
      i++;
    }
    if (i === es) return undefined;
    exp += eneg ? -ev : ev;
  }
  if (exact && exp >= -22 && exp <= 22) {
    const v = exp < 0 ? mant / POW10[-exp]! : mant * POW10[exp]!;
    return neg ? -v : v;
  }
  return Number(text.slice(s, e));
}

function wordFloat(text: string, s: number, e: number): number | undefined {
  const w = text.slice(s, e);
  if (NA.has(w)) return NaN;
  return INF.get(w.toLowerCase());
}

/** @internal Parses `text[s..e)` as an integer (spaces trimmed); `undefined` if it is not one. */
export function parseIntField(text: string, s: number, e: number): number | undefined {
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (s === e) return undefined;
  let i = s;
  let c = text.charCodeAt(i);
  let neg = false;
  if (c === 45 || c === 43) {
    neg = c === 45;
    i++;
    if (i === e) return undefined;
  }
  let v = 0;
  while (i < e) {
    c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    v = v * 10 + c;
    i++;
  }
  return neg ? -v : v;
}

const BIG = /^\s*[+-]?\d+\s*$/;

/** @internal Parses `text[s..e)` as a bigint; `undefined` if it is not an integer. */
export function parseBigIntField(text: string, s: number, e: number): bigint | undefined {
  const w = text.slice(s, e);
  return BIG.test(w) ? BigInt(w.trim()) : undefined;
}
