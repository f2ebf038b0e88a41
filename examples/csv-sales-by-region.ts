/**
 * Example: read a CSV in chunks into RecordStores, group and aggregate each chunk, merge, and export the
 * result to Apache Arrow.
 *
 *   npx tsx examples/csv-sales-by-region.ts [rows]
 *
 * Memory stays constant in the file size: only one chunk of `chunkSize` rows is alive at a time, stored as
 * typed columns (region and product as 1-byte category codes, units as int32, price as float64: 14 bytes
 * per row instead of well over 100 for an array of parsed objects). In your code, import from 'compactly' and
 * 'compactly/arrow' instead of the source paths used here.
 */
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { tableFromIPC } from 'apache-arrow';
import { toArrow, toIPC } from '../src/arrow/index.js';
import { RecordStore, readCsv, recordStore } from '../src/index.js';
import { REGIONS, salesCsv } from './_sales-data.js';

/** Revenue and units per region, ordered by region name. */
export interface RegionTotals {
  region: string;
  units: number;
  revenue: number;
  sales: number;
}

/** Runs the example on `rows` generated sales; returns the totals and what it checked. */
export async function main(rows = 250_000, chunkSize = 50_000): Promise<{ totals: RegionTotals[]; chunks: number; arrowRows: number }> {
  const schema = { region: 'category', product: 'category', units: 'int32', price: 'float64' } as const;
  const totals = new Map<string, RegionTotals>();
  let chunks = 0;
  // An async iterable of text pieces, as from a file or a fetch() body; readCsv stitches rows cut across pieces.
  for await (const chunk of readCsv(salesCsv(rows), { schema, chunkSize })) {
    chunks++;
    // 1 + 1 + 4 + 8 = 14 bytes per row, plus capacity slack and two tiny dictionaries.
    if (chunk.length === chunkSize) assert.ok(chunk.byteLength / chunk.length < 20, `${chunk.byteLength / chunk.length} bytes per row`);
    // revenue per row = units × price, computed on the raw columns (no objects made), then a new store
    // that adopts the region Categorical and both typed columns without copying them.
    const units = chunk.column('units');
    const price = chunk.column('price');
    const revenue = new Float64Array(chunk.length);
    for (let i = 0; i < revenue.length; i++) revenue[i] = units[i]! * price[i]!;
    const withRevenue = RecordStore.fromColumns({ region: chunk.column('region'), units, revenue });
    const agg = withRevenue.groupBy('region').agg({ units: ['sum', 'units'], revenue: ['sum', 'revenue'], sales: ['count'] });
    for (const g of agg) {
      const key = g.region as string;
      const t = totals.get(key) ?? { region: key, units: 0, revenue: 0, sales: 0 };
      t.units += Number(g.units);
      t.revenue += g.revenue;
      t.sales += g.sales;
      totals.set(key, t);
    }
  }
  const result = [...totals.values()].sort((a, b) => (a.region < b.region ? -1 : 1));

  // Check against the plain-JS way: split every line into an object.
  const expected = new Map<string, RegionTotals>();
  const text = [...salesCsv(rows)].join('');
  for (const line of text.split('\n').slice(1)) {
    if (!line) continue;
    const [region, , u, p] = line.split(',');
    const t = expected.get(region!) ?? { region: region!, units: 0, revenue: 0, sales: 0 };
    t.units += Number(u);
    t.revenue += Number(u) * Number(p);
    t.sales++;
    expected.set(region!, t);
  }
  assert.equal(result.length, expected.size);
  for (const t of result) {
    const e = expected.get(t.region)!;
    assert.equal(t.units, e.units);
    assert.equal(t.sales, e.sales);
    assert.ok(Math.abs(t.revenue - e.revenue) <= 1e-6 * e.revenue, `${t.region}: ${t.revenue} vs ${e.revenue}`);
  }
  assert.equal(chunks, Math.ceil(rows / chunkSize));
  assert.ok(result.every((t) => (REGIONS as readonly string[]).includes(t.region)));

  // Export the totals to Arrow (columns passed without copying), through IPC bytes and back.
  const out = recordStore({ region: 'category', units: 'int32', revenue: 'float64', sales: 'uint32' });
  out.extend(result);
  const table = tableFromIPC(toIPC(out));
  assert.equal(table.numRows, result.length);
  assert.deepEqual(
    table.getChild('region')!.toArray(),
    result.map((t) => t.region),
  );
  assert.deepEqual(
    [...table.getChild('units')!.toArray()],
    result.map((t) => t.units),
  );
  const direct = toArrow(out);
  assert.equal(direct.numRows, result.length);
  return { totals: result, chunks, arrowRows: table.numRows };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = Number(process.argv[2] ?? 250_000);
  const t0 = performance.now();
  const { totals, chunks } = await main(rows);
  console.log(`${rows.toLocaleString('en-US')} sales read in ${chunks} chunks in ${(performance.now() - t0).toFixed(0)} ms`);
  console.table(totals.map((t) => ({ ...t, revenue: t.revenue.toFixed(2) })));
}
