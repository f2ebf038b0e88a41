/**
 * Example tests mirroring pandas.Categorical (each expectation was checked
 * against pandas 1.5.3, with pandas 2/3 semantics where they differ: edits return new instances).
 */
import { describe, expect, test } from 'vitest';
import { Categorical, categorical } from '../../src/categorical.js';

describe('construction', () => {
  test('inferred categories are the sorted distinct values; missing gets code -1', () => {
    // pd.Categorical(['b','a',None,nan,'a']) -> categories ['a','b'], codes [1,0,-1,-1,0]
    const c = categorical(['b', 'a', null, NaN as unknown as string, 'a', undefined]);
    expect(c.categories).toEqual(['a', 'b']);
    expect(Array.from(c.codes)).toEqual([1, 0, -1, -1, 0, -1]);
    expect(c.toArray()).toEqual(['b', 'a', null, null, 'a', null]);
    expect(c.ordered).toBe(false);
  });
  test('numbers give numeric categories sorted numerically', () => {
    // pd.Categorical([3,1,2,1]) -> [1,2,3]; [1.0, 2.0, nan] -> codes [0,1,-1]
    expect(categorical([3, 1, 2, 1, 10]).categories).toEqual([1, 2, 3, 10]);
    expect(Array.from(categorical([1.5, 2, NaN]).codes)).toEqual([0, 1, -1]);
    expect(categorical([-0, 0]).categories).toEqual([0]);
    expect(Object.is(categorical([-0]).categories[0], 0)).toBe(true);
  });
  test('explicit categories keep their order; other values become missing (pandas)', () => {
    // pd.Categorical(['b','a','z'], categories=['a','b']) -> codes [1,0,-1]
    const c = categorical(['b', 'a', 'z'], { categories: ['a', 'b'] });
    expect(Array.from(c.codes)).toEqual([1, 0, -1]);
    expect(categorical(['a'], { categories: ['c', 'b', 'a'] }).categories).toEqual(['c', 'b', 'a']);
  });
  test('strict with explicit categories refuses other values', () => {
    expect(() => categorical(['b', 'z'], { categories: ['a', 'b'], strict: true })).toThrow(TypeError);
    const c = categorical(['b'], { categories: ['a', 'b'], strict: true });
    expect(c.strict).toBe(true);
    expect(() => c.push('z')).toThrow(TypeError);
    c.push('z', { strict: false });
    expect(c.categories).toEqual(['a', 'b', 'z']);
    const loose = categorical<string>();
    expect(() => loose.push('q', { strict: true })).toThrow(TypeError);
    expect(loose.length).toBe(0);
  });
  test('from iterables, with capacity, and empty', () => {
    expect(Categorical.from(new Set(['y', 'x'])).toArray()).toEqual(['y', 'x']);
    const e = categorical();
    expect(e.length).toBe(0);
    expect(e.categories).toEqual([]);
    expect(categorical([], { capacity: 50 }).capacity).toBe(50);
    expect(
      categorical(
        (function* () {
          yield 2;
          yield 1;
        })(),
      ).categories,
    ).toEqual([1, 2]);
  });
  test('ordered=true on inferred categories orders them naturally', () => {
    const c = categorical(['b', 'a', 'c'], { ordered: true });
    expect(c.ordered).toBe(true);
    expect(c.min()).toBe('a');
    expect(c.max()).toBe('c');
  });
  test('fromCodes builds from codes and categories', () => {
    const c = Categorical.fromCodes([1, 0, -1], ['a', 'b'], { ordered: true });
    expect(c.toArray()).toEqual(['b', 'a', null]);
    expect(c.ordered).toBe(true);
    expect(Categorical.fromCodes([], ['a']).length).toBe(0);
  });
});

