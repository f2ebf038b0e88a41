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

/** The tokenizer's UTF-8 check: the shared one (overlong forms, surrogates, past U+10FFFF and truncated sequences are invalid). */
export { invalidUtf8At } from '../internal/utf8.js';

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
 * @internal Copies `b[s..e)` into `out` from `at` with each `""` made one quote; returns the unescaped length.
 * `out` must hold at least `at + e - s` bytes.
 */
export function unescapeInto(b: Uint8Array, s: number, e: number, quote: number, out: Uint8Array, at: number): number {
  let n = at;
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    out[n++] = c;
    if (c === quote && i + 1 < e && b[i + 1] === quote) i++;
  }
  return n - at;
}

/** Tokens read as missing (a float NaN, a category's null), as pandas' default `na_values`. */
export const NA_TOKENS: readonly string[] = [
  '',
  'NA',
  'N/A',
  'n/a',
  'NaN',
  'nan',
  '-NaN',
  '-nan',
  'NULL',
  'null',
  'None',
  '#N/A',
  '#NA',
  '<NA>',
  '1.#IND',
  '1.#QNAN',
  '#N/A N/A',
  '-1.#IND',
  '-1.#QNAN',
];

/**
 * @internal Matches a set of missing-value tokens on bytes (no string per field): the tokens grouped by byte
 * length, with a table of the bytes a token can start with as a quick reject.
 */
export class NaMatcher {
  /** The tokens, as given. */
  readonly tokens: readonly string[];
  readonly #byLength: Uint8Array[][] = [];
  readonly #first = new Uint8Array(256);
  readonly #max: number;
  readonly #empty: boolean;

  constructor(tokens: readonly string[]) {
    this.tokens = [...tokens];
    const enc = new TextEncoder();
    for (const t of tokens) {
      const bytes = enc.encode(t);
      (this.#byLength[bytes.length] ??= []).push(bytes);
      if (bytes.length > 0) this.#first[bytes[0]!] = 1;
    }
    this.#max = this.#byLength.length - 1;
    this.#empty = this.#byLength[0] !== undefined;
  }

  /** True when `b[s..e)` is one of the tokens. */
  has(b: Uint8Array, s: number, e: number): boolean {
    const len = e - s;
    if (len === 0) return this.#empty;
    if (len > this.#max || this.#first[b[s]!] === 0) return false;
    const cands = this.#byLength[len];
    if (cands === undefined) return false;
    outer: for (let k = 0; k < cands.length; k++) {
      const t = cands[k]!;
      for (let i = 0; i < len; i++) if (b[s + i] !== t[i]) continue outer;
      return true;
    }
    return false;
  }
}

/** @internal pandas' default NA tokens. */
export const DEFAULT_NA: NaMatcher = new NaMatcher(NA_TOKENS);
