import { expectTypeOf, test } from 'vitest';
import { Vector, vector } from '../../src/index.js';

test('typecodes resolve to dtypes in the type', () => {
  expectTypeOf(vector('q')).toEqualTypeOf<Vector<'int64'>>();
  expectTypeOf(vector('Q')).toEqualTypeOf<Vector<'uint64'>>();
  expectTypeOf(vector('d')).toEqualTypeOf<Vector<'float64'>>();
  expectTypeOf(vector('b', [1])).toEqualTypeOf<Vector<'int8'>>();
  expectTypeOf(vector('float32')).toEqualTypeOf<Vector<'float32'>>();
  expectTypeOf(Vector.from('i', [1])).toEqualTypeOf<Vector<'int32'>>();
  expectTypeOf(Vector.fromBytes('H', new Uint8Array(2))).toEqualTypeOf<Vector<'uint16'>>();
});

test('64-bit vectors read bigint and accept bigint or number', () => {
  const q = vector('q');
  expectTypeOf(q.get(0)).toEqualTypeOf<bigint>();
  expectTypeOf(q.pop()).toEqualTypeOf<bigint>();
  expectTypeOf(q.sum()).toEqualTypeOf<bigint>();
  expectTypeOf(q.min()).toEqualTypeOf<bigint>();
  expectTypeOf(q.toArray()).toEqualTypeOf<bigint[]>();
  expectTypeOf(q.array).toEqualTypeOf<BigInt64Array>();
  expectTypeOf(q.push).parameter(0).toEqualTypeOf<bigint | number>();
  q.push(1n);
  q.push(1);
  expectTypeOf([...q]).toEqualTypeOf<bigint[]>();
});

test('other vectors read number and accept number only', () => {
  const v = vector('int8');
  expectTypeOf(v.get(0)).toEqualTypeOf<number>();
  expectTypeOf(v.sum()).toEqualTypeOf<number>();
  expectTypeOf(v.array).toEqualTypeOf<Int8Array>();
  expectTypeOf(v.subarray(1)).toEqualTypeOf<Int8Array>();
  expectTypeOf(vector('d').array).toEqualTypeOf<Float64Array>();
  expectTypeOf(v.slice()).toEqualTypeOf<Vector<'int8'>>();
  expectTypeOf(v.concat(v)).toEqualTypeOf<Vector<'int8'>>();
  expectTypeOf(v.repeat(2)).toEqualTypeOf<Vector<'int8'>>();
  expectTypeOf(v.push).parameter(0).toEqualTypeOf<number>();
  expectTypeOf(v.push(1)).toEqualTypeOf<number>();
  // @ts-expect-error: a bigint does not go into an int8 vector
  v.push(1n);
  // @ts-expect-error: booleans are not numbers
  v.push(true);
  // @ts-expect-error: concat needs the same dtype
  v.concat(vector('int16'));
  // @ts-expect-error: unknown dtype
  vector('l');
  expectTypeOf(v.compare(vector('d'))).toEqualTypeOf<number>();
  expectTypeOf(v.equals([1])).toEqualTypeOf<boolean>();
});
