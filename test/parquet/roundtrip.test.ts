/**
 * writeParquet → readParquet/loadParquet against plain-array models: every numeric dtype and categories with
 * missing values survive any chunking and row-group size; projection, row groups, filters, and every source and
 * sink kind.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { Categorical } from '../../src/categorical.js';
import { pipeline } from '../../src/pipeline.js';
import { RecordStore, recordStore } from '../../src/record-store.js';
import { loadParquet, parquetInfo, readParquet, writeParquet, type RangeReader } from '../../src/parquet/index.js';
import { bitWidthOf, Bytes, decodeHybrid, encodeHybrid } from '../../src/parquet/rle.js';
import { snappyCompress } from '../../src/parquet/snappy.js';
import { snappyUncompress } from 'hyparquet';

const SCHEMA = {
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
  c: 'category',
} as const;

const row = fc.record({
  i8: fc.integer({ min: -128, max: 127 }),
  u8: fc.integer({ min: 0, max: 255 }),
  i16: fc.integer({ min: -32768, max: 32767 }),
  u16: fc.integer({ min: 0, max: 65535 }),
  i32: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  u32: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  i64: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
  u64: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
  f32: fc.float({ noNaN: true }).map(Math.fround),
  f64: fc.double(),
  c: fc.option(fc.constantFrom('x', 'y', 'zé', '', '🦆'), { nil: null }),
});

type Row = ReturnType<RecordStore<typeof SCHEMA>['toObjects']>[number];

/** A numeric column's values as an array. */
function nums(col: unknown): number[] {
  return Array.from(col as ArrayLike<number>);
}

function storeOf(rows: readonly unknown[]): RecordStore<typeof SCHEMA> {
  const s = recordStore(SCHEMA);
  s.extend(rows as never);
  return s;
}

function chunksOf(rows: readonly unknown[], size: number): RecordStore<typeof SCHEMA>[] {
  const out: RecordStore<typeof SCHEMA>[] = [];
  for (let i = 0; i < rows.length; i += size) out.push(storeOf(rows.slice(i, i + size)));
  return out;
}

function same(a: readonly Row[], b: readonly Record<string, unknown>[]): void {
  expect(b.length).toBe(a.length);
  for (let i = 0; i < a.length; i++) {
    for (const k of Object.keys(SCHEMA)) {
      const x = (a[i] as Record<string, unknown>)[k];
      const y = b[i]![k];
      if (typeof x === 'number' && Number.isNaN(x)) expect(Number.isNaN(y)).toBe(true);
      else expect(Object.is(x, y) || x === y, `${k} row ${i}: ${String(x)} vs ${String(y)}`).toBe(true);
    }
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'compactly-parquet-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('round trip (property)', () => {
  test('any rows, any chunking, any row-group size, any codec', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 60 }),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('snappy', 'uncompressed', 'gzip') as fc.Arbitrary<'snappy' | 'uncompressed' | 'gzip'>,
        async (rows, chunk, rg, compression) => {
          fc.pre(rows.length > 0);
          const bytes = await writeParquet(chunksOf(rows, chunk), undefined, { rowGroupRows: rg, compression });
          const model = storeOf(rows).toObjects();
          const whole = await loadParquet(bytes);
          same(model, whole.toObjects());
          expect(Object.values(whole.schema)).toEqual(Object.values(SCHEMA));
          const info = await parquetInfo(bytes);
          expect(info.rowGroupRows.length).toBe(Math.ceil(rows.length / rg));
          let n = 0;
          for await (const c of readParquet(bytes)) {
            expect(c.length).toBeLessThanOrEqual(rg);
            n += c.length;
          }
          expect(n).toBe(rows.length);
        },
      ),
      { numRuns: 40, seed: 17 },
    );
  });
});

