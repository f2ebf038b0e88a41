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
