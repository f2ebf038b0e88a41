/**
 * The column types of real tables in Arrow, both ways: nullable numeric fields (bitmap shared), utf8 ↔ Utf8
 * (offsets and bytes shared), bool ↔ Bool, date ↔ Date32, timestamp ↔ Timestamp(MILLISECOND, 'UTC'), nullable
 * categories. Every round trip is read back by apache-arrow and flechette; a fast-check property runs random
 * stores of every type through toArrow/fromArrow and IPC against a plain model.
 */
import * as A from 'apache-arrow';
import * as F from '@uwdata/flechette';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ValueError } from '../../src/errors.js';
import { RecordStore, recordStore } from '../../src/record-store.js';
import { fromArrow, fromIPC, readIPC, toArrow, toIPC, writeIPCBytes } from '../../src/arrow/index.js';
import { rowsOfAny } from './_rows.js';

const SCHEMA = {
  i: { type: 'int32', nullable: true },
  q: { type: 'int64', nullable: true },
  f: { type: 'float64', nullable: true },
  s: { type: 'utf8', nullable: true },
  b: { type: 'bool', nullable: true },
  d: { type: 'date', nullable: true },
  t: { type: 'timestamp', nullable: true },
  c: 'category',
} as const;

type Row = { i: number | null; q: bigint | null; f: number | null; s: string | null; b: boolean | null; d: number | null; t: number | null; c: string | null };

const MAX_DAYS = 100_000_000;
const MAX_MS = 8.64e15;

const rowArb: fc.Arbitrary<Row> = fc.record({
  i: fc.option(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { nil: null }),
  q: fc.option(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), { nil: null }),
  f: fc.option(fc.double({ noNaN: true }), { nil: null }),
  s: fc.option(fc.string({ unit: 'grapheme', maxLength: 6 }), { nil: null }),
  b: fc.option(fc.boolean(), { nil: null }),
  d: fc.option(fc.integer({ min: -MAX_DAYS, max: MAX_DAYS }), { nil: null }),
  t: fc.option(fc.integer({ min: -MAX_MS, max: MAX_MS }), { nil: null }),
  c: fc.option(fc.constantFrom('x', 'y', 'zé'), { nil: null }),
});

function storeOf(rows: readonly Row[]) {
  const s = recordStore(SCHEMA);
  s.extend(rows);
  return s;
}

/** The store's rows as read values (dates as day numbers, timestamps as ms), for comparison with the model. */
function rowsOf(s: RecordStore): Row[] {
  return rowsOfAny(s) as Row[];
}

/** An Arrow reader's row in the model's terms: Date32 read as ms (apache-arrow) or Date (flechette), etc. */
function fromReader(r: Record<string, unknown>): Row {
  const day = (v: unknown): number | null => (v === null ? null : v instanceof Date ? v.getTime() / 86_400_000 : Number(v) / 86_400_000);
  const ms = (v: unknown): number | null => (v === null ? null : v instanceof Date ? v.getTime() : Number(v));
  return {
    i: r.i as number | null,
    q: r.q === null ? null : BigInt(r.q as bigint),
    f: r.f as number | null,
    s: r.s as string | null,
    b: r.b as boolean | null,
    d: day(r.d),
    t: ms(r.t),
    c: r.c as string | null,
  };
}

const EXAMPLE: Row[] = [
  { i: 1, q: 2n ** 62n, f: 0.5, s: 'a', b: true, d: 11_323, t: 978_310_020_000, c: 'x' },
  { i: null, q: null, f: null, s: null, b: null, d: null, t: null, c: null },
  { i: -7, q: -1n, f: -0, s: 'héllo 🌍', b: false, d: -1, t: -1, c: 'y' },
  { i: 0, q: 0n, f: Infinity, s: '', b: true, d: 0, t: 0, c: 'x' },
];

