/**
 * `Utf8Column`: what `store.column(name)` returns for a utf8 field — UTF-8 bytes plus Int32 offsets (Arrow's
 * Utf8 layout) and the field's validity bitmap, all aliases of the store's storage.
 *
 * @packageDocumentation
 */
import { describe, throwType, throwValue } from '../errors.js';
import { normalizeIndex } from '../internal/bounds.js';
import { usageRecord, type MemoryUsage } from '../internal/memory-usage.js';
import { bytesEqual, decodeUtf8, encodeUtf8Into, invalidUtf8At, utf8Length } from '../internal/utf8.js';
import { bitmapBytes, countNulls, isValid, setBit } from './validity.js';

/**
 * What {@link Utf8Column.memoryUsage} returns: the common {@link MemoryUsage} fields (bytes; items are rows; a
 * column is a view, so `capacity = length` and `byteLength = nbytes`, the bytes it views) and the breakdown.
 */
export interface Utf8ColumnMemory extends MemoryUsage {
  /** Bytes of the offsets (`4 × (length + 1)`). */
  readonly offsets: number;
  /** Bytes of UTF-8 text. */
  readonly bytes: number;
  /** Bytes of the validity bitmap (0 without one). */
  readonly validity: number;
  /** @deprecated `nbytes / length`: use `bytesPerItem`. */
  readonly bytesPerRow: number;
}

