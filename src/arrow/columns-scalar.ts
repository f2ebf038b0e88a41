/**
 * Arrow → compactly for nullable columns and the scalar field types: numeric columns with nulls (a
 * nullable field), `Utf8`/`LargeUtf8`/`Utf8View` → `utf8`, `Bool` → `bool`, `Date32`/`Date64` → `date`,
 * `Timestamp` → `timestamp`.
 *
 * What is shared (zero-copy) and what is copied:
 * - a validity bitmap is adopted when the chunk starts on a byte boundary (`offset % 8 === 0`) and the
 *   bits past its last row are 0 (compactly keeps them 0); otherwise, and for several chunks, one copy;
 * - numeric and `Date32` values of one chunk are adopted when every null slot holds 0 (compactly's rule:
 *   the slot of a null reads 0 in `column(name)`); otherwise one copy with the null slots zeroed;
 * - `Utf8` offsets and bytes of one chunk are adopted (offsets are copied only when they do not start at
 *   0, i.e. a sliced chunk); several chunks, `LargeUtf8` (Int64 offsets) and `Utf8View` cost one copy;
 * - `Bool` is bit-packed in Arrow and one byte per row in compactly: always one copy;
 * - `Timestamp` holds Int64 in Arrow and Float64 milliseconds in compactly: always one copy, exact.
 *
 * @packageDocumentation
 */
import { type Data, type DataType, DateUnit, TimeUnit, Type } from 'apache-arrow';
import { DTYPES, type DType, type TypedArray } from '../dtype.js';
import { describe, ValueError } from '../errors.js';
import { describeArrowType } from './types.js';
import { isValid, totalLength, totalNulls } from './chunks.js';
import { stringsOf } from './strings.js';
import { int64ToMs, MAX_TIME_MS } from '../internal/int64-time.js';

/** @internal A converted nullable numeric column, or a scalar-typed one. */
export type ScalarColumn =
  | { readonly kind: 'numeric'; readonly dtype: DType; readonly array: TypedArray; readonly validity: Uint8Array | null; readonly copied: boolean }
  | { readonly kind: 'utf8'; readonly offsets: Int32Array; readonly bytes: Uint8Array; readonly validity: Uint8Array | null; readonly copied: boolean }
  | { readonly kind: 'bool'; readonly array: Uint8Array; readonly validity: Uint8Array | null; readonly copied: boolean }
  | { readonly kind: 'date'; readonly array: Int32Array; readonly validity: Uint8Array | null; readonly copied: boolean }
  | { readonly kind: 'timestamp'; readonly array: Float64Array; readonly validity: Uint8Array | null; readonly copied: boolean };

const MS_PER_DAY = 86_400_000;

/**
 * @internal The validity of `chunks` as one bitmap of `n` rows: `null` without nulls; the chunk's own
 * bitmap when it can be shared (one chunk at a byte boundary, no stray bits past the end); else a copy.
 */
export function validityOf(chunks: readonly Data[], n: number): { readonly bitmap: Uint8Array | null; readonly shared: boolean } {
  if (totalNulls(chunks) === 0) return { bitmap: null, shared: false };
  const bytes = (n + 7) >> 3;
  if (chunks.length === 1) {
    const c = chunks[0]!;
    if ((c.offset & 7) === 0) {
      const sub = c.nullBitmap.subarray(c.offset >> 3, (c.offset >> 3) + bytes);
      if ((n & 7) === 0 || sub[bytes - 1]! >> (n & 7) === 0) return { bitmap: sub, shared: true };
    }
  }
  const out = new Uint8Array(bytes);
  let at = 0;
  for (const c of chunks) {
    const all = c.nullCount === 0;
    for (let i = 0; i < c.length; i++) {
      const r = at + i;
      if (all || isValid(c, i)) out[r >> 3]! |= 1 << (r & 7);
    }
    at += c.length;
  }
  return { bitmap: out, shared: false };
}

/** True if every null slot of `values` (per `bitmap`) holds 0, so the values can be adopted as they are. */
function nullSlotsZero(values: ArrayLike<number | bigint>, bitmap: Uint8Array, n: number): boolean {
  const bytes = (n + 7) >> 3;
  for (let b = 0; b < bytes; b++) {
    const x = bitmap[b]!;
    if (x === 0xff) continue;
    const base = b << 3;
    const end = base + 8 < n ? base + 8 : n;
    for (let i = base; i < end; i++) {
      // eslint-disable-next-line eqeqeq -- 0 and 0n both
      if ((x & (1 << (i - base))) === 0 && values[i] != 0) return false;
    }
  }
  return true;
}

/** Sets every null slot of `out` to 0 (`0n` for 64-bit integers). */
function zeroNullSlots(out: TypedArray, bitmap: Uint8Array, n: number): void {
  const zero = out instanceof BigInt64Array || out instanceof BigUint64Array ? 0n : 0;
  for (let i = 0; i < n; i++) if ((bitmap[i >> 3]! & (1 << (i & 7))) === 0) (out as unknown as unknown[])[i] = zero;
}

