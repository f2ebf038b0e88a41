/**
 * RecordStore ↔ arrow Table / RecordBatch, with apache-arrow as the oracle and flechette as a second reader.
 */
import * as A from 'apache-arrow';
import * as F from '@uwdata/flechette';
import { describe, expect, test } from 'vitest';
import { ValueError } from '../../src/errors.js';
import { Categorical, categorical } from '../../src/categorical.js';
import { RecordStore, recordStore } from '../../src/record-store.js';
import { fromArrow, toArrow, toIPC, toRecordBatch } from '../../src/arrow/index.js';

const ALL = {
  i8: 'int8',
  u8: 'uint8',
  i16: 'int16',
  u16: 'uint16',
  i32: 'int32',
  u32: 'uint32',
  i64: 'int64',
  u64: 'uint64',
  f32: 'float32',
  f64: 'float64',
  cat: 'category',
  pos: ['float32', 3],
  ids: ['int64', 2],
} as const;

function sample(rows = 4) {
  const s = recordStore(ALL, { capacity: rows * 4 });
  const ex = [
    {
      i8: -128,
      u8: 255,
      i16: -32768,
      u16: 65535,
      i32: -(2 ** 31),
      u32: 2 ** 32 - 1,
      i64: -(2n ** 63n),
      u64: 2n ** 64n - 1n,
      f32: -1.5,
      f64: -1e300,
      cat: 'a',
      pos: [1, 2, 3],
      ids: [2n ** 63n - 1n, -1n],
    },
    { i8: 127, u8: 0, i16: 32767, u16: 0, i32: 2 ** 31 - 1, u32: 0, i64: 2n ** 63n - 1n, u64: 0n, f32: Infinity, f64: NaN, cat: null, pos: [4, 5, 6], ids: [0n, 1n] },
  ];
  for (let i = 0; i < rows; i++) s.push(ex[i % 2]! as never);
  return s;
}

function sameBuffer(a: ArrayBufferView, b: ArrayBufferView): void {
  expect(a.buffer).toBe(b.buffer);
  expect(a.byteOffset).toBe(b.byteOffset);
}

function plain(rows: readonly unknown[]): unknown[] {
  return rows.map((r) =>
    Object.fromEntries(
      Object.entries(r as Record<string, unknown>).map(([k, v]) => [
        k,
        ArrayBuffer.isView(v) || (v !== null && typeof v === 'object' && Symbol.iterator in v) ? [...(v as Iterable<unknown>)] : v,
      ]),
    ),
  );
}

