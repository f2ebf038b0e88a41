import { describe, expect, test } from 'vitest';
import { categorical } from '../../src/categorical.js';
import { AttributeError, IndexError, OverflowError, ValueError } from '../../src/errors.js';
import { RecordStore, recordStore } from '../../src/record-store.js';
import { throwsLike } from '../_support/throws.js';

const sample = () =>
  RecordStore.fromObjects(
    [
      { x: 3.5, n: 2, kind: 'b', p: new Int16Array([1, 2]) },
      { x: -1, n: 7, kind: 'a', p: new Int16Array([3, 4]) },
      { x: NaN, n: 2, kind: 'b', p: new Int16Array([5, 6]) },
      { x: 0.5, n: 1, kind: null, p: new Int16Array([7, 8]) },
      { x: 2, n: 7, kind: 'a', p: new Int16Array([9, 10]) },
    ],
    { x: 'float64', n: 'uint8', kind: 'category', p: ['int16', 2] },
  );

describe('verbs return new stores', () => {
  test('filter with a predicate (cursor) and with a mask', () => {
    const s = sample();
    const f = s.filter((r) => r.n > 1);
    expect(f).not.toBe(s);
    expect(f.toObjects().map((o) => o.x)).toEqual([3.5, -1, NaN, 2]);
    f.setField(0, 'x', 100);
    expect(s.getField(0, 'x')).toBe(3.5); // no sharing
    const byKind = s.filter(s.column('kind').eq('a'));
    expect(byKind.toObjects().map((o) => o.n)).toEqual([7, 7]);
    expect(byKind.column('kind').categories).toEqual(s.column('kind').categories);
    expect(s.filter(() => false).length).toBe(0);
    throwsLike(() => s.filter([1, 0]), ValueError, RangeError, /mask length/);
    throwsLike(() => s.filter(5 as never), TypeError, TypeError);
  });

  test('take with negative and repeated indexes', () => {
    const s = sample();
    expect(
      s
        .take([-1, 0, 0])
        .toObjects()
        .map((o) => o.x),
    ).toEqual([2, 3.5, 3.5]);
    throwsLike(() => s.take([5]), IndexError, RangeError);
    throwsLike(() => s.take([0.5]), TypeError, TypeError);
    throwsLike(() => s.take(3 as never), TypeError, TypeError);
  });

  test('sortBy: one field, stable, NaN last both ways', () => {
    const s = sample();
    expect(
      s
        .sortBy('x')
        .toObjects()
        .map((o) => o.x),
    ).toEqual([-1, 0.5, 2, 3.5, NaN]);
    expect(
      s
        .sortBy('x', { descending: true })
        .toObjects()
        .map((o) => o.x),
    ).toEqual([3.5, 2, 0.5, -1, NaN]);
    const byN = s.sortBy('n').toObjects();
    expect(byN.map((o) => o.n)).toEqual([1, 2, 2, 7, 7]);
    expect(byN.map((o) => o.x)).toEqual([0.5, 3.5, NaN, -1, 2]); // stable
  });

  test('sortBy: several fields, category by value, comparator', () => {
    const s = sample();
    const r = s.sortBy(['kind', 'x'], { descending: [false, true] }).toObjects();
    expect(r.map((o) => [o.kind, o.x])).toEqual([
      ['a', 2],
      ['a', -1],
      ['b', 3.5],
      ['b', NaN],
      [null, 0.5],
    ]);
    const c = s.sortBy((a, b) => b.p[1]! - a.p[1]!);
    expect(c.toObjects().map((o) => o.p[1])).toEqual([10, 8, 6, 4, 2]);
  });

  test('sortBy on an ordered category uses category order', () => {
    const kind = categorical(['lo', 'hi', 'mid', 'lo'], { categories: ['lo', 'mid', 'hi'], ordered: true });
    const s = RecordStore.fromColumns({ kind, i: [0, 1, 2, 3] });
    expect(
      s
        .sortBy('kind')
        .toObjects()
        .map((o) => o.kind),
    ).toEqual(['lo', 'lo', 'mid', 'hi']);
    const u = RecordStore.fromColumns({ kind: ['lo', 'hi', 'mid'] });
    expect(
      u
        .sortBy('kind')
        .toObjects()
        .map((o) => o.kind),
    ).toEqual(['hi', 'lo', 'mid']);
  });

  test('sortBy errors', () => {
    const s = sample();
    throwsLike(() => s.sortBy('nope' as never), AttributeError, TypeError);
    throwsLike(() => s.sortBy('p'), TypeError, TypeError, /vector/);
    throwsLike(() => s.sortBy([]), ValueError, RangeError);
    throwsLike(() => s.sortBy(['x', 'n'], { descending: [true] }), ValueError, RangeError);
    throwsLike(() => s.sortBy('x', { descending: 1 as never }), TypeError, TypeError);
    throwsLike(() => s.sortBy(5 as never), TypeError, TypeError);
  });

  test('select keeps order and defaults; errors', () => {
    const s = recordStore({ a: 'int8', b: { type: 'float64', default: 1.5 }, c: 'category' });
    s.push({ a: 1, c: 'x' });
    const t = s.select(['c', 'b']);
    expect(t.fields).toEqual(['c', 'b']);
    expect(t.schema).toEqual({ c: 'category', b: { type: 'float64', default: 1.5 } });
    expect(t.toObjects()).toEqual([{ c: 'x', b: 1.5 }]);
    throwsLike(() => s.select(['a', 'a']), ValueError, RangeError, /duplicate/);
    throwsLike(() => s.select(['zz' as never]), AttributeError, TypeError);
    throwsLike(() => s.select([]), ValueError, RangeError);
    throwsLike(() => s.select('a' as never), TypeError, TypeError);
  });

  test('head, copy', () => {
    const s = sample();
    expect(s.head().length).toBe(5);
    expect(
      s
        .head(2)
        .toObjects()
        .map((o) => o.x),
    ).toEqual([3.5, -1]);
    expect(s.head(-4).length).toBe(1);
    expect(s.head(-10).length).toBe(0);
    expect(s.head(99).length).toBe(5);
    throwsLike(() => s.head(1.5), TypeError, TypeError);
    const c = s.copy();
    expect(c.capacity).toBe(5);
    c.push({ x: 1, n: 1, kind: 'z', p: [0, 0] });
    expect(s.length).toBe(5);
    expect(s.column('kind').categories).not.toContain('z');
  });

  test('groupBy(category).agg: every op, category keys stay categorical', () => {
    const s = sample();
    const g = s.groupBy('kind').agg({
      total: ['sum', 'x'],
      avg: ['mean', 'x'],
      lo: ['min', 'n'],
      hi: ['max', 'x'],
      n: ['count'],
      cx: ['count', 'x'],
      first: ['first', 'x'],
      last: ['last', 'p'],
    });
    expect(g.fields).toEqual(['kind', 'total', 'avg', 'lo', 'hi', 'n', 'cx', 'first', 'last']);
    expect(g.schema).toEqual({
      kind: 'category',
      total: 'float64',
      avg: 'float64',
      lo: 'uint8',
      hi: 'float64',
      n: 'uint32',
      cx: 'uint32',
      first: 'float64',
      last: ['int16', 2],
    });
    expect(g.column('kind')).toBeInstanceOf(Object.getPrototypeOf(s.column('kind')).constructor);
    expect(g.toObjects()).toEqual([
      { kind: 'b', total: 3.5, avg: 3.5, lo: 2, hi: 3.5, n: 2, cx: 1, first: 3.5, last: new Int16Array([5, 6]) },
      { kind: 'a', total: 1, avg: 0.5, lo: 7, hi: 2, n: 2, cx: 2, first: -1, last: new Int16Array([9, 10]) },
    ]);
  });

  test('groupBy: unobserved categories are dropped; numeric and multi keys sorted', () => {
    const kind = categorical(['b', 'b', 'c'], { categories: ['a', 'b', 'c'] });
    const s = RecordStore.fromColumns({ kind, v: new Float64Array([1, 2, 3]) });
    expect(
      s
        .groupBy('kind')
        .agg({ s: ['sum', 'v'] })
        .toObjects(),
    ).toEqual([
      { kind: 'b', s: 3 },
      { kind: 'c', s: 3 },
    ]);
    const t = sample();
    expect(
      t
        .groupBy('n')
        .agg({ c: ['count'] })
        .toObjects(),
    ).toEqual([
      { n: 1, c: 1 },
      { n: 2, c: 2 },
      { n: 7, c: 2 },
    ]);
    expect(
      t
        .groupBy(['n', 'kind'])
        .agg({ c: ['count'] })
        .toObjects(),
    ).toEqual([
      { n: 2, kind: 'b', c: 2 },
      { n: 7, kind: 'a', c: 2 },
    ]);
    const g = t.groupBy(['kind', 'n']);
    expect(g.keys).toEqual(['kind', 'n']);
  });

  test('groupBy: all-NaN groups, int64 sums checked, category first/min', () => {
    const s = RecordStore.fromColumns({ k: ['a', 'a', 'b'], x: new Float64Array([NaN, NaN, 1]), big: new BigInt64Array([2n ** 62n, 2n ** 62n, 1n]), lvl: ['x', null, 'y'] });
    expect(
      s
        .groupBy('k')
        .agg({ s: ['sum', 'x'], m: ['mean', 'x'], lo: ['min', 'x'], f: ['first', 'x'], c: ['count', 'x'] })
        .toObjects(),
    ).toEqual([
      { k: 'a', s: 0, m: NaN, lo: NaN, f: NaN, c: 0 },
      { k: 'b', s: 1, m: 1, lo: 1, f: 1, c: 1 },
    ]);
    throwsLike(() => s.groupBy('k').agg({ s: ['sum', 'big'] }), OverflowError, RangeError, /int64 sum/);
    expect(
      s
        .groupBy('k')
        .agg({ m: ['mean', 'big'] })
        .toObjects()[0]!.m,
    ).toBe(2 ** 62);
    expect(
      s
        .groupBy('k')
        .agg({ f: ['last', 'lvl'], c: ['count', 'lvl'] })
        .toObjects(),
    ).toEqual([
      { k: 'a', f: 'x', c: 1 },
      { k: 'b', f: 'y', c: 1 },
    ]);
    throwsLike(() => s.groupBy('k').agg({ m: ['min', 'lvl'] }), TypeError, TypeError, /ordered/);
    throwsLike(() => s.groupBy('k').agg({ m: ['sum', 'lvl'] }), TypeError, TypeError);
    const ord = RecordStore.fromColumns({ k: ['a', 'a'], lvl: categorical(['hi', 'lo'], { categories: ['lo', 'hi'], ordered: true }) });
    expect(
      ord
        .groupBy('k')
        .agg({ lo: ['min', 'lvl'], hi: ['max', 'lvl'] })
        .toObjects(),
    ).toEqual([{ k: 'a', lo: 'lo', hi: 'hi' }]);
  });

  test('groupBy errors', () => {
    const s = sample();
    throwsLike(() => s.groupBy('nope' as never), AttributeError, TypeError);
    throwsLike(() => s.groupBy('p'), TypeError, TypeError, /vector/);
    throwsLike(() => s.groupBy([]), ValueError, RangeError);
    throwsLike(() => s.groupBy(['n', 'n']), ValueError, RangeError);
    const g = s.groupBy('kind');
    throwsLike(() => g.agg({ a: ['median' as never, 'x'] }), ValueError, RangeError, /unknown aggregate/);
    throwsLike(() => g.agg({ a: ['sum', 'zz' as never] }), AttributeError, TypeError);
    throwsLike(() => g.agg({ kind: ['sum', 'x'] }), ValueError, RangeError, /repeats a group key/);
    throwsLike(() => g.agg({}), ValueError, RangeError);
    throwsLike(() => g.agg({ a: ['sum'] as never }), TypeError, TypeError);
    throwsLike(() => g.agg({ a: 'sum' as never }), TypeError, TypeError);
    throwsLike(() => g.agg({ a: ['sum', 'p'] }), TypeError, TypeError, /vector/);
    throwsLike(() => g.agg(null as never), TypeError, TypeError);
  });
});