/** The values of all chunks in one array of the dtype's type: the chunk's own (one chunk, `!copy`) or a copy. */
function valuesOf(dtype: DType, chunks: readonly Data[], n: number, copy: boolean): { array: TypedArray; copied: boolean } {
  if (chunks.length === 1 && !copy) return { array: (chunks[0]!.values as TypedArray).subarray(0, n), copied: false };
  const out = DTYPES[dtype].alloc(n);
  let at = 0;
  for (const c of chunks) {
    (out as { set(a: ArrayLike<unknown>, at: number): void }).set((c.values as TypedArray).subarray(0, c.length), at);
    at += c.length;
  }
  return { array: out, copied: true };
}

/**
 * @internal A numeric (or `Date32`) column with nulls as a nullable field: values and bitmap shared when
 * the layouts agree (see the module comment), else copied.
 */
export function nullableValues(dtype: DType, chunks: readonly Data[], copy: boolean): { array: TypedArray; validity: Uint8Array | null; copied: boolean } {
  const n = totalLength(chunks);
  const v = validityOf(chunks, n);
  let { array, copied } = valuesOf(dtype, chunks, n, copy);
  if (v.bitmap !== null && !nullSlotsZero(array as ArrayLike<number | bigint>, v.bitmap, n)) {
    if (!copied) {
      array = array.slice();
      copied = true;
    }
    zeroNullSlots(array, v.bitmap, n);
  }
  const validity = v.shared && copy ? v.bitmap!.slice() : v.bitmap;
  return { array, validity, copied: copied || !v.shared };
}

/** @internal `Bool` → a `bool` field: one byte (0/1) per row, one copy; null slots 0. */
export function boolColumn(chunks: readonly Data[]): ScalarColumn {
  const n = totalLength(chunks);
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    const bits = c.values as Uint8Array;
    const off = c.offset;
    for (let i = 0; i < c.length; i++) {
      const b = off + i;
      out[at + i] = (bits[b >> 3]! >> (b & 7)) & 1;
    }
    at += c.length;
  }
  const { bitmap } = validityOf(chunks, n);
  if (bitmap !== null) zeroNullSlots(out, bitmap, n);
  return { kind: 'bool', array: out, validity: bitmap, copied: true };
}

function throwRange(name: string, row: number, what: string): never {
  throw new ValueError(`column ${describe(name)} row ${row}: ${what}`);
}

/** @internal `Date32` (adopted as the Int32 days) or `Date64` (milliseconds, whole days only: one copy) → `date`. */
export function dateColumn(name: string, type: DataType, chunks: readonly Data[], copy: boolean): ScalarColumn {
  const unit = (type as DataType & { unit: DateUnit }).unit;
  if (unit === DateUnit.DAY) {
    const { array, validity, copied } = nullableValues('int32', chunks, copy);
    return { kind: 'date', array: array as Int32Array, validity, copied };
  }
  const n = totalLength(chunks);
  const out = new Int32Array(n);
  const ms = new Float64Array(n);
  let at = 0;
  for (const c of chunks) {
    const bad = int64ToMs(int64Words(c), c.length, 1, 1, c.nullCount > 0 ? c.nullBitmap : null, c.offset, ms, at);
    if (bad >= 0) throwRange(name, at + bad, `Date64 value ${String(c.values[bad])} ms is outside the range of a date field (±${MAX_TIME_MS} ms)`);
    at += c.length;
  }
  for (let i = 0; i < n; i++) {
    const v = ms[i]!;
    if (v % MS_PER_DAY !== 0) throwRange(name, i, `Date64 value ${v} ms is not a whole day; a date field holds days (read it as a timestamp instead)`);
    out[i] = v / MS_PER_DAY;
  }
  return { kind: 'date', array: out, validity: validityOf(chunks, n).bitmap, copied: true };
}

/** The Int64 values of a chunk as (low, high) Int32 word pairs. */
function int64Words(c: Data): Int32Array {
  const v = c.values as BigInt64Array;
  return new Int32Array(v.buffer, v.byteOffset, c.length * 2);
}

/** Time zones read as UTC: a compactly timestamp is a UTC instant and keeps no zone. */
const UTC_ZONES: ReadonlySet<string> = new Set(['UTC', 'Etc/UTC', 'Z', '+00:00', 'GMT', 'Etc/GMT', 'utc']);

/** Units per millisecond of a timestamp unit, as `[multiply, divide]`. */
const SCALE: Readonly<Record<number, readonly [number, number]>> = {
  [TimeUnit.SECOND]: [1000, 1],
  [TimeUnit.MILLISECOND]: [1, 1],
  [TimeUnit.MICROSECOND]: [1, 1000],
  [TimeUnit.NANOSECOND]: [1, 1_000_000],
};
const UNIT_NAME = ['s', 'ms', 'µs', 'ns'];

