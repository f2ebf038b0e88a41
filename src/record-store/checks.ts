/**
 * Argument and value checks of the RecordStore methods: a capacity, one field value (as a write validates it), a list of key fields.
 * @internal
 */
import { describe, throwType, throwValue } from '../errors.js';
import { MAX_ELEMENTS } from '../internal/growth.js';
import { checkScalar } from './field-values.js';
import { checkVectorValue, type FieldInfo } from './schema.js';

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
  if (f.kind === 'vector') return checkVectorValue(v, f.info, f.size, where);
  return checkScalar(f.kind, f.dtype, f.nullable, v, where);
}

/** The key fields of `groupBy`/`valueCounts`: one field name or an array of them (names are checked by the caller). @internal */
export function fieldNames(fields: unknown, where: string): readonly string[] {
  if (typeof fields === 'string') return [fields];
  if (Array.isArray(fields)) return fields as readonly string[];
  return throwType(`${where}: expected a field or fields, got ${describe(fields)}`);
}
