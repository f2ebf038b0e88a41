/**
 * The members RecordStore, the CSV reader and Arrow import rely on (issue 4, "contract"): storage,
 * growth, atomic extend, assertExtendable, take/removeAt/swapRemoveAt, fromCodes adoption, codes alias.
 */
import { describe, expect, test } from 'vitest';
import { Categorical, categorical } from '../../src/categorical.js';
import { IndexError, ValueError } from '../../src/errors.js';

function snapshot(c: Categorical<string | number>) {
  return {
    values: c.toArray(),
    categories: [...c.categories],
    length: c.length,
    capacity: c.capacity,
    codesDType: c.codesDType,
    codes: Array.from(c.codes),
    byteLength: c.byteLength,
  };
}

describe('length, capacity, reserve, shrinkToFit, clear', () => {
  test('capacity grows by doubling from 8 and length tracks pushes', () => {
    const c = categorical<string>();
    expect(c.length).toBe(0);
    expect(c.capacity).toBe(0);
    c.push('a');
    expect(c.capacity).toBe(8);
    for (let i = 0; i < 8; i++) c.push('b');
    expect(c.length).toBe(9);
    expect(c.capacity).toBe(16);
  });
  test('reserve is a total capacity; shrinkToFit makes it exact', () => {
    const c = categorical(['a', 'b']);
    c.reserve(100);
    expect(c.capacity).toBe(100);
    c.reserve(10); // never shrinks
    expect(c.capacity).toBe(100);
    expect(c.toArray()).toEqual(['a', 'b']);
    c.shrinkToFit();
    expect(c.capacity).toBe(2);
    expect(c.toArray()).toEqual(['a', 'b']);
  });
  test('reserve validates its argument', () => {
    const c = categorical(['a']);
    expect(() => c.reserve(-1)).toThrow(ValueError);
    expect(() => c.reserve(-1)).toThrow(RangeError);
    expect(() => c.reserve(1.5)).toThrow(TypeError);
    expect(() => c.reserve('3' as unknown as number)).toThrow(TypeError);
  });
  test('clear keeps categories, width and capacity', () => {
    const c = categorical(['a', 'b', 'a']);
    const cap = c.capacity;
    c.clear();
    expect(c.length).toBe(0);
    expect(c.categories).toEqual(['a', 'b']);
    expect(c.capacity).toBe(cap);
    c.push('b');
    expect(c.toArray()).toEqual(['b']);
  });
  test('byteLength counts the code buffer at capacity plus the dictionary; nbytes is logical', () => {
    const c = categorical(['a', 'b', 'a', 'b']);
    const u = c.memoryUsage();
    expect(u.codesDType).toBe('int8');
    expect(u.codes).toBe(4);
    expect(u.slack).toBe(0);
    expect(u.dictionary).toBeGreaterThan(0);
    expect(c.byteLength).toBe(u.byteLength);
    expect(u.total).toBe(u.byteLength); // deprecated alias
    expect([u.length, u.capacity, u.nbytes, u.bytesPerItem]).toEqual([4, 4, c.nbytes, c.byteLength / 4]);
    expect(c.byteLength).toBe(4 + u.dictionary);
    expect(c.nbytes).toBe(4 + 2 * 8);
    c.reserve(100);
    expect(c.byteLength).toBe(100 + u.dictionary);
    expect(c.memoryUsage().slack).toBe(96);
    expect(c.nbytes).toBe(4 + 16);
  });
});

