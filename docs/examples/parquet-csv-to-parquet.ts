// CSV → Parquet as one pipeline in constant memory: chunks flow from the CSV reader into row groups.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from '../../src/index.js';
import { readCsv } from '../../src/node/index.js';
import { loadParquet, writeParquet } from '../../src/parquet/index.js';

const schema = { trip: 'uint32', city: 'category', km: 'float64', passengers: 'uint8' } as const;
const dir = mkdtempSync(join(tmpdir(), 'trips-'));
const out = join(dir, 'trips.parquet');

// 64-row CSV chunks, 100-row row groups: memory holds one row group whatever the file size.
const csv = readCsv(new URL('./data/trips.csv', import.meta.url), { schema, columns: Object.keys(schema), chunkSize: 64 });
await writeParquet(pipeline(csv).filter((chunk) => chunk.length > 0), out, { rowGroupRows: 100 });

const trips = await loadParquet(out);
assert.equal(trips.length, 200);
assert.deepEqual(trips.schema, { trip: 'uint32', city: 'category', km: 'float64', passengers: 'uint8' });
rmSync(dir, { recursive: true, force: true });
