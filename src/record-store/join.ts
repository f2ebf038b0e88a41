/**
 * `store.join(other, {on, how, suffixes})` (pandas `merge`): both sides' keys are factorized into one dense
 * id space (category codes through a category table, numbers through one hash map), the right rows are
 * bucketed by id with a counting sort, and the matching row pairs are written into two Int32Arrays
 * (`-1`: no row on that side). Nulls (a missing category, NaN) never match. No object is made per row.
 *
 * @internal
 * @packageDocumentation
 */
import type { TypedArray } from '../dtype.js';
import { describe, throwAttribute, throwType, throwValue } from '../errors.js';
import type { CategoryColumn } from './store-data.js';

/** How {@link RecordStore.join} keeps unmatched rows (pandas `how`). */
export type JoinHow = 'inner' | 'left' | 'right' | 'outer';

/** Options of {@link RecordStore.join}. */
export interface JoinOptions {
  /** Key field (or fields) present in both stores. */
  readonly on: string | readonly string[];
  /** Which unmatched rows to keep (default `'inner'`). */
  readonly how?: JoinHow | undefined;
  /** Appended to non-key fields present on both sides (default `['_x', '_y']`, as pandas). */
  readonly suffixes?: readonly [string, string] | undefined;
}

/** What the join needs of one side: its key columns and how many rows it has. @internal */
export interface JoinSide {
  readonly length: number;
  readonly keys: readonly (TypedArray | CategoryColumn)[];
}

/** Row pairs of a join: `left[j]`, `right[j]` (`-1` where that side has no row). @internal */
export interface JoinPairs {
  readonly left: Int32Array;
  readonly right: Int32Array;
}

const HOWS: ReadonlySet<string> = new Set(['inner', 'left', 'right', 'outer']);

/** Validates the options; returns the key names, `how` and the suffixes. @internal */
export function checkJoinOptions(options: unknown): { on: string[]; how: JoinHow; suffixes: readonly [string, string] } {
  if (typeof options !== 'object' || options === null) throwType(`RecordStore.join: options {on, how?, suffixes?} are required, got ${describe(options)}`);
  const o = options as JoinOptions;
  const on: unknown[] = typeof o.on === 'string' ? [o.on] : Array.isArray(o.on) ? [...(o.on as unknown[])] : throwType(`RecordStore.join: on must be a field name or an array of them, got ${describe(o.on)}`);
  if (on.length === 0) throwValue('RecordStore.join: on names no key field');
  for (const k of on) if (typeof k !== 'string') throwType(`RecordStore.join: key names are strings, got ${describe(k)}`);
  if (new Set(on).size !== on.length) throwValue('RecordStore.join: a key field is repeated in on');
  const how = o.how ?? 'inner';
  if (typeof how !== 'string' || !HOWS.has(how)) throwValue(`RecordStore.join: how must be 'inner', 'left', 'right' or 'outer', got ${describe(how)}`);
  const suffixes = o.suffixes ?? ['_x', '_y'];
  if (!Array.isArray(suffixes) || suffixes.length !== 2 || typeof suffixes[0] !== 'string' || typeof suffixes[1] !== 'string' || suffixes[0] === suffixes[1]) {
    throwValue(`RecordStore.join: suffixes must be two different strings, got ${describe(suffixes)}`);
  }
  return { on: on as string[], how: how as JoinHow, suffixes: suffixes as unknown as readonly [string, string] };
}

/** A key field's kind for matching: `category`, `number` (non-64-bit numbers) or `bigint`. @internal */
export type KeyKind = 'category' | 'number' | 'bigint';

/** Throws for a key that is absent or whose kinds differ between the sides. @internal */
export function keyKindOf(spec: unknown, name: string, side: string): KeyKind {
  if (spec === undefined) throwAttribute(`RecordStore.join: no key field ${describe(name)} in the ${side} store`);
  const t = typeof spec === 'object' && spec !== null && !Array.isArray(spec) ? (spec as { type: unknown }).type : spec;
  if (t === 'category') return 'category';
  if (Array.isArray(t)) throwType(`RecordStore.join: cannot join on vector field ${describe(name)}`);
  if (t === 'int64' || t === 'uint64' || t === 'q' || t === 'Q') return 'bigint';
  return 'number';
}

