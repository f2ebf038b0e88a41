/**
 * The matching half of `store.join` (pandas `merge`): both sides' keys are factorized into one dense id space
 * (`-1`: a null, which never matches), the right rows are bucketed by id with a counting sort, and the
 * matching row pairs are written into two Int32Arrays (`-1`: no row on that side). No object is made per row.
 *
 * Ids per key kind: category against category through a table over the two category lists; strings (utf8,
 * or utf8 against category) by hashing their UTF-8 bytes over both sides at once (utf8-codes.ts); numbers,
 * bools, dates and timestamps by value through one Map. Several keys fold into one id per row.
 *
 * @internal
 * @packageDocumentation
 */
import { describe, throwAttribute, throwType } from '../errors.js';
import { encodeUtf8Into, utf8Length } from '../internal/utf8.js';
import type { FieldInfo, ParsedSchema } from './schema.js';
import type { CategoryColumn, StoreData } from './store-data.js';
import { utf8Codes } from './utf8-codes.js';
import { Utf8Data } from './utf8-data.js';
import { appendBits, isValid, newBitmap } from './validity.js';

/** How {@link RecordStore.join} keeps unmatched rows (pandas `how`). */
export type JoinHow = 'inner' | 'left' | 'right' | 'outer';

/** A key's matching class: `string` (category or utf8), `number` (non-64-bit numbers), `bigint`, `bool`, `date`, `timestamp`. @internal */
export type KeyKind = 'string' | 'number' | 'bigint' | 'bool' | 'date' | 'timestamp';

function keyKind(f: FieldInfo): KeyKind {
  switch (f.kind) {
    case 'category':
    case 'utf8':
      return 'string';
    case 'vector':
      return throwType(`RecordStore.join: cannot join on vector field ${describe(f.name)}`);
    case 'number':
      return f.dtype === 'int64' || f.dtype === 'uint64' ? 'bigint' : 'number';
    default:
      return f.kind;
  }
}

/** The key field `name` of both sides with its matching class; throws for an absent key or types that cannot match. @internal */
export function keyFields(left: ParsedSchema, right: ParsedSchema, name: string): { a: FieldInfo; b: FieldInfo; kind: KeyKind } {
  const a = left.byName.get(name);
  if (a === undefined) throwAttribute(`RecordStore.join: no key field ${describe(name)} in the left store`);
  const b = right.byName.get(name);
  if (b === undefined) throwAttribute(`RecordStore.join: no key field ${describe(name)} in the right store`);
  const kind = keyKind(a);
  if (keyKind(b) !== kind) throwType(`RecordStore.join: key ${describe(name)} is ${a.typeName} on the left and ${b.typeName} on the right: incompatible key types`);
  if (kind === 'bigint' && a.dtype !== b.dtype) throwType(`RecordStore.join: key ${describe(name)} is int64 on one side and uint64 on the other`);
  return { a, b, kind };
}

/** One side of a string key as UTF-8 rows: a utf8 column's own rows, or a category column's category list (`codes` maps rows to it). @internal */
export interface StringRows {
  readonly offsets: Int32Array;
  readonly bytes: Uint8Array;
  readonly valid: Uint8Array | null;
  readonly rows: number;
  /** Category codes of the store's rows (`-1`: null), or `null` for a utf8 column (row `i` is string row `i`). */
  readonly codes: ArrayLike<number> | null;
}

/** A string key column as {@link StringRows}. @internal */
export function stringRows(d: StoreData, f: FieldInfo): StringRows {
  if (f.kind === 'utf8') {
    const u = d.cols[f.index] as Utf8Data;
    return { offsets: u.offsets, bytes: u.bytes, valid: d.valid[f.index]!, rows: d.length, codes: null };
  }
  const cat = d.cols[f.index] as CategoryColumn;
  const list = cat.categories as readonly string[];
  const offsets = new Int32Array(list.length + 1);
  let total = 0;
  for (let c = 0; c < list.length; c++) offsets[c + 1] = total += utf8Length(list[c]!);
  const bytes = new Uint8Array(total);
  for (let c = 0; c < list.length; c++) encodeUtf8Into(list[c]!, bytes, offsets[c]!);
  return { offsets, bytes, valid: null, rows: list.length, codes: cat.codes };
}

/** Both sides' string rows one after the other (left first), as one utf8 column. @internal */
export function stackStrings(a: StringRows, b: StringRows): { data: Utf8Data; valid: Uint8Array | null } {
  const n = a.rows + b.rows;
  const usedA = a.offsets[a.rows]!;
  const usedB = b.offsets[b.rows]!;
  const offsets = new Int32Array(n + 1);
  offsets.set(a.offsets.subarray(0, a.rows + 1));
  for (let i = 1; i <= b.rows; i++) offsets[a.rows + i] = usedA + b.offsets[i]!;
  const bytes = new Uint8Array(usedA + usedB);
  bytes.set(a.bytes.subarray(0, usedA));
  bytes.set(b.bytes.subarray(0, usedB), usedA);
  let valid: Uint8Array | null = null;
  if (a.valid !== null || b.valid !== null) {
    valid = newBitmap(n, 0);
    appendBits(valid, 0, a.valid, a.rows);
    appendBits(valid, a.rows, b.valid, b.rows);
  }
  return { data: new Utf8Data(n, offsets, bytes), valid };
}

/** The stacked string row of store row `i` of a side whose string rows start at `base` (`-1`: null). @internal */
export function stringRowOf(s: StringRows, base: number, i: number): number {
  if (s.codes === null) return base + i;
  const c = s.codes[i]!;
  return c < 0 ? -1 : base + c;
}

