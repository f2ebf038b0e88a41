/**
 * Example tests mirroring CPython's test_memoryview documented behaviours.
 */
import { describe, expect, test } from 'vitest';
import { IndexError, MemoryView, NotImplementedError, ValueError, memoryview } from '../../src/index.js';
import { throwsLike as throwsA } from '../_support/throws.js';
import { nodeOnlyTest } from '../_support/runtime.js';

const abc = () => new Uint8Array([97, 98, 99, 100, 101, 102]); // b'abcdef'

describe('construction', () => {
  test("memoryview(b'abcdef') attributes", () => {
    const src = abc();
    const m = memoryview(src);
    expect(m).toBeInstanceOf(MemoryView);
    expect(m.obj).toBe(src);
    expect(m.format).toBe('B');
    expect(m.itemsize).toBe(1);
    expect(m.nbytes).toBe(6);
    expect(m.ndim).toBe(1);
    expect(m.shape).toEqual([6]);
    expect(m.strides).toEqual([1]);
    expect(m.suboffsets).toEqual([]);
    expect(m.readonly).toBe(false);
    expect([m.cContiguous, m.fContiguous, m.contiguous]).toEqual([true, true, true]);
    expect(m.length).toBe(6);
    expect(Object.isFrozen(m.shape)).toBe(true);
  });
  test('each TypedArray gives its own format and itemsize', () => {
    const cases: [ArrayBufferView, string, number][] = [
      [new Int8Array(2), 'b', 1],
      [new Uint8Array(2), 'B', 1],
      [new Uint8ClampedArray(2), 'B', 1],
      [new Int16Array(2), 'h', 2],
      [new Uint16Array(2), 'H', 2],
      [new Int32Array(2), 'i', 4],
      [new Uint32Array(2), 'I', 4],
      [new BigInt64Array(2), 'q', 8],
      [new BigUint64Array(2), 'Q', 8],
      [new Float32Array(2), 'f', 4],
      [new Float64Array(2), 'd', 8],
      [new DataView(new ArrayBuffer(16)), 'B', 1],
    ];
    for (const [src, fmt, size] of cases) {
      const m = memoryview(src);
      expect([m.format, m.itemsize, m.nbytes]).toEqual([fmt, size, src.byteLength]);
      expect(m.length).toBe(src.byteLength / size);
    }
  });
  test('ArrayBuffer and SharedArrayBuffer are viewed whole as bytes', () => {
    const ab = new ArrayBuffer(8);
    expect(memoryview(ab).shape).toEqual([8]);
    const sab = new SharedArrayBuffer(4);
    const m = memoryview(sab);
    m.set(0, 7);
    expect(new Uint8Array(sab)[0]).toBe(7);
  });
  nodeOnlyTest('a pooled Node Buffer is viewed at its byteOffset/byteLength, never whole', () => {
    const b = Buffer.from('ab');
    expect(b.buffer.byteLength).toBeGreaterThan(2); // pooled
    const m = memoryview(b);
    expect(m.toList()).toEqual([97, 98]);
    m.set(1, 0x7a);
    expect(b.toString()).toBe('az');
    expect(m.toBytes()).toEqual(new Uint8Array([97, 122]));
  });
  test('a subarray and a DataView with an offset are respected', () => {
    const base = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(memoryview(base.subarray(3, 6)).toList()).toEqual([3, 4, 5]);
    expect(memoryview(new DataView(base.buffer, 5, 2)).toList()).toEqual([5, 6]);
    const i16 = new Int16Array(base.buffer, 2, 2);
    expect(memoryview(i16).toList()).toEqual([i16[0], i16[1]]);
  });
  test('memoryview(view) shares memory, layout and obj, and releases independently', () => {
    const src = abc();
    const m = memoryview(src).slice(1, null, 2);
    const m2 = memoryview(m);
    expect(m2.obj).toBe(src);
    expect(m2.toList()).toEqual(m.toList());
    expect(m2.strides).toEqual([2]);
    m.release();
    expect(m2.toList()).toEqual([98, 100, 102]);
    m2.set(0, 0);
    expect(src[1]).toBe(0);
  });
  test('new MemoryView(source) is the same as memoryview(source)', () => {
    const m = new MemoryView(new Float64Array([1, 2]));
    expect(m.format).toBe('d');
    expect(m.toList()).toEqual([1, 2]);
  });
  test('readonly option, and read-only memory stays read-only', () => {
    const m = memoryview(abc(), { readonly: true });
    expect(m.readonly).toBe(true);
    expect(memoryview(m).readonly).toBe(true);
    expect(m.slice(1).readonly).toBe(true);
    expect(m.cast('h').readonly).toBe(true);
    throwsA(() => memoryview(m, { readonly: false }), TypeError, TypeError, /read-only/);
    expect(memoryview(memoryview(abc()), { readonly: true }).readonly).toBe(true);
  });
  test('non-buffers are a TypeError (a bytes-like object is required)', () => {
    for (const bad of ['abc', 1, [1, 2], null, undefined, {}, new Map()]) {
      throwsA(() => memoryview(bad as never), TypeError, TypeError, /bytes-like object is required/);
    }
    throwsA(() => (memoryview as unknown as () => unknown)(), TypeError, TypeError, /missing required argument/);
    throwsA(() => memoryview(abc(), { readonly: 1 as never }), TypeError, TypeError);
    throwsA(() => memoryview(abc(), { field: 'x' }), TypeError, TypeError, /field/);
  });
});

