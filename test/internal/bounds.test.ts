import { describe, expect, test } from 'vitest';
import { IndexError, ValueError } from '../../src/errors.js';
import { normalizeIndex, sliceRange } from '../../src/internal/bounds.js';
import cases from '../_support/python-slices.json';

describe('sliceRange', () => {
  test('matches Python slice.indices() and len(range(...)) on 1,960 generated cases', () => {
    for (const [n, start, stop, step, [a, b, s], len] of cases as [number, number | null, number | null, number | null, [number, number, number], number][]) {
      const r = sliceRange(n, start, stop, step);
      expect({ n, start, stop, step, r: [r.start, r.stop, r.step], len: r.length }).toEqual({ n, start, stop, step, r: [a, b, s], len });
    }
  });
  test('step 0 is a ValueError', () => {
    expect(() => sliceRange(3, 0, 3, 0)).toThrow(ValueError);
    expect(() => sliceRange(3, 0, 3, 0)).toThrow('slice step cannot be zero');
  });
  test('non-integer bounds are TypeErrors', () => {
    expect(() => sliceRange(3, 0.5)).toThrow(TypeError);
    expect(() => sliceRange(3, 0, 1.5)).toThrow(TypeError);
    expect(() => sliceRange(3, 0, 1, 1.5)).toThrow(TypeError);
  });
});

describe('normalizeIndex', () => {
  test('negative indexes count from the end', () => {
    expect(normalizeIndex(-1, 3, 'x')).toBe(2);
    expect(normalizeIndex(0, 3, 'x')).toBe(0);
  });
  test('out of range is an IndexError (a RangeError)', () => {
    expect(() => normalizeIndex(3, 3, 'Vector')).toThrow(IndexError);
    expect(() => normalizeIndex(-4, 3, 'Vector')).toThrow(RangeError);
    expect(() => normalizeIndex(0, 0, 'Vector')).toThrow('Vector index 0 out of range for length 0');
  });
  test('non-integers are TypeErrors', () => {
    expect(() => normalizeIndex(1.5, 3, 'x')).toThrow(TypeError);
    expect(() => normalizeIndex('1' as unknown as number, 3, 'x')).toThrow(TypeError);
  });
});
