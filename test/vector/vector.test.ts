import { describe, expect, test } from 'vitest';
import { BufferError, IndexError, OverflowError, ValueError } from '../../src/errors.js';
import { DTYPES, DTYPE_NAMES, type DType } from '../../src/dtype.js';
import { Vector, vector } from '../../src/vector.js';
import { throwsLike } from '../_support/throws.js';
import { nodeOnlyTest } from '../_support/runtime.js';

/** Snapshot of everything observable about a vector, to prove failed operations changed nothing. */
function state(v: Vector<DType>): unknown {
  return { values: v.toArray(), length: v.length, capacity: v.capacity };
}

describe('construction', () => {
  test('factory, typecodes, capacity option', () => {
    const v = vector('int8');
    expect(v.dtype).toBe('int8');
    expect(v.typecode).toBe('b');
    expect(v.itemsize).toBe(1);
    expect(v.length).toBe(0);
    expect(vector('q').dtype).toBe('int64');
    expect(vector('d', [1.5]).get(0)).toBe(1.5);
    const c = vector('float32', undefined, { capacity: 100 });
    expect(c.capacity).toBe(100);
    expect(c.length).toBe(0);
    expect(vector('int32', [1, 2, 3]).capacity).toBe(3);
    expect(vector('int32', [1, 2, 3], { capacity: 10 }).capacity).toBe(10);
  });
  test('every dtype has the right itemsize and typecode', () => {
    const codes = 'bBhHiIqQfd';
    DTYPE_NAMES.forEach((d, k) => {
      const v = vector(d);
      expect(v.typecode).toBe(codes[k]);
      expect(v.itemsize).toBe(d.endsWith('8') && !d.endsWith('64') ? 1 : d.endsWith('16') ? 2 : d.endsWith('32') ? 4 : 8);
    });
  });
  test('from iterables, TypedArrays, Vectors', () => {
    expect(vector('int16', new Set([1, 2])).toArray()).toEqual([1, 2]);
    expect(vector('int16', Int8Array.of(-1, 2)).toArray()).toEqual([-1, 2]);
    expect(vector('float64', Float32Array.of(0.5)).toArray()).toEqual([0.5]);
    expect(Vector.from('i', [1, 2]).toArray()).toEqual([1, 2]);
    expect(Vector.from('int8', vector('int8', [3])).toArray()).toEqual([3]);
    expect(vector('q', [1, 2n]).toArray()).toEqual([1n, 2n]);
    expect(vector('uint8', Uint8ClampedArray.of(1, 255)).toArray()).toEqual([1, 255]);
    expect(new Vector('uint16', [7]).get(0)).toBe(7);
    // Python: array('d', array('b', [1, 2])) converts; array('b', array('d', [1.5])) is a TypeError
    expect(vector('float64', vector('int8', [1, 2])).toArray()).toEqual([1, 2]);
    expect(Vector.from('int8', vector('int32', [3])).toArray()).toEqual([3]);
    throwsLike(() => vector('int8', vector('float64', [1.5])), TypeError, TypeError);
    throwsLike(() => vector('int8', vector('int32', [300])), OverflowError, RangeError);
  });
  test('unknown dtype and typecode l/L are ValueError', () => {
    throwsLike(() => vector('int128' as 'int8'), ValueError, RangeError, /bad dtype/);
    throwsLike(() => vector('l' as 'b'), ValueError, RangeError, /platform-dependent/);
    throwsLike(() => vector('L' as 'b'), ValueError, RangeError);
  });
  test('bad values and bad capacities', () => {
    throwsLike(() => vector('uint8', [1, 300]), OverflowError, RangeError);
    throwsLike(() => vector('int8', 5 as unknown as number[]), TypeError, TypeError, /not iterable/);
    throwsLike(() => vector('int8', [], { capacity: -1 }), ValueError, RangeError);
    throwsLike(() => vector('int8', [], { capacity: 1.5 }), TypeError, TypeError);
    throwsLike(() => vector('int8', [], { capacity: 2 ** 32 + 1 }), ValueError, RangeError, /limit/);
    throwsLike(() => vector('int8', new DataView(new ArrayBuffer(2)) as unknown as number[]), TypeError, TypeError, /fromBytes/);
  });
});

