/**
 * Byte helpers of the CSV reader: UTF-8 validation of a field, decoding a field for a message or a category,
 * unescaping `""`, and pandas' NA tokens matched on bytes (no string per field).
 *
 * @internal
 * @packageDocumentation
 */

/** Field flag: the field was quoted (bounds exclude the quotes). */
export const QUOTED = 1;
/** Field flag: the quoted field contains escaped quotes (`""`) to unescape. */
export const ESCAPED = 2;

const decoder = new TextDecoder('utf-8');

/**
 * @internal Index of the first byte of an invalid or truncated UTF-8 sequence in `b[s..e)`, or -1 if the range
 * is valid UTF-8 (overlong forms, surrogates and code points above U+10FFFF are invalid, as `TextDecoder`'s
 * fatal mode says). O(e - s), no allocation; the tokenizer calls it only for fields holding a byte ≥ 0x80.
 */
export function invalidUtf8At(b: Uint8Array, s: number, e: number): number {
  let i = s;
  while (i < e) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return i;
    if (i + n >= e) return i; // truncated: the sequence runs past the field
    const c1 = b[i + 1]!;
    if (c1 < lo || c1 > hi) return i;
    for (let k = 2; k <= n; k++) {
      const ck = b[i + k]!;
      if (ck < 0x80 || ck > 0xbf) return i;
    }
    i += n + 1;
  }
  return -1;
}

/** @internal `b[s..e)` as a string (UTF-8), `""` unescaped when `flags & ESCAPED`. Allocates. */
export function fieldString(b: Uint8Array, s: number, e: number, flags: number, quote: number): string {
  let ascii = e - s <= 32;
  if (ascii) {
    for (let i = s; i < e; i++) {
      if (b[i]! >= 0x80) {
        ascii = false;
        break;
      }
    }
  }
  let v: string;
  if (ascii) {
    v = '';
    for (let i = s; i < e; i++) v += String.fromCharCode(b[i]!);
  } else v = decoder.decode(b.subarray(s, e));
  if ((flags & ESCAPED) !== 0) {
    const q = String.fromCharCode(quote);
    v = v.split(q + q).join(q);
  }
  return v;
}

/**
 * @internal Copies `b[s..e)` into `out` with each `""` made one quote; returns the unescaped length.
 * `out` must hold at least `e - s` bytes.
 */
export function unescapeInto(b: Uint8Array, s: number, e: number, quote: number, out: Uint8Array): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    out[n++] = c;
    if (c === quote && i + 1 < e && b[i + 1] === quote) i++;
  }
  return n;
}

/** Tokens read as missing (a float NaN, a category's null), as pandas' default `na_values`. */
export const NA_TOKENS: readonly string[] = ['', 'NA', 'N/A', 'n/a', 'NaN', 'nan', '-NaN', '-nan', 'NULL', 'null', 'None', '#N/A', '#NA', '<NA>', '1.#IND', '1.#QNAN', '#N/A N/A', '-1.#IND', '-1.#QNAN'];

/** NA tokens as bytes, grouped by length (index = length). */
const NA_BY_LENGTH: Uint8Array[][] = (() => {
  const out: Uint8Array[][] = [];
  for (const t of NA_TOKENS) {
    const bytes = Uint8Array.from(t, (ch) => ch.charCodeAt(0));
    (out[bytes.length] ??= []).push(bytes);
  }
  return out;
})();
const NA_MAX = NA_BY_LENGTH.length - 1;
/** Bytes an NA token can start with (a quick reject for most fields). */
const NA_FIRST = new Uint8Array(256);
for (const t of NA_TOKENS) if (t.length > 0) NA_FIRST[t.charCodeAt(0)] = 1;

/** @internal True when `b[s..e)` is one of pandas' NA tokens (the empty field included). */
export function isNaToken(b: Uint8Array, s: number, e: number): boolean {
  const len = e - s;
  if (len === 0) return true;
  if (len > NA_MAX || NA_FIRST[b[s]!] === 0) return false;
  const cands = NA_BY_LENGTH[len];
  if (cands === undefined) return false;
  outer: for (let k = 0; k < cands.length; k++) {
    const t = cands[k]!;
    for (let i = 0; i < len; i++) if (b[s + i] !== t[i]) continue outer;
    return true;
  }
  return false;
}
