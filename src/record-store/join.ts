/**
 * `store.join(other, {on, how, suffixes})` (pandas `merge`): the row pairs come from join-keys.ts; this module
 * validates the options and builds the joined columns from them. A field of the side a row lacks is null
 * in a nullable field of the same type (a category field: a missing category; a vector field, which cannot
 * be nullable: NaN in a float vector). Keys are coalesced from whichever side has the row.
 *
 * @internal
 * @packageDocumentation
 */
import { allocCodes, Categorical, codesDTypeFor, type CodeArray } from '../categorical.js';
import type { TypedArray } from '../dtype.js';
import { describe, throwType, throwValue } from '../errors.js';
import { takeColumn } from './take.js';
import { joinPairs, keyFields, stackStrings, stringRowOf, stringRows, type JoinHow, type JoinKey } from './join-keys.js';
import { fieldType, type FieldInfo, type FieldSpec } from './schema.js';
import type { CategoryColumn, Column, StoreData } from './store-data.js';
import { Utf8Data } from './utf8-data.js';
import { gatherBits, isValid, newBitmap, setBit } from './validity.js';

export type { JoinHow } from './join-keys.js';

/** Options of {@link RecordStore.join}. */
export interface JoinOptions {
  /** Key field (or fields) present in both stores. */
  readonly on: string | readonly string[];
  /** Which unmatched rows to keep (default `'inner'`). */
  readonly how?: JoinHow | undefined;
  /** Appended to non-key fields present on both sides (default `['_x', '_y']`, as pandas). */
  readonly suffixes?: readonly [string, string] | undefined;
}

const HOWS: ReadonlySet<string> = new Set(['inner', 'left', 'right', 'outer']);

