/**
 * The verbs after loading (where/masks, valueCounts, nlargest/nsmallest, derive/assign, concat, join,
 * writeCsv) against plain-array models on random data with nulls (missing categories, NaN) and repeated keys.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { maskAnd, maskNot, maskOr, RecordStore, type WhereOp } from '../../src/record-store.js';
import { readCsv, writeCsv } from '../../src/pipeline.js';

const SCHEMA = { k: 'category', j: 'category', x: 'int16', y: 'float64' } as const;
type Row = { k: string | null; j: string | null; x: number; y: number };

const rowArb: fc.Arbitrary<Row> = fc.record({
  k: fc.constantFrom('a', 'b', 'c', 'dd', null),
  j: fc.constantFrom('p', 'q', null),
  x: fc.integer({ min: -5, max: 5 }),
  y: fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.constant(NaN), fc.integer({ min: -3, max: 3 })),
});
const rowsArb = fc.array(rowArb, { maxLength: 60 });
const PARAMS = { numRuns: 150, seed: 20261203 };

function store(rows: readonly Row[]): RecordStore<typeof SCHEMA> {
  return RecordStore.fromObjects(rows, SCHEMA);
}
const same = (a: unknown, b: unknown): boolean => Object.is(a, b) || a === b;
const isNull = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isNaN(v));

function modelWhere(rows: readonly Row[], f: keyof Row, op: WhereOp, v: unknown): number[] {
  return rows.map((r) => {
    const x = r[f] as number | null;
    switch (op) {
      case 'isNull':
        return isNull(x) ? 1 : 0;
      case 'notNull':
        return isNull(x) ? 0 : 1;
      case 'in':
        return !isNull(x) && (v as unknown[]).includes(x) ? 1 : 0;
      case '==':
        return x === v ? 1 : 0;
      case '!=':
        return x !== v ? 1 : 0;
      case '<':
        return x !== null && x < (v as number) ? 1 : 0;
      case '<=':
        return x !== null && x <= (v as number) ? 1 : 0;
      case '>':
        return x !== null && x > (v as number) ? 1 : 0;
      default:
        return x !== null && x >= (v as number) ? 1 : 0;
    }
  });
}

describe('where and the mask algebra', () => {
  test('numeric and category masks equal the row-by-row model', () => {
    fc.assert(
      fc.property(rowsArb, fc.constantFrom<WhereOp>('==', '!=', '<', '<=', '>', '>=', 'in', 'isNull', 'notNull'), fc.integer({ min: -4, max: 4 }), (rows, op, v) => {
        const s = store(rows);
        for (const f of ['x', 'y'] as const) {
          const val = op === 'in' ? [v, v + 1] : v;
          expect([...s.where(f, op, val)]).toEqual(modelWhere(rows, f, op, val));
        }
        if (op === '==' || op === '!=' || op === 'in' || op === 'isNull' || op === 'notNull') {
          const val = op === 'in' ? ['a', 'dd', 'zz'] : 'b';
          expect([...s.where('k', op, val)]).toEqual(modelWhere(rows, 'k', op, val));
        }
      }),
      PARAMS,
    );
  });

  test('and/or/not, then filter(mask), equal the model filter', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: -4, max: 4 }), (rows, v) => {
        const s = store(rows);
        const a = s.where('x', '>', v);
        const b = s.where('k', '==', 'a');
        const both = s.filter(maskAnd(a, b)).toObjects();
        expect(both).toEqual(rows.filter((r) => r.x > v && r.k === 'a'));
        const either = s.filter(maskOr(a, b, s.where('y', 'isNull'))).toObjects();
        expect(either.length).toBe(rows.filter((r) => r.x > v || r.k === 'a' || Number.isNaN(r.y)).length);
        expect(s.filter(maskNot(a)).length).toBe(rows.filter((r) => !(r.x > v)).length);
      }),
      PARAMS,
    );
  });
});

describe('valueCounts', () => {
  test('counts of key combinations equal a Map count, most frequent first', () => {
    fc.assert(
      fc.property(rowsArb, fc.boolean(), (rows, dropna) => {
        const s = store(rows);
        const vc = s.valueCounts(['k', 'j'], { dropna }).toObjects() as { k: string | null; j: string | null; count: number }[];
        const model = new Map<string, number>();
        for (const r of rows) {
          if (dropna && (r.k === null || r.j === null)) continue;
          const id = JSON.stringify([r.k, r.j]);
          model.set(id, (model.get(id) ?? 0) + 1);
        }
        expect(new Map(vc.map((o) => [JSON.stringify([o.k, o.j]), o.count]))).toEqual(model);
        for (let g = 1; g < vc.length; g++) expect(vc[g - 1]!.count).toBeGreaterThanOrEqual(vc[g]!.count);
        // ties keep groupBy's key order (the two-key one-pass count and the groupBy path agree row for row)
        const viaGroupBy = s
          .groupBy(['k', 'x'])
          .agg({ count: ['count'] })
          .sortBy('count', { descending: true });
        expect(s.valueCounts(['k', 'x']).toObjects()).toEqual(viaGroupBy.toObjects());
        expect(s.valueCounts(['k', 'x']).schema).toEqual(viaGroupBy.schema);
        const norm = s.valueCounts('x', { normalize: true }).toObjects() as { proportion: number }[];
        if (rows.length > 0) expect(norm.reduce((t, o) => t + o.proportion, 0)).toBeCloseTo(1, 10);
      }),
      PARAMS,
    );
  });
});

describe('valueCounts of two keys in one pass', () => {
  // The one-pass pair count sorts by count with a counting sort when the largest count is small against the
  // number of combinations (the usual case), else with a radix sort: both keep ties in key order. Its count
  // table is reused from call to call: counts of one store must not leak into the next.
  test.each([
    ['counting sort (small counts)', 3],
    ['radix sort (a few combinations with large counts)', 4000],
  ])('%s equals groupBy + sortBy, category and integer keys', (_name, copies) => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const many = Array.from({ length: copies }, () => rows).flat();
        const s = store(many);
        for (const keys of [
          ['k', 'j'],
          ['j', 'x'],
          ['x', 'k'],
        ] as const) {
          const viaGroupBy = s
            .groupBy([...keys])
            .agg({ count: ['count'] })
            .sortBy('count', { descending: true });
          expect(s.valueCounts([...keys]).toObjects()).toEqual(viaGroupBy.toObjects());
        }
      }),
      { ...PARAMS, numRuns: copies > 100 ? 15 : 100 },
    );
  });
});

describe('nlargest / nsmallest', () => {
  test('equal a stable sort (NaN dropped) then the first n', () => {
    fc.assert(
      fc.property(rowsArb, fc.nat(12), (rows, n) => {
        const s = store(rows);
        const idx = rows.map((r, i) => [r, i] as const).filter(([r]) => !Number.isNaN(r.y));
        const desc = [...idx]
          .sort((a, b) => b[0].y - a[0].y || a[1] - b[1])
          .slice(0, n)
          .map(([r]) => r);
        const asc = [...idx]
          .sort((a, b) => a[0].y - b[0].y || a[1] - b[1])
          .slice(0, n)
          .map(([r]) => r);
        expect(s.nlargest(n, 'y').toObjects()).toEqual(desc);
        expect(s.nsmallest(n, 'y').toObjects()).toEqual(asc);
        const byX = [...rows.map((r, i) => [r, i] as const)]
          .sort((a, b) => b[0].x - a[0].x || a[1] - b[1])
          .slice(0, n)
          .map(([r]) => r);
        expect(s.nlargest(n, 'x').toObjects()).toEqual(byX);
      }),
      PARAMS,
    );
  });
});

describe('nlargest / nsmallest over nullable and 64-bit fields', () => {
  test('null rows never qualify; bigint values rank as numbers; ties keep row order', () => {
    const sch = { v: { type: 'int32', nullable: true }, b: 'int64' } as const;
    const arb = fc.array(fc.record({ v: fc.option(fc.integer({ min: -4, max: 4 }), { freq: 3 }), b: fc.bigInt({ min: -3n, max: 3n }) }), { maxLength: 50 });
    fc.assert(
      fc.property(arb, fc.nat(12), (rows, n) => {
        const s = RecordStore.fromObjects(rows, sch);
        const at = rows.map((r, i) => [r, i] as const);
        const top = (key: (r: (typeof rows)[number]) => number | null, sign: number) =>
          at
            .filter(([r]) => key(r) !== null)
            .sort((a, b) => sign * (key(a[0])! - key(b[0])!) || a[1] - b[1])
            .slice(0, n)
            .map(([, i]) => i);
        const rowsOf = (t: RecordStore<typeof sch>) => t.toObjects().map((o) => [o.v, o.b]);
        const pick = (ix: number[]) => ix.map((i) => [rows[i]!.v, rows[i]!.b]);
        expect(rowsOf(s.nlargest(n, 'v'))).toEqual(pick(top((r) => r.v, -1)));
        expect(rowsOf(s.nsmallest(n, 'v'))).toEqual(pick(top((r) => r.v, 1)));
        expect(rowsOf(s.nlargest(n, 'b'))).toEqual(pick(top((r) => Number(r.b), -1)));
        expect(rowsOf(s.nsmallest(n, 'b'))).toEqual(pick(top((r) => Number(r.b), 1)));
      }),
      PARAMS,
    );
  });
});

describe('derive, assign, concat', () => {
  test('derive computes per row; assign adopts; concat stacks', () => {
    fc.assert(
      fc.property(rowsArb, rowsArb, (rows, more) => {
        const s = store(rows);
        const d = s.derive({ z: (r) => r.x * 2 + 1, tag: { type: 'category', fn: (r) => (r.x > 0 ? 'pos' : 'neg') } });
        expect(d.toObjects()).toEqual(rows.map((r) => ({ ...r, z: r.x * 2 + 1, tag: r.x > 0 ? 'pos' : 'neg' })));
        const w = new Int32Array(rows.length).map((_, i) => i * 3);
        const a = s.assign({ w, x: Float64Array.from(rows, (r) => r.x / 2) });
        expect(a.column('w')).toBe(w);
        expect(a.toObjects()).toEqual(rows.map((r, i) => ({ ...r, x: r.x / 2, w: i * 3 })));
        expect(a.fields).toEqual(['k', 'j', 'x', 'y', 'w']);
        const c = RecordStore.concat([s, store(more), s.head(2)]);
        expect(c.toObjects()).toEqual([...rows, ...more, ...rows.slice(0, 2)]);
      }),
      PARAMS,
    );
  });
});

describe('join', () => {
  // every how against a nested-loop model, over category, utf8 and numeric keys: concat-join.prop.test.ts
  test('numeric keys and several keys equal the model', () => {
    const arb = fc.array(fc.record({ p: fc.integer({ min: 0, max: 3 }), q: fc.constantFrom('x', 'y'), v: fc.integer({ min: 0, max: 9 }) }), { maxLength: 15 });
    fc.assert(
      fc.property(arb, arb, (left, right) => {
        const sch = { p: 'int32', q: 'category', v: 'int8' } as const;
        const got = RecordStore.fromObjects(left, sch)
          .join(RecordStore.fromObjects(right, sch), { on: ['p', 'q'] })
          .toObjects();
        const want = left.flatMap((l) => right.filter((r) => r.p === l.p && r.q === l.q).map((r) => ({ p: l.p, q: l.q, v_x: l.v, v_y: r.v })));
        expect(got).toEqual(want);
      }),
      PARAMS,
    );
  });
});

describe('writeCsv', () => {
  test('readCsv(writeCsv(s)) gives the same store', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 7 }), (rows, chunk) => {
        const s = store(rows);
        const text = writeCsv(s);
        const back = [...readCsv(text, { schema: SCHEMA, chunkSize: chunk })];
        const all = back.length === 0 ? [] : RecordStore.concat(back).toObjects();
        expect(all.length).toBe(rows.length);
        all.forEach((o, i) => {
          const r = rows[i]!;
          expect(o.k).toBe(r.k);
          expect(o.j).toBe(r.j);
          expect(o.x).toBe(r.x);
          expect(same(o.y, r.y)).toBe(true);
        });
        // chunks stream to the same text
        const chunks =
          s.length === 0
            ? [s]
            : Array.from({ length: Math.ceil(s.length / chunk) }, (_, c) => s.take(Array.from({ length: Math.min(chunk, s.length - c * chunk) }, (_, i) => c * chunk + i)));
        expect(writeCsv(chunks)).toBe(text);
      }),
      PARAMS,
    );
  });
});
