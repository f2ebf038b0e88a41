import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RecordStore } from '../../src/record-store.js';
import { categorical } from '../../src/categorical.js';

// Multi-key groupBy against a Map-based reference: the dense combined key (small id products), the typed
// hash table (products past max(rows, 65536): wide int and float keys), the small-integer-range ids, and
// missing keys (null category, NaN, a null in a nullable int key) dropped; a nullable value field whose nulls
// every aggregate skips (pandas' nullable dtypes: sum 0, count of values, mean null for an all-null group).

const SCHEMA = {
  c: 'category',
  d: 'category',
  s: 'int8',
  w: 'int32',
  f: 'float64',
  x: 'float64',
  m: { type: 'int16', nullable: true },
  y: { type: 'float64', nullable: true },
} as const;
type Row = { c: string | null; d: string | null; s: number; w: number; f: number; x: number; m: number | null; y: number | null };
type Key = 'c' | 'd' | 's' | 'w' | 'f' | 'm';

const rowArb: fc.Arbitrary<Row> = fc.record({
  c: fc.constantFrom('a', 'b', 'c', null),
  d: fc.oneof(
    fc.integer({ min: 0, max: 400 }).map((i) => `d${i}`),
    fc.constant(null),
  ),
  s: fc.integer({ min: -128, max: 127 }),
  w: fc.oneof(fc.integer({ min: -2e9, max: 2e9 }), fc.integer({ min: 0, max: 3 })),
  f: fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom(NaN, 0.5, -0)),
  x: fc.integer({ min: -1000, max: 1000 }),
  m: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(null)),
  y: fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant(0.25), fc.constant(null), fc.constant(null)),
});

const keysArb: fc.Arbitrary<Key[]> = fc.shuffledSubarray(['c', 'd', 's', 'w', 'f', 'm'] as Key[], { minLength: 2, maxLength: 4 }).map((k) => k as Key[]);