/** Dense ids for one key over both sides (`-1`: null, never matches); returns the id count. */
function factorize(a: TypedArray | CategoryColumn, na: number, b: TypedArray | CategoryColumn, nb: number, kind: KeyKind, la: Int32Array, lb: Int32Array): number {
  if (kind === 'category') {
    const listA = (a as CategoryColumn).categories; // a snapshot copy per read: read once
    const listB = (b as CategoryColumn).categories;
    const k = listA.length;
    const index = new Map<string | number, number>();
    listA.forEach((c, i) => index.set(c, i));
    // right categories absent on the left get ids past k: they can only meet rows of their own side.
    let next = k;
    const table = new Int32Array(listB.length + 1);
    table[0] = -1;
    listB.forEach((c, i) => (table[i + 1] = index.get(c) ?? next++));
    const codesA = (a as CategoryColumn).codes;
    for (let i = 0; i < na; i++) la[i] = codesA[i]!;
    const codesB = (b as CategoryColumn).codes;
    for (let i = 0; i < nb; i++) lb[i] = table[codesB[i]! + 1]!;
    return next;
  }
  const ids = new Map<number | bigint, number>();
  const va = a as unknown as ArrayLike<number | bigint>;
  const vb = b as unknown as ArrayLike<number | bigint>;
  for (let i = 0; i < na; i++) {
    const v = va[i]!;
    if (v !== v) {
      la[i] = -1;
      continue;
    }
    let id = ids.get(v);
    if (id === undefined) ids.set(v, (id = ids.size));
    la[i] = id;
  }
  for (let i = 0; i < nb; i++) {
    const v = vb[i]!;
    if (v !== v) {
      lb[i] = -1;
      continue;
    }
    let id = ids.get(v);
    if (id === undefined) ids.set(v, (id = ids.size));
    lb[i] = id;
  }
  return ids.size;
}

/** Folds one more key's ids into the combined ids (`acc * k + id`, re-densified through `remap`). */
function fold(acc: Int32Array, ids: Int32Array, k: number, n: number, remap: Map<number, number>): void {
  for (let i = 0; i < n; i++) {
    const a = acc[i]!;
    const b = ids[i]!;
    if (a < 0 || b < 0) {
      acc[i] = -1;
      continue;
    }
    const key = a * k + b; // < 2^53: both factors are < 2^31
    let id = remap.get(key);
    if (id === undefined) remap.set(key, (id = remap.size));
    acc[i] = id;
  }
}

/** Combined dense key ids of both sides. @internal */
export function joinIds(left: JoinSide, right: JoinSide, kinds: readonly KeyKind[]): { l: Int32Array; r: Int32Array; k: number } {
  const na = left.length;
  const nb = right.length;
  let l = new Int32Array(na);
  let r = new Int32Array(nb);
  let k = factorize(left.keys[0]!, na, right.keys[0]!, nb, kinds[0]!, l, r);
  for (let t = 1; t < kinds.length; t++) {
    const lt = new Int32Array(na);
    const rt = new Int32Array(nb);
    const kt = factorize(left.keys[t]!, na, right.keys[t]!, nb, kinds[t]!, lt, rt);
    const remap = new Map<number, number>();
    fold(l, lt, kt, na, remap);
    fold(r, rt, kt, nb, remap);
    k = remap.size;
  }
  return { l, r, k };
}

/** Rows of `ids` bucketed by id (stable): `order[start[id] .. start[id + 1])`. */
function buckets(ids: Int32Array, n: number, k: number): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(k + 1);
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    if (id >= 0) start[id + 1]!++;
  }
  for (let g = 0; g < k; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, k);
  const order = new Int32Array(start[k]!);
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    if (id >= 0) order[fill[id]!++] = i;
  }
  return { start, order };
}

/**
 * The pairs for `probe` rows in order, each matched with the `build` rows of the same id (in build order);
 * `keepUnmatched` keeps a probe row with no match as `(row, -1)`.
 */
function probePairs(probe: Int32Array, np: number, build: Int32Array, nb: number, k: number, keepUnmatched: boolean, matched: Uint8Array | null): { p: Int32Array; b: Int32Array } {
  const { start, order } = buckets(build, nb, k);
  let m = 0;
  for (let i = 0; i < np; i++) {
    const id = probe[i]!;
    const c = id >= 0 ? start[id + 1]! - start[id]! : 0;
    m += c === 0 ? (keepUnmatched ? 1 : 0) : c;
  }
  const p = new Int32Array(m);
  const b = new Int32Array(m);
  let j = 0;
  for (let i = 0; i < np; i++) {
    const id = probe[i]!;
    const s = id >= 0 ? start[id]! : 0;
    const e = id >= 0 ? start[id + 1]! : 0;
    if (s === e) {
      if (keepUnmatched) {
        p[j] = i;
        b[j++] = -1;
      }
      continue;
    }
    for (let t = s; t < e; t++) {
      const row = order[t]!;
      p[j] = i;
      b[j++] = row;
      if (matched !== null) matched[row] = 1;
    }
  }
  return { p, b };
}

