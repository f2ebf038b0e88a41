/**
 * `store.where(field, op, value)`: element-wise comparisons (pandas `df.delay > 300`) as row tests, typed
 * kernels bound to one column that answer any run of rows (`where` runs one over every row into a new mask;
 * `filter([[field, op, value], …])` runs each over one block at a time). A mask is a `Uint8Array` of 0/1,
 * one byte per row, as `Categorical.eq` returns and `filter` takes; masks.ts combines them.
 *
 * @internal
 * @packageDocumentation
 */
import type { TypedArray } from '../dtype.js';
import { describe, throwType, throwValue } from '../errors.js';
import { cloneFunction, onCodegenReset } from '../internal/codegen.js';
import type { FieldInfo } from './schema.js';
import type { CategoryColumn, Column } from './store-data.js';
import { codeKernels, refineBytes, refineFor, selectBytes, selectFor, type RefineKernel, type SelectKernel, type SelectOp } from './where-select.js';

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

// --- numeric kernels: one pass, branch-free, four rows per store ---------------------------------------
//
// `+(x > v)` compiles to a flag set, not a branch: on random data a `? 1 : 0` mispredicts half the time and
// costs 2-3x (docs/internals/performance.md, "Branch-free comparisons"). Four 0/1 bytes are packed into one 32-bit store; the word
// layout is little-endian (the platform order of every current engine; `fixByteOrder` swaps on others).

function cmpEq(a: ArrayLike<number | bigint>, lo: number, n: number, v: number | bigint, out: Uint8Array): void {
  const m = n >>> 2;
  const w = new Uint32Array(out.buffer, out.byteOffset, m);
  for (let j = 0, i = lo; j < m; j++, i += 4) w[j] = +(a[i] === v) | (+(a[i + 1] === v) << 8) | (+(a[i + 2] === v) << 16) | (+(a[i + 3] === v) << 24);
  for (let i = m << 2; i < n; i++) out[i] = +(a[lo + i] === v);
}
function cmpNe(a: ArrayLike<number | bigint>, lo: number, n: number, v: number | bigint, out: Uint8Array): void {
  const m = n >>> 2;
  const w = new Uint32Array(out.buffer, out.byteOffset, m);
  for (let j = 0, i = lo; j < m; j++, i += 4) w[j] = +(a[i] !== v) | (+(a[i + 1] !== v) << 8) | (+(a[i + 2] !== v) << 16) | (+(a[i + 3] !== v) << 24);
  for (let i = m << 2; i < n; i++) out[i] = +(a[lo + i] !== v);
}
function cmpLt(a: ArrayLike<number | bigint>, lo: number, n: number, v: number | bigint, out: Uint8Array): void {
  const m = n >>> 2;
  const w = new Uint32Array(out.buffer, out.byteOffset, m);
  for (let j = 0, i = lo; j < m; j++, i += 4) w[j] = +(a[i]! < v) | (+(a[i + 1]! < v) << 8) | (+(a[i + 2]! < v) << 16) | (+(a[i + 3]! < v) << 24);
  for (let i = m << 2; i < n; i++) out[i] = +(a[lo + i]! < v);
}
function cmpLe(a: ArrayLike<number | bigint>, lo: number, n: number, v: number | bigint, out: Uint8Array): void {
  const m = n >>> 2;
  const w = new Uint32Array(out.buffer, out.byteOffset, m);
  for (let j = 0, i = lo; j < m; j++, i += 4) w[j] = +(a[i]! <= v) | (+(a[i + 1]! <= v) << 8) | (+(a[i + 2]! <= v) << 16) | (+(a[i + 3]! <= v) << 24);
  for (let i = m << 2; i < n; i++) out[i] = +(a[lo + i]! <= v);
}
function cmpGt(a: ArrayLike<number | bigint>, lo: number, n: number, v: number | bigint, out: Uint8Array): void {
  const m = n >>> 2;
  const w = new Uint32Array(out.buffer, out.byteOffset, m);
  for (let j = 0, i = lo; j < m; j++, i += 4) w[j] = +(a[i]! > v) | (+(a[i + 1]! > v) << 8) | (+(a[i + 2]! > v) << 16) | (+(a[i + 3]! > v) << 24);
  for (let i = m << 2; i < n; i++) out[i] = +(a[lo + i]! > v);
}
function cmpGe(a: ArrayLike<number | bigint>, lo: number, n: number, v: number | bigint, out: Uint8Array): void {
  const m = n >>> 2;
  const w = new Uint32Array(out.buffer, out.byteOffset, m);
  for (let j = 0, i = lo; j < m; j++, i += 4) w[j] = +(a[i]! >= v) | (+(a[i + 1]! >= v) << 8) | (+(a[i + 2]! >= v) << 16) | (+(a[i + 3]! >= v) << 24);
  for (let i = m << 2; i < n; i++) out[i] = +(a[lo + i]! >= v);
}
/** NaN test (`x !== x`); `v` is unused (one kernel signature). */
function cmpNaN(a: ArrayLike<number | bigint>, lo: number, n: number, _v: number | bigint, out: Uint8Array): void {
  const m = n >>> 2;
  const w = new Uint32Array(out.buffer, out.byteOffset, m);
  for (let j = 0, i = lo; j < m; j++, i += 4) {
    const x0 = a[i]!;
    const x1 = a[i + 1]!;
    const x2 = a[i + 2]!;
    const x3 = a[i + 3]!;
    w[j] = +(x0 !== x0) | (+(x1 !== x1) << 8) | (+(x2 !== x2) << 16) | (+(x3 !== x3) << 24);
  }
  for (let i = m << 2; i < n; i++) out[i] = +(a[lo + i] !== a[lo + i]);
}

