/**
 * Values of the field kinds beyond plain numbers — utf8, bool, date, timestamp — and of nullable fields:
 * how a write is checked, how a row is read (a view, `getField`) and turned into a plain object value, and
 * how a checked value is written or appended (validity bitmap included).
 *
 * @internal
 * @packageDocumentation
 */
import { DTYPES, type DType, type TypedArray } from '../dtype.js';
import { describe, throwOverflow, throwType, throwValue } from '../errors.js';
import { MAX_DAYS, MAX_MS, MS_PER_DAY, parseDateText, parseTimestampText } from '../internal/dates.js';
import { decodeUtf8 } from '../internal/utf8.js';
import type { FieldInfo, FieldKind } from './schema.js';
import { pushOwned, writeCategory, type CategoryColumn, type StoreData } from './store-data.js';
import { checkUtf8String } from './utf8-column.js';
import type { Utf8Data } from './utf8-data.js';
import { isValid, newBitmap, setBit } from './validity.js';

function badNull(where: string): never {
  return throwType(`${where}: null in a non-nullable field (declare it {type, nullable: true} to allow nulls)`);
}

/** Checks a `'bool'` value: `true`/`false` only; stores 1/0. @internal */
export function checkBool(v: unknown, where: string): number {
  if (v === true) return 1;
  if (v === false) return 0;
  return throwType(`${where}: a bool field takes true or false, got ${describe(v)}`);
}

/** Checks a `'date'` value: an integer day number, a `Date` at UTC midnight, or `'YYYY-MM-DD'`. @internal */
export function checkDate(v: unknown, where: string): number {
  let days: number;
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throwType(`${where}: a date field takes an integer day number, got ${describe(v)}`);
    days = v;
  } else if (v instanceof Date) {
    const ms = v.getTime();
    if (ms !== ms) throwValue(`${where}: invalid Date`);
    if (ms % MS_PER_DAY !== 0) throwValue(`${where}: ${v.toISOString()} is not a UTC midnight (a date field holds whole days; use a timestamp field)`);
    days = ms / MS_PER_DAY;
  } else if (typeof v === 'string') {
    days = parseDateText(v);
    if (days !== days) throwValue(`${where}: cannot parse ${describe(v)} as a date (YYYY-MM-DD)`);
  } else return throwType(`${where}: a date field takes a day number, a Date or a 'YYYY-MM-DD' string, got ${describe(v)}`);
  if (days < -MAX_DAYS || days > MAX_DAYS) throwOverflow(`${where}: date ${describe(v)} out of range [${-MAX_DAYS}, ${MAX_DAYS}] days (the range of Date)`);
  return days;
}

/** Checks a `'timestamp'` value: finite milliseconds, a valid `Date`, or an ISO 8601 string. @internal */
export function checkTimestamp(v: unknown, where: string): number {
  let ms: number;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throwValue(`${where}: a timestamp is a finite number of milliseconds, got ${describe(v)} (use a nullable field for missing times)`);
    ms = v;
  } else if (v instanceof Date) {
    ms = v.getTime();
    if (ms !== ms) throwValue(`${where}: invalid Date`);
  } else if (typeof v === 'string') {
    ms = parseTimestampText(v);
    if (ms !== ms) throwValue(`${where}: cannot parse ${describe(v)} as an ISO 8601 timestamp`);
  } else return throwType(`${where}: a timestamp field takes milliseconds, a Date or an ISO 8601 string, got ${describe(v)}`);
  if (ms < -MAX_MS || ms > MAX_MS) throwOverflow(`${where}: timestamp ${describe(v)} out of range [${-MAX_MS}, ${MAX_MS}] ms (the range of Date)`);
  return ms;
}

/**
 * Checks one value of a scalar (non-vector) field and returns what to store: a number (the storage value for
 * bool, date and timestamp), a bigint, a string (utf8, category), or `null` (nullable fields, categories).
 * @throws `TypeError` for a wrong type or a null in a non-nullable field; {@link ValueError} for a malformed
 *   date or timestamp or a lone surrogate; {@link OverflowError} out of range.
 * @internal
 */
