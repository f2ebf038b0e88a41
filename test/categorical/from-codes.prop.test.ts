/**
 * `Categorical.fromCodes` over an adopted Int8/Int16/Int32Array: the branch-free range check accepts exactly
 * the codes in [-1, k) (model: every code compared), including each width's extreme values.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Categorical } from '../../src/categorical.js';
import { ValueError } from '../../src/errors.js';

const WIDTHS = [
  { Array: Int8Array, min: -128, max: 127 },
  { Array: Int16Array, min: -32768, max: 32767 },
  { Array: Int32Array, min: -(2 ** 31), max: 2 ** 31 - 1 },
] as const;

describe('fromCodes range check on adopted code arrays', () => {
  for (const w of WIDTHS) {
    test(`${w.Array.name}: throws exactly when a code is outside [-1, k)`, () => {
      // k no larger than the width can index, so the array is adopted (not copied) and the kernel runs.
      const kMax = Math.min(w.max, 100);
      const code = fc.oneof(fc.integer({ min: -2, max: kMax + 1 }), fc.constantFrom(w.min, w.max, w.min + 1, w.max - 1, 0, -1));
      fc.assert(
        fc.property(fc.array(code, { maxLength: 40 }), fc.integer({ min: 0, max: kMax }), (codes, k) => {
          const cats = Array.from({ length: k }, (_, i) => `c${i}`);
          const arr = w.Array.from(codes);
          const ok = codes.every((c) => c >= -1 && c < k);
          if (ok) expect(Array.from(Categorical.fromCodes(arr, cats).codes)).toEqual(codes);
          else expect(() => Categorical.fromCodes(arr, cats)).toThrow(ValueError);
        }),
        { numRuns: 300, seed: 21 },
      );
    });
  }
});

describe('fromCodesUnchecked (internal: the CSV reader and toStore)', () => {
  test('adopts in-range codes as fromCodes does, without scanning them', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.array(fc.nat(), { maxLength: 40 }), fc.boolean(), (k, raw, ordered) => {
        const cats = Array.from({ length: k }, (_, i) => `c${i}`);
        const codes = Int16Array.from(raw, (x) => (k === 0 ? -1 : (x % (k + 1)) - 1));
        const u = Categorical.fromCodesUnchecked(codes, cats, ordered);
        const c = Categorical.fromCodes(codes, cats, { ordered });
        expect(u.codes).toBe(codes); // adopted
        expect(u.toArray()).toEqual(c.toArray());
        expect(u.categories).toEqual(c.categories);
        expect(u.ordered).toBe(ordered);
      }),
      { numRuns: 200, seed: 5 },
    );
    // An out-of-range code is not looked for (the caller vouches for them): no throw.
    expect(Categorical.fromCodesUnchecked(new Int8Array([5]), ['a']).length).toBe(1);
  });

  test('codes narrower than the categories need take the checked path (copied, widened, scanned)', () => {
    const cats = Array.from({ length: 200 }, (_, i) => `c${i}`);
    const u = Categorical.fromCodesUnchecked(new Int8Array([0, 127, -1]), cats);
    expect(u.codes).toBeInstanceOf(Int16Array);
    expect(u.toArray()).toEqual(['c0', 'c127', null]);
    expect(() => Categorical.fromCodesUnchecked(new Int8Array([-2]), cats)).toThrow(ValueError);
  });

  test('the categories are still checked', () => {
    expect(() => Categorical.fromCodesUnchecked(new Int8Array([0]), ['a', 'a'])).toThrow(ValueError);
  });
});