describe('toArrow(RecordStore)', () => {
  test('field order and exact types are kept; vector fields become FixedSizeList', () => {
    const t = toArrow(sample());
    expect(t.schema.fields.map((f) => f.name)).toEqual(Object.keys(ALL));
    expect(t.schema.fields.map((f) => String(f.type))).toEqual([
      'Int8',
      'Uint8',
      'Int16',
      'Uint16',
      'Int32',
      'Uint32',
      'Int64',
      'Uint64',
      'Float32',
      'Float64',
      'Dictionary<Int8, Utf8>',
      'FixedSizeList[3]<Float32>',
      'FixedSizeList[2]<Int64>',
    ]);
    expect(t.batches.length).toBe(1);
  });

  test('every value matches the store (apache-arrow and flechette read the IPC bytes identically)', () => {
    const s = sample();
    const expected = plain(s.toObjects());
    const t = toArrow(s);
    expect(plain(t.toArray().map((r) => r.toJSON()))).toEqual(expected);
    for (const format of ['stream', 'file'] as const) {
      const bytes = toIPC(s, { format });
      expect(
        plain(
          A.tableFromIPC(bytes)
            .toArray()
            .map((r) => r.toJSON()),
        ),
      ).toEqual(expected);
      expect(plain(F.tableFromIPC(bytes, { useBigInt: true }).toArray())).toEqual(expected);
    }
  });

  test('numeric and vector columns are shared, never the spare capacity; codes are shared', () => {
    const s = sample();
    expect(s.capacity).toBeGreaterThan(s.length);
    const t = toArrow(s);
    for (const name of ['i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64', 'f32', 'f64'] as const) {
      const values = t.getChild(name)!.data[0]!.values as ArrayBufferView & { length: number };
      sameBuffer(values, s.column(name));
      expect(values.length).toBe(s.length);
    }
    const pos = t.getChild('pos')!.data[0]!.children[0]!.values as Float32Array;
    sameBuffer(pos, s.column('pos'));
    expect(pos.length).toBe(s.length * 3);
    sameBuffer(t.getChild('cat')!.data[0]!.values, (s.column('cat') as Categorical).codes);
    // Writes through the store show in the table.
    s.setField(0, 'f64', 42);
    expect(t.getChild('f64')!.get(0)).toBe(42);
  });

  test('toRecordBatch gives the same single batch', () => {
    const s = sample();
    const b = toRecordBatch(s);
    expect(b).toBeInstanceOf(A.RecordBatch);
    expect(b.numRows).toBe(s.length);
    expect(() => toRecordBatch({} as never)).toThrow(TypeError);
  });

  test('an empty store and a store sliced with head()/take()', () => {
    const e = recordStore(ALL);
    const te = toArrow(e);
    expect(te.numRows).toBe(0);
    expect(te.schema.fields.length).toBe(13);
    const back = fromArrow(te);
    expect(back.length).toBe(0);
    expect(back.fields).toEqual(Object.keys(ALL));
    const s = sample(10);
    const head = s.head(3);
    expect(
      plain(
        toArrow(head)
          .toArray()
          .map((r) => r.toJSON()),
      ),
    ).toEqual(plain(s.toObjects().slice(0, 3)));
    const some = s.take([9, 0, 4]);
    expect(
      plain(
        toArrow(some)
          .toArray()
          .map((r) => r.toJSON()),
      ),
    ).toEqual(plain([9, 0, 4].map((i) => s.get(i).toObject())));
  });
});

