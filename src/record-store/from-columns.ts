/**
 * `RecordStore.fromColumns`: columns adopted (a TypedArray of the field's storage type, a Categorical, a
 * Utf8Column, a bitmap) or validated and converted, into the parts of a new store.
 *
 * @internal
 * @packageDocumentation
 */
import { categorical } from '../categorical.js';
import { dtypeOfArray, widensTo, type TypedArray } from '../dtype.js';
import { describe, throwType, throwValue } from '../errors.js';
import { isCategorical, newCategory, stringCategories } from './categories.js';
import { checkCategoryValue } from './checks.js';
import { inferField } from './infer.js';
import { checkDate, checkScalar, checkTimestamp } from './field-values.js';
import { fieldValue, parseSchema, type FieldInfo, type FieldSpec, type ParsedSchema, type Schema, type SchemaEntries } from './schema.js';
import type { CategoryColumn, Column } from './store-data.js';
import { Utf8Column } from './utf8-column.js';
import { Utf8Data } from './utf8-data.js';
import { bitmapBytes, countNulls, isValid, newBitmap, setBit } from './validity.js';

/** @internal */
export function fillDefault(f: FieldInfo, length: number): Column {
  if (f.kind === 'category') {
    const c = newCategory();
    c.extend(new Array<unknown>(length).fill(f.default));
    return c;
  }
  if (f.kind === 'utf8') {
    const u = Utf8Column.from(new Array<string>(length).fill(f.default === null ? '' : (f.default as string)));
    return new Utf8Data(length, u.offsets, u.bytes);
  }
  if (f.default === null) return f.info.alloc(length);
  const a = f.info.alloc(length * f.size);
  if (f.kind === 'vector') for (let i = 0; i < length; i++) (a as Float64Array).set(f.default as Float64Array, i * f.size);
  else (a as unknown as { fill(v: unknown): void }).fill(f.default);
  return a;
}

/**
 * A nullable column for {@link RecordStore.fromColumns}: the values (adopted when of the field's storage
 * type; a null row's slot is ignored) and an Arrow-layout validity bitmap (1 = valid, LSB first; adopted).
 */
export interface NullableColumn {
  /** The values, one per row. */
  readonly values: TypedArray;
  /** `ceil(length / 8)` bytes, or `null` when every row is valid. */
  readonly validity: Uint8Array | null;
}

function isNullableColumn(c: unknown): c is NullableColumn {
  return typeof c === 'object' && c !== null && !ArrayBuffer.isView(c) && !Array.isArray(c) && 'values' in c && 'validity' in c;
}

function columnLength(c: unknown): number | undefined {
  if (isNullableColumn(c)) return ArrayBuffer.isView(c.values) ? c.values.length : undefined;
  if (typeof c !== 'object' || c === null) return undefined;
  const n = (c as { length?: unknown }).length;
  return typeof n === 'number' ? n : undefined;
}