describe('indexing', () => {
  test('get with negatives; out of range is IndexError; non-integers TypeError', () => {
    const m = memoryview(abc());
    expect(m.get(0)).toBe(97);
    expect(m.get(-1)).toBe(102);
    expect(m.get(-6)).toBe(97);
    throwsA(() => m.get(6), IndexError, RangeError, /out of bounds on dimension 1/);
    throwsA(() => m.get(-7), IndexError, RangeError);
    throwsA(() => m.get(1.5), TypeError, TypeError, /invalid slice key/);
    throwsA(() => m.get(NaN), TypeError, TypeError);
    throwsA(() => m.get('a' as never), TypeError, TypeError, /invalid slice key/);
    throwsA(() => m.get(true as never), TypeError, TypeError);
  });
  test('1-D tuple index [i] works; wrong tuple length is TypeError', () => {
    const m = memoryview(abc());
    expect(m.get([0])).toBe(97);
    expect(m.get([-2])).toBe(101);
    throwsA(() => m.get([0, 0]), TypeError, TypeError, /cannot index 1-dimension view with 2-element tuple/);
    throwsA(() => m.get([]), TypeError, TypeError, /1-dimension view with 0-element/);
  });
  test('N-D: tuples index elements, one integer is NotImplementedError', () => {
    const m = memoryview(abc()).cast('B', [2, 3]);
    expect(m.get([1, 2])).toBe(102);
    expect(m.get([1, -1])).toBe(102);
    expect(m.get([-2, 0])).toBe(97);
    throwsA(() => m.get([1, 3]), IndexError, RangeError, /dimension 2/);
    throwsA(() => m.get([1, -4]), IndexError, RangeError, /dimension 2/);
    throwsA(() => m.get([2, 0]), IndexError, RangeError, /dimension 1/);
    throwsA(() => m.get(0), NotImplementedError, Error, /multi-dimensional sub-views are not implemented/);
    throwsA(() => m.set(0, 1), NotImplementedError, Error, /sub-views are not implemented/);
    throwsA(() => m.get([0, 1, 2]), TypeError, TypeError, /cannot index 2-dimension view with 3-element tuple/);
    m.set([0, 1], 7);
    expect(m.toList()).toEqual([
      [97, 7, 99],
      [100, 101, 102],
    ]);
    throwsA(() => [...m], NotImplementedError, Error);
    expect(m.length).toBe(2);
  });
  test('0-d views: get([]) reads, integers are TypeError, no length', () => {
    const m = memoryview(new Uint8Array([97])).cast('B', []);
    expect(m.ndim).toBe(0);
    expect(m.shape).toEqual([]);
    expect(m.strides).toEqual([]);
    expect(m.get([])).toBe(97);
    expect(m.toList()).toBe(97);
    expect(m.toBytes()).toEqual(new Uint8Array([97]));
    expect(m.cContiguous && m.fContiguous).toBe(true);
    throwsA(() => m.get(0), TypeError, TypeError, /invalid indexing of 0-dim memory/);
    throwsA(() => m.length, TypeError, TypeError, /0-dim memory has no length/);
    throwsA(() => m.slice(), TypeError, TypeError, /0-dim/);
    throwsA(() => [...m], TypeError, TypeError);
    m.set([], 5);
    expect(m.get([])).toBe(5);
    expect(m.cast('B').shape).toEqual([1]);
    expect(m.equals(memoryview(new Uint8Array([5])).cast('B', []))).toBe(true);
  });
  test('get reads every format, including e, ?, c', () => {
    const b = new Uint8Array([0x61, 0x62, 0x63, 0x64]);
    expect(memoryview(b).cast('c').toList()).toEqual([...b].map((x) => new Uint8Array([x])));
    expect(memoryview(b).cast('c').get(1)).toEqual(new Uint8Array([0x62]));
    expect(
      memoryview(new Uint8Array([0, 1, 2]))
        .cast('?')
        .toList(),
    ).toEqual([false, true, true]);
    expect(memoryview(b).cast('e').get(1)).toBe(1123);
    expect(memoryview(new BigInt64Array([-5n])).get(0)).toBe(-5n);
    expect(memoryview(new BigUint64Array([2n ** 64n - 1n])).get(0)).toBe(2n ** 64n - 1n);
    expect(memoryview(new Float32Array([0.1])).get(0)).toBe(Math.fround(0.1));
  });
});

