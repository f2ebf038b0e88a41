/**
 * Shape / strides / offset arithmetic of a memoryview, and CPython's contiguity flags.
 *
 * A view addresses element `[i0, i1, …]` at byte `offset + i0*strides[0] + i1*strides[1] + …`, where
 * `offset` is relative to the start of the exported region and strides may be negative.
 *
 * @internal
 * @packageDocumentation
 */

/** Product of a shape (1 for a 0-d view). @internal */
export function product(shape: readonly number[]): number {
  let n = 1;
  for (let k = 0; k < shape.length; k++) n *= shape[k]!;
  return n;
}

/** C-order (row-major) strides for `shape` in bytes. @internal */
export function cStrides(shape: readonly number[], itemsize: number): number[] {
  const strides = new Array<number>(shape.length);
  let sd = itemsize;
  for (let k = shape.length - 1; k >= 0; k--) {
    strides[k] = sd;
    sd *= shape[k]!;
  }
  return strides;
}

/** CPython's `PyBuffer_IsContiguous(view, 'C')`. @internal */
function isC(shape: readonly number[], strides: readonly number[], itemsize: number): boolean {
  if (product(shape) === 0) return true;
  let sd = itemsize;
  for (let k = shape.length - 1; k >= 0; k--) {
    const dim = shape[k]!;
    if (dim > 1 && strides[k] !== sd) return false;
    sd *= dim;
  }
  return true;
}

/** CPython's `PyBuffer_IsContiguous(view, 'F')`. @internal */
function isF(shape: readonly number[], strides: readonly number[], itemsize: number): boolean {
  if (product(shape) === 0) return true;
  let sd = itemsize;
  for (let k = 0; k < shape.length; k++) {
    const dim = shape[k]!;
    if (dim > 1 && strides[k] !== sd) return false;
    sd *= dim;
  }
  return true;
}

/** Contiguity flags: bit 1 = C, bit 2 = Fortran. @internal */
export const C_CONTIGUOUS = 1;
/** @internal */
export const F_CONTIGUOUS = 2;

/**
 * CPython's `init_flags`: 0-d views are both; 1-D views are both iff `shape[0] === 1` or the stride equals
 * the itemsize (so `m[0:0:-1]` is *not* contiguous, as observed on CPython); N-D views use
 * `PyBuffer_IsContiguous`. @internal
 */
export function contiguityFlags(shape: readonly number[], strides: readonly number[], itemsize: number): number {
  const ndim = shape.length;
  if (ndim === 0) return C_CONTIGUOUS | F_CONTIGUOUS;
  if (ndim === 1) return shape[0] === 1 || strides[0] === itemsize ? C_CONTIGUOUS | F_CONTIGUOUS : 0;
  return (isC(shape, strides, itemsize) ? C_CONTIGUOUS : 0) | (isF(shape, strides, itemsize) ? F_CONTIGUOUS : 0);
}

/**
 * The byte range `[lo, hi)` (relative to the region) that the elements of a non-empty view touch.
 * @internal
 */
export function touchedRange(offset: number, shape: readonly number[], strides: readonly number[], itemsize: number): [number, number] {
  let lo = offset;
  let hi = offset;
  for (let k = 0; k < shape.length; k++) {
    const span = (shape[k]! - 1) * strides[k]!;
    if (span < 0) lo += span;
    else hi += span;
  }
  return [lo, hi + itemsize];
}
