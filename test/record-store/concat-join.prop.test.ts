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
  d: fc.option(
    fc.integer({ min: 0, max: 3 }).map((k) => new Date(Date.UTC(2024, 0, 1 + k))),
    { nil: null },
  ),
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

type Key = string | number | null;
type L = { k: Key; a: number | null };
type R = { k: Key; b: string | null };
type J = { k: Key; a: number | null; b: string | null };

/** pandas merge as a plain nested loop: nulls never match; the side a row lacks is null. */
function modelJoin(left: readonly L[], right: readonly R[], how: 'inner' | 'left' | 'right' | 'outer'): J[] {
  const out: J[] = [];
  const eq = (x: Key, y: Key): boolean => x !== null && y !== null && x === y;
  if (how === 'right') {
    for (const r of right) {
      const ms = left.filter((l) => eq(l.k, r.k));
      if (ms.length === 0) out.push({ k: r.k, a: null, b: r.b });
      for (const l of ms) out.push({ k: r.k, a: l.a, b: r.b });
    }
    return out;
  }
  const matched = new Set<number>();
  for (const l of left) {
    const ms = right.map((r, i) => [r, i] as const).filter(([r]) => eq(l.k, r.k));
    if (ms.length === 0 && how !== 'inner') out.push({ k: l.k, a: l.a, b: null });
    for (const [r, i] of ms) {
      out.push({ k: l.k, a: l.a, b: r.b });
      matched.add(i);
    }
  }
  if (how === 'outer') right.forEach((r, i) => (matched.has(i) ? undefined : out.push({ k: r.k, a: null, b: r.b })));
  return out;
}

const STRING_KEYS = fc.constantFrom<Key>('a', 'b', 'é', '', null);
const NUMBER_KEYS = fc.constantFrom<Key>(-1, 0, 2, null);
const CASES = [
  { name: 'category × category', keys: STRING_KEYS, l: 'category', r: 'category', out: 'category' },
  { name: 'utf8 × utf8 (nullable)', keys: STRING_KEYS, l: { type: 'utf8', nullable: true }, r: { type: 'utf8', nullable: true }, out: { type: 'utf8', nullable: true } },
  { name: 'category × utf8', keys: STRING_KEYS, l: 'category', r: { type: 'utf8', nullable: true }, out: { type: 'utf8', nullable: true } },
  {
    name: 'int32 (nullable) × int32 (nullable)',
    keys: NUMBER_KEYS,
    l: { type: 'int32', nullable: true },
    r: { type: 'int32', nullable: true },
    out: { type: 'int32', nullable: true },
  },
  {
    name: 'int32 (nullable) × int16 (nullable)',
    keys: NUMBER_KEYS,
    l: { type: 'int32', nullable: true },
    r: { type: 'int16', nullable: true },
    out: { type: 'float64', nullable: true },
  },
] as const;

describe('join', () => {
  for (const c of CASES) {
    test(`${c.name}: every how equals the nested-loop model; unmatched fields are null of the same type`, () => {
      const lArb = fc.array(fc.record({ k: c.keys, a: fc.option(fc.integer({ min: -50, max: 50 }), { nil: null }) }), { maxLength: 14 });
      const rArb = fc.array(fc.record({ k: c.keys, b: fc.option(fc.constantFrom('x', 'y', 'ü'), { nil: null }) }), { maxLength: 14 });
      fc.assert(
        fc.property(lArb, rArb, fc.constantFrom('inner', 'left', 'right', 'outer' as const), (left, right, how) => {
          const ls = RecordStore.fromObjects(left, { k: c.l, a: { type: 'int16', nullable: true } } as never);
          const rs = RecordStore.fromObjects(right, { k: c.r, b: { type: 'utf8', nullable: true } } as never);
          const joined = ls.join(rs, { on: 'k', how });
          const got = joined.toObjects() as J[];
          const want = modelJoin(left, right, how);
          expect(joined.schema).toEqual({ k: c.out, a: { type: 'int16', nullable: true }, b: { type: 'utf8', nullable: true } });
          if (how === 'outer') {
            // sorted by key (stable, nulls last): compare as multisets, then check the key order
            const id = (o: J): string => JSON.stringify([o.k, o.a, o.b]);
            expect(got.map(id).sort()).toEqual(want.map(id).sort());
            const ks = got.map((o) => o.k);
            const nonNull = ks.filter((k) => k !== null);
            expect(nonNull).toEqual([...nonNull].sort((x, y) => (x! < y! ? -1 : x! > y! ? 1 : 0)));
            expect(ks.slice(nonNull.length).every((k) => k === null)).toBe(true);
          } else expect(got).toEqual(want);
        }),
        PARAMS,
      );
    });
  }

  test('an int32 field of the side a row lacks stays int32, nullable (not float64 NaN); a side with no rows', () => {
    const l = RecordStore.fromObjects(
      [
        { k: 'x', v: 1 },
        { k: 'y', v: 2 },
      ],
      { k: 'utf8', v: 'int32' },
    );
    const r = RecordStore.fromObjects([{ k: 'y', w: 5n, d: new Date(Date.UTC(2024, 1, 3)) }], { k: 'utf8', w: 'int64', d: 'date' });
    const j = l.join(r, { on: 'k', how: 'outer' });
    expect(j.schema).toEqual({ k: 'utf8', v: 'int32', w: { type: 'int64', nullable: true }, d: { type: 'date', nullable: true } });
    expect(j.toObjects()).toEqual([
      { k: 'x', v: 1, w: null, d: null },
      { k: 'y', v: 2, w: 5n, d: new Date(Date.UTC(2024, 1, 3)) },
    ]);
    const none = l.join(r.head(0), { on: 'k', how: 'left' });
    expect(none.toObjects()).toEqual([
      { k: 'x', v: 1, w: null, d: null },
      { k: 'y', v: 2, w: null, d: null },
    ]);
  });
});
