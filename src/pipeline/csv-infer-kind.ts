/**
 * What one sampled CSV value parses as, read on its UTF-8 bytes (no string per value): the classification
 * schema inference counts per column (see csv-infer.ts for the rules). Each check is the byte form of one
 * pattern, in this order (the first that matches wins):
 * - int: `^[+-]?\d+$`;
 * - float: `^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$`, or `inf`/`infinity` (in lower, title or upper
 *   case) with an optional sign;
 * - bool: `True`/`False`, `true`/`false`, `TRUE`/`FALSE`;
 * - date: `YYYY-MM-DD` (a real day, leap years counted; else text);
 * - timestamp: `YYYY-MM-DD` or `YYYY/MM/DD`, `T` or a space, `hh:mm`, optional `:ss` and fraction, optional
 *   `Z` or `±hh`, `±hhmm`, `±hh:mm` (a real day, hours < 24, minutes and seconds < 60; else text);
 * - text: anything else.
 * Digits are ASCII only (as `\d` without the `u` flag).
 *
 * @internal
 * @packageDocumentation
 */

/** Kinds of a value, narrowest first (indexes of a column's tally; `COUNT` kinds in all). @internal */
export const KIND = { INT: 0, FLOAT: 1, BOOL: 2, DATE: 3, STAMP: 4, TEXT: 5, COUNT: 6 } as const;
const { INT: K_INT, FLOAT: K_FLOAT, BOOL: K_BOOL, DATE: K_DATE, STAMP: K_STAMP, TEXT: K_TEXT } = KIND;

/** The character codes the patterns use. */
const [PLUS, MINUS, DOT, SLASH, ZERO, COLON] = Array.from('+-./0:', (c) => c.charCodeAt(0)) as [number, number, number, number, number, number];

const enc = new TextEncoder();
/** Words matched whole (after an optional sign for `inf`): their bytes. */
const INF_WORDS = ['inf', 'Inf', 'INF', 'infinity', 'Infinity', 'INFINITY'].map((w) => enc.encode(w));
const BOOL_WORDS = ['True', 'False', 'true', 'false', 'TRUE', 'FALSE'].map((w) => enc.encode(w));

function digit(c: number | undefined): boolean {
  return c !== undefined && c >= ZERO && c <= ZERO + 9;
}

/** Whether `b[s..e)` is one of `words`. */
function isWord(b: Uint8Array, s: number, e: number, words: readonly Uint8Array[]): boolean {
  const n = e - s;
  outer: for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (w.length !== n) continue;
    for (let i = 0; i < n; i++) if (b[s + i] !== w[i]) continue outer;
    return true;
  }
  return false;
}

/** The two-digit number at `b[i..i+2)`, or -1 when those are not two digits (or past `e`). */
function two(b: Uint8Array, i: number, e: number): number {
  if (i + 2 > e || !digit(b[i]) || !digit(b[i + 1])) return -1;
  return (b[i]! - ZERO) * 10 + b[i + 1]! - ZERO;
}

/** Whether `y-m-d` is a day of the proleptic Gregorian calendar (`d` ≥ 1, `m` in 1..12). */
export function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  return d <= days;
}

/** K_INT, K_FLOAT, or -1 when `b[s..e)` is not a decimal number (`inf` is checked apart). */
function numberKind(b: Uint8Array, s: number, e: number): number {
  let i = s;
  if (b[i] === PLUS || b[i] === MINUS) i++;
  const d0 = i;
  while (i < e && digit(b[i])) i++;
  const intDigits = i - d0;
  if (i === e) return intDigits > 0 ? K_INT : -1;
  let fracDigits = 0;
  if (b[i] === DOT) {
    const f0 = ++i;
    while (i < e && digit(b[i])) i++;
    fracDigits = i - f0;
  }
  if (intDigits === 0 && fracDigits === 0) return -1;
  if (i === e) return K_FLOAT;
  if (b[i] !== 0x65 && b[i] !== 0x45) return -1; // e, E
  i++;
  if (i < e && (b[i] === PLUS || b[i] === MINUS)) i++;
  const x0 = i;
  while (i < e && digit(b[i])) i++;
  return i > x0 && i === e ? K_FLOAT : -1;
}