/** The validated parts of `RecordStore.fromColumns(cols, schema?)`: adopted or converted columns. @internal */
export function columnsToParts(
  cols: Readonly<Record<string, unknown>>,
  schema: Schema | SchemaEntries | undefined,
): { parsed: ParsedSchema; cols: Column[]; valid: (Uint8Array | null)[]; length: number } {
  const where = 'RecordStore.fromColumns';
  if (typeof cols !== 'object' || cols === null || Array.isArray(cols)) throwType(`${where}: cols must be an object of columns, got ${describe(cols)}`);
  const names = Object.keys(cols);
  let parsed: ParsedSchema;
  if (schema === undefined) {
    if (names.length === 0) throwValue(`${where}: no columns`);
    const entries: [string, FieldSpec][] = names.map((k) => {
      const c = cols[k];
      if (isCategorical(c)) return [k, 'category'];
      if (c instanceof Utf8Column) return [k, c.validity === null ? 'utf8' : { type: 'utf8', nullable: true }];
      if (isNullableColumn(c)) {
        const dt = dtypeOfArray(c.values);
        if (dt === undefined) throwType(`${where}: column ${describe(k)} values must be one of the ten TypedArray types, got ${describe(c.values)}`);
        return [k, { type: dt, nullable: true }];
      }
      if (ArrayBuffer.isView(c)) {
        const dt = dtypeOfArray(c);
        if (dt === undefined) throwType(`${where}: column ${describe(k)} is a ${c.constructor.name}; use one of the ten TypedArray types`);
        return [k, dt];
      }
      if (Array.isArray(c)) return [k, inferField(c, `${where} column ${describe(k)}`)];
      return throwType(`${where}: column ${describe(k)} must be a TypedArray, a Categorical, a Utf8Column, {values, validity} or an array, got ${describe(c)}`);
    });
    parsed = parseSchema(entries);
  } else {
    parsed = parseSchema(schema);
    for (const k of names) if (!parsed.byName.has(k)) throwValue(`${where}: column ${describe(k)} is not in the schema (fields: ${parsed.names.join(', ')})`);
  }
  // Lengths (records) first: ragged columns are a ValueError before anything is built.
  let length = -1;
  const lengths: string[] = [];
  for (const f of parsed.fields) {
    const c = fieldValue(cols, f.name);
    if (c === undefined) {
      if (!f.hasDefault) throwValue(`${where}: no column for field ${describe(f.name)}, which has no default`);
      continue;
    }
    const raw = columnLength(c);
    if (raw === undefined) {
      throwType(`${where}: column ${describe(f.name)} must be a TypedArray, a Categorical, a Utf8Column, {values, validity} or an array, got ${describe(c)}`);
    }
    if (raw % f.size !== 0) throwValue(`${where}: column ${describe(f.name)} has ${raw} values, not a multiple of its vector size ${f.size}`);
    const len = raw / f.size;
    lengths.push(`${f.name}: ${len}`);
    if (length === -1) length = len;
    else if (len !== length) throwValue(`${where}: ragged columns (${lengths.join(', ')}); every column needs the same length`);
  }
  if (length === -1) throwValue(`${where}: no columns`);
  const valid: (Uint8Array | null)[] = parsed.fields.map(() => null);
  const out: Column[] = parsed.fields.map((f) => {
    const c = fieldValue(cols, f.name);
    const at = `${where} column ${describe(f.name)}`;
    if (c === undefined) {
      if (f.default === null && f.kind !== 'category') valid[f.index] = new Uint8Array(bitmapBytes(length));
      return fillDefault(f, length);
    }
    if (f.kind === 'category') {
      if (isCategorical(c)) {
        stringCategories(c, at);
        return c as unknown as CategoryColumn;
      }
      if (ArrayBuffer.isView(c)) throwType(`${at}: a category field takes a Categorical or an array of strings, got a ${c.constructor.name}`);
      const values = c as readonly unknown[];
      for (let j = 0; j < values.length; j++) checkCategoryValue(values[j], `${at} row ${j}`);
      return categorical(values as (string | null)[]) as unknown as CategoryColumn;
    }
    if (isCategorical(c)) throwType(`${at}: a Categorical cannot fill a ${f.typeName} field`);
    if (f.kind === 'utf8') {
      const u =
        c instanceof Utf8Column ? c : Array.isArray(c) ? utf8FromArray(f, c, at) : throwType(`${at}: a utf8 field takes a Utf8Column or an array of strings, got ${describe(c)}`);
      if (u.validity !== null && u.nullCount > 0) {
        if (!f.nullable) nullInto(f, at);
        valid[f.index] = u.validity;
      }
      const base = u.offsets[0]!;
      const offsets = base === 0 ? u.offsets : u.offsets.map((o) => o - base);
      return new Utf8Data(length, offsets, base === 0 ? u.bytes : u.bytes.subarray(base));
    }
    const info = f.info;
    let src: unknown = c;
    if (isNullableColumn(c)) {
      if (c.validity !== null) {
        if (!(c.validity instanceof Uint8Array) || c.validity.length < bitmapBytes(length)) {
          throwValue(`${at}: validity must be a Uint8Array of at least ${bitmapBytes(length)} bytes for ${length} rows`);
        }
        if (countNulls(c.validity, length) > 0) {
          if (!f.nullable) nullInto(f, at);
          valid[f.index] = c.validity;
        }
      }
      src = c.values;
    }
    const bm = valid[f.index]!;
    if (ArrayBuffer.isView(src)) {
      const dt = dtypeOfArray(src);
      if (dt === f.dtype && src.constructor === info.ctor) {
        if (f.kind === 'bool' || f.kind === 'date' || f.kind === 'timestamp') checkStorage(f, src as TypedArray, bm, length, at);
        return src as TypedArray;
      }
      if (f.kind === 'number' && dt !== undefined && widensTo(dt, f.dtype)) {
        const a = info.alloc(length * f.size);
        (a as Float64Array).set(src as Float64Array);
        return a;
      }
    }
    const arr = src as ArrayLike<unknown>;
    const a = info.alloc(length * f.size) as unknown as unknown[];
    if (f.kind === 'vector') {
      const check = info.check;
      for (let j = 0; j < arr.length; j++) a[j] = check(arr[j], `${at} row ${Math.floor(j / f.size)}`);
      return a as unknown as TypedArray;
    }
    let nb: Uint8Array | null = bm;
    for (let j = 0; j < arr.length; j++) {
      if (bm !== null && !isValid(bm, j)) continue; // null in the given bitmap: the slot is ignored
      const v = checkScalar(f.kind, f.dtype, f.nullable, arr[j], `${at} row ${j}`);
      if (v === null) {
        if (nb === null) nb = valid[f.index] = newBitmap(length, j);
        setBit(nb, j, false);
      } else {
        a[j] = v;
        if (nb !== null) setBit(nb, j, true);
      }
    }
    return a as unknown as TypedArray;
  });
  return { parsed, cols: out, valid, length };
}

function nullInto(f: FieldInfo, at: string): never {
  return throwType(`${at}: nulls in non-nullable field ${describe(f.name)} (declare it {type: ${describe(f.typeName)}, nullable: true})`);
}

function utf8FromArray(f: FieldInfo, values: readonly unknown[], at: string): Utf8Column {
  for (let j = 0; j < values.length; j++) checkScalar('utf8', f.dtype, true, values[j], `${at} row ${j}`);
  return Utf8Column.from(values as (string | null)[]);
}

/** Checks adopted bool/date/timestamp storage (valid rows only). */
function checkStorage(f: FieldInfo, a: TypedArray, bm: Uint8Array | null, n: number, at: string): void {
  for (let j = 0; j < n; j++) {
    if (bm !== null && !isValid(bm, j)) continue;
    const v = a[j] as number;
    if (f.kind === 'bool') {
      if (v !== 0 && v !== 1) throwValue(`${at} row ${j}: a bool column holds 0 or 1, got ${v}`);
    } else if (f.kind === 'date') checkDate(v, `${at} row ${j}`);
    else checkTimestamp(v, `${at} row ${j}`);
  }
}