describe('push, extend, get, set', () => {
  test('push adds unseen values as categories in order of appearance and returns the Categorical', () => {
    const c = categorical<string>();
    expect(c.push('x')).toBe(c);
    c.push('y');
    c.push('x');
    c.push(null);
    expect(c.categories).toEqual(['x', 'y']);
    expect(Array.from(c.codes)).toEqual([0, 1, 0, -1]);
    expect(c.get(-1)).toBeNull();
    expect(c.get(1)).toBe('y');
    // every mutator returns the Categorical (design.md, "What mutators return")
    expect(c.extend(['x']).reserve(8).shrinkToFit().set(-1, 'y').clear()).toBe(c);
    expect(c.length).toBe(0);
  });
  test('extend appends atomically', () => {
    const c = categorical(['a']);
    c.extend(['b', null, 'a', undefined, NaN as unknown as string]);
    expect(c.toArray()).toEqual(['a', 'b', null, 'a', null, null]);
    c.extend(new Set(['c']));
    c.extend(
      (function* () {
        yield 'd';
        yield 'a';
      })(),
    );
    expect(c.toArray().slice(-3)).toEqual(['c', 'd', 'a']);
    expect(c.categories).toEqual(['a', 'b', 'c', 'd']);
  });
  test('a failed extend leaves everything unchanged (array, iterable, across a widening, after growth)', () => {
    const c = categorical<string | number>(['a', 'b']);
    const before = snapshot(c);
    const codesBefore = c.codes;
    const many = Array.from({ length: 300 }, (_, i) => `n${i}`);
    expect(() => c.extend([...many, 5])).toThrow(TypeError);
    expect(snapshot(c)).toEqual(before);
    expect(c.codes).toBe(codesBefore);
    expect(c.codeOf('n0')).toBe(-1);
    expect(() => c.extend(new Set<string | number>([...many, true as unknown as string]))).toThrow(TypeError);
    expect(snapshot(c)).toEqual(before);
    // the column still works afterwards, and the rolled-back categories can be added again
    c.extend(many);
    expect(c.length).toBe(302);
    expect(c.codesDType).toBe('int16');
    expect(c.get(301)).toBe('n299');
    expect(c.codeOf('n0')).toBe(2);
  });
  test('a failed extend restores the kind of an empty column', () => {
    const c = categorical<string | number>();
    expect(() => c.extend(['a', 1])).toThrow(TypeError);
    expect(c.categories).toEqual([]);
    c.extend([1, 2]); // numbers are fine now: no kind was kept
    expect(c.categories).toEqual([1, 2]);
  });
  test('extend rejects a string or a non-iterable', () => {
    const c = categorical<string>();
    expect(() => c.extend('abc' as unknown as string[])).toThrow(TypeError);
    expect(() => c.extend(5 as unknown as string[])).toThrow(TypeError);
    expect(c.length).toBe(0);
  });
  test('set accepts categories and missing; throws TypeError for a new value', () => {
    const c = categorical(['a', 'b']);
    c.set(0, 'b');
    c.set(-1, null);
    expect(c.toArray()).toEqual(['b', null]);
    c.set(1, undefined);
    c.set(1, NaN as unknown as string);
    expect(c.get(1)).toBeNull();
    expect(() => c.set(0, 'z')).toThrow(TypeError);
    expect(() => c.set(0, 'z')).toThrow(/new category/);
    expect(() => c.set(0, 3 as unknown as string)).toThrow(TypeError);
    expect(c.toArray()).toEqual(['b', null]);
  });
  test('get/set out of range throw IndexError (a RangeError); non-integers TypeError', () => {
    const c = categorical(['a', 'b']);
    expect(() => c.get(2)).toThrow(IndexError);
    expect(() => c.get(-3)).toThrow(RangeError);
    expect(() => c.set(5, 'a')).toThrow(IndexError);
    expect(() => c.get(0.5)).toThrow(TypeError);
    expect(c.get(-2)).toBe('a');
  });
});

