/**
 * Selection kernels of the fused `filter([[field, op, value], …])`: instead of a 0/1 byte per row, each test
 * writes the row numbers that pass straight into the kept-row list. The first test of a block **selects**
 * (`keep[k] = i; k += +(a[i] > v)`: every row written, the count advanced only where it passes, no branch),
 * each further test **refines** that list in place, reading only the rows still in it. A conjunction then
 * costs one pass over the first column and a fraction of a pass over the others, and no mask, AND or
 * index extraction at all.
 *
 * The kernels are generated, eight rows a step (where-select.gen.ts, from scripts/templates/where-select.mjs);
 * this module clones one copy per (op, dtype), as where.ts does for the mask kernels (monomorphic; the shared
 * function where code generation is forbidden).
 *
 * @internal
 * @packageDocumentation
 */
import { cloneFunction, onCodegenReset } from '../internal/codegen.js';
import {
  refineCodes,
  refineEq,
  refineGe,
  refineGt,
  refineLe,
  refineLt,
  refineNaN,
  refineNe,
  refineNotNaN,
  selectCodes,
  selectEq,
  selectGe,
  selectGt,
  selectLe,
  selectLt,
  selectNaN,
  selectNe,
  selectNotNaN,
  type Values,
} from './where-select.gen.js';

export { refineBytes, selectBytes } from './where-select.gen.js';

/** Appends to `keep` from `k` the rows of `[lo, hi)` that pass; returns the new count. */
export type SelectKernel = (a: Values, lo: number, hi: number, v: number | bigint, keep: Uint32Array, k: number) => number;
/** Keeps, in order, the rows of `keep[from, to)` that pass, compacted from `from`; returns the new end. */
export type RefineKernel = (a: Values, v: number | bigint, keep: Uint32Array, from: number, to: number) => number;

/** The selection operators: where's comparisons, and the NaN tests of `isNull`/`notNull` on floats. */
export type SelectOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'isNaN' | 'notNaN';

const SELECT: Readonly<Record<SelectOp, SelectKernel>> = {
  '==': selectEq,
  '!=': selectNe,
  '<': selectLt,
  '<=': selectLe,
  '>': selectGt,
  '>=': selectGe,
  isNaN: selectNaN,
  notNaN: selectNotNaN,
};
const REFINE: Readonly<Record<SelectOp, RefineKernel>> = {
  '==': refineEq,
  '!=': refineNe,
  '<': refineLt,
  '<=': refineLe,
  '>': refineGt,
  '>=': refineGe,
  isNaN: refineNaN,
  notNaN: refineNotNaN,
};
const KERNELS = new Map<string, unknown>();
onCodegenReset(() => KERNELS.clear());

/** `fn` compiled once for `key` (its own type feedback), cached. */
function cloned<F extends (...args: never[]) => unknown>(fn: F, key: string): F {
  let k = KERNELS.get(key) as F | undefined;
  if (k === undefined) KERNELS.set(key, (k = cloneFunction(fn, `filter ${key}`)));
  return k;
}

/** The select kernel of `op` compiled for one dtype. @internal */
export function selectFor(op: SelectOp, dtype: string): SelectKernel {
  return cloned(SELECT[op], `select ${op} ${dtype}`);
}

/** The refine kernel of `op` compiled for one dtype. @internal */
export function refineFor(op: SelectOp, dtype: string): RefineKernel {
  return cloned(REFINE[op], `refine ${op} ${dtype}`);
}

/** The select and refine kernels of a category test, compiled for one code width (Int8/Int16/Int32 codes). @internal */
export function codeKernels(codes: ArrayLike<number>): [typeof selectCodes, typeof refineCodes] {
  const width = codes.constructor.name;
  return [cloned(selectCodes, `select codes ${width}`), cloned(refineCodes, `refine codes ${width}`)];
}

/** Rows of `keep[from, to)` whose bit is set in the validity bitmap `bm` (the non-null rows). @internal */
export function refineValid(bm: Uint8Array, keep: Uint32Array, from: number, to: number): number {
  let k = from;
  for (let j = from; j < to; j++) {
    const r = keep[j]!;
    keep[k] = r;
    k += (bm[r >>> 3]! >>> (r & 7)) & 1;
  }
  return k;
}