function reference(rows: readonly Row[], keys: readonly Key[], cats: Record<'c' | 'd', readonly string[]>) {
  const rank = (k: Key, v: unknown): number => (k === 'c' || k === 'd' ? cats[k].indexOf(v as string) : (v as number));
  const groups = new Map<string, { key: unknown[]; n: number; sx: number; firstX: number; ny: number; sy: number }>();
  for (const r of rows) {
    const key = keys.map((k) => (Object.is(r[k], -0) ? 0 : r[k]));
    if (key.some((v) => v === null || v !== v)) continue;
    const id = JSON.stringify(key);
    const g = groups.get(id);
    const ny = r.y === null ? 0 : 1;
    const sy = r.y ?? 0;
    if (g) {
      g.n++;
      g.sx += r.x;
      g.ny += ny;
      g.sy += sy;
    } else groups.set(id, { key, n: 1, sx: r.x, firstX: r.x, ny, sy });
  }
  return [...groups.values()].sort((a, b) => {
    for (let t = 0; t < keys.length; t++) {
      const x = rank(keys[t]!, a.key[t]);
      const y = rank(keys[t]!, b.key[t]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}

describe('groupBy over several keys', () => {
  test('equals a Map-based reference (dense, hashed, small-range and missing keys)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 600 }), keysArb, (rows, keys) => {
        const s = RecordStore.fromObjects(rows, SCHEMA);
        const cats = { c: s.column('c').categories as string[], d: s.column('d').categories as string[] };
        const want = reference(rows, keys, cats);
        const g = s.groupBy(keys).agg({ n: ['count'], sx: ['sum', 'x'], fx: ['first', 'x'], ny: ['count', 'y'], sy: ['sum', 'y'], my: ['mean', 'y'] });
        const got = g.toObjects() as Record<string, unknown>[];
        expect(got.length).toBe(want.length);
        for (let i = 0; i < want.length; i++) {
          const w = want[i]!;
          const r = got[i]!;
          expect(keys.map((k) => (Object.is(r[k], -0) ? 0 : r[k]))).toEqual(w.key);
          expect([r.n, r.sx, r.fx, r.ny, r.sy]).toEqual([w.n, w.sx, w.firstX, w.ny, w.sy]);
          expect(r.my).toBe(w.ny === 0 ? null : w.sy / w.ny);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('any subset of aggregates, in any order, over one or two keys finds the same groups and row-order sums (NaN and -0 values, no count first)', () => {
    // The sum and count kernels take four rows at a time when their ids differ (group-kernels.ts): the sums
    // must still be the row-order sums, bit for bit, with few groups (c: ids repeat within four rows) and many.
    // Two dense keys learn which combinations occur from their first sum or count: a NaN or -0 value makes
    // the sums unable to tell (they fall back to one marking pass), and min/first alone make the same pass.
    // A mean makes a field's sum and count in one pass, whose counts serve as the row count when no value is NaN.
    const ops = [
      ['sf', ['sum', 'f']],
      ['mf', ['mean', 'f']],
      ['cf', ['count', 'f']],
      ['sx', ['sum', 'x']],
      ['mx', ['mean', 'x']],
      ['lo', ['min', 'f']],
      ['fx', ['first', 'x']],
      ['n', ['count']],
    ] as const;
    const specArb = fc.shuffledSubarray([...ops], { minLength: 1 });
    const twoKeys = fc.shuffledSubarray(['c', 'd', 's', 'm'] as Key[], { minLength: 1, maxLength: 2 });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 300 }), twoKeys, specArb, (rows, keys, spec) => {
        const s = RecordStore.fromObjects(rows, SCHEMA);
        const groups = new Map<string, { key: unknown[]; vals: number[]; xs: number[] }>();
        for (const r of rows) {
          const key = keys.map((k) => r[k]);
          if (key.some((v) => v === null)) continue;
          const id = JSON.stringify(key);
          const g = groups.get(id) ?? { key, vals: [], xs: [] };
          groups.set(id, g);
          g.vals.push(r.f);
          g.xs.push(r.x);
        }
        const got = s.groupBy(keys).agg(Object.fromEntries(spec) as never);
        expect(got.length).toBe(groups.size);
        const byKey = new Map((got.toObjects() as Record<string, number>[]).map((r) => [JSON.stringify(keys.map((k) => r[k])), r]));
        for (const [id, g] of groups) {
          const r = byKey.get(id)!;
          expect(r).toBeDefined();
          const fs = g.vals.filter((v) => v === v);
          const sum = fs.reduce((a, v) => a + v, 0);
          const want: Record<string, number> = {
            sf: sum,
            mf: fs.length === 0 ? NaN : sum / fs.length,
            cf: fs.length,
            sx: g.xs.reduce((a, v) => a + v, 0),
            mx: g.xs.reduce((a, v) => a + v, 0) / g.xs.length,
            lo: fs.length === 0 ? NaN : fs.reduce((a, v) => (v < a ? v : a)),
            fx: g.xs[0]!,
            n: g.vals.length,
          };
          for (const [name] of spec) expect(Object.is(r[name], want[name]) || (name === 'lo' && r[name] === want[name])).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('a wide product takes the hash path and still sorts groups lexicographically', () => {
    // 70 000 rows, two keys of ~70 000 distinct values each: the product passes max(rows, 65536).
    const n = 70_000;
    const a = new Int32Array(n);
    const b = new Float64Array(n);
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      a[i] = (i * 7919) % 50_021; // 50 021 distinct values, not a small range relative to the sort
      b[i] = ((i * 104_729) % 65_537) / 4;
      x[i] = i % 13;
    }
    a[5] = -2_000_000_000; // widens a's range past the small-range ids
    const s = RecordStore.fromColumns({ a, b, x }, { a: 'int32', b: 'float64', x: 'float64' });
    const g = s.groupBy(['a', 'b']).agg({ n: ['count'], sx: ['sum', 'x'] });
    const m = new Map<string, { a: number; b: number; n: number; sx: number }>();
    for (let i = 0; i < n; i++) {
      const id = `${a[i]}|${b[i]}`;
      const e = m.get(id);
      if (e) {
        e.n++;
        e.sx += x[i]!;
      } else m.set(id, { a: a[i]!, b: b[i]!, n: 1, sx: x[i]! });
    }
    const want = [...m.values()].sort((p, q) => p.a - q.a || p.b - q.b);
    expect(g.length).toBe(want.length);
    expect(Array.from(g.column('a'))).toEqual(want.map((w) => w.a));
    expect(Array.from(g.column('b'))).toEqual(want.map((w) => w.b));
    expect(Array.from(g.column('n'))).toEqual(want.map((w) => w.n));
    expect(Array.from(g.column('sx'))).toEqual(want.map((w) => w.sx));
  });

  test("the store's category codes are not modified by grouping", () => {
    const s = RecordStore.fromObjects(
      [
        { k: 'b', j: 'y' },
        { k: 'a', j: 'x' },
        { k: 'b', j: 'x' },
      ],
      { k: 'category', j: 'category' },
    );
    const before = [Array.from(s.column('k').codes), Array.from(s.column('j').codes)];
    expect(
      s
        .groupBy(['k', 'j'])
        .agg({ n: ['count'] })
        .toObjects(),
    ).toEqual([
      { k: 'b', j: 'y', n: 1 },
      { k: 'b', j: 'x', n: 1 },
      { k: 'a', j: 'x', n: 1 },
    ]);
    expect([Array.from(s.column('k').codes), Array.from(s.column('j').codes)]).toEqual(before);
  });

  test('sum, mean and count through the reused sum-and-count table: small, larger (the table grows), beyond the kept size (a new table), small again, and two keys', () => {
    for (const groups of [10, 5000, 3, 70_000, 140_000, 12]) {
      const n = 2 * groups + 7;
      const k = Int32Array.from({ length: n }, (_, i) => (i * 7919) % groups);
      const x = Float64Array.from({ length: n }, (_, i) => (i % 13) - 6);
      const s = RecordStore.fromColumns({ k, x }, { k: 'int32', x: 'float64' });
      const g = s.groupBy('k').agg({ sx: ['sum', 'x'], mx: ['mean', 'x'], n: ['count'] });
      const sum = new Float64Array(groups);
      const cnt = new Float64Array(groups);
      for (let i = 0; i < n; i++) {
        sum[k[i]!] = sum[k[i]!]! + x[i]!;
        cnt[k[i]!] = cnt[k[i]!]! + 1;
      }
      expect(Array.from(g.column('sx'))).toEqual(Array.from(sum));
      expect(Array.from(g.column('n'))).toEqual(Array.from(cnt));
      expect(Array.from(g.column('mx'))).toEqual(Array.from(sum, (v, j) => v / cnt[j]!));
    }
    const two = RecordStore.fromColumns(
      { a: categorical(['p', 'q', 'p', 'q', 'p']), b: categorical(['u', 'u', 'v', 'u', 'u']), x: Float64Array.from([1, 2, 3, 4, 5]) },
      { a: 'category', b: 'category', x: 'float64' },
    );
    expect(
      two
        .groupBy(['a', 'b'])
        .agg({ mx: ['mean', 'x'], n: ['count'] })
        .toObjects(),
    ).toEqual([
      { a: 'p', b: 'u', mx: 3, n: 2 },
      { a: 'p', b: 'v', mx: 3, n: 1 },
      { a: 'q', b: 'u', mx: 3, n: 2 },
    ]);
  });

  test('two category keys: the key columns are made from the combined ids (categories, order, code width kept; nothing shared with the store)', () => {
    const k = categorical(['z', 'y', 'x', 'y', 'z', null], { categories: ['x', 'y', 'z', 'w'], ordered: true });
    const names = Array.from({ length: 300 }, (_, i) => `c${i}`); // Int16 codes
    const j = categorical(['c299', 'c0', 'c299', 'c1', null, 'c0'], { categories: names });
    const s = RecordStore.fromColumns({ k, j, x: Float64Array.from([1, 2, 3, 4, 5, 6]) }, { k: 'category', j: 'category', x: 'float64' });
    const g = s.groupBy(['k', 'j']).agg({ sx: ['sum', 'x'], n: ['count'], first: ['first', 'x'] });
    expect(g.toObjects()).toEqual([
      { k: 'x', j: 'c299', sx: 3, n: 1, first: 3 },
      { k: 'y', j: 'c0', sx: 2, n: 1, first: 2 },
      { k: 'y', j: 'c1', sx: 4, n: 1, first: 4 },
      { k: 'z', j: 'c299', sx: 1, n: 1, first: 1 },
    ]);
    const gk = g.column('k');
    const gj = g.column('j');
    expect([gk.categories, gk.ordered, gk.codes.constructor, gj.codes.constructor]).toEqual([['x', 'y', 'z', 'w'], true, Int8Array, Int16Array]);
    expect(gj.categories).toEqual(names);
    gk.set(0, 'x');
    gk.addCategories(['v']);
    expect([s.column('k').get(1), s.column('k').categories.length]).toEqual(['y', 4]);
    // every combination observed (no compaction): the same path with all of them
    const full = RecordStore.fromObjects(
      [
        { a: 'p', b: 'q', x: 1 },
        { a: 'p', b: 'r', x: 2 },
        { a: 's', b: 'q', x: 3 },
        { a: 's', b: 'r', x: 4 },
      ],
      { a: 'category', b: 'category', x: 'float64' },
    );
    expect(
      full
        .groupBy(['a', 'b'])
        .agg({ sx: ['sum', 'x'] })
        .toObjects(),
    ).toEqual([
      { a: 'p', b: 'q', sx: 1 },
      { a: 'p', b: 'r', sx: 2 },
      { a: 's', b: 'q', sx: 3 },
      { a: 's', b: 'r', sx: 4 },
    ]);
  });
});
