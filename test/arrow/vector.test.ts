/**
 * Vector ↔ arrow Vector and Categorical ↔ Dictionary, with apache-arrow as the oracle.
 */
import * as A from 'apache-arrow';
import * as F from '@uwdata/flechette';
import { describe, expect, test } from 'vitest';
import { DTYPES, DTYPE_NAMES, type DType } from '../../src/dtype.js';
import { ValueError } from '../../src/errors.js';
import { Vector, vector } from '../../src/vector.js';
import { Categorical, categorical } from '../../src/categorical.js';
import { arrowTypeOf, dtypeOfArrowType, fromArrow, toArrow } from '../../src/arrow/index.js';

/** Sample values per dtype including both extremes. */
function samples(d: DType): (number | bigint)[] {
  const info = DTYPES[d];
  if (info.bigint) return [info.min as bigint, -1n, 0n, 1n, info.max as bigint].filter((x) => x >= (info.min as bigint));
  if (!info.integer) return d === 'float32' ? [-3.5, 0, 1.25, Infinity, -Infinity, NaN] : [-1e300, -0, 0.1, 1e300, NaN, Infinity];
  return [info.min as number, 0, 1, info.max as number];
}

function sameBuffer(a: ArrayBufferView, b: ArrayBufferView): void {
  expect(a.buffer).toBe(b.buffer);
  expect(a.byteOffset).toBe(b.byteOffset);
}

describe('type mapping', () => {
  test.each(DTYPE_NAMES)('%s maps to an Arrow type with the same TypedArray class and back', (d) => {
    const t = arrowTypeOf(d);
    expect(new (t.ArrayType as new (n: number) => unknown)(0)).toBeInstanceOf(DTYPES[d].ctor);
    expect(dtypeOfArrowType(t)).toBe(d);
  });
  test('a name that is not a dtype is a ValueError', () => {
    expect(() => arrowTypeOf('int128' as never)).toThrow(ValueError);
    expect(() => arrowTypeOf('toString' as never)).toThrow(/arrowTypeOf: unknown dtype "toString"/);
  });
  test('non-numeric Arrow types have no dtype', () => {
    for (const t of [new A.Utf8(), new A.Bool(), new A.Float16(), new A.TimestampMillisecond(), new A.Dictionary(new A.Utf8(), new A.Int8())]) {
      expect(dtypeOfArrowType(t)).toBeUndefined();
    }
  });
});

describe('toArrow(Vector)', () => {
  test.each(DTYPE_NAMES)('%s: values, type and zero-copy (live elements only, not capacity)', (d) => {
    const v = vector(d, samples(d) as never, { capacity: 64 });
    expect(v.capacity).toBeGreaterThan(v.length);
    const a = toArrow(v);
    expect(a.length).toBe(v.length);
    expect(dtypeOfArrowType(a.type)).toBe(d);
    const values = a.data[0]!.values as ArrayBufferView & ArrayLike<unknown>;
    sameBuffer(values, v.array);
    expect(values.length).toBe(v.length);
    expect([...a]).toEqual([...v]);
    // The Arrow IPC bytes are read back identically by apache-arrow and flechette.
    const bytes = A.tableToIPC(new A.Table({ x: a }));
    expect([...A.tableFromIPC(bytes).getChild('x')!]).toEqual([...v]);
    const f = F.tableFromIPC(bytes, { useBigInt: true }).getChild('x').toArray() as ArrayLike<unknown>;
    expect(Array.from(f)).toEqual([...v]);
  });

  test('int64 extremes travel as BigInt64', () => {
    const v = vector('int64', [-(2n ** 63n), 2n ** 63n - 1n, 0n]);
    const a = toArrow(v);
    expect(a.data[0]!.values).toBeInstanceOf(BigInt64Array);
    expect(a.get(0)).toBe(-(2n ** 63n));
    expect(a.get(1)).toBe(2n ** 63n - 1n);
    const u = toArrow(vector('uint64', [2n ** 64n - 1n]));
    expect(u.get(0)).toBe(2n ** 64n - 1n);
  });

  test('the arrow vector aliases the compactly vector: writes show through', () => {
    const v = vector('float64', [1, 2, 3]);
    const a = toArrow(v);
    v.set(1, 20);
    expect(a.get(1)).toBe(20);
  });

  test('an empty vector gives an empty arrow vector', () => {
    const a = toArrow(vector('int16'));
    expect(a.length).toBe(0);
    expect(String(a.type)).toBe('Int16');
  });

  test('non-compactly input is a TypeError', () => {
    expect(() => toArrow([1, 2] as never)).toThrow(TypeError);
    expect(() => toArrow(new Float64Array(2) as never)).toThrow(/expects a Vector, Categorical or RecordStore/);
  });
});

