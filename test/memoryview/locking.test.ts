/**
 * Export locking (CPython's memoryview export rule): while a view of an owner is live, the owner refuses to
 * resize with BufferError and changes nothing; every derived view holds the lock too.
 */
import { describe, expect, test } from 'vitest';
import { BufferError, ValueError, memoryview, recordStore, vector } from '../../src/index.js';
import { EXPORT_BUFFER, ExportLock } from '../../src/internal/exports.js';
import type { BufferExport } from '../../src/internal/exports.js';

/** A minimal owner implementing the export protocol: a growable int16 array. */
class FakeOwner {
  readonly lock = new ExportLock();
  data = new Int16Array(4);
  length = 0;
  readonly: boolean;
  constructor(readonly_ = false) {
    this.readonly = readonly_;
  }
  push(x: number): void {
    this.lock.assertUnlocked('FakeOwner.push');
    if (this.length === this.data.length) {
      const next = new Int16Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  [EXPORT_BUFFER](): BufferExport {
    return { array: this.data.subarray(0, this.length), dtype: 'int16', lock: this.lock, readonly: this.readonly };
  }
}

function expectBufferError(fn: () => unknown): void {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(BufferError);
  expect(err).toBeInstanceOf(Error);
  expect((err as Error).message).toMatch(/memoryview/);
}

describe('export protocol with a fake owner', () => {
  test('a view acquires the lock, release gives it back', () => {
    const o = new FakeOwner();
    o.push(1);
    o.push(2);
    const m = memoryview(o);
    expect(m.obj).toBe(o);
    expect(m.format).toBe('h');
    expect(o.lock.count).toBe(1);
    expectBufferError(() => o.push(3));
    expect(o.length).toBe(2);
    m.release();
    expect(o.lock.count).toBe(0);
    m.release(); // idempotent: never releases twice
    expect(o.lock.count).toBe(0);
    o.push(3);
    expect(o.length).toBe(3);
  });
  test('slices, casts, toReadonly and memoryview(view) each hold the lock until released', () => {
    const o = new FakeOwner();
    o.push(1);
    o.push(2);
    const m = memoryview(o);
    const derived = [m.slice(1), m.cast('B'), m.toReadonly(), memoryview(m), m.cast('B').cast('h', [1, 2])];
    expect(o.lock.count).toBe(1 + derived.length + 1); // the intermediate cast('B') is live too
    m.release();
    expectBufferError(() => o.push(3)); // releasing the parent does not unlock while a slice lives
    for (const d of derived) d.release();
    expect(o.lock.count).toBe(1);
  });
  test('Symbol.dispose releases the lock', () => {
    const o = new FakeOwner();
    const m = memoryview(o);
    m[Symbol.dispose]();
    expect(o.lock.count).toBe(0);
  });
  test('a read-only export gives read-only views', () => {
    const o = new FakeOwner(true);
    o.push(5);
    const m = memoryview(o);
    expect(m.readonly).toBe(true);
    expect(() => m.set(0, 1)).toThrow(TypeError);
    expect(() => memoryview(o, { readonly: false })).toThrow(TypeError);
    m.release();
  });
  test('temporary views made by equals/setSlice from an owner are released again', () => {
    const o = new FakeOwner();
    o.push(1);
    const m = memoryview(new Int16Array([1]));
    expect(m.equals(o)).toBe(true);
    m.setSlice(0, 1, 1, o);
    expect(o.lock.count).toBe(0);
  });
});

describe('Vector', () => {
  test('push (even within capacity), extend, pop, insert, clear, reserve, shrinkToFit throw BufferError with nothing changed', () => {
    const v = vector('int32', [1, 2, 3], { capacity: 16 });
    const m = memoryview(v);
    expect(m.format).toBe('i');
    expect(m.obj).toBe(v);
    const ops: (() => unknown)[] = [
      () => v.push(4),
      () => v.extend([4, 5]),
      () => v.pop(),
      () => v.insert(0, 9),
      () => v.clear(),
      () => v.reserve(1000),
      () => v.shrinkToFit(),
      () => v.remove(1),
    ];
    for (const op of ops) {
      expectBufferError(op);
      expect(v.toArray()).toEqual([1, 2, 3]);
      expect(v.capacity).toBe(16);
    }
    m.release();
    v.push(4);
    expect(v.toArray()).toEqual([1, 2, 3, 4]);
  });
  test('writes through the view show in the vector and vice versa', () => {
    const v = vector('float64', [1.5, 2.5, 3.5]);
    const m = memoryview(v);
    m.set(0, -1);
    expect(v.get(0)).toBe(-1);
    v.set(2, 9);
    expect(m.get(-1)).toBe(9);
    m.slice(null, null, -1).set(0, 7);
    expect(v.get(2)).toBe(7);
    m.cast('B').setSlice(0, 8, 1, new Uint8Array(new Float64Array([42]).buffer));
    expect(v.get(0)).toBe(42);
    expect(m.toList()).toEqual(v.toArray());
    m.release();
  });
  test('a derived slice keeps the vector locked after the parent is released', () => {
    const v = vector('uint8', [1, 2, 3]);
    const m = memoryview(v);
    const s = m.slice(1);
    m.release();
    expectBufferError(() => v.push(4));
    s.release();
    v.push(4);
    expect(v.length).toBe(4);
  });
  test('int64 vectors view as q with bigint items', () => {
    const v = vector('int64', [1n, -2n]);
    const m = memoryview(v);
    expect(m.format).toBe('q');
    expect(m.toList()).toEqual([1n, -2n]);
    m.release();
  });
});

describe('RecordStore columns', () => {
  test('memoryview(store, {field}) views one column and locks the store', () => {
    const s = recordStore({ x: 'float64', y: 'int16' });
    s.push({ x: 1.5, y: 1 });
    s.push({ x: 2.5, y: 2 });
    const mx = memoryview(s, { field: 'x' });
    expect(mx.format).toBe('d');
    expect(mx.obj).toBe(s);
    expect(mx.toList()).toEqual([1.5, 2.5]);
    mx.set(1, 9.5);
    expect(s.getField(1, 'x')).toBe(9.5);
    expectBufferError(() => s.push({ x: 3, y: 3 }));
    expect(s.length).toBe(2);
    const my = memoryview(s, { field: 'y' });
    expect(my.toList()).toEqual([1, 2]);
    mx.release();
    expectBufferError(() => s.push({ x: 3, y: 3 }));
    my.release();
    s.push({ x: 3, y: 3 });
    expect(s.length).toBe(3);
  });
  test('a field is required, and must exist', () => {
    const s = recordStore({ x: 'float64' });
    expect(() => memoryview(s)).toThrow(TypeError);
    expect(() => memoryview(s, { field: 'nope' })).toThrow(TypeError);
  });
});

test('use after release stays a ValueError for owner-backed views', () => {
  const v = vector('int8', [1]);
  const m = memoryview(v);
  m.release();
  expect(() => m.get(0)).toThrow(ValueError);
});
