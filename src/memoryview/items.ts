/**
 * Items of a MemoryView outside the kernels: an index checked against a dimension, the next C-order
 * multi-index, Python `==` between two items, and the errors of a view that cannot be used.
 * @internal
 * @packageDocumentation
 */
import { describe, throwIndex, throwType, throwValue } from '../errors.js';

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
