/**
 * Regression tests of issue 19's minor Vector items, each from the audit's reproduction: conversion of a
 * 64-bit Vector, bigint indexes, remove() under an export lock, a detached buffer, memoryview's `field`.
 */
import { describe, expect, test } from 'vitest';
import { BufferError, IndexError, OverflowError, ValueError } from '../../src/errors.js';
import { memoryview } from '../../src/memoryview.js';
import { vector } from '../../src/vector.js';
import { throwsLike } from '../_support/throws.js';

describe('issue 19: Vector', () => {
  test("vector('float64', vector('int64', [1n])) converts, as Python's array('d', array('q', [1]))", () => {
    expect(vector('float64', vector('int64', [1n, -(2n ** 40n)]) as never).toArray()).toEqual([1, -(2 ** 40)]);
    expect(vector('int32', vector('uint64', [7n]) as never).toArray()).toEqual([7]);
    // ... with the usual checks on the way in.
    throwsLike(() => vector('int8', vector('int64', [300n]) as never), OverflowError, RangeError, /int8 value 300/);
    // 64-bit to 64-bit stays bigint.
    expect(vector('uint64', vector('int64', [5n]) as never).toArray()).toEqual([5n]);
  });

  test('a bigint index is a clear TypeError (was "Cannot mix BigInt and other types")', () => {
    const v = vector('int8', [1, 2]);
    throwsLike(() => v.get(1n as never), TypeError, TypeError, /Vector indices must be integers, not bigint 1n/);
    throwsLike(() => v.set(1n as never, 3), TypeError, TypeError, /indices must be integers, not bigint 1n/);
  });

  test('remove() under an export lock names remove (it named pop)', () => {
    const v = vector('int8', [1, 2]);
    const m = memoryview(v);
    throwsLike(() => v.remove(1), BufferError, Error, /Vector\(int8\)\.remove: cannot resize/);
    m.release();
    v.remove(1);
    expect(v.toArray()).toEqual([2]);
  });

  test('a Vector whose buffer was transferred away throws ValueError instead of reading undefined or accepting pushes', () => {
    const v = vector('float64', [1, 2]);
    const buf = v.array.buffer;
    structuredClone(buf, { transfer: [buf] });
    expect(buf.byteLength).toBe(0);
    for (const op of [() => v.get(0), () => v.get(-1), () => v.set(0, 5), () => v.push(3), () => v.insert(0, 1), () => v.pop(), () => v.extend([1])]) {
      throwsLike(op, ValueError, RangeError, /buffer was detached/);
    }
  });

  test('memoryview(vector, {field}) is the documented TypeError (field was ignored)', () => {
    throwsLike(() => memoryview(vector('int8', [1]), { field: 'x' } as never), TypeError, TypeError, /option field "x" applies to a RecordStore, not to a Vector/);
  });

  test('set checks the index before the value, as CPython (found by the differential fuzzer)', () => {
    const v = vector('int8', [1]);
    throwsLike(() => v.set(3, 300), IndexError, RangeError, /index 3 out of range/);
    throwsLike(() => v.set(0, 300), OverflowError, RangeError);
  });
});
