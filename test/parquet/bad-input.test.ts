/**
 * Bad input: every damaged or unsupported file fails with a clear error naming the column, row group and byte
 * offset, never a partial store; and a fuzzer over truncated and bit-flipped copies of valid files (each must
 * throw a ParquetError/NotImplementedError or return a consistent store, quickly and without absurd allocation).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NotImplementedError, ValueError } from '../../src/errors.js';
import { RecordStore } from '../../src/record-store.js';
import { loadParquet, ParquetError, parquetInfo, readParquet, writeParquet } from '../../src/parquet/index.js';

const n = 400;
const store = RecordStore.fromColumns({
  id: Int32Array.from({ length: n }, (_, i) => i),
  big: BigInt64Array.from({ length: n }, (_, i) => BigInt(i) * 1000n),
  x: Float64Array.from({ length: n }, (_, i) => i / 7),
  c: Array.from({ length: n }, (_, i) => (i % 11 === 0 ? null : `v${i % 5}`)),
});

async function rejects(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

describe('damaged files', () => {
  test('not a Parquet file, or too short', async () => {
    const e1 = await rejects(loadParquet(new TextEncoder().encode('id,x\n1,2\n')));
    expect(e1).toBeInstanceOf(ParquetError);
    expect(e1).toBeInstanceOf(ValueError);
    expect(e1.message).toMatch(/not a Parquet file/);
    expect((await rejects(loadParquet(new Uint8Array(5)))).message).toMatch(/shorter than the 12/);
  });

  test('a truncated file names the missing footer and its offset', async () => {
    const bytes = await writeParquet(store, undefined, { rowGroupRows: 100 });
    const e = (await rejects(loadParquet(bytes.subarray(0, bytes.length - 10)))) as ParquetError;
    expect(e).toBeInstanceOf(ParquetError);
    expect(e.message).toMatch(/truncated/);
    expect(e.offset).toBe(bytes.length - 14);
  });

  test('a corrupted footer length or footer body', async () => {
    const bytes = await writeParquet(store);
    const b = bytes.slice();
    new DataView(b.buffer).setUint32(b.length - 8, 0x7fffffff, true);
    expect((await rejects(parquetInfo(b))).message).toMatch(/corrupted footer: its length field/);
    const c = bytes.slice();
    const len = new DataView(c.buffer).getUint32(c.length - 8, true);
    c.fill(0xff, c.length - 8 - len, c.length - 8);
    const e = (await rejects(parquetInfo(c))) as ParquetError;
    expect(e).toBeInstanceOf(ParquetError);
    expect(e.message).toMatch(/corrupted footer/);
    expect(e.offset).toBe(c.length - 8 - len);
  });

  test('a corrupted page header names the column, row group and byte offset; no chunk is yielded', async () => {
    const bytes = await writeParquet(store, undefined, { rowGroupRows: 100 });
    const info = await parquetInfo(bytes);
    const m = info.metadata.row_groups[2]!.columns[2]!.meta_data!; // column x, row group 2
    const at = Number(m.data_page_offset);
    const b = bytes.slice();
    b.fill(0xff, at, at + 6);
    const chunks: unknown[] = [];
    const e = (await rejects(
      (async () => {
        for await (const c of readParquet(b)) chunks.push(c);
      })(),
    )) as ParquetError;
    expect(e).toBeInstanceOf(ParquetError);
    expect([e.column, e.rowGroup, e.offset]).toEqual(['x', 2, at]);
    expect(e.message).toMatch(/^column "x", row group 2, byte offset \d+: /);
    expect(chunks.length).toBe(2); // row groups 0 and 1 were complete; 2 is not returned
    await expect(loadParquet(b)).rejects.toBeInstanceOf(ParquetError);
  });

  test('a page that fails to decompress', async () => {
    const bytes = await writeParquet(store, undefined, { rowGroupRows: 400 });
    const info = await parquetInfo(bytes);
    const m = info.metadata.row_groups[0]!.columns[1]!.meta_data!; // big: one page, header then snappy body
    const b = bytes.slice();
    const end = Number(m.data_page_offset + m.total_compressed_size);
    b.fill(0xfe, end - 40, end); // the tail of the snappy body
    const e = (await rejects(loadParquet(b))) as ParquetError;
    expect(e).toBeInstanceOf(ParquetError);
    expect(e.column).toBe('big');
    expect(e.message).toMatch(/SNAPPY page fails to decompress|runs past|values need/);
  });

  test('unknown columns, bad row groups, bad options and sources', async () => {
    const bytes = await writeParquet(store);
    await expect(loadParquet(bytes, { columns: ['nope'] })).rejects.toThrow(/no column "nope"/);
    await expect(loadParquet(bytes, { columns: ['x', 'x'] })).rejects.toThrow(/requested twice/);
    await expect(loadParquet(bytes, { rowGroups: [5] })).rejects.toThrow(/row group 5 does not exist/);
    expect(() => readParquet(42 as never)).toThrow(TypeError);
    expect(() => readParquet(bytes, { columns: 'x' as never })).toThrow(TypeError);
    expect(() => readParquet(bytes, { filter: { x: { near: 1 } } as never })).toThrow(TypeError);
    await expect(writeParquet(42 as never)).rejects.toBeInstanceOf(TypeError);
    await expect(writeParquet(store, 42 as never)).rejects.toBeInstanceOf(TypeError);
    await expect(writeParquet(store, undefined, { compression: 'lzo' as never })).rejects.toBeInstanceOf(ValueError);
    await expect(writeParquet(store, undefined, { rowGroupRows: 0 })).rejects.toBeInstanceOf(ValueError);
    await expect(writeParquet([])).rejects.toThrow(/no chunks/);
    const other = RecordStore.fromColumns({ id: new Int32Array(1) });
    await expect(writeParquet([store, other])).rejects.toThrow(/differs from the first chunk/);
    await expect(writeParquet(RecordStore.fromColumns({ v: new Float32Array(6) }, { v: ['float32', 3] }))).rejects.toBeInstanceOf(NotImplementedError);
  });
});

describe('fuzzing the reader', () => {
  test('truncated and bit-flipped copies throw a ParquetError/NotImplementedError or read consistently', async () => {
    const files = [await writeParquet(store, undefined, { rowGroupRows: 128 }), await writeParquet(store, undefined, { rowGroupRows: 400, compression: 'uncompressed' })];
    let threw = 0;
    let read = 0;
    let slowest = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(0, 1),
        fc.oneof(
          fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
          fc.record({
            kind: fc.constant('flip' as const),
            flips: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 6 }),
          }),
        ),
        async (which, damage) => {
          const src = files[which]!;
          let b: Uint8Array;
          if (damage.kind === 'truncate') b = src.slice(0, Math.floor(damage.at * src.length));
          else {
            b = src.slice();
            for (const [pos, bit] of damage.flips) {
              const i = Math.floor(pos * b.length);
              b[i] = b[i]! ^ (1 << bit);
            }
          }
          const t0 = performance.now();
          try {
            const s = await loadParquet(b);
            read++;
            // Consistent: every column has the store's length; categories decode.
            for (const f of s.fields) {
              const col = s.column(f as never) as unknown as { length: number; toArray?: () => unknown[] };
              expect(col.length).toBe(s.length);
            }
            s.toObjects();
          } catch (e) {
            threw++;
            if (!(e instanceof ParquetError || e instanceof NotImplementedError)) throw e;
          }
          slowest = Math.max(slowest, performance.now() - t0);
        },
      ),
      { numRuns: 400, seed: 17 },
    );
    expect(threw).toBeGreaterThan(0);
    expect(read).toBeGreaterThan(0);
    expect(slowest).toBeLessThan(2000); // no hang, no giant allocation
    expect(process.memoryUsage().rss).toBeLessThan(2 ** 31);
  });
});