describe('set: checked writes (Python raises ValueError for out-of-range, TypeError for wrong type)', () => {
  test('writes go through to the owner', () => {
    const src = abc();
    const m = memoryview(src);
    m.set(0, 120);
    m.set(-1, 121);
    expect([src[0], src[5]]).toEqual([120, 121]);
  });
  test('out-of-range values are ValueError, per format', () => {
    const buf = new ArrayBuffer(16);
    const m = memoryview(buf);
    throwsA(() => m.set(0, 256), ValueError, RangeError, /invalid value for format 'B'/);
    throwsA(() => m.set(0, -1), ValueError, RangeError);
    throwsA(() => m.cast('b').set(0, 128), ValueError, RangeError, /format 'b'/);
    throwsA(() => m.cast('h').set(0, 32768), ValueError, RangeError);
    throwsA(() => m.cast('H').set(0, -1), ValueError, RangeError);
    throwsA(() => m.cast('i').set(0, 2 ** 31), ValueError, RangeError);
    throwsA(() => m.cast('I').set(0, 2 ** 32), ValueError, RangeError);
    throwsA(() => m.cast('q').set(0, 2n ** 63n), ValueError, RangeError, /format 'q'/);
    throwsA(() => m.cast('Q').set(0, -1n), ValueError, RangeError, /format 'Q'/);
    throwsA(() => m.cast('e').set(0, 65520), ValueError, RangeError, /format 'e'/);
    expect(new Uint8Array(buf)).toEqual(new Uint8Array(16)); // nothing was written
  });
  test('wrong types are TypeError', () => {
    const m = memoryview(new ArrayBuffer(16));
    throwsA(() => m.set(0, 1.5), TypeError, TypeError, /invalid type for format 'B'/);
    throwsA(() => m.set(0, '1' as never), TypeError, TypeError);
    throwsA(() => m.set(0, true as never), TypeError, TypeError);
    throwsA(() => m.set(0, 1n as never), TypeError, TypeError);
    throwsA(() => m.cast('d').set(0, 'x' as never), TypeError, TypeError, /format 'd'/);
    throwsA(() => m.cast('q').set(0, 2 ** 60), TypeError, TypeError, /unsafe integer/);
    throwsA(() => m.cast('q').set(0, 1.5), TypeError, TypeError);
    throwsA(() => m.cast('c').set(0, 97 as never), TypeError, TypeError, /format 'c'/);
    throwsA(() => m.cast('c').set(0, new Uint8Array(2)), ValueError, RangeError, /format 'c'/);
    throwsA(() => m.cast('?').set(0, 'x' as never), TypeError, TypeError);
  });
  test('accepted values per format', () => {
    const buf = new ArrayBuffer(16);
    const m = memoryview(buf);
    const q = m.cast('q');
    q.set(0, 5);
    expect(q.get(0)).toBe(5n);
    q.set(1, -(2n ** 63n));
    expect(q.get(1)).toBe(-(2n ** 63n));
    const f = m.cast('f');
    f.set(0, 1e40); // Python stores inf
    expect(f.get(0)).toBe(Infinity);
    const d = m.cast('d');
    d.set(0, 3);
    expect(d.get(0)).toBe(3);
    const e = m.cast('e');
    e.set(0, 0.1);
    expect(e.get(0)).toBe(0.0999755859375);
    e.set(1, 65519.99);
    expect(e.get(1)).toBe(65504);
    e.set(2, -Infinity);
    expect(e.get(2)).toBe(-Infinity);
    const c = m.cast('c');
    c.set(0, new Uint8Array([0x7a]));
    expect(c.get(0)).toEqual(new Uint8Array([0x7a]));
    const b = m.cast('?');
    b.set(0, 5);
    expect(b.get(0)).toBe(true);
    b.set(0, 0n);
    expect(b.get(0)).toBe(false);
    b.set(0, true);
    expect(new Uint8Array(buf)[0]).toBe(1);
  });
  test('read-only views refuse writes with TypeError, before looking at the index', () => {
    const src = abc();
    const m = memoryview(src).toReadonly();
    throwsA(() => m.set(0, 1), TypeError, TypeError, /cannot modify read-only memory/);
    throwsA(() => m.set(100, 1), TypeError, TypeError, /read-only/);
    throwsA(() => m.setSlice(0, 1, 1, new Uint8Array([1])), TypeError, TypeError, /read-only/);
    expect(src).toEqual(abc());
    src[0] = 0;
    expect(m.get(0)).toBe(0); // later writes to the base stay visible
    expect(() => m.array).toThrow(TypeError);
  });
  test('index errors come before value errors', () => {
    const m = memoryview(abc());
    throwsA(() => m.set(10, 1000), IndexError, RangeError);
  });
});