describe('fromArrow(arrow Vector)', () => {
  test.each(DTYPE_NAMES)('%s round trip, values equal, one copy into an owning Vector', (d) => {
    const v = vector(d, samples(d) as never);
    const back = fromArrow(toArrow(v));
    expect(back).toBeInstanceOf(Vector);
    expect(back.dtype).toBe(d);
    expect(back.equals(v) || d.startsWith('float')).toBe(true);
    expect([...back]).toEqual([...v]);
    expect(back.array.buffer).not.toBe(v.array.buffer);
  });

  test('several chunks are concatenated; a sliced vector honours its offset', () => {
    const a = new A.Vector([A.makeData({ type: new A.Int32(), data: Int32Array.of(1, 2, 3) }), A.makeData({ type: new A.Int32(), data: Int32Array.of(4, 5) })]);
    expect([...fromArrow(a)]).toEqual([1, 2, 3, 4, 5]);
    expect([...fromArrow(a.slice(2, 4))]).toEqual([3, 4]);
  });

  test('Float16 → float32 and Bool → uint8 (one copy)', () => {
    const h = A.makeVector(Uint16Array.of(0x3c00, 0xc000, 0x7c00, 0x0001, 0x3555));
    const half = new A.Vector([A.makeData({ type: new A.Float16(), data: h.data[0]!.values })]);
    const f = fromArrow(half) as Vector<'float32'>;
    expect(f.dtype).toBe('float32');
    expect(f.toArray()).toEqual([1, -2, Infinity, 2 ** -24, Math.fround(0.333251953125)]);
    const b = fromArrow(A.vectorFromArray([true, false, true], new A.Bool())) as Vector<'uint8'>;
    expect(b.dtype).toBe('uint8');
    expect(b.toArray()).toEqual([1, 0, 1]);
  });

  test('nulls in a numeric vector: ValueError naming the first null row, or NaN on request', () => {
    const a = A.vectorFromArray([1.5, null, 3], new A.Float64());
    expect(() => fromArrow(a)).toThrow(ValueError);
    expect(() => fromArrow(a)).toThrow(/1 null\(s\), the first at row 1.*nulls: 'nan'/);
    const f = fromArrow(a, { nulls: 'nan' }) as Vector<'float64'>;
    expect(f.toArray()).toEqual([1.5, NaN, 3]);
    const i = fromArrow(A.vectorFromArray([1, null], new A.Int16()), { nulls: 'nan' }) as unknown as Vector<'float64'>;
    expect(i.dtype).toBe('float64');
    expect(i.toArray()).toEqual([1, NaN]);
    expect(() => fromArrow(A.vectorFromArray([1n, null], new A.Int64()), { nulls: 'nan' })).toThrow(/cannot hold every int64 value exactly/);
    expect(() => fromArrow(A.vectorFromArray([1n, null], new A.Int64()), { nulls: 'nan' })).toThrow(RangeError);
  });

  test('unsupported and string types: TypeError naming the type; bad options: ValueError', () => {
    const time = A.makeVector({ type: new A.TimeMillisecond(), data: Int32Array.of(1), length: 1, nullCount: 0 } as never);
    expect(() => fromArrow(time)).toThrow(TypeError);
    expect(() => fromArrow(time)).toThrow(/Time32<MILLISECOND>.*cannot hold/);
    expect(() => fromArrow(A.vectorFromArray(['a'], new A.Utf8()), { strings: 'error' })).toThrow(/Utf8 and \{strings: 'error'\} was given/);
    expect(() => fromArrow(A.vectorFromArray([1], new A.Float64()), { nulls: 'zero' as never })).toThrow(ValueError);
    expect(() => fromArrow({} as never)).toThrow(TypeError);
  });
});

