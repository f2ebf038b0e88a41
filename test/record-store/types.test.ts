/**
 * The column types beyond numbers: nullable fields, utf8, bool, date, timestamp — examples and every error
 * path (each leaves the store unchanged).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OverflowError, ValueError } from '../../src/errors.js';
import { memoryview } from '../../src/memoryview.js';
import { recordStore, RecordStore, Utf8Column } from '../../src/record-store.js';
import { setCodegen } from '../../src/internal/codegen.js';
import { throwsLike } from '../_support/throws.js';

const SCHEMA = {
  id: 'utf8',
  n: { type: 'int32', nullable: true },
  ok: 'bool',
  day: 'date',
  at: { type: 'timestamp', nullable: true },
} as const;

function sample(): RecordStore<typeof SCHEMA> {
  const s = recordStore(SCHEMA);
  s.push({ id: 'a', n: 1, ok: true, day: '2001-01-01', at: '2001-01-01T00:47:00Z' });
  s.push({ id: 'bé', n: null, ok: false, day: 11323, at: null });
  s.push({ id: '😀', ok: false, day: new Date(Date.UTC(2001, 0, 3)), at: 5 });
  s.push({ id: 'a', n: 7, ok: true, day: 0, at: 0 });
  return s;
}

for (const codegen of [true, false]) {
  describe(`column types (${codegen ? 'generated' : 'closure'} row kit)`, () => {
    beforeAll(() => setCodegen(codegen ? undefined : false));
    afterAll(() => setCodegen(undefined));

    test('views read null, booleans, day numbers and milliseconds; toObject gives Dates', () => {
      const s = sample();
      const r = s.get(1);
      expect([r.id, r.n, r.ok, r.day, r.at]).toEqual(['bé', null, false, 11323, null]);
      expect(s.get(0).at).toBe(Date.UTC(2001, 0, 1, 0, 47));
      expect(s.get(2).n).toBeNull(); // absent in push: nullable fields default to null
      expect(s.get(0).toObject()).toEqual({ id: 'a', n: 1, ok: true, day: new Date('2001-01-01T00:00:00Z'), at: new Date('2001-01-01T00:47:00Z') });
      expect(s.getField(2, 'id')).toBe('😀');
      const c = s.cursor();
      const ids: (string | null)[] = [];
      while (c.next()) ids.push(c.id);
      expect(ids).toEqual(['a', 'bé', '😀', 'a']);
    });

    test('writes through views, set and setField; null clears the bit and stores 0', () => {
      const s = sample();
      const r = s.get(0);
      r.n = null;
      r.id = 'longer text';
      r.ok = false;
      s.setField(0, 'day', '1970-01-02');
      expect(s.column('n')[0]).toBe(0);
      expect(s.nullCount('n')).toBe(3);
      expect(s.get(1).id).toBe('bé'); // later rows moved, not corrupted
      s.set(1, { n: 5, id: '' });
      s.setField(2, 'at', new Date(10));
      expect(s.toObjects().map((o) => [o.id, o.n, o.ok, o.day.getTime(), o.at?.getTime() ?? null])).toEqual([
        ['longer text', null, false, 86400000, Date.UTC(2001, 0, 1, 0, 47)],
        ['', 5, false, 11323 * 86400000, null],
        ['😀', null, false, 11325 * 86400000, 10],
        ['a', 7, true, 0, 0],
      ]);
    });

    test('bad input throws and leaves the store unchanged', () => {
      const s = sample();
      const before = s.toObjects();
      throwsLike(() => s.push({ id: null as never, n: 1, ok: true, day: 0, at: 0 }), TypeError, TypeError, /"id".*null in a non-nullable field/);
      throwsLike(() => s.push({ id: 'x', n: 1, ok: 1 as never, day: 0, at: 0 }), TypeError, TypeError, /bool field takes true or false, got 1/);
      throwsLike(() => s.push({ id: 'x', n: 1, ok: true, day: '2001-02-30', at: 0 }), ValueError, RangeError, /cannot parse "2001-02-30" as a date/);
      throwsLike(() => s.push({ id: 'x', n: 1, ok: true, day: 'soon', at: 0 }), ValueError, RangeError, /"day"/);
      throwsLike(() => s.push({ id: 'x', n: 1, ok: true, day: 2e8, at: 0 }), OverflowError, RangeError, /out of range/);
      throwsLike(() => s.push({ id: 'x', n: 1, ok: true, day: 1.5, at: 0 }), TypeError, TypeError, /integer day number/);
      throwsLike(() => s.push({ id: 'x', n: 1, ok: true, day: new Date(5), at: 0 }), ValueError, RangeError, /not a UTC midnight/);
      throwsLike(() => s.push({ id: 'x', n: 1, ok: true, day: 0, at: '2001-01-01T25:00' }), ValueError, RangeError, /ISO 8601/);
      throwsLike(() => s.push({ id: 'x', n: 1, ok: true, day: 0, at: NaN }), ValueError, RangeError, /finite/);
      throwsLike(() => s.push({ id: '\ud800x', n: 1, ok: true, day: 0, at: 0 }), ValueError, RangeError, /lone surrogate U\+D800 at index 0/);
      throwsLike(
        () =>
          s.extend([
            { id: 'ok', n: null, ok: true, day: 0, at: 0 },
            { id: 'x', n: 1, ok: 'yes' as never, day: 0, at: 0 },
          ]),
        TypeError,
        TypeError,
        /row 1/,
      );
      throwsLike(() => s.set(0, { n: null, ok: null as never }), TypeError, TypeError, /"ok".*null/);
      throwsLike(() => (s.get(0).ok = 'true' as never), TypeError, TypeError);
      expect(s.toObjects()).toEqual(before);
    });

    test('extend with nulls and utf8 appends atomically', () => {
      const s = recordStore(SCHEMA);
      s.extend([
        { id: 'x', n: null, ok: true, day: 1, at: 2 },
        { id: 'y', n: 3, ok: false, day: 2, at: null },
      ]);
      expect(s.toObjects().map((o) => [o.id, o.n, o.ok])).toEqual([
        ['x', null, true],
        ['y', 3, false],
      ]);
      expect(s.validity('n')).toEqual(Uint8Array.of(0b10));
      expect(s.validity('at')).toEqual(Uint8Array.of(0b01));
    });
  });
}

describe('validity bitmaps', () => {
  test('lazily made at the first null, Arrow layout, follows remove/swapRemove/clear', () => {
    const s = recordStore({ v: { type: 'float64', nullable: true } });
    for (let i = 0; i < 10; i++) s.push({ v: i });
    expect(s.validity('v')).toBeNull();
    expect(s.nullCount('v')).toBe(0);
    s.setField(9, 'v', null);
    s.setField(3, 'v', null);
    expect(s.validity('v')).toEqual(Uint8Array.of(0b11110111, 0b01));
    expect(s.nullCount('v')).toBe(2);
    s.remove(0); // rows shift down
    expect(s.toObjects().map((o) => o.v)).toEqual([1, 2, null, 4, 5, 6, 7, 8, null]);
    s.swapRemove(2); // last (null) moves into 2
    expect(s.toObjects().map((o) => o.v)).toEqual([1, 2, null, 4, 5, 6, 7, 8]);
    s.swapRemove(2);
    expect(s.nullCount('v')).toBe(0);
    s.clear();
    expect(s.validity('v')).toBeNull();
  });

  test('survives growth and shrinkToFit; nbytes counts the bitmap', () => {
    const s = recordStore({ v: { type: 'int32', nullable: true } });
    for (let i = 0; i < 100; i++) s.push({ v: i % 10 === 0 ? null : i });
    s.shrinkToFit();
    expect(s.nullCount('v')).toBe(10);
    expect(s.nbytes).toBe(400 + 13);
    expect(s.byteLength).toBe(400 + 13);
    expect(s.memoryUsage().fields[0]!.type).toBe('int32?');
  });

  test('category fields: nullCount and a computed bitmap from the codes', () => {
    const s = RecordStore.fromColumns({ k: ['a', null, 'b'] });
    expect(s.nullCount('k')).toBe(1);
    expect(s.validity('k')).toEqual(Uint8Array.of(0b101));
    expect(RecordStore.fromColumns({ k: ['a'] }).validity('k')).toBeNull();
  });
});

describe('nulls in the verbs (pandas nullable dtypes)', () => {
  const s = RecordStore.fromColumns(
    { g: ['a', 'a', 'b', 'b', 'c', null], v: [1, null, null, null, 4, 9], k: [2, null, 1, 2, null, 1] },
    { g: { type: 'utf8', nullable: true }, v: { type: 'int32', nullable: true }, k: { type: 'int16', nullable: true } },
  );

  test('sum/mean/min/max skip nulls; count vs count of a field; an all-null group gives 0 and null', () => {
    const out = s.groupBy('g').agg({ sum: ['sum', 'v'], mean: ['mean', 'v'], min: ['min', 'v'], max: ['max', 'v'], rows: ['count'], vals: ['count', 'v'], first: ['first', 'v'] });
    expect(out.toObjects()).toEqual([
      { g: 'a', sum: 1, mean: 1, min: 1, max: 1, rows: 2, vals: 1, first: 1 },
      { g: 'b', sum: 0, mean: null, min: null, max: null, rows: 2, vals: 0, first: null },
      { g: 'c', sum: 4, mean: 4, min: 4, max: 4, rows: 1, vals: 1, first: 4 },
    ]);
    expect(out.schema.mean).toEqual({ type: 'float64', nullable: true });
    expect(out.schema.min).toEqual({ type: 'int32', nullable: true });
  });

  test('groupBy drops rows whose key is null (dropna=True), numeric and utf8 keys', () => {
    expect(
      s
        .groupBy('k')
        .agg({ n: ['count'] })
        .toObjects(),
    ).toEqual([
      { k: 1, n: 2 },
      { k: 2, n: 2 },
    ]);
    expect(
      s
        .groupBy(['g', 'k'])
        .agg({ n: ['count'] })
        .toObjects(),
    ).toEqual([
      { g: 'a', k: 2, n: 1 },
      { g: 'b', k: 1, n: 1 },
      { g: 'b', k: 2, n: 1 },
    ]);
  });

  test('sortBy puts nulls last in both directions', () => {
    expect(
      s
        .sortBy('v')
        .toObjects()
        .map((o) => o.v),
    ).toEqual([1, 4, 9, null, null, null]);
    expect(
      s
        .sortBy('v', { descending: true })
        .toObjects()
        .map((o) => o.v),
    ).toEqual([9, 4, 1, null, null, null]);
    expect(
      s
        .sortBy('g', { descending: true })
        .toObjects()
        .map((o) => o.g),
    ).toEqual(['c', 'b', 'b', 'a', 'a', null]);
    expect(
      s
        .sortBy(['k', 'v'])
        .toObjects()
        .map((o) => [o.k, o.v]),
    ).toEqual([
      [1, 9],
      [1, null],
      [2, 1],
      [2, null],
      [null, 4],
      [null, null],
    ]);
  });

  test('filter predicates see null; verbs keep bitmaps only where there are nulls', () => {
    const nulls = s.filter((r) => r.v === null);
    expect(nulls.length).toBe(3);
    expect(nulls.nullCount('v')).toBe(3);
    const some = s.filter((r) => r.v !== null);
    expect(some.validity('v')).toBeNull();
    expect(some.toObjects().map((o) => o.v)).toEqual([1, 4, 9]);
    expect(s.select(['v']).nullCount('v')).toBe(3);
    expect(
      s
        .head(2)
        .toObjects()
        .map((o) => o.v),
    ).toEqual([1, null]);
  });
});

describe('utf8 fields', () => {
  test('column() is a Utf8Column: offsets and bytes alias, eq is a row mask', () => {
    const s = RecordStore.fromColumns({ w: ['héllo', '', 'wörld', 'héllo'] }, { w: 'string' });
    expect(s.schema.w).toBe('utf8');
    const c = s.column('w');
    expect(c).toBeInstanceOf(Utf8Column);
    expect(c.length).toBe(4);
    expect(Array.from(c.offsets)).toEqual([0, 6, 6, 12, 18]);
    expect(c.get(-1)).toBe('héllo');
    expect(c.eq('héllo')).toEqual(Uint8Array.of(1, 0, 0, 1));
    expect(c.eq('')).toEqual(Uint8Array.of(0, 1, 0, 0));
    expect(s.filter(c.eq('wörld')).toObjects()).toEqual([{ w: 'wörld' }]);
    expect(c.memoryUsage()).toMatchObject({ offsets: 20, bytes: 18, validity: 0, nbytes: 38 });
    expect(String(c)).toBe('Utf8Column(["héllo", "", "wörld", "héllo"])');
  });

  test('8-character ids after shrinkToFit cost 12 B per row', () => {
    const s = recordStore({ id: 'utf8' });
    for (let i = 0; i < 1000; i++) s.push({ id: `id${String(i).padStart(6, '0')}` });
    s.shrinkToFit();
    expect(s.byteLength / s.length).toBeCloseTo(12.004, 3);
  });

  test('Utf8Column input: invalid UTF-8 is a ValueError with the byte offset; nulls into non-nullable are TypeErrors', () => {
    throwsLike(() => new Utf8Column(Int32Array.of(0, 1, 3), Uint8Array.of(0x61, 0xc3, 0x28)), ValueError, RangeError, /byte offset 1 \(row 1, byte 0xc3\)/);
    throwsLike(() => new Utf8Column(Int32Array.of(0, 2, 1), Uint8Array.of(0x61, 0x62)), ValueError, RangeError, /decrease/);
    throwsLike(() => new Utf8Column(Int32Array.of(0, 3), Uint8Array.of(0xed, 0xa0, 0x80)), ValueError, RangeError, /byte offset 0/); // a surrogate
    throwsLike(() => RecordStore.fromColumns({ w: Utf8Column.from(['a', null]) }, { w: 'utf8' }), TypeError, TypeError, /nulls in non-nullable field "w"/);
    const s = RecordStore.fromColumns({ w: Utf8Column.from(['a', null]) });
    expect(s.schema.w).toEqual({ type: 'utf8', nullable: true });
    expect(s.toObjects()).toEqual([{ w: 'a' }, { w: null }]);
  });

  test('memoryview refuses a utf8 field; a bool field exports with format "?"', () => {
    const s = RecordStore.fromColumns({ w: ['a'], b: [true] }, { w: 'utf8', b: 'bool' });
    expect(() => memoryview(s, { field: 'w' })).toThrow(TypeError);
    const mv = memoryview(s, { field: 'b' });
    expect(mv.format).toBe('?');
    expect(mv.get(0)).toBe(true);
    mv.release();
  });
});

describe('fromColumns with the new types', () => {
  test('adopts storage arrays and {values, validity}; checks adopted values', () => {
    const days = Int32Array.of(0, 1);
    const ms = Float64Array.of(0, 1.5);
    const vals = Int32Array.of(5, 0);
    const s = RecordStore.fromColumns({ d: days, t: ms, v: { values: vals, validity: Uint8Array.of(1) } }, { d: 'date', t: 'timestamp', v: { type: 'int32', nullable: true } });
    expect(s.column('d')).toBe(days);
    expect(s.column('t')).toBe(ms);
    expect(s.column('v')).toBe(vals);
    expect(s.toObjects().map((o) => o.v)).toEqual([5, null]);
    throwsLike(() => RecordStore.fromColumns({ b: Uint8Array.of(0, 2) }, { b: 'bool' }), ValueError, RangeError, /row 1: a bool column holds 0 or 1, got 2/);
    throwsLike(() => RecordStore.fromColumns({ v: { values: vals, validity: Uint8Array.of(1) } }, { v: 'int32' }), TypeError, TypeError, /nulls in non-nullable/);
    expect(RecordStore.fromColumns({ v: { values: vals, validity: null } }).schema.v).toEqual({ type: 'int32', nullable: true });
  });

  test('arrays of booleans, Dates, strings and nulls are checked and converted', () => {
    const s = RecordStore.fromColumns(
      { b: [true, null], d: ['2001-01-01', null], t: [new Date(5), '1970-01-01T00:00:01+01:00'] as never },
      { b: { type: 'bool', nullable: true }, d: { type: 'date', nullable: true }, t: 'timestamp' },
    );
    expect(s.toObjects()).toEqual([
      { b: true, d: new Date('2001-01-01'), t: new Date(5) },
      { b: null, d: null, t: new Date(-3599000) },
    ]);
    expect(s.toString()).toContain('1970-01-01 00:00:00.005');
  });

  test('a nullable field left out of the columns is all null', () => {
    const s = RecordStore.fromColumns({ x: [1, 2] }, { x: 'float64', y: { type: 'uint8', nullable: true } });
    expect(s.nullCount('y')).toBe(2);
  });
});

describe('schema', () => {
  test('normalizes string to utf8, keeps nullable; rejects nullable vectors and bad options', () => {
    const s = recordStore({ a: 'string', b: { type: 'bool', nullable: true }, c: { type: 'date', default: '2001-01-01' } });
    expect(s.schema).toEqual({ a: 'utf8', b: { type: 'bool', nullable: true }, c: { type: 'date', default: 11323 } });
    throwsLike(() => recordStore({ v: { type: ['float32', 2], nullable: true } }), ValueError, RangeError, /vector fields cannot be nullable/);
    throwsLike(() => recordStore({ v: { type: 'int8', nullable: 'yes' as never } }), TypeError, TypeError, /nullable must be a boolean/);
    throwsLike(() => recordStore({ v: ['utf8' as never, 2] }), ValueError, RangeError, /cannot be a vector element/);
  });
});

describe('the other verbs with the new types', () => {
  const s = RecordStore.fromColumns(
    { w: ['a', 'b', null, 'a'], v: [3, null, 1, 2], ok: [true, false, true, true], day: ['2001-01-01', '2001-01-02', '2001-01-03', '2001-01-04'] },
    { w: { type: 'utf8', nullable: true }, v: { type: 'int32', nullable: true }, ok: 'bool', day: 'date' },
  );

  test('where: utf8 equality and in, nulls never compare, isNull from the bitmap, bool/date values converted', () => {
    expect(Array.from(s.where('w', '==', 'a'))).toEqual([1, 0, 0, 1]);
    expect(Array.from(s.where('w', '!=', 'a'))).toEqual([0, 1, 0, 0]);
    expect(Array.from(s.where('w', 'in', ['b', 'zz']))).toEqual([0, 1, 0, 0]);
    expect(Array.from(s.where('w', 'isNull'))).toEqual([0, 0, 1, 0]);
    expect(Array.from(s.where('v', '>', 0))).toEqual([1, 0, 1, 1]);
    expect(Array.from(s.where('v', '!=', 3))).toEqual([0, 0, 1, 1]);
    expect(Array.from(s.where('v', 'notNull'))).toEqual([1, 0, 1, 1]);
    expect(Array.from(s.where('ok', '==', false))).toEqual([0, 1, 0, 0]);
    expect(Array.from(s.where('day', '>=', '2001-01-03'))).toEqual([0, 0, 1, 1]);
    throwsLike(() => s.where('w', '<', 'a'), TypeError, TypeError, /utf8 fields compare with/);
  });

  test('concat keeps utf8 text and bitmaps; nlargest skips nulls; derive keeps the other fields nulls', () => {
    const c = RecordStore.concat([s, s.head(2)]);
    expect(c.column('w').toArray()).toEqual(['a', 'b', null, 'a', 'a', 'b']);
    expect(c.toObjects().map((o) => o.v)).toEqual([3, null, 1, 2, 3, null]);
    expect(
      s
        .nlargest(4, 'v')
        .toObjects()
        .map((o) => o.v),
    ).toEqual([3, 2, 1]);
    const d = s.derive({ twice: { type: { type: 'float64', nullable: true }, fn: (r: { v: number | null }) => (r.v === null ? null : r.v * 2) } as never });
    expect(d.toObjects().map((o) => [o.w, o.v, o.twice])).toEqual([
      ['a', 3, 6],
      ['b', null, null],
      [null, 1, 2],
      ['a', 2, 4],
    ]);
  });
});