describe('codes widths', () => {
  test('Int8 up to 128 categories, Int16 up to 32768, Int32 beyond', () => {
    const n = (k: number) => Array.from({ length: k }, (_, i) => i);
    expect(categorical(n(127)).codesDType).toBe('int8');
    expect(categorical(n(128)).codesDType).toBe('int8');
    expect(categorical(n(129)).codesDType).toBe('int16');
    expect(categorical(n(32768)).codesDType).toBe('int16');
    expect(categorical(n(32769)).codesDType).toBe('int32');
    expect(categorical(n(129)).codes).toBeInstanceOf(Int16Array);
  });
});

describe('category edits return new Categoricals (pandas >= 2.0)', () => {
  const base = () => categorical(['a', 'b', 'c', 'a', null]);
  test('addCategories appends unused categories, keeps ordered', () => {
    const c = categorical(['a', 'b'], { ordered: true });
    const d = c.addCategories('z');
    expect(d.categories).toEqual(['a', 'b', 'z']);
    expect(d.ordered).toBe(true);
    expect(d.toArray()).toEqual(['a', 'b']);
    expect(c.categories).toEqual(['a', 'b']);
    expect(c.addCategories(['x', 'y']).categories).toEqual(['a', 'b', 'x', 'y']);
    expect(c.addCategories([]).categories).toEqual(['a', 'b']);
  });
  test('addCategories past 128 widens the new one', () => {
    const c = categorical(['c0']);
    const d = c.addCategories(Array.from({ length: 200 }, (_, i) => `n${i}`));
    expect(d.codesDType).toBe('int16');
    expect(d.toArray()).toEqual(['c0']);
  });
  test('removeCategories makes their values missing, keeps the order of the rest', () => {
    const c = base();
    const d = c.removeCategories(['c']);
    expect(d.categories).toEqual(['a', 'b']);
    expect(d.toArray()).toEqual(['a', 'b', null, 'a', null]);
    expect(c.removeCategories('a').toArray()).toEqual([null, 'b', 'c', null, null]);
    // remove_categories(nan) is a no-op
    expect(c.removeCategories([null]).categories).toEqual(['a', 'b', 'c']);
    expect(c.toArray()).toEqual(['a', 'b', 'c', 'a', null]);
  });
  test('renameCategories by list, Map, object and function', () => {
    const c = base();
    expect(c.renameCategories(['x', 'y', 'z']).toArray()).toEqual(['x', 'y', 'z', 'x', null]);
    // dict: unknown keys ignored, missing keys pass through: {'a':'x','q':'z'} -> ['x','b','c']
    expect(c.renameCategories({ a: 'x', q: 'z' }).categories).toEqual(['x', 'b', 'c']);
    expect(c.renameCategories(new Map([['b', 'B']])).categories).toEqual(['a', 'B', 'c']);
    expect(c.renameCategories((s, i) => `${s}${i}`).categories).toEqual(['a0', 'b1', 'c2']);
    const nums = c.renameCategories([1, 2, 3]);
    expect(nums.toArray()).toEqual([1, 2, 3, 1, null]);
    expect(Array.from(nums.codes)).toEqual(Array.from(c.codes));
  });
  test('reorderCategories recodes so values stay the same', () => {
    // ['a','b','c'] with ['c','a','b'] -> codes [1,2,0]
    const c = categorical(['a', 'b', 'c']);
    const d = c.reorderCategories(['c', 'a', 'b']);
    expect(Array.from(d.codes)).toEqual([1, 2, 0]);
    expect(d.toArray()).toEqual(['a', 'b', 'c']);
    expect(d.ordered).toBe(false);
    expect(c.reorderCategories(['c', 'b', 'a'], { ordered: true }).min()).toBe('c');
  });
  test('setCategories recodes by value; rename is positional', () => {
    // ['a','b','c'] with ['c','b','x'] -> [nan,'b','c'], codes [-1,1,0]
    const c = categorical(['a', 'b', 'c']);
    const d = c.setCategories(['c', 'b', 'x']);
    expect(Array.from(d.codes)).toEqual([-1, 1, 0]);
    expect(d.toArray()).toEqual([null, 'b', 'c']);
    // set_categories(['x','y'], rename=True) -> ['x','y',NaN]
    expect(c.setCategories(['x', 'y'], { rename: true }).toArray()).toEqual(['x', 'y', null]);
    expect(c.setCategories(['x', 'y', 'z', 'w'], { rename: true }).toArray()).toEqual(['x', 'y', 'z']);
    // ordered is kept unless given
    const o = categorical(['a', 'b', 'c'], { ordered: true });
    expect(o.setCategories(['c', 'b']).ordered).toBe(true);
    expect(o.setCategories(['c', 'b'], { ordered: false }).ordered).toBe(false);
  });
  test('removeUnusedCategories drops zero-count categories, -1 stays -1', () => {
    const c = categorical(['a', null], { categories: ['z', 'a', 'b'] });
    const d = c.removeUnusedCategories();
    expect(d.categories).toEqual(['a']);
    expect(Array.from(d.codes)).toEqual([0, -1]);
    expect(categorical(['a']).removeUnusedCategories().categories).toEqual(['a']);
  });
  test('asOrdered / asUnordered flip the flag on a copy', () => {
    const c = categorical(['a']);
    const o = c.asOrdered();
    expect(o.ordered).toBe(true);
    expect(c.ordered).toBe(false);
    expect(o.asUnordered().ordered).toBe(false);
    o.push('b');
    expect(c.categories).toEqual(['a']);
  });
  test('an edit of a strict column stays strict', () => {
    const c = categorical(['a'], { categories: ['a'], strict: true }).addCategories('b');
    expect(c.strict).toBe(true);
  });
});

