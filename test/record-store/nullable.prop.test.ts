/**
 * Property tests of nullable numeric fields against a model `Array<number | null>`, and of utf8 fields
 * against `string[]` with random Unicode (surrogate pairs, combining marks, empty strings), through
 * push/set/remove/filter/sortBy/groupBy (issue 12).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RecordStore, recordStore } from '../../src/record-store.js';

type Op = { t: 'push'; k: number; v: number | null } | { t: 'set'; i: number; v: number | null } | { t: 'remove'; i: number };

const value = (float: boolean): fc.Arbitrary<number | null> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 4, arbitrary: float ? fc.integer({ min: -1000, max: 1000 }).map((x) => x / 4) : fc.integer({ min: -1000, max: 1000 }) },
  );

const ops = (float: boolean): fc.Arbitrary<Op[]> =>
  fc.array(
    fc.oneof(
      { weight: 5, arbitrary: fc.record({ t: fc.constant('push' as const), k: fc.integer({ min: 0, max: 3 }), v: value(float) }) },
      { weight: 2, arbitrary: fc.record({ t: fc.constant('set' as const), i: fc.nat(), v: value(float) }) },
      { weight: 1, arbitrary: fc.record({ t: fc.constant('remove' as const), i: fc.nat() }) },
    ),
    { maxLength: 60 },
  );

/** pandas' nullable-dtype aggregates over one group's values (nulls skipped). */
function modelAgg(vals: (number | null)[]) {
  const ok = vals.filter((v): v is number => v !== null);
  return {
    sum: ok.reduce((a, b) => a + b, 0),
    cnt: ok.length,
    rows: vals.length,
    mean: ok.length === 0 ? null : ok.reduce((a, b) => a + b, 0) / ok.length,
    lo: ok.length === 0 ? null : Math.min(...ok),
    hi: ok.length === 0 ? null : Math.max(...ok),
  };
}

/** Stable sort with nulls last in both directions, as sortBy. */
function modelSort(vals: (number | null)[], descending: boolean): (number | null)[] {
  const nonNull = vals.filter((v) => v !== null) as number[];
  const sorted = nonNull.map((v, j) => [v, j] as const).sort((a, b) => (a[0] !== b[0] ? (descending ? b[0] - a[0] : a[0] - b[0]) : a[1] - b[1]));
  return [...sorted.map(([v]) => v), ...vals.filter((v) => v === null)];
}

