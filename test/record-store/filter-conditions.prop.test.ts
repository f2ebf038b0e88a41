/**
 * `filter([[field, op, value], …])`, the fused conjunction, against a plain row-by-row model: every field kind
 * (category, int16, float64 with NaN, nullable int32, nullable utf8, bool, date), every operator, one to three
 * conditions, stores that span several 4096-row blocks (block edges, a last partial block), and the bad inputs.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AttributeError, ValueError } from '../../src/errors.js';
import { maskAnd, RecordStore, type Condition, type WhereOp } from '../../src/record-store.js';
import { throwsLike } from '../_support/throws.js';

const SCHEMA = {
  k: 'category',
  x: 'int16',
  y: 'float64',
  n: { type: 'int32', nullable: true },
  s: { type: 'utf8', nullable: true },
  b: 'bool',
  d: 'date',
} as const;
type Row = { k: string | null; x: number; y: number; n: number | null; s: string | null; b: boolean; d: number };
type Field = keyof Row;

const rowArb: fc.Arbitrary<Row> = fc.record({
  k: fc.constantFrom('a', 'b', 'c', null),
  x: fc.integer({ min: -5, max: 5 }),
  y: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(NaN), fc.double({ min: -4, max: 4, noNaN: true })),
  n: fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }),
  s: fc.option(fc.constantFrom('', 'p', 'qq', 'é'), { nil: null }),
  b: fc.boolean(),
  d: fc.integer({ min: 0, max: 4 }),
});

const isNullValue = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isNaN(v));

/** Whether one row's value satisfies `op value` (a null never compares; `!=` holds for NaN and missing categories, as pandas). */
function holds(f: Field, x: unknown, op: WhereOp, v: unknown): boolean {
  const num = (u: unknown): unknown => (typeof u === 'boolean' ? +u : u);
  const a = num(x);
  switch (op) {
    case 'isNull':
      return isNullValue(x);
    case 'notNull':
      return !isNullValue(x);
    case 'in':
      return !isNullValue(x) && (v as unknown[]).map(num).includes(a);
    case '==':
      return !isNullValue(x) && a === num(v);
    case '!=':
      // nullable fields: a comparison with <NA> is <NA> (dropped); NaN and missing categories are != anything.
      return f === 'n' || f === 's' ? x !== null && a !== num(v) : a !== num(v);
    default: {
      if (isNullValue(x)) return false;
      const l = a as number;
      const r = num(v) as number;
      return op === '<' ? l < r : op === '<=' ? l <= r : op === '>' ? l > r : l >= r;
    }
  }
}

const OPS_BY_FIELD: Record<Field, readonly WhereOp[]> = {
  k: ['==', '!=', 'in', 'isNull', 'notNull'],
  x: ['==', '!=', '<', '<=', '>', '>=', 'in', 'isNull', 'notNull'],
  y: ['==', '!=', '<', '<=', '>', '>=', 'in', 'isNull', 'notNull'],
  n: ['==', '!=', '<', '<=', '>', '>=', 'in', 'isNull', 'notNull'],
  s: ['==', '!=', 'in', 'isNull', 'notNull'],
  b: ['==', '!=', 'isNull', 'notNull'],
  d: ['==', '!=', '<', '<=', '>', '>=', 'in', 'isNull', 'notNull'],
};

const conditionArb: fc.Arbitrary<Condition<Field>> = fc
  .constantFrom<Field>('k', 'x', 'y', 'n', 's', 'b', 'd')
  .chain((f) => fc.tuple(fc.constant(f), fc.constantFrom(...OPS_BY_FIELD[f]), fc.integer({ min: -3, max: 4 }), fc.boolean()))
  .map(([f, op, i, flag]): Condition<Field> => {
    if (op === 'isNull' || op === 'notNull') return [f, op];
    const one = (j: number): unknown =>
      f === 'k' ? ['a', 'b', 'zz'][Math.abs(j) % 3] : f === 's' ? ['', 'p', 'é', 'x'][Math.abs(j) % 4] : f === 'b' ? j % 2 === 0 : f === 'd' ? Math.abs(j) : j;
    return [f, op, op === 'in' ? [one(i), one(i + 1)] : flag && f === 'y' ? i / 2 : one(i)];
  });

function model(rows: readonly Row[], conds: readonly Condition<Field>[]): Row[] {
  return rows.filter((r) => conds.every(([f, op, v]) => holds(f, r[f], op, v)));
}

function store(rows: readonly Row[]): RecordStore<typeof SCHEMA> {
  return RecordStore.fromObjects(rows, SCHEMA);
}

/** The store's rows as the model sees them (dates as day numbers). */
function plain(s: RecordStore<typeof SCHEMA>): unknown[] {
  return s.toObjects().map((r) => ({ ...r }));
}