describe('Categorical ↔ Dictionary', () => {
  const names = (k: number): string[] => Array.from({ length: k }, (_, i) => `c${i}`);

  test.each([
    [5, A.Int8, Int8Array],
    [300, A.Int16, Int16Array],
    [40_000, A.Int32, Int32Array],
  ] as const)('%i categories: index type as wide as the codes, codes shared, values exact in arrow and flechette', (k, Idx, Arr) => {
    const cats = names(k);
    const values: (string | null)[] = [];
    for (let i = 0; i < k; i++) values.push(cats[(i * 7919) % k]!);
    values.push(null, cats[k - 1]!);
    const c = categorical(values);
    const a = toArrow(c);
    expect(a.type.indices).toBeInstanceOf(Idx);
    expect(a.data[0]!.values).toBeInstanceOf(Arr);
    sameBuffer(a.data[0]!.values, c.codes);
    expect(a.nullCount).toBe(1);
    expect(a.toArray()).toEqual(values);
    const bytes = A.tableToIPC(new A.Table({ c: a }));
    expect([...A.tableFromIPC(bytes).getChild('c')!]).toEqual(values);
    expect(F.tableFromIPC(bytes).getChild('c').toArray()).toEqual(values);
    // Back: the categorical adopts the index buffer when there are no nulls.
    const back = fromArrow(a) as Categorical;
    expect(back).toBeInstanceOf(Categorical);
    expect(back.toArray()).toEqual(values);
    expect(back.categories).toEqual(c.categories);
    const noNull = categorical(values.slice(0, k));
    const na = toArrow(noNull);
    const adopted = fromArrow(na) as Categorical;
    sameBuffer(adopted.codes, na.data[0]!.values);
  });

  test("arrow's own Int8 dictionary builder corrupts 300 categories; ours does not", () => {
    const cats = names(300);
    const b = A.makeBuilder({ type: new A.Dictionary(new A.Utf8(), new A.Int8()) });
    for (const s of cats) b.append(s);
    const wrong = [...b.finish().toVector()].filter((v, i) => v !== cats[i]).length;
    expect(wrong).toBeGreaterThan(0); // the anchor bug (silent wrap of indices >= 128)
    const a = toArrow(categorical(cats));
    expect([...a]).toEqual(cats);
  });

  test('ordered is kept both ways; number categories use a Float64 dictionary', () => {
    const c = categorical(['lo', 'hi', 'lo'], { categories: ['lo', 'hi'], ordered: true });
    const a = toArrow(c);
    expect(a.type.isOrdered).toBe(true);
    expect((fromArrow(a) as Categorical).ordered).toBe(true);
    const n = categorical([3, 1.5, 3]);
    const na = toArrow(n);
    expect(String(na.type.dictionary)).toBe('Float64');
    expect([...na]).toEqual([3, 1.5, 3]);
    expect((fromArrow(na) as Categorical).toArray()).toEqual([3, 1.5, 3]);
  });

  test('an all-missing and an empty categorical', () => {
    const c = categorical([null, null], { categories: ['a'] });
    const a = toArrow(c);
    expect(a.nullCount).toBe(2);
    expect((fromArrow(a) as Categorical).toArray()).toEqual([null, null]);
    const e = toArrow(categorical([]));
    expect(e.length).toBe(0);
    expect((fromArrow(e) as Categorical).length).toBe(0);
  });

  test('unsigned, 64-bit and nullable indices are re-coded; duplicate and null dictionary values are merged', () => {
    const dict = new A.Vector([A.vectorFromArray(['x', 'y', 'x', null], new A.Utf8()).data[0]!]);
    const mk = (type: A.Dictionary, data: ArrayBufferView, nullBitmap?: Uint8Array) =>
      new A.Vector([A.makeData({ type, data: data as never, dictionary: dict, ...(nullBitmap ? { nullBitmap } : {}) } as never)]);
    const u = fromArrow(mk(new A.Dictionary(new A.Utf8(), new A.Uint16()), Uint16Array.of(0, 1, 2, 3))) as Categorical;
    expect(u.categories).toEqual(['x', 'y']);
    expect(u.toArray()).toEqual(['x', 'y', 'x', null]);
    expect([...u.codes]).toEqual([0, 1, 0, -1]);
    const big = fromArrow(mk(new A.Dictionary(new A.Utf8(), new A.Int64() as never), BigInt64Array.of(1n, 0n))) as Categorical;
    expect(big.toArray()).toEqual(['y', 'x']);
    const withNulls = fromArrow(mk(new A.Dictionary(new A.Utf8(), new A.Int32()), Int32Array.of(1, 99, 0), Uint8Array.of(0b101))) as Categorical;
    expect(withNulls.toArray()).toEqual(['y', null, 'x']);
  });

  test('a dictionary index out of range is a ValueError naming column and row', () => {
    const dict = A.vectorFromArray(['a', 'b'], new A.Utf8());
    const bad = new A.Vector([A.makeData({ type: new A.Dictionary(new A.Utf8(), new A.Uint8()), data: Uint8Array.of(0, 5), dictionary: dict })]);
    expect(() => fromArrow(bad)).toThrow(ValueError);
    expect(() => fromArrow(bad)).toThrow(/index 5 at row 1 is out of range for a dictionary of 2/);
  });

  test('chunks with different dictionaries merge in order of first appearance', () => {
    const t = new A.Dictionary(new A.Utf8(), new A.Int8());
    const d1 = A.vectorFromArray(['a', 'b'], new A.Utf8());
    const d2 = A.vectorFromArray(['c', 'a'], new A.Utf8());
    const v = new A.Vector([A.makeData({ type: t, data: Int8Array.of(0, 1), dictionary: d1 }), A.makeData({ type: t, data: Int8Array.of(0, 1, 1), dictionary: d2 })]);
    const c = fromArrow(v) as Categorical;
    expect(c.categories).toEqual(['a', 'b', 'c']);
    expect(c.toArray()).toEqual(['a', 'b', 'c', 'a', 'a']);
  });

  test('Utf8 → Categorical on request, nulls missing; non-string dictionaries need numeric values', () => {
    const s = A.vectorFromArray(['b', null, 'a', 'b', 'é'], new A.Utf8());
    const c = fromArrow(s, { strings: 'category' }) as Categorical;
    expect(c.toArray()).toEqual(['b', null, 'a', 'b', 'é']);
    expect(c.categories).toEqual(['a', 'b', 'é']); // sorted, as categorical(values) infers them
    expect([...c.codes]).toEqual([1, -1, 0, 1, 2]);
    const ls = A.vectorFromArray(['x', 'y'], new A.LargeUtf8());
    expect((fromArrow(ls, { strings: 'category' }) as Categorical).toArray()).toEqual(['x', 'y']);
    const dates = A.vectorFromArray([new Date(0)], new A.Dictionary(new A.DateMillisecond(), new A.Int32()));
    expect(() => fromArrow(dates)).toThrow(/dictionary of Date.*strings or numbers/);
  });
});