type CmpKernel = (a: ArrayLike<number | bigint>, lo: number, n: number, v: number | bigint, out: Uint8Array) => void;

/** `out[i] = table[codes[lo + i] + 1]`: a category test as a lookup per code (`table[0]` is the null row's answer). */
function lookupCodes(codes: ArrayLike<number>, lo: number, n: number, table: Uint8Array, out: Uint8Array): void {
  for (let i = 0; i < n; i++) out[i] = table[codes[lo + i]! + 1]!;
}

type LookupKernel = typeof lookupCodes;

const BASE: Readonly<Record<string, CmpKernel>> = { '==': cmpEq, '!=': cmpNe, '<': cmpLt, '<=': cmpLe, '>': cmpGt, '>=': cmpGe, isNaN: cmpNaN };
const KERNELS = new Map<string, CmpKernel | LookupKernel>();
onCodegenReset(() => KERNELS.clear());

/** True when a Uint32 store puts its low byte first (every engine compactly runs on; checked, not assumed). @internal */
export const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * The comparison kernel of `op` for one dtype: a separately compiled copy per (op, dtype), so each sees one
 * TypedArray type (monomorphic; docs/internals/performance.md), or the shared function where code generation
 * is forbidden (internal/codegen.ts).
 */
function kernelFor(op: string, dtype: string): CmpKernel {
  const key = `${op} ${dtype}`;
  let k = KERNELS.get(key) as CmpKernel | undefined;
  if (k === undefined) KERNELS.set(key, (k = cloneFunction(BASE[op]!, `where ${key}`)));
  return k;
}

/** The code lookup compiled for one code width (Int8/Int16/Int32 codes). */
function lookupFor(codes: ArrayLike<number>): LookupKernel {
  const key = `lookup ${codes.constructor.name}`;
  let k = KERNELS.get(key) as LookupKernel | undefined;
  if (k === undefined) KERNELS.set(key, (k = cloneFunction(lookupCodes, `where ${key}`)));
  return k;
}

/** Reverses each packed word's bytes on a big-endian platform (the kernels pack little-endian). */
function fixByteOrder(out: Uint8Array, n: number): void {
  for (let i = 0; i + 4 <= n; i += 4) {
    const b0 = out[i]!;
    const b1 = out[i + 1]!;
    out[i] = out[i + 3]!;
    out[i + 1] = out[i + 2]!;
    out[i + 2] = b1;
    out[i + 3] = b0;
  }
}

/** `out[i] ^= 1` over the first `n` bytes. */
function invert(out: Uint8Array, n: number): void {
  for (let i = 0; i < n; i++) out[i] = out[i]! ^ 1;
}

// --- row tests: one condition bound to its column, evaluated over any run of rows ----------------------

/**
 * One condition (`field op value`) checked and bound to its column. `run(lo, n, out)` writes the 0/1 answer
 * of rows `[lo, lo + n)` into `out[0..n)` (`where` runs it once over every row into a new mask; `out` must be
 * 4-byte aligned: the kernels store four rows per 32-bit word). The fused `filter(conditions)` works on row
 * numbers instead (where-select.ts): `select` appends the rows of `[lo, hi)` that pass to `keep` from `k` and
 * returns the new count (`keep` needs room for `k + hi - lo`); `refine` keeps, in order, the rows of
 * `keep[from, to)` (all within `[lo, hi)`) that pass, compacted from `from`, and returns the new end.
 * @internal
 */
export interface RowTest {
  run(lo: number, n: number, out: Uint8Array): void;
  select(lo: number, hi: number, keep: Uint32Array, k: number): number;
  refine(lo: number, hi: number, keep: Uint32Array, from: number, to: number): number;
}

