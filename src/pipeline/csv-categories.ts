/**
 * Category codes matched on bytes: an open-addressing hash table (FNV-1a of the field's bytes) over an arena
 * of the distinct values' bytes. A repeated value costs a hash and one byte comparison; only a value new to
 * the chunk is decoded into a JS string (once). Codes are given in first-seen order.
 *
 * @internal
 * @packageDocumentation
 */
import { fieldString, isNaToken } from './csv-bytes.js';

/** @internal One category column's dictionary while a chunk (or a block) is built. */
export class CategoryEncoder {
  /** Slot → code + 1 (0 = empty). */
  #table = new Int32Array(64);
  #mask = 63;
  /** Code → hash. */
  #hashes = new Int32Array(16);
  /** Code → start of its bytes in the arena; `#offs[code + 1]` is its end. */
  #offs = new Int32Array(17);
  #arena = new Uint8Array(256);
  /** The values, in code order. */
  values: string[] = [];

  /** Forgets every value (a new chunk). */
  reset(): void {
    if (this.values.length === 0) return;
    this.#table.fill(0);
    this.values = [];
  }

  /**
   * The code of `b[s..e)`, adding it if new; -1 (missing) for an NA token (pandas' `na_values`), which is only
   * tested when the value is not already a category (and not at all with `na` false: an unescaped quoted value).
   */
  encode(b: Uint8Array, s: number, e: number, na = true): number {
    // Four bytes per multiply (a hash, not an identity: equal hashes are confirmed on the bytes).
    let h = (e - s) | 0;
    let i = s;
    for (; i + 4 <= e; i += 4) h = Math.imul(h ^ (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)), 0x01000193) ^ (h >>> 15);
    for (; i < e; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
    h ^= h >>> 13;
    const table = this.#table;
    const mask = this.#mask;
    const arena = this.#arena;
    const offs = this.#offs;
    const len = e - s;
    let slot = h & mask;
    for (;;) {
      const t = table[slot]!;
      if (t === 0) break;
      const code = t - 1;
      if (this.#hashes[code] === h) {
        const o = offs[code]!;
        if (offs[code + 1]! - o === len) {
          let k = 0;
          while (k < len && arena[o + k] === b[s + k]) k++;
          if (k === len) return code;
        }
      }
      slot = (slot + 1) & mask;
    }
    if (na && e - s <= 8 && isNaToken(b, s, e)) return -1;
    return this.#add(b, s, e, h, slot);
  }

  #add(b: Uint8Array, s: number, e: number, h: number, slot: number): number {
    const code = this.values.length;
    if (code + 2 > this.#offs.length) {
      const n = this.#offs.length * 2;
      const o = new Int32Array(n);
      o.set(this.#offs);
      this.#offs = o;
      const hs = new Int32Array(n);
      hs.set(this.#hashes);
      this.#hashes = hs;
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
    this.values.push(fieldString(b, s, e, 0, 0));
    this.#table[slot] = code + 1;
    if ((code + 1) * 2 > this.#mask) this.#rehash();
    return code;
  }

  #rehash(): void {
    const size = (this.#mask + 1) * 2;
    const table = new Int32Array(size);
    const mask = size - 1;
    const n = this.values.length;
    for (let code = 0; code < n; code++) {
      let slot = this.#hashes[code]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = code + 1;
    }
    this.#table = table;
    this.#mask = mask;
  }
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
