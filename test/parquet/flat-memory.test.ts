/**
 * Chunked Parquet runs in flat memory, writing and reading: a ~250k-row and a ~2M-row file (8x, the bench
 * suite's columns in seeded 122 880-row chunks) are written with writeParquet(chunks, path) and read back with
 * readParquet(path), each in a fresh `node --expose-gc` child that collects after each chunk. The live heap
 * and live array buffers after those collections (what the writer or reader holds: one row group's chunks and
 * pages, or its column chunks and decoded columns) must not grow with the file: the 2M-row file may hold at
 * most 1.5x + 2 MB of what the 250k-row file holds (measured: up to 1.5x for the read's array buffers, a
 * one-time step of ~2 MB at the third row group, which the 3-group small file does not always reach), no
 * more over the second half of its chunks than over the first half (+ 0.5 MB), and less than four decoded
 * row groups. Skipped with a loud note when a child cannot be started.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const CHILD = join(import.meta.dirname, 'flat-memory-child.ts');
const GROUP = 122_880; // the child's chunk and row-group size
const tmp = mkdtempSync(join(tmpdir(), 'compactly-flat-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Live {
  rows: number;
  chunks: number;
  km: number;
  heap: number;
  arrayBuffers: number;
  /** Largest live heap + array buffers over the first and the second half of the chunks. */
  firstHalf: number;
  secondHalf: number;
}

function child(args: readonly string[]): Live | string {
  const r = spawnSync(process.execPath, [...process.execArgv.filter((a) => a.startsWith('--disallow')), '--expose-gc', '--import', 'tsx', CHILD, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 90_000,
  });
  if (r.error) return `the child could not run (${r.error.message})`;
  if (r.status !== 0) throw new Error(`flat-memory child ${args.join(' ')} failed (status ${r.status}): ${r.stderr.slice(-600)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Live;
}

const mb = (x: number): string => `${(x / 2 ** 20).toFixed(1)} MB`;
const bound = (x: number): number => 1.5 * Math.max(x, 0) + 2 * 2 ** 20;

function expectFlat(what: string, a: Live, b: Live): void {
  console.log(`${what}, live after GC: 250k rows heap ${mb(a.heap)}, array buffers ${mb(a.arrayBuffers)}; 2M rows heap ${mb(b.heap)}, array buffers ${mb(b.arrayBuffers)}`);
  expect(a.rows).toBe(250_000);
  expect(b.rows).toBe(2_000_000);
  expect(b.chunks).toBe(Math.ceil(2_000_000 / GROUP));
  expect(b.heap, `${what}: live heap grows with the file`).toBeLessThanOrEqual(bound(a.heap));
  expect(b.arrayBuffers, `${what}: live array buffers grow with the file`).toBeLessThanOrEqual(bound(a.arrayBuffers));
  expect(b.secondHalf, `${what}: live memory grows from the first half of the chunks to the second`).toBeLessThanOrEqual(b.firstHalf + 2 ** 19);
  // and in absolute terms: a few row groups' worth (a decoded row is 21 bytes: id 4, city 1, km 8, qty 4 as read, ts 4).
  expect(b.heap + b.arrayBuffers, `${what}: live memory above four decoded row groups`).toBeLessThan(4 * GROUP * 21);
}

describe('chunked Parquet holds flat memory', () => {
  test('writeParquet(chunks, path) and readParquet(path) at 250k and 2M rows: live memory after GC does not grow with the file', () => {
    const small = join(tmp, 'small.parquet');
    const large = join(tmp, 'large.parquet');
    const runs = [
      ['write', small, '250000'],
      ['write', large, '2000000'],
      ['read', small],
      ['read', large],
    ].map(child);
    const skipped = runs.find((r): r is string => typeof r === 'string');
    if (skipped !== undefined) {
      console.warn(`\n*** flat-memory test SKIPPED: ${skipped} ***\n`);
      return;
    }
    const [ws, wl, rs, rl] = runs as Live[];
    console.log(`2M-row file: ${mb(statSync(large).size)} on disk`);
    expectFlat('writeParquet', ws!, wl!);
    expectFlat('readParquet', rs!, rl!);
    // the files hold what was written
    expect(rs!.km).toBeCloseTo(ws!.km, 3);
    expect(rl!.km).toBeCloseTo(wl!.km, 3);
  }, 180_000);
});
