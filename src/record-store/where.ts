/**
 * `store.where(field, op, value)`: element-wise comparison masks (pandas `df.delay > 300`) computed by one
 * typed pass over a column, and the mask algebra (`maskAnd`, `maskOr`, `maskNot`) that combines them.
 * A mask is a `Uint8Array` of 0/1, one byte per row, as `Categorical.eq` returns and `filter` takes.
 *
 * @internal
 * @packageDocumentation
 */
import type { TypedArray } from '../dtype.js';
import { describe, throwType, throwValue } from '../errors.js';
import { cloneFunction, onCodegenReset } from '../internal/codegen.js';
import type { FieldInfo } from './schema.js';
import type { CategoryColumn, Column } from './store-data.js';

/** The operators of {@link RecordStore.where}. */
export type WhereOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'isNull' | 'notNull';

const OPS: ReadonlySet<string> = new Set(['==', '!=', '<', '<=', '>', '>=', 'in', 'isNull', 'notNull']);

/** Checks `op` and returns it typed. @internal */
export function checkWhereOp(op: unknown): WhereOp {
  if (typeof op !== 'string' || !OPS.has(op)) {
    throwValue(`RecordStore.where: unknown operator ${describe(op)} (operators: ${[...OPS].join(' ')})`);
  }
  return op as WhereOp;
}

// --- numeric kernels: one pass, branch-free stores --------------------------------------------------

function cmpEq(a: ArrayLike<number | bigint>, n: number, v: number | bigint, out: Uint8Array): void {
  for (let i = 0; i < n; i++) out[i] = a[i] === v ? 1 : 0;
}
function cmpLt(a: ArrayLike<number | bigint>, n: number, v: number | bigint, out: Uint8Array): void {
  for (let i = 0; i < n; i++) out[i] = a[i]! < v ? 1 : 0;
}
function cmpLe(a: ArrayLike<number | bigint>, n: number, v: number | bigint, out: Uint8Array): void {
  for (let i = 0; i < n; i++) out[i] = a[i]! <= v ? 1 : 0;
}
function cmpGt(a: ArrayLike<number | bigint>, n: number, v: number | bigint, out: Uint8Array): void {
  for (let i = 0; i < n; i++) out[i] = a[i]! > v ? 1 : 0;
}
function cmpGe(a: ArrayLike<number | bigint>, n: number, v: number | bigint, out: Uint8Array): void {
  for (let i = 0; i < n; i++) out[i] = a[i]! >= v ? 1 : 0;
}
function isNaNMask(a: ArrayLike<number>, n: number, out: Uint8Array): void {
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    out[i] = x !== x ? 1 : 0;
  }
}

type CmpKernel = (a: ArrayLike<number | bigint>, n: number, v: number | bigint, out: Uint8Array) => void;

const BASE: Readonly<Record<string, CmpKernel>> = { '==': cmpEq, '!=': cmpEq, '<': cmpLt, '<=': cmpLe, '>': cmpGt, '>=': cmpGe };
const KERNELS = new Map<string, CmpKernel>();
onCodegenReset(() => KERNELS.clear());

/**
 * The comparison kernel of `op` for one dtype: a separately compiled copy per (op, dtype), so each sees one
 * TypedArray type (monomorphic; docs/internals/performance.md), or the shared function where code generation
 * is forbidden (internal/codegen.ts).
 */
function kernelFor(op: string, dtype: string): CmpKernel {
  const key = `${op} ${dtype}`;
  let k = KERNELS.get(key);
  if (k === undefined) KERNELS.set(key, (k = cloneFunction(BASE[op]!, `where ${key}`)));
  return k;
}

/** `out[i] ^= 1` over the first `n` bytes. */
function invert(out: Uint8Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = out[i]! ^ 1;
}

/**
 * The comparison value in the column's number domain: a bigint for 64-bit fields (a safe-integer number is
 * converted), a number otherwise. `null` when the value can never be equal to a stored element but is still
 * comparable (a non-integer against an integer column compares as a number).
 */