describe('reading', () => {
  const rows = Array.from({ length: 1000 }, (_, i) => ({
    i8: (i % 200) - 100,
    u8: i % 256,
    i16: i - 500,
    u16: i,
    i32: i * 1000,
    u32: i * 4_000_000,
    i64: BigInt(i) * 10n ** 12n,
    u64: BigInt(i),
    f32: i / 4,
    f64: i / 3,
    c: i % 7 === 0 ? null : ['LAX', 'SFO', 'JFK'][i % 3]!,
  }));
  const store = storeOf(rows);
  let bytes: Uint8Array;

  test('setup', async () => {
    bytes = await writeParquet(store, undefined, { rowGroupRows: 300 });
  });

  test('a dictionary column becomes a Categorical with the dictionary as categories', async () => {
    const s = await loadParquet(bytes, { columns: ['c'] });
    const c = s.column('c') as unknown as Categorical<string>;
    expect(c).toBeInstanceOf(Categorical);
    expect([...c.categories].sort()).toEqual(['JFK', 'LAX', 'SFO']);
    expect(c.codes).toBeInstanceOf(Int8Array);
    expect(c.toArray()).toEqual(rows.map((r) => r.c));
  });

  test('projection returns the requested columns in the requested order', async () => {
    const s = await loadParquet(bytes, { columns: ['f64', 'i8'] });
    expect(s.fields).toEqual(['f64', 'i8']);
    expect(nums(s.column('f64'))).toEqual(rows.map((r) => r.f64));
  });

  test('projection reads only the requested column chunks', async () => {
    const ranges: [number, number][] = [];
    const reader: RangeReader = {
      byteLength: bytes.length,
      read: (s, e) => {
        ranges.push([s, e]);
        return bytes.subarray(s, e);
      },
    };
    const info = await parquetInfo(bytes);
    await loadParquet(reader, { columns: ['u16'] });
    const leaf = Object.keys(SCHEMA).indexOf('u16');
    const chunkRanges = info.metadata.row_groups.map((rg) => {
      const m = rg.columns[leaf]!.meta_data!;
      return [Number(m.data_page_offset), Number(m.data_page_offset + m.total_compressed_size)];
    });
    // footer reads are the tail of the file; the rest are exactly u16's chunks
    const dataReads = ranges.filter(([s]) => s > 0 && s < Number(info.metadata.row_groups.at(-1)!.columns.at(-1)!.meta_data!.data_page_offset) + 1);
    expect(dataReads).toEqual(chunkRanges);
  });

  test('rowGroups selects row groups, in the order given', async () => {
    const s = await loadParquet(bytes, { rowGroups: [3, 0], columns: ['u16'] });
    expect(nums(s.column('u16'))).toEqual([...rows.slice(900), ...rows.slice(0, 300)].map((r) => r.u16));
  });

  test('filter keeps matching rows and skips row groups the statistics rule out', async () => {
    const ranges: number[] = [];
    const reader: RangeReader = {
      byteLength: bytes.length,
      read: (s, e) => {
        ranges.push(s);
        return bytes.subarray(s, e);
      },
    };
    const s = await loadParquet(reader, { columns: ['u16', 'c'], filter: { u16: { ge: 950 }, c: ['LAX', null] } });
    const want = rows.filter((r) => r.u16 >= 950 && (r.c === 'LAX' || r.c === null));
    expect(s.toObjects()).toEqual(want.map((r) => ({ u16: r.u16, c: r.c })));
    expect(ranges.length).toBe(3 + 2); // magic, tail, footer; then 2 columns of the last row group only
    const none = await loadParquet(bytes, { filter: { i16: { gt: 10_000 } } });
    expect(none.length).toBe(0);
    expect(none.fields).toEqual(Object.keys(SCHEMA));
    const byCat = await loadParquet(bytes, { columns: ['u16'], filter: { c: 'SFO' } });
    expect(nums(byCat.column('u16'))).toEqual(rows.filter((r) => r.c === 'SFO').map((r) => r.u16));
  });

  test('sources: ArrayBuffer, Blob, range reader, path and file: URL give the same store', async () => {
    const path = join(tmp, 'r.parquet');
    await writeParquet(store, path, { rowGroupRows: 300 });
    expect(readFileSync(path)).toEqual(Buffer.from(bytes));
    const want = store.toObjects();
    const ab = bytes.slice().buffer;
    for (const src of [
      ab,
      new Blob([bytes.slice()]),
      { byteLength: bytes.length, read: async (s: number, e: number) => bytes.slice(s, e).buffer },
      path,
      new URL(`file://${path}`),
    ]) {
      expect((await loadParquet(src)).toObjects()).toEqual(want);
    }
  });

  test('over bytes in memory the reader is also synchronous (a sync pipeline source)', () => {
    const reader = readParquet(bytes, { columns: ['i32'] });
    expect(
      pipeline(reader)
        .map((c) => c.length)
        .sum(),
    ).toBe(1000);
    expect([...readParquet(bytes.slice().buffer)].map((c) => c.length)).toEqual([300, 300, 300, 100]);
  });

  test('a reader is a pipeline source; an early break stops reading', async () => {
    const total = pipeline(readParquet(bytes, { columns: ['i32'] }))
      .map((c) => c.length)
      .sum();
    expect(total).toBe(1000);
    let seen = 0;
    for await (const c of readParquet(join(tmp, 'r.parquet'))) {
      seen += c.length;
      break;
    }
    expect(seen).toBe(300);
  });
});