describe('slicing (zero-copy, Python slice rules)', () => {
  test('shares memory and composes', () => {
    const src = abc();
    const m = memoryview(src);
    const s = m.slice(1, 5);
    expect(s.toList()).toEqual([98, 99, 100, 101]);
    s.set(0, 66);
    expect(src[1]).toBe(66);
    expect(s.slice(null, null, -1).toList()).toEqual([101, 100, 99, 66]);
    expect(m.slice(null, null, 2).toList()).toEqual([97, 99, 101]);
    expect(m.slice(null, null, 2).strides).toEqual([2]);
    expect(m.slice(null, null, -1).strides).toEqual([-1]);
    expect(m.slice(5, 1, -2).toList()).toEqual([102, 100]);
    expect(m.slice(-2).toList()).toEqual([101, 102]);
    expect(m.slice(3, 1).toList()).toEqual([]);
    expect(m.slice(1, 100).length).toBe(5);
    expect(m.slice(undefined, undefined, 2).obj).toBe(src);
  });
  test('nbytes counts only the slice: m[::2] over six int16 has nbytes 6', () => {
    const m = memoryview(new Int16Array(6));
    expect(m.slice(null, null, 2).nbytes).toBe(6);
    expect(m.slice(null, null, -1).strides).toEqual([-2]);
  });
  test('contiguity of slices follows CPython', () => {
    const m = memoryview(abc());
    expect(m.slice(null, null, -1).contiguous).toBe(false);
    expect(m.slice(null, null, 2).contiguous).toBe(false);
    expect(m.slice(1, 2, 5).contiguous).toBe(true); // shape (1,)
    expect(m.slice(0, 0).contiguous).toBe(true);
    expect(m.slice(0, 0, -1).contiguous).toBe(false); // CPython 3.11 flags: strides (-1,)
    const n = m.cast('B', [2, 3]);
    expect([n.cContiguous, n.fContiguous]).toEqual([true, false]);
    expect(memoryview(abc()).cast('B', [1, 6]).fContiguous).toBe(true);
    expect(memoryview(abc()).cast('B', [6, 1]).fContiguous).toBe(true);
    expect(n.slice(null, null, -1).cContiguous).toBe(false);
  });
  test('N-D slices cut the first dimension', () => {
    const n = memoryview(abc()).cast('B', [2, 3]);
    expect(n.slice(1, 2).shape).toEqual([1, 3]);
    expect(n.slice(null, null, -1).strides).toEqual([-3, 1]);
    expect(n.slice(null, null, -1).toList()).toEqual([
      [100, 101, 102],
      [97, 98, 99],
    ]);
    expect(n.slice(null, null, -1).toBytes()).toEqual(new Uint8Array([100, 101, 102, 97, 98, 99]));
    expect(n.slice(null, null, -1).hex()).toBe('646566616263');
  });
  test('step 0 is ValueError; non-integers TypeError', () => {
    const m = memoryview(abc());
    throwsA(() => m.slice(0, 1, 0), ValueError, RangeError, /step cannot be zero/);
    throwsA(() => m.slice(0.5), TypeError, TypeError);
  });
  test('setSlice copies a same-format, same-length bytes-like source', () => {
    const src = new Uint8Array([97, 98, 99, 100]);
    const m = memoryview(src);
    m.setSlice(1, 3, null, new Uint8Array([88, 89]));
    expect(src).toEqual(new Uint8Array([97, 88, 89, 100]));
    m.setSlice(0, 4, 2, new Uint8Array([1, 2]));
    expect(src).toEqual(new Uint8Array([1, 88, 2, 100]));
    m.setSlice(0, 0, 1, new Uint8Array(0));
    const h = memoryview(new Int16Array(3));
    h.setSlice(0, 2, 1, new Int16Array([-1, -2]));
    expect(h.toList()).toEqual([-1, -2, 0]);
    h.setSlice(null, null, -1, memoryview(new Int16Array([1, 2, 3])));
    expect(h.toList()).toEqual([3, 2, 1]);
    h.setSlice(0, 2, 1, memoryview(new Uint8Array([5, 0, 6, 0])).cast('@h'));
    expect(h.toList()).toEqual([5, 6, 1]);
  });
  test('setSlice handles overlap as if the source were copied first', () => {
    const src = new Uint8Array([97, 98, 99, 100]);
    const m = memoryview(src);
    m.setSlice(0, 4, 1, m.slice(null, null, -1));
    expect(new TextDecoder().decode(src)).toBe('dcba');
    m.setSlice(1, 4, 1, m.slice(0, 3));
    expect(new TextDecoder().decode(src)).toBe('ddcb');
  });
  test('setSlice errors: structures, bytes-like, N-D', () => {
    const m = memoryview(new Uint8Array(4));
    throwsA(() => m.setSlice(0, 2, 1, new Uint8Array(3)), ValueError, RangeError, /different structures/);
    throwsA(() => m.setSlice(0, 2, 1, new Int8Array(2)), ValueError, RangeError, /different structures/);
    throwsA(() => m.setSlice(0, 2, 1, [1, 2]), TypeError, TypeError, /bytes-like object is required, not array/);
    throwsA(() => memoryview(new Int16Array(2)).setSlice(0, 2, 1, new Uint16Array(2)), ValueError, RangeError);
    throwsA(() => memoryview(new Float32Array(2)).setSlice(0, 2, 1, new Float64Array(2)), ValueError, RangeError);
    const n = memoryview(new Uint8Array(4)).cast('B', [2, 2]);
    throwsA(() => n.setSlice(0, 1, 1, new Uint8Array(2)), NotImplementedError, Error, /restricted to ndim = 1/);
    expect(new Uint8Array(m.toBytes())).toEqual(new Uint8Array(4));
  });
});