function operand(f: FieldInfo, v: unknown, op: WhereOp): number | bigint {
  const big = f.dtype === 'int64' || f.dtype === 'uint64';
  if (typeof v === 'bigint') {
    if (big) return v;
    // A bigint against a non-64-bit column compares by value (exact when it is a safe integer).
    return Number(v);
  }
  if (typeof v !== 'number') throwType(`RecordStore.where: ${op} on ${f.dtype} field ${describe(f.name)} needs a number, got ${describe(v)}`);
  if (big) {
    if (Number.isInteger(v)) return BigInt(v);
    throwType(`RecordStore.where: ${op} on ${f.dtype} field ${describe(f.name)} needs an integer (number or bigint), got ${describe(v)}`);
  }
  return v;
}

function numericMask(f: FieldInfo, col: TypedArray, n: number, op: WhereOp, value: unknown): Uint8Array {
  const out = new Uint8Array(n);
  const a = col as unknown as ArrayLike<number | bigint>;
  const isFloat = f.dtype === 'float32' || f.dtype === 'float64';
  switch (op) {
    case 'isNull':
    case 'notNull':
      if (isFloat) isNaNMask(a as ArrayLike<number>, n, out);
      if (op === 'notNull') invert(out, n);
      return out;
    case 'in': {
      const set = valueSet(f, value);
      for (let i = 0; i < n; i++) out[i] = set.has(a[i]!) ? 1 : 0;
      return out;
    }
    default:
  }
  const v = operand(f, value, op);
  kernelFor(op, f.dtype)(a, n, v, out);
  if (op === '!=') invert(out, n); // NaN != x is true, as in pandas and IEEE
  return out;
}

function checkArray(value: unknown, f: FieldInfo): readonly unknown[] {
  if (!Array.isArray(value) && !(value instanceof Set)) {
    throwType(`RecordStore.where: 'in' on field ${describe(f.name)} needs an array or Set of values, got ${describe(value)}`);
  }
  return Array.isArray(value) ? value : [...(value as Set<unknown>)];
}

function valueSet(f: FieldInfo, value: unknown): Set<number | bigint> {
  const set = new Set<number | bigint>();
  for (const v of checkArray(value, f)) {
    if (typeof v === 'number' && f.dtype !== 'int64' && f.dtype !== 'uint64') set.add(v);
    else if (typeof v === 'number' || typeof v === 'bigint') {
      if (f.dtype === 'int64' || f.dtype === 'uint64') {
        if (typeof v === 'bigint') set.add(v);
        else if (Number.isInteger(v)) set.add(BigInt(v));
      } else set.add(Number(v));
    } else throwType(`RecordStore.where: 'in' on ${f.dtype} field ${describe(f.name)} needs numbers, got ${describe(v)}`);
  }
  return set;
}

// --- category columns: compare codes ----------------------------------------------------------------

function codesMask(codes: Int8Array | Int16Array | Int32Array, n: number, lo: number, hi: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    out[i] = c >= lo && c <= hi ? 1 : 0;
  }
  return out;
}

function categoryMask(f: FieldInfo, cat: CategoryColumn, n: number, op: WhereOp, value: unknown): Uint8Array {
  const codes = cat.codes;
  switch (op) {
    case 'isNull':
      return codesMask(codes, n, -1, -1);
    case 'notNull':
      return codesMask(codes, n, 0, 0x7fffffff);
    case 'in': {
      const table = new Uint8Array(cat.categories.length + 1);
      for (const v of checkArray(value, f)) {
        if (v === null) continue; // a null never matches (pandas isin of NaN aside: use 'isNull')
        const c = cat.codeOf(v);
        if (c >= 0) table[c + 1] = 1;
      }
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = table[codes[i]! + 1]!;
      return out;
    }
    default:
  }
  if (typeof value !== 'string') throwType(`RecordStore.where: ${op} on category field ${describe(f.name)} needs a string, got ${describe(value)}`);
  const code = cat.codeOf(value);
  if (op === '==' || op === '!=') {
    const out = code < 0 ? new Uint8Array(n) : codesMask(codes, n, code, code);
    if (op === '!=') {
      // Missing values are != anything (pandas: NaN != 'x' is True).
      invert(out, n);
    }
    return out;
  }
  if (!cat.ordered) {
    throwType(`RecordStore.where: ${op} on unordered category field ${describe(f.name)}: only '==', '!=', 'in' and the null tests apply (make it ordered to compare by category order)`);
  }
  if (code < 0) throwType(`RecordStore.where: ${op} on ordered category field ${describe(f.name)}: ${describe(value)} is not a category`);
  switch (op) {
    case '<':
      return codesMask(codes, n, 0, code - 1);
    case '<=':
      return codesMask(codes, n, 0, code);
    case '>':
      return codesMask(codes, n, code + 1, 0x7fffffff);
    default:
      return codesMask(codes, n, code, 0x7fffffff);
  }
}