export function checkScalar(kind: FieldKind, dtype: DType, nullable: boolean, v: unknown, where: string): unknown {
  if (v === null) {
    if (nullable || kind === 'category') return null;
    return badNull(where);
  }
  switch (kind) {
    case 'category':
      if (typeof v === 'string') return v;
      return throwType(`${where}: a category field takes a string or null, got ${describe(v)}`);
    case 'utf8':
      return checkUtf8String(v, where);
    case 'bool':
      return checkBool(v, where);
    case 'date':
      return checkDate(v, where);
    case 'timestamp':
      return checkTimestamp(v, where);
    default:
      return DTYPES[dtype].check(v, where);
  }
}

/** Row `i` of field `f` as a view reads it (`null` for a null row). @internal */
export function readValue(d: StoreData, f: FieldInfo, i: number): unknown {
  const k = f.index;
  const bm = d.valid[k]!;
  if (bm !== null && (bm[i >>> 3]! & (1 << (i & 7))) === 0) return null;
  const col = d.cols[k]!;
  switch (f.kind) {
    case 'utf8': {
      const o = (col as Utf8Data).offsets;
      return decodeUtf8((col as Utf8Data).bytes, o[i]!, o[i + 1]!);
    }
    case 'bool':
      return (col as Uint8Array)[i] !== 0;
    case 'category':
      return (col as CategoryColumn).get(i);
    case 'vector':
      return (col as TypedArray).subarray(i * f.size, i * f.size + f.size);
    default:
      return (col as TypedArray)[i];
  }
}

/** Row `i` of field `f` as `toObject()` gives it (a `Date` for date/timestamp, a copy for vectors). @internal */
export function objectValue(d: StoreData, f: FieldInfo, i: number): unknown {
  if (f.kind === 'vector') return (d.cols[f.index] as TypedArray).slice(i * f.size, i * f.size + f.size);
  const v = readValue(d, f, i);
  if (v === null) return null;
  if (f.kind === 'date') return new Date((v as number) * MS_PER_DAY);
  if (f.kind === 'timestamp') return new Date(v as number);
  return v;
}

/** The field's bitmap, made now (its first `rows` rows valid) if it has none. @internal */
export function bitmapOf(d: StoreData, k: number, rows: number): Uint8Array {
  let bm = d.valid[k]!;
  if (bm === null) d.valid[k] = bm = newBitmap(d.capacity, rows);
  return bm;
}

/** Writes a checked value (or null) into existing row `i`. @internal */
export function writeValue(d: StoreData, f: FieldInfo, i: number, v: unknown): void {
  const k = f.index;
  const col = d.cols[k]!;
  if (f.kind === 'category') return writeCategory(col as CategoryColumn, i, v as string | null);
  if (f.kind === 'vector') return (col as TypedArray).set(v as never, i * f.size);
  if (v === null) setBit(bitmapOf(d, k, d.length), i, false);
  else if (d.valid[k] !== null) setBit(d.valid[k]!, i, true);
  if (f.kind === 'utf8') (col as Utf8Data).set(i, v === null ? '' : (v as string), d.length);
  else (col as unknown as unknown[])[i] = v === null ? (f.info.bigint ? 0n : 0) : v;
}

/** Appends a checked value (or null) as row `n` (= `d.length`; the columns have room). @internal */
export function appendValue(d: StoreData, f: FieldInfo, n: number, v: unknown): void {
  const k = f.index;
  const col = d.cols[k]!;
  if (v === null) {
    if (f.kind === 'category') return pushOwned(col as CategoryColumn, null);
    setBit(bitmapOf(d, k, n), n, false);
  } else if (d.valid[k] !== null) setBit(d.valid[k]!, n, true);
  switch (f.kind) {
    case 'category':
      pushOwned(col as CategoryColumn, v);
      return;
    case 'utf8':
      (col as Utf8Data).append(n, v === null ? '' : (v as string));
      return;
    case 'vector':
      (col as TypedArray).set(v as never, n * f.size);
      return;
    default:
      (col as unknown as unknown[])[n] = v === null ? (f.info.bigint ? 0n : 0) : v;
  }
}

/** True if row `i` of field `f` is valid (category: not missing). @internal */
export function validAt(d: StoreData, f: FieldInfo, i: number): boolean {
  if (f.kind === 'category') return (d.cols[f.index] as CategoryColumn).codes[i]! >= 0;
  return isValid(d.valid[f.index]!, i);
}
