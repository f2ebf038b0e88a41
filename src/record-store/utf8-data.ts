/**
 * The storage of a utf8 field: UTF-8 bytes plus Int32 offsets (row `i` is `bytes[offsets[i], offsets[i+1])`),
 * Arrow's Utf8 layout. The offsets follow the store's capacity; the bytes grow on their own (doubling).
 * The store keeps the row count; every method takes it.
 *
 * @internal
 * @packageDocumentation
 */
import { throwOverflow } from '../errors.js';
import { grownCapacity } from '../internal/growth.js';
import { encodeUtf8Into, utf8Length } from '../internal/utf8.js';

/** Largest byte total of one utf8 column (Int32 offsets, as Arrow's Utf8). @internal */
export const MAX_UTF8_BYTES = 2 ** 31 - 1;

/** @internal */
export class Utf8Data {
  /** `capacity + 1` offsets; `offsets[0]` is 0. */
  offsets: Int32Array;
  /** The bytes (capacity slack at the end). */
  bytes: Uint8Array;

  constructor(capacity: number, offsets?: Int32Array, bytes?: Uint8Array) {
    this.offsets = offsets ?? new Int32Array(capacity + 1);
    this.bytes = bytes ?? new Uint8Array(0);
  }

  /** Bytes held (offsets and bytes at capacity). */
  get byteLength(): number {
    return this.offsets.byteLength + this.bytes.byteLength;
  }

  /** Resizes the offsets to `capacity` rows, keeping the first `n`. */
  setCapacity(capacity: number, n: number): void {
    const o = new Int32Array(capacity + 1);
    o.set(this.offsets.subarray(0, n + 1));
    this.offsets = o;
  }

  /** Releases byte slack past the first `n` rows. */
  shrinkBytes(n: number): void {
    const used = this.offsets[n]!;
    if (used !== this.bytes.length) this.bytes = this.bytes.slice(0, used);
  }

  /** Makes room for `total` bytes. */
  reserveBytes(total: number, n: number): void {
    if (total <= this.bytes.length) return;
    if (total > MAX_UTF8_BYTES) tooLarge(total);
    const next = new Uint8Array(Math.min(grownCapacity(this.bytes.length, total, 1), MAX_UTF8_BYTES));
    next.set(this.bytes.subarray(0, this.offsets[n]!));
    this.bytes = next;
  }

  /** Appends row `n` (a well-formed string; the offsets have room). */
  append(n: number, s: string): void {
    const start = this.offsets[n]!;
    const len = s.length;
    if (start + len * 3 > this.bytes.length) this.reserveBytes(start + utf8Length(s), n);
    this.offsets[n + 1] = encodeUtf8Into(s, this.bytes, start);
  }

  /** Appends row `n` from `src[s, e)` (already validated UTF-8). */
  appendBytes(n: number, src: Uint8Array, s: number, e: number): void {
    const start = this.offsets[n]!;
    const end = start + (e - s);
    if (end > this.bytes.length) this.reserveBytes(end, n);
    this.bytes.set(src.subarray(s, e), start);
    this.offsets[n + 1] = end;
  }

  /** Replaces row `i` of `n` (moves the bytes after it: O(bytes after `i`)). */
  set(i: number, s: string, n: number): void {
    const o = this.offsets;
    const a = o[i]!;
    const b = o[i + 1]!;
    const end = o[n]!;
    const len = utf8Length(s);
    const delta = len - (b - a);
    if (delta !== 0) {
      if (delta > 0) this.reserveBytes(end + delta, n);
      this.bytes.copyWithin(b + delta, b, end);
      for (let r = i + 1; r <= n; r++) o[r] = o[r]! + delta;
    }
    encodeUtf8Into(s, this.bytes, a);
  }

  /** Removes row `i` of `n`, shifting later rows down. */
  removeAt(i: number, n: number): void {
    const o = this.offsets;
    const a = o[i]!;
    const b = o[i + 1]!;
    const w = b - a;
    this.bytes.copyWithin(a, b, o[n]!);
    for (let r = i + 1; r < n; r++) o[r] = o[r + 1]! - w;
  }

  /** The rows `rows[0..m)` as a new Utf8Data of `capacity` rows (bytes exactly fitted). */
  take(rows: ArrayLike<number>, m: number, capacity = m): Utf8Data {
    const src = this.offsets;
    let total = 0;
    for (let j = 0; j < m; j++) total += src[rows[j]! + 1]! - src[rows[j]!]!;
    if (total > MAX_UTF8_BYTES) tooLarge(total);
    const offsets = new Int32Array(capacity + 1);
    const bytes = new Uint8Array(total);
    const from = this.bytes;
    let pos = 0;
    for (let j = 0; j < m; j++) {
      const r = rows[j]!;
      const a = src[r]!;
      const b = src[r + 1]!;
      if (b - a < 16) for (let k = a; k < b; k++) bytes[pos++] = from[k]!;
      else {
        bytes.set(from.subarray(a, b), pos);
        pos += b - a;
      }
      offsets[j + 1] = pos;
    }
    return new Utf8Data(capacity, offsets, bytes);
  }
}

function tooLarge(total: number): never {
  return throwOverflow(`utf8 column of ${total} bytes exceeds the ${MAX_UTF8_BYTES}-byte limit of Int32 offsets (Arrow's Utf8)`);
}