/**
 * @internal `Timestamp` of any unit → a `timestamp` field (Float64 milliseconds), one copy, exact: seconds
 * are multiplied, micro- and nanoseconds must be whole milliseconds. The zone must be absent (read as UTC,
 * as readCsv reads a time without an offset) or UTC.
 * @throws `TypeError` for another zone; {@link ValueError} for a value with a fraction of a millisecond or
 *   outside the range of `Date` (naming the column, row and value).
 */
export function timestampColumn(name: string, type: DataType, chunks: readonly Data[]): ScalarColumn {
  const t = type as DataType & { unit: TimeUnit; timezone?: string | null };
  const zone = t.timezone ?? null;
  if (zone !== null && zone !== '' && !UTC_ZONES.has(zone)) {
    throw new TypeError(
      `column ${describe(name)} has Arrow type ${describeArrowType(type)} in time zone ${describe(zone)}; compactly timestamps are UTC instants with no zone, so the zone would be lost: convert the column to UTC first (pyarrow: pc.cast(col, pa.timestamp(unit, 'UTC')))`,
    );
  }
  const [mul, div] = SCALE[t.unit] ?? [1, 1];
  const n = totalLength(chunks);
  const out = new Float64Array(n);
  let at = 0;
  for (const c of chunks) {
    const bad = int64ToMs(int64Words(c), c.length, mul, div, c.nullCount > 0 ? c.nullBitmap : null, c.offset, out, at);
    if (bad >= 0) {
      const i = Math.floor(bad);
      const v = `${String(c.values[i])} ${UNIT_NAME[t.unit]}`;
      throwRange(
        name,
        at + i,
        bad !== i
          ? `${v} is not a whole number of milliseconds; a timestamp field holds Float64 milliseconds and compactly converts only exactly`
          : `${v} is outside the range of a timestamp field (±${MAX_TIME_MS} ms, the range of Date)`,
      );
    }
    at += c.length;
  }
  return { kind: 'timestamp', array: out, validity: validityOf(chunks, n).bitmap, copied: true };
}

/**
 * @internal `Utf8` / `LargeUtf8` / `Utf8View` → a `utf8` field. One `Utf8` chunk: offsets and bytes adopted
 * (offsets copied only when they do not start at 0); otherwise one copy into Int32 offsets and one byte buffer.
 * @throws {@link ValueError} when the text exceeds the 2^31 − 1 bytes of Int32 offsets.
 */
export function utf8Column(name: string, chunks: readonly Data[], copy: boolean): ScalarColumn {
  const n = totalLength(chunks);
  const v = validityOf(chunks, n);
  const only = chunks.length === 1 ? chunks[0]! : undefined;
  if (only !== undefined && only.type.typeId === Type.Utf8 && !copy) {
    const offs = (only.valueOffsets as Int32Array).subarray(0, n + 1);
    const bytes = only.values as Uint8Array;
    const base = offs[0]!;
    const offsets = base === 0 ? offs : offs.map((o) => o - base);
    return { kind: 'utf8', offsets, bytes: bytes.subarray(base, offs[n]!), validity: v.bitmap, copied: base !== 0 || !v.shared };
  }
  // Copy: total bytes first.
  let total = 0;
  for (const c of chunks) total += byteSpan(c);
  if (total > 2 ** 31 - 1) throw new ValueError(`column ${describe(name)} holds ${total} bytes of text, more than a utf8 field's Int32 offsets address (2^31 - 1)`);
  const offsets = new Int32Array(n + 1);
  const bytes = new Uint8Array(total);
  let row = 0;
  let pos = 0;
  const encoder = new TextEncoder();
  for (const c of chunks) {
    const t = c.type.typeId;
    if (t === Type.Utf8 || t === Type.LargeUtf8) {
      const src = c.values as Uint8Array;
      const offs = c.valueOffsets as ArrayLike<number | bigint>;
      const start = Number(offs[0]!);
      const end = Number(offs[c.length]!);
      bytes.set(src.subarray(start, end), pos);
      for (let i = 1; i <= c.length; i++) offsets[row + i] = pos + Number(offs[i]!) - start;
      pos += end - start;
    } else {
      const s = stringsOf(c);
      for (let i = 0; i < s.length; i++) {
        const x = s[i];
        if (x !== null && x !== undefined) pos += encoder.encodeInto(x, bytes.subarray(pos)).written;
        offsets[row + i + 1] = pos;
      }
    }
    row += c.length;
  }
  const validity = v.shared ? v.bitmap!.slice() : v.bitmap;
  return { kind: 'utf8', offsets, bytes: bytes.subarray(0, pos), validity, copied: true };
}

/** Bytes of text in a string chunk (an upper bound for views: 3 bytes per UTF-16 unit). */
function byteSpan(c: Data): number {
  const t = c.type.typeId;
  if (t === Type.Utf8 || t === Type.LargeUtf8) {
    const offs = c.valueOffsets as ArrayLike<number | bigint>;
    return Number(offs[c.length]!) - Number(offs[0]!);
  }
  let total = 0;
  for (const s of stringsOf(c)) if (s !== null) total += s.length * 3;
  return total;
}