describe('cast (Python rules 1-8)', () => {
  test('byte → other and back, reading native order', () => {
    const m = memoryview(new Uint8Array([1, 0, 2, 0]));
    const h = m.cast('h');
    expect([h.format, h.itemsize, h.shape, h.toList()]).toEqual(['h', 2, [2], [1, 2]]);
    expect(h.cast('B').toList()).toEqual([1, 0, 2, 0]);
    expect(m.cast('@h').format).toBe('@h');
    expect(m.cast('@B').equals(m)).toBe(true);
  });
  test('no alignment requirement (rule 7): b"abcdefghi"[1:].cast("i")', () => {
    const m = memoryview(new TextEncoder().encode('abcdefghi')).slice(1).cast('i');
    expect(m.toList()).toEqual([1701077858, 1768449894]);
    m.set(0, -1);
    expect(m.get(0)).toBe(-1);
    expect(m.get(-1)).toBe(1768449894);
  });
  test('cast with a shape (1-D → N-D) and back (N-D → 1-D)', () => {
    const m = memoryview(abc());
    const n = m.cast('B', [2, 3]);
    expect([n.ndim, n.shape, n.strides]).toEqual([2, [2, 3], [3, 1]]);
    expect(n.cast('h').toList()).toEqual([25185, 25699, 26213]);
    expect(n.cast('B', [6]).shape).toEqual([6]);
    expect(memoryview(new Uint8Array(1)).cast('B', []).shape).toEqual([]);
    expect(memoryview(new Uint8Array(8)).cast('d', [1]).shape).toEqual([1]);
  });
  test('rule 1: source must be C-contiguous → TypeError', () => {
    const m = memoryview(abc());
    throwsA(() => m.slice(null, null, 2).cast('B'), TypeError, TypeError, /C-contiguous/);
    throwsA(() => m.cast('B', [2, 3]).slice(null, null, -1).cast('B'), TypeError, TypeError, /C-contiguous/);
  });
  test('rule 2: unknown formats → ValueError (and non-strings TypeError)', () => {
    const m = memoryview(abc());
    for (const f of ['x', '<i', 'ii', '', '@', 'l', 'L', 'n', 'P', '@@B']) {
      throwsA(() => m.cast(f as never), ValueError, RangeError);
    }
    throwsA(() => m.cast(1 as never), TypeError, TypeError);
  });
  test('rule 3: two non-byte formats → TypeError', () => {
    const m = memoryview(new Uint8Array(8));
    throwsA(() => m.cast('h').cast('i'), TypeError, TypeError, /two non-byte formats/);
    throwsA(() => memoryview(new Float64Array(1)).cast('q'), TypeError, TypeError);
    expect(m.cast('h').cast('c').cast('i').shape).toEqual([2]);
  });
  test('rule 4: length must be a multiple of the itemsize → TypeError', () => {
    throwsA(() => memoryview(abc()).cast('i'), TypeError, TypeError, /not a multiple of itemsize/);
  });
  test('rule 5: shape checks', () => {
    const m = memoryview(abc());
    throwsA(() => m.cast('B', 6 as never), TypeError, TypeError, /list or a tuple/);
    throwsA(() => m.cast('B', [0]), ValueError, RangeError, /integers > 0/);
    throwsA(() => m.cast('B', [-6]), ValueError, RangeError, /integers > 0/);
    throwsA(() => m.cast('B', [1.5]), TypeError, TypeError, /integers/);
    throwsA(() => m.cast('B', []), TypeError, TypeError, /product\(shape\)/);
    throwsA(() => m.cast('B', [4]), TypeError, TypeError, /product\(shape\)/);
    throwsA(() => m.cast('B', new Array<number>(65).fill(1)), ValueError, RangeError, /64/);
    throwsA(() => m.slice(0, 0).cast('B', [2]), TypeError, TypeError, /zeros in shape/);
    expect(m.slice(0, 0).cast('h').shape).toEqual([0]);
  });
  test('rule 6: only 1-D → N-D or N-D → 1-D', () => {
    const n = memoryview(abc()).cast('B', [2, 3]);
    throwsA(() => n.cast('B', [3, 2]), TypeError, TypeError, /1D -> ND or ND -> 1D/);
    throwsA(() => memoryview(new Uint8Array(2)).cast('B', [1, 2]).cast('B', []), TypeError, TypeError, /1D -> ND/);
  });
  test('rule 8: casts share memory with the exporter', () => {
    const src = new Uint8Array(8);
    memoryview(src).cast('d').set(0, 1.5);
    expect(new Float64Array(src.buffer)[0]).toBe(1.5);
    const u = memoryview(src).cast('B', [2, 4]).cast('I');
    expect(u.obj).toBe(src);
  });
});