describe('valueCounts, min/max, unique, isNA', () => {
  test('valueCounts is in category order with zeros; dropna=false appends null when present', () => {
    // {'a': 2, 'b': 1, 'c': 0, nan: 1}
    const c = categorical(['a', 'b', null, 'a'], { categories: ['a', 'b', 'c'], ordered: true });
    expect([...c.valueCounts()]).toEqual([
      ['a', 2],
      ['b', 1],
      ['c', 0],
    ]);
    expect([...c.valueCounts({ dropna: false })]).toEqual([
      ['a', 2],
      ['b', 1],
      ['c', 0],
      [null, 1],
    ]);
    // no missing value -> no null entry (observed)
    expect([...categorical(['a']).valueCounts({ dropna: false })]).toEqual([['a', 1]]);
    expect(categorical([], { categories: ['a'] }).valueCounts()).toEqual(new Map([['a', 0]]));
  });
  test('valueCounts is not sorted by frequency', () => {
    expect([...categorical(['b', 'b', 'a']).valueCounts().keys()]).toEqual(['a', 'b']);
  });
  test('min/max follow category order, skip missing unless skipna=false', () => {
    const c = categorical(['a', 'b', null], { categories: ['c', 'b', 'a'], ordered: true });
    expect(c.min()).toBe('b');
    expect(c.max()).toBe('a');
    expect(c.min({ skipna: false })).toBeNull();
    expect(c.max({ skipna: false })).toBeNull();
    expect(categorical([null], { categories: ['a'], ordered: true }).min()).toBeNull();
    expect(categorical([], { categories: ['a'], ordered: true }).max()).toBeNull();
    expect(categorical(['a', 'b'], { ordered: true }).min({ skipna: false })).toBe('a');
  });
  test('unique keeps order of appearance and all categories', () => {
    // pd.Categorical(['b','a',None,'b','c']).unique() -> ['b','a',NaN,'c'], categories a,b,c
    const u = categorical(['b', 'a', null, 'b', 'c', null]).unique();
    expect(u.toArray()).toEqual(['b', 'a', null, 'c']);
    expect(u.categories).toEqual(['a', 'b', 'c']);
    const v = categorical(['b'], { categories: ['a', 'b'], ordered: true }).unique();
    expect(v.categories).toEqual(['a', 'b']);
    expect(v.ordered).toBe(true);
    expect(categorical([]).unique().length).toBe(0);
  });
  test('isNA and notNA', () => {
    const c = categorical(['a', null, 'b']);
    expect(Array.from(c.isNA())).toEqual([0, 1, 0]);
    expect(Array.from(c.notNA())).toEqual([1, 0, 1]);
    expect(c.isNA()).toBeInstanceOf(Uint8Array);
  });
});

