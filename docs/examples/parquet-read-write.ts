// Parquet in and out: write a store, read it back in chunks, project columns, filter rows, load it whole.
import assert from 'node:assert/strict';
import { Categorical, RecordStore } from '../../src/index.js';
import { loadParquet, parquetInfo, readParquet, writeParquet } from '../../src/parquet/index.js';

const flights = RecordStore.fromColumns({
  origin: Array.from({ length: 1000 }, (_, i) => ['LAX', 'SFO', 'JFK'][i % 3]!),
  delay: Float64Array.from({ length: 1000 }, (_, i) => (i % 50) - 10),
  distance: Uint16Array.from({ length: 1000 }, (_, i) => 300 + i),
});

// No sink: the file comes back as bytes (snappy pages, 250-row groups, statistics in the footer).
const bytes = await writeParquet(flights, undefined, { rowGroupRows: 250 });
assert.equal((await parquetInfo(bytes)).rowGroupRows.length, 4);

// One RecordStore per row group; bytes in memory can be read synchronously too.
let rows = 0;
for (const chunk of readParquet(bytes)) rows += chunk.length;
assert.equal(rows, 1000);

// The dictionary-encoded column is a Categorical: its categories come from the dictionary page, its codes
// from the indices (no string per row).
const one = [...readParquet(bytes, { columns: ['origin'] })][0]!;
assert.ok(one.column('origin') instanceof Categorical);
assert.deepEqual([...(one.column('origin') as Categorical<string>).categories], ['JFK', 'LAX', 'SFO']);

// Projection reads only the requested column chunks; the filter skips row groups by their statistics
// (distance >= 1200 only exists in the last one) and keeps the matching rows.
const late = await loadParquet(bytes, { columns: ['origin', 'delay'], filter: { distance: { ge: 1200 }, origin: 'SFO' } });
assert.deepEqual(late.fields, ['origin', 'delay']);
assert.equal(late.length, 33);

// Whole-file loading in one call (categories merged across row groups).
const all = await loadParquet(bytes);
assert.deepEqual(all.toObjects()[1], { origin: 'SFO', delay: -9, distance: 301 });
