import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { categorical, Categorical } from '../../src/categorical.js';

// Bulk loads of strings go through a slot table keyed on the length and four characters (string-probe.ts),
// falling back to the Map for collisions, long probe chains, empty strings, missing and non-string values.
// These tests check that every path gives the same column: each value read back, the categories its set.

const isMissing = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'number' && v !== v);

/** The column read back (missing as null) and its category set must match the input. */
function expectColumn(c: Categorical, values: readonly unknown[]): void {
  const back = c.toArray();
  expect(back.length).toBe(values.length);
  for (let i = 0; i < values.length; i++) if (back[i] !== (isMissing(values[i]) ? null : values[i])) expect([i, back[i]]).toEqual([i, values[i]]);
  expect(new Set(c.categories)).toEqual(new Set(values.filter((v) => !isMissing(v))));
}

/** Strings that share length, first, middle and last two characters: they all land in one slot chain. */
const colliding = Array.from({ length: 40 }, (_, i) => `ab${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}xxyz`);

describe('categorical(strings) through the string table', () => {
  test('reads back its input (runtime strings, collisions, empty and missing values)', () => {
    const pool = [...colliding, '', 'a', 'bb', 'cat1', 'cat10', 'cat100', 'é', '🙂', 'x y'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pool), fc.constantFrom(null, undefined, NaN)), { minLength: 0, maxLength: 400 }), (vals) => {
        // fresh heap strings, as when text is split (not the interned literals of `pool`)
        const runtime = vals.map((v) => (typeof v === 'string' ? `${v}|`.slice(0, -1) : v));
        expectColumn(categorical(runtime), vals);
      }),
      { numRuns: 200 },
    );
  });

  test('a long load that adds categories as it goes, widening the codes past int8 and int16', () => {
    const n = 70_000;
    const vals = Array.from({ length: n }, (_, i) => `v${(i * 7) % 40_000}`);
    const c = categorical(vals);
    expect(c.codes).toBeInstanceOf(Int32Array);
    expectColumn(c, vals);
    // extend goes through the same table, starting from the existing categories
    c.extend(['v5', 'new', 'v39999', 'new']);
    expect(c.toArray().slice(-4)).toEqual(['v5', 'new', 'v39999', 'new']);
  });

  test('numbers in a bulk load leave the table for the Map; a number after strings is still a TypeError', () => {
    const nums = Array.from({ length: 100 }, (_, i) => i % 7);
    expectColumn(categorical(nums), nums);
    const mixed: unknown[] = Array.from({ length: 100 }, (_, i) => `s${i % 3}`);
    mixed[60] = 5;
    expect(() => categorical(mixed as string[])).toThrow(TypeError);
    const c = Categorical.from(['a', 'b'], { categories: ['a', 'b', 'c'] });
    expect(() => c.extend(Array.from({ length: 50 }, () => 'zz'))).not.toThrow();
  });
});