describe('filter(conditions)', () => {
  test('equals the row-by-row model and filter(maskAnd(where…)) (small stores)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 70 }), fc.array(conditionArb, { minLength: 1, maxLength: 3 }), (rows, conds) => {
        const s = store(rows);
        const want = plain(store(model(rows, conds)));
        expect(plain(s.filter(conds))).toEqual(want);
        const masks = conds.map(([f, op, v]) => s.where(f, op, v));
        expect(plain(s.filter(masks.length === 1 ? masks[0]! : maskAnd(...masks)))).toEqual(want);
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });

  test('spans several blocks: rows on both sides of every block edge, a last partial block', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4090, max: 3 * 4096 + 9 }), fc.array(conditionArb, { minLength: 1, maxLength: 3 }), fc.integer(), (n, conds, seed) => {
        let r = seed >>> 0 || 1;
        const next = (): number => ((r = (Math.imul(r, 1103515245) + 12345) >>> 0) >>> 8) / 16777216;
        const rows: Row[] = [];
        const ks = ['a', 'b', 'c', null] as const;
        const ss = ['', 'p', 'qq', 'é', null] as const;
        for (let i = 0; i < n; i++) {
          rows.push({
            k: ks[Math.floor(next() * 4)]!,
            x: Math.floor(next() * 11) - 5,
            y: next() < 0.1 ? NaN : Math.floor(next() * 7) - 3,
            n: next() < 0.2 ? null : Math.floor(next() * 7) - 3,
            s: ss[Math.floor(next() * 5)]!,
            b: next() < 0.5,
            d: Math.floor(next() * 5),
          });
        }
        const s = store(rows);
        expect(plain(s.filter(conds))).toEqual(plain(store(model(rows, conds))));
      }),
      { numRuns: 25, seed: 20261204 },
    );
  });

  test('every row kept, none kept, and an empty store', () => {
    const s = RecordStore.fromColumns({ x: Int16Array.from({ length: 9000 }, (_, i) => i % 7) }, { x: 'int16' });
    expect(s.filter([['x', '>=', 0]]).length).toBe(9000);
    expect(s.filter([['x', '>', 6]]).length).toBe(0);
    expect([
      ...s
        .filter([
          ['x', '==', 3],
          ['x', '!=', 4],
        ])
        .column('x'),
    ]).toEqual(Array.from({ length: 9000 }, (_, i) => i % 7).filter((x) => x === 3));
    const empty = RecordStore.fromColumns({ x: new Int16Array(0) }, { x: 'int16' });
    expect(empty.filter([['x', '>', 1]]).length).toBe(0);
  });
});

describe('filter(conditions): bad input, checked before any row is read', () => {
  const s = store([{ k: 'a', x: 1, y: 2, n: null, s: 'p', b: true, d: 3 }]);
  test('unknown field, unknown operator, wrong value type, malformed condition', () => {
    throwsLike(
      () =>
        s.filter([
          ['x', '>', 0],
          ['nope' as 'x', '>', 1],
        ]),
      AttributeError,
      TypeError,
      /RecordStore.filter: no field "nope"/,
    );
    throwsLike(() => s.filter([['x', '=>' as WhereOp, 1]]), ValueError, RangeError, /unknown operator "=>"/);
    throwsLike(() => s.filter([['x', '>', '1']]), TypeError, TypeError, /> on int16 field "x" needs a number, got "1"/);
    throwsLike(() => s.filter([['k', '<', 'a']]), TypeError, TypeError, /unordered category/);
    throwsLike(() => s.filter([['s', '<', 'a']]), TypeError, TypeError, /utf8 fields compare with/);
    throwsLike(() => s.filter([['x', 'in', 3]]), TypeError, TypeError, /needs an array or Set/);
    throwsLike(() => s.filter([['x', '>', 0], 'y' as never]), TypeError, TypeError, /condition 1 must be \[field, op, value\]/);
    throwsLike(() => s.filter([['x']] as never), TypeError, TypeError, /condition 0 must be/);
  });
  test('an empty list is a mask (of the wrong length here), not "no conditions"', () => {
    throwsLike(() => s.filter([]), ValueError, RangeError, /mask length 0 does not match the store length 1/);
  });
});