/** Validates the options; returns the key names, `how` and the suffixes. @internal */
export function checkJoinOptions(options: unknown): { on: string[]; how: JoinHow; suffixes: readonly [string, string] } {
  if (typeof options !== 'object' || options === null) throwType(`RecordStore.join: options {on, how?, suffixes?} are required, got ${describe(options)}`);
  const o = options as JoinOptions;
  const on: unknown[] =
    typeof o.on === 'string'
      ? [o.on]
      : Array.isArray(o.on)
        ? [...(o.on as unknown[])]
        : throwType(`RecordStore.join: on must be a field name or an array of them, got ${describe(o.on)}`);
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

/** The joined columns, their schema entries, and the keys to sort by afterwards (outer joins). @internal */
export interface JoinedParts {
  readonly entries: (readonly [string, FieldSpec])[];
  readonly cols: Column[];
  readonly valid: (Uint8Array | null)[];
  readonly length: number;
  readonly sortOn: readonly string[] | null;
}

/** A field's spec without its default: nullable when `nullable`. */
function specOf(f: FieldInfo, nullable: boolean): FieldSpec {
  const t = fieldType(f.spec);
  return nullable ? { type: t, nullable: true } : t;
}

function hasMissing(idx: Int32Array): boolean {
  for (let j = 0; j < idx.length; j++) if (idx[j]! < 0) return true;
  return false;
}

/** `idx` with `-1` (no row) read as row 0, for a gather whose missing rows are then marked null. */
function rowsOf(idx: Int32Array): Uint32Array {
  const rows = new Uint32Array(idx.length);
  for (let j = 0; j < idx.length; j++) {
    const r = idx[j]!;
    rows[j] = r < 0 ? 0 : r;
  }
  return rows;
}

/** The validity of `idx`'s rows: valid where there is a row and it is valid in `bm`. */
function bitsOf(bm: Uint8Array | null, idx: Int32Array): Uint8Array {
  const m = idx.length;
  const out = newBitmap(m, 0);
  for (let j = 0; j < m; j++) {
    const r = idx[j]!;
    if (r >= 0 && isValid(bm, r)) setBit(out, j, true);
  }
  return out;
}

/** Codes of `cat` at `idx` through `table` (code + 1 → output code); rows with `idx < 0` left as they are unless `fill`. */
function gatherCodes(cat: CategoryColumn, idx: Int32Array, table: Int32Array, out: CodeArray, fill: boolean): void {
  const codes = cat.codes;
  for (let j = 0; j < idx.length; j++) {
    const r = idx[j]!;
    if (r >= 0) out[j] = table[codes[r]! + 1]!;
    else if (fill) out[j] = -1;
  }
}

function identityTable(k: number): Int32Array {
  const t = new Int32Array(k + 1);
  for (let c = 0; c <= k; c++) t[c] = c - 1;
  return t;
}

/** A float vector column at `idx` with NaN where there is no row (vector fields cannot be nullable). */
function gatherFloat(src: TypedArray, size: number, idx: Int32Array, isFloat32: boolean): Float64Array | Float32Array {
  const out = isFloat32 ? new Float32Array(idx.length * size) : new Float64Array(idx.length * size);
  const a = src as unknown as ArrayLike<number | bigint>;
  for (let j = 0; j < idx.length; j++) {
    const r = idx[j]!;
    for (let e = 0; e < size; e++) out[j * size + e] = r < 0 ? NaN : Number(a[r * size + e]!);
  }
  return out;
}

interface Out {
  readonly entries: (readonly [string, FieldSpec])[];
  readonly cols: Column[];
  readonly valid: (Uint8Array | null)[];
  /** {@link rowsOf} of each side's pairs, made once for all of that side's fields. */
  readonly rows: Map<Int32Array, Uint32Array>;
}

/** `idx` as gather rows, made once per side; `idx` itself (aliased as unsigned) when it has no `-1`. */
function sideRows(out: Out, idx: Int32Array, missing: boolean): Uint32Array {
  let r = out.rows.get(idx);
  if (r === undefined) out.rows.set(idx, (r = missing ? rowsOf(idx) : new Uint32Array(idx.buffer, idx.byteOffset, idx.length)));
  return r;
}

function add(out: Out, name: string, col: Column, valid: Uint8Array | null, spec: FieldSpec): void {
  if (out.entries.some(([n]) => n === name)) throwValue(`RecordStore.join: output field ${describe(name)} appears twice (choose other suffixes)`);
  out.entries.push([name, spec]);
  out.cols.push(col);
  out.valid.push(valid);
}

/** A non-key field of one side at `idx` (`-1`: that side has no row). */
function sideField(out: Out, d: StoreData, f: FieldInfo, idx: Int32Array, missing: boolean, name: string): void {
  const m = idx.length;
  const col = d.cols[f.index]!;
  if (f.kind === 'category' && missing) {
    const cat = col as CategoryColumn;
    const list = cat.categories;
    const codes = allocCodes(codesDTypeFor(list.length), m);
    gatherCodes(cat, idx, identityTable(list.length), codes, true);
    add(out, name, Categorical.fromCodes(codes, list, { ordered: cat.ordered }) as unknown as CategoryColumn, null, 'category');
    return;
  }
  if (!missing) {
    const rows = sideRows(out, idx, false);
    add(out, name, takeColumn(col, f, rows, m), gatherBits(d.valid[f.index]!, rows, m), specOf(f, f.nullable));
    return;
  }
  if (f.kind === 'vector') {
    const f32 = f.dtype === 'float32';
    add(out, name, gatherFloat(col as TypedArray, f.size, idx, f32), null, [f32 ? 'float32' : 'float64', f.size]);
    return;
  }
  // Rows the side lacks are null in a nullable field of the same type (pandas' nullable dtypes).
  const values = d.length === 0 ? emptyColumn(f, m) : takeColumn(col, f, sideRows(out, idx, true), m);
  add(out, name, values, bitsOf(d.valid[f.index]!, idx), specOf(f, true));
}

/** `m` placeholder rows of a scalar field (a side with no rows at all: every output row is null). */
function emptyColumn(f: FieldInfo, m: number): Column {
  return f.kind === 'utf8' ? new Utf8Data(m) : f.info.alloc(m * f.size);
}

/** A category key on both sides: the union of the categories, each row's code from the side that has it. */
function categoryKey(out: Out, a: CategoryColumn, b: CategoryColumn, li: Int32Array, ri: Int32Array, name: string): void {
  const listA = a.categories;
  const listB = b.categories;
  const cats: (string | number)[] = [...listA];
  const index = new Map<string | number, number>();
  cats.forEach((c, i) => index.set(c, i));
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
  const m = li.length;
  const codes = allocCodes(codesDTypeFor(cats.length), m);
  gatherCodes(a, li, identityTable(listA.length), codes, true);
  gatherCodes(b, ri, tb, codes, false);
  add(out, name, Categorical.fromCodes(codes, cats) as unknown as CategoryColumn, null, 'category');
}

/** A string key with a utf8 side: a utf8 field gathered from both sides' UTF-8 rows. */
function stringKey(out: Out, left: StoreData, right: StoreData, key: JoinKey, li: Int32Array, ri: Int32Array, name: string): void {
  const sa = stringRows(left, key.a);
  const sb = stringRows(right, key.b);
  const { data, valid } = stackStrings(sa, sb);
  const m = li.length;
  const stacked = new Int32Array(m);
  for (let j = 0; j < m; j++) stacked[j] = li[j]! >= 0 ? stringRowOf(sa, 0, li[j]!) : stringRowOf(sb, sa.rows, ri[j]!);
  const col = sa.rows + sb.rows === 0 ? new Utf8Data(m) : data.take(rowsOf(stacked), m);
  const bits = bitsOf(valid, stacked);
  const nullable = key.a.nullable || key.b.nullable || key.a.kind === 'category' || key.b.kind === 'category';
  add(out, name, col, hasNull(bits, m) ? bits : null, nullable ? { type: 'utf8', nullable: true } : 'utf8');
}

function hasNull(bm: Uint8Array, m: number): boolean {
  for (let j = 0; j < m; j++) if (!isValid(bm, j)) return true;
  return false;
}

/** A numeric, bool, date or timestamp key: each row's value from the side that has it. */
function valueKey(out: Out, left: StoreData, right: StoreData, key: JoinKey, li: Int32Array, ri: Int32Array, name: string): void {
  const { a, b } = key;
  const m = li.length;
  const va = left.cols[a.index] as unknown as ArrayLike<number | bigint>;
  const vb = right.cols[b.index] as unknown as ArrayLike<number | bigint>;
  const same = a.dtype === b.dtype;
  const values = same ? a.info.alloc(m) : new Float64Array(m);
  const w = values as unknown as (number | bigint)[];
  const bma = left.valid[a.index]!;
  const bmb = right.valid[b.index]!;
  const bits = newBitmap(m, 0);
  let nulls = 0;
  for (let j = 0; j < m; j++) {
    const l = li[j]!;
    const x = l >= 0 ? va[l]! : vb[ri[j]!]!;
    w[j] = same ? x : Number(x);
    const ok = l >= 0 ? isValid(bma, l) : isValid(bmb, ri[j]!);
    if (ok) setBit(bits, j, true);
    else nulls++;
  }
  const nullable = a.nullable || b.nullable;
  add(out, name, values as TypedArray, nulls === 0 ? null : bits, same ? specOf(a, nullable) : nullable ? { type: 'float64', nullable: true } : 'float64');
}

/** The joined store's parts (pandas `merge`). @internal */
export function joinParts(left: StoreData, right: StoreData, options: unknown): JoinedParts {
  const { on, how, suffixes } = checkJoinOptions(options);
  const keys = on.map((k) => keyFields(left.schema, right.schema, k));
  const { left: li, right: ri } = joinPairs(left, right, keys, how);
  const out: Out = { entries: [], cols: [], valid: [], rows: new Map() };
  const keySet = new Set(on);
  const leftMissing = hasMissing(li);
  const rightMissing = hasMissing(ri);
  const leftNames = left.schema.names;
  const rightNames = right.schema.names;
  // pandas order: this store's fields first (keys where they stand), then the other's non-key fields.
  for (const f of left.schema.fields) {
    if (keySet.has(f.name)) {
      const key = keys[on.indexOf(f.name)]!;
      // Inner and left joins have a left row for every output row (right joins a right row): a key of one type
      // on both sides is a gather from that side.
      if (key.a.kind === key.b.kind && key.a.dtype === key.b.dtype && how !== 'outer') {
        if (how === 'right') sideField(out, right, key.b, ri, false, f.name);
        else sideField(out, left, key.a, li, false, f.name);
      } else if (key.a.kind === 'category' && key.b.kind === 'category')
        categoryKey(out, left.cols[key.a.index] as CategoryColumn, right.cols[key.b.index] as CategoryColumn, li, ri, f.name);
      else if (key.kind === 'string') stringKey(out, left, right, key, li, ri, f.name);
      else valueKey(out, left, right, key, li, ri, f.name);
      continue;
    }
    sideField(out, left, f, li, leftMissing, rightNames.includes(f.name) ? f.name + suffixes[0] : f.name);
  }
  for (const f of right.schema.fields) {
    if (keySet.has(f.name)) continue;
    sideField(out, right, f, ri, rightMissing, leftNames.includes(f.name) ? f.name + suffixes[1] : f.name);
  }
  return { entries: out.entries, cols: out.cols, valid: out.valid, length: li.length, sortOn: how === 'outer' ? on : null };
}