describe('get / set', () => {
  test('negative indexes and bounds', () => {
    const v = vector('int32', [10, 20, 30]);
    expect(v.get(0)).toBe(10);
    expect(v.get(-1)).toBe(30);
    expect(v.get(-3)).toBe(10);
    throwsLike(() => v.get(3), IndexError, RangeError, /out of range/);
    throwsLike(() => v.get(-4), IndexError, RangeError);
    throwsLike(() => v.get(1.5), TypeError, TypeError);
    throwsLike(() => v.get(Number.NaN), TypeError, TypeError);
    throwsLike(() => vector('int8').get(0), IndexError, RangeError);
    v.set(-1, 5).set(0, 6);
    expect(v.toArray()).toEqual([6, 20, 5]);
    throwsLike(() => v.set(3, 1), IndexError, RangeError);
    throwsLike(() => v.set(0, 2 ** 31), OverflowError, RangeError);
    expect(v.toArray()).toEqual([6, 20, 5]);
  });
  test('get(length) is an IndexError even when capacity is larger', () => {
    const v = vector('float64', [1], { capacity: 8 });
    throwsLike(() => v.get(1), IndexError, RangeError);
  });
  test('unchecked twins', () => {
    const v = vector('uint8', [1, 2]);
    v.setUnchecked(0, 300);
    expect(v.getUnchecked(0)).toBe(44); // TypedArray wrapping, by contract
    expect(v.getUnchecked(1)).toBe(2);
  });
});

describe('push and the value checks of issue 2', () => {
  test('int8 push 128 → OverflowError; 1.5, "1", true → TypeError', () => {
    const v = vector('int8');
    throwsLike(() => v.push(128), OverflowError, RangeError, /int8 value 128 out of range \[-128, 127\]/);
    throwsLike(() => v.push(-129), OverflowError, RangeError);
    throwsLike(() => v.push(1.5), TypeError, TypeError);
    throwsLike(() => v.push('1' as unknown as number), TypeError, TypeError);
    throwsLike(() => v.push(true as unknown as number), TypeError, TypeError, /boolean/);
    throwsLike(() => v.push(null as unknown as number), TypeError, TypeError);
    expect(v.length).toBe(0);
    expect(v.push(1.0)).toBe(1); // integral number accepted (JS cannot tell 1.0 from 1)
    expect(v.push(-128)).toBe(2);
    expect(v.toArray()).toEqual([1, -128]);
  });
  test('int64: 2n**63n → OverflowError, unsafe number → TypeError, safe number accepted', () => {
    const v = vector('int64');
    throwsLike(() => v.push(2n ** 63n), OverflowError, RangeError);
    throwsLike(() => v.push(-(2n ** 63n) - 1n), OverflowError, RangeError);
    throwsLike(() => v.push(2 ** 60), TypeError, TypeError, /unsafe/);
    throwsLike(() => v.push(0.5), TypeError, TypeError);
    v.push(2n ** 63n - 1n);
    v.push(-(2n ** 63n));
    v.push(42);
    expect(v.toArray()).toEqual([2n ** 63n - 1n, -(2n ** 63n), 42n]);
    const u = vector('uint64');
    throwsLike(() => u.push(-1n), OverflowError, RangeError);
    throwsLike(() => u.push(2n ** 64n), OverflowError, RangeError);
    u.push(2n ** 64n - 1n);
    expect(u.get(0)).toBe(2n ** 64n - 1n);
  });
  test('floats: any number, float32 rounds like Python array("f")', () => {
    const f = vector('float32', [0.1, 1e40, NaN]);
    expect(f.get(0)).toBe(Math.fround(0.1));
    expect(f.get(1)).toBe(Infinity);
    expect(f.get(2)).toBeNaN();
    throwsLike(() => f.push(1n as unknown as number), TypeError, TypeError);
  });
  test('growth doubles and keeps the values', () => {
    const v = vector('int16');
    const caps = new Set<number>();
    for (let i = 0; i < 1000; i++) {
      v.push(i);
      caps.add(v.capacity);
    }
    expect([...caps]).toEqual([8, 16, 32, 64, 128, 256, 512, 1024]);
    expect(v.toArray()).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });
});