/** The row pairs of a join in pandas' order (outer joins are sorted by key afterwards). @internal */
export function joinPairs(left: JoinSide, right: JoinSide, kinds: readonly KeyKind[], how: JoinHow): JoinPairs {
  const { l, r, k } = joinIds(left, right, kinds);
  const na = left.length;
  const nb = right.length;
  if (how === 'right') {
    const { p, b } = probePairs(r, nb, l, na, k, true, null);
    return { left: b, right: p };
  }
  const matched = how === 'outer' ? new Uint8Array(nb) : null;
  const { p, b } = probePairs(l, na, r, nb, k, how !== 'inner', matched);
  if (matched === null) return { left: p, right: b };
  let extra = 0;
  for (let i = 0; i < nb; i++) extra += matched[i]! ^ 1;
  const outL = new Int32Array(p.length + extra).fill(-1);
  const outR = new Int32Array(p.length + extra);
  outL.set(p);
  outR.set(b);
  let j = p.length;
  for (let i = 0; i < nb; i++) if (matched[i] === 0) outR[j++] = i;
  return { left: outL, right: outR };
}

// --- building the joined store from the row pairs ----------------------------------------------------

/** What the join needs of a store (its public API). @internal */
export interface JoinableStore {
  readonly length: number;
  readonly fields: readonly string[];
  readonly schema: { readonly [name: string]: unknown };
  column(name: string): unknown;
  take(indices: ArrayLike<number>): JoinableStore;
  sortBy(keys: readonly string[]): JoinableStore;
}

type FromColumns = (cols: Record<string, unknown>, schema: readonly (readonly [string, unknown])[]) => JoinableStore;

function typeOf(spec: unknown): unknown {
  return typeof spec === 'object' && spec !== null && !Array.isArray(spec) ? (spec as { type: unknown }).type : spec;
}

function hasMissing(idx: Int32Array): boolean {
  for (let j = 0; j < idx.length; j++) if (idx[j]! < 0) return true;
  return false;
}

/** `cat` at `idx` (`-1`: missing), as a Categorical over `cats` with codes mapped through `table`. */
function gatherCodes(cat: CategoryColumn, idx: Int32Array, table: Int32Array, out: Int32Array, fillOnly: boolean): void {
  const codes = cat.codes;
  for (let j = 0; j < idx.length; j++) {
    const r = idx[j]!;
    if (r >= 0) out[j] = table[codes[r]! + 1]!;
    else if (!fillOnly) out[j] = -1;
  }
}

/** A numeric column at `idx` with `-1` → NaN (as float64 unless the column already is a float). */
function gatherFloat(src: TypedArray, size: number, idx: Int32Array, isFloat32: boolean): Float64Array | Float32Array {
  const out = isFloat32 ? new Float32Array(idx.length * size) : new Float64Array(idx.length * size);
  const a = src as unknown as ArrayLike<number | bigint>;
  for (let j = 0; j < idx.length; j++) {
    const r = idx[j]!;
    for (let e = 0; e < size; e++) out[j * size + e] = r < 0 ? NaN : Number(a[r * size + e]!);
  }
  return out;
}

