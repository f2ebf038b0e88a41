/**
 * fromArrow of tables that apache-arrow's builders made (vectorFromArray calls `new Function`, so this file runs
 * in the `node` project only): bitmaps, offsets and bytes adopted, sliced chunks, every temporal unit, time
 * zones, invalid UTF-8, standalone vectors.
 */
import * as A from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { ValueError } from '../../src/errors.js';
import { Utf8Column } from '../../src/record-store.js';
import { fromArrow } from '../../src/arrow/index.js';
import { rowsOfAny } from './_rows.js';

describe('fromArrow of arrow-built tables: the types, and what is adopted', () => {
  test('tables built by apache-arrow: bitmap, offsets and bytes adopted', () => {
    const nv = A.vectorFromArray([1, null, 3, 4, 5, 6, 7, 8, 9], new A.Float64());
    const t = new A.Table({
      n: nv,
      s: A.vectorFromArray(['a', null, 'ccc'], new A.Utf8()).concat(A.vectorFromArray(['d', 'e', 'f', 'g', 'h', 'i'], new A.Utf8())),
    });
    const one = new A.Table({ n: nv, s: A.vectorFromArray(['a', null, 'ccc', 'd', 'e', 'f', 'g', 'h', 'i'], new A.Utf8()) });
    const back = fromArrow(one);
    const nd = one.getChild('n')!.data[0]!;
    expect((back.column('n') as Float64Array).buffer).toBe(nd.values.buffer);
    expect(back.validity('n')!.buffer).toBe(nd.nullBitmap.buffer);
    const sd = one.getChild('s')!.data[0]!;
    expect((back.column('s') as Utf8Column).offsets.buffer).toBe(sd.valueOffsets.buffer);
    expect((back.column('s') as Utf8Column).bytes.buffer).toBe(sd.values.buffer);
    expect(back.getField(1, 'n')).toBeNull();
    expect(back.getField(2, 's')).toBe('ccc');
    // two chunks: one copy, same values
    const two = fromArrow(t);
    expect((two.column('s') as Utf8Column).toArray()).toEqual(['a', null, 'ccc', 'd', 'e', 'f', 'g', 'h', 'i']);
    // {copy: true} detaches
    const copied = fromArrow(one, { copy: true });
    expect((copied.column('n') as Float64Array).buffer).not.toBe(nd.values.buffer);
    expect(copied.validity('n')!.buffer).not.toBe(nd.nullBitmap.buffer);
  });

  test('a sliced chunk (offset not on a byte boundary) and non-zero null slots cost one copy, values right', () => {
    const v = A.vectorFromArray([9, null, 3, null, 5, 6, 7, 8, 9, 10, null, 12], new A.Int32());
    const sliced = v.slice(3, 12);
    const back = fromArrow(new A.Table({ x: sliced }));
    expect(back.toObjects().map((r) => r.x)).toEqual([null, 5, 6, 7, 8, 9, 10, null, 12]);
    expect((back.column('x') as Int32Array)[0]).toBe(0);
    // a null slot holding garbage: copied, zeroed
    const data = A.makeData({ type: new A.Int32(), length: 3, nullCount: 1, nullBitmap: Uint8Array.of(0b101), data: Int32Array.of(1, 99, 3) });
    const g = fromArrow(new A.Table({ x: new A.Vector([data]) }));
    expect(Array.from(g.column('x') as Int32Array)).toEqual([1, 0, 3]);
    expect((g.column('x') as Int32Array).buffer).not.toBe(data.values.buffer);
  });

  test('Bool, Date32, Date64, Timestamp of every unit, LargeUtf8', () => {
    const t = new A.Table({
      b: A.vectorFromArray([true, null, false], new A.Bool()),
      d: A.vectorFromArray([new Date(86_400_000), null, new Date(-86_400_000)], new A.DateDay()),
      d64: A.vectorFromArray([new Date(2 * 86_400_000), null, new Date(0)], new A.DateMillisecond()),
      ts: A.makeVector({ type: new A.TimestampSecond(), data: BigInt64Array.of(1500n, 0n, -2000n), length: 3, nullCount: 1, nullBitmap: Uint8Array.of(0b101) } as never),
      tu: A.makeVector({ type: new A.TimestampMicrosecond(), data: BigInt64Array.of(1_000n, 0n, -5_000_000n), length: 3, nullCount: 1, nullBitmap: Uint8Array.of(0b101) } as never),
      tn: A.makeVector({
        type: new A.TimestampNanosecond('UTC'),
        data: BigInt64Array.of(1_700_000_000_123_000_000n, 0n, -1_000_000n),
        length: 3,
        nullCount: 1,
        nullBitmap: Uint8Array.of(0b101),
      } as never),
      ls: A.vectorFromArray(['x', null, 'yz'], new A.LargeUtf8()),
    });
    const s = fromArrow(t);
    expect(s.schema).toEqual({
      b: { type: 'bool', nullable: true },
      d: { type: 'date', nullable: true },
      d64: { type: 'date', nullable: true },
      ts: { type: 'timestamp', nullable: true },
      tu: { type: 'timestamp', nullable: true },
      tn: { type: 'timestamp', nullable: true },
      ls: { type: 'utf8', nullable: true },
    });
    expect(rowsOfAny(s)).toEqual([
      { b: true, d: 1, d64: 2, ts: 1_500_000, tu: 1, tn: 1_700_000_000_123, ls: 'x' },
      { b: null, d: null, d64: null, ts: null, tu: null, tn: null, ls: null },
      { b: false, d: -1, d64: 0, ts: -2_000_000, tu: -5_000, tn: -1, ls: 'yz' },
    ]);
  });

  test('inexact or out-of-range times and foreign time zones are clear errors', () => {
    const micro = A.makeVector({ type: new A.TimestampMicrosecond(), data: BigInt64Array.of(1_500n), length: 1, nullCount: 0 } as never);
    expect(() => fromArrow(new A.Table({ tu: micro }))).toThrow(ValueError);
    expect(() => fromArrow(new A.Table({ tu: micro }))).toThrow(/column "tu" row 0: 1500 µs is not a whole number of milliseconds/);
    const big = A.makeVector({ type: new A.TimestampSecond(), data: BigInt64Array.of(10n ** 13n), length: 1, nullCount: 0 } as never);
    expect(() => fromArrow(new A.Table({ t: big }))).toThrow(/outside the range of a timestamp field/);
    const ny = A.vectorFromArray([0], new A.TimestampMillisecond('America/New_York'));
    expect(() => fromArrow(new A.Table({ t: ny }))).toThrow(TypeError);
    expect(() => fromArrow(new A.Table({ t: ny }))).toThrow(/time zone "America\/New_York".*convert the column to UTC first/);
    const d64 = A.vectorFromArray([new Date(5)], new A.DateMillisecond());
    expect(() => fromArrow(new A.Table({ d: d64 }))).toThrow(/not a whole day/);
  });

  test('invalid UTF-8 in an adopted Utf8 column: ValueError naming the column and byte offset', () => {
    const data = A.makeData({ type: new A.Utf8(), length: 2, nullCount: 0, valueOffsets: Int32Array.of(0, 1, 3), data: Uint8Array.of(0x61, 0xc3, 0x28) });
    expect(() => fromArrow(new A.Table({ s: new A.Vector([data]) }))).toThrow(ValueError);
    expect(() => fromArrow(new A.Table({ s: new A.Vector([data]) }))).toThrow(/column "s".*invalid UTF-8 at byte offset 1/);
  });

  test('standalone vectors: Utf8 → Utf8Column; Date32 → int32 Vector; nulls in a numeric Vector → error', () => {
    const u = fromArrow(A.vectorFromArray(['a', null, 'b'], new A.Utf8()));
    expect(u).toBeInstanceOf(Utf8Column);
    expect((u as Utf8Column).toArray()).toEqual(['a', null, 'b']);
    const d = fromArrow(A.vectorFromArray([new Date(86_400_000)], new A.DateDay()));
    expect(Array.from((d as { array: Int32Array }).array)).toEqual([1]);
    expect(() => fromArrow(A.vectorFromArray([new Date(0), null], new A.DateDay()))).toThrow(/has nulls, and a compactly Vector has none/);
    const ts = fromArrow(A.vectorFromArray([1, null], new A.TimestampMillisecond()), { nulls: 'nan' });
    expect(Array.from((ts as { array: Float64Array }).array)).toEqual([1, NaN]);
    expect(() => fromArrow(A.vectorFromArray([1, null], new A.Int32()))).toThrow(ValueError);
  });
});