describe('fromArrow(Table | RecordBatch)', () => {
  test('round trip of every field type with zero-copy adoption of each numeric, vector and code column', () => {
    const s = sample();
    const t = toArrow(s);
    const back = fromArrow(t);
    expect(back).toBeInstanceOf(RecordStore);
    expect(back.schema).toEqual(s.schema);
    expect(plain(back.toObjects())).toEqual(plain(s.toObjects()));
    for (const name of ['i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64', 'f32', 'f64', 'pos', 'ids'] as const) {
      sameBuffer(back.column(name) as ArrayBufferView, s.column(name) as ArrayBufferView);
    }
    sameBuffer((back.column('cat') as Categorical).codes, (s.column('cat') as Categorical).codes);
    expect(fromArrow(toRecordBatch(s)).toObjects().length).toBe(s.length);
  });

  test('{copy: true} detaches numeric columns', () => {
    const s = sample();
    const back = fromArrow(toArrow(s), { copy: true });
    expect((back.column('f64') as Float64Array).buffer).not.toBe(s.column('f64').buffer);
    expect(plain(back.toObjects())).toEqual(plain(s.toObjects()));
  });

  test('a sliced arrow table (offsets into shared buffers, a null bitmap with an offset)', () => {
    const s = sample(20);
    const t = toArrow(s).slice(3, 11);
    const back = fromArrow(t);
    expect(plain(back.toObjects())).toEqual(plain(s.toObjects().slice(3, 11)));
    sameBuffer(back.column('f64') as Float64Array, s.column('f64').subarray(3, 11));
  });

  test('several record batches are concatenated (one copy); shared dictionaries stay one set of categories', () => {
    const a = sample(3);
    const b = sample(5);
    const ba = toRecordBatch(a);
    const t = new A.Table([ba, new A.RecordBatch(ba.schema, toRecordBatch(b).data)]);
    expect(t.batches.length).toBe(2);
    const back = fromArrow(t);
    expect(back.length).toBe(8);
    expect(plain(back.toObjects())).toEqual(plain([...a.toObjects(), ...b.toObjects()]));
  });

  test('tables built by arrow: Utf8 → utf8 (or category on request); nulls → nullable (or NaN / error on request)', () => {
    const t = new A.Table({ x: A.makeVector(Float64Array.of(1, 2)), name: A.vectorFromArray(['p', 'q'], new A.Utf8()) });
    expect(fromArrow(t).schema).toEqual({ x: 'float64', name: 'utf8' });
    expect(() => fromArrow(t, { strings: 'error' })).toThrow(TypeError);
    expect(() => fromArrow(t, { strings: 'error' })).toThrow(/column "name" has Arrow type Utf8.*strings: 'utf8'/);
    const ok = fromArrow(t, { strings: 'category' });
    expect(ok.toObjects()).toEqual([
      { x: 1, name: 'p' },
      { x: 2, name: 'q' },
    ]);
    const withNull = new A.Table({ y: A.vectorFromArray([1, null, 3], new A.Int32()) });
    expect(fromArrow(withNull).schema).toEqual({ y: { type: 'int32', nullable: true } });
    expect(fromArrow(withNull).toObjects()).toEqual([{ y: 1 }, { y: null }, { y: 3 }]);
    expect(() => fromArrow(withNull, { nulls: 'error' })).toThrow(ValueError);
    expect(() => fromArrow(withNull, { nulls: 'error' })).toThrow(/column "y" \(Int32\) has 1 null\(s\), the first at row 1/);
    expect(fromArrow(withNull, { nulls: 'nan' }).toObjects()).toEqual([{ y: 1 }, { y: NaN }, { y: 3 }]);
    expect(fromArrow(withNull, { nulls: 'nan' }).schema).toEqual({ y: 'float64' });
  });

  test('unsupported types and number dictionaries: TypeError naming column and type; nothing half-built', () => {
    const t = new A.Table({ ok: A.vectorFromArray([1, 2], new A.Float64()), when: A.vectorFromArray([new Date(0), new Date(1)], new A.DateMillisecond()) });
    expect(() => fromArrow(t)).toThrow(/column "when" row 1: Date64 value 1 ms is not a whole day/);
    const iv = new A.Table({ ok: A.vectorFromArray([1], new A.Float64()), span: A.vectorFromArray([new Int32Array([1, 2])], new A.IntervalYearMonth()) });
    expect(() => fromArrow(iv)).toThrow(/column "span" has Arrow type Interval<YEAR_MONTH>, which compactly cannot hold/);
    const list = new A.Table({ l: A.vectorFromArray([[1], [2, 3]], new A.List(new A.Field('item', new A.Int32()))) });
    expect(() => fromArrow(list)).toThrow(/column "l" has Arrow type List<Int32>/);
    const nums = new A.Table({ n: toArrow(categorical([1, 2, 1])) });
    expect(() => fromArrow(nums)).toThrow(/column "n" is a dictionary of numbers/);
    const strList = new A.Table({ v: A.vectorFromArray([['a']], new A.FixedSizeList(1, new A.Field('item', new A.Utf8()))) });
    expect(() => fromArrow(strList)).toThrow(/column "v".*numeric items only/);
  });

  test('vector fields with nulls: error, or NaN for float items', () => {
    const type = new A.FixedSizeList(2, new A.Field('item', new A.Float64(), true));
    const v = A.vectorFromArray([[1, 2], null, [5, 6]], type);
    const t = new A.Table({ v });
    expect(() => fromArrow(t)).toThrow(ValueError);
    const back = fromArrow(t, { nulls: 'nan' });
    expect([...(back.column('v') as Float64Array)]).toEqual([1, 2, NaN, NaN, 5, 6]);
  });
});