describe('nullable numeric fields vs Array<number | null>', () => {
  for (const type of ['int32', 'float64', 'uint8'] as const) {
    test(`${type}: push/set/remove/filter/sortBy/groupBy`, () => {
      const float = type === 'float64';
      fc.assert(
        fc.property(ops(float), (script) => {
          const s = recordStore({ k: 'int8', v: { type, nullable: true } });
          const mk: number[] = [];
          const mv: (number | null)[] = [];
          const fit = (v: number | null): number | null => (v === null || type !== 'uint8' ? v : Math.abs(v) % 256);
          for (const op of script) {
            if (op.t === 'push') {
              s.push({ k: op.k, v: fit(op.v) });
              mk.push(op.k);
              mv.push(fit(op.v));
            } else if (mv.length > 0) {
              const i = op.i % mv.length;
              if (op.t === 'set') {
                s.set(i, { v: fit(op.v) });
                mv[i] = fit(op.v);
              } else {
                s.remove(i);
                mk.splice(i, 1);
                mv.splice(i, 1);
              }
            }
          }
          expect(s.toObjects().map((o) => o.v)).toEqual(mv);
          expect(s.nullCount('v')).toBe(mv.filter((v) => v === null).length);
          // a null's slot holds 0
          const col = s.column('v') as ArrayLike<number>;
          mv.forEach((v, i) => v === null && expect(col[i]).toBe(0));
          expect(
            s
              .filter((r) => r.v !== null && r.v > 0)
              .toObjects()
              .map((o) => o.v),
          ).toEqual(mv.filter((v) => v !== null && v > 0));
          expect(s.filter((r) => r.v === null).length).toBe(mv.filter((v) => v === null).length);
          expect(
            s
              .sortBy('v')
              .toObjects()
              .map((o) => o.v),
          ).toEqual(modelSort(mv, false));
          expect(
            s
              .sortBy('v', { descending: true })
              .toObjects()
              .map((o) => o.v),
          ).toEqual(modelSort(mv, true));
          const got = s
            .groupBy('k')
            .agg({ sum: ['sum', 'v'], cnt: ['count', 'v'], rows: ['count'], mean: ['mean', 'v'], lo: ['min', 'v'], hi: ['max', 'v'] })
            .toObjects();
          const keys = [...new Set(mk)].sort((a, b) => a - b);
          expect(got).toEqual(keys.map((k) => ({ k, ...modelAgg(mv.filter((_, i) => mk[i] === k)) })));
          // grouping by the nullable field drops its null rows (dropna=True)
          const byV = s
            .groupBy('v')
            .agg({ n: ['count'] })
            .toObjects();
          const distinct = [...new Set(mv.filter((v): v is number => v !== null))].sort((a, b) => a - b);
          expect(byV).toEqual(distinct.map((v) => ({ v, n: mv.filter((x) => x === v).length })));
        }),
        { numRuns: 80 },
      );
    });
  }

  test('adopted {values, validity} whose null slots hold anything: sum, mean and count skip them', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ k: fc.integer({ min: 0, max: 4 }), v: fc.double({ noNaN: true, min: -1e6, max: 1e6 }), ok: fc.boolean() }), { minLength: 1, maxLength: 200 }),
        (rows) => {
          const n = rows.length;
          const values = Float64Array.from(rows, (r) => r.v); // null rows keep their (garbage) value
          const validity = new Uint8Array((n + 7) >> 3);
          rows.forEach((r, i) => {
            if (r.ok) validity[i >> 3]! |= 1 << (i & 7);
          });
          const s = RecordStore.fromColumns(
            { k: Int8Array.from(rows, (r) => r.k), v: { values, validity } } as never,
            { k: 'int8', v: { type: 'float64', nullable: true } } as never,
          );
          const got = s
            .groupBy('k')
            .agg({ sum: ['sum', 'v'], cnt: ['count', 'v'], mean: ['mean', 'v'] })
            .toObjects();
          const keys = [...new Set(rows.map((r) => r.k))].sort((a, b) => a - b);
          const want = keys.map((k) => {
            const m = modelAgg(rows.filter((r) => r.k === k).map((r) => (r.ok ? r.v : null)));
            return { k, sum: m.sum, cnt: m.cnt, mean: m.mean };
          });
          expect(got.length).toBe(want.length);
          got.forEach((g, j) => {
            expect(g.k).toBe(want[j]!.k);
            expect(g.cnt).toBe(want[j]!.cnt);
            expect(g.sum).toBeCloseTo(want[j]!.sum, 6);
            if (want[j]!.mean === null) expect(g.mean).toBeNull();
            else expect(g.mean).toBeCloseTo(want[j]!.mean!, 6);
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});

/** Strings from code points that stress UTF-8: ASCII, 2- and 3-byte letters, combining marks, astral (surrogate pairs), and ''. */
const text = fc.oneof(
  { weight: 1, arbitrary: fc.constant('') },
  {
    weight: 6,
    arbitrary: fc
      .array(fc.constantFrom('a', 'Z', ' ', 'é', 'e\u0301', '\u0301', 'ß', '中', '日本', '😀', '𝄞', '\u{10FFFF}', '\uFFFD', 'Å', 'A\u030A'), { maxLength: 5 })
      .map((xs) => xs.join('')),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
);

/** Code-point order (UTF-8 byte order), the order utf8 sortBy and groupBy use. */
function cpCompare(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

describe('utf8 fields vs string[] with random Unicode', () => {
  test('push/set/remove/column/eq/filter/sortBy/groupBy', () => {
    const tOps = fc.array(
      fc.oneof(
        { weight: 5, arbitrary: fc.record({ t: fc.constant('push' as const), s: fc.option(text, { freq: 6 }) }) },
        { weight: 2, arbitrary: fc.record({ t: fc.constant('set' as const), i: fc.nat(), s: fc.option(text, { freq: 6 }) }) },
        { weight: 1, arbitrary: fc.record({ t: fc.constant('remove' as const), i: fc.nat() }) },
      ),
      { maxLength: 50 },
    );
    fc.assert(
      fc.property(tOps, (script) => {
        const s = recordStore({ w: { type: 'utf8', nullable: true } });
        const m: (string | null)[] = [];
        for (const op of script) {
          if (op.t === 'push') {
            s.push({ w: op.s });
            m.push(op.s);
          } else if (m.length > 0) {
            const i = op.i % m.length;
            if (op.t === 'set') {
              s.setField(i, 'w', op.s);
              m[i] = op.s;
            } else {
              s.remove(i);
              m.splice(i, 1);
            }
          }
        }
        expect(s.toObjects().map((o) => o.w)).toEqual(m);
        const col = s.column('w');
        expect(Array.from({ length: col.length }, (_, i) => col.get(i))).toEqual(m);
        const enc = new TextEncoder();
        expect(col.offsets[m.length]).toBe(m.reduce((a, x) => a + (x === null ? 0 : enc.encode(x).length), 0));
        const probe = m[0];
        if (probe !== undefined && probe !== null) {
          expect(Array.from(col.eq(probe))).toEqual(m.map((x) => (x === probe ? 1 : 0)));
          expect(s.filter((r) => r.w === probe).length).toBe(m.filter((x) => x === probe).length);
        }
        const nonNull = m.filter((x): x is string => x !== null);
        const nulls = m.filter((x) => x === null);
        const asc = nonNull
          .map((x, j) => [x, j] as const)
          .sort((a, b) => cpCompare(a[0], b[0]) || a[1] - b[1])
          .map(([x]) => x);
        expect(
          s
            .sortBy('w')
            .toObjects()
            .map((o) => o.w),
        ).toEqual([...asc, ...nulls]);
        const counts = new Map<string, number>();
        for (const x of nonNull) counts.set(x, (counts.get(x) ?? 0) + 1);
        const want = [...counts].sort((a, b) => cpCompare(a[0], b[0])).map(([w, n]) => ({ w, n }));
        expect(
          s
            .groupBy('w')
            .agg({ n: ['count'] })
            .toObjects(),
        ).toEqual(want);
      }),
      { numRuns: 120 },
    );
  });
});
