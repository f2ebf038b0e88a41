/**
 * `groupBy(keys).agg(spec)`: dense group ids per row, then one typed kernel per aggregate.
 *
 * Group ids: a category key uses its codes directly (observed categories, in category order); a numeric
 * key is radix-sorted once and its runs numbered (ascending values); several keys are combined by an LSD
 * radix sort over their dense codes (lexicographic order). Rows whose key is missing (null category, NaN)
 * are dropped, as pandas' default `dropna=True`.
 *
 * @internal
 * @packageDocumentation
 */
import { Categorical } from '../categorical.js';
import type { TypedArray } from '../dtype.js';
import { DTYPES, dtypeOfArray } from '../dtype.js';
import { describe, throwAttribute, throwOverflow, throwType, throwValue } from '../errors.js';
import { bigSumByGroup, countByGroup, gatherColumn, rowByGroup, sumByGroup } from './kernels.js';
import type { FieldInfo, FieldSpec, ParsedSchema } from './schema.js';
import { argsortByCodes, argsortByKeys, codeBits } from './sort-by.js';
import type { CategoryColumn, Column, StoreData } from './store-data.js';

/** The aggregate functions of {@link GroupBy.agg}. */
export type AggOp = 'sum' | 'mean' | 'min' | 'max' | 'count' | 'first' | 'last';

/** One aggregate: `[op, field]`, or `['count']` for the number of rows per group. */
export type AggSpec = readonly [AggOp, string] | readonly ['count'];

const OPS: ReadonlySet<string> = new Set(['sum', 'mean', 'min', 'max', 'count', 'first', 'last']);

/** Dense group ids of the rows. @internal */
export interface Groups {
  /** Group of each row (`-1`: dropped, a key is missing): Int32Array, or a single category key's codes. */
  readonly gid: Int32Array | Int16Array | Int8Array;
  /** Number of group ids (some may be unobserved, see `keep`). */
  readonly k: number;
  /** One row per kept group (its first row), in output order. */
  readonly reps: Uint32Array;
  /** The group ids to output, in order; `null`: all `k`. */
  readonly keep: Uint32Array | null;
}

function categoryGroups(cat: CategoryColumn, n: number): Groups {
  // The codes are the group ids: no pass to build them. Only observed categories are output.
  const codes = cat.codes;
  const kc = cat.categories.length;
  const first = new Int32Array(kc).fill(-1);
  let seen = 0;
  for (let i = 0; i < n && seen < kc; i++) {
    const c = codes[i]!;
    if (c >= 0 && first[c]! < 0) {
      first[c] = i;
      seen++;
    }
  }
  const keep = new Uint32Array(seen);
  const reps = new Uint32Array(seen);
  for (let c = 0, g = 0; c < kc; c++) {
    if (first[c]! >= 0) {
      keep[g] = c;
      reps[g++] = first[c]!;
    }
  }
  return { gid: codes, k: kc, reps, keep: seen === kc ? null : keep };
}

