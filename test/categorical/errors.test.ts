/**
 * Issue 4 "Bad input": every error, its class and JS base class, and that the column is unchanged after.
 */
import { describe, expect, test } from 'vitest';
import { Categorical, categorical } from '../../src/categorical.js';
import { ValueError } from '../../src/errors.js';

type AnyCat = Categorical<string | number>;

function state(c: AnyCat) {
  return { values: c.toArray(), categories: [...c.categories], codes: Array.from(c.codes), ordered: c.ordered, dtype: c.codesDType };
}

/** Asserts `fn` throws `cls` (and `base`), and that `c` is unchanged. */
function rejects(c: AnyCat, fn: () => unknown, cls: new (...a: never[]) => Error, base: new (...a: never[]) => Error, msg?: RegExp): void {
  const before = state(c);
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(cls);
  expect(err).toBeInstanceOf(base);
  if (msg) expect((err as Error).message).toMatch(msg);
  expect(state(c)).toEqual(before);
}

const abc = (): AnyCat => categorical<string | number>(['a', 'b', 'c', null]);

describe('TypeError', () => {
  test("set(i, 'unknown')", () => {
    const c = abc();
    rejects(c, () => c.set(0, 'unknown'), TypeError, TypeError, /new category \("unknown"\)/);
    rejects(c, () => c.set(0, 7), TypeError, TypeError);
    rejects(c, () => c.set(0, true as unknown as string), TypeError, TypeError);
  });
  test('min()/max() on an unordered categorical', () => {
    const c = abc();
    rejects(c, () => c.min(), TypeError, TypeError, /not ordered for operation min/);
    rejects(c, () => c.max(), TypeError, TypeError, /not ordered for operation max/);
  });
  test('lt/le/gt/ge on unordered', () => {
    const c = abc();
    for (const op of ['lt', 'le', 'gt', 'ge'] as const) rejects(c, () => c[op]('a'), TypeError, TypeError, /Unordered/);
  });
  test('values that are not strings, numbers or missing', () => {
    const c = abc();
    for (const bad of [true, {}, [], 1n, Symbol('s'), () => 1]) {
      rejects(c, () => c.push(bad as unknown as string), TypeError, TypeError);
      rejects(c, () => c.extend(['a', bad as unknown as string]), TypeError, TypeError);
    }
    expect(() => categorical([true as unknown as string])).toThrow(TypeError);
  });
  test('mixing strings and numbers', () => {
    const c = abc();
    rejects(c, () => c.push(1), TypeError, TypeError, /cannot mix number and string/);
    expect(() => categorical<string | number>(['a', 1])).toThrow(TypeError);
    expect(() => categorical(['a'], { categories: ['a', 1] as (string | number)[] })).toThrow(TypeError);
    rejects(c, () => c.addCategories(5), TypeError, TypeError);
    rejects(c, () => c.renameCategories(['x', 1, 'z']), TypeError, TypeError);
    expect(() => Categorical.fromCodes([0], ['a', 1] as (string | number)[])).toThrow(TypeError);
  });
  test('non-boolean ordered / strict / dropna / skipna / rename', () => {
    expect(() => categorical(['a'], { ordered: 'yes' as unknown as boolean })).toThrow(TypeError);
    expect(() => categorical(['a'], { strict: 1 as unknown as boolean })).toThrow(TypeError);
    expect(() => Categorical.fromCodes([0], ['a'], { ordered: 1 as unknown as boolean })).toThrow(TypeError);
    const c = categorical(['a'], { ordered: true });
    expect(() => c.valueCounts({ dropna: 'no' as unknown as boolean })).toThrow(TypeError);
    expect(() => c.min({ skipna: 0 as unknown as boolean })).toThrow(TypeError);
    expect(() => c.setCategories(['a'], { rename: 'y' as unknown as boolean })).toThrow(TypeError);
  });
  test('values / categories that are not iterables', () => {
    expect(() => categorical('abc' as unknown as string[])).toThrow(TypeError);
    expect(() => categorical(5 as unknown as string[])).toThrow(TypeError);
    expect(() => categorical([], { categories: 'ab' as unknown as string[] })).toThrow(TypeError);
    expect(() => Categorical.fromCodes(5 as unknown as number[], ['a'])).toThrow(TypeError);
    const c = abc();
    rejects(c, () => c.renameCategories(5 as unknown as string[]), TypeError, TypeError);
    rejects(c, () => c.reorderCategories(5 as unknown as string[]), TypeError, TypeError);
  });
  test('strict push of an unseen value', () => {
    const c = categorical<string | number>(['a'], { strict: true });
    rejects(c, () => c.push('b'), TypeError, TypeError, /set the categories first/);
  });
});