/**
 * A test that selects and refines through its own `run` over the block, into a scratch buffer: for the
 * tests with no selection kernel of their own (`isNull` on a nullable field, an OR of two answers). @internal
 */
export abstract class BlockTest implements RowTest {
  #scratch = new Uint8Array(0);
  abstract run(lo: number, n: number, out: Uint8Array): void;
  #block(lo: number, hi: number): Uint8Array {
    if (this.#scratch.length < hi - lo) this.#scratch = new Uint8Array(hi - lo);
    this.run(lo, hi - lo, this.#scratch);
    return this.#scratch;
  }
  select(lo: number, hi: number, keep: Uint32Array, k: number): number {
    return selectBytes(this.#block(lo, hi), lo, lo, hi, keep, k);
  }
  refine(lo: number, hi: number, keep: Uint32Array, from: number, to: number): number {
    return from === to ? from : refineBytes(this.#block(lo, hi), lo, keep, from, to);
  }
}

/** A comparison kernel over a numeric column (`negate`: the complement of the NaN test, for `notNull` on floats). */
class KernelTest implements RowTest {
  private readonly k: CmpKernel;
  private readonly sel: SelectKernel;
  private readonly ref: RefineKernel;
  private readonly negate: boolean;
  constructor(
    op: SelectOp,
    dtype: string,
    private readonly a: ArrayLike<number | bigint>,
    private readonly v: number | bigint,
  ) {
    this.negate = op === 'notNaN';
    this.k = kernelFor(this.negate ? 'isNaN' : op, dtype);
    this.sel = selectFor(op, dtype);
    this.ref = refineFor(op, dtype);
  }
  run(lo: number, n: number, out: Uint8Array): void {
    this.k(this.a, lo, n, this.v, out);
    if (!LITTLE_ENDIAN) fixByteOrder(out, n);
    if (this.negate) invert(out, n);
  }
  select(lo: number, hi: number, keep: Uint32Array, k: number): number {
    return this.sel(this.a, lo, hi, this.v, keep, k);
  }
  refine(_lo: number, _hi: number, keep: Uint32Array, from: number, to: number): number {
    return this.ref(this.a, this.v, keep, from, to);
  }
}

/** Category codes looked up in a table of one answer per code (`table[0]`: the missing code -1). */
class LookupTest implements RowTest {
  private readonly k: LookupKernel;
  private readonly sel: ReturnType<typeof codeKernels>[0];
  private readonly ref: ReturnType<typeof codeKernels>[1];
  constructor(
    private readonly codes: ArrayLike<number>,
    private readonly table: Uint8Array,
  ) {
    this.k = lookupFor(codes);
    [this.sel, this.ref] = codeKernels(codes);
  }
  run(lo: number, n: number, out: Uint8Array): void {
    this.k(this.codes, lo, n, this.table, out);
  }
  select(lo: number, hi: number, keep: Uint32Array, k: number): number {
    return this.sel(this.codes, lo, hi, this.table, keep, k);
  }
  refine(_lo: number, _hi: number, keep: Uint32Array, from: number, to: number): number {
    return this.ref(this.codes, this.table, keep, from, to);
  }
}

/** Membership of each value in a set (`'in'` on a numeric column). */
class SetTest implements RowTest {
  constructor(
    private readonly a: ArrayLike<number | bigint>,
    private readonly set: ReadonlySet<number | bigint>,
  ) {}
  run(lo: number, n: number, out: Uint8Array): void {
    const a = this.a;
    const set = this.set;
    for (let i = 0; i < n; i++) out[i] = set.has(a[lo + i]!) ? 1 : 0;
  }
  select(lo: number, hi: number, keep: Uint32Array, k: number): number {
    const a = this.a;
    const set = this.set;
    for (let i = lo; i < hi; i++) {
      keep[k] = i;
      k += set.has(a[i]!) ? 1 : 0;
    }
    return k;
  }
  refine(_lo: number, _hi: number, keep: Uint32Array, from: number, to: number): number {
    const a = this.a;
    const set = this.set;
    let k = from;
    for (let j = from; j < to; j++) {
      const r = keep[j]!;
      keep[k] = r;
      k += set.has(a[r]!) ? 1 : 0;
    }
    return k;
  }
}

/** The same answer for every row (`isNull` on a column that cannot hold NaN). @internal */
export class ConstTest implements RowTest {
  constructor(private readonly value: 0 | 1) {}
  run(_lo: number, n: number, out: Uint8Array): void {
    out.fill(this.value, 0, n);
  }
  select(lo: number, hi: number, keep: Uint32Array, k: number): number {
    if (this.value === 0) return k;
    for (let i = lo; i < hi; i++) keep[k++] = i;
    return k;
  }
  refine(_lo: number, _hi: number, _keep: Uint32Array, from: number, to: number): number {
    return this.value === 0 ? from : to;
  }
}

/** A whole-column mask computed up front (utf8 comparisons), read block by block. @internal */
export class MaskTest implements RowTest {
  constructor(private readonly mask: Uint8Array) {}
  run(lo: number, n: number, out: Uint8Array): void {
    out.set(this.mask.subarray(lo, lo + n));
  }
  select(lo: number, hi: number, keep: Uint32Array, k: number): number {
    return selectBytes(this.mask, 0, lo, hi, keep, k);
  }
  refine(_lo: number, _hi: number, keep: Uint32Array, from: number, to: number): number {
    return refineBytes(this.mask, 0, keep, from, to);
  }
}

/** A new mask of `test` over rows `[0, n)`. @internal */
export function maskOf(test: RowTest, n: number): Uint8Array {
  const out = new Uint8Array(n);
  test.run(0, n, out);
  return out;
}

/**
 * The comparison value in the column's number domain: a bigint for 64-bit fields (a safe-integer number is
 * converted), a number otherwise (a non-integer against an integer column compares as a number).
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

function numericTest(f: FieldInfo, col: TypedArray, op: WhereOp, value: unknown): RowTest {
  const a = col as unknown as ArrayLike<number | bigint>;
  const isFloat = f.dtype === 'float32' || f.dtype === 'float64';
  switch (op) {
    case 'isNull':
    case 'notNull':
      return isFloat ? new KernelTest(op === 'notNull' ? 'notNaN' : 'isNaN', f.dtype, a, 0) : new ConstTest(op === 'notNull' ? 1 : 0);
    case 'in':
      return new SetTest(a, valueSet(f, value));
    default:
  }
  // '!=' is true for NaN, as in pandas and IEEE (the kernel compares with !==).
  return new KernelTest(op, f.dtype, a, operand(f, value, op));
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

// --- category columns: one answer per code ------------------------------------------------------------

/** `table[c + 1] = 1` for the codes `c` in `[from, to)`. */
function mark(table: Uint8Array, from: number, to: number): Uint8Array {
  table.fill(1, from + 1, to + 1);
  return table;
}

/** The answer of `op value` for each code of `cat` (`[0]`: the missing code), checked as `where` documents. */
function categoryTable(f: FieldInfo, cat: CategoryColumn, op: WhereOp, value: unknown): Uint8Array {
  const k = cat.categories.length;
  const table = new Uint8Array(k + 1);
  switch (op) {
    case 'isNull':
      return mark(table, -1, 0);
    case 'notNull':
      return mark(table, 0, k);
    case 'in': {
      for (const v of checkArray(value, f)) {
        if (v === null) continue; // a null never matches (pandas isin of NaN aside: use 'isNull')
        const c = cat.codeOf(v);
        if (c >= 0) table[c + 1] = 1;
      }
      return table;
    }
    default:
  }
  if (typeof value !== 'string') throwType(`RecordStore.where: ${op} on category field ${describe(f.name)} needs a string, got ${describe(value)}`);
  const code = cat.codeOf(value);
  if (op === '==') return code < 0 ? table : mark(table, code, code + 1);
  if (op === '!=') {
    // Missing values are != anything (pandas: NaN != 'x' is True).
    mark(table, -1, k);
    if (code >= 0) table[code + 1] = 0;
    return table;
  }
  if (!cat.ordered) {
    throwType(
      `RecordStore.where: ${op} on unordered category field ${describe(f.name)}: only '==', '!=', 'in' and the null tests apply (make it ordered to compare by category order)`,
    );
  }
  if (code < 0) throwType(`RecordStore.where: ${op} on ordered category field ${describe(f.name)}: ${describe(value)} is not a category`);
  switch (op) {
    case '<':
      return mark(table, 0, code);
    case '<=':
      return mark(table, 0, code + 1);
    case '>':
      return mark(table, code + 1, k);
    default:
      return mark(table, code, k);
  }
}

/** The test of `field op value` over a numeric (no bitmap) or category column. @internal */
export function columnTest(f: FieldInfo, col: Column, op: WhereOp, value: unknown): RowTest {
  if (f.kind === 'vector') throwType(`RecordStore.where: cannot compare vector field ${describe(f.name)} element-wise to one value`);
  if (f.kind === 'category') {
    const cat = col as CategoryColumn;
    return new LookupTest(cat.codes, categoryTable(f, cat, op, value));
  }
  return numericTest(f, col as TypedArray, op, value);
}
