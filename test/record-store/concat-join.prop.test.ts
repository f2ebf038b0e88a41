/**
 * concat and join over every scalar kind with nulls (nullable numbers, bools, dates, utf8; missing
 * categories) against plain-array models: concat's byte-aligned bitmap copy and category recoding, join's
 * null-never-matches rule, utf8 keys, and unmatched rows typed as a nullable field of the same type.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RecordStore } from '../../src/record-store.js';

const PARAMS = { numRuns: 150, seed: 20261203 };

const SCHEMA = {
  c: 'category',
  u: { type: 'utf8', nullable: true },
  n: { type: 'int32', nullable: true },
  b: { type: 'bool', nullable: true },
  d: { type: 'date', nullable: true },
  f: 'float64',
} as const;
type Row = { c: string | null; u: string | null; n: number | null; b: boolean | null; d: Date | null; f: number };

const rowArb: fc.Arbitrary<Row> = fc.record({
  c: fc.constantFrom('a', 'b', 'é', 'dd', null),
  u: fc.constantFrom('x', 'y', '', 'ü€', null),
  n: fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }),
  b: fc.option(fc.boolean(), { nil: null }),
  d: fc.option(fc.integer({ min: 0, max: 3 }).map((k) => new Date(Date.UTC(2024, 0, 1 + k))), { nil: null }),
  f: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(NaN)),
});

describe('concat', () => {
  test('stacks parts of any length (unaligned bitmaps, different category lists) as the rows concatenated', () => {
    fc.assert(
      fc.property(fc.array(fc.array(rowArb, { maxLength: 21 }), { minLength: 1, maxLength: 4 }), (parts) => {
        const stores = parts.map((rows) => RecordStore.fromObjects(rows, SCHEMA));
        const c = RecordStore.concat(stores);
        expect(c.toObjects()).toEqual(parts.flat());
        expect(c.schema).toEqual(stores[0]!.schema);
      }),
      PARAMS,
    );
  });
});
