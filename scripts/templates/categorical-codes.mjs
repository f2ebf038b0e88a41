// Template of src/categorical/codes.gen.ts: Categorical's per-code-width kernels (int8, int16, int32 codes).
// The dispatchers that pick one per call live in src/categorical/codes.ts.

/** The kernels of one code width (`W` is 8, 16 or 32). */
function kernels(t) {
  const W = t.bytes * 8;
  const A = t.Array;
  return `
// --- ${t.dtype} codes (${A}) ${'-'.repeat(Math.max(0, 80 - t.dtype.length - A.length))}

/** out[i] = lo <= codes[i] <= hi, for i < n. @internal */
export function rangeMask${W}(codes: ${A}, n: number, lo: number, hi: number, out: Uint8Array): void {
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    out[i] = +(c >= lo) & +(c <= hi);
  }
}

/** counts[codes[i] + 1]++, for i < n (slot 0 counts missing). @internal */
export function bincount${W}(codes: ${A}, n: number, counts: Float64Array): void {
  for (let i = 0; i < n; i++) counts[codes[i]! + 1]!++;
}

/** out[i] = table[codes[i] + 1], for i < n. @internal */
export function recode${W}(codes: ${A}, n: number, table: Int32Array, out: Int8Array | Int16Array | Int32Array): void {
  for (let i = 0; i < n; i++) out[i] = table[codes[i]! + 1]!;
}

/** codes[i] = table[codes[i] + 1], for i < n. @internal */
export function recodeInPlace${W}(codes: ${A}, n: number, table: Int32Array): void {
  for (let i = 0; i < n; i++) codes[i] = table[codes[i]! + 1]!;
}

/** out[j] = codes[idx[j]], for j < idx.length, four a step (the four loads overlap, then the four stores). @internal */
export function gather${W}(codes: ${A}, idx: ArrayLike<number>, out: ${A}): void {
  const m = idx.length;
  let j = 0;
  for (; j + 4 <= m; j += 4) {
    const a = codes[idx[j]!]!;
    const b = codes[idx[j + 1]!]!;
    const c = codes[idx[j + 2]!]!;
    const d = codes[idx[j + 3]!]!;
    out[j] = a;
    out[j + 1] = b;
    out[j + 2] = c;
    out[j + 3] = d;
  }
  for (; j < m; j++) out[j] = codes[idx[j]!]!;
}

/** out = [smallest code, largest code, smallest code >= 0] among the first n. @internal */
export function extremes${W}(codes: ${A}, n: number, out: Int32Array): void {
  let lo = 0x7fffffff;
  let hi = -0x80000000;
  let loValid = 0x7fffffff;
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    if (c < lo) lo = c;
    if (c > hi) hi = c;
    if (c >= 0 && c < loValid) loValid = c;
  }
  out[0] = lo;
  out[1] = hi;
  out[2] = loValid;
}

/**
 * True when each of the first n codes lies in [-1, k): branch-free, one OR of two signs per code (a code
 * below -1 makes c + 1 negative, one past the top makes k - 1 - c negative). @internal
 */
export function inRange${W}(codes: ${A}, n: number, k: number): boolean {
  const top = k - 1;
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    acc |= (top - c) | (c + 1);
  }
  return acc >= 0;
}

/** Writes the distinct codes among the first n to out in order of first appearance; returns how many. @internal */
export function firstOccurrences${W}(codes: ${A}, n: number, seen: Uint8Array, out: Int32Array): number {
  const all = seen.length;
  let m = 0;
  for (let i = 0; i < n && m < all; i++) {
    const c = codes[i]! + 1;
    if (seen[c] === 0) {
      seen[c] = 1;
      out[m++] = c - 1;
    }
  }
  return m;
}
`;
}

const doc = `/**
 * Per-code-width kernels of Categorical, one distinct function per code array type (Int8Array, Int16Array,
 * Int32Array), emitted from scripts/templates/categorical-codes.mjs so that each stays monomorphic
 * (docs/internals/performance.md, "Monomorphic kernels"). The dispatchers in codes.ts pick one per call, never
 * per element.
 *
 * @internal
 * @packageDocumentation
 */
`;

export default {
  output: 'src/categorical/codes.gen.ts',
  render: ({ dtypes }) =>
    doc +
    dtypes
      .filter((t) => t.signed && t.integer && !t.bigint)
      .map(kernels)
      .join(''),
};