/** Offset of the first lone surrogate of `s`, or -1 (such a string has no UTF-8 form). @internal */
export function loneSurrogateAt(s: string): number {
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c <= 0xdbff && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

/**
 * A column of strings as UTF-8 bytes and Int32 offsets: row `i` is `bytes[offsets[i], offsets[i+1])`, null
 * where the validity bitmap (Arrow's layout: 1 = valid, LSB first) has a 0 bit. The same layout as Arrow's
 * `Utf8`, and pandas' `string[pyarrow]` dtype.
 *
 * @remarks
 * **Aliasing.** From `store.column(name)`, `offsets`, `bytes` and `validity` alias the store (stale after it
 * reallocates, as numeric columns are). Reading a row decodes one string; {@link Utf8Column.eq} compares
 * bytes without decoding any.
 *
 * @example
 * ```ts
 * const c = Utf8Column.from(['a', null, 'b']);
 * c.get(2);  // 'b'
 * c.eq('a'); // Uint8Array [1, 0, 0]
 * ```
 */
export class Utf8Column implements Iterable<string | null> {
  /** Rows. */
  readonly length: number;
  /** `length + 1` Int32 offsets into `bytes` (alias). */
  readonly offsets: Int32Array;
  /** The UTF-8 bytes of the rows (alias; `offsets[length]` long past `offsets[0]`). */
  readonly bytes: Uint8Array;
  /** The validity bitmap (alias), or `null` when every row is valid. */
  readonly validity: Uint8Array | null;

  /**
   * Wraps offsets, bytes and an optional validity bitmap (no copy), after checking them.
   * @param offsets - `length + 1` non-decreasing offsets.
   * @param bytes - UTF-8 bytes (at least `offsets[length]`).
   * @param validity - Optional bitmap of at least `ceil(length / 8)` bytes.
   * @throws {@link ValueError} for decreasing or out-of-range offsets, a short bitmap, or invalid UTF-8 in a
   *   valid row (the message gives the byte offset); `TypeError` for arrays of the wrong type.
   * @remarks O(length + bytes): the bytes are validated once.
   */
  constructor(offsets: Int32Array, bytes: Uint8Array, validity: Uint8Array | null = null) {
    if ((offsets as unknown) === TRUSTED) ({ offsets, bytes, validity } = bytes as unknown as Utf8Parts);
    else checkColumn(offsets, bytes, validity);
    this.length = offsets.length - 1;
    this.offsets = offsets;
    this.bytes = bytes;
    this.validity = validity;
  }

  /**
   * A new column holding `values` (a copy, encoded once).
   * @param values - Strings, or `null` for a missing row.
   * @throws `TypeError` for a non-string; {@link ValueError} for a string with a lone surrogate (no UTF-8
   *   form; the message gives its index).
   * @remarks O(total characters).
   */
  static from(values: Iterable<string | null>): Utf8Column {
    const vals = Array.isArray(values) ? (values as (string | null)[]) : [...values];
    const n = vals.length;
    let total = 0;
    let nulls = 0;
    for (let i = 0; i < n; i++) {
      const v = vals[i];
      if (v === null) nulls++;
      else total += utf8Length(checkUtf8String(v, `Utf8Column.from row ${i}`));
    }
    const offsets = new Int32Array(n + 1);
    const bytes = new Uint8Array(total);
    const validity = nulls === 0 ? null : new Uint8Array(bitmapBytes(n));
    let pos = 0;
    for (let i = 0; i < n; i++) {
      const v = vals[i]!;
      if (v !== null) pos = encodeUtf8Into(v, bytes, pos);
      if (validity !== null) setBit(validity, i, v !== null);
      offsets[i + 1] = pos;
    }
    return adoptUtf8(offsets, bytes, validity, n);
  }

  /** Null rows. O(length / 8). */
  get nullCount(): number {
    return countNulls(this.validity, this.length);
  }

  /** Bytes viewed: the offsets, the text bytes and the bitmap. */
  get nbytes(): number {
    return 4 * (this.length + 1) + (this.offsets[this.length]! - this.offsets[0]!) + (this.validity === null ? 0 : bitmapBytes(this.length));
  }

  /**
   * Row `i`, decoded (`null` for a null row).
   * @param i - Index in `[-length, length)`.
   * @throws {@link IndexError} out of range.
   * @remarks O(bytes of the row); one string allocated.
   */
  get(i: number): string | null {
    const n = this.length;
    const j = i >>> 0 === i && i < n ? i : normalizeIndex(i, n, 'Utf8Column');
    if (!isValid(this.validity, j)) return null;
    return decodeUtf8(this.bytes, this.offsets[j]!, this.offsets[j + 1]!);
  }

  /**
   * A row mask: 1 where the row equals `value` (null rows never do), as pandas' `s == value`.
   * @param value - The string to find.
   * @returns A new `Uint8Array` of `length` 0/1 values, for `store.filter(mask)`.
   * @throws `TypeError` for a non-string.
   * @remarks O(length): `value` is encoded once and compared as bytes (length first); nothing is decoded.
   */
  eq(value: string): Uint8Array {
    if (typeof value !== 'string') throwType(`Utf8Column.eq: expected a string, got ${describe(value)}`);
    const key = new Uint8Array(utf8Length(value));
    encodeUtf8Into(value, key, 0);
    const n = this.length;
    const out = new Uint8Array(n);
    const o = this.offsets;
    const bytes = this.bytes;
    const klen = key.length;
    const valid = this.validity;
    for (let i = 0; i < n; i++) {
      const a = o[i]!;
      const b = o[i + 1]!;
      if (b - a === klen && bytesEqual(bytes, a, b, key, 0, klen) && (valid === null || (valid[i >>> 3]! & (1 << (i & 7))) !== 0)) out[i] = 1;
    }
    return out;
  }

  /** A mask of the null rows (pandas `isna()`). O(length). */
  isNull(): Uint8Array {
    const out = new Uint8Array(this.length);
    if (this.validity !== null) for (let i = 0; i < this.length; i++) out[i] = isValid(this.validity, i) ? 0 : 1;
    return out;
  }

  /** Every row decoded (a copy). O(bytes). */
  toArray(): (string | null)[] {
    const out = new Array<string | null>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = isValid(this.validity, i) ? decodeUtf8(this.bytes, this.offsets[i]!, this.offsets[i + 1]!) : null;
    return out;
  }

  /** The rows decoded one by one. */
  *[Symbol.iterator](): IterableIterator<string | null> {
    for (let i = 0; i < this.length; i++) yield this.get(i);
  }

  /** Bytes of the offsets, the text and the bitmap, and per row: a {@link Utf8ColumnMemory}. O(1). */
  memoryUsage(): Utf8ColumnMemory {
    const n = this.length;
    const text = this.offsets[n]! - this.offsets[0]!;
    const validity = this.validity === null ? 0 : bitmapBytes(n);
    const nbytes = 4 * (n + 1) + text + validity;
    return usageRecord<Utf8ColumnMemory, 'bytesPerRow'>(
      { length: n, capacity: n, byteLength: nbytes, nbytes },
      { offsets: 4 * (n + 1), bytes: text, validity },
      { bytesPerRow: 'bytesPerItem' },
    );
  }

  /** `Utf8Column(['a', null])` (first 10 rows). */
  toString(): string {
    const shown = this.toArray()
      .slice(0, 10)
      .map((v) => (v === null ? 'null' : JSON.stringify(v)));
    return `Utf8Column([${shown.join(', ')}${this.length > 10 ? ', …' : ''}])`;
  }
}

/**
 * Passed as the offsets, makes the constructor take {@link Utf8Parts} (as its bytes) without checks.
 * Module-private: only {@link adoptUtf8} makes an unchecked column.
 */
const TRUSTED: unique symbol = Symbol('Utf8Column.trusted');

/** The arrays of a Utf8Column. */
interface Utf8Parts {
  readonly offsets: Int32Array;
  readonly bytes: Uint8Array;
  readonly validity: Uint8Array | null;
}

/** Checks the constructor's arguments (types, lengths, offsets and UTF-8). */
function checkColumn(offsets: unknown, bytes: unknown, validity: unknown): void {
  if (!(offsets instanceof Int32Array)) throwType(`Utf8Column: offsets must be an Int32Array, got ${describe(offsets)}`);
  if (!(bytes instanceof Uint8Array)) throwType(`Utf8Column: bytes must be a Uint8Array, got ${describe(bytes)}`);
  if (validity !== null && !(validity instanceof Uint8Array)) throwType(`Utf8Column: validity must be a Uint8Array or null, got ${describe(validity)}`);
  const n = offsets.length - 1;
  if (n < 0) throwValue('Utf8Column: offsets need at least one entry (length + 1)');
  if (validity !== null && validity.length < bitmapBytes(n)) throwValue(`Utf8Column: validity has ${validity.length} bytes, ${n} rows need ${bitmapBytes(n)}`);
  checkUtf8Layout(offsets, bytes, validity, n, 'Utf8Column');
}

/** A Utf8Column over arrays already known to be valid (no checks). @internal */
export function adoptUtf8(offsets: Int32Array, bytes: Uint8Array, validity: Uint8Array | null, n: number): Utf8Column {
  const parts: Utf8Parts = { offsets: offsets.length === n + 1 ? offsets : offsets.subarray(0, n + 1), bytes, validity };
  return new Utf8Column(TRUSTED as never, parts as never);
}

/**
 * Checks offsets (non-decreasing, within `bytes`) and the UTF-8 of every valid row.
 * @throws {@link ValueError} naming the row and byte offset. @internal
 */
export function checkUtf8Layout(offsets: Int32Array, bytes: Uint8Array, validity: Uint8Array | null, n: number, where: string): void {
  if (offsets[0]! < 0) throwValue(`${where}: offsets[0] is ${offsets[0]}, not >= 0`);
  for (let i = 0; i < n; i++) {
    const a = offsets[i]!;
    const b = offsets[i + 1]!;
    if (b < a) throwValue(`${where}: offsets decrease at row ${i} (${a} then ${b})`);
    if (b > bytes.length) throwValue(`${where}: offset ${b} of row ${i} is past the ${bytes.length} bytes`);
    if (validity !== null && !isValid(validity, i)) continue;
    const bad = invalidUtf8At(bytes, a, b);
    if (bad >= 0) throwValue(`${where}: invalid UTF-8 at byte offset ${bad} (row ${i}, byte 0x${bytes[bad]!.toString(16).padStart(2, '0')})`);
  }
}

/**
 * Validates a string for a utf8 field.
 * @throws `TypeError` for a non-string; {@link ValueError} for a lone surrogate. @internal
 */
export function checkUtf8String(v: unknown, where: string): string {
  if (typeof v !== 'string') return throwType(`${where}: a utf8 field takes a string, got ${describe(v)}`);
  const bad = loneSurrogateAt(v);
  if (bad >= 0) throwValue(`${where}: lone surrogate U+${v.charCodeAt(bad).toString(16).toUpperCase()} at index ${bad} has no UTF-8 form`);
  return v;
}
