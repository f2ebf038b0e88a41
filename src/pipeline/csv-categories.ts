/**
 * Category codes matched on bytes: an open-addressing hash table over the distinct values. Each value is keyed
 * by its length and its first 12 bytes as three 32-bit words (read unaligned, masked to the length), so a
 * repeated short value (airport codes, dates, labels) costs three loads, a hash of three words and four
 * integer compares — no per-byte loop; bytes past the 12th are compared against an arena. Only a value new to
 * the chunk is decoded into a JS string (once). Codes are given in first-seen order.
 *
 * @internal
 * @packageDocumentation
 */
import { DEFAULT_NA, fieldString, type NaMatcher } from './csv-bytes.js';

/** Bytes of a value held in its key words. */
const KEY_BYTES = 12;

/** `MASK[w * 13 + len]`: the mask of key word `w` (0..2) for a value of `len` (0..12) bytes. */
const MASK = new Int32Array(3 * 13);
for (let w = 0; w < 3; w++) {
  for (let len = 0; len <= KEY_BYTES; len++) {
    const n = Math.max(0, Math.min(4, len - 4 * w));
    MASK[w * 13 + len] = n === 4 ? -1 : (1 << (8 * n)) - 1;
  }
}

/** @internal One category column's dictionary while a chunk (or a block) is built. */
export class CategoryEncoder {
  /** Slot → code + 1 (0 = empty). */
  #table = new Int32Array(64);
  #mask = 63;
  /** Code → hash. */
  #hashes = new Int32Array(16);
  /** Code → 1 when the value is an NA token (added from a quoted field: text there, missing unquoted). */
  #isNa = new Int32Array(16);
  /** The column's missing-value tokens. */
  readonly #na: NaMatcher;
  /** Whether each new value is decoded into {@link CategoryEncoder.values} (not when only the codes count). */
  readonly #decode: boolean;
  /** Distinct values so far (the next code). */
  #size = 0;

  /**
   * @param na - the column's missing-value tokens.
   * @param decode - false: keep no string per value (`values` stays empty; schema inference counts distinct
   *   values on bytes).
   */
  constructor(na: NaMatcher = DEFAULT_NA, decode = true) {
    this.#na = na;
    this.#decode = decode;
  }
  /** Code → its length and key words (its first 12 bytes, little-endian, zero past its end). */
  #lens = new Int32Array(16);
  #w0 = new Int32Array(16);
  #w1 = new Int32Array(16);
  #w2 = new Int32Array(16);
  /** Code → start of its bytes in the arena; `#offs[code + 1]` is its end. */
  #offs = new Int32Array(17);
  #arena = new Uint8Array(256);
  /** A view of the last byte buffer seen (key words are read through it). */
  #bytes: Uint8Array = new Uint8Array(0);
  #view: DataView = new DataView(new ArrayBuffer(0));
  /** The values, in code order (empty when not decoding). */
  values: string[] = [];

  /** How many distinct values have codes (the next new value's code). */
  get size(): number {
    return this.#size;
  }