/** The mask of rows where `field op value` holds. @internal */
export function whereMask(f: FieldInfo, col: Column, n: number, op: WhereOp, value: unknown): Uint8Array {
  if (f.kind === 'vector') throwType(`RecordStore.where: cannot compare vector field ${describe(f.name)} element-wise to one value`);
  if (f.kind === 'category') return categoryMask(f, col as CategoryColumn, n, op, value);
  return numericMask(f, col as TypedArray, n, op, value);
}

// --- mask algebra -------------------------------------------------------------------------------------

function checkMask(m: unknown, where: string): Uint8Array {
  if (!(m instanceof Uint8Array)) throwType(`${where}: masks are Uint8Arrays (from where/eq/isNA), got ${describe(m)}`);
  return m;
}

function checkPair(a: unknown, b: unknown, where: string): [Uint8Array, Uint8Array] {
  const x = checkMask(a, where);
  const y = checkMask(b, where);
  if (x.length !== y.length) throwValue(`${where}: mask lengths differ (${x.length} vs ${y.length})`);
  return [x, y];
}

/**
 * Row-wise AND of masks (pandas `m1 & m2`): a **new** mask, 1 where every mask is non-zero.
 * @param masks - Two or more `Uint8Array` masks of one length.
 * @returns A new `Uint8Array` of 0/1.
 * @throws `TypeError` for a non-`Uint8Array`; {@link ValueError} for lengths that differ or fewer than two masks.
 * @remarks O(n × masks); allocates one mask.
 * @example
 * ```ts
 * store.filter(maskAnd(store.where('delay', '>', 300), store.where('distance', '>', 2000)));
 * ```
 */
export function maskAnd(...masks: readonly Uint8Array[]): Uint8Array {
  return combine(masks, 'maskAnd', true);
}

/**
 * Row-wise OR of masks (pandas `m1 | m2`): a **new** mask, 1 where any mask is non-zero.
 * @param masks - Two or more `Uint8Array` masks of one length.
 * @returns A new `Uint8Array` of 0/1.
 * @throws `TypeError` for a non-`Uint8Array`; {@link ValueError} for lengths that differ or fewer than two masks.
 * @remarks O(n × masks); allocates one mask.
 */
export function maskOr(...masks: readonly Uint8Array[]): Uint8Array {
  return combine(masks, 'maskOr', false);
}

/**
 * Row-wise NOT of a mask (pandas `~m`): a **new** mask, 1 where `mask` is zero.
 * @param mask - A `Uint8Array` mask.
 * @returns A new `Uint8Array` of 0/1.
 * @throws `TypeError` for a non-`Uint8Array`.
 * @remarks O(n); allocates one mask.
 */
export function maskNot(mask: Uint8Array): Uint8Array {
  const m = checkMask(mask, 'maskNot');
  const n = m.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = m[i] === 0 ? 1 : 0;
  return out;
}

function combine(masks: readonly Uint8Array[], where: string, all: boolean): Uint8Array {
  if (masks.length < 2) throwValue(`${where}: needs at least two masks, got ${masks.length}`);
  let [a, b] = checkPair(masks[0], masks[1], where);
  const n = a.length;
  const out = new Uint8Array(n);
  for (let k = 1; k < masks.length; k++) {
    if (k > 1) [a, b] = checkPair(out, masks[k], where);
    if (all) for (let i = 0; i < n; i++) out[i] = a[i] !== 0 && b[i] !== 0 ? 1 : 0;
    else for (let i = 0; i < n; i++) out[i] = a[i] !== 0 || b[i] !== 0 ? 1 : 0;
  }
  return out;
}
