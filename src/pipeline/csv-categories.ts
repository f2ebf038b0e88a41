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
  /** Code → its length and key words (its first 12 bytes, little-endian, zero past its end), at `4 * code`. */
  #keys = new Int32Array(64);
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
    // The common case in a few loads (small enough to be inlined into the column loop): a value of at most 12
    // bytes whose key words can be read whole from the buffer last seen.
    const len = e - s;
    if (len > KEY_BYTES || s + KEY_BYTES > b.length || b !== this.#bytes) return this.#encodeAny(b, s, e, na);
    const v = this.#view;
    const w0 = v.getInt32(s, true) & MASK[len]!;
    const w1 = v.getInt32(s + 4, true) & MASK[13 + len]!;
    const w2 = v.getInt32(s + 8, true) & MASK[26 + len]!;
    return this.#find(b, s, e, na, hashWords(w0, w1, w2, len), w0, w1, w2);
  }

  /** {@link CategoryEncoder.encode} of any value: longer than 12 bytes, near the buffer's end, or in a new buffer. */
  #encodeAny(b: Uint8Array, s: number, e: number, na: boolean): number {
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
    let h = hashWords(w0, w1, w2, len);
    if (len > KEY_BYTES) {
      for (let i = s + KEY_BYTES; i < e; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
      h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    }
    return this.#find(b, s, e, na, h, w0, w1, w2);
  }

  /**
   * The probe: a slot holds code + 1, negated for a value that is an NA token (added from a quoted field, as
   * text); a code's length and key words sit side by side in `#keys` (one cache line for the compare).
   */
  #find(b: Uint8Array, s: number, e: number, na: boolean, h: number, w0: number, w1: number, w2: number): number {
    const len = e - s;
    const table = this.#table;
    const mask = this.#mask;
    const keys = this.#keys;
    let slot = h & mask;
    for (;;) {
      const t = table[slot]!;
      if (t === 0) break;
      const code = (t > 0 ? t : -t) - 1;
      const k = code << 2;
      if (keys[k] === len && keys[k + 1] === w0 && keys[k + 2] === w1 && keys[k + 3] === w2 && (len <= KEY_BYTES || this.#tailEquals(code, h, b, s, e)))
        return na && t < 0 ? -1 : code;
      slot = (slot + 1) & mask;
    }
    return this.#miss(b, s, e, na, h, slot, w0, w1, w2);
  }

  /** A value not in the table (see {@link CategoryEncoder.encode}): -1 for an NA token, else its new code. */
  #miss(b: Uint8Array, s: number, e: number, na: boolean, h: number, slot: number, w0: number, w1: number, w2: number): number {
    if (na && this.#na.has(b, s, e)) return -1;
    return this.#add(b, s, e, h, slot, w0, w1, w2, !na && this.#na.has(b, s, e));
  }

  /** Whether value `code` (of the same length and first 12 bytes) has hash `h` and bytes 12.. equal to `b[s + 12..e)`. */
  #tailEquals(code: number, h: number, b: Uint8Array, s: number, e: number): boolean {
    if (this.#hashes[code] !== h) return false;
    const arena = this.#arena;
    const o = this.#offs[code]! - s;
    for (let i = s + KEY_BYTES; i < e; i++) if (arena[o + i] !== b[i]) return false;
    return true;
  }

  #add(b: Uint8Array, s: number, e: number, h: number, slot: number, w0: number, w1: number, w2: number, isNa: boolean): number {
    const code = this.#size++;
    if (code + 2 > this.#offs.length) {
      const n = this.#offs.length * 2;
      this.#offs = grown(this.#offs, n);
      this.#hashes = grown(this.#hashes, n);
      this.#isNa = grown(this.#isNa, n);
      this.#keys = grown(this.#keys, 4 * n);
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
    this.#isNa[code] = isNa ? 1 : 0;
    const k = code << 2;
    this.#keys[k] = len;
    this.#keys[k + 1] = w0;
    this.#keys[k + 2] = w1;
    this.#keys[k + 3] = w2;
    if (this.#decode) this.values.push(fieldString(b, s, e, 0, 0));
    this.#table[slot] = isNa ? -(code + 1) : code + 1;
    if ((code + 1) * 4 > this.#mask) this.#rehash(); // a load of at most 1/4: a hit takes one probe or two
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
      table[slot] = this.#isNa[code] !== 0 ? -(code + 1) : code + 1;
    }
    this.#table = table;
    this.#mask = mask;
  }
}

/** The hash of a value's key words and length (murmur3's finalizer: the slot's low bits depend on every byte). */
function hashWords(w0: number, w1: number, w2: number, len: number): number {
  let h = Math.imul(w0 ^ Math.imul(w1, 0x27d4eb2d) ^ Math.imul(w2 ^ len, 0x165667b1), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
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