/** The year at `b[s..s+4)` (four digits: the caller checked). */
function year(b: Uint8Array, s: number): number {
  return (b[s]! - ZERO) * 1000 + (b[s + 1]! - ZERO) * 100 + (b[s + 2]! - ZERO) * 10 + b[s + 3]! - ZERO;
}

/** K_DATE, K_STAMP, K_TEXT (a date's shape but no real day or time), or -1 when `b[s..e)` has no date's shape. */
function dateKind(b: Uint8Array, s: number, e: number): number {
  if (e - s < 10 || !digit(b[s]) || !digit(b[s + 1]) || !digit(b[s + 2]) || !digit(b[s + 3])) return -1;
  const sep = b[s + 4];
  if ((sep !== MINUS && sep !== SLASH) || b[s + 7] !== sep) return -1;
  const m = two(b, s + 5, e);
  const d = two(b, s + 8, e);
  if (m < 0 || d < 0) return -1;
  if (e - s === 10) return sep !== MINUS ? -1 : validDay(year(b, s), m, d) ? K_DATE : K_TEXT;
  let i = s + 10;
  if (b[i] !== 0x54 && b[i] !== 0x20) return -1; // T, space
  const hh = two(b, i + 1, e);
  if (hh < 0 || i + 3 >= e || b[i + 3] !== COLON) return -1;
  const mm = two(b, i + 4, e);
  if (mm < 0) return -1;
  i += 6;
  let ss = 0;
  if (i < e && b[i] === COLON) {
    ss = two(b, i + 1, e);
    if (ss < 0) return -1;
    i += 3;
    if (i < e && b[i] === DOT) {
      const f0 = ++i;
      while (i < e && digit(b[i])) i++;
      if (i === f0) return -1;
    }
  }
  if (i < e) {
    if (b[i] === 0x5a)
      i++; // Z
    else if (b[i] === PLUS || b[i] === MINUS) {
      if (two(b, i + 1, e) < 0) return -1;
      i += 3;
      if (i < e) {
        if (b[i] === COLON) i++;
        if (two(b, i, e) < 0) return -1;
        i += 2;
      }
    } else return -1;
  }
  if (i !== e) return -1;
  return validDay(year(b, s), m, d) && hh < 24 && mm < 60 && ss < 60 ? K_STAMP : K_TEXT;
}

/** What the non-missing value `b[s..e)` (UTF-8, unescaped) parses as: one of the `K_` kinds. @internal */
export function kindOfBytes(b: Uint8Array, s: number, e: number): number {
  if (e === s) return K_TEXT;
  const n = numberKind(b, s, e);
  if (n >= 0) return n;
  const c = b[s];
  if (isWord(b, c === PLUS || c === MINUS ? s + 1 : s, e, INF_WORDS)) return K_FLOAT;
  if (isWord(b, s, e, BOOL_WORDS)) return K_BOOL;
  const d = dateKind(b, s, e);
  return d >= 0 ? d : K_TEXT;
}

/**
 * The integer `b[s..e)` (of kind {@link K_INT}): a number while it has at most 15 significant digits (exact),
 * else a bigint (built from 15-digit pieces, no string). @internal
 */
export function intOfBytes(b: Uint8Array, s: number, e: number): number | bigint {
  const neg = b[s] === MINUS;
  let i = b[s] === PLUS || neg ? s + 1 : s;
  while (i < e - 1 && b[i] === ZERO) i++;
  if (e - i <= 15) {
    let v = 0;
    for (; i < e; i++) v = v * 10 + b[i]! - ZERO;
    return neg ? -v : v;
  }
  let big = 0n;
  while (i < e) {
    const k = Math.min(15, e - i);
    let v = 0;
    for (let j = 0; j < k; j++) v = v * 10 + b[i + j]! - ZERO;
    big = big * 10n ** BigInt(k) + BigInt(v);
    i += k;
  }
  return neg ? -big : big;
}
