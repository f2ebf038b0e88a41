/**
 * Bulk byte movement for memoryviews: packing a strided view into contiguous bytes (C or Fortran order),
 * scattering bytes into a strided 1-D view, and hex formatting. Loops are indexed and work a whole inner
 * row at a time (`set` of a subarray when the row is contiguous).
 *
 * @internal
 * @packageDocumentation
 */
import { describe, throwType, throwValue } from '../errors.js';
import { product } from './layout.js';

/**
 * Copies the logical bytes of a view into a new `Uint8Array`, in C (row-major) or Fortran order.
 * @param src - bytes of the whole region; positions are relative to it.
 * @internal
 */
export function packBytes(src: Uint8Array, offset: number, shape: readonly number[], strides: readonly number[], itemsize: number, fortran: boolean): Uint8Array {
  const n = product(shape);
  const out = new Uint8Array(n * itemsize);
  if (n === 0) return out;
  const ndim = shape.length;
  if (ndim === 0) {
    out.set(src.subarray(offset, offset + itemsize));
    return out;
  }
  const dims = new Array<number>(ndim);
  for (let k = 0; k < ndim; k++) dims[k] = fortran ? k : ndim - 1 - k;
  const inner = dims[0]!;
  const len = shape[inner]!;
  const st = strides[inner]!;
  const idx = new Array<number>(ndim).fill(0);
  let rowStart = offset;
  let o = 0;
  for (;;) {
    if (st === itemsize) {
      out.set(src.subarray(rowStart, rowStart + len * itemsize), o);
      o += len * itemsize;
    } else if (itemsize === 1) {
      let p = rowStart;
      for (let i = 0; i < len; i++) {
        out[o++] = src[p]!;
        p += st;
      }
    } else {
      let p = rowStart;
      for (let i = 0; i < len; i++) {
        for (let b = 0; b < itemsize; b++) out[o++] = src[p + b]!;
        p += st;
      }
    }
    let k = 1;
    for (; k < ndim; k++) {
      const d = dims[k]!;
      rowStart += strides[d]!;
      if (++idx[d]! < shape[d]!) break;
      rowStart -= strides[d]! * shape[d]!;
      idx[d] = 0;
    }
    if (k === ndim) return out;
  }
}

/**
 * Writes packed `bytes` into the `length` elements of a 1-D view at `offset` with byte `stride`.
 * `bytes` must not alias `dst` (callers pack the source first, which also makes overlap safe).
 * @internal
 */
export function scatterBytes(dst: Uint8Array, offset: number, length: number, stride: number, itemsize: number, bytes: Uint8Array): void {
  if (stride === itemsize) {
    dst.set(bytes, offset);
    return;
  }
  let p = offset;
  let o = 0;
  for (let i = 0; i < length; i++) {
    for (let b = 0; b < itemsize; b++) dst[p + b] = bytes[o++]!;
    p += stride;
  }
}

const HEX = '0123456789abcdef';

/**
 * Python's `bytes.hex(sep, bytes_per_sep)`: a positive count groups from the right, a negative one from the
 * left, 0 means no separator.
 * @throws {@link ValueError} if `sep` is not one ASCII character.
 * @throws `TypeError` if `sep` is not a string / 1-byte view, or `bytesPerSep` is not an integer.
 * @internal
 */
export function hexOf(bytes: Uint8Array, sep: string | Uint8Array | undefined, bytesPerSep: number): string {
  let s = '';
  if (sep === undefined) {
    for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]! >> 4]! + HEX[bytes[i]! & 15]!;
    return s;
  }
  let sepChar: string;
  if (typeof sep === 'string') sepChar = sep;
  else if (sep instanceof Uint8Array) sepChar = String.fromCharCode(...sep);
  else return throwType(`hex(): sep must be a string or a 1-byte Uint8Array, not ${describe(sep)}`);
  if (sepChar.length !== 1) throwValue('hex(): sep must be length 1.');
  if (sepChar.charCodeAt(0) > 127) throwValue('hex(): sep must be ASCII.');
  if (!Number.isInteger(bytesPerSep)) throwType(`hex(): bytesPerSep must be an integer, got ${describe(bytesPerSep)}`);
  const group = Math.abs(bytesPerSep);
  const n = bytes.length;
  if (group === 0 || n === 0) return hexOf(bytes, undefined, 1);
  // Distance (in bytes) of the first boundary from the left.
  const first = bytesPerSep > 0 ? n % group || group : group;
  for (let i = 0; i < n; i++) {
    if (i !== 0 && (i - first) % group === 0) s += sepChar;
    s += HEX[bytes[i]! >> 4]! + HEX[bytes[i]! & 15]!;
  }
  return s;
}