describe('assertExtendable', () => {
  const cases: [string, unknown[]][] = [
    ['boolean', ['a', true]],
    ['object', ['a', {}]],
    ['bigint', [1n]],
    ['mixed kinds in the batch', ['x', 1]],
    ['other kind than the column', [1]],
  ];
  test.each(cases)('throws what extend throws and changes nothing: %s', (_, batch) => {
    const c = categorical<string | number>(['a']);
    const before = snapshot(c);
    let expected: unknown;
    try {
      c.extend(batch as string[]);
    } catch (e) {
      expected = e;
    }
    expect(expected).toBeInstanceOf(TypeError);
    expect(snapshot(c)).toEqual(before);
    expect(() => c.assertExtendable(batch)).toThrow((expected as Error).message);
    expect(() => c.assertExtendable(batch)).toThrow(TypeError);
    expect(snapshot(c)).toEqual(before);
  });
  test('mixed kinds inside a batch for an empty column', () => {
    const c = categorical<string | number>();
    expect(() => c.assertExtendable([null, 'a', 2])).toThrow(/position 2/);
    expect(() => c.extend([null, 'a', 2])).toThrow(/position 2/);
    expect(c.length).toBe(0);
  });
  test('strict columns refuse unseen values in both', () => {
    const c = categorical(['a'], { categories: ['a', 'b'], strict: true });
    expect(() => c.assertExtendable(['b', null, 'z'])).toThrow(TypeError);
    expect(() => c.extend(['b', null, 'z'])).toThrow(TypeError);
    expect(() => c.assertExtendable(['b', null, 'z'])).toThrow(/"z"/);
    expect(c.toArray()).toEqual(['a']);
    c.assertExtendable(['b', null]);
    c.assertExtendable(['z'], { strict: false });
    expect(c.length).toBe(1);
  });
  test('a valid batch passes and changes nothing', () => {
    const c = categorical(['a']);
    c.assertExtendable(['a', 'new', null, undefined, NaN]);
    expect(c.categories).toEqual(['a']);
    expect(c.length).toBe(1);
  });
});

describe('codeOf, take, removeAt, swapRemoveAt, copy', () => {
  test('codeOf gives -1 for non-categories and missing', () => {
    const c = categorical(['b', 'a']);
    expect(c.codeOf('a')).toBe(0);
    expect(c.codeOf('b')).toBe(1);
    expect(c.codeOf('z')).toBe(-1);
    expect(c.codeOf(null)).toBe(-1);
    expect(c.codeOf(NaN)).toBe(-1);
  });
  test('take gathers codes into a new Categorical with the same categories and ordered', () => {
    const c = categorical(['a', 'b', null, 'c'], { categories: ['c', 'b', 'a'], ordered: true });
    const t = c.take([3, 0, 0, 2, -1]);
    expect(t.toArray()).toEqual(['c', 'a', 'a', null, 'c']);
    expect(t.categories).toEqual(['c', 'b', 'a']);
    expect(t.ordered).toBe(true);
    expect(t.codesDType).toBe('int8');
    t.set(0, 'b');
    expect(c.get(3)).toBe('c'); // a copy
    t.push('new');
    expect(c.categories).toEqual(['c', 'b', 'a']); // the dictionary is not shared
    expect(c.take(new Uint32Array([1])).toArray()).toEqual(['b']);
    expect(c.take([]).length).toBe(0);
  });
  test('take rejects out-of-range and non-integer indexes', () => {
    const c = categorical(['a', 'b']);
    expect(() => c.take([0, 2])).toThrow(IndexError);
    expect(() => c.take([0, -3])).toThrow(IndexError);
    expect(() => c.take([0.5])).toThrow(TypeError);
  });
  test('removeAt is an ordered delete; swapRemoveAt moves the last into place', () => {
    const c = categorical(['a', 'b', 'c', 'd', null]);
    expect(c.removeAt(1)).toBe('b');
    expect(c.toArray()).toEqual(['a', 'c', 'd', null]);
    expect(c.swapRemoveAt(0)).toBe('a');
    expect(c.toArray()).toEqual([null, 'c', 'd']);
    expect(c.removeAt(-3)).toBeNull();
    expect(c.swapRemoveAt(-1)).toBe('d');
    expect(c.toArray()).toEqual(['c']);
    expect(c.categories).toEqual(['a', 'b', 'c', 'd']);
    expect(() => c.removeAt(1)).toThrow(IndexError);
    expect(() => c.swapRemoveAt(1)).toThrow(IndexError);
    c.swapRemoveAt(0);
    expect(c.length).toBe(0);
    expect(() => c.swapRemoveAt(0)).toThrow(IndexError);
  });
  test('copy shares nothing', () => {
    const c = categorical(['a', 'b']);
    const d = c.copy();
    d.push('z');
    d.set(0, 'b');
    expect(c.toArray()).toEqual(['a', 'b']);
    expect(c.categories).toEqual(['a', 'b']);
    expect(d.toArray()).toEqual(['b', 'b', 'z']);
    expect(d.capacity).toBeGreaterThanOrEqual(3);
  });
});

