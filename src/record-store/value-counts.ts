/**
 * `store.valueCounts(fields, options)`: two keys whose ids combine densely are counted in one pass over
 * the rows (groupBy's pair count kernel, without groupBy's first-row pass or aggregation step); other keys go through
 * `groupBy(...).agg({count})`. With `{dropna: false}`, the key combinations that hold a null, which grouping
 * drops, are counted apart: those rows are usually few, and one Map over their key tuples counts them.
 *
 * @internal
 * @packageDocumentation
 */
import { takeColumn } from './take.js';
import { keyGroups } from './group-by.js';
import { DENSE_MIN, repRows, type Groups } from './group-keys.js';
import { pairCounts } from './group-kernels.js';
import { argsortByCodes, codeBits } from './sort-by.js';
import { fieldType, type FieldInfo, type FieldSpec, type Schema } from './schema.js';
import type { Column, StoreData } from './store-data.js';

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

/** Counted key combinations: the key fields (type without default or nullable, as groupBy) and `out` (uint32). @internal */
export interface CountedParts {
  readonly entries: [string, FieldSpec][];
  readonly cols: Column[];
  readonly valid: (Uint8Array | null)[];
  readonly length: number;
}

/**
 * The counts of two key fields, largest first (ties in groupBy's key order; rows with a null key left out),
 * in one pass when their ids combine densely; `null` for other keys. O(rows + ids). @internal
 */
export function pairValueCounts(d: StoreData, keys: readonly FieldInfo[], out: string): CountedParts | null {
  if (keys.length !== 2) return null;
  const [fa, fb] = keys as [FieldInfo, FieldInfo];
  const n = d.length;
  const [ga, gb] = keyGroups(d, keys) as [Groups, Groups];
  if (ga.k * gb.k > Math.max(n, DENSE_MIN)) return null;
  // groupBy's pair count (the ids combined in the kernel), without its first-row pass: the key values come
  // from each key's own first rows.
  const counts = pairCounts({ a: ga.gid, b: gb.gid, kb: gb.k, seen: null }, n, ga.k * gb.k);
  let m = 0;
  let max = 0;
  for (let g = 0; g < counts.length; g++) {
    const x = counts[g]!;
    if (x !== 0) m++;
    if (x > max) max = x;
  }
  // The observed combinations in key order, then sorted by count, largest first (stable: ties keep key order).
  const ids = new Uint32Array(m);
  const desc = new Uint32Array(m);
  for (let g = 0, j = 0; g < counts.length; g++) {
    const x = counts[g]!;
    if (x === 0) continue;
    ids[j] = g;
    desc[j++] = max - x;
  }
  const order = argsortByCodes([desc], [codeBits(max)], m);
  const repA = repRows(ga);
  const repB = repRows(gb);
  const kb = gb.k;
  const rowsA = new Uint32Array(m);
  const rowsB = new Uint32Array(m);
  const c = new Uint32Array(m);
  for (let j = 0; j < m; j++) {
    const g = ids[order[j]!]!;
    rowsA[j] = repA[(g / kb) | 0]!;
    rowsB[j] = repB[g % kb]!;
    c[j] = counts[g]!;
  }
  return {
    entries: [
      [fa.name, fieldType(fa.spec)],
      [fb.name, fieldType(fb.spec)],
      [out, 'uint32'],
    ],
    cols: [takeColumn(d.cols[fa.index]!, fa, rowsA, m), takeColumn(d.cols[fb.index]!, fb, rowsB, m), c],
    valid: [null, null, null],
    length: m,
  };
}