describe('comparisons (the pandas matrix)', () => {
  const m = (a: Uint8Array) => Array.from(a);
  test('unordered, scalar in categories: eq/ne element-wise; missing is false for eq, true for ne', () => {
    const c = categorical(['a', 'b', null, 'a']);
    expect(m(c.eq('a'))).toEqual([1, 0, 0, 1]);
    expect(m(c.ne('a'))).toEqual([0, 1, 1, 0]);
  });
  test('scalar not a category (or another type, or missing): eq all 0, ne all 1', () => {
    const c = categorical(['a', 'b', null]);
    for (const v of ['z', 1, null, undefined, NaN]) {
      expect(m(c.eq(v))).toEqual([0, 0, 0]);
      expect(m(c.ne(v))).toEqual([1, 1, 1]);
    }
  });
  test('ordered: ordering by category position, missing compares false', () => {
    const c = categorical(['lo', 'mid', 'hi', null], { categories: ['lo', 'mid', 'hi'], ordered: true });
    expect(m(c.lt('mid'))).toEqual([1, 0, 0, 0]);
    expect(m(c.le('mid'))).toEqual([1, 1, 0, 0]);
    expect(m(c.gt('mid'))).toEqual([0, 0, 1, 0]);
    expect(m(c.ge('mid'))).toEqual([0, 1, 1, 0]);
    expect(m(c.lt('lo'))).toEqual([0, 0, 0, 0]);
    expect(m(c.ge('lo'))).toEqual([1, 1, 1, 0]);
  });
  test('ordering against a non-category or missing on an ordered Categorical is a TypeError', () => {
    const c = categorical(['a', 'b'], { ordered: true });
    expect(() => c.lt('z')).toThrow(TypeError);
    expect(() => c.ge(5)).toThrow(/Invalid comparison/);
    expect(() => c.le(null)).toThrow(TypeError);
    expect(() => c.gt(NaN)).toThrow(TypeError);
  });
  test('ordering on unordered is a TypeError even for a category', () => {
    const c = categorical(['a', 'b']);
    for (const op of ['lt', 'le', 'gt', 'ge'] as const) {
      expect(() => c[op]('a')).toThrow(TypeError);
      expect(() => c[op]('a')).toThrow(/Unordered Categoricals can only compare equality or not/);
    }
  });
  test('against a Categorical: same set compares by value when unordered', () => {
    const u = categorical(['a', 'b', null], { categories: ['a', 'b'] });
    const u2 = categorical(['a', 'a', null], { categories: ['b', 'a'] });
    expect(m(u.eq(u2))).toEqual([1, 0, 0]);
    expect(m(u.ne(u2))).toEqual([0, 1, 1]);
    expect(() => u.lt(u2)).toThrow(TypeError);
  });
  test('against a Categorical: different sets, ordered with another order, ordered vs unordered → TypeError', () => {
    const u = categorical(['a', 'b'], { categories: ['a', 'b'] });
    expect(() => u.eq(categorical(['a', 'b'], { categories: ['a', 'b', 'c'] }))).toThrow(/categories' are the same/);
    const o = categorical(['a', 'b'], { categories: ['a', 'b'], ordered: true });
    const o2 = categorical(['a', 'b'], { categories: ['b', 'a'], ordered: true });
    expect(() => o.eq(o2)).toThrow(TypeError);
    expect(() => o.eq(u)).toThrow(TypeError);
    expect(() => o.lt(o2)).toThrow(TypeError);
  });
  test('ordered Categoricals with identical categories compare element-wise', () => {
    const o = categorical(['a', 'b', 'c', null], { categories: ['a', 'b', 'c'], ordered: true });
    const p = categorical(['b', 'b', 'a', 'a'], { categories: ['a', 'b', 'c'], ordered: true });
    expect(m(o.lt(p))).toEqual([1, 0, 0, 0]);
    expect(m(o.le(p))).toEqual([1, 1, 0, 0]);
    expect(m(o.gt(p))).toEqual([0, 0, 1, 0]);
    expect(m(o.ge(p))).toEqual([0, 1, 1, 0]);
    expect(m(o.eq(p))).toEqual([0, 1, 0, 0]);
    expect(m(o.ne(p))).toEqual([1, 0, 1, 1]);
  });
  test('missing never equals missing (c == c)', () => {
    const c = categorical(['a', null]);
    expect(m(c.eq(c))).toEqual([1, 0]);
  });
  test('against an array: positional values for eq/ne; length mismatch ValueError; ordering TypeError', () => {
    const c = categorical(['a', 'b', 'c'], { ordered: true });
    expect(m(c.eq(['a', 'x', 'c']))).toEqual([1, 0, 1]);
    expect(m(c.ne(['a', null, 'c']))).toEqual([0, 1, 0]);
    expect(() => c.eq(['a'])).toThrow(RangeError);
    expect(() => c.eq(['a'])).toThrow(/Lengths must match/);
    expect(() => c.lt(['a', 'b', 'c'])).toThrow(TypeError);
    expect(() => c.eq(categorical(['a']))).toThrow(/Lengths must match/);
  });
});

describe('equals, toString, iteration', () => {
  test('equals: unordered up to permutation, ordered exact, ordered flag must match', () => {
    const u = categorical(['a', 'b'], { categories: ['a', 'b'] });
    expect(u.equals(categorical(['a', 'b'], { categories: ['b', 'a'] }))).toBe(true);
    expect(u.equals(categorical(['a', 'a'], { categories: ['a', 'b'] }))).toBe(false);
    expect(u.equals(u.asOrdered())).toBe(false);
    const o = categorical(['a', null], { categories: ['a', 'b'], ordered: true });
    expect(o.equals(categorical(['a', null], { categories: ['a', 'b'], ordered: true }))).toBe(true); // missing equals missing
    expect(o.equals(categorical(['a', null], { categories: ['b', 'a'], ordered: true }))).toBe(false);
    expect(u.equals(['a', 'b'])).toBe(false);
    expect(u.equals(categorical(['a', 'b', 'a']))).toBe(false);
    expect(u.equals(categorical(['a', 'b'], { categories: ['a', 'b', 'c'] }))).toBe(false);
  });
  test('toString shows values and categories, ordered with <', () => {
    expect(categorical(['b', 'a', null]).toString()).toBe('Categorical(["b", "a", null], categories=["a", "b"])');
    expect(categorical([2, 1], { ordered: true }).toString()).toBe('Categorical([2, 1], categories=[1 < 2])');
    const long = categorical(Array.from({ length: 30 }, (_, i) => `v${i % 25}`));
    expect(long.toString()).toContain('… 10 more …');
    expect(long.toString()).toContain('… 5 more …');
    expect(String(categorical())).toBe('Categorical([], categories=[])');
  });
  test('iterates values with null for missing', () => {
    expect([...categorical(['x', null])]).toEqual(['x', null]);
  });
  test('memoryUsage of wider codes', () => {
    const c = categorical(Array.from({ length: 300 }, (_, i) => i));
    const u = c.memoryUsage();
    expect(u.codesDType).toBe('int16');
    expect(u.codes).toBe(600);
    expect(u.categories).toBe(300);
    expect(c.nbytes).toBe(600 + 300 * 8);
  });
});
