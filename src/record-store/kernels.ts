/**
 * Typed column kernels for the RecordStore verbs (gather; the group aggregates are in group-kernels.ts), one monomorphic copy per dtype.
 *
 * Each kernel is written once as a self-contained function (no free variables) and specialized per dtype by
 * re-compiling its source text with a unique comment (internal/codegen.ts `cloneFunction`), so V8 keeps separate type feedback for each TypedArray
 * type (a kernel fed several array types runs several times slower: docs/internals/performance.md, "Monomorphic kernels"). Where `new Function` is
 * forbidden (strict CSP) the shared generic function is used: same results, polymorphic speed.
 *
 * @internal
 * @packageDocumentation
 */
import type { DType, TypedArray } from '../dtype.js';
import { cloneFunction, onCodegenReset } from '../internal/codegen.js';

const SPECIALIZED = new Map<unknown, Map<string, unknown>>();
onCodegenReset(() => SPECIALIZED.clear());

/** The TypedArray type of an array (its constructor's name): the part of a {@link specialize} tag that names it. @internal */
export function tagOf(a: ArrayLike<number>): string {
  return (a as { constructor: { name: string } }).constructor.name;
}

/**
 * A copy of `fn` compiled separately for `tag` (e.g. `'gather:float64'`), cached. `fn` must not reference
 * any variable outside its own body. @internal
 */
export function specialize<F extends (...args: never[]) => unknown>(fn: F, tag: string): F {
  let byTag = SPECIALIZED.get(fn);
  if (byTag === undefined) SPECIALIZED.set(fn, (byTag = new Map()));
  let out = byTag.get(tag) as F | undefined;
  if (out === undefined) {
    out = cloneFunction(fn, `kernel ${fn.name}:${tag}`);
    byTag.set(tag, out);
  }
  return out;
}

// --- kernels (self-contained: no free variables) -------------------------------------------------

/**
 * out[j] = src[idx[j]] for j < m, four rows a step: the four loads first, then the four stores, so the loads
 * (scattered rows, often cache misses) overlap instead of each waiting behind the previous store.
 */
function gather1(src: ArrayLike<unknown>, idx: ArrayLike<number>, m: number, out: { [i: number]: unknown }): void {
  let j = 0;
  for (; j + 4 <= m; j += 4) {
    const a = src[idx[j]!];
    const b = src[idx[j + 1]!];
    const c = src[idx[j + 2]!];
    const d = src[idx[j + 3]!];
    out[j] = a;
    out[j + 1] = b;
    out[j + 2] = c;
    out[j + 3] = d;
  }
  for (; j < m; j++) out[j] = src[idx[j]!];
}

/** Copies `size`-element blocks: out[j*size .. +size] = src[idx[j]*size .. +size]. */
function gatherBlocks(src: ArrayLike<unknown>, idx: ArrayLike<number>, m: number, size: number, out: { [i: number]: unknown }): void {
  for (let j = 0; j < m; j++) {
    const s = idx[j]! * size;
    const o = j * size;
    for (let e = 0; e < size; e++) out[o + e] = src[s + e];
  }
}

/** Gathers rows `idx[0..m)` of a column with `size` elements per row into a new array of the same type. @internal */
export function gatherColumn<A extends TypedArray>(src: A, dtype: DType, size: number, idx: ArrayLike<number>, m: number, capacity = m): A {
  const out = new (src.constructor as new (n: number) => A)(capacity * size);
  if (size === 1) specialize(gather1, dtype)(src as never, idx, m, out as never);
  else specialize(gatherBlocks, dtype)(src as never, idx, m, size, out as never);
  return out;
}
