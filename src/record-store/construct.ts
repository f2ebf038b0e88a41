/**
 * Helpers shared by the RecordStore class: field value checks and writes, column gathers, and the column
 * building of `fromColumns`/`fromObjects`.
 *
 * @internal
 * @packageDocumentation
 */
import { Categorical, categorical } from '../categorical.js';
import { dtypeOfArray, widensTo, type TypedArray } from '../dtype.js';
import { describe, throwType, throwValue } from '../errors.js';
import { MAX_ELEMENTS } from '../internal/growth.js';
import { collectKeys, inferField } from './infer.js';
import { gatherColumn } from './kernels.js';
import { checkVectorValue, parseSchema, type FieldInfo, type FieldSpec, type ParsedSchema, type Schema, type SchemaEntries } from './schema.js';
import { writeCategory, type CategoryColumn, type Column, type StoreData } from './store-data.js';

/** An empty category column. @internal */
export function newCategory(): CategoryColumn {
  return categorical<string>() as unknown as CategoryColumn;
}

/** @internal */
export function checkCapacity(n: unknown, where: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n)) throwType(`${where}: capacity must be an integer, got ${describe(n)}`);
  if (n < 0 || n > MAX_ELEMENTS) throwValue(`${where}: capacity ${n} out of range [0, ${MAX_ELEMENTS}]`);
  return n;
}

/** @internal */
export function checkCategoryValue(v: unknown, where: string): string | null {
  if (v === null || typeof v === 'string') return v;
  return throwType(`${where}: a category field takes a string or null, got ${describe(v)}`);
}

/** Validates one value for a field; returns what to store. @internal */
export function checkFieldValue(f: FieldInfo, v: unknown, where: string): unknown {
  if (f.kind === 'number') return f.info.check(v, where);
  if (f.kind === 'vector') return checkVectorValue(v, f.info, f.size, where);
  return checkCategoryValue(v, where);
}

/** @internal */
export function writeField(d: StoreData, f: FieldInfo, i: number, v: unknown): void {
  const col = d.cols[f.index]!;
  if (f.kind === 'number') (col as unknown as unknown[])[i] = v;
  else if (f.kind === 'vector') (col as TypedArray).set(v as never, i * f.size);
  else writeCategory(col as CategoryColumn, i, v as string | null);
}

/** @internal */
export function readField(d: StoreData, f: FieldInfo, i: number): unknown {
  const col = d.cols[f.index]!;
  if (f.kind === 'number') return (col as TypedArray)[i];
  if (f.kind === 'vector') return (col as TypedArray).subarray(i * f.size, i * f.size + f.size);
  return (col as CategoryColumn).get(i);
}

/** @internal */
export function isCategorical(x: unknown): x is Categorical<string | number> {
  return x instanceof Categorical;
}

/** @internal */
export function stringCategories(cat: Categorical<string | number>, where: string): void {
  for (const c of cat.categories) if (typeof c !== 'string') throwType(`${where}: category fields hold strings; this Categorical has ${describe(c)}`);
}

/** Gathers every column at `rows` into the parts of a new store. @internal */
export function takeColumns(d: StoreData, rows: Uint32Array, fields: readonly FieldInfo[] = d.schema.fields): Column[] {
  const m = rows.length;
  return fields.map((f) => {
    const col = d.cols[f.index]!;
    if (f.kind === 'category') return (col as CategoryColumn).take(rows);
    return gatherColumn(col as TypedArray, f.dtype, f.size, rows, m);
  });
}

/** @internal */
export function identity(n: number): Uint32Array {
  const r = new Uint32Array(n);
  for (let i = 0; i < n; i++) r[i] = i;
  return r;
}

/** @internal */
export function fillDefault(f: FieldInfo, length: number): Column {
  if (f.kind === 'category') {
    const c = newCategory();
    c.extend(new Array<unknown>(length).fill(f.default));
    return c;
  }
  const a = f.info.alloc(length * f.size);
  if (f.kind === 'vector') for (let i = 0; i < length; i++) (a as Float64Array).set(f.default as Float64Array, i * f.size);
  else (a as unknown as { fill(v: unknown): void }).fill(f.default);
  return a;
}