/** Builds the joined store. @internal */
export function joinStores<T extends JoinableStore>(left: T, right: T, options: unknown, fromColumns: FromColumns, makeCategorical: (codes: Int32Array, cats: readonly (string | number)[]) => unknown): T {
  const { on, how, suffixes } = checkJoinOptions(options);
  const kinds = on.map((k) => {
    const a = keyKindOf(left.schema[k], k, 'left');
    const b = keyKindOf(right.schema[k], k, 'right');
    if (a !== b) throwType(`RecordStore.join: key ${describe(k)} is ${describe(typeOf(left.schema[k]))} on the left and ${describe(typeOf(right.schema[k]))} on the right: incompatible key types`);
    if (a === 'bigint' && typeOf(left.schema[k]) !== typeOf(right.schema[k])) throwType(`RecordStore.join: key ${describe(k)} is int64 on one side and uint64 on the other`);
    return a;
  });
  const pairs = joinPairs(
    { length: left.length, keys: on.map((k) => left.column(k) as TypedArray | CategoryColumn) },
    { length: right.length, keys: on.map((k) => right.column(k) as TypedArray | CategoryColumn) },
    kinds,
    how,
  );
  const li = pairs.left;
  const ri = pairs.right;
  const m = li.length;
  const cols: Record<string, unknown> = Object.create(null) as Record<string, unknown>; // any field name, '__proto__' too
  const entries: (readonly [string, unknown])[] = [];
  const add = (name: string, col: unknown, spec: unknown): void => {
    if (name in cols) throwValue(`RecordStore.join: output field ${describe(name)} appears twice (choose other suffixes)`);
    cols[name] = col;
    entries.push([name, spec]);
  };
  const keySet = new Set(on);
  const leftMissing = hasMissing(li);
  const rightMissing = hasMissing(ri);
  const taken = new Map<T, JoinableStore>();
  const takeOnce = (store: T, idx: Int32Array): JoinableStore => {
    let t = taken.get(store);
    if (t === undefined) taken.set(store, (t = store.take(idx)));
    return t;
  };
  const side = (store: T, idx: Int32Array, missing: boolean, name: string, outName: string): void => {
    const spec = typeOf(store.schema[name]);
    const col = store.column(name);
    if (spec === 'category') {
      const cat = col as CategoryColumn;
      const list = cat.categories;
      const table = new Int32Array(list.length + 1);
      for (let c = 0; c <= list.length; c++) table[c] = c - 1;
      const codes = new Int32Array(m);
      gatherCodes(cat, idx, table, codes, false);
      add(outName, makeCategorical(codes, list), 'category');
      return;
    }
    const size = Array.isArray(spec) ? (spec[1] as number) : 1;
    if (!missing) {
      add(outName, takeOnce(store, idx).column(name), spec);
      return;
    }
    const f32 = (Array.isArray(spec) ? spec[0] : spec) === 'float32';
    add(outName, gatherFloat(col as TypedArray, size, idx, f32), Array.isArray(spec) ? [f32 ? 'float32' : 'float64', size] : f32 ? 'float32' : 'float64');
  };
  // Keys: coalesced from whichever side has the row (one field each).
  for (let t = 0; t < on.length; t++) {
    const k = on[t]!;
    const a = left.column(k);
    const b = right.column(k);
    if (kinds[t] === 'category') {
      const ca = a as CategoryColumn;
      const cb = b as CategoryColumn;
      const listA = ca.categories;
      const listB = cb.categories;
      const cats: (string | number)[] = [...listA];
      const index = new Map<string | number, number>();
      cats.forEach((c, i) => index.set(c, i));
      const ta = new Int32Array(listA.length + 1);
      for (let c = 0; c <= listA.length; c++) ta[c] = c - 1;
      const tb = new Int32Array(listB.length + 1);
      tb[0] = -1;
      listB.forEach((c, i) => {
        let id = index.get(c);
        if (id === undefined) {
          index.set(c, (id = cats.length));
          cats.push(c);
        }
        tb[i + 1] = id;
      });
      const codes = new Int32Array(m);
      gatherCodes(ca, li, ta, codes, false);
      gatherCodes(cb, ri, tb, codes, true);
      for (let j = 0; j < m; j++) if (li[j]! < 0 && ri[j]! < 0) codes[j] = -1;
      add(k, makeCategorical(codes, cats), 'category');
      continue;
    }
    const sa = typeOf(left.schema[k]);
    const sb = typeOf(right.schema[k]);
    if (!leftMissing) add(k, takeOnce(left, li).column(k), sa);
    else if (!rightMissing && how === 'right') add(k, takeOnce(right, ri).column(k), sb);
    else {
      // Outer (or a right join whose left side is missing rows): both sides contribute key values.
      const big = kinds[t] === 'bigint';
      const same = sa === sb;
      const va = a as ArrayLike<number | bigint>;
      const vb = b as ArrayLike<number | bigint>;
      if (big || same) {
        const proto = a as TypedArray;
        const out = new (proto.constructor as new (n: number) => TypedArray)(m) as unknown as (number | bigint)[];
        for (let j = 0; j < m; j++) out[j] = li[j]! >= 0 ? va[li[j]!]! : vb[ri[j]!]!;
        add(k, out, sa);
      } else {
        const out = new Float64Array(m);
        for (let j = 0; j < m; j++) out[j] = Number(li[j]! >= 0 ? va[li[j]!]! : vb[ri[j]!]!);
        add(k, out, 'float64');
      }
    }
  }
  for (const name of left.fields) {
    if (keySet.has(name)) continue;
    const clash = right.fields.includes(name);
    side(left, li, leftMissing, name, clash ? name + suffixes[0] : name);
  }
  for (const name of right.fields) {
    if (keySet.has(name)) continue;
    const clash = left.fields.includes(name);
    side(right, ri, rightMissing, name, clash ? name + suffixes[1] : name);
  }
  // pandas order: this store's fields first (keys where they stand), then the other's.
  const order = [...left.fields.map((f) => (keySet.has(f) || !right.fields.includes(f) ? f : f + suffixes[0])), ...right.fields.filter((f) => !keySet.has(f)).map((f) => (left.fields.includes(f) ? f + suffixes[1] : f))];
  const byName = new Map(entries);
  const joined = fromColumns(cols, order.map((n) => [n, byName.get(n)] as const));
  return (how === 'outer' ? joined.sortBy(on) : joined) as T;
}
