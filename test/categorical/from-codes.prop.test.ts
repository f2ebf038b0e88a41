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