describe('writing', () => {
  test('sinks: WritableStream and path receive the same bytes as the returned Uint8Array', async () => {
    const s = storeOf([{ i8: 1, u8: 2, i16: 3, u16: 4, i32: 5, u32: 6, i64: 7n, u64: 8n, f32: 9, f64: 10, c: 'a' }]);
    const bytes = await writeParquet(s);
    const parts: Uint8Array[] = [];
    await writeParquet(s, new WritableStream({ write: (p) => void parts.push(p) }));
    expect(Buffer.concat(parts)).toEqual(Buffer.from(bytes));
  });

  test('an async iterable of chunks (a CSV reader through a pipeline) streams into one file', async () => {
    const csv = 'k,v\n' + Array.from({ length: 500 }, (_, i) => `k${i % 5},${i}`).join('\n') + '\n';
    const { readCsv } = await import('../../src/pipeline.js');
    const bytes = await writeParquet(pipeline(readCsv(csv, { schema: { k: 'category', v: 'int32' }, chunkSize: 64 })), undefined, { rowGroupRows: 200 });
    const back = await loadParquet(bytes);
    expect(back.length).toBe(500);
    expect(nums(back.column('v'))).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect((back.column('k') as unknown as Categorical<string>).toArray().slice(0, 6)).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k0']);
  });

  test('footer statistics: min/max per column chunk (strings by bytes), null counts', async () => {
    const s = RecordStore.fromColumns({ x: new Float64Array([3, -0, NaN, 7]), c: ['b', null, 'a', 'é'], q: new BigInt64Array([5n, -2n, 9n, 0n]) });
    const info = await parquetInfo(await writeParquet(s));
    const [x, c, q] = info.metadata.row_groups[0]!.columns.map((col) => col.meta_data!.statistics!);
    expect([x!.min_value, x!.max_value, x!.null_count]).toEqual([-0, 7, 0n]);
    expect([c!.min_value, c!.max_value, c!.null_count]).toEqual(['a', 'é', 1n]);
    expect([q!.min_value, q!.max_value]).toEqual([-2n, 9n]);
  });
});

describe('encodings', () => {
  test('RLE/bit-packed hybrid round-trips any values at any width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), fc.array(fc.nat(), { maxLength: 300 }), fc.boolean(), (bw, raw, runs) => {
        const max = bw === 0 ? 0 : 2 ** bw - 1;
        const vals = raw.map((v, i) => (runs ? Math.floor(i / 13) : v) % (max + 1));
        const out = new Bytes(4);
        encodeHybrid(out, vals, 0, vals.length, bw);
        const back = new Int32Array(vals.length);
        decodeHybrid(out.view(), 0, out.length, bw, back, vals.length);
        expect(Array.from(back)).toEqual(vals);
      }),
      { numRuns: 300, seed: 17 },
    );
    expect(bitWidthOf(0)).toBe(0);
    expect(bitWidthOf(255)).toBe(8);
  });

  test('the snappy compressor round-trips through hyparquet’s decompressor', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200_000 }), fc.integer({ min: 1, max: 300 }), (raw, period) => {
        const b = raw.map((v, i) => (i % 3 === 0 ? (raw[i % period] ?? v) : v));
        const c = snappyCompress(b);
        const back = new Uint8Array(b.length);
        snappyUncompress(c, back);
        expect(back).toEqual(b);
      }),
      { numRuns: 60, seed: 17 },
    );
  });
});
