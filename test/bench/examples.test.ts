/**
 * Runs every script in examples/ (each exports `main` and asserts its own answers against plain JS) at a
 * small size, and checks that every example file is covered here.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = resolve(import.meta.dirname, '../../examples');

describe('examples/', () => {
  it('every example is run by this test', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.startsWith('_'));
    expect(files.sort()).toEqual(['csv-sales-by-region.ts', 'custom-bench-suite.ts', 'store-vs-objects.ts']);
  });

  it('csv-sales-by-region: chunked CSV → RecordStore → group-by → Arrow', async () => {
    const { main } = await import(join(DIR, 'csv-sales-by-region.ts'));
    const r = await main(12_345, 5_000);
    expect(r.chunks).toBe(3);
    expect(r.totals.reduce((n: number, t: { sales: number }) => n + t.sales, 0)).toBe(12_345);
    expect(r.arrowRows).toBe(r.totals.length);
  });

  it('store-vs-objects: memory, scan, filter/sortBy, group-by', async () => {
    const { main } = await import(join(DIR, 'store-vs-objects.ts'));
    const r = main(5_000);
    expect(r.storeBytesPerRecord).toBeLessThan(16);
    expect([...r.perStation.values()].reduce((n: number, v: { n: number }) => n + v.n, 0)).toBe(5_000);
  });

  it('custom-bench-suite: compactly-bench runs a user suite module (checks, timing, memory children)', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/cli.ts', '--size', 'tiny', '--rows', '20000', '--progress', 'none'], {
      cwd: resolve(DIR, '..'),
      encoding: 'utf8',
      env: { ...process.env, COMPACTLY_BENCH_SUITES: join(DIR, 'custom-bench-suite.ts') },
      timeout: 60_000,
    });
    expect(r.stderr).not.toContain('failed');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('## My trades table');
    expect(r.stdout).toMatch(/My trades table\s+speed: notional \(sum of price × qty\) › RecordStore columns/);
    expect(r.stdout).toMatch(/RecordStore\s+12\.\d\d/); // 8 + 4 bytes per trade (capacity = n)
  });
});
