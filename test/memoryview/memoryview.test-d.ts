import { expectTypeOf, test } from 'vitest';
import { memoryview, vector } from '../../src/index.js';
import type { MemoryView, NestedList } from '../../src/index.js';

test('memoryview infers the format of its source', () => {
  expectTypeOf(memoryview(new Float64Array(1))).toEqualTypeOf<MemoryView<'d'>>();
  expectTypeOf(memoryview(new Int8Array(1))).toEqualTypeOf<MemoryView<'b'>>();
  expectTypeOf(memoryview(new Uint8Array(1))).toEqualTypeOf<MemoryView<'B'>>();
  expectTypeOf(memoryview(new ArrayBuffer(1))).toEqualTypeOf<MemoryView<'B'>>();
  expectTypeOf(memoryview(new BigInt64Array(1))).toEqualTypeOf<MemoryView<'q'>>();
  expectTypeOf(memoryview(vector('int16'))).toEqualTypeOf<MemoryView<'h'>>();
});

test('get/set/toList types follow the format, cast changes it', () => {
  const m = memoryview(new Uint8Array(8));
  expectTypeOf(m.get(0)).toEqualTypeOf<number>();
  expectTypeOf(m.cast('q').get(0)).toEqualTypeOf<bigint>();
  expectTypeOf(m.cast('@Q').get(0)).toEqualTypeOf<bigint>();
  expectTypeOf(m.cast('?').get(0)).toEqualTypeOf<boolean>();
  expectTypeOf(m.cast('c').get(0)).toEqualTypeOf<Uint8Array>();
  expectTypeOf(m.cast('e').slice(1).get(0)).toEqualTypeOf<number>();
  expectTypeOf(m.cast('d').toList()).toEqualTypeOf<NestedList<number>>();
  expectTypeOf(m.cast('q').set).parameter(1).toEqualTypeOf<bigint | number>();
  expectTypeOf(m.cast('c').set).parameter(1).toEqualTypeOf<Uint8Array>();
  expectTypeOf(m.cast('d').format).toEqualTypeOf<'d'>();
  // @ts-expect-error: not a format
  m.cast('x');
  // @ts-expect-error: a string is not a number item
  m.set(0, 'a');
});