/**
 * Ids of a category key on both sides, through a table over the right's categories (no string per row): a
 * left code is its id; a right category's id is its left code (the left's own index answers, no Map is built).
 */
function categoryIds(a: CategoryColumn, na: number, b: CategoryColumn, nb: number, la: Int32Array, lb: Int32Array): number {
  const listA = a.categories; // snapshots: read once
  const listB = b.categories;
  // right categories absent on the left get ids past the left's: they can only meet rows of their own side.
  let next = listA.length;
  const table = new Int32Array(listB.length + 1);
  table[0] = -1;
  // Both sides often hold one category list, or the same sorted list with a few categories missing on one
  // side (the categories a sample of rows happened to use): the left code after the last match is tried
  // first, a string compare (usually of the same string object), and the Map only where that guess fails.
  let guess = 0;
  for (let c = 0; c < listB.length; c++) {
    const v = listB[c];
    const id = guess < listA.length && listA[guess] === v ? guess : a.codeOf(v);
    if (id >= 0) guess = id + 1;
    table[c + 1] = id < 0 ? next++ : id;
  }
  const codesA = a.codes;
  for (let i = 0; i < na; i++) la[i] = codesA[i]!;
  const codesB = b.codes;
  for (let i = 0; i < nb; i++) lb[i] = table[codesB[i]! + 1]!;
  return next;
}

/** Ids of a string key with a utf8 side: equal UTF-8 bytes, equal id (hashed over both sides at once). */
function stringIds(sa: StringRows, na: number, sb: StringRows, nb: number, la: Int32Array, lb: Int32Array): number {
  const { data, valid } = stackStrings(sa, sb);
  const { codes, k } = utf8Codes(data.offsets, data.bytes, valid, sa.rows + sb.rows);
  for (let i = 0; i < na; i++) {
    const r = stringRowOf(sa, 0, i);
    la[i] = r < 0 ? -1 : codes[r]!;
  }
  for (let i = 0; i < nb; i++) {
    const r = stringRowOf(sb, sa.rows, i);
    lb[i] = r < 0 ? -1 : codes[r]!;
  }
  return k;
}

/** Ids of a numeric (or bool, date, timestamp) key by value; NaN and null rows get `-1`. */
function valueIds(
  va: ArrayLike<number | bigint>,
  bma: Uint8Array | null,
  na: number,
  vb: ArrayLike<number | bigint>,
  bmb: Uint8Array | null,
  nb: number,
  la: Int32Array,
  lb: Int32Array,
): number {
  const ids = new Map<number | bigint, number>();
  const side = (v: ArrayLike<number | bigint>, bm: Uint8Array | null, n: number, out: Int32Array): void => {
    for (let i = 0; i < n; i++) {
      const x = v[i]!;
      if (x !== x || !isValid(bm, i)) {
        out[i] = -1;
        continue;
      }
      let id = ids.get(x);
      if (id === undefined) ids.set(x, (id = ids.size));
      out[i] = id;
    }
  };
  side(va, bma, na, la);
  side(vb, bmb, nb, lb);
  return ids.size;
}

/** Dense ids of one key over both sides (`-1`: null, never matches); returns the id count. */
function factorize(left: StoreData, a: FieldInfo, right: StoreData, b: FieldInfo, kind: KeyKind, la: Int32Array, lb: Int32Array): number {
  const na = left.length;
  const nb = right.length;
  if (kind === 'string') {
    if (a.kind === 'category' && b.kind === 'category') return categoryIds(left.cols[a.index] as CategoryColumn, na, right.cols[b.index] as CategoryColumn, nb, la, lb);
    return stringIds(stringRows(left, a), na, stringRows(right, b), nb, la, lb);
  }
  const va = left.cols[a.index] as unknown as ArrayLike<number | bigint>;
  const vb = right.cols[b.index] as unknown as ArrayLike<number | bigint>;
  return valueIds(va, left.valid[a.index]!, na, vb, right.valid[b.index]!, nb, la, lb);
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

/** One key of a join: its field on each side and its matching class. @internal */
export interface JoinKey {
  readonly a: FieldInfo;
  readonly b: FieldInfo;
  readonly kind: KeyKind;
}

/** Combined dense key ids of both sides. @internal */
export function joinIds(left: StoreData, right: StoreData, keys: readonly JoinKey[]): { l: Int32Array; r: Int32Array; k: number } {
  const na = left.length;
  const nb = right.length;
  const l = new Int32Array(na);
  const r = new Int32Array(nb);
  const k0 = keys[0]!;
  let k = factorize(left, k0.a, right, k0.b, k0.kind, l, r);
  for (let t = 1; t < keys.length; t++) {
    const kt = keys[t]!;
    const lt = new Int32Array(na);
    const rt = new Int32Array(nb);
    const count = factorize(left, kt.a, right, kt.b, kt.kind, lt, rt);
    const remap = new Map<number, number>();
    fold(l, lt, count, na, remap);
    fold(r, rt, count, nb, remap);
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

/** Row pairs of a join: `left[j]`, `right[j]` (`-1` where that side has no row). @internal */
export interface JoinPairs {
  readonly left: Int32Array;
  readonly right: Int32Array;
}

/** The row pairs of a join in pandas' order (outer joins are sorted by key afterwards). @internal */
export function joinPairs(left: StoreData, right: StoreData, keys: readonly JoinKey[], how: JoinHow): JoinPairs {
  const { l, r, k } = joinIds(left, right, keys);
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
