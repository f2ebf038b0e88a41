/**
 * Parquet: reading a generated, seeded file (the pipeline suite's CSV rows: id, city, km, qty, ts) into
 * RecordStores against hyparquet's own row objects and against readCsv of the same rows as CSV text; column
 * projection (1 of 5 columns against all 5); writing against hyparquet-writer and DuckDB's `COPY … TO`
 * (a reference, when @duckdb/node-api is installed); bytes per row held in memory, as for CSV.
 * Peak RSS of chunked reads at two file sizes is measured by `bench/pipeline-memory.ts --parquet` (fresh children). hyparquet and its
 * writer and compressors are bundled into the CLI (compactly/parquet needs them anyway); DuckDB is optional.
 */
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { pipeline, readCsv, RecordStore } from '../src/index.js';
import { loadParquet, readParquet, writeParquet } from '../src/parquet/index.js';
import type { MemoryGroup, SpeedCase, Suite, SuiteContext } from './_harness.js';
import { assertSameResult } from './_harness.js';
import { generateCsv } from './pipeline.bench.js';

const SCHEMA = { id: 'int32', city: 'category', km: 'float64', qty: 'uint8', ts: 'uint32' } as const;
type Store = RecordStore<typeof SCHEMA>;

/** Rows, km sum and count of city 'cat0' (the pipeline suite's CSV summary). */
interface Summary {
  rows: number;
  km: number;
  cat0: number;
}

function summarizeStores(chunks: Iterable<RecordStore>): Summary {
  let rows = 0;
  let km = 0;
  let cat0 = 0;
  for (const c of chunks as Iterable<Store>) {
    rows += c.length;
    const k = c.column('km');
    for (let i = 0; i < k.length; i++) km += k[i]!;
    const city = c.column('city');
    const code = city.categories.indexOf('cat0');
    const codes = city.codes;
    for (let i = 0; i < codes.length; i++) if (codes[i] === code) cat0++;
  }
  return { rows, km, cat0 };
}

function summarizeObjects(objs: readonly Record<string, unknown>[]): Summary {
  let km = 0;
  let cat0 = 0;
  for (const o of objs) {
    km += o.km as number;
    if (o.city === 'cat0') cat0++;
  }
  return { rows: objs.length, km, cat0 };
}

/** The suite's rows as one store (from the CSV generator, so Parquet and CSV hold the same data). */
export function storeOfRows(n: number): Store {
  return pipeline(readCsv(generateCsv(n), { schema: SCHEMA })).toStore(SCHEMA);
}

/** The rows as a Parquet file (snappy, 122 880-row groups). */
export function parquetOfRows(n: number): Promise<Uint8Array> {
  return writeParquet(storeOfRows(n) as unknown as RecordStore);
}

interface Duck {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ getRows(): unknown[][] }>;
}

