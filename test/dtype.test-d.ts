/** Type tests of the dtype table's type-level facts (compiled by `tsc --noEmit`, the first step of `npm test`). */
import { describe, expectTypeOf, test } from 'vitest';
import type { ArrayOf, DType, DTypeOfArray } from '../src/index.js';

describe('DTypeOfArray: the inverse of ArrayOf', () => {
  test('each backing array maps back to its dtype; unions map to unions; anything else is never', () => {
    expectTypeOf<DTypeOfArray<Int8Array>>().toEqualTypeOf<'int8'>();
    expectTypeOf<DTypeOfArray<Uint8Array>>().toEqualTypeOf<'uint8'>();
    expectTypeOf<DTypeOfArray<BigUint64Array>>().toEqualTypeOf<'uint64'>();
    expectTypeOf<DTypeOfArray<Float32Array>>().toEqualTypeOf<'float32'>();
    expectTypeOf<DTypeOfArray<Int16Array | Float64Array>>().toEqualTypeOf<'int16' | 'float64'>();
    expectTypeOf<DTypeOfArray<ArrayOf[DType]>>().toEqualTypeOf<DType>();
    expectTypeOf<DTypeOfArray<number[]>>().toEqualTypeOf<never>();
    expectTypeOf<DTypeOfArray<Uint8ClampedArray>>().toEqualTypeOf<never>();
  });
});
