/**
 * Properties against plain-array models: any store of random rows survives toArrow/fromArrow, IPC
 * (stream and file) and writeIPC/readIPC unchanged, as read by apache-arrow and flechette; the
 * missing-code scan agrees with a plain count at every offset and width.
 */
import * as A from 'apache-arrow';
import * as F from '@uwdata/flechette';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Categorical, categorical } from '../../src/categorical.js';
import { RecordStore, recordStore } from '../../src/record-store.js';
import { fromArrow, fromIPC, readIPC, toArrow, toIPC, writeIPCBytes } from '../../src/arrow/index.js';
import { countMissing } from '../../src/arrow/to-arrow.js';

const SCHEMA = { a: 'int8', b: 'uint32', q: 'int64', f: 'float32', d: 'float64', c: 'category', v: ['int16', 2] } as const;

const row = fc.record({
  a: fc.integer({ min: -128, max: 127 }),
  b: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  q: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  f: fc.float({ noNaN: true }).map(Math.fround),
  d: fc.double({ noNaN: true }),
  c: fc.option(fc.constantFrom('x', 'y', 'zé', ''), { nil: null }),
  v: fc.tuple(fc.integer({ min: -32768, max: 32767 }), fc.integer({ min: -32768, max: 32767 })),
});

function storeOf(rows: readonly unknown[]) {
  const s = recordStore(SCHEMA);
  s.extend(rows as never);
  return s;
}

function plain(rows: readonly unknown[]): unknown[] {
  return rows.map((r) =>
    Object.fromEntries(Object.entries(r as Record<string, unknown>).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<unknown>) : v])),
  );
}

describe('round trips equal the plain model', () => {
  test('toArrow → fromArrow, and IPC in both formats read by apache-arrow, flechette and fromIPC', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.constantFrom('stream' as const, 'file' as const), (rows, format) => {
        const s = storeOf(rows);
        const model = plain(rows);
        expect(plain(fromArrow(toArrow(s)).toObjects())).toEqual(model);
        const bytes = toIPC(s, { format });
        expect(plain(fromIPC(bytes).toObjects())).toEqual(model);
        const viaArrow = A.tableFromIPC(bytes)
          .toArray()
          .map((r) => r.toJSON()) as Record<string, unknown>[];
        expect(viaArrow.map((r) => r.c)).toEqual(rows.map((r) => r.c));
        expect(viaArrow.map((r) => r.q)).toEqual(rows.map((r) => r.q));
        const viaFlechette = F.tableFromIPC(bytes, { useBigInt: true }).toArray() as Record<string, unknown>[];
        expect(viaFlechette.map((r) => r.d)).toEqual(rows.map((r) => r.d));
        expect(viaFlechette.map((r) => Array.from(r.v as ArrayLike<number>))).toEqual(rows.map((r) => r.v));
      }),
      { numRuns: 40 },
    );
  });

  test('writeIPC of chunks whose categories grow or change, read back by readIPC, arrow and flechette', async () => {
    const chunkArb = fc.record({
      cats: fc.uniqueArray(fc.string({ maxLength: 3 }), { minLength: 1, maxLength: 6 }),
      picks: fc.array(fc.nat(), { maxLength: 8 }),
      grow: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(chunkArb, { minLength: 1, maxLength: 5 }), async (specs) => {
        let prev: string[] = [];
        const chunks: RecordStore[] = [];
        for (const { cats, picks, grow } of specs) {
          // Grow: keep the previous categories and append new ones (a delta); else use a new list.
          const list = grow ? [...prev, ...cats.filter((c) => !prev.includes(c))] : cats;
          prev = list;
          const values = picks.map((p) => (p % (list.length + 1) === list.length ? null : list[p % (list.length + 1)]!));
          const c = categorical(values, { categories: list });
          chunks.push(RecordStore.fromColumns({ i: Int32Array.from(values, (_, k) => k), c }, { i: 'int32', c: 'category' }) as unknown as RecordStore);
        }
        const model = chunks.flatMap((s) => s.toObjects());
        const bytes = await writeIPCBytes(chunks);
        const back: unknown[] = [];
        for await (const s of readIPC(bytes)) back.push(...s.toObjects());
        expect(back).toEqual(model);
        expect(
          A.tableFromIPC(bytes)
            .toArray()
            .map((r) => r.toJSON()),
        ).toEqual(model);
        expect(F.tableFromIPC(bytes).toArray()).toEqual(model);
        expect(fromIPC(bytes).toObjects()).toEqual(model);
      }),
      { numRuns: 40 },
    );
  });

  test('a Categorical with random values and order survives toArrow/fromArrow', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.constantFrom('p', 'q', 'r'), { nil: null })), fc.boolean(), (values, ordered) => {
        const c = categorical(values, { categories: ['r', 'p', 'q'], ordered });
        const back = fromArrow(toArrow(c)) as Categorical;
        expect(back.toArray()).toEqual(values);
        expect(back.categories).toEqual(['r', 'p', 'q']);
        expect(back.ordered).toBe(ordered);
      }),
    );
  });
});

test('countMissing agrees with a plain count for every width, offset and length', () => {
  fc.assert(
    fc.property(fc.constantFrom(Int8Array, Int16Array, Int32Array), fc.array(fc.integer({ min: -1, max: 100 }), { maxLength: 70 }), fc.nat({ max: 7 }), (Ctor, codes, start) => {
      const all = Ctor.from([...Array.from({ length: start }, () => -1), ...codes]);
      const view = all.subarray(start);
      expect(countMissing(view)).toBe(codes.filter((c) => c < 0).length);
    }),
  );
});
