/**
 * compactly/parquet without Node: the sources and sinks a browser has (bytes, a Blob, a range reader over
 * HTTP-like ranges, a WritableStream) with every field type, gzip through CompressionStream, projection,
 * rowGroups and filter. No node: import, so this file also runs in headless Chromium (test/browser/select.ts,
 * `npx vitest run --config vitest.browser.config.ts`).
 */
import { describe, expect, test } from 'vitest';
import { RecordStore } from '../../src/record-store.js';
import { loadParquet, parquetInfo, readParquet, writeParquet, type RangeReader } from '../../src/parquet/index.js';

const n = 1000;
const store = RecordStore.fromObjects(
  Array.from({ length: n }, (_, i) => ({
    id: i,
    big: BigInt(i) * 3_000_000_000n,
    origin: ['LAX', 'SFO', 'JFK', 'Zürich'][i % 4]!,
    name: i % 10 === 0 ? null : `name-${i}-é`,
    km: i % 7 === 0 ? null : i / 4,
    ok: i % 3 === 0,
    day: i - 500,
    at: 1_700_000_000_000 + i * 1_001,
  })),
  {
    id: 'int32',
    big: 'int64',
    origin: 'category',
    name: { type: 'utf8', nullable: true },
    km: { type: 'float64', nullable: true },
    ok: 'bool',
    day: 'date',
    at: 'timestamp',
  },
);
const want = store.toObjects();

async function concat(parts: Uint8Array[]): Promise<Uint8Array> {
  return new Uint8Array(await new Blob(parts as unknown as BlobPart[]).arrayBuffer());
}

describe('browser sources and sinks', () => {
  test('a WritableStream receives the same bytes as the returned Uint8Array', async () => {
    const bytes = await writeParquet(store, undefined, { rowGroupRows: 300 });
    const parts: Uint8Array[] = [];
    await writeParquet(store, new WritableStream<Uint8Array>({ write: (p) => void parts.push(p.slice()) }), { rowGroupRows: 300 });
    expect(await concat(parts)).toEqual(bytes);
  });

  test.each(['snappy', 'gzip', 'uncompressed'] as const)('bytes, ArrayBuffer, Blob and a range reader give the same store (%s)', async (compression) => {
    const bytes = await writeParquet(store, undefined, { rowGroupRows: 300, compression });
    expect((await parquetInfo(bytes)).rowGroupRows).toEqual([300, 300, 300, 100]);
    const sync: RecordStore[] = [...readParquet(bytes)];
    expect(sync.map((c) => c.length)).toEqual([300, 300, 300, 100]);
    const ranges: [number, number][] = [];
    const reader: RangeReader = {
      byteLength: bytes.length,
      read: async (s, e) => {
        ranges.push([s, e]);
        return bytes.slice(s, e).buffer;
      },
    };
    for (const src of [bytes, bytes.slice().buffer, new Blob([bytes.slice()]), reader]) {
      const s = await loadParquet(src);
      expect(s.schema).toEqual(store.schema);
      expect(s.toObjects()).toEqual(want);
    }
    // the range reader was asked for pieces, never the whole file
    expect(ranges.length).toBeGreaterThan(4);
    expect(Math.max(...ranges.map(([s, e]) => e - s))).toBeLessThan(bytes.length / 2);
  });

  test('projection, rowGroups and filter over a Blob and a range reader', async () => {
    const bytes = await writeParquet(store, undefined, { rowGroupRows: 300 });
    let read = 0;
    const reader: RangeReader = {
      byteLength: bytes.length,
      read: (s, e) => {
        read += e - s;
        return bytes.subarray(s, e);
      },
    };
    const one = await loadParquet(reader, { columns: ['km'] });
    expect(one.fields).toEqual(['km']);
    expect(read).toBeLessThan(bytes.length / 2);
    const blob = new Blob([bytes.slice()]);
    const groups = await loadParquet(blob, { rowGroups: [3, 1], columns: ['id'] });
    expect(Array.from(groups.column('id') as Int32Array)).toEqual([...Array.from({ length: 100 }, (_, i) => 900 + i), ...Array.from({ length: 300 }, (_, i) => 300 + i)]);
    const some = await loadParquet(blob, { columns: ['id', 'origin'], filter: { id: { ge: 950 }, origin: 'SFO' } });
    expect(some.toObjects()).toEqual(want.filter((r) => r.id >= 950 && r.origin === 'SFO').map((r) => ({ id: r.id, origin: r.origin })));
  });
});