describe('copies: toBytes, toList, hex', () => {
  test('toBytes packs, with C/F/A orders', () => {
    const m = memoryview(new Uint8Array([97, 98, 99, 100]));
    expect(m.toBytes()).toEqual(new Uint8Array([97, 98, 99, 100]));
    expect(m.slice(null, null, -1).toBytes()).toEqual(new Uint8Array([100, 99, 98, 97]));
    expect(m.slice(null, null, -1).toBytes('F')).toEqual(new Uint8Array([100, 99, 98, 97]));
    const n = m.cast('B', [2, 2]);
    expect(n.toBytes('F')).toEqual(new Uint8Array([97, 99, 98, 100]));
    expect(n.toBytes('A')).toEqual(new Uint8Array([97, 98, 99, 100]));
    expect(n.toBytes('C')).toEqual(new Uint8Array([97, 98, 99, 100]));
    throwsA(() => m.toBytes('X' as never), ValueError, RangeError, /order must be 'C', 'F' or 'A'/);
    const copy = m.toBytes();
    copy[0] = 0;
    expect(m.get(0)).toBe(97);
  });
  test('toBytes of strided multi-byte items keeps item bytes together', () => {
    const m = memoryview(new Int16Array([1, 2, 3, 4]));
    expect(m.slice(null, null, -2).toBytes()).toEqual(new Uint8Array(new Int16Array([4, 2]).buffer));
  });
  test('hex with separators (Python bytes.hex semantics)', () => {
    const m = memoryview(new Uint8Array([0x61, 0x62, 0x63, 0x64]));
    expect(m.hex()).toBe('61626364');
    expect(m.hex(':')).toBe('61:62:63:64');
    expect(m.hex('-', 2)).toBe('6162-6364');
    expect(m.hex(':', -3)).toBe('616263:64');
    expect(m.hex(':', 3)).toBe('61:626364');
    expect(m.hex(':', 0)).toBe('61626364');
    expect(m.hex(new Uint8Array([0x3a]))).toBe('61:62:63:64');
    expect(m.slice(null, null, 2).hex()).toBe('6163');
    expect(memoryview(new Uint8Array(0)).hex(':')).toBe('');
    throwsA(() => m.hex('::'), ValueError, RangeError, /length 1/);
    throwsA(() => m.hex('é'), ValueError, RangeError, /ASCII/);
    throwsA(() => m.hex(''), ValueError, RangeError);
    throwsA(() => m.hex(':', 1.5), TypeError, TypeError);
  });
  test('toList nests for N-D', () => {
    const n = memoryview(new Uint8Array([97, 98, 99, 100])).cast('B', [2, 2]);
    expect(n.toList()).toEqual([
      [97, 98],
      [99, 100],
    ]);
    expect(
      memoryview(new Int32Array([1, 2, 3, 4, 5, 6]))
        .cast('B')
        .cast('i', [3, 2])
        .toList(),
    ).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });
  test('array: aliased TypedArray for writable contiguous views', () => {
    const src = new Float64Array([1, 2, 3, 4]);
    const a = memoryview(src).slice(1, 3).array;
    expect(a).toBeInstanceOf(Float64Array);
    expect(Array.from(a)).toEqual([2, 3]);
    (a as Float64Array)[0] = 9;
    expect(src[1]).toBe(9);
    expect(() => memoryview(src).slice(null, null, 2).array).toThrow(TypeError);
    expect(() => memoryview(new Uint8Array(9)).slice(1).cast('d', [1]).array).toThrow(TypeError);
    expect(() => memoryview(new Uint8Array(2)).cast('e').array).toThrow(TypeError);
  });
});

