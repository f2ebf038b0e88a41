/**
 * Interop against a real engine: DuckDB (@duckdb/node-api) reads every file compactly writes with the same
 * values, nulls and types, and compactly reads the files DuckDB writes (zstd, snappy, gzip, uncompressed) for
 * every type it maps. Skipped with a note when @duckdb/node-api cannot be loaded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RecordStore } from '../../src/record-store.js';
import { loadParquet, readDataset, readParquet, writeDataset, writeParquet } from '../../src/parquet/index.js';

type Conn = { runAndReadAll(sql: string): Promise<{ getRowObjectsJS(): Record<string, unknown>[]; getRows(): unknown[][] }>; run(sql: string): Promise<unknown> };
let db: Conn | undefined;
try {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  db = (await (await DuckDBInstance.create(':memory:')).connect()) as unknown as Conn;
} catch (e) {
  console.warn(`duckdb interop tests skipped: @duckdb/node-api did not load (${String(e)})`);
}
const tmp = mkdtempSync(join(tmpdir(), 'compactly-duck-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const q = (s: string): string => `'${s.replace(/'/g, "''")}'`;

describe.runIf(db !== undefined)('DuckDB reads what compactly writes', () => {
  const n = 3000;
  const store = RecordStore.fromColumns({
    i8: Int8Array.from({ length: n }, (_, i) => (i % 256) - 128),
    u8: Uint8Array.from({ length: n }, (_, i) => i % 256),
    i16: Int16Array.from({ length: n }, (_, i) => i * 7 - 10_000),
    u16: Uint16Array.from({ length: n }, (_, i) => i * 20),
    i32: Int32Array.from({ length: n }, (_, i) => (i - 1500) * 1_000_003),
    u32: Uint32Array.from({ length: n }, (_, i) => 4_294_967_295 - i),
    i64: BigInt64Array.from({ length: n }, (_, i) => BigInt(i - 1500) * 3_000_000_000_000n),
    u64: BigUint64Array.from({ length: n }, (_, i) => 18_446_744_073_709_551_615n - BigInt(i)),
    f32: Float32Array.from({ length: n }, (_, i) => Math.fround(i / 8)),
    f64: Float64Array.from({ length: n }, (_, i) => (i % 11 === 0 ? NaN : i / 3)),
    origin: Array.from({ length: n }, (_, i) => (i % 9 === 0 ? null : ['LAX', 'SFO', 'JFK', 'Zürich'][i % 4]!)),
  });
  // The column types of real tables, with nulls: nullable numbers, utf8, bool, date, timestamp.
  const typed = RecordStore.fromObjects(
    Array.from({ length: n }, (_, i) => ({
      mi: i % 7 === 0 ? null : i - 1500,
      mf: i % 8 === 0 ? null : i / 4,
      name: i % 10 === 0 ? null : `name-${i}-é`,
      flag: i % 3 === 0,
      mflag: i % 4 === 0 ? null : i % 2 === 0,
      day: i - 1000,
      ts: i % 6 === 0 ? null : 978_310_020_000 + i * 1_001,
    })),
    {
      mi: { type: 'int32', nullable: true },
      mf: { type: 'float64', nullable: true },
      name: { type: 'utf8', nullable: true },
      flag: 'bool',
      mflag: { type: 'bool', nullable: true },
      day: 'date',
      ts: { type: 'timestamp', nullable: true },
    },
  );

  test.each(['snappy', 'zstd', 'gzip', 'uncompressed'] as const)('nullable, utf8, bool, date and timestamp fields (%s)', async (compression) => {
    const file = join(tmp, `t-${compression}.parquet`);
    await writeParquet(typed, file, { compression, rowGroupRows: 1000 });
    const types = (await db!.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${q(file)})`)).getRows().map((r) => [r[0], r[1]]);
    expect(types).toEqual([
      ['mi', 'INTEGER'],
      ['mf', 'DOUBLE'],
      ['name', 'VARCHAR'],
      ['flag', 'BOOLEAN'],
      ['mflag', 'BOOLEAN'],
      ['day', 'DATE'],
      ['ts', 'TIMESTAMP WITH TIME ZONE'],
    ]);
    const sql = `SELECT mi, mf, name, flag, mflag, (day - DATE '1970-01-01')::INTEGER AS day, epoch_ms(ts)::DOUBLE AS ts FROM read_parquet(${q(file)})`;
    const rows = (await db!.runAndReadAll(sql)).getRowObjectsJS();
    expect(rows.length).toBe(n);
    for (const k of typed.fields) {
      const want = Array.from({ length: n }, (_, i) => typed.getField(i, k));
      expect(
        rows.map((r) => r[k]),
        k,
      ).toEqual(want);
    }
    const stats = (await db!.runAndReadAll(`SELECT count(*) - count(mi), min(mi), max(name), count(*) - count(ts) FROM read_parquet(${q(file)})`)).getRows()[0];
    expect(stats).toEqual([429n, -1499, 'name-999-é', 500n]);
    // and back: the same schema and values
    const back = await loadParquet(file);
    expect(back.schema).toEqual(typed.schema);
    for (const k of typed.fields) {
      expect(
        Array.from({ length: n }, (_, i) => back.getField(i, k)),
        k,
      ).toEqual(Array.from({ length: n }, (_, i) => typed.getField(i, k)));
    }
  });

  test.each(['snappy', 'zstd', 'gzip', 'uncompressed'] as const)('types, values and nulls (%s, several row groups)', async (compression) => {
    const file = join(tmp, `w-${compression}.parquet`);
    await writeParquet(store, file, { compression, rowGroupRows: 1000 });
    const types = (await db!.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${q(file)})`)).getRows().map((r) => [r[0], r[1]]);
    expect(types).toEqual([
      ['i8', 'TINYINT'],
      ['u8', 'UTINYINT'],
      ['i16', 'SMALLINT'],
      ['u16', 'USMALLINT'],
      ['i32', 'INTEGER'],
      ['u32', 'UINTEGER'],
      ['i64', 'BIGINT'],
      ['u64', 'UBIGINT'],
      ['f32', 'FLOAT'],
      ['f64', 'DOUBLE'],
      ['origin', 'VARCHAR'],
    ]);
    const rows = (await db!.runAndReadAll(`SELECT * FROM read_parquet(${q(file)})`)).getRowObjectsJS();
    const want = store.toObjects() as Record<string, unknown>[];
    expect(rows.length).toBe(n);
    // One comparison per column (NaN equals NaN under toEqual).
    for (const k of store.fields)
      expect(
        rows.map((r) => r[k]),
        k,
      ).toEqual(want.map((w) => w[k]));
    // DuckDB uses the footer statistics: min/max and null counts agree with a full scan.
    const stats = (await db!.runAndReadAll(`SELECT min(i64), max(u64), count(*) - count(origin), min(origin), max(origin) FROM read_parquet(${q(file)})`)).getRows()[0];
    expect(stats).toEqual([-1500n * 3_000_000_000_000n, 18_446_744_073_709_551_615n, 334n, 'JFK', 'Zürich']);
  });

  test('a categorical column is dictionary-encoded in the file', async () => {
    const file = join(tmp, 'w-snappy.parquet');
    const enc = (await db!.runAndReadAll(`SELECT encodings FROM parquet_metadata(${q(file)}) WHERE path_in_schema = 'origin' LIMIT 1`)).getRows()[0]![0];
    expect(String(enc)).toMatch(/RLE_DICTIONARY/);
  });
});

describe.runIf(db !== undefined)('compactly reads what DuckDB writes', () => {
  const file = (codec: string): string => join(tmp, `d-${codec}.parquet`);
  const SELECT = `SELECT
      (i % 256 - 128)::TINYINT AS i8, (i % 256)::UTINYINT AS u8, (i * 7 - 10000)::SMALLINT AS i16, (i * 20)::USMALLINT AS u16,
      ((i - 1500) * 1000003)::INTEGER AS i32, (4294967295 - i)::UINTEGER AS u32, ((i - 1500) * 3000000000000)::BIGINT AS i64,
      (18446744073709551615 - i)::UBIGINT AS u64, (i / 8)::FLOAT AS f32, (i / 3)::DOUBLE AS f64,
      ['LAX', 'SFO', 'JFK', 'Zürich'][i % 4 + 1] AS origin,
      'name-' || i::VARCHAR AS plain,
      CASE WHEN i % 9 = 0 THEN NULL ELSE ['a', 'b'][i % 2 + 1] END AS maybe_s,
      CASE WHEN i % 5 = 0 THEN NULL ELSE i END::INTEGER AS maybe_i,
      CASE WHEN i % 6 = 0 THEN NULL ELSE i / 2 END::DOUBLE AS maybe_f,
      i % 3 = 0 AS flag,
      CASE WHEN i % 4 = 0 THEN NULL ELSE i % 2 = 0 END AS maybe_flag,
      DATE '1969-12-25' + i::INTEGER AS day,
      TIMESTAMP '2024-02-29 12:00:00' + i * INTERVAL 1 SECOND + INTERVAL 250 MILLISECOND AS ts,
      (TIMESTAMP '2001-01-01' + i * INTERVAL 1 MINUTE)::TIMESTAMP_MS AS ts_ms
    FROM range(3000) t(i)`;
  // Expected values in compactly's layouts, computed by DuckDB itself.
  const EXPECT = `SELECT i8, u8, i16, u16, i32, u32, i64, u64, f32, f64, origin, plain, maybe_s, maybe_i, maybe_f,
      flag, maybe_flag, (day - DATE '1970-01-01')::INTEGER AS day,
      epoch_us(ts) / 1000.0 AS ts, epoch_ms(ts_ms)::DOUBLE AS ts_ms FROM (${SELECT})`;
  let expected: Record<string, unknown>[] = [];

  beforeAll(async () => {
    if (db === undefined) return;
    for (const codec of ['zstd', 'snappy', 'gzip', 'uncompressed']) {
      await db.run(`COPY (${SELECT}) TO ${q(file(codec))} (FORMAT parquet, COMPRESSION ${codec}, ROW_GROUP_SIZE 1024)`);
    }
    expected = (await db.runAndReadAll(EXPECT)).getRowObjectsJS();
  });

  test.each(['zstd', 'snappy', 'gzip', 'uncompressed'])('every type (%s)', async (codec) => {
    const s = await loadParquet(file(codec));
    expect(s.schema).toEqual({
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
      origin: 'category',
      plain: 'utf8',
      maybe_s: 'category',
      maybe_i: { type: 'int32', nullable: true },
      maybe_f: { type: 'float64', nullable: true },
      flag: 'bool',
      maybe_flag: { type: 'bool', nullable: true },
      day: 'date',
      ts: 'timestamp',
      ts_ms: 'timestamp',
    });
    expect(s.length).toBe(expected.length);
    for (const k of Object.keys(expected[0]!)) {
      expect(
        Array.from({ length: s.length }, (_, i) => s.getField(i, k)),
        k,
      ).toEqual(expected.map((e) => e[k]));
    }
  });

  test('projection and chunks: one RecordStore per row group', async () => {
    const sizes: number[] = [];
    for await (const c of readParquet(file('zstd'), { columns: ['origin', 'ts'] })) {
      expect(c.fields).toEqual(['origin', 'ts']);
      sizes.push(c.length);
    }
    expect(sizes.reduce((a, b) => a + b)).toBe(3000);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2048);
  });
});

describe.runIf(db !== undefined)('partitioned datasets both ways', () => {
  test('DuckDB reads a dataset compactly writes, with hive_partitioning', async () => {
    const n = 2000;
    const store = RecordStore.fromColumns({
      origin: Array.from({ length: n }, (_, i) => (i % 13 === 0 ? null : ['LAX', 'SFO', 'JFK'][i % 3]!)),
      year: Int16Array.from({ length: n }, (_, i) => 2020 + (i % 3)),
      delay: Float64Array.from({ length: n }, (_, i) => i / 4),
    });
    const dir = join(tmp, 'ds');
    await writeDataset(store, dir, { partitionBy: ['origin', 'year'], rowGroupRows: 500 });
    const sql = `SELECT origin, year::INTEGER AS year, count(*)::INTEGER AS n, sum(delay) AS s
      FROM read_parquet(${q(join(dir, '**', '*.parquet'))}, hive_partitioning = true) GROUP BY ALL ORDER BY ALL`;
    const got = (await db!.runAndReadAll(sql)).getRowObjectsJS();
    const want = new Map<string, { origin: string | null; year: number; n: number; s: number }>();
    store.forEach((r) => {
      const k = `${String(r.origin)}|${r.year}`;
      const e = want.get(k) ?? { origin: r.origin, year: r.year, n: 0, s: 0 };
      e.n++;
      e.s += r.delay;
      want.set(k, e);
    });
    const sortKey = (r: Record<string, unknown>): string => `${r.origin === null ? '~' : String(r.origin)}|${String(r.year)}`;
    expect(got.map(sortKey).sort()).toEqual([...want.values()].map(sortKey).sort());
    for (const r of got) {
      const w = want.get(`${String(r.origin)}|${String(r.year)}`)!;
      expect([r.n, r.s]).toEqual([w.n, w.s]);
    }
  });

  test('DuckDB reads datasets partitioned by a utf8 and by a nullable column: the same rows, nulls as NULL', async () => {
    const n = 1200;
    const store = RecordStore.fromObjects(
      Array.from({ length: n }, (_, i) => ({
        id: i,
        name: i % 11 === 0 ? null : ['Zürich', 'LAX', 'a b/c=d'][i % 3]!,
        score: i % 7 === 0 ? null : (i % 4) - 1,
        x: i / 8,
      })),
      { id: 'int32', name: { type: 'utf8', nullable: true }, score: { type: 'int32', nullable: true }, x: 'float64' },
    );
    const want = store.toObjects() as Record<string, unknown>[];
    for (const by of [['name'], ['score'], ['name', 'score']]) {
      const dir = join(tmp, `ds-${by.join('-')}`);
      await writeDataset(store, dir, { partitionBy: by, rowGroupRows: 256 });
      const sql = `SELECT id, name, score::INTEGER AS score, x FROM read_parquet(${q(join(dir, '**', '*.parquet'))}, hive_partitioning = true) ORDER BY id`;
      const got = (await db!.runAndReadAll(sql)).getRowObjectsJS();
      expect(got, by.join(',')).toEqual(want);
      // and compactly's reader gives the same rows (partition values as their text)
      const back: Record<string, unknown>[] = [];
      for await (const c of readDataset(dir)) back.push(...(c.toObjects() as Record<string, unknown>[]));
      back.sort((a, b) => (a.id as number) - (b.id as number));
      expect(
        back.map((r) => ({ ...r, score: r.score === null ? null : Number(r.score) })),
        by.join(','),
      ).toEqual(want);
    }
  });

  test('compactly reads a dataset DuckDB writes (PARTITION_BY), pruning by path values', async () => {
    const dir = join(tmp, 'duck-ds');
    await db!.run(`COPY (SELECT ['LAX', 'SFO', 'JFK'][i % 3 + 1] AS origin, (2020 + i % 2)::INTEGER AS year, i::DOUBLE AS delay FROM range(900) t(i))
      TO ${q(dir)} (FORMAT parquet, PARTITION_BY (origin, year), COMPRESSION zstd)`);
    let total = 0;
    const seen = new Set<string>();
    for await (const c of readDataset(dir, { filter: { origin: 'SFO', year: 2021 } })) {
      total += c.length;
      for (const r of c.toObjects()) seen.add(`${String(r.origin)}|${String(r.year)}`);
    }
    const [[want]] = (await db!.runAndReadAll(`SELECT count(*)::INTEGER FROM range(900) t(i) WHERE i % 3 = 1 AND i % 2 = 1`)).getRows() as [[number]];
    expect(total).toBe(want);
    expect([...seen]).toEqual(['SFO|2021']);
  });
});
