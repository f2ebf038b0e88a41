/**
 * `groupBy(keys).agg(spec)`: dense group ids per row, then one typed kernel per aggregate.
 *
 * Group ids: a category key uses its codes directly (observed categories, in category order); an integer
 * key with a small range uses `value - min`; another numeric key is radix-sorted once and its runs numbered
 * (ascending values); several keys are combined into one id per row by group-keys.ts (dense `a * kB + b`, or
 * a typed hash table; lexicographic order). Rows whose key is missing (null category, NaN) are dropped, as
 * pandas' default `dropna=True`.
 *
 * @internal
 * @packageDocumentation
 */
import { Categorical } from '../categorical.js';
import type { DType, TypedArray } from '../dtype.js';
import { DTYPES, dtypeOfArray } from '../dtype.js';
import { describe, throwAttribute, throwOverflow, throwType, throwValue } from '../errors.js';
import { codesLike, combineGroups, denseGroups, pairKeyCodes, type Groups } from './group-keys.js';
import { takeColumn } from './take.js';
import { bigSumByGroup, countByGroup, rowByGroup, sumByGroup, sumCountByGroup, type Ids } from './group-kernels.js';
import { gatherColumn, specialize } from './kernels.js';
import { fieldType, type FieldInfo, type FieldSpec, type ParsedSchema } from './schema.js';
import { argsortByKeys } from './sort-by.js';
import type { CategoryColumn, Column, StoreData } from './store-data.js';
import { utf8Codes } from './utf8-codes.js';
import { Utf8Data } from './utf8-data.js';
import { gatherBits, maskNullGroups, newBitmap, setBit } from './validity.js';

/** The aggregate functions of {@link GroupBy.agg}. */
export type AggOp = 'sum' | 'mean' | 'min' | 'max' | 'count' | 'first' | 'last';

/** One aggregate: `[op, field]`, or `['count']` for the number of rows per group. */
export type AggSpec = readonly [AggOp, string] | readonly ['count'];

const OPS: ReadonlySet<string> = new Set(['sum', 'mean', 'min', 'max', 'count', 'first', 'last']);

/** `gid` of an aggregate that reads `ids` only. */
const NO_IDS = new Int32Array(0);

function categoryGroups(cat: CategoryColumn, n: number): Groups {
  // The codes are the group ids: no pass to build them. Only observed categories are output.
  return denseGroups(cat.codes, cat.categories.length, n);
}

function numericGroups(d: StoreData, f: FieldInfo, n: number): Groups {
  const cols = d.cols;
  const bm = d.valid[f.index]!;
  const small = f.info.integer && !f.info.bigint ? smallRangeIds(cols[f.index] as TypedArray, f.dtype, n) : undefined;
  if (small !== undefined) return denseGroups(bm === null ? small.ids : maskNullGroups(small.ids, bm, n), small.k, n);
  const perm = argsortByKeys(d, [{ field: f, descending: false }], n);
  const vals = cols[f.index] as ArrayLike<number | bigint>;
  const gid = new Int32Array(n);
  const reps: number[] = [];
  let k = 0;
  let prev: number | bigint = 0;
  for (let j = 0; j < n; j++) {
    const r = perm[j]!;
    const v = vals[r]!;
    if (v !== v || (bm !== null && (bm[r >>> 3]! & (1 << (r & 7))) === 0)) {
      gid[r] = -1; // NaN and null sort last: every remaining row is missing
      continue;
    }
    if (j === 0 || v !== prev) {
      reps.push(r);
      k++;
      prev = v;
    }
    gid[r] = k - 1;
  }
  return { gid, k, reps: Uint32Array.from(reps), keep: null };
}

/**
 * Ids for an integer key with a small range (at most `max(n, 65536)` values), in value order, without a
 * sort: the column itself when its values are already `0..max` in a signed array (ids never written), else
 * `v - min`.
 */
function smallRangeIds(vals: TypedArray, dtype: DType, n: number): { ids: Int32Array | Int16Array | Int8Array; k: number } | undefined {
  if (n === 0) return undefined;
  const mm = new Float64Array(2);
  specialize(minMax, dtype)(vals as ArrayLike<number>, n, mm);
  const limit = Math.max(n, 1 << 16);
  if (mm[0]! >= 0 && mm[1]! < limit && (vals instanceof Int32Array || vals instanceof Int16Array || vals instanceof Int8Array)) {
    return { ids: vals.subarray(0, n), k: mm[1]! + 1 };
  }
  const k = mm[1]! - mm[0]! + 1;
  if (k > limit) return undefined;
  const ids = new Int32Array(n);
  specialize(offsetIds, dtype)(vals as ArrayLike<number>, n, mm[0]!, ids);
  return { ids, k };
}

