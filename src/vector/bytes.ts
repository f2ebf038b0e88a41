/**
 * Vector's byte-level operations: swapping the byte order in place (`byteswap`), reading a bytes-like
 * source (`fromBytes`) and copying the live bytes out (`toBytes`).
 *
 * @internal
 * @packageDocumentation
 */
import { describe, throwType, throwValue } from '../errors.js';
import type { RawArray } from './raw-array.js';

/**
 * Reverses the byte order of every element of `a[0, n)` in place (Python `array.byteswap`).
 * `a` must start at an offset aligned to its itemsize (always true for Vector's own buffers).
 * @internal
 */
export function byteswapInPlace(a: RawArray, n: number, itemsize: number): void {
  if (itemsize === 1 || n === 0) return;
  if (itemsize === 2) {
    const u = new Uint16Array(a.buffer, a.byteOffset, n);
    for (let i = 0; i < n; i++) {
      const x = u[i]!;
      u[i] = ((x & 0xff) << 8) | (x >>> 8);
    }
    return;
  }
  const words = (n * itemsize) >>> 2;
  const u = new Uint32Array(a.buffer, a.byteOffset, words);
  for (let i = 0; i < words; i++) {
    const x = u[i]!;
    u[i] = (((x & 0xff) << 24) | ((x & 0xff00) << 8) | ((x >>> 8) & 0xff00) | (x >>> 24)) >>> 0;
  }
  if (itemsize === 8) {
    for (let i = 0; i < words; i += 2) {
      const lo = u[i]!;
      u[i] = u[i + 1]!;
      u[i + 1] = lo;
    }
  }
}

/**
 * The bytes of a bytes-like source, respecting `byteOffset`/`byteLength` (Node Buffers are pooled).
 * @throws `TypeError` if `bytes` is not an ArrayBuffer, SharedArrayBuffer or ArrayBufferView.
 * @throws {@link ValueError} if the byte length is not a multiple of `itemsize`.
 * @internal
 */
export function bytesOf(bytes: unknown, itemsize: number, where: string): Uint8Array {
  let u: Uint8Array;
  if (ArrayBuffer.isView(bytes)) u = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  else if (bytes instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && bytes instanceof SharedArrayBuffer)) {
    u = new Uint8Array(bytes);
  } else {
    return throwType(`${where}: a bytes-like object (ArrayBuffer or ArrayBufferView) is required, not ${describe(bytes)}`);
  }
  if (u.byteLength % itemsize !== 0) {
    throwValue(`${where}: bytes length ${u.byteLength} is not a multiple of item size ${itemsize}`);
  }
  return u;
}

/** A copy of the bytes of `a[0, n)` (`Vector.toBytes`). @internal */
export function copyBytes(a: RawArray, n: number, itemsize: number): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, n * itemsize).slice();
}