describe('toArrow: the types, and what is shared', () => {
  test('Arrow types and field nullability', () => {
    const t = toArrow(storeOf(EXAMPLE));
    expect(t.schema.fields.map((f) => `${f.name}: ${String(f.type)}${f.nullable ? '?' : ''}`)).toEqual([
      'i: Int32?',
      'q: Int64?',
      'f: Float64?',
      's: Utf8?',
      'b: Bool?',
      'd: Date32<DAY>?',
      't: Timestamp<MILLISECOND, UTC>?',
      'c: Dictionary<Int8, Utf8>?',
    ]);
    const plain = toArrow(RecordStore.fromColumns({ x: Int32Array.of(1, 2) }));
    expect(plain.schema.fields[0]!.nullable).toBe(false);
  });

  test('nullable numeric, utf8 and date columns share the store memory, bitmap included', () => {
    const s = storeOf(EXAMPLE);
    const t = toArrow(s);
    const i = t.getChild('i')!.data[0]!;
    expect(i.values.buffer).toBe(s.column('i').buffer);
    expect(i.nullBitmap.buffer).toBe(s.validity('i')!.buffer);
    expect(i.nullBitmap.byteOffset).toBe(s.validity('i')!.byteOffset);
    expect(i.nullCount).toBe(1);
    const str = t.getChild('s')!.data[0]!;
    const col = s.column('s');
    expect(str.valueOffsets.buffer).toBe(col.offsets.buffer);
    expect(str.values.buffer).toBe(col.bytes.buffer);
    expect(str.nullBitmap.buffer).toBe(s.validity('s')!.buffer);
    expect(t.getChild('d')!.data[0]!.values.buffer).toBe(s.column('d').buffer);
    // no null yet: no bitmap at all
    const n = toArrow(RecordStore.fromObjects([{ x: 1 }], { x: { type: 'int32', nullable: true } }));
    expect(n.getChild('x')!.data[0]!.nullCount).toBe(0);
  });

  test('read back by apache-arrow and flechette (IPC stream and file), every type with nulls', () => {
    const s = storeOf(EXAMPLE);
    expect(
      toArrow(s)
        .toArray()
        .map((r) => fromReader(r.toJSON() as Record<string, unknown>)),
    ).toEqual(EXAMPLE);
    for (const format of ['stream', 'file'] as const) {
      const bytes = toIPC(s, { format });
      expect(
        A.tableFromIPC(bytes)
          .toArray()
          .map((r) => fromReader(r.toJSON() as Record<string, unknown>)),
      ).toEqual(EXAMPLE);
      const fl = F.tableFromIPC(bytes, { useBigInt: true, useDate: true });
      expect((fl.toArray() as Record<string, unknown>[]).map(fromReader)).toEqual(EXAMPLE);
      expect(String((fl.schema.fields.find((f) => f.name === 't')!.type as { timezone?: string }).timezone)).toBe('UTC');
    }
  });

  test('a timestamp with a fraction of a millisecond is a ValueError naming field and row', () => {
    const s = RecordStore.fromObjects([{ t: 1 }, { t: 1.5 }], { t: 'timestamp' });
    expect(() => toArrow(s)).toThrow(ValueError);
    expect(() => toArrow(s)).toThrow(/timestamp field "t" row 1 holds 1.5 ms/);
  });
});

describe('fromArrow: the types, and what is adopted', () => {
  test('round trip of every type with nulls', () => {
    const s = storeOf(EXAMPLE);
    const back = fromArrow(toArrow(s));
    expect(back.schema).toEqual(SCHEMA);
    expect(rowsOf(back)).toEqual(EXAMPLE);
    expect(back.nullCount('i')).toBe(1);
    expect(rowsOf(fromIPC(toIPC(s)))).toEqual(EXAMPLE);
  });
});

describe('property: random stores of every type', () => {
  test('toArrow → fromArrow and IPC (both formats) equal the model; apache-arrow and flechette read the same', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), fc.constantFrom('stream' as const, 'file' as const), (rows, format) => {
        const s = storeOf(rows);
        expect(rowsOf(fromArrow(toArrow(s)))).toEqual(rows);
        const bytes = toIPC(s, { format });
        expect(rowsOf(fromIPC(bytes))).toEqual(rows);
        expect(
          A.tableFromIPC(bytes)
            .toArray()
            .map((r) => fromReader(r.toJSON() as Record<string, unknown>)),
        ).toEqual(rows);
        expect((F.tableFromIPC(bytes, { useBigInt: true, useDate: true }).toArray() as Record<string, unknown>[]).map(fromReader)).toEqual(rows);
      }),
      { numRuns: 60 },
    );
  });

  test('writeIPC of several chunks → readIPC keeps every type and null', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(rowArb, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 4 }), async (chunks) => {
        const bytes = await writeIPCBytes(chunks.map(storeOf));
        const got: Row[] = [];
        for await (const c of readIPC(bytes)) got.push(...rowsOf(c));
        expect(got).toEqual(chunks.flat());
      }),
      { numRuns: 25 },
    );
  });
});