  /** Forgets every value (a new chunk). */
  reset(): void {
    if (this.#size === 0) return;
    this.#table.fill(0);
    this.values = [];
    this.#size = 0;
  }

  /**
   * The code of `b[s..e)`, adding it if new; -1 (missing) for an NA token (pandas' `na_values`), which is only
   * tested when the value is not already a category (and not at all with `na` false: an unescaped quoted value).
   */
  encode(b: Uint8Array, s: number, e: number, na = true): number {
    const len = e - s;
    let w0: number;
    let w1: number;
    let w2: number;
    if (s + KEY_BYTES <= b.length) {
      if (b !== this.#bytes) {
        this.#bytes = b;
        this.#view = new DataView(b.buffer, b.byteOffset, b.length);
      }
      const v = this.#view;
      const m = len < KEY_BYTES ? len : KEY_BYTES;
      w0 = v.getInt32(s, true) & MASK[m]!;
      w1 = v.getInt32(s + 4, true) & MASK[13 + m]!;
      w2 = v.getInt32(s + 8, true) & MASK[26 + m]!;
    } else {
      w0 = keyWord(b, s, e);
      w1 = keyWord(b, s + 4, e);
      w2 = keyWord(b, s + 8, e);
    }
    let h = Math.imul(w0 ^ Math.imul(w1, 0x27d4eb2d) ^ Math.imul(w2 ^ len, 0x165667b1), 0x01000193);
    for (let i = s + KEY_BYTES; i < e; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b); // murmur3's finalizer: the slot's low bits depend on every byte
    h ^= h >>> 13;
    const table = this.#table;
    const mask = this.#mask;
    const hashes = this.#hashes;
    const lens = this.#lens;
    let slot = h & mask;
    for (;;) {
      const t = table[slot]!;
      if (t === 0) break;
      const code = t - 1;
      if (
        hashes[code] === h &&
        lens[code] === len &&
        this.#w0[code] === w0 &&
        this.#w1[code] === w1 &&
        this.#w2[code] === w2 &&
        (len <= KEY_BYTES || this.#tailEquals(code, b, s, e))
      )
        return na && this.#isNa[code] !== 0 ? -1 : code;
      slot = (slot + 1) & mask;
    }
    if (na && this.#na.has(b, s, e)) return -1;
    const code = this.#add(b, s, e, h, slot, w0, w1, w2);
    this.#isNa[code] = !na && this.#na.has(b, s, e) ? 1 : 0;
    return code;
  }

  /** Whether bytes 12.. of value `code` equal `b[s + 12..e)` (same length). */
  #tailEquals(code: number, b: Uint8Array, s: number, e: number): boolean {
    const arena = this.#arena;
    const o = this.#offs[code]! - s;
    for (let i = s + KEY_BYTES; i < e; i++) if (arena[o + i] !== b[i]) return false;
    return true;
  }

  #add(b: Uint8Array, s: number, e: number, h: number, slot: number, w0: number, w1: number, w2: number): number {
    const code = this.#size++;
    if (code + 2 > this.#offs.length) {
      const n = this.#offs.length * 2;
      this.#offs = grown(this.#offs, n);
      this.#hashes = grown(this.#hashes, n);
      this.#isNa = grown(this.#isNa, n);
      this.#lens = grown(this.#lens, n);
      this.#w0 = grown(this.#w0, n);
      this.#w1 = grown(this.#w1, n);
      this.#w2 = grown(this.#w2, n);
    }
    const start = code === 0 ? 0 : this.#offs[code]!;
    const len = e - s;
    if (start + len > this.#arena.length) {
      const a = new Uint8Array(Math.max(2 * this.#arena.length, start + len));
      a.set(this.#arena.subarray(0, start));
      this.#arena = a;
    }
    this.#arena.set(b.subarray(s, e), start);
    this.#offs[code] = start;
    this.#offs[code + 1] = start + len;
    this.#hashes[code] = h;
    this.#lens[code] = len;
    this.#w0[code] = w0;
    this.#w1[code] = w1;
    this.#w2[code] = w2;
    if (this.#decode) this.values.push(fieldString(b, s, e, 0, 0));
    this.#table[slot] = code + 1;
    if ((code + 1) * 2 > this.#mask) this.#rehash();
    return code;
  }

  #rehash(): void {
    const size = (this.#mask + 1) * 2;
    const table = new Int32Array(size);
    const mask = size - 1;
    const n = this.#size;
    for (let code = 0; code < n; code++) {
      let slot = this.#hashes[code]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = code + 1;
    }
    this.#table = table;
    this.#mask = mask;
  }
}

/** Bytes `b[i..min(i + 4, e))` as a little-endian word, zero past `e` (a key word near the buffer's end). */
function keyWord(b: Uint8Array, i: number, e: number): number {
  let w = 0;
  for (let k = 0; k < 4 && i + k < e; k++) w |= b[i + k]! << (8 * k);
  return w;
}

function grown(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(n);
  out.set(a);
  return out;
}

/** Compares two strings by Unicode code point (UTF-16 order differs for characters past U+FFFF). @internal */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (U+D800..DFFF) stands for a code point above every BMP character.
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy) return sx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** @internal The indexes of `values` in code-point order, or null when they are in that order already. */
export function codePointOrder(values: readonly string[]): Int32Array | null {
  let sorted = true;
  for (let i = 1; i < values.length && sorted; i++) sorted = compareCodePoints(values[i - 1]!, values[i]!) <= 0;
  if (sorted) return null;
  return Int32Array.from(values.keys()).sort((i, j) => compareCodePoints(values[i]!, values[j]!));
}
