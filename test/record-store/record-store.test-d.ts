import { describe, expectTypeOf, test } from 'vitest';
import type { Categorical } from '../../src/categorical.js';
import { RecordStore, recordStore, type RecordCursor, type RecordView } from '../../src/record-store.js';

const s = recordStore({
  x: 'float64',
  id: 'int64',
  u: 'Q',
  small: 'b',
  kind: 'category',
  pos: ['float32', 3],
  w: { type: 'uint8', default: 0 },
});

describe('record types inferred from the schema', () => {
  test('get(i) fields', () => {
    const r = s.get(0);
    expectTypeOf(r.x).toEqualTypeOf<number>();
    expectTypeOf(r.id).toEqualTypeOf<bigint>();
    expectTypeOf(r.u).toEqualTypeOf<bigint>();
    expectTypeOf(r.small).toEqualTypeOf<number>();
    expectTypeOf(r.kind).toEqualTypeOf<string | null>();
    expectTypeOf(r.pos).toEqualTypeOf<Float32Array>();
    expectTypeOf(r.w).toEqualTypeOf<number>();
    expectTypeOf(r.index).toEqualTypeOf<number>();
    expectTypeOf(r.toObject().id).toEqualTypeOf<bigint>();
    // @ts-expect-error unknown field
    void r.nope;
  });

  test('push requires fields without defaults and accepts number for int64', () => {
    expectTypeOf(s.push).parameter(0).toHaveProperty('id').toEqualTypeOf<bigint | number>();
    s.push({ x: 1, id: 1n, u: 2, small: 3, kind: 'a', pos: [1, 2, 3] });
    // @ts-expect-error x is required
    s.push({ id: 1n, u: 2, small: 3, kind: 'a', pos: [1, 2, 3] });
    // @ts-expect-error wrong type
    s.push({ x: 'a', id: 1n, u: 2, small: 3, kind: 'a', pos: [1, 2, 3] });
    expectTypeOf(s.push({ x: 1, id: 1n, u: 2, small: 3, kind: null, pos: new Float32Array(3), w: 1 })).toEqualTypeOf<number>();
  });

  test('getField / setField / column / cursor', () => {
    expectTypeOf(s.getField(0, 'id')).toEqualTypeOf<bigint>();
    expectTypeOf(s.getField(0, 'kind')).toEqualTypeOf<string | null>();
    // @ts-expect-error unknown field name
    s.getField(0, 'nope');
    s.setField(0, 'id', 5);
    // @ts-expect-error wrong value type
    s.setField(0, 'x', 'a');
    expectTypeOf(s.column('x')).toEqualTypeOf<Float64Array>();
    expectTypeOf(s.column('id')).toEqualTypeOf<BigInt64Array>();
    expectTypeOf(s.column('small')).toEqualTypeOf<Int8Array>();
    expectTypeOf(s.column('pos')).toEqualTypeOf<Float32Array>();
    expectTypeOf(s.column('kind')).toEqualTypeOf<Categorical<string>>();
    const c = s.cursor();
    expectTypeOf(c.x).toEqualTypeOf<number>();
    expectTypeOf(c.next()).toEqualTypeOf<boolean>();
    expectTypeOf(c.moveTo(1).id).toEqualTypeOf<bigint>();
    type S = typeof s extends RecordStore<infer T> ? T : never;
    expectTypeOf(c).toEqualTypeOf<RecordCursor<S>>();
    expectTypeOf([...s][0]!).toEqualTypeOf<RecordView<S>>();
  });

  test('verbs keep or derive the schema', () => {
    expectTypeOf(s.filter((r) => r.x > 0).get(0).id).toEqualTypeOf<bigint>();
    expectTypeOf(s.sortBy('x').get(0).kind).toEqualTypeOf<string | null>();
    const sel = s.select(['x', 'kind']);
    expectTypeOf(sel.get(0).x).toEqualTypeOf<number>();
    // @ts-expect-error not selected
    void sel.get(0).id;
    const g = s.groupBy('kind').agg({ total: ['sum', 'x'], n: ['count'], big: ['sum', 'id'], f: ['first', 'pos'], m: ['mean', 'small'] });
    const r = g.get(0);
    expectTypeOf(r.kind).toEqualTypeOf<string | null>();
    expectTypeOf(r.total).toEqualTypeOf<number>();
    expectTypeOf(r.n).toEqualTypeOf<number>();
    expectTypeOf(r.big).toEqualTypeOf<bigint>();
    expectTypeOf(r.f).toEqualTypeOf<Float32Array>();
    expectTypeOf(r.m).toEqualTypeOf<number>();
    // @ts-expect-error unknown field in an aggregate
    s.groupBy('kind').agg({ t: ['sum', 'nope'] });
  });

  test('fromColumns infers from TypedArray types; entries schemas', () => {
    const t = RecordStore.fromColumns({ a: new Int16Array(2), b: new BigUint64Array(2), c: ['x', null] });
    expectTypeOf(t.get(0).a).toEqualTypeOf<number>();
    expectTypeOf(t.get(0).b).toEqualTypeOf<bigint>();
    expectTypeOf(t.get(0).c).toEqualTypeOf<string | null>();
    expectTypeOf(t.column('a')).toEqualTypeOf<Int16Array>();
    const e = recordStore([
      ['p', 'int32'],
      ['q', 'category'],
    ] as const);
    expectTypeOf(e.get(0).p).toEqualTypeOf<number>();
    expectTypeOf(e.get(0).q).toEqualTypeOf<string | null>();
  });
});

describe('generic RecordStore<Schema>', () => {
  test('a specific store is assignable to RecordStore<Schema> and reads as a union', () => {
    const specific = recordStore({ t: 'float64', level: 'category' });
    const generic: RecordStore = specific;
    expectTypeOf(generic.get(0).anything).toEqualTypeOf<unknown>();
    expectTypeOf(generic.getField(0, 't')).toEqualTypeOf<number | bigint | string | boolean | null | import('../../src/dtype.js').TypedArray>();
    expectTypeOf(generic.column('t')).toEqualTypeOf<import('../../src/dtype.js').TypedArray | Categorical<string> | import('../../src/record-store.js').Utf8Column>();
    generic.push({ t: 1, level: 'a' });
    expectTypeOf(generic.toObjects()[0]!).toEqualTypeOf<{ [field: string]: unknown }>();
  });
});

describe('any field name', () => {
  test('identifier names that shadow no view member are view properties; the others only getField', () => {
    const t = recordStore({ delay: 'float64', 'Airport Name': 'float64', index: 'int32', 日付: 'int32', '1st': 'int8' });
    const r = t.get(0);
    expectTypeOf(r.delay).toEqualTypeOf<number>();
    expectTypeOf(r.日付).toEqualTypeOf<number>();
    expectTypeOf(r).not.toHaveProperty('Airport Name');
    expectTypeOf(r).not.toHaveProperty('1st');
    expectTypeOf(r.index).toEqualTypeOf<number>(); // the row index
    expectTypeOf(t.getField(0, 'Airport Name')).toEqualTypeOf<number>();
    expectTypeOf(t.toObjects()[0]!['Airport Name']).toEqualTypeOf<number>();
  });
});
