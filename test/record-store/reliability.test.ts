/**
 * Regression tests of issue 19 for RecordStore: a Categorical column owned by a store cannot change length
 * on its own (row 4), an empty extend under an export lock is allowed (as Vector), bigint indexes.
 */
import { describe, expect, test } from 'vitest';
import { BufferError } from '../../src/errors.js';
import { categorical, type Categorical } from '../../src/categorical.js';
import { memoryview } from '../../src/memoryview.js';
import { RecordStore, recordStore } from '../../src/record-store.js';
import { throwsLike } from '../_support/throws.js';

function store() {
  const s = recordStore({ x: 'float64', k: 'category' });
  s.push({ x: 1, k: 'a' });
  s.push({ x: 2, k: 'b' });
  return s;
}

describe('issue 19 row 4: a Categorical owned by a store', () => {
  test('k.push / extend / removeAt / swapRemoveAt / clear throw BufferError; the rows stay aligned', () => {
    const s = store();
    const k = s.column('k') as Categorical<string>;
    throwsLike(() => k.push('c'), BufferError, Error, /Categorical\.push: this Categorical is owned by a RecordStore \(field "k"\)/);
    throwsLike(() => k.extend(['c']), BufferError, Error, /Categorical\.extend/);
    throwsLike(() => k.removeAt(0), BufferError, Error, /Categorical\.removeAt/);
    throwsLike(() => k.swapRemoveAt(0), BufferError, Error, /Categorical\.swapRemoveAt/);
    throwsLike(() => k.clear(), BufferError, Error, /Categorical\.clear/);
    expect(s.toObjects()).toEqual([
      { x: 1, k: 'a' },
      { x: 2, k: 'b' },
    ]);
  });

  test('column() still returns the Categorical itself; set, category edits and copies work', () => {
    const s = store();
    const k = s.column('k') as Categorical<string>;
    expect(s.column('k')).toBe(k);
    k.set(0, 'b');
    expect(s.getField(0, 'k')).toBe('b');
    const c = k.copy();
    c.push('z'); // a copy is free
    expect(c.length).toBe(3);
  });

  test("the store's own resizes still work: push, extend, remove, swapRemove, clear, a new category through a view", () => {
    const s = store();
    const k = s.column('k') as Categorical<string>;
    s.push({ x: 3, k: 'c' });
    s.extend([{ x: 4, k: 'd' }]);
    s.remove(0);
    s.swapRemove(0);
    s.get(0).k = 'new';
    expect(s.toObjects()).toEqual([
      { x: 4, k: 'new' },
      { x: 3, k: 'c' },
    ]);
    expect(k.length).toBe(2);
    s.clear();
    expect(k.length).toBe(0);
    throwsLike(() => k.push('a'), BufferError, Error);
  });

  test('fromColumns adopts a free Categorical (then owns it) and copies one another store owns', () => {
    const free = categorical(['a', 'b']);
    const s1 = RecordStore.fromColumns({ x: new Float64Array(2), k: free }, { x: 'float64', k: 'category' });
    expect(s1.column('k')).toBe(free);
    throwsLike(() => free.push('c'), BufferError, Error);
    const s2 = RecordStore.fromColumns({ x: new Float64Array(2), k: free }, { x: 'float64', k: 'category' });
    expect(s2.column('k')).not.toBe(free);
    s2.push({ x: 1, k: 'c' });
    expect(s1.length).toBe(2);
    expect(free.length).toBe(2);
  });
});

describe('issue 19 minor items', () => {
  test('store.extend([]) under an export lock is allowed, as Vector.extend([]); a non-empty one is BufferError', () => {
    const s = recordStore({ x: 'int8' });
    s.push({ x: 1 });
    const m = memoryview(s, { field: 'x' });
    s.extend([]);
    throwsLike(() => s.extend([{ x: 2 }]), BufferError, Error, /RecordStore\.extend/);
    m.release();
    expect(s.length).toBe(1);
  });

  test('a bigint index is a clear TypeError', () => {
    const s = store();
    throwsLike(() => s.get(1n as never), TypeError, TypeError, /RecordStore indices must be integers, not bigint 1n/);
    throwsLike(() => s.cursor().moveTo(1n as never), TypeError, TypeError, /must be integers, not bigint 1n/);
    throwsLike(() => categorical(['a']).get(0n as never), TypeError, TypeError, /Categorical indices must be integers, not bigint 0n/);
  });
});
