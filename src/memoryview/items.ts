/**
 * Items of a MemoryView outside the kernels: an index checked against a dimension, the byte position of an
 * index (the slow paths of get/set), the next C-order multi-index, Python `==` between two items, the searches
 * (`count`, `index`) and nested lists (`toList`), and the errors of a view that cannot be used.
 * @internal
 * @packageDocumentation
 */
import { NotImplementedError, describe, throwIndex, throwType, throwValue } from '../errors.js';
import type { Reader } from './accessors.js';

export function throwReleased(): never {
  throwValue('operation forbidden on released memoryview object');
}

export function throwReadonly(): never {
  throwType('cannot modify read-only memory');
}

export function throwDetached(): never {
  throwValue('memoryview: the underlying buffer was detached or shrunk below the view');
}

export function dimIndex(i: unknown, len: number, dim: number): number {
  if (typeof i !== 'number' || !Number.isInteger(i)) throwType(`memoryview: invalid slice key ${describe(i)} (indices must be integers)`);
  const j = i < 0 ? i + len : i;
  if (j < 0 || j >= len) throwIndexOnDim(i, len, dim);
  return j;
}

export function throwIndexOnDim(i: number, len: number, dim: number): never {
  throwIndex(i, len, `memoryview: index out of bounds on dimension ${dim + 1}:`);
}

/** Advances a C-order multi-index. */
export function nextIndex(idx: number[], shape: readonly number[]): void {
  for (let k = shape.length - 1; k >= 0; k--) {
    if (++idx[k]! < shape[k]!) return;
    idx[k] = 0;
  }
}

/** Python `==` between two unpacked items: numbers, bigints and booleans by value; bytes by content. */
export function itemEquals(a: unknown, b: unknown): boolean {
  const ta = typeof a;
  const tb = typeof b;
  if ((ta === 'number' || ta === 'bigint' || ta === 'boolean') && (tb === 'number' || tb === 'bigint' || tb === 'boolean')) {
    const x = ta === 'boolean' ? (a ? 1 : 0) : (a as number | bigint);
    const y = tb === 'boolean' ? (b ? 1 : 0) : (b as number | bigint);
    // Loose equality compares a bigint and a number by mathematical value; NaN equals nothing.
    return x == y; // eslint-disable-line eqeqeq
  }
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }
  return false;
}

/** Byte position (in the region) of the item at `index` of a view of `shape`/`strides` starting at `offset`, or the error Python raises. */
export function positionOf(index: unknown, shape: readonly number[], strides: readonly number[], offset: number, write: boolean): number {
  const ndim = shape.length;
  if (typeof index === 'number') {
    if (ndim === 0) throwType('invalid indexing of 0-dim memory');
    if (ndim > 1) {
      throw new NotImplementedError(write ? 'sub-views are not implemented' : 'multi-dimensional sub-views are not implemented');
    }
    return offset + dimIndex(index, shape[0]!, 0) * strides[0]!;
  }
  if (!Array.isArray(index)) throwType(`memoryview: invalid slice key ${describe(index)}`);
  const idx = index as readonly unknown[];
  if (idx.length !== ndim) throwType(`cannot index ${ndim}-dimension view with ${idx.length}-element tuple`);
  let p = offset;
  for (let k = 0; k < ndim; k++) p += dimIndex(idx[k], shape[k]!, k) * strides[k]!;
  return p;
}

/** The items from dimension `dim` on, starting at byte `p`, as nested arrays (`toList`). */
export function listAt(dv: DataView, read: Reader, shape: readonly number[], strides: readonly number[], dim: number, p: number): unknown[] {
  const len = shape[dim]!;
  const step = strides[dim]!;
  const out = new Array<unknown>(len);
  if (dim === shape.length - 1) {
    for (let i = 0; i < len; i++) out[i] = read(dv, p + i * step);
  } else {
    for (let i = 0; i < len; i++) out[i] = listAt(dv, read, shape, strides, dim + 1, p + i * step);
  }
  return out;
}

/** How many of the `n` items at `base + i*step` equal `value` (`count`). */
export function countItems(dv: DataView, read: Reader, base: number, step: number, n: number, value: unknown): number {
  let c = 0;
  for (let i = 0; i < n; i++) if (itemEquals(read(dv, base + i * step), value)) c++;
  return c;
}

/** The first `i` in `[start, stop)` whose item at `base + i*step` equals `value`, or -1 (`index`). */
export function findItem(dv: DataView, read: Reader, base: number, step: number, start: number, stop: number, value: unknown): number {
  for (let i = start; i < stop; i++) if (itemEquals(read(dv, base + i * step), value)) return i;
  return -1;
}
