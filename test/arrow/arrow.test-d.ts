/** Type-level mapping of toArrow / fromArrow. */
import type * as A from 'apache-arrow';
import { expectTypeOf, test } from 'vitest';
import type { Categorical } from '../../src/categorical.js';
import type { RecordStore } from '../../src/record-store.js';
import type { Vector } from '../../src/vector.js';
import { arrowTypeOf, fromArrow, toArrow } from '../../src/arrow/index.js';
import type { CategoricalArrowType, DTypeOfArrow } from '../../src/arrow/index.js';

test('toArrow maps each dtype to its exact Arrow type', () => {
  expectTypeOf(toArrow({} as Vector<'float64'>)).toEqualTypeOf<A.Vector<A.Float64>>();
  expectTypeOf(toArrow({} as Vector<'int64'>)).toEqualTypeOf<A.Vector<A.Int64>>();
  expectTypeOf(toArrow({} as Categorical)).toEqualTypeOf<A.Vector<CategoricalArrowType>>();
  expectTypeOf(toArrow({} as RecordStore)).toEqualTypeOf<A.Table<A.TypeMap>>();
  expectTypeOf(arrowTypeOf('uint16')).toEqualTypeOf<A.Uint16>();
});

test('fromArrow maps Arrow types back', () => {
  expectTypeOf<DTypeOfArrow<A.Int32>>().toEqualTypeOf<'int32'>();
  expectTypeOf<DTypeOfArrow<A.Float32>>().toEqualTypeOf<'float32'>();
  expectTypeOf<DTypeOfArrow<A.Utf8>>().toEqualTypeOf<never>();
  expectTypeOf<DTypeOfArrow<A.Float16>>().toEqualTypeOf<never>();
  expectTypeOf<DTypeOfArrow<A.Int8>>().toEqualTypeOf<'int8'>();
  expectTypeOf<DTypeOfArrow<A.Uint8>>().toEqualTypeOf<'uint8'>();
  expectTypeOf<DTypeOfArrow<A.Int16>>().toEqualTypeOf<'int16'>();
  expectTypeOf<DTypeOfArrow<A.Uint16>>().toEqualTypeOf<'uint16'>();
  expectTypeOf<DTypeOfArrow<A.Uint32>>().toEqualTypeOf<'uint32'>();
  expectTypeOf<DTypeOfArrow<A.Int64>>().toEqualTypeOf<'int64'>();
  expectTypeOf<DTypeOfArrow<A.Uint64>>().toEqualTypeOf<'uint64'>();
  expectTypeOf<DTypeOfArrow<A.Float64>>().toEqualTypeOf<'float64'>();
  expectTypeOf(fromArrow({} as A.Vector<A.Uint8>)).toEqualTypeOf<Vector<'uint8'>>();
  expectTypeOf(fromArrow({} as A.Vector<A.Dictionary<A.Utf8, A.Int8>>)).toEqualTypeOf<Categorical>();
  expectTypeOf(fromArrow({} as A.Table)).toEqualTypeOf<RecordStore>();
});
