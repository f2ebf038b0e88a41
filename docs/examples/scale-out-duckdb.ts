// Outgrowing one machine: write a partitioned dataset, query it with DuckDB, read the result back in chunks.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { RecordStore } from '../../src/index.js';
import { readDataset, readParquet, writeDataset } from '../../src/parquet/index.js';

const dir = mkdtempSync(join(tmpdir(), 'flights-'));
const flights = RecordStore.fromColumns({
  origin: Array.from({ length: 3000 }, (_, i) => ['LAX', 'SFO', 'JFK'][i % 3]!),
  delay: Float64Array.from({ length: 3000 }, (_, i) => (i % 60) - 15),
});

// 1. compactly writes hive-partitioned Parquet: flights/origin=LAX/part-0.parquet, …
await writeDataset([flights], join(dir, 'flights'), { partitionBy: ['origin'] });

// 2. DuckDB queries it (the same read works in Spark, Trino, Polars: see docs/scale-out.md) and writes its
//    answer as Parquet.
const db = await (await DuckDBInstance.create(':memory:')).connect();
await db.run(`COPY (
    SELECT origin, avg(delay) AS mean_delay, count(*) AS n
    FROM read_parquet('${dir}/flights/**/*.parquet', hive_partitioning = true)
    GROUP BY origin ORDER BY origin
  ) TO '${dir}/by-origin.parquet' (FORMAT parquet, COMPRESSION zstd)`);

// 3. compactly reads the result back in chunks (a RecordStore per row group).
const rows = [];
for await (const chunk of readParquet(join(dir, 'by-origin.parquet'))) rows.push(...chunk.toObjects());
assert.deepEqual(rows.map((r) => r.origin), ['JFK', 'LAX', 'SFO']);
assert.deepEqual(rows.map((r) => r.n), [1000n, 1000n, 1000n]);

// And compactly reads the dataset itself, opening only the partitions the filter keeps.
let sfo = 0;
for await (const chunk of readDataset(join(dir, 'flights'), { filter: { origin: 'SFO' } })) sfo += chunk.length;
assert.equal(sfo, 1000);
rmSync(dir, { recursive: true, force: true });