describe('fromCodes adoption and the codes alias', () => {
  test('a signed TypedArray of sufficient width is adopted without a copy', () => {
    const i8 = new Int8Array([0, 1, -1, 1]);
    const c = Categorical.fromCodes(i8, ['x', 'y']);
    expect(c.codes).toBe(i8);
    expect(c.toArray()).toEqual(['x', 'y', null, 'y']);
    c.set(0, 'y');
    expect(i8[0]).toBe(1); // writes go to the adopted memory
    const i32 = new Int32Array([1, 0]);
    const d = Categorical.fromCodes(i32, ['p', 'q']);
    expect(d.codes).toBe(i32);
    expect(d.codesDType).toBe('int32');
    d.shrinkToFit();
    expect(d.codesDType).toBe('int8');
    expect(d.toArray()).toEqual(['q', 'p']);
  });
  test('a subarray of a larger buffer (Arrow) is adopted too', () => {
    const buf = new Int16Array([9, 9, 0, 1, 0, 9]);
    const view = buf.subarray(2, 5);
    const c = Categorical.fromCodes(view, ['a', 'b'], { ordered: true });
    expect(c.codes).toBe(view);
    expect(c.ordered).toBe(true);
    expect(c.toArray()).toEqual(['a', 'b', 'a']);
    c.push('b'); // reallocates: the caller's buffer is no longer written
    expect(Array.from(buf)).toEqual([9, 9, 0, 1, 0, 9]);
    expect(c.toArray()).toEqual(['a', 'b', 'a', 'b']);
  });
  test('narrower, unsigned and plain arrays are copied into the narrowest width', () => {
    const names = Array.from({ length: 200 }, (_, i) => `c${i}`);
    const i8 = new Int8Array([0, 1]);
    const c = Categorical.fromCodes(i8, names);
    expect(c.codes).not.toBe(i8);
    expect(c.codesDType).toBe('int16');
    const u8 = new Uint8Array([199, 0]);
    const d = Categorical.fromCodes(u8, names);
    expect(d.codesDType).toBe('int16');
    expect(d.toArray()).toEqual(['c199', 'c0']);
    const e = Categorical.fromCodes([0, -1], ['a']);
    expect(e.codesDType).toBe('int8');
    expect(Categorical.fromCodes(new BigInt64Array([0n, -1n]), ['a']).toArray()).toEqual(['a', null]);
  });
  test('codes is an alias of length === length, stale after a reallocation', () => {
    const c = categorical<string>();
    c.push('a');
    c.push('b');
    const codes = c.codes;
    expect(codes.length).toBe(2);
    expect(c.codes).toBe(codes); // cached
    codes[0] = 1; // writes through (unchecked)
    expect(c.get(0)).toBe('b');
    c.push('a');
    expect(c.codes.length).toBe(3);
    for (let i = 0; i < 20; i++) c.push('a'); // reallocates
    c.codes[0] = 0;
    expect(codes[0]).toBe(1); // the old alias is stale
  });
  test('categories is a frozen snapshot, cached until the categories change', () => {
    const c = categorical(['a']);
    const cats = c.categories;
    expect(Object.isFrozen(cats)).toBe(true);
    expect(c.categories).toBe(cats);
    c.push('b');
    expect(cats).toEqual(['a']);
    expect(c.categories).toEqual(['a', 'b']);
    expect(c.categoryCount).toBe(2);
  });
});
