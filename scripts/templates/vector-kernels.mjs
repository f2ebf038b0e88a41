// Template of src/vector/kernels.gen.ts: Vector's per-dtype kernels (sum, min, max, indexOf, count, copyChecked).
const doc = `/**
 * Per-dtype kernels of Vector: \`sum\`, \`min\`, \`max\`, \`indexOf\`, \`count\`, \`copyChecked\` (bulk writes).
 *
 * One function per TypedArray type on purpose, emitted from scripts/templates/vector-kernels.mjs: each function
 * object only ever sees one array type, so V8 keeps its element loads monomorphic (a shared kernel fed several
 * array kinds runs at a fraction of the speed: docs/internals/performance.md, "Monomorphic kernels"). Do not
 * fold these into a generic helper or a closure factory: closures made by one factory share their type
 * feedback. Callers pick the table once per call (\`VECTOR_KERNELS[dtype]\`).
 *
 * Sums run four independent accumulators (elements i, i+1, i+2, i+3 go to lanes 0..3, lanes are added
 * pairwise at the end): about 1.5x the speed of a one-accumulator loop, and the rounding error bound is no
 * worse than a sequential sum's. Integer sums up to 32 bits are exact while |sum| <= 2^53; 64-bit sums are
 * bigint and always exact. min/max keep the first of equal values and follow Python's \`min\`/\`max\`:
 * \`if (x < m) m = x\`, so a NaN in first place wins and a later NaN is skipped.
 * \`indexOf\`/\`count\` compare with \`===\` (IEEE equality: NaN never matches, -0 matches 0).
 *
 * @internal
 * @packageDocumentation
 */
import type { ArrayOf, DType, ValueOf } from '../dtype.js';

/** The kernels of one dtype. \`n\` is the live length; min/max need n >= 1. @internal */
export interface VectorKernels<D extends DType> {
  readonly sum: (a: ArrayOf[D], n: number) => ValueOf<D>;
  readonly min: (a: ArrayOf[D], n: number) => ValueOf<D>;
  readonly max: (a: ArrayOf[D], n: number) => ValueOf<D>;
  readonly indexOf: (a: ArrayOf[D], x: ValueOf<D>, start: number, stop: number) => number;
  readonly count: (a: ArrayOf[D], x: ValueOf<D>, start: number, stop: number) => number;
  /**
   * Copies \`src[0, m)\` into \`dst[off, off + m)\` while checking each value, stopping at the first value the
   * dtype cannot hold; returns its index, or -1 when all were copied. \`undefined\` for 64-bit dtypes (their
   * values need a bigint conversion: callers use \`DTYPES[d].check\` per element).
   */
  readonly copyChecked: ((dst: ArrayOf[D], off: number, src: ArrayLike<unknown>, m: number) => number) | undefined;
}
`;

/** The per-dtype section. */
function kernels(t) {
  const { Name: N, Array: A, value: V, zero: Z } = t;
  const rule = `// --- ${t.dtype} (${A}) `;
  let s = `
${rule.padEnd(101, '-')}

function sum${N}(a: ${A}, n: number): ${V} {
  let s0 = ${Z};
  let s1 = ${Z};
  let s2 = ${Z};
  let s3 = ${Z};
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[i]!;
    s1 += a[i + 1]!;
    s2 += a[i + 2]!;
    s3 += a[i + 3]!;
  }
  for (; i < n; i++) s0 += a[i]!;
  return s0 + s1 + (s2 + s3);
}

function min${N}(a: ${A}, n: number): ${V} {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x < m) m = x;
  }
  return m;
}

function max${N}(a: ${A}, n: number): ${V} {
  let m = a[0]!;
  for (let i = 1; i < n; i++) {
    const x = a[i]!;
    if (x > m) m = x;
  }
  return m;
}

function indexOf${N}(a: ${A}, x: ${V}, start: number, stop: number): number {
  for (let i = start; i < stop; i++) if (a[i] === x) return i;
  return -1;
}

function count${N}(a: ${A}, x: ${V}, start: number, stop: number): number {
  let c = 0;
  for (let i = start; i < stop; i++) if (a[i] === x) c++;
  return c;
}
`;
  if (!t.bigint) {
    const test = t.integer ? `typeof x !== 'number' || !(x >= ${t.min} && x <= ${t.max}) || !Number.isInteger(x)` : `typeof x !== 'number'`;
    s += `
function copyChecked${N}(dst: ${A}, off: number, src: ArrayLike<unknown>, m: number): number {
  for (let i = 0; i < m; i++) {
    const x = src[i];
    if (${test}) return i;
    dst[off + i] = x;
  }
  return -1;
}
`;
  }
  return s;
}

function table(dtypes) {
  const rows = dtypes.map((t) => {
    const N = t.Name;
    const cc = t.bigint ? 'undefined' : `copyChecked${N}`;
    return `  ${t.dtype}: Object.freeze({ sum: sum${N}, min: min${N}, max: max${N}, indexOf: indexOf${N}, count: count${N}, copyChecked: ${cc} }),`;
  });
  return `
/** Kernel table, one frozen record per dtype. @internal */
export const VECTOR_KERNELS: { readonly [D in DType]: VectorKernels<D> } = Object.freeze({
${rows.join('\n')}
});
`;
}

export default {
  output: 'src/vector/kernels.gen.ts',
  render: ({ dtypes }) => doc + dtypes.map(kernels).join('') + table(dtypes),
};
