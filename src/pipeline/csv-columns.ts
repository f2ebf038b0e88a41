/**
 * What the CSV reader's conversion kernels share: validity bitmaps of nullable fields, the byte parsers of
 * booleans and date fields, and the utf8 kernel (text copied as bytes). The parsed types' kernels are generated
 * per type from scripts/templates/csv-columns.mjs into csv-columns.gen.ts.
 *
 * @internal
 * @packageDocumentation
 */
import { MS_PER_DAY, parseDate, parseTimestamp } from '../internal/dates.js';
import type { ColumnTarget, FieldPlan } from './csv-block.js';
import { ESCAPED, QUOTED, unescapeInto } from './csv-bytes.js';
import type { TokenBatch } from './csv-tokenizer.js';

/** @internal `bytes` grown to hold at least `need` bytes, the first `used` kept. */
export function growBytes(bytes: Uint8Array, used: number, need: number): Uint8Array {
  let n = Math.max(64, bytes.length);
  while (n < need) n *= 2;
  const out = new Uint8Array(n);
  out.set(bytes.subarray(0, used));
  return out;
}

/** @internal A bitmap for `cap` rows with the first `valid` rows set (Arrow's layout, LSB first). */
export function newBitmap(cap: number, valid: number): Uint8Array {
  const bm = new Uint8Array((cap + 7) >>> 3);
  bm.fill(0xff, 0, valid >>> 3);
  if ((valid & 7) !== 0) bm[valid >>> 3] = (1 << (valid & 7)) - 1;
  return bm;
}

/** @internal Marks row `r` of plan field `p` null (making its bitmap at the first null); returns the bitmap. */
export function nullRow(t: ColumnTarget, p: number, r: number): Uint8Array {
  let bm: Uint8Array | null = t.valid[p] ?? null;
  if (bm === null) bm = t.valid[p] = newBitmap(t.cap, r);
  bm[r >>> 3] = bm[r >>> 3]! & ~(1 << (r & 7));
  return bm;
}

/** @internal 1 / 0 for pandas' boolean spellings (`True`, `TRUE`, `true`, `1`, and the false ones), else -1. */
export function parseBoolBytes(b: Uint8Array, s: number, e: number): number {
  while (s < e && (b[s] === 32 || b[s] === 9)) s++;
  while (e > s && (b[e - 1] === 32 || b[e - 1] === 9)) e--;
  const n = e - s;
  if (n === 1) {
    const c = b[s]!;
    return c === 49 ? 1 : c === 48 ? 0 : -1;
  }
  if (n !== 4 && n !== 5) return -1;
  const word = n === 4 ? TRUE_BYTES : FALSE_BYTES;
  const c0 = b[s]!;
  if ((c0 | 0x20) !== word[0]) return -1;
  // Python's spellings: all lower case, all upper case, or capitalized.
  const upper = b[s + 1]! < 0x60;
  if (upper && c0 >= 0x60) return -1;
  for (let i = 1; i < n; i++) {
    const c = b[s + i]!;
    if (c !== (upper ? word[i]! - 0x20 : word[i]!)) return -1;
  }
  return n === 4 ? 1 : 0;
}
const TRUE_BYTES = Uint8Array.from('true', (c) => c.charCodeAt(0));
const FALSE_BYTES = Uint8Array.from('false', (c) => c.charCodeAt(0));

/** @internal Days of a date field's text: a date, or a timestamp at exactly midnight UTC (`2001-01-01 00:00:00`); NaN otherwise. */
export function parseDateField(b: Uint8Array, s: number, e: number): number {
  const d = parseDate(b, s, e);
  if (d === d) return d;
  const ms = parseTimestamp(b, s, e);
  return ms === ms && ms % MS_PER_DAY === 0 ? ms / MS_PER_DAY : NaN;
}

/**
 * Copies the text of a utf8 column into the target's bytes (`""` unescaped): no string per field. Never
 * fails (the tokenizer has validated the UTF-8). A nullable field's unquoted NA token is null; a quoted field
 * is always text, and so is every field of a non-nullable one (an empty field is `''`).
 */
export function convertUtf8(batch: TokenBatch, idx: Int32Array, n: number, f: FieldPlan, p: number, t: ColumnTarget, at: number, quote: number): void {
  const b = batch.bytes;
  const starts = batch.starts;
  const ends = batch.ends;
  const flags = batch.flags;
  const rowStart = batch.rowStart;
  const col = f.csv;
  const u = t.utf8[p]!;
  const offs = u.offsets;
  let bytes = u.bytes;
  const nullable = f.nullable;
  let bm: Uint8Array | null = t.valid[p] ?? null;
  let pos = offs[at]!;
  for (let k = 0; k < n; k++) {
    const fi = rowStart[idx[k]!]! + col;
    const r = at + k;
    const s = starts[fi]!;
    const e = ends[fi]!;
    const fl = flags[fi]!;
    if (nullable && (fl & QUOTED) === 0 && f.na.has(b, s, e)) {
      offs[r + 1] = pos;
      bm = nullRow(t, p, r);
      continue;
    }
    if (pos + (e - s) > bytes.length) bytes = u.bytes = growBytes(bytes, pos, pos + (e - s));
    if ((fl & ESCAPED) !== 0) pos += unescapeInto(b, s, e, quote, bytes, pos);
    else if (e - s < 16) for (let i = s; i < e; i++) bytes[pos++] = b[i]!;
    else {
      bytes.set(b.subarray(s, e), pos);
      pos += e - s;
    }
    offs[r + 1] = pos;
    if (bm !== null) bm[r >>> 3] = bm[r >>> 3]! | (1 << (r & 7));
  }
}