function minMax(vals: ArrayLike<number>, n: number, out: Float64Array): void {
  let lo = vals[0]!;
  let hi = lo;
  for (let i = 1; i < n; i++) {
    const v = vals[i]!;
    if (v < lo) lo = v;
    else if (v > hi) hi = v;
  }
  out[0] = lo;
  out[1] = hi;
}

function offsetIds(vals: ArrayLike<number>, n: number, min: number, out: Int32Array): void {
  for (let i = 0; i < n; i++) out[i] = vals[i]! - min;
}

/** Each key field's own group ids (ordered as its values). @internal */
export function keyGroups(d: StoreData, keys: readonly FieldInfo[]): Groups[] {
  const n = d.length;
  return keys.map((f) => {
    if (f.kind === 'vector') throwType(`RecordStore.groupBy: cannot group by vector field ${describe(f.name)}`);
    if (f.kind === 'category') return categoryGroups(d.cols[f.index] as CategoryColumn, n);
    if (f.kind === 'utf8') {
      const u = d.cols[f.index] as Utf8Data;
      const c = utf8Codes(u.offsets, u.bytes, d.valid[f.index]!, n);
      return { gid: c.codes, k: c.k, reps: c.reps, keep: null };
    }
    return numericGroups(d, f, n);
  });
}

/** Group ids for one or more key fields. @internal */
export function groupIds(d: StoreData, keys: readonly FieldInfo[]): Groups {
  const single = keyGroups(d, keys);
  return single.length === 1 ? single[0]! : combineGroups(single, d.length);
}

/** The new store's parts. @internal */
export interface Parts {
  readonly entries: [string, FieldSpec][];
  readonly cols: Column[];
  readonly valid: (Uint8Array | null)[];
  readonly length: number;
}

/** First (or last) row of each group id, -1 if none. */
function edgeRows(gid: ArrayLike<number>, n: number, k: number, last: boolean): Int32Array {
  const rows = new Int32Array(k).fill(-1);
  for (let i = 0; i < n; i++) {
    const g = gid[i]!;
    if (g >= 0 && (last || rows[g]! < 0)) rows[g] = i;
  }
  return rows;
}

function gatherRows(col: Column, f: FieldInfo, rows: Int32Array): Column {
  const k = rows.length;
  const safe = new Uint32Array(k);
  for (let g = 0; g < k; g++) safe[g] = Math.max(rows[g]!, 0);
  const out = takeColumn(col, f, safe, k);
  if (f.kind === 'number' && !f.info.integer && !f.nullable) for (let g = 0; g < k; g++) if (rows[g]! < 0) (out as Float64Array)[g] = NaN;
  return out;
}

/** A bitmap with 0 where `rows[g] < 0` (a group with no value), or null if every group has one. */
function missingGroups(rows: Int32Array): Uint8Array | null {
  let bm: Uint8Array | null = null;
  for (let g = 0; g < rows.length; g++) {
    if (rows[g]! >= 0) continue;
    if (bm === null) bm = newBitmap(rows.length, rows.length);
    setBit(bm, g, false);
  }
  return bm;
}

function categoryAgg(cat: CategoryColumn, op: AggOp, gid: ArrayLike<number>, n: number, k: number, name: string, field: string): Column {
  const codes = cat.codes;
  if (op === 'count') {
    const out = new Uint32Array(k);
    for (let i = 0; i < n; i++) {
      const g = gid[i]!;
      if (g >= 0 && codes[i]! >= 0) out[g] = out[g]! + 1;
    }
    return out;
  }
  if (op === 'sum' || op === 'mean') throwType(`RecordStore.groupBy.agg ${describe(name)}: cannot ${op} category field ${describe(field)}`);
  if ((op === 'min' || op === 'max') && !cat.ordered) {
    throwType(`RecordStore.groupBy.agg ${describe(name)}: ${op} of category field ${describe(field)} needs an ordered Categorical`);
  }
  const vals = new Float64Array(n);
  for (let i = 0; i < n; i++) vals[i] = codes[i]! < 0 ? NaN : codes[i]!;
  const rows = rowByGroup(vals, 'float64', op as 'min' | 'max' | 'first' | 'last', gid, n, k);
  const out = new Int32Array(k);
  for (let g = 0; g < k; g++) out[g] = rows[g]! < 0 ? -1 : codes[rows[g]!]!;
  return Categorical.fromCodes(out, cat.categories, { ordered: cat.ordered }) as unknown as CategoryColumn;
}

