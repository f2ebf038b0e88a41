/**
 * Chunked readParquet runs in flat memory: a ~250k-row and a ~2M-row file (8x, generated here with the bench
 * suite's columns) are read in fresh `node --expose-gc` children that collect after each chunk; the live heap
 * and the live array buffers after those collections (what the reader holds: one row group's column chunks,
 * its decoded columns, the chunk in use) must not grow with the file: the 2M-row file may hold at most
 * 1.5x + 2 MB of what the 250k-row file holds (measured: 1.5x for the array buffers, a one-time step of ~2 MB
 * at the third row group, which the 3-group small file does not reach), no more over the second half of its
 * chunks than over the first half (+ 0.5 MB), and less than four decoded row groups.
 * Skipped with a note when a child cannot be started.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { Categorical } from '../../src/categorical.js';
import { RecordStore } from '../../src/record-store.js';
import { writeParquet } from '../../src/parquet/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CHILD = join(import.meta.dirname, 'flat-memory-child.ts');
const tmp = mkdtempSync(join(tmpdir(), 'compactly-flat-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const GROUP = 122_880;
const CITIES = ['LAX', 'SFO', 'JFK', 'ORD', 'SEA', 'BOS', 'ATL', 'DEN'];

/** Seeded chunks of the bench suite's rows (id int32, city category, km float64, qty uint8, ts uint32). */
function* chunks(rows: number): Generator<RecordStore> {
  let s = 12345;
  for (let start = 0; start < rows; start += GROUP) {
    const n = Math.min(GROUP, rows - start);
    const id = new Int32Array(n);
    const codes = new Int8Array(n);
    const km = new Float64Array(n);
    const qty = new Uint8Array(n);
    const ts = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      s = (s * 1664525 + 1013904223) >>> 0;
      id[i] = start + i;
      codes[i] = s & 7;
      km[i] = s / 2 ** 22;
      qty[i] = (s >>> 8) & 15;
      ts[i] = 1_600_000_000 + start + i;
    }
    yield RecordStore.fromColumns({ id, city: Categorical.fromCodes(codes, CITIES), km, qty, ts });
  }
}

interface Live {
  rows: number;
  chunks: number;
  heap: number;
  arrayBuffers: number;
  /** Largest live heap + array buffers over the first and the second half of the chunks. */
  firstHalf: number;
  secondHalf: number;
}

function measure(path: string): Live | string {
  const r = spawnSync(process.execPath, [...process.execArgv.filter((a) => a.startsWith('--disallow')), '--expose-gc', '--import', 'tsx', CHILD, path], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) return `the child could not run (${r.error.message})`;
  if (r.status !== 0) throw new Error(`flat-memory child failed (status ${r.status}): ${r.stderr.slice(-600)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Live;
}

describe('chunked readParquet holds flat memory', () => {
  test('250k rows and 2M rows: live memory after GC does not grow with the file', async () => {
    const small = join(tmp, 'small.parquet');
    const large = join(tmp, 'large.parquet');
    await writeParquet(chunks(250_000), small);
    await writeParquet(chunks(2_000_000), large);
    const a = measure(small);
    const b = typeof a === 'string' ? a : measure(large);
    if (typeof a === 'string' || typeof b === 'string') {
      console.warn(`\n*** flat-memory test SKIPPED: ${String(typeof a === 'string' ? a : b)} ***\n`);
      return;
    }
    expect(a.rows).toBe(250_000);
    expect(b.rows).toBe(2_000_000);
    expect(b.chunks).toBe(Math.ceil(2_000_000 / GROUP));
    const mb = (x: number): string => `${(x / 2 ** 20).toFixed(1)} MB`;
    const largeSize = statSync(large).size;
    console.log(
      `live after GC, 250k rows: heap ${mb(a.heap)}, array buffers ${mb(a.arrayBuffers)}; 2M rows (${mb(largeSize)} on disk): heap ${mb(b.heap)}, array buffers ${mb(b.arrayBuffers)}`,
    );
    const bound = (x: number): number => 1.5 * Math.max(x, 0) + 2 * 2 ** 20;
    expect(b.heap, 'live heap grows with the file').toBeLessThanOrEqual(bound(a.heap));
    expect(b.arrayBuffers, 'live array buffers grow with the file').toBeLessThanOrEqual(bound(a.arrayBuffers));
    expect(b.secondHalf, 'live memory grows while reading').toBeLessThanOrEqual(b.firstHalf + 2 ** 19);
    // and in absolute terms: a few row groups' worth (a decoded row is 21 bytes: id 4, city 1, km 8, qty 4 as read, ts 4).
    expect(b.heap + b.arrayBuffers, 'live memory above four decoded row groups').toBeLessThan(4 * GROUP * 21);
  }, 120_000);
});