describe('ValueError (a RangeError)', () => {
  test('duplicate categories', () => {
    expect(() => categorical([], { categories: ['a', 'a'] })).toThrow(ValueError);
    expect(() => categorical([], { categories: ['a', 'a'] })).toThrow(RangeError);
    expect(() => categorical([], { categories: ['a', 'a'] })).toThrow(/must be unique/);
    expect(() => Categorical.fromCodes([0], ['a', 'a'])).toThrow(ValueError);
    const c = abc();
    rejects(c, () => c.addCategories(['x', 'x']), ValueError, RangeError, /must be unique/);
    rejects(c, () => c.setCategories(['x', 'x']), ValueError, RangeError, /must be unique/);
  });
  test('missing categories', () => {
    expect(() => categorical([], { categories: ['a', null as unknown as string] })).toThrow(ValueError);
    expect(() => categorical([], { categories: [NaN] })).toThrow(/cannot be null/);
    const c = abc();
    rejects(c, () => c.addCategories([null as unknown as string]), ValueError, RangeError, /cannot be null/);
    rejects(c, () => c.renameCategories(['x', null as unknown as string, 'z']), ValueError, RangeError, /cannot be null/);
  });
  test('addCategories of an existing category', () => {
    const c = abc();
    rejects(c, () => c.addCategories('a'), ValueError, RangeError, /must not include old categories: \{"a"\}/);
  });
  test('removeCategories of a non-category', () => {
    const c = abc();
    rejects(c, () => c.removeCategories(['a', 'z']), ValueError, RangeError, /removals must all be in old categories: \{"z"\}/);
  });
  test('renameCategories with a wrong length or duplicates', () => {
    const c = abc();
    rejects(c, () => c.renameCategories(['x', 'y']), ValueError, RangeError, /same number of items/);
    rejects(c, () => c.renameCategories(['x', 'y', 'z', 'w']), ValueError, RangeError, /same number of items/);
    rejects(c, () => c.renameCategories(['x', 'x', 'z']), ValueError, RangeError, /must be unique/);
    rejects(c, () => c.renameCategories({ a: 'b' }), ValueError, RangeError, /must be unique/);
  });
  test('reorderCategories that is not a permutation', () => {
    const c = abc();
    rejects(c, () => c.reorderCategories(['a', 'b']), ValueError, RangeError, /not the same as in old categories/);
    rejects(c, () => c.reorderCategories(['a', 'b', 'z']), ValueError, RangeError);
    rejects(c, () => c.reorderCategories(['a', 'a', 'b']), ValueError, RangeError);
    rejects(c, () => c.reorderCategories(['a', 'b', 'c', 'c']), ValueError, RangeError);
  });
  test('fromCodes with a code out of range, a non-integer, or no categories', () => {
    expect(() => Categorical.fromCodes([0, 2], ['a', 'b'])).toThrow(ValueError);
    expect(() => Categorical.fromCodes([0, 2], ['a', 'b'])).toThrow(/between -1 and len\(categories\)-1/);
    expect(() => Categorical.fromCodes([-2], ['a'])).toThrow(ValueError);
    expect(() => Categorical.fromCodes(new Int8Array([0, 5]), ['a'])).toThrow(ValueError);
    expect(() => Categorical.fromCodes(new Int32Array([-3]), ['a'])).toThrow(RangeError);
    expect(() => Categorical.fromCodes(new Uint8Array([1]), ['a'])).toThrow(ValueError);
    expect(() => Categorical.fromCodes([0.5], ['a', 'b'])).toThrow(/array-like integers/);
    expect(() => Categorical.fromCodes(['0'] as unknown as number[], ['a'])).toThrow(ValueError);
    expect(() => Categorical.fromCodes(new Float64Array([0]), ['a'])).toThrow(ValueError);
    expect(() => Categorical.fromCodes([0], undefined as unknown as string[])).toThrow(ValueError);
    expect(() => Categorical.fromCodes([0], [])).toThrow(ValueError);
  });
});

describe('null, undefined and NaN are all accepted as missing', () => {
  test('in construction, push, extend, set', () => {
    const c = categorical<string>([null, undefined, NaN as unknown as string, 'a']);
    expect(c.toArray()).toEqual([null, null, null, 'a']);
    c.push(null);
    c.push(undefined);
    c.push(NaN as unknown as string);
    c.extend([null, undefined, NaN as unknown as string]);
    c.set(3, NaN as unknown as string);
    expect(c.toArray()).toEqual(Array(10).fill(null));
    expect(c.categories).toEqual(['a']);
    expect(categorical([1, NaN, 2]).categories).toEqual([1, 2]);
  });
});

describe('a failed bulk operation leaves the column unchanged', () => {
  test('extend failing at the end of a long batch that added categories and widened', () => {
    const c = abc();
    const batch: unknown[] = Array.from({ length: 40000 }, (_, i) => `v${i}`);
    batch.push(false);
    rejects(c, () => c.extend(batch as string[]), TypeError, TypeError, /position 40000/);
    expect(c.codeOf('v0')).toBe(-1);
    expect(c.capacity).toBeLessThan(100);
  });
  test('strict extend failing halfway', () => {
    const c = categorical<string | number>(['a', 'b'], { strict: true });
    rejects(c, () => c.extend(['a', 'b', 'a', 'zz', 'a']), TypeError, TypeError, /position 3/);
  });
  test('category edits never modify the original, even when they fail', () => {
    const c = abc();
    rejects(c, () => c.setCategories(['x', 'x']), ValueError, RangeError);
    rejects(c, () => c.removeCategories('nope'), ValueError, RangeError);
  });
});