describe('equality and search', () => {
  test('equal by shape and values, not format', () => {
    expect(memoryview(new Int16Array([1, 2])).equals(new Float64Array([1, 2]))).toBe(true);
    expect(memoryview(new Uint8Array([97, 98])).equals(new Uint8Array([97, 98]))).toBe(true);
    const m = memoryview(new Uint8Array([1, 2]));
    expect(m.equals(m.cast('B', [1, 2]))).toBe(false);
    expect(m.equals(m.cast('c'))).toBe(false); // 1-byte bytes never equal ints
    expect(m.cast('c').equals(m.cast('c'))).toBe(true);
    expect(
      memoryview(new Uint8Array([1, 0]))
        .cast('?')
        .equals(new Uint8Array([1, 0])),
    ).toBe(true);
    expect(memoryview(new Uint8Array(0)).cast('c').equals(new Uint8Array(0))).toBe(true);
    expect(memoryview(new BigInt64Array([2n ** 62n + 1n])).equals(new Float64Array([2 ** 62]))).toBe(false);
    expect(memoryview(new BigInt64Array([2n ** 53n])).equals(new Float64Array([2 ** 53]))).toBe(true);
  });
  test('NaN never equals, not even itself; non-buffers never equal', () => {
    const m = memoryview(new Float64Array([NaN]));
    expect(m.equals(m)).toBe(true); // identity, as CPython's m == m
    expect(m.equals(memoryview(m))).toBe(false);
    const b = memoryview(new Uint8Array([97, 98, 99]));
    expect(b.equals([97, 98, 99])).toBe(false);
    expect(b.equals('abc')).toBe(false);
    expect(b.equals(null)).toBe(false);
  });
  test('released views equal only themselves', () => {
    const m = memoryview(new Uint8Array([1]));
    const o = memoryview(new Uint8Array([1]));
    m.release();
    expect(m.equals(m)).toBe(true);
    expect(m.equals(o)).toBe(false);
    expect(o.equals(m)).toBe(false);
  });
  test('count, index, includes (Python 3.14 count/index, `in`)', () => {
    const m = memoryview(new Uint8Array([1, 2, 1, 3]));
    expect(m.count(1)).toBe(2);
    expect(m.count(1n)).toBe(2);
    expect(m.count('1')).toBe(0);
    expect(m.index(1)).toBe(0);
    expect(m.index(1, 1)).toBe(2);
    expect(m.index(3, -1)).toBe(3);
    throwsA(() => m.index(1, 3), ValueError, RangeError, /not found/);
    throwsA(() => m.index(9), ValueError, RangeError, /not found/);
    expect(m.includes(3)).toBe(true);
    expect(m.includes(4)).toBe(false);
    expect(memoryview(new Float64Array([NaN])).count(NaN)).toBe(0);
    throwsA(() => m.cast('B', [2, 2]).count(1), NotImplementedError, Error);
    throwsA(() => m.cast('B', [2, 2]).cast('I', []).index(1), TypeError, TypeError);
    expect(m.slice(null, null, -1).index(1)).toBe(1);
  });
  test('iteration yields the items of a 1-D view', () => {
    expect([...memoryview(new Int8Array([-1, 2])).slice(null, null, -1)]).toEqual([2, -1]);
  });
});