describe('extend', () => {
  test('arrays, TypedArrays (widening and checked), iterables, self', () => {
    const v = vector('int32', [1]);
    v.extend([2, 3])
      .extend(Int8Array.of(4))
      .extend(Float64Array.of(5))
      .extend(new Set([6]));
    v.extend(
      (function* () {
        yield 7;
      })(),
    );
    expect(v.toArray()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    v.extend(v);
    expect(v.length).toBe(14);
    expect(v.toArray().slice(7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    v.extend(v.array);
    expect(v.length).toBe(28);
    const big = vector('int64', [1n]);
    big.extend(BigInt64Array.of(2n)).extend([3, 4n]).extend(BigUint64Array.of(5n));
    expect(big.toArray()).toEqual([1n, 2n, 3n, 4n, 5n]);
  });
  test('extend([1, 2, 300]) on uint8 throws and leaves the vector unchanged (every input kind)', () => {
    const v = vector('uint8', [9, 9]);
    const before = state(v);
    const generator = function* () {
      yield* [1, 2, 300];
    };
    for (const bad of [[1, 2, 300], Int16Array.of(1, 2, 300), Float64Array.of(1, 2.5), generator(), new Set([1, -1])]) {
      expect(() => v.extend(bad as number[])).toThrow();
      expect(state(v)).toEqual(before);
    }
    throwsLike(() => v.extend([1, 2, 300]), OverflowError, RangeError);
    throwsLike(() => v.extend([1, 'x' as unknown as number]), TypeError, TypeError);
    // unchanged even when the input would have forced a reallocation
    const big = Array.from({ length: 100 }, (_, i) => i);
    big.push(256);
    const arr = v.array;
    throwsLike(() => v.extend(big), OverflowError, RangeError);
    expect(state(v)).toEqual(before);
    expect(v.array.buffer).toBe(arr.buffer);
  });
  test('a Vector of another dtype is a TypeError (Python "same kind"), its .array is validated', () => {
    const v = vector('int8');
    throwsLike(() => v.extend(vector('int16', [1]) as unknown as Vector<'int8'>), TypeError, TypeError, /same|int16/);
    v.extend(vector('int16', [1]).array);
    expect(v.toArray()).toEqual([1]);
    throwsLike(() => v.extend(5 as unknown as number[]), TypeError, TypeError);
    throwsLike(() => v.extend(null as unknown as number[]), TypeError, TypeError);
  });
  test('bulk checks accept exactly the dtype range (every small dtype)', () => {
    for (const d of DTYPE_NAMES) {
      const info = DTYPES[d];
      if (info.bigint || !info.integer) continue;
      const lo = info.min as number;
      const hi = info.max as number;
      const v = vector(d, [lo, hi, 0]);
      v.extend([hi, lo]);
      expect(v.toArray()).toEqual([lo, hi, 0, hi, lo]);
      throwsLike(() => v.extend([0, hi + 1]), OverflowError, RangeError, new RegExp(`${d} value ${hi + 1}`));
      throwsLike(() => v.extend([lo - 1]), OverflowError, RangeError);
      throwsLike(() => v.extend([0, NaN]), TypeError, TypeError);
      throwsLike(() => v.extend([Infinity]), TypeError, TypeError);
      throwsLike(() => v.extend([0.5]), TypeError, TypeError);
      throwsLike(() => v.extend([1, , 2] as number[]), TypeError, TypeError); // a hole reads as undefined
      expect(v.length).toBe(5);
    }
    const f = vector('float32', [1]);
    f.extend([NaN, -Infinity, 1e40]);
    expect(f.toArray()).toEqual([1, NaN, -Infinity, Infinity]);
    throwsLike(() => f.extend([1, null as unknown as number]), TypeError, TypeError);
  });
  test('array-likes without an iterator', () => {
    const v = vector('uint8');
    v.extend({ length: 2, 0: 1, 1: 2 });
    expect(v.toArray()).toEqual([1, 2]);
  });
});

describe('insert / pop / remove / clear', () => {
  test('insert clamps like Python', () => {
    const v = vector('b', [1, 2, 3]);
    v.insert(0, 9).insert(100, 8).insert(-100, 7).insert(-1, 6);
    expect(v.toArray()).toEqual([7, 9, 1, 2, 3, 6, 8]);
    throwsLike(() => v.insert(0, 1000), OverflowError, RangeError);
    throwsLike(() => v.insert(0.5, 1), TypeError, TypeError);
    expect(v.length).toBe(7);
  });
  test('pop', () => {
    const v = vector('uint16', [1, 2, 3, 4]);
    expect(v.pop()).toBe(4);
    expect(v.pop(0)).toBe(1);
    expect(v.pop(-2)).toBe(2);
    expect(v.toArray()).toEqual([3]);
    throwsLike(() => v.pop(1), IndexError, RangeError, /out of range/);
    throwsLike(() => v.pop(-2), IndexError, RangeError);
    expect(v.pop()).toBe(3);
    throwsLike(() => v.pop(), IndexError, RangeError, /pop from empty/);
    expect(vector('q', [5n]).pop()).toBe(5n);
  });
  test('remove: first occurrence; absent, wrong type, out of range → ValueError', () => {
    const v = vector('int8', [1, 2, 1]);
    v.remove(1);
    expect(v.toArray()).toEqual([2, 1]);
    v.remove(1.0);
    expect(v.toArray()).toEqual([2]);
    throwsLike(() => v.remove(5), ValueError, RangeError, /not in/);
    throwsLike(() => v.remove(300), ValueError, RangeError);
    throwsLike(() => v.remove('2'), ValueError, RangeError);
    throwsLike(() => vector('d', [NaN]).remove(NaN), ValueError, RangeError);
    const z = vector('d', [-0, 0]);
    z.remove(0);
    expect(Object.is(z.get(0), 0)).toBe(true);
  });
  test('clear keeps capacity', () => {
    const v = vector('float64', [1, 2, 3]);
    v.clear();
    expect(v.length).toBe(0);
    expect(v.capacity).toBe(3);
  });
});

describe('search: index / indexOf / count / includes', () => {
  test('index with start/stop (slice-style), ValueError when absent', () => {
    const v = vector('int32', [5, 6, 5, 6]);
    expect(v.index(6)).toBe(1);
    expect(v.index(5, 1)).toBe(2);
    expect(v.index(6, -2)).toBe(3);
    expect(v.index(5, 0, -2)).toBe(0);
    throwsLike(() => v.index(5, 3), ValueError, RangeError, /not in/);
    throwsLike(() => v.index(7), ValueError, RangeError);
    throwsLike(() => v.index(5, 0, 0), ValueError, RangeError);
    expect(v.index(6, -100, 100)).toBe(1);
  });
  test('indexOf returns -1; cross-type needles compare by value', () => {
    const v = vector('float64', [1, 2, 2]);
    expect(v.indexOf(2)).toBe(1);
    expect(v.indexOf(2, 2)).toBe(2);
    expect(v.indexOf(3)).toBe(-1);
    expect(v.indexOf(1n)).toBe(0);
    expect(v.indexOf('1')).toBe(-1);
    expect(v.indexOf(true)).toBe(-1);
    const q = vector('int64', [2n ** 60n, 3n]);
    expect(q.indexOf(2 ** 60)).toBe(0); // an unsafe integer needle compares by exact value, like Python
    expect(q.indexOf(3)).toBe(1);
    expect(q.indexOf(3.5)).toBe(-1);
    expect(vector('float64', [2 ** 60]).indexOf(2n ** 60n + 1n)).toBe(-1);
    expect(vector('int8', [1]).indexOf(1.5)).toBe(-1);
    expect(vector('float32', [0.1]).indexOf(0.1)).toBe(-1); // as Python: stored float32 != double 0.1
    expect(vector('float32', [0.1]).indexOf(Math.fround(0.1))).toBe(0);
  });
  test('NaN is never found by includes / count / index (Python ==)', () => {
    const v = vector('float64', [NaN, 1, NaN]);
    expect(v.includes(NaN)).toBe(false);
    expect(v.count(NaN)).toBe(0);
    expect(v.indexOf(NaN)).toBe(-1);
    throwsLike(() => v.index(NaN), ValueError, RangeError);
    expect(vector('float32', [NaN]).includes(NaN)).toBe(false);
  });
  test('count and includes never throw for wrong types', () => {
    const v = vector('int8', [1, 1, 2]);
    expect(v.count(1)).toBe(2);
    expect(v.count('x')).toBe(0);
    expect(v.count(1000)).toBe(0);
    expect(v.count(undefined)).toBe(0);
    expect(v.includes(2)).toBe(true);
    expect(v.includes(2n)).toBe(true);
    expect(v.includes({})).toBe(false);
    expect(vector('d', [-0]).includes(0)).toBe(true);
    expect(vector('uint64', [7n]).count(7)).toBe(1);
  });
});

describe('reverse / byteswap', () => {
  test('reverse in place', () => {
    const v = vector('int8', [1, 2, 3], { capacity: 8 });
    expect(v.reverse().toArray()).toEqual([3, 2, 1]);
    expect(vector('int8').reverse().length).toBe(0);
  });
  test('byteswap matches Python', () => {
    expect(vector('h', [1, 256]).byteswap().toArray()).toEqual([256, 1]);
    expect(vector('b', [1, -2]).byteswap().toArray()).toEqual([1, -2]);
    expect(vector('I', [0x01020304]).byteswap().toArray()).toEqual([0x04030201]);
    expect(vector('q', [1n]).byteswap().toArray()).toEqual([2n ** 56n]);
    const d = vector('d', [1.5, -2.25]);
    const bytes = d.toBytes();
    d.byteswap();
    expect(Array.from(d.toBytes())).toEqual([...Array.from(bytes.slice(0, 8)).reverse(), ...Array.from(bytes.slice(8)).reverse()]);
    expect(d.byteswap().toArray()).toEqual([1.5, -2.25]);
    const f = vector('f', [1]);
    expect(f.byteswap().byteswap().toArray()).toEqual([1]);
  });
});

describe('slice / setSlice / deleteSlice / subarray / array', () => {
  const base = (): Vector<'int8'> => vector('int8', [0, 1, 2, 3, 4, 5]);
  test('slice copies with Python rules', () => {
    const v = base();
    expect(v.slice().toArray()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(v.slice(1, 3).toArray()).toEqual([1, 2]);
    expect(v.slice(-2).toArray()).toEqual([4, 5]);
    expect(v.slice(10, 20).toArray()).toEqual([]);
    expect(v.slice(null, null, 2).toArray()).toEqual([0, 2, 4]);
    expect(v.slice(null, null, -1).toArray()).toEqual([5, 4, 3, 2, 1, 0]);
    expect(v.slice(4, 1, -2).toArray()).toEqual([4, 2]);
    const s = v.slice(0, 2);
    s.set(0, 100);
    expect(v.get(0)).toBe(0);
    expect(s.dtype).toBe('int8');
    throwsLike(() => v.slice(0, 1, 0), ValueError, RangeError, /step cannot be zero/);
    throwsLike(() => v.slice(0.5), TypeError, TypeError);
  });
  test('setSlice step 1 resizes, inserts, and handles self-assignment', () => {
    let v = base();
    v.setSlice(1, 3, 1, vector('int8', [9, 9, 9, 9]));
    expect(v.toArray()).toEqual([0, 9, 9, 9, 9, 3, 4, 5]);
    v = base();
    v.setSlice(1, 5, null, [7]);
    expect(v.toArray()).toEqual([0, 7, 5]);
    v = base();
    v.setSlice(5, 2, 1, [8]);
    expect(v.toArray()).toEqual([0, 1, 2, 3, 4, 8, 5]);
    v = vector('int8', [1, 2, 3, 4, 5]);
    v.setSlice(1, 4, 1, v);
    expect(v.toArray()).toEqual([1, 1, 2, 3, 4, 5, 5]);
    v = vector('int8', [1, 2, 3, 4, 5]);
    v.setSlice(0, 2, 1, v.subarray(1));
    expect(v.toArray()).toEqual([2, 3, 4, 5, 3, 4, 5]);
    v = base();
    v.setSlice(null, null, null, []);
    expect(v.length).toBe(0);
  });
  test('setSlice extended slices need equal sizes', () => {
    let v = vector('b', [1, 2, 3, 4, 5]);
    v.setSlice(null, null, -2, vector('b', [7, 8, 9]));
    expect(v.toArray()).toEqual([9, 2, 8, 4, 7]);
    v = base();
    v.setSlice(0, null, 2, Int8Array.of(-1, -2, -3));
    expect(v.toArray()).toEqual([-1, 1, -2, 3, -3, 5]);
    const before = state(v);
    throwsLike(() => v.setSlice(0, null, 2, [1, 2]), ValueError, RangeError, /extended slice of size 3/);
    throwsLike(() => v.setSlice(0, null, 3, [1, 200]), OverflowError, RangeError);
    throwsLike(() => v.setSlice(0, 2, 1, [1, 200, 3]), OverflowError, RangeError);
    throwsLike(() => v.setSlice(0, 1, 1, vector('int16', [1]) as unknown as Vector<'int8'>), TypeError, TypeError);
    throwsLike(() => v.setSlice(0, 1, 0, [1]), ValueError, RangeError);
    expect(state(v)).toEqual(before);
    v = vector('b', [1, 2, 3, 4, 5]);
    v.setSlice(null, null, 2, []); // CPython's array: a[::2] = array('b') deletes
    expect(v.toArray()).toEqual([2, 4]);
    v = vector('b', [1, 2, 3, 4]);
    v.setSlice(null, null, -1, v);
    expect(v.toArray()).toEqual([4, 3, 2, 1]);
  });
  test('deleteSlice follows del a[i:j:k]', () => {
    const ten = (): Vector<'int8'> => vector('int8', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(ten().deleteSlice(1, 3).toArray()).toEqual([0, 3, 4, 5, 6, 7, 8, 9]);
    expect(ten().deleteSlice(null, null, 3).toArray()).toEqual([1, 2, 4, 5, 7, 8]);
    expect(ten().deleteSlice(null, null, -3).toArray()).toEqual([1, 2, 4, 5, 7, 8]);
    expect(ten().deleteSlice(8, 2, -2).toArray()).toEqual([0, 1, 2, 3, 5, 7, 9]);
    expect(ten().deleteSlice(5, 1).toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(ten().deleteSlice().length).toBe(0);
  });
  test('subarray and array alias the live elements; stale after reallocation', () => {
    const v = vector('int16', [1, 2, 3], { capacity: 3 });
    const sub = v.subarray(1);
    expect(Array.from(sub)).toEqual([2, 3]);
    sub[0] = 20;
    expect(v.get(1)).toBe(20);
    expect(Array.from(v.subarray(-2, -1))).toEqual([20]);
    expect(Array.from(v.subarray(2, 1))).toEqual([]);
    expect(Array.from(v.subarray(0, 100))).toEqual([1, 20, 3]);
    const arr = v.array;
    expect(arr).toBeInstanceOf(Int16Array);
    expect(arr.length).toBe(3);
    v.push(4); // reallocates: capacity was 3
    arr[0] = 99;
    expect(v.get(0)).toBe(1);
    expect(v.array.length).toBe(4);
    throwsLike(() => v.subarray(0.5), TypeError, TypeError);
  });
});

describe('conversion: toArray / toBytes / fromBytes / toString / iterator', () => {
  test('toArray copies', () => {
    const v = vector('uint32', [1, 2]);
    const a = v.toArray();
    a[0] = 5;
    expect(v.get(0)).toBe(1);
    expect(Array.isArray(a)).toBe(true);
    expect(vector('Q', [1n]).toArray()).toEqual([1n]);
  });
  test('toBytes / fromBytes round trip in native order, byteOffset respected', () => {
    const v = vector('int16', [1, 256, -1]);
    const b = v.toBytes();
    expect(Array.from(b)).toEqual([1, 0, 0, 1, 255, 255]);
    expect(Vector.fromBytes('int16', b).toArray()).toEqual([1, 256, -1]);
    const padded = new Uint8Array(9);
    padded.set(b, 3); // unaligned for int16
    expect(Vector.fromBytes('h', padded.subarray(3, 9)).toArray()).toEqual([1, 256, -1]);
    expect(Vector.fromBytes('float64', new Float64Array([1.5]).buffer).toArray()).toEqual([1.5]);
    const w = vector('int16', [7]);
    w.fromBytes(new Uint8Array([2, 0]));
    expect(w.toArray()).toEqual([7, 2]);
    w.fromBytes(w.array); // its own bytes
    expect(w.toArray()).toEqual([7, 2, 7, 2]);
    expect(Vector.fromBytes('q', new BigInt64Array([-5n])).toArray()).toEqual([-5n]);
  });
  test('fromBytes with a length not a multiple of itemsize → ValueError, unchanged', () => {
    throwsLike(() => Vector.fromBytes('int32', new Uint8Array(6)), ValueError, RangeError, /multiple of item size 4/);
    const v = vector('int32', [1]);
    throwsLike(() => v.fromBytes(new Uint8Array(3)), ValueError, RangeError);
    throwsLike(() => v.fromBytes('abcd' as unknown as Uint8Array), TypeError, TypeError, /bytes-like/);
    expect(v.toArray()).toEqual([1]);
  });
  test('toString is Python-style', () => {
    expect(String(vector('int8', [1, 2]))).toBe("Vector('int8', [1, 2])");
    expect(vector('int8').toString()).toBe("Vector('int8', [])");
    expect(vector('q', [-3n]).toString()).toBe("Vector('int64', [-3])");
    expect(vector('d', [1.5, -0, NaN, -Infinity]).toString()).toBe("Vector('float64', [1.5, -0, NaN, -Infinity])");
  });
  nodeOnlyTest('console.log / util.inspect show the Python-style repr', async () => {
    const { inspect } = await import('node:util');
    expect(inspect(vector('uint8', [1, 2]))).toBe("Vector('uint8', [1, 2])");
  });
  test('iteration', () => {
    expect([...vector('int8', [1, 2, 3])]).toEqual([1, 2, 3]);
    expect([...vector('uint64', [1n])]).toEqual([1n]);
    const v = vector('int8', [1, 2]);
    const seen: number[] = [];
    for (const x of v) {
      seen.push(x);
      if (x === 1) v.push(3); // sees growth, like Python's array iterator
    }
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe('concat / repeat / equals / compare', () => {
  test('concat: same dtype only (TypeError as Python)', () => {
    const a = vector('int8', [1]);
    const b = vector('int8', [2, 3]);
    const c = a.concat(b);
    expect(c.toArray()).toEqual([1, 2, 3]);
    expect(c.capacity).toBe(3);
    expect(a.concat(a).toArray()).toEqual([1, 1]);
    throwsLike(() => a.concat(vector('int16', [1]) as unknown as Vector<'int8'>), TypeError, TypeError, /int16/);
    throwsLike(() => a.concat([1] as unknown as Vector<'int8'>), TypeError, TypeError);
  });
  test('repeat: n <= 0 is empty, non-integers are TypeError', () => {
    const v = vector('int16', [1, 2]);
    expect(v.repeat(3).toArray()).toEqual([1, 2, 1, 2, 1, 2]);
    expect(v.repeat(1).toArray()).toEqual([1, 2]);
    expect(v.repeat(0).length).toBe(0);
    expect(v.repeat(-5).length).toBe(0);
    expect(vector('int8').repeat(5).length).toBe(0);
    expect(v.repeat(5).toArray()).toEqual([1, 2, 1, 2, 1, 2, 1, 2, 1, 2]);
    throwsLike(() => v.repeat(1.5), TypeError, TypeError);
  });
  test('equals: by value across dtypes, NaN never equal', () => {
    expect(vector('b', [1, 2]).equals(vector('d', [1, 2]))).toBe(true);
    expect(vector('b', [1, 2]).equals(vector('q', [1n, 2n]))).toBe(true);
    expect(vector('q', [2n ** 60n]).equals(vector('d', [2 ** 60]))).toBe(true);
    expect(vector('q', [2n ** 60n + 1n]).equals(vector('d', [2 ** 60]))).toBe(false);
    expect(vector('f', [0.1]).equals(vector('d', [0.1]))).toBe(false);
    expect(vector('b', [1, 2]).equals(vector('b', [1, 2, 3]))).toBe(false);
    expect(vector('b', [1]).equals([1])).toBe(false);
    const n = vector('d', [NaN]);
    expect(n.equals(n)).toBe(false);
    expect(vector('d', [-0]).equals(vector('d', [0]))).toBe(true);
  });
  test('compare: lexicographic, NaN unordered', () => {
    expect(vector('b', [1, 2]).compare(vector('b', [1, 2, 0]))).toBe(-1);
    expect(vector('b', [1, 3]).compare(vector('d', [1, 2.5]))).toBe(1);
    expect(vector('b', [1, 2]).compare(vector('q', [1n, 2n]))).toBe(0);
    expect(vector('q', [1n]).compare(vector('d', [1.5]))).toBe(-1);
    expect(vector('b').compare(vector('b'))).toBe(0);
    expect(vector('d', [NaN]).compare(vector('d', [NaN]))).toBeNaN();
    expect(vector('d', [1, NaN]).compare(vector('d', [2, NaN]))).toBe(-1);
    throwsLike(() => vector('b').compare([] as unknown as Vector<'int8'>), TypeError, TypeError);
  });
});

describe('memory: capacity, reserve, shrinkToFit, byteLength, nbytes, memoryUsage', () => {
  test('accounting', () => {
    const v = vector('int32', [1, 2, 3], { capacity: 10 });
    expect(v.nbytes).toBe(12);
    expect(v.byteLength).toBe(40);
    const u = v.memoryUsage();
    expect(u).toEqual({ length: 3, capacity: 10, byteLength: 40, nbytes: 12, bytesPerItem: 40 / 3, slack: 28 });
    // the names before the common MemoryUsage shape, kept as deprecated (non-enumerable) aliases
    expect([u.elements, u.total]).toEqual([12, 40]);
    expect(Object.keys(u)).not.toContain('elements');
    expect(Object.isFrozen(u)).toBe(true);
    v.shrinkToFit();
    expect(v.capacity).toBe(3);
    expect(v.byteLength).toBe(12);
    expect(v.toArray()).toEqual([1, 2, 3]);
    v.reserve(100);
    expect(v.capacity).toBe(100);
    v.reserve(5); // never shrinks
    expect(v.capacity).toBe(100);
    expect(v.toArray()).toEqual([1, 2, 3]);
    throwsLike(() => v.reserve(-1), ValueError, RangeError);
    throwsLike(() => v.reserve(2 ** 33), ValueError, RangeError);
    throwsLike(() => v.reserve(1.5), TypeError, TypeError);
    const e = vector('float64', [1]);
    e.clear();
    e.shrinkToFit();
    expect(e.capacity).toBe(0);
    e.push(2);
    expect(e.toArray()).toEqual([2]);
  });
});

describe('sum / min / max', () => {
  test('sum per dtype family; int64 sum is an exact bigint', () => {
    expect(vector('int8', [1, 2, 3, 4, 5]).sum()).toBe(15);
    expect(vector('uint32', [2 ** 32 - 1, 2 ** 32 - 1]).sum()).toBe(2 * (2 ** 32 - 1));
    expect(vector('int64', [2n ** 62n, 2n ** 62n, 2n ** 62n]).sum()).toBe(3n * 2n ** 62n);
    expect(vector('uint64').sum()).toBe(0n);
    expect(vector('float64').sum()).toBe(0);
    expect(vector('float64', [0.5, 0.25, 0.125, 1, 2, 4, 8]).sum()).toBe(15.875);
    expect(vector('float32', [0.1]).sum()).toBe(Math.fround(0.1));
    expect(Object.is(vector('float64', [-0]).sum(), 0)).toBe(true); // Python: sum([-0.0]) == 0.0
  });
  test('min/max follow Python, including NaN position', () => {
    expect(vector('int16', [3, -1, 7]).min()).toBe(-1);
    expect(vector('int16', [3, -1, 7]).max()).toBe(7);
    expect(vector('q', [3n, -(2n ** 63n)]).min()).toBe(-(2n ** 63n));
    expect(vector('Q', [3n, 2n ** 64n - 1n]).max()).toBe(2n ** 64n - 1n);
    expect(vector('d', [NaN, 1]).min()).toBeNaN();
    expect(vector('d', [1, NaN]).min()).toBe(1);
    expect(vector('d', [1, NaN, 3]).max()).toBe(3);
    throwsLike(() => vector('int8').min(), ValueError, RangeError, /empty/);
    throwsLike(() => vector('int8').max(), ValueError, RangeError, /empty/);
  });
  test('kernels handle lengths that are not a multiple of 4 and ignore the capacity slack', () => {
    for (let n = 0; n < 11; n++) {
      const xs = Array.from({ length: n }, (_, i) => i + 1);
      const v = vector('int32', xs, { capacity: 16 });
      v.array.fill(0);
      v.extend(xs.map(() => 0))
        .clear()
        .extend(xs);
      expect(v.sum()).toBe((n * (n + 1)) / 2);
    }
  });
});

describe('export lock (BufferError while a view is exported)', () => {
  const exported = (v: Vector<DType>): { release: () => void; count: () => number } => {
    const exp = (v as unknown as { [k: symbol]: () => { lock: { acquire(): void; release(): void; count: number }; array: unknown; dtype: string; readonly: boolean } })[
      Symbol.for('compactly.exportBuffer')
    ]!();
    expect(exp.dtype).toBe(v.dtype);
    expect(exp.readonly).toBe(false);
    expect(exp.array).toBeInstanceOf(Object);
    exp.lock.acquire();
    return { release: () => exp.lock.release(), count: () => exp.lock.count };
  };
  test('the export aliases the live elements', () => {
    const v = vector('int8', [1, 2], { capacity: 8 });
    const exp = (v as unknown as Record<symbol, () => { array: Int8Array }>)[Symbol.for('compactly.exportBuffer')]!();
    expect(Array.from(exp.array)).toEqual([1, 2]);
    exp.array[0] = 5;
    expect(v.get(0)).toBe(5);
  });
  test('length-changing and reallocating ops throw BufferError and change nothing', () => {
    const v = vector('int32', [1, 2, 3], { capacity: 8 });
    const lock = exported(v);
    const before = state(v);
    const ops: Array<() => unknown> = [
      () => v.push(4), // within capacity: still refused, as Python
      () => v.extend([4]),
      () => v.extend(Int32Array.of(4)),
      () => v.extend(new Set([4])),
      () => v.extend(v),
      () => v.fromBytes(new Uint8Array(4)),
      () => v.insert(0, 1),
      () => v.pop(),
      () => v.pop(0),
      () => v.remove(1),
      () => v.clear(),
      () => v.setSlice(0, 1, 1, [1, 2]),
      () => v.setSlice(0, 2, 1, [1]),
      () => v.deleteSlice(0, 1),
      () => v.reserve(100),
      () => v.shrinkToFit(),
    ];
    for (const op of ops) {
      throwsLike(op, BufferError, Error, /exported/);
      expect(state(v)).toEqual(before);
    }
    expect(lock.count()).toBe(1);
    lock.release();
    v.push(4);
    expect(v.length).toBe(4);
  });
  test('same-size operations stay allowed', () => {
    const v = vector('int16', [1, 2, 3]);
    const lock = exported(v);
    v.set(0, 9);
    v.reverse();
    v.byteswap().byteswap();
    v.setSlice(0, 2, 1, [7, 8]);
    v.setSlice(null, null, -1, [1, 2, 3]);
    v.extend([]);
    v.extend(new Set());
    v.fromBytes(new Uint8Array(0));
    v.reserve(3);
    v.shrinkToFit(); // capacity already equals length
    v.deleteSlice(1, 1);
    expect(v.toArray()).toEqual([3, 2, 1]);
    expect(v.slice(1).toArray()).toEqual([2, 1]);
    expect(v.concat(v).length).toBe(6);
    expect(v.repeat(2).length).toBe(6);
    const e = vector('int8');
    const l2 = exported(e);
    e.clear(); // empty: no length change
    l2.release();
    lock.release();
  });
  test('value errors win over the lock only where Python checks them first', () => {
    const v = vector('int8', [1]);
    const lock = exported(v);
    throwsLike(() => v.remove(5), ValueError, RangeError);
    lock.release();
    const e = vector('int8');
    const l2 = exported(e);
    throwsLike(() => e.pop(), IndexError, RangeError, /empty/);
    l2.release();
  });
});
