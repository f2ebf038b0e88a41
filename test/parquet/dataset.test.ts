/**
 * writeDataset / readDataset: hive layout, escaping, null partitions, pruning by path values, and a round trip
 * against the plain rows, partitioned by category, utf8, nullable numeric and bool, date and timestamp columns.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ValueError } from '../../src/errors.js';
import { RecordStore } from '../../src/record-store.js';
import { HIVE_NULL, readDataset, writeDataset } from '../../src/parquet/index.js';

const tmp = mkdtempSync(join(tmpdir(), 'compactly-ds-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const n = 600;
const rows = Array.from({ length: n }, (_, i) => ({
  origin: i % 10 === 0 ? null : ['LAX', 'SFO', 'a/b=c%'][i % 3]!,
  year: 2020 + (i % 4),
  delay: i / 2,
}));
const store = RecordStore.fromObjects(rows, { origin: 'category', year: 'int16', delay: 'float64' });
const chunks = [0, 150, 300, 450].map((s) => store.take(Array.from({ length: 150 }, (_, i) => s + i)));

async function collect(it: AsyncIterable<RecordStore>): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const c of it) out.push(...(c.toObjects() as Record<string, unknown>[]));
  return out;
}

const key = (r: Record<string, unknown>): string => `${String(r.origin)}|${String(r.year)}|${String(r.delay)}`;

describe('datasets', () => {
  const dir = join(tmp, 'flights');

  test('hive layout: one directory per value, escaped, nulls as __HIVE_DEFAULT_PARTITION__', async () => {
    const res = await writeDataset(chunks, dir, { partitionBy: ['origin', 'year'], rowGroupRows: 64 });
    expect(res.rows).toBe(n);
    expect(readdirSync(dir).sort()).toEqual(['origin=LAX', 'origin=SFO', `origin=${HIVE_NULL}`, 'origin=a%2Fb%3Dc%25'].sort());
    expect(readdirSync(join(dir, 'origin=LAX')).sort()).toEqual(['year=2020', 'year=2021', 'year=2022', 'year=2023']);
    expect(existsSync(join(dir, 'origin=LAX', 'year=2021', 'part-0.parquet'))).toBe(true);
    expect(res.files.length).toBe(new Set(rows.map((r) => `${String(r.origin)}/${r.year}`)).size);
  });

  test('readDataset returns every row, partition columns from the paths', async () => {
    const got = await collect(readDataset(dir));
    expect(got.map((r) => Object.keys(r))[0]).toEqual(['delay', 'origin', 'year']);
    const want = rows.map((r) => ({ ...r, year: String(r.year) }));
    expect(got.map(key).sort()).toEqual(want.map(key).sort());
  });

  test('partition predicates prune directories; data predicates filter rows', async () => {
    const got = await collect(readDataset(dir, { filter: { origin: ['a/b=c%', null], year: { ge: 2022 }, delay: { lt: 200 } }, columns: ['origin', 'delay'] }));
    const want = rows.filter((r) => (r.origin === 'a/b=c%' || r.origin === null) && r.year >= 2022 && r.delay < 200).map((r) => ({ origin: r.origin, delay: r.delay }));
    expect(got.map((r) => `${String(r.origin)}|${String(r.delay)}`).sort()).toEqual(want.map((r) => `${String(r.origin)}|${String(r.delay)}`).sort());
  });

  // Partition columns of every other kind: utf8 (with nulls and an empty string), a nullable int32, a nullable
  // bool, a date and a timestamp. Nulls go to __HIVE_DEFAULT_PARTITION__ (pandas, pyarrow, Hive and Spark do the
  // same; an empty string too, as pyarrow writes it), and read back as null.
  const m = 500;
  const typed = RecordStore.fromObjects(
    Array.from({ length: m }, (_, i) => ({
      id: i,
      name: i % 11 === 0 ? null : i % 17 === 0 ? '' : ['Zürich', 'LAX', 'a b/c'][i % 3]!,
      score: i % 7 === 0 ? null : (i % 4) - 1,
      ok: i % 5 === 0 ? null : i % 2 === 0,
      day: 19_000 + (i % 3),
      at: 1_700_000_000_000 + (i % 2) * 1_250,
    })),
    { id: 'int32', name: { type: 'utf8', nullable: true }, score: { type: 'int32', nullable: true }, ok: { type: 'bool', nullable: true }, day: 'date', at: 'timestamp' },
  );
  const text = (v: unknown, type: string): string | null => {
    if (v === null || v === '') return null;
    if (type === 'date') return (v as Date).toISOString().slice(0, 10);
    if (type === 'timestamp')
      return (v as Date)
        .toISOString()
        .replace('T', ' ')
        .replace(/\.000Z$|Z$/, '');
    return String(v);
  };

  test.each([
    [['name'], ['name=LAX', 'name=Zürich', `name=${HIVE_NULL}`, 'name=a b%2Fc']],
    [['score'], ['score=-1', 'score=0', 'score=1', 'score=2', `score=${HIVE_NULL}`]],
    [
      ['ok', 'day'],
      ['ok=false', 'ok=true', `ok=${HIVE_NULL}`],
    ],
    [['at'], ['at=2023-11-14 22%3A13%3A20', 'at=2023-11-14 22%3A13%3A21.250']],
  ])('partitioned by %j: directories, nulls, and every row read back', async (by, top) => {
    const d = join(tmp, `typed-${by.join('-')}`);
    const res = await writeDataset(typed, d, { partitionBy: by, rowGroupRows: 100 });
    expect(res.rows).toBe(m);
    expect(readdirSync(d).sort()).toEqual([...top].sort());
    const got = await collect(readDataset(d));
    const types = typed.fields.map((f) => [f, typeof typed.schema[f] === 'string' ? typed.schema[f] : (typed.schema[f] as { type: string }).type] as const);
    const row = (r: Record<string, unknown>, fromPath: boolean): string => JSON.stringify(types.map(([f, t]) => (by.includes(f) ? text(r[f], fromPath ? 'text' : t) : r[f])));
    expect(got.map((r) => row(r, true)).sort()).toEqual((typed.toObjects() as Record<string, unknown>[]).map((r) => row(r, false)).sort());
  });

  test('bad options', async () => {
    await expect(writeDataset(store, join(tmp, 'x'), { partitionBy: ['nope'] })).rejects.toBeInstanceOf(ValueError);
    await expect(writeDataset(store, join(tmp, 'x'), { partitionBy: ['origin', 'year', 'delay'] })).rejects.toThrow(/no data column/);
    await expect(writeDataset(store, join(tmp, 'x'), { partitionBy: [] })).rejects.toBeInstanceOf(TypeError);
    expect(() => readDataset(42 as never)).toThrow(TypeError);
    expect(() => readDataset(dir, { filter: { origin: {} as never, x: { between: 1 } as never } })).toThrow(TypeError);
  });
});