/** The validated parts of `RecordStore.fromColumns(cols, schema?)`: adopted or converted columns. @internal */
export function columnsToParts(
  cols: Readonly<Record<string, unknown>>,
  schema: Schema | SchemaEntries | undefined,
): { parsed: ParsedSchema; cols: Column[]; length: number } {
  const where = 'RecordStore.fromColumns';
  if (typeof cols !== 'object' || cols === null || Array.isArray(cols)) throwType(`${where}: cols must be an object of columns, got ${describe(cols)}`);
  const names = Object.keys(cols);
  let parsed: ParsedSchema;
  if (schema === undefined) {
    if (names.length === 0) throwValue(`${where}: no columns`);
    const entries: [string, FieldSpec][] = names.map((k) => {
      const c = cols[k];
      if (isCategorical(c)) return [k, 'category'];
      if (ArrayBuffer.isView(c)) {
        const dt = dtypeOfArray(c);
        if (dt === undefined) throwType(`${where}: column ${describe(k)} is a ${c.constructor.name}; use one of the ten TypedArray types`);
        return [k, dt];
      }
      if (Array.isArray(c)) return [k, inferField(c, `${where} column ${describe(k)}`)];
      return throwType(`${where}: column ${describe(k)} must be a TypedArray, a Categorical or an array, got ${describe(c)}`);
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
    const c = cols[f.name] as ArrayLike<unknown> | Categorical<string> | undefined;
    if (c === undefined) {
      if (!f.hasDefault) throwValue(`${where}: no column for field ${describe(f.name)}, which has no default`);
      continue;
    }
    if (typeof c !== 'object' || c === null || typeof (c as ArrayLike<unknown>).length !== 'number') {
      throwType(`${where}: column ${describe(f.name)} must be a TypedArray, a Categorical or an array, got ${describe(c)}`);
    }
    const raw = (c as ArrayLike<unknown>).length;
    if (raw % f.size !== 0) throwValue(`${where}: column ${describe(f.name)} has ${raw} values, not a multiple of its vector size ${f.size}`);
    const len = raw / f.size;
    lengths.push(`${f.name}: ${len}`);
    if (length === -1) length = len;
    else if (len !== length) throwValue(`${where}: ragged columns (${lengths.join(', ')}); every column needs the same length`);
  }
  if (length === -1) throwValue(`${where}: no columns`);
  const out: Column[] = parsed.fields.map((f) => {
    const c = cols[f.name];
    const at = `${where} column ${describe(f.name)}`;
    if (c === undefined) return fillDefault(f, length);
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
    if (isCategorical(c)) throwType(`${at}: a Categorical cannot fill a ${f.dtype} field`);
    const info = f.info;
    if (ArrayBuffer.isView(c)) {
      const dt = dtypeOfArray(c);
      if (dt === f.dtype && c.constructor === info.ctor) return c as TypedArray;
      if (dt !== undefined && widensTo(dt, f.dtype)) {
        const a = info.alloc(length * f.size);
        (a as Float64Array).set(c as Float64Array);
        return a;
      }
    }
    const src = c as ArrayLike<unknown>;
    const a = info.alloc(length * f.size) as unknown as unknown[];
    const check = info.check;
    for (let j = 0; j < src.length; j++) a[j] = check(src[j], `${at} row ${Math.floor(j / f.size)}`);
    return a as unknown as TypedArray;
  });
  return { parsed, cols: out, length };
}

/** The schema `RecordStore.fromObjects(rows)` infers. @internal */
export function inferObjectsSchema(rows: readonly unknown[]): [string, FieldSpec][] {
  if (rows.length === 0) throwValue('RecordStore.fromObjects: cannot infer a schema from no objects; pass a schema');
  const keys = collectKeys(rows, 'RecordStore.fromObjects');
  const entries: [string, FieldSpec][] = [];
  for (const k of keys) {
    const values = rows.map((o) => (o as Record<string, unknown>)[k]);
    entries.push([k, inferField(values, `RecordStore.fromObjects field ${describe(k)}`)]);
  }
  return entries;
}
