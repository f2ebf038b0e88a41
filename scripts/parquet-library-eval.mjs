// Measures the Parquet library candidates for compactly/parquet on one generated file (docs/parquet.md).
// Needs, besides the repo's devDependencies, parquet-wasm installed next to them or in NODE_PATH-free ESM resolution:
//   mkdir /tmp/pqeval && cd /tmp/pqeval && npm i hyparquet hyparquet-compressors parquet-wasm apache-arrow @duckdb/node-api
//   npx --prefix /path/to/compactly tsx /path/to/compactly/scripts/parquet-library-eval.mjs [rows]   (run from /tmp/pqeval)
// compactly's own reader (src/parquet, through tsx) is timed on the same files.
import { createRequire } from 'node:module';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const req = createRequire(join(process.cwd(), 'x.js'));
const load = async (name) => import(req.resolve(name));
const rows = Number(process.argv[2] ?? 1_000_000);
const { DuckDBInstance } = await load('@duckdb/node-api');
const db = await (await DuckDBInstance.create(':memory:')).connect();
const file = (codec) => `/tmp/pqeval-${rows}-${codec}.parquet`;
for (const codec of ['snappy', 'zstd']) {
  await db.run(`COPY (SELECT i::INTEGER AS id, (i * 7919 % 100000)::BIGINT AS big, (i % 1000) / 7.0 AS x,
     'city' || (hash(i) % 300)::VARCHAR AS origin, CASE WHEN i % 10 = 0 THEN NULL ELSE (i % 97)::DOUBLE END AS maybe
     FROM range(${rows}) t(i)) TO '${file(codec)}' (FORMAT parquet, COMPRESSION ${codec}, ROW_GROUP_SIZE 122880)`);
}
const hp = await load('hyparquet');
const { compressors } = await load('hyparquet-compressors');
const pw = await load('parquet-wasm');
const arrow = await load('apache-arrow');
const { loadParquet, readParquet } = await import(new URL('../src/parquet/index.ts', import.meta.url).href);

async function time(label, fn, reps = 3) {
  let best = Infinity;
  let out;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    out = await fn();
    best = Math.min(best, performance.now() - t0);
  }
  console.log(`${label.padEnd(58)} ${best.toFixed(0).padStart(6)} ms`);
  return out;
}
for (const codec of ['snappy', 'zstd']) {
  const bytes = readFileSync(file(codec));
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  console.log(`\n${rows} rows, ${codec}, ${(statSync(file(codec)).size / 1e6).toFixed(1)} MB`);
  await time('hyparquet parquetReadObjects (row objects)', () => hp.parquetReadObjects({ file: ab, compressors }));
  await time('hyparquet parquetRead columnar (onChunk, decoded values)', () => hp.parquetRead({ file: ab, compressors, onChunk() {} }));
  await time('compactly loadParquet -> one RecordStore', () => loadParquet(bytes));
  await time('compactly readParquet -> RecordStore chunks (sync)', () => [...readParquet(bytes)].length);
  await time('parquet-wasm readParquet -> arrow tableFromIPC', () => arrow.tableFromIPC(pw.readParquet(bytes).intoIPCStream()));
  await time('duckdb read_parquet count(*) sum (reference)', () => db.runAndReadAll(`SELECT count(*), sum(x), count(DISTINCT origin) FROM read_parquet('${file(codec)}')`));
}
const dir = (p) => req.resolve(p).replace(/\/[^/]*$/, '');
console.log(`\nsizes: parquet-wasm node wasm ${(statSync(join(dir('parquet-wasm'), 'parquet_wasm_bg.wasm')).size / 1e6).toFixed(1)} MB`);
