/**
 * Schema inference (the pandas `astype`/`downcast` step done for the user): per field, the smallest integer
 * dtype that holds every value, `float64` for other numbers, `int64`/`uint64` for bigints, `'category'` for
 * strings, `[dtype, n]` for arrays of one length.
 *
 * @internal
 * @packageDocumentation
 */
import { dtypeOfArray, type DType } from '../dtype.js';
import { describe, throwOverflow, throwType, throwValue } from '../errors.js';
import { INT64_DTYPES, intDTypeFor, SMALL_INT_DTYPES } from '../internal/int-dtypes.js';
import { fieldValue, type FieldSpec } from './schema.js';

/** The smallest integer dtype holding [min, max], or float64 beyond 32 bits (exact up to 2^53). @internal */
export function smallestIntDType(min: number, max: number): DType {
  return intDTypeFor(min, max, SMALL_INT_DTYPES) ?? 'float64';
}

function numberDType(values: ArrayLike<unknown>, where: string): DType {
  let min = Infinity;
  let max = -Infinity;
  let integer = true;
  for (let j = 0; j < values.length; j++) {
    const v = values[j];
    if (typeof v !== 'number') throwType(`${where}: row ${j} is ${describe(v)} in a numeric field`);
    if (!Number.isInteger(v) || Object.is(v, -0)) integer = false;
    else {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (!integer || values.length === 0) return 'float64';
  return smallestIntDType(min, max);
}

function bigDType(values: ArrayLike<unknown>, where: string): DType {
  let min = 0n;
  let max = 0n;
  for (let j = 0; j < values.length; j++) {
    const raw = values[j];
    let v: bigint;
    if (typeof raw === 'bigint') v = raw;
    else if (typeof raw === 'number' && Number.isSafeInteger(raw)) v = BigInt(raw);
    else return throwType(`${where}: row ${j} is ${describe(raw)} in a bigint field (bigints and safe integers only)`);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return intDTypeFor(min, max, INT64_DTYPES) ?? throwOverflow(`${where}: bigint values [${min}, ${max}] fit neither int64 nor uint64`);
}

/** What a value is, for inference; a boolean or any other kind of value is a TypeError naming its row. */
function valueKind(v: unknown, j: number, where: string): 'absent' | 'null' | 'string' | 'number' | 'bigint' | 'array' {
  if (v === undefined) return 'absent';
  if (v === null) return 'null';
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'bigint') return t;
  if (t === 'boolean') throwType(`${where}: row ${j} is boolean ${String(v)}; booleans are not numbers in compactly (map them to 0/1 and use 'uint8')`);
  if (Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView))) return 'array';
  return throwType(`${where}: cannot infer a field type from ${describe(v)} (row ${j})`);
}

/**
 * Infers one field's spec from its values (`undefined` = absent). A numeric field with absent values becomes
 * `{type: 'float64', default: NaN}` (pandas fills NaN); a string field with absent values gets `default: null`.
 * @internal
 */
export function inferField(values: readonly unknown[], where: string): FieldSpec {
  const count = { absent: 0, null: 0, string: 0, number: 0, bigint: 0, array: 0 };
  for (let j = 0; j < values.length; j++) count[valueKind(values[j], j, where)]++;
  const { absent, null: nulls, string: strings, number: numbers, bigint: bigints, array: arrays } = count;
  const present = values.filter((v) => v !== undefined);
  if (strings > 0 || (nulls > 0 && numbers + bigints + arrays === 0)) {
    if (numbers + bigints + arrays > 0) throwType(`${where}: mixes strings and numbers; a field holds one kind`);
    return absent > 0 ? { type: 'category', default: null } : 'category';
  }
  if (nulls > 0) throwType(`${where}: null in a numeric field (use NaN, or give a schema)`);
  if (arrays > 0) {
    if (numbers + bigints > 0) throwType(`${where}: mixes arrays and numbers; a field holds one kind`);
    if (absent > 0) throwType(`${where}: a vector field is absent in some rows (give a schema with a default)`);
    const n = (present[0] as ArrayLike<unknown>).length;
    let typed: DType | undefined = dtypeOfArray(present[0]);
    for (const v of present) {
      const a = v as ArrayLike<unknown>;
      if (a.length !== n) throwValue(`${where}: vectors of different lengths (${n} and ${a.length}); a vector field has one length`);
      if (dtypeOfArray(v) !== typed) typed = undefined;
    }
    if (n === 0) throwValue(`${where}: empty vectors cannot be stored`);
    if (typed !== undefined) return [typed, n];
    const flat: unknown[] = [];
    for (const v of present) for (let e = 0; e < n; e++) flat.push((v as ArrayLike<unknown>)[e]);
    const big = flat.some((x) => typeof x === 'bigint');
    return [big ? bigDType(flat, where) : numberDType(flat, where), n];
  }
  if (bigints > 0) {
    if (absent > 0) throwType(`${where}: a bigint field is absent in some rows (give a schema with a default)`);
    return bigDType(present, where);
  }
  if (absent > 0) return { type: 'float64', default: NaN };
  return numberDType(present, where);
}

/** Field names of `objs` in first-seen order, validated as objects. @internal */
export function collectKeys(objs: readonly unknown[], where: string): string[] {
  const seen = new Set<string>();
  for (let j = 0; j < objs.length; j++) {
    const o = objs[j];
    if (typeof o !== 'object' || o === null || Array.isArray(o)) throwType(`${where}: row ${j} must be an object, got ${describe(o)}`);
    for (const k of Object.keys(o)) seen.add(k);
  }
  return [...seen];
}

/** The schema `RecordStore.fromObjects(rows)` infers. @internal */
export function inferObjectsSchema(rows: readonly unknown[]): [string, FieldSpec][] {
  if (rows.length === 0) throwValue('RecordStore.fromObjects: cannot infer a schema from no objects; pass a schema');
  const keys = collectKeys(rows, 'RecordStore.fromObjects');
  const entries: [string, FieldSpec][] = [];
  for (const k of keys) {
    const values = rows.map((o) => fieldValue(o as object, k));
    entries.push([k, inferField(values, `RecordStore.fromObjects field ${describe(k)}`)]);
  }
  return entries;
}