describe('filter(conditions): the select and refine kernels of every dtype', () => {
  const DTYPES = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64'] as const;
  type DT = (typeof DTYPES)[number];
  const OPS: readonly WhereOp[] = ['==', '!=', '<', '<=', '>', '>=', 'in', 'isNull', 'notNull'];
  const CTORS = {
    int8: Int8Array,
    uint8: Uint8Array,
    int16: Int16Array,
    uint16: Uint16Array,
    int32: Int32Array,
    uint32: Uint32Array,
    float32: Float32Array,
    float64: Float64Array,
  };
  const isFloat = (t: DT): boolean => t === 'float32' || t === 'float64';

  /** Column `t` over `n` rows: small values (repeats), NaN in about a tenth of the float rows. */
  function column(t: DT, n: number, seed: number): ArrayLike<number | bigint> {
    let r = seed >>> 0 || 1;
    const next = (): number => ((r = (Math.imul(r, 1103515245) + 12345) >>> 0) >>> 8) / 16777216;
    const signed = !t.startsWith('u');
    const vals = Array.from({ length: n }, () => (isFloat(t) && next() < 0.1 ? NaN : Math.floor(next() * 7) - (signed ? 3 : 0)));
    if (t === 'int64') return BigInt64Array.from(vals, BigInt);
    if (t === 'uint64') return BigUint64Array.from(vals, BigInt);
    return CTORS[t].from(vals);
  }

  /** The model: one row's value against `op v` (NaN is null: it never compares, `!=` holds). */
  function holdsNum(x: number, op: WhereOp, v: unknown): boolean {
    const nan = Number.isNaN(x);
    switch (op) {
      case 'isNull':
        return nan;
      case 'notNull':
        return !nan;
      case 'in':
        return !nan && (v as number[]).includes(x);
      case '==':
        return x === v;
      case '!=':
        return x !== v;
      case '<':
        return x < (v as number);
      case '<=':
        return x <= (v as number);
      case '>':
        return x > (v as number);
      default:
        return x >= (v as number);
    }
  }

  const condArb = fc.tuple(fc.constantFrom(...DTYPES), fc.constantFrom(...OPS), fc.integer({ min: -4, max: 7 }));

  test('every dtype and operator, one to three conditions, 0 to 3 blocks of rows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * 4096 + 17 }), fc.array(condArb, { minLength: 1, maxLength: 3 }), fc.integer(), (n, conds, seed) => {
        const cols = Object.fromEntries(DTYPES.map((t, j) => [t, column(t, n, seed + j)]));
        const s = RecordStore.fromColumns({ ...cols, id: Int32Array.from({ length: n }, (_, i) => i) }, { ...Object.fromEntries(DTYPES.map((t) => [t, t])), id: 'int32' } as Record<
          string,
          'int32'
        >);
        const conditions = conds.map(([t, op, v]): Condition => {
          if (op === 'isNull' || op === 'notNull') return [t, op];
          if (op === 'in') return [t, op, [v, v + 2]];
          // 64-bit fields take a bigint or a safe-integer number; the others a number.
          return [t, op, (t === 'int64' || t === 'uint64') && v % 2 === 0 ? BigInt(v) : v];
        });
        const want: number[] = [];
        for (let i = 0; i < n; i++) {
          if (conds.every(([t, op, v]) => holdsNum(Number(cols[t]![i]!), op, op === 'in' ? [v, v + 2] : v))) want.push(i);
        }
        expect([...s.filter(conditions).column('id')]).toEqual(want);
      }),
      { numRuns: 60, seed: 20261205 },
    );
  });

  test('all rows kept and none kept, with conditions the sample orders either way', () => {
    const n = 3 * 4096 + 5;
    const s = RecordStore.fromColumns({ x: Float64Array.from({ length: n }, (_, i) => i), y: Uint8Array.from({ length: n }, (_, i) => i % 2) }, { x: 'float64', y: 'uint8' });
    expect(
      s.filter([
        ['x', '>=', 0],
        ['y', 'notNull'],
      ]).length,
    ).toBe(n);
    expect(
      s.filter([
        ['y', '<', 2],
        ['x', '<', 0],
      ]).length,
    ).toBe(0);
    // The selective test sits last: the sample moves it first; the rows are the same.
    expect([
      ...s
        .filter([
          ['y', '==', 1],
          ['x', '>', n - 10],
        ])
        .column('x'),
    ]).toEqual([n - 8, n - 6, n - 4, n - 2]);
  });

  test('a sample that sees none of the kept rows: the row list grows past its first size', () => {
    // Rows pass only outside the sampled windows (8 windows of 256 rows spread evenly): the sample expects none.
    const n = 40_000;
    const starts = Array.from({ length: 8 }, (_, w) => Math.floor(((n - 256) * w) / 7));
    const y = Uint8Array.from({ length: n }, (_, i) => (starts.some((lo) => i >= lo && i < lo + 256) ? 0 : 1));
    const s = RecordStore.fromColumns({ x: Int32Array.from({ length: n }, (_, i) => i), y }, { x: 'int32', y: 'uint8' });
    const want = [...y.keys()].filter((i) => y[i] === 1);
    expect([
      ...s
        .filter([
          ['x', '>=', 0],
          ['y', '==', 1],
        ])
        .column('x'),
    ]).toEqual(want);
  });
});
