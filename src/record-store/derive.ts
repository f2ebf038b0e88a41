/**
 * `store.derive({...})` and `store.assign({...})`: the derived columns (one call per row, each value checked
 * as a write), the columns assigned as they are, the spec types and the type inference for derived fields.
 *
 * @internal
 * @packageDocumentation
 */
import type { TypedArray } from '../dtype.js';
import { describe, throwType, throwValue } from '../errors.js';
import { Vector } from '../vector.js';
import { isCategorical } from './categories.js';
import { checkFieldValue } from './checks.js';
import { IDX } from './record-view.js';
import { checkFieldName, parseSchema, type FieldSpec } from './schema.js';
import type { RecordCursor } from './types.js';

/** One derived field of {@link RecordStore.derive}: `fn(r, i)`, or `{type, fn}` to fix its type. */
export type DeriveSpec<S> =
  | { bivarianceHack(record: RecordCursor<S>, index: number): unknown }['bivarianceHack']
  | {
      /** The field type (as in a schema); inferred from the values when absent. */
      readonly type?: FieldSpec | undefined;
      /** Computes the field's value of one row. */
      readonly fn: { bivarianceHack(record: RecordCursor<S>, index: number): unknown }['bivarianceHack'];
    };

/** The field type a derive spec produces: its `type`, else what its function returns (number → float64, …). */
export type DerivedType<D> = D extends { readonly type: infer T extends FieldSpec }
  ? T
  : D extends { readonly fn: (...a: never[]) => infer R }
    ? InferredFieldType<R>
    : D extends (...a: never[]) => infer R
      ? InferredFieldType<R>
      : never;

/** The field type inferred from a derived value type. */
export type InferredFieldType<R> = [R] extends [number] ? 'float64' : [R] extends [bigint] ? 'int64' : [R] extends [string | null] ? 'category' : FieldSpec;

/** The schema of `store.derive(specs)`: this store's fields (derived names replace theirs), then the new ones. */
export type DerivedSchema<S, D> = { readonly [K in keyof S | keyof D]: K extends keyof D ? DerivedType<D[K]> : K extends keyof S ? S[K] : never };

/**
 * The type of a derived field from its first non-null value: number → float64, bigint → int64, string →
 * category. All-null (or no rows) → float64.
 * @internal
 */
export function inferDerivedType(values: readonly unknown[], name: string): FieldSpec {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (typeof v === 'number') return 'float64';
    if (typeof v === 'bigint') return 'int64';
    if (typeof v === 'string') return 'category';
    return throwType(`RecordStore.derive field ${describe(name)} row ${i}: cannot infer a field type from ${describe(v)}; pass {type, fn}`);
  }
  return 'float64';
}

/**
 * The columns of `derive(specs)` over `n` rows: `fn(cursor, i)` per row with `cursor` moved along, each value
 * checked against the field's type (given, or inferred from the values).
 * @internal
 */
export function deriveColumns(
  specs: Readonly<Record<string, unknown>>,
  n: number,
  cursor: { [IDX]: number },
): { added: Record<string, unknown>; types: Record<string, FieldSpec> } {
  if (typeof specs !== 'object' || specs === null || Array.isArray(specs)) throwType(`RecordStore.derive: expected {name: fn | {type, fn}}, got ${describe(specs)}`);
  const added: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const types: Record<string, FieldSpec> = Object.create(null) as Record<string, FieldSpec>;
  for (const name of Object.keys(specs)) {
    checkFieldName(name);
    const spec = specs[name];
    let fn: (r: never, i: number) => unknown;
    let type: FieldSpec | undefined;
    if (typeof spec === 'function') fn = spec as typeof fn;
    else if (typeof spec === 'object' && spec !== null && typeof (spec as { fn?: unknown }).fn === 'function') {
      fn = (spec as { fn: typeof fn }).fn;
      type = (spec as { type?: FieldSpec }).type;
    } else return throwType(`RecordStore.derive ${describe(name)}: expected a function or {type, fn}, got ${describe(spec)}`);
    const values = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      cursor[IDX] = i;
      values[i] = fn(cursor as never, i);
    }
    type ??= inferDerivedType(values, name);
    const f = parseSchema([[name, type]]).fields[0]!;
    for (let i = 0; i < n; i++) values[i] = checkFieldValue(f, values[i], `RecordStore.derive field ${describe(name)} row ${i}`);
    added[name] = values;
    types[name] = f.spec;
  }
  return { added, types };
}

/**
 * The columns of `assign(columns)` for a store of `n` rows: TypedArrays and arrays as they are, a Vector's
 * elements and a Categorical copied; each checked to have `n` rows.
 * @internal
 */
export function assignedColumns(columns: Readonly<Record<string, unknown>>, n: number): Record<string, unknown> {
  if (typeof columns !== 'object' || columns === null || Array.isArray(columns)) throwType(`RecordStore.assign: expected {name: column}, got ${describe(columns)}`);
  const added: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const name of Object.keys(columns)) {
    checkFieldName(name);
    let c = columns[name];
    if (c instanceof Vector) c = (c.array as TypedArray).slice();
    else if (isCategorical(c)) c = c.copy();
    const len = typeof c === 'object' && c !== null ? (c as { length?: unknown }).length : undefined;
    if (typeof len !== 'number') throwType(`RecordStore.assign ${describe(name)}: expected a TypedArray, Vector, Categorical or array, got ${describe(c)}`);
    if (len !== n) throwValue(`RecordStore.assign ${describe(name)}: column length ${len} does not match the store length ${n}`);
    added[name] = c;
  }
  return added;
}