function numericGroups(cols: readonly Column[], f: FieldInfo, n: number): Groups {
  const perm = argsortByKeys(cols, [{ field: f, descending: false }], n);
  const vals = cols[f.index] as ArrayLike<number | bigint>;
  const gid = new Int32Array(n);
  const reps: number[] = [];
  let k = 0;
  let prev: number | bigint = 0;
  for (let j = 0; j < n; j++) {
    const r = perm[j]!;
    const v = vals[r]!;
    if (v !== v) {
      gid[r] = -1; // NaN sorts last: every remaining row is NaN
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

/** Group ids for one or more key fields. @internal */
export function groupIds(d: StoreData, keys: readonly FieldInfo[]): Groups {
  const n = d.length;
  const single = keys.map((f) => {
    if (f.kind === 'vector') throwType(`RecordStore.groupBy: cannot group by vector field ${describe(f.name)}`);
    return f.kind === 'category' ? categoryGroups(d.cols[f.index] as CategoryColumn, n) : numericGroups(d.cols, f, n);
  });
  if (single.length === 1) return single[0]!;
  // Several keys: sort rows by the dense codes (dropped rows get the largest code and are skipped).
  const codes = single.map((g) => {
    const u = new Uint32Array(n);
    const gid = g.gid;
    for (let i = 0; i < n; i++) u[i] = gid[i]! < 0 ? g.k : gid[i]!;
    return u;
  });
  const perm = argsortByCodes(
    codes,
    single.map((g) => codeBits(g.k)),
    n,
  );
  const gid = new Int32Array(n);
  const reps: number[] = [];
  let k = 0;
  let prev = -1;
  const gids = single.map((g) => g.gid);
  for (let j = 0; j < n; j++) {
    const r = perm[j]!;
    let dropped = false;
    for (let t = 0; t < gids.length; t++) if (gids[t]![r]! < 0) dropped = true;
    if (dropped) {
      gid[r] = -1;
      continue;
    }
    let same = prev >= 0;
    for (let t = 0; same && t < codes.length; t++) if (codes[t]![r] !== codes[t]![prev]) same = false;
    if (!same) {
      reps.push(r);
      k++;
    }
    gid[r] = k - 1;
    prev = r;
  }
  return { gid, k, reps: Uint32Array.from(reps), keep: null };
}

/** The new store's parts. @internal */
export interface Parts {
  readonly entries: [string, FieldSpec][];
  readonly cols: Column[];
  readonly length: number;
}

function keyColumn(col: Column, f: FieldInfo, reps: Uint32Array): Column {
  if (f.kind === 'category') return (col as CategoryColumn).take(reps);
  return gatherColumn(col as TypedArray, f.dtype, f.size, reps, reps.length);
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

function gatherRows(col: TypedArray, f: FieldInfo, rows: Int32Array): TypedArray {
  const k = rows.length;
  const safe = new Uint32Array(k);
  for (let g = 0; g < k; g++) safe[g] = Math.max(rows[g]!, 0);
  const out = gatherColumn(col, f.dtype, f.size, safe, k);
  if (!f.info.integer) for (let g = 0; g < k; g++) if (rows[g]! < 0) (out as Float64Array)[g] = NaN;
  return out;
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
    if (field !== undefined && field.kind === 'category' && (op === 'sum' || op === 'mean')) {
      throwType(`RecordStore.groupBy.agg ${describe(name)}: cannot ${op} category field ${describe(field.name)}`);
    }
    if (field !== undefined && field.kind === 'category' && (op === 'min' || op === 'max') && !(d.cols[field.index] as CategoryColumn).ordered) {
      throwType(`RecordStore.groupBy.agg ${describe(name)}: ${op} of category field ${describe(field.name)} needs an ordered Categorical`);
    }
    if (keys.some((f) => f.name === name)) throwValue(`RecordStore.groupBy.agg: output ${describe(name)} repeats a group key`);
    plan.push({ name, op: op as AggOp, field });
  }
  if (plan.length === 0) throwValue('RecordStore.groupBy.agg: spec has no outputs');

  const n = d.length;
  const { gid, k, reps, keep } = groupIds(d, keys);
  const entries: [string, FieldSpec][] = [];
  const keyCols: Column[] = [];
  const cols: Column[] = []; // one entry per group id (k), compacted to `keep` at the end
  for (const f of keys) {
    entries.push([f.name, typeOnly(f)]);
    keyCols.push(keyColumn(d.cols[f.index]!, f, reps));
  }
  for (const { name, op, field } of plan) {
    if (field === undefined) {
      entries.push([name, 'uint32']);
      cols.push(Uint32Array.from(countByGroup(undefined, 'int32', gid, n, k)));
      continue;
    }
    const col = d.cols[field.index]!;
    if (field.kind === 'category') {
      entries.push([name, op === 'count' ? 'uint32' : 'category']);
      cols.push(categoryAgg(col as CategoryColumn, op, gid, n, k, name, field.name));
      continue;
    }
    const vals = col as TypedArray;
    if (field.kind === 'vector') {
      if (op === 'count') {
        entries.push([name, 'uint32']);
        cols.push(Uint32Array.from(countByGroup(undefined, 'int32', gid, n, k)));
      } else {
        entries.push([name, typeOnly(field)]);
        cols.push(gatherColumn(vals, field.dtype, field.size, Uint32Array.from(edgeRows(gid, n, k, op === 'last'), (r) => Math.max(r, 0)), k));
      }
      continue;
    }
    switch (op) {
      case 'count':
        entries.push([name, 'uint32']);
        cols.push(Uint32Array.from(countByGroup(vals, field.dtype, gid, n, k)));
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
          cols.push(sumByGroup(vals, field.dtype, gid, n, k));
        }
        break;
      case 'mean': {
        const counts = countByGroup(vals, field.dtype, gid, n, k);
        const out = new Float64Array(k);
        if (field.info.bigint) {
          const sums = bigSumByGroup(vals as BigInt64Array, field.dtype, gid, n, k);
          for (let g = 0; g < k; g++) out[g] = Number(sums[g]!) / counts[g]!;
        } else {
          const sums = sumByGroup(vals, field.dtype, gid, n, k);
          for (let g = 0; g < k; g++) out[g] = counts[g]! === 0 ? NaN : sums[g]! / counts[g]!;
        }
        entries.push([name, 'float64']);
        cols.push(out);
        break;
      }
      default: {
        const rows = rowByGroup(vals as ArrayLike<number>, field.dtype, op, gid, n, k);
        entries.push([name, typeOnly(field)]);
        cols.push(gatherRows(vals, field, rows));
      }
    }
  }
  const outs = keep === null ? cols : cols.map((c) => compact(c, keep, k));
  return { entries, cols: [...keyCols, ...outs], length: reps.length };
}

/** Keeps the entries of the group ids in `keep` (unobserved categories dropped). */
function compact(col: Column, keep: Uint32Array, k: number): Column {
  if (!ArrayBuffer.isView(col)) return col.take(keep);
  const a = col as TypedArray;
  return gatherColumn(a, dtypeOfArray(a)!, a.length / k, keep, keep.length);
}

/** A field's spec without its default. @internal */
export function typeOnly(f: FieldInfo): FieldSpec {
  const s = f.spec;
  return typeof s === 'object' && !Array.isArray(s) ? (s as { type: FieldSpec }).type : s;
}
