/**
 * `store.valueCounts(fields, {dropna: false})`: the counts of the key combinations that hold a null, which
 * `groupBy` drops. Those rows are usually few: they are counted with one Map over their key tuples.
 *
 * @internal
 * @packageDocumentation
 */
import { fieldType, type FieldSpec, type Schema } from './schema.js';

/** Options of {@link RecordStore.valueCounts}. */
export interface StoreValueCountsOptions {
  /** Proportions of the counted rows (a `proportion` float64 field) instead of counts (default false). */
  readonly normalize?: boolean | undefined;
  /** Leave out rows with a null key (default true, as pandas). */
  readonly dropna?: boolean | undefined;
}

/** What this module needs of a store (its public API). @internal */
export interface CountableStore {
  readonly length: number;
  readonly schema: { readonly [name: string]: FieldSpec };
  where(field: string, op: 'isNull'): Uint8Array;
  getField(i: number, name: string): unknown;
}

/** Columns and schema of the null-key combinations and their counts (output field `out`). @internal */
export function nullKeyColumns(store: CountableStore, keys: readonly string[], out: string): { cols: Record<string, unknown[] | Uint32Array>; schema: Schema } {
  const n = store.length;
  const any = new Uint8Array(n);
  for (const k of keys) {
    const m = store.where(k, 'isNull');
    for (let i = 0; i < n; i++) any[i] = any[i]! | m[i]!;
  }
  const counts = new Map<string, { values: unknown[]; count: number }>();
  for (let i = 0; i < n; i++) {
    if (any[i] === 0) continue;
    const values = keys.map((k) => store.getField(i, k));
    // NaN and null are the only nulls; a key made of them and non-null values is distinct per value.
    const id = JSON.stringify(values.map((v) => (typeof v === 'bigint' ? `${v}n` : typeof v === 'number' && v !== v ? 'NaN' : v)));
    const e = counts.get(id);
    if (e === undefined) counts.set(id, { values, count: 1 });
    else e.count++;
  }
  const cols: Record<string, unknown[] | Uint32Array> = Object.create(null) as Record<string, unknown[] | Uint32Array>; // any field name, '__proto__' too
  keys.forEach((k, t) => (cols[k] = [...counts.values()].map((e) => e.values[t])));
  cols[out] = Uint32Array.from([...counts.values()].map((e) => e.count));
  const schema: Record<string, FieldSpec> = Object.create(null) as Record<string, FieldSpec>;
  for (const k of keys) schema[k] = fieldType(store.schema[k]!);
  schema[out] = 'uint32';
  return { cols, schema };
}