describe('release', () => {
  test('every use after release is ValueError; release is idempotent', () => {
    const m = memoryview(abc());
    m.release();
    m.release();
    expect(m.released).toBe(true);
    const uses: (() => unknown)[] = [
      () => m.obj,
      () => m.format,
      () => m.itemsize,
      () => m.nbytes,
      () => m.ndim,
      () => m.shape,
      () => m.strides,
      () => m.suboffsets,
      () => m.readonly,
      () => m.cContiguous,
      () => m.fContiguous,
      () => m.contiguous,
      () => m.length,
      () => m.get(0),
      () => m.get([0]),
      () => m.set(0, 1),
      () => m.slice(),
      () => m.setSlice(0, 1, 1, new Uint8Array(1)),
      () => m.cast('B'),
      () => m.toBytes(),
      () => m.toList(),
      () => m.hex(),
      () => m.toReadonly(),
      () => m.array,
      () => m.count(1),
      () => m.index(1),
      () => m.includes(1),
      () => [...m],
      () => memoryview(m),
    ];
    for (const use of uses) throwsA(use, ValueError, RangeError, /released memoryview/);
    expect(String(m)).toBe('MemoryView(released)');
  });
  test('Symbol.dispose releases (what `using` calls)', () => {
    const m = memoryview(abc());
    m[Symbol.dispose]();
    expect(m.released).toBe(true);
  });
  test('a slice outlives its released parent', () => {
    const m = memoryview(abc());
    const s = m.slice(1, 3);
    m.release();
    expect(s.toList()).toEqual([98, 99]);
  });
  test('releasing the other operand of setSlice and equals is the caller’s job', () => {
    const src = memoryview(new Uint8Array([1]));
    src.release();
    throwsA(() => memoryview(new Uint8Array(1)).setSlice(0, 1, 1, src), ValueError, RangeError);
  });
  test('toString describes the view', () => {
    expect(String(memoryview(new Float64Array(3)))).toBe("MemoryView(format='d', shape=[3], readonly=false)");
  });
});

describe('platform edges', () => {
  test('a resizable ArrayBuffer shrinking under a view makes access throw instead of reading garbage', () => {
    type Resizable = ArrayBuffer & { resize(n: number): void };
    const RAB = ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => Resizable;
    const rab = new RAB(8, { maxByteLength: 16 });
    const m = memoryview(rab);
    m.set(7, 9);
    expect(m.get(7)).toBe(9);
    rab.resize(4);
    throwsA(() => m.get(0), ValueError, RangeError, /detached or shrunk/);
    throwsA(() => m.set(0, 1), ValueError, RangeError, /detached or shrunk/);
    throwsA(() => m.toBytes(), ValueError, RangeError);
    rab.resize(8);
    expect(m.get(7)).toBe(0);
  });
  test('a transferred (detached) buffer makes reads throw instead of returning undefined', () => {
    const src = new Float64Array([1, 2]);
    const m = memoryview(src);
    expect(m.get(1)).toBe(2);
    structuredClone(src.buffer, { transfer: [src.buffer] });
    expect(() => m.get(1)).toThrow();
  });
});
