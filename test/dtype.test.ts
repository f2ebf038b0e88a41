import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DTYPES, DTYPE_NAMES, checkValue, dtypeInfo, dtypeOfArray, isDType, isTypeCode, resolveDType, widensTo, type DType } from '../src/dtype.js';
import { OverflowError, ValueError } from '../src/errors.js';

describe('dtype facts', () => {
  test('ten dtypes with bytes, constructors and ranges', () => {
    expect(DTYPE_NAMES).toHaveLength(10);
    const table = DTYPE_NAMES.map((d) => [d, DTYPES[d].typecode, DTYPES[d].bytes, DTYPES[d].ctor.name, DTYPES[d].min, DTYPES[d].max]);
    expect(table).toEqual([
      ['int8', 'b', 1, 'Int8Array', -128, 127],
      ['uint8', 'B', 1, 'Uint8Array', 0, 255],
      ['int16', 'h', 2, 'Int16Array', -32768, 32767],
      ['uint16', 'H', 2, 'Uint16Array', 0, 65535],
      ['int32', 'i', 4, 'Int32Array', -2147483648, 2147483647],
      ['uint32', 'I', 4, 'Uint32Array', 0, 4294967295],
      ['int64', 'q', 8, 'BigInt64Array', -(2n ** 63n), 2n ** 63n - 1n],
      ['uint64', 'Q', 8, 'BigUint64Array', 0n, 2n ** 64n - 1n],
      ['float32', 'f', 4, 'Float32Array', -Infinity, Infinity],
      ['float64', 'd', 8, 'Float64Array', -Infinity, Infinity],
    ]);
    expect(DTYPES.int64.bigint && DTYPES.uint64.bigint && !DTYPES.int32.bigint).toBe(true);
    expect(DTYPES.float32.integer || !DTYPES.uint8.integer).toBe(false);
    expect(Object.isFrozen(DTYPES) && Object.isFrozen(DTYPES.int8)).toBe(true);
    expect(DTYPES.int16.alloc(3)).toEqual(new Int16Array(3));
  });
  test('typecodes resolve; l/L and unknown names are ValueErrors', () => {
    expect(['b', 'B', 'h', 'H', 'i', 'I', 'q', 'Q', 'f', 'd'].map((c) => resolveDType(c))).toEqual(DTYPE_NAMES);
    expect(resolveDType('float32')).toBe('float32');
    expect(dtypeInfo('d').dtype).toBe('float64');
    expect(() => resolveDType('l')).toThrow(ValueError);
    expect(() => resolveDType('L')).toThrow(/platform-dependent/);
    expect(() => resolveDType('float16')).toThrow(ValueError);
    expect(() => resolveDType(3)).toThrow(/bad dtype 3/);
    expect(isDType('int8') && isTypeCode('q') && !isDType('b') && !isTypeCode('int8')).toBe(true);
  });
  test('dtypeOfArray', () => {
    for (const d of DTYPE_NAMES) expect(dtypeOfArray(DTYPES[d].alloc(1))).toBe(d);
    expect(dtypeOfArray(new Uint8ClampedArray(1))).toBeUndefined();
    expect(dtypeOfArray([1])).toBeUndefined();
  });
});

describe('value checks', () => {
  test('int8 range: OverflowError names value and limits', () => {
    expect(checkValue('int8', 127)).toBe(127);
    expect(checkValue('int8', -128)).toBe(-128);
    expect(() => checkValue('int8', 128)).toThrow(OverflowError);
    expect(() => checkValue('int8', 128)).toThrow('int8 value 128 out of range [-128, 127]');
    expect(() => checkValue('uint8', 300, 'Vector.push')).toThrow('Vector.push: uint8 value 300 out of range [0, 255]');
    expect(() => checkValue('uint32', -1)).toThrow(RangeError);
  });
  test('non-numbers, booleans and non-integers are TypeErrors', () => {
    expect(() => checkValue('int8', 1.5)).toThrow(TypeError);
    expect(() => checkValue('int8', '1')).toThrow(TypeError);
    expect(() => checkValue('int8', true)).toThrow(/boolean/);
    expect(() => checkValue('float64', null)).toThrow(TypeError);
    expect(() => checkValue('float64', 1n)).toThrow(TypeError);
    expect(() => checkValue('int32', NaN)).toThrow(TypeError);
    expect(() => checkValue('int32', Infinity)).toThrow(TypeError);
  });
  test('floats accept any number, NaN and ±Infinity included', () => {
    expect(checkValue('float32', 1e40)).toBe(1e40);
    expect(checkValue('float64', NaN)).toBeNaN();
    expect(checkValue('float64', -Infinity)).toBe(-Infinity);
  });
  test('64-bit: bigint in range, safe-integer numbers accepted, unsafe numbers rejected', () => {
    expect(checkValue('int64', 5)).toBe(5n);
    expect(checkValue('int64', 2n ** 63n - 1n)).toBe(2n ** 63n - 1n);
    expect(checkValue('uint64', 2n ** 64n - 1n)).toBe(2n ** 64n - 1n);
    expect(() => checkValue('int64', 2n ** 63n)).toThrow(OverflowError);
    expect(() => checkValue('uint64', -1n)).toThrow(OverflowError);
    expect(() => checkValue('int64', 2 ** 60)).toThrow(TypeError);
    expect(() => checkValue('int64', 2 ** 60)).toThrow(/unsafe integer/);
    expect(() => checkValue('int64', 1.5)).toThrow(TypeError);
    expect(() => checkValue('int64', '1')).toThrow(TypeError);
  });
  test('property: a value passes the check exactly when the TypedArray stores it unchanged', () => {
    const small: DType[] = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32'];
    fc.assert(
      fc.property(fc.constantFrom(...small), fc.integer({ min: -(2 ** 33), max: 2 ** 33 }), (d, x) => {
        const a = DTYPES[d].alloc(1) as Int32Array;
        a[0] = x;
        let ok = true;
        try {
          checkValue(d, x);
        } catch (e) {
          expect(e).toBeInstanceOf(OverflowError);
          ok = false;
        }
        expect(ok).toBe(a[0] === x);
      }),
    );
  });
});

describe('widensTo', () => {
  test('exactly the lossless conversions', () => {
    expect(widensTo('int8', 'int16')).toBe(true);
    expect(widensTo('uint8', 'int16')).toBe(true);
    expect(widensTo('int8', 'uint16')).toBe(false);
    expect(widensTo('int32', 'float64')).toBe(true);
    expect(widensTo('int32', 'float32')).toBe(false);
    expect(widensTo('float64', 'float32')).toBe(false);
    expect(widensTo('int32', 'int64')).toBe(false);
    expect(widensTo('uint32', 'int32')).toBe(false);
    expect(widensTo('float32', 'float64')).toBe(true);
  });
  test('property: every value of the source type fits the destination when widensTo says so', () => {
    const ints: DType[] = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'float32', 'float64'];
    for (const s of ints) {
      for (const d of ints) {
        if (!widensTo(s, d)) continue;
        const lo = DTYPES[s].min as number;
        const hi = DTYPES[s].max as number;
        for (const v of [lo, hi, 0]) {
          const a = DTYPES[d].alloc(1) as Float64Array;
          a[0] = v;
          expect(a[0], `${s} ${v} → ${d}`).toBe(v);
        }
      }
    }
  });
});