async function speed(ctx: SuiteContext): Promise<SpeedCase[]> {
  const n = ctx.rows;
  const store = storeOfRows(n);
  const bytes = await writeParquet(store as unknown as RecordStore);
  const ab = bytes.slice().buffer;
  const csv = generateCsv(n);
  ctx.note(`${n} rows: Parquet ${(bytes.length / 1e6).toFixed(1)} MB (snappy), CSV ${(csv.length / 1e6).toFixed(1)} MB`);
  const cases: SpeedCase[] = [
    {
      name: 'read a Parquet file (5 columns)',
      baseline: {
        name: 'hyparquet parquetReadObjects → row objects',
        fn: async () => summarizeObjects(await parquetReadObjects({ file: ab, compressors })),
      },
      tasks: [
        { name: 'readParquet(bytes) → RecordStore chunks', fn: () => summarizeStores(readParquet(bytes)) },
        { name: 'loadParquet(bytes) → one RecordStore', fn: async () => summarizeStores([await loadParquet(bytes)]) },
        { name: 'readCsv of the same rows (CSV text) → chunks', fn: () => summarizeStores(readCsv(csv, { schema: SCHEMA }) as Iterable<RecordStore>) },
      ],
    },
    {
      name: 'column projection: km only',
      baseline: { name: 'readParquet(bytes), all 5 columns', fn: () => summarizeStores(readParquet(bytes)).km },
      tasks: [
        {
          name: "readParquet(bytes, {columns: ['km']})",
          fn: () => {
            let km = 0;
            for (const c of readParquet(bytes, { columns: ['km'] })) {
              const k = c.column('km') as Float64Array;
              for (let i = 0; i < k.length; i++) km += k[i]!;
            }
            return km;
          },
        },
      ],
    },
  ];
  const rowsOf = (b: Uint8Array | ArrayBuffer): number => {
    let r = 0;
    for (const c of readParquet(b instanceof Uint8Array ? b : new Uint8Array(b), { columns: ['qty'] })) r += c.length;
    return r;
  };
  const writeTasks: SpeedCase['tasks'][number][] = [
    { name: 'writeParquet(store) → Uint8Array (snappy)', fn: async () => rowsOf(await writeParquet(store as unknown as RecordStore)) },
  ];
  const duckMod = await ctx.optional<{ DuckDBInstance: { create(p: string): Promise<{ connect(): Promise<Duck> }> } }>('@duckdb/node-api');
  if (duckMod !== undefined) {
    const db = await (await duckMod.DuckDBInstance.create(':memory:')).connect();
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const src = join(tmpdir(), `compactly-bench-${process.pid}.parquet`);
    const dst = join(tmpdir(), `compactly-bench-${process.pid}-duck.parquet`);
    const { rmSync, writeFileSync } = await import('node:fs');
    writeFileSync(src, bytes);
    await db.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM read_parquet('${src}')`);
    // The table is in DuckDB now; its COPY target goes when the process does (the bench left both in tmp).
    rmSync(src, { force: true });
    process.once('exit', () => rmSync(dst, { force: true }));
    writeTasks.push({
      name: 'DuckDB COPY t TO parquet (snappy; C++, multi-threaded)',
      reference: true,
      fn: async () => {
        await db.run(`COPY t TO '${dst}' (FORMAT parquet, COMPRESSION snappy)`);
        const r = await db.runAndReadAll(`SELECT count(*)::INTEGER FROM read_parquet('${dst}')`);
        return r.getRows()[0]![0];
      },
    });
  } else ctx.note('@duckdb/node-api is not installed: the DuckDB COPY reference is skipped');
  cases.push(...(await codecCases(ctx, store)));
  cases.push({
    name: 'write a Parquet file (5 columns)',
    baseline: {
      name: 'hyparquet-writer parquetWriteBuffer (columns as arrays)',
      fn: () => {
        const cols = store.toObjects();
        return rowsOf(
          parquetWriteBuffer({
            columnData: [
              { name: 'id', data: Int32Array.from(cols, (o) => o.id), type: 'INT32' },
              { name: 'city', data: cols.map((o) => o.city), type: 'STRING' },
              { name: 'km', data: Float64Array.from(cols, (o) => o.km), type: 'DOUBLE' },
              { name: 'qty', data: Int32Array.from(cols, (o) => o.qty), type: 'INT32' },
              { name: 'ts', data: Int32Array.from(cols, (o) => o.ts | 0), type: 'INT32' },
            ],
          }),
        );
      },
    },
    tasks: writeTasks,
    check: (got, expected, task) => assertSameResult(got, expected, task),
  });
  return cases;
}

/** The codecs compared: snappy (the default, the baseline), zstd, gzip, uncompressed. */
const CODECS = ['snappy', 'zstd', 'gzip', 'uncompressed'] as const;
type Codec = (typeof CODECS)[number];

/**
 * Reading and writing the same rows with each codec, against snappy (the default): the file sizes go to the
 * notes. zstd needs the optional peer @hpcc-js/wasm-zstd to write (reading zstd needs only
 * hyparquet-compressors): without it zstd is left out, with a note.
 */
async function codecCases(ctx: SuiteContext, store: Store): Promise<SpeedCase[]> {
  const zstd = (await ctx.optional('@hpcc-js/wasm-zstd')) !== undefined;
  if (!zstd) ctx.note('@hpcc-js/wasm-zstd is not installed: zstd is left out of the codec cases (npm install @hpcc-js/wasm-zstd)');
  const codecs = CODECS.filter((c) => c !== 'zstd' || zstd);
  const files = new Map<Codec, Uint8Array>();
  for (const c of codecs) files.set(c, await writeParquet(store as unknown as RecordStore, undefined, { compression: c }));
  const mb = (c: Codec): string => `${c} ${(files.get(c)!.length / 1e6).toFixed(2)} MB`;
  ctx.note(`${store.length} rows as Parquet by codec: ${codecs.map(mb).join(', ')}`);
  const read = (c: Codec) => ({ name: `${c}: readParquet(bytes) → chunks`, fn: async () => summarizeStores(await chunksOf(readParquet(files.get(c)!))) });
  const write = (c: Codec) => ({
    name: `${c}: writeParquet(store, undefined, {compression: '${c}'})`,
    fn: async () => (await writeParquet(store as unknown as RecordStore, undefined, { compression: c })).length > 0,
  });
  const others = codecs.filter((c) => c !== 'snappy');
  return [
    { name: 'read by codec (5 columns)', baseline: read('snappy'), tasks: others.map(read) },
    { name: 'write by codec (5 columns)', baseline: write('snappy'), tasks: others.map(write) },
  ];
}

/** The chunks of a reader (async: zstd and gzip pages decompress asynchronously on the first read). */
async function chunksOf(reader: AsyncIterable<RecordStore>): Promise<RecordStore[]> {
  const out: RecordStore[] = [];
  for await (const c of reader) out.push(c);
  return out;
}

async function memory(ctx: SuiteContext): Promise<MemoryGroup[]> {
  // The files are written here, before the child measures, so only the loaded structure is counted (and the
  // builds stay synchronous: readParquet over bytes in memory is).
  const sizes = [...new Set([Math.min(ctx.rows, 1000), ctx.rows])];
  const files = new Map<number, Uint8Array>();
  for (const n of sizes) files.set(n, await parquetOfRows(n));
  const fileOf = (n: number): Uint8Array =>
    files.get(n) ??
    (() => {
      throw new Error(`parquet memory case built for ${n} rows; prepared ${sizes.join(', ')}`);
    })();
  return [
    {
      name: 'Parquet rows held in memory',
      unit: 'row',
      baseline: {
        name: 'row objects {id, city, km, qty, ts} (what hyparquet parquetReadObjects returns)',
        build: (n) => [...readParquet(fileOf(n))].flatMap((c) => c.toObjects()),
      },
      cases: [
        { name: 'readParquet(bytes) → one RecordStore per row group', build: (n) => [...readParquet(fileOf(n))] },
        {
          name: 'readCsv → toStore of the same rows (for comparison)',
          build: (n) => {
            const s = storeOfRows(n);
            s.shrinkToFit();
            return s;
          },
        },
      ],
    },
  ];
}

/** The parquet suite. */
export const suite: Suite = {
  name: 'parquet',
  title: 'Parquet: readParquet vs hyparquet row objects and readCsv; writeParquet vs hyparquet-writer and DuckDB',
  speed,
  memory,
  headline: { speed: 'read a Parquet file (5 columns)', task: 'readParquet(bytes) → RecordStore chunks', memory: 'Parquet rows held in memory' },
};
