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
import { codesLike, DENSE_MIN, repRows, type Groups } from './group-keys.js';
import { pairCounts } from './group-kernels.js';
import { KeptTable } from './kept-table.js';
import { specialize, tagOf } from './kernels.js';
import { argsortByCodes, codeBits } from './sort-by.js';
import { fieldType, type FieldInfo, type FieldSpec, type Schema } from './schema.js';
import type { CategoryColumn, Column, StoreData } from './store-data.js';

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
  // from each key's own first rows. The count table is reused from call to call (kept-table.ts).
  const k = ga.k * gb.k;
  const counts = pairCounts({ a: ga.gid, b: gb.gid, kb: gb.k, seen: null }, n, k, COUNTS.take(k), false);
  const mm = new Int32Array(2);
  specialize(countsRange, 'Int32Array')(counts, k, mm);
  const m = mm[0]!;
  const max = mm[1]!;
  // A category key's ids are its codes: its output codes are written directly (no row list, no gather).
  const outA = keyOut(d, fa, m);
  const outB = keyOut(d, fb, m);
  const c = new Uint32Array(m);
  const mapA = keyMap(fa, ga);
  const mapB = keyMap(fb, gb);
  if (max <= 4 * m + 1024) {
    // A counting sort by count, largest first; stable (ties in key order): one pass to place each combination.
    const start = new Int32Array(max + 1);
    specialize(countsHistogram, 'Int32Array')(counts, k, start);
    for (let x = max, pos = 0; x >= 1; x--) {
      const h = start[x]!;
      start[x] = pos;
      pos += h;
    }
    specialize(placeByCount, `${tagOf(outA)}:${tagOf(outB)}`)(counts, ga.k, gb.k, mapA, mapB, start, outA, outB, c);
  } else {
    // Few combinations with large counts: a radix sort of the observed combinations by count.
    const ids = new Uint32Array(m);
    const desc = new Uint32Array(m);
    for (let g = 0, j = 0; g < k; g++) {
      const x = counts[g]!;
      if (x === 0) continue;
      ids[j] = g;
      desc[j++] = max - x;
    }
    const order = argsortByCodes([desc], [codeBits(max)], m);
    const kb = gb.k;
    for (let j = 0; j < m; j++) {
      const g = ids[order[j]!]!;
      outA[j] = mapA[(g / kb) | 0]!;
      outB[j] = mapB[g % kb]!;
      c[j] = counts[g]!;
    }
  }
  return {
    entries: [
      [fa.name, fieldType(fa.spec)],
      [fb.name, fieldType(fb.spec)],
      [out, 'uint32'],
    ],
    cols: [keyColumn(d, fa, outA, m), keyColumn(d, fb, outB, m), c],
    valid: [null, null, null],
    length: m,
  };
}

/** The two-key count table, kept from call to call (kept-table.ts). */
const COUNTS = new KeptTable((slots) => new Int32Array(slots));

/** out[0] = the number of nonzero counts of `counts[0..k)`, out[1] = the largest. */
function countsRange(counts: Int32Array, k: number, out: Int32Array): void {
  let m = 0;
  let max = 0;
  for (let g = 0; g < k; g++) {
    const x = counts[g]!;
    m += x !== 0 ? 1 : 0;
    max = x > max ? x : max;
  }
  out[0] = m;
  out[1] = max;
}

/** hist[x] = the number of combinations counted x times (x ≥ 1). */
function countsHistogram(counts: Int32Array, k: number, hist: Int32Array): void {
  for (let g = 0; g < k; g++) {
    const x = counts[g]!;
    if (x !== 0) hist[x] = hist[x]! + 1;
  }
}

/**
 * Each observed combination `x * kb + y`, in key order, at the next position of its count (`start[count]`):
 * `mapA[x]`, `mapB[y]` (codes or first rows, see {@link keyOut}) and its count. Nested loops, no division.
 */
function placeByCount(
  counts: Int32Array,
  ka: number,
  kb: number,
  mapA: Int32Array,
  mapB: Int32Array,
  start: Int32Array,
  outA: { [j: number]: number },
  outB: { [j: number]: number },
  c: Uint32Array,
): void {
  for (let x = 0, g = 0; x < ka; x++) {
    const r = mapA[x]!;
    for (let y = 0; y < kb; y++, g++) {
      const cnt = counts[g]!;
      if (cnt === 0) continue;
      const j = start[cnt]!;
      start[cnt] = j + 1;
      outA[j] = r;
      outB[j] = mapB[y]!;
      c[j] = cnt;
    }
  }
}

/** What {@link placeByCount} writes per id of a key: its code (a category key), else its first row. */
function keyOut(d: StoreData, f: FieldInfo, m: number): Int8Array | Int16Array | Int32Array | Uint32Array {
  if (f.kind !== 'category') return new Uint32Array(m);
  return codesLike(d.cols[f.index] as CategoryColumn, m);
}

/** Per id of a key, the value {@link keyOut} holds: the id itself (a category's ids are its codes), else its first row. */
function keyMap(f: FieldInfo, g: Groups): Int32Array {
  if (f.kind !== 'category') return repRows(g);
  const ids = new Int32Array(g.k);
  for (let x = 0; x < g.k; x++) ids[x] = x;
  return ids;
}

/** The key column from {@link keyOut}'s array: a Categorical over the codes, else the rows gathered. */
function keyColumn(d: StoreData, f: FieldInfo, out: Int8Array | Int16Array | Int32Array | Uint32Array, m: number): Column {
  const col = d.cols[f.index]!;
  if (f.kind === 'category') return (col as CategoryColumn).withCodesUnchecked(out as Int8Array | Int16Array | Int32Array);
  return takeColumn(col, f, out, m);
}
