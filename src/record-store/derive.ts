/**
 * `store.derive({...})`: the spec type and the type inference for derived fields.
 *
 * @internal
 * @packageDocumentation
 */
import { describe, throwType } from '../errors.js';
import type { FieldSpec } from './schema.js';
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