/**
 * Computes the aggregates into the parts of a new store: key columns first, then one column per output.
 * @internal
 */
export function aggregate(d: StoreData, keys: readonly FieldInfo[], spec: Readonly<Record<string, AggSpec>>): Parts {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    throwType(`RecordStore.groupBy.agg: spec must be an object {out: [op, field]}, got ${describe(spec)}`);
  }
  const schema: ParsedSchema = d.schema;
  // Validate the whole spec before any work.
  const plan: { name: string; op: AggOp; field: FieldInfo | undefined }[] = [];
  for (const name of Object.keys(spec)) {
    const s = spec[name] as unknown;
    if (!Array.isArray(s) || s.length < 1 || s.length > 2) {
      throwType(`RecordStore.groupBy.agg ${describe(name)}: expected [op, field], got ${describe(s)}`);
    }
    const op = s[0] as unknown;
    if (typeof op !== 'string' || !OPS.has(op)) {
      throwValue(`RecordStore.groupBy.agg ${describe(name)}: unknown aggregate ${describe(op)} (valid: ${[...OPS].join(', ')})`);
    }
    let field: FieldInfo | undefined;
    if (s.length === 2) {
      const fname = s[1] as unknown;
      if (typeof fname !== 'string') throwType(`RecordStore.groupBy.agg ${describe(name)}: field must be a string, got ${describe(fname)}`);
      field = schema.byName.get(fname);
      if (field === undefined) throwAttribute(`RecordStore.groupBy.agg ${describe(name)}: no field ${describe(fname)} (fields: ${schema.names.join(', ')})`);
    } else if (op !== 'count') throwType(`RecordStore.groupBy.agg ${describe(name)}: ${op} needs a field: [${describe(op)}, field]`);
    if (field !== undefined && field.kind === 'vector' && !(op === 'count' || op === 'first' || op === 'last')) {
      throwType(`RecordStore.groupBy.agg ${describe(name)}: cannot ${op} vector field ${describe(field.name)} (count, first and last only)`);
    }
    if (field !== undefined && (field.kind === 'category' || field.kind === 'utf8' || field.kind === 'date' || field.kind === 'timestamp') && (op === 'sum' || op === 'mean')) {
      throwType(`RecordStore.groupBy.agg ${describe(name)}: cannot ${op} ${field.kind} field ${describe(field.name)}`);
    }
    if (field !== undefined && field.kind === 'category' && (op === 'min' || op === 'max') && !(d.cols[field.index] as CategoryColumn).ordered) {
      throwType(`RecordStore.groupBy.agg ${describe(name)}: ${op} of category field ${describe(field.name)} needs an ordered Categorical`);
    }
    if (keys.some((f) => f.name === name)) throwValue(`RecordStore.groupBy.agg: output ${describe(name)} repeats a group key`);
    plan.push({ name, op: op as AggOp, field });
  }
  if (plan.length === 0) throwValue('RecordStore.groupBy.agg: spec has no outputs');

  const n = d.length;
  const groups = groupIds(d, keys); // groups.gid is read only where needed: two dense keys make it lazily
  const k = groups.k;
  const entries: [string, FieldSpec][] = keys.map((f) => [f.name, fieldType(f.spec)]);
  const cols: Column[] = []; // one entry per group id (k), compacted to `keep` at the end
  const valid: (Uint8Array | null)[] = []; // one per output, over the k group ids
  let utf8Ranks: { field: FieldInfo; ranks: Float64Array } | undefined;
  // Per-group sums and counts of a value field, each made once however many outputs read them (sum, mean,
  // count): one pass over the rows per kind and field. A sum already given out as a column is copied for another.
  const sums = new Map<FieldInfo, Float64Array>();
  const counts = new Map<FieldInfo, Float64Array>();
  const given = new Set<Float64Array>();
  // Fields whose sum and count are both read (a mean, or a sum and a count): one fused pass makes both.
  const sumRead = new Set(plan.filter((p) => p.op === 'sum' || p.op === 'mean').map((p) => p.field));
  const both = new Set(plan.filter((p) => (p.op === 'count' || p.op === 'mean') && sumRead.has(p.field)).map((p) => p.field));
  let sizes: Float64Array | undefined; // rows per group, when a fused pass found no NaN (no pass of its own then)
  for (const field of both) {
    if (field === undefined || d.valid[field.index] !== null || field.info.bigint || field.kind !== 'number') continue;
    const sc = sumCountByGroup(d.cols[field.index] as TypedArray, field.dtype, groups.pair ?? groups.gid, n, k);
    sums.set(field, sc.sums);
    counts.set(field, sc.counts);
    if (sc.sizes) sizes ??= sc.counts;
  }
  for (const { name, op, field } of plan) {
    valid.push(null);
    if (field === undefined) {
      entries.push([name, 'uint32']);
      cols.push(Uint32Array.from(sizes ?? countByGroup(undefined, 'int32', groups.pair ?? groups.gid, n, k)));
      continue;
    }
    const col = d.cols[field.index]!;
    // Null rows of the value field leave every aggregate: their group id becomes -1 (pandas skips NA).
    const bm = d.valid[field.index]!;
    // sum/mean/count of a plain numeric field test the validity bit in their kernel (no masked copy)
    const fastOp = field.kind !== 'vector' && field.kind !== 'category' && field.kind !== 'utf8' && !field.info.bigint && (op === 'sum' || op === 'mean' || op === 'count');
    const inKernel = bm !== null && fastOp;
    // ids of sum/mean/count: two dense keys' ids combined in the kernel when there are some (no id array)
    const ids: Ids = fastOp && groups.pair !== undefined ? groups.pair : bm === null || inKernel ? groups.gid : maskNullGroups(groups.gid, bm, n);
    // the other aggregates read per-row ids (sum/mean/count read only `ids`)
    const gid = fastOp ? NO_IDS : (ids as Int32Array | Int16Array | Int8Array);
    if (field.kind === 'utf8') {
      if (op === 'count') {
        entries.push([name, 'uint32']);
        cols.push(Uint32Array.from(countByGroup(undefined, 'int32', gid, n, k)));
        continue;
      }
      if (utf8Ranks?.field !== field) {
        const u = col as Utf8Data;
        const codes = utf8Codes(u.offsets, u.bytes, bm, n).codes;
        utf8Ranks = { field, ranks: Float64Array.from(codes) };
      }
      const rows = rowByGroup(utf8Ranks.ranks, 'float64', op as 'min' | 'max' | 'first' | 'last', gid, n, k);
      entries.push([name, fieldTypeSpec(field)]);
      cols.push(gatherRows(col, field, rows));
      valid[valid.length - 1] = missingGroups(rows);
      continue;
    }
    if (field.kind === 'category') {
      entries.push([name, op === 'count' ? 'uint32' : 'category']);
      cols.push(categoryAgg(col as CategoryColumn, op, gid, n, k, name, field.name));
      continue;
    }
    const vals = col as TypedArray;
    const nullable = field.nullable;
    if (field.kind === 'vector') {
      if (op === 'count') {
        entries.push([name, 'uint32']);
        cols.push(Uint32Array.from(countByGroup(undefined, 'int32', gid, n, k)));
      } else {
        entries.push([name, fieldType(field.spec)]);
        cols.push(
          gatherColumn(
            vals,
            field.dtype,
            field.size,
            Uint32Array.from(edgeRows(gid, n, k, op === 'last'), (r) => Math.max(r, 0)),
            k,
          ),
        );
      }
      continue;
    }
    switch (op) {
      case 'count':
        entries.push([name, 'uint32']);
        cols.push(Uint32Array.from(memo(counts, field, () => countByGroup(vals, field.dtype, ids, n, k, inKernel ? bm : null))));
        break;
      case 'sum':
        if (field.info.bigint) {
          const sums = bigSumByGroup(vals as BigInt64Array, field.dtype, gid, n, k);
          const info = DTYPES[field.dtype];
          const out = info.alloc(k) as BigInt64Array;
          for (let g = 0; g < k; g++) {
            const s = sums[g]!;
            if (s < (info.min as bigint) || s > (info.max as bigint)) {
              throwOverflow(`RecordStore.groupBy.agg ${describe(name)}: ${field.dtype} sum ${s} of group ${g} out of range [${info.min}, ${info.max}]`);
            }
            out[g] = s;
          }
          entries.push([name, field.dtype]);
          cols.push(out);
        } else {
          entries.push([name, 'float64']);
          const sum = memo(sums, field, () => sumByGroup(vals, field.dtype, ids, n, k, inKernel ? bm : null));
          cols.push(given.has(sum) ? sum.slice() : sum);
          given.add(sum);
        }
        break;
      case 'mean': {
        const cnt = memo(counts, field, () => countByGroup(vals, field.dtype, ids, n, k, inKernel ? bm : null));
        const out = new Float64Array(k);
        if (field.info.bigint) {
          const sum = bigSumByGroup(vals as BigInt64Array, field.dtype, gid, n, k);
          for (let g = 0; g < k; g++) out[g] = Number(sum[g]!) / cnt[g]!;
        } else {
          const sum = memo(sums, field, () => sumByGroup(vals, field.dtype, ids, n, k, inKernel ? bm : null));
          for (let g = 0; g < k; g++) out[g] = cnt[g]! === 0 ? NaN : sum[g]! / cnt[g]!;
        }
        if (nullable) {
          // pandas' nullable dtypes: the mean of no values is <NA>.
          let none: Uint8Array | null = null;
          for (let g = 0; g < k; g++) {
            if (cnt[g]! !== 0) continue;
            if (none === null) none = newBitmap(k, k);
            setBit(none, g, false);
            out[g] = 0;
          }
          valid[valid.length - 1] = none;
        }
        entries.push([name, nullable ? { type: 'float64', nullable: true } : 'float64']);
        cols.push(out);
        break;
      }
      default: {
        const rows = rowByGroup(vals as ArrayLike<number>, field.dtype, op, gid, n, k);
        entries.push([name, fieldTypeSpec(field)]);
        cols.push(gatherRows(vals, field, rows));
        if (nullable) {
          valid[valid.length - 1] = missingGroups(rows);
          const out = cols[cols.length - 1] as TypedArray;
          for (let g = 0; g < k; g++) if (rows[g]! < 0) (out as unknown as unknown[])[g] = field.info.bigint ? 0n : 0;
        }
      }
    }
  }
  // Which groups occur is known only now for two dense keys (their first sum or count tells).
  const keep = groups.keep;
  let keyCols: Column[];
  let length: number;
  if (groups.pair !== undefined && keys.length === 2 && keys[0]!.kind === 'category' && keys[1]!.kind === 'category') {
    // Two category keys combined densely: their output codes come from the combined ids (no first rows, no gathers).
    const [ca, cb] = keys.map((f) => d.cols[f.index] as CategoryColumn) as [CategoryColumn, CategoryColumn];
    length = keep === null ? k : keep.length;
    const outA = codesLike(ca, length);
    const outB = codesLike(cb, length);
    pairKeyCodes(keep, length, groups.pair.kb, outA, outB);
    keyCols = [ca.withCodesUnchecked(outA), cb.withCodesUnchecked(outB)];
  } else {
    const { reps, lastReps } = groups;
    keyCols = keys.map((f, t) => takeColumn(d.cols[f.index]!, f, t === keys.length - 1 && lastReps !== undefined ? lastReps : reps, reps.length));
    length = reps.length;
  }
  const outs = keep === null ? cols : cols.map((c) => compact(c, keep, k));
  const outValid = keep === null ? valid : valid.map((v) => gatherBits(v, keep, keep.length));
  return { entries, cols: [...keyCols, ...outs], valid: [...keys.map(() => null), ...outValid], length };
}

/** `map`'s entry for `key`, made by `make` on first use. */
function memo<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) map.set(key, (v = make()));
  return v;
}

/** Keeps the entries of the group ids in `keep` (unobserved categories dropped). */
function compact(col: Column, keep: Uint32Array, k: number): Column {
  if (col instanceof Utf8Data) return col.take(keep, keep.length);
  if (!ArrayBuffer.isView(col)) return col.take(keep);
  const a = col as TypedArray;
  return gatherColumn(a, dtypeOfArray(a)!, a.length / k, keep, keep.length);
}

/** A field's type spec without its default, nullable kept. */
function fieldTypeSpec(f: FieldInfo): FieldSpec {
  const t = fieldType(f.spec);
  return f.nullable ? { type: t as never, nullable: true } : t;
}
