/**
 * Runs every script in examples/ (each exports `main` and asserts its own answers against plain JS) at a
 * small size, and checks that every example file is covered here.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = resolve(import.meta.dirname, '../../examples');

describe('examples/', () => {
  it('every example is run by this test', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.startsWith('_'));
    expect(files.sort()).toEqual(['store-vs-objects.ts']);
  });

  it('store-vs-objects: memory, scan, filter/sortBy, group-by', async () => {
    const { main } = await import(join(DIR, 'store-vs-objects.ts'));
    const r = main(5_000);
    expect(r.storeBytesPerRecord).toBeLessThan(16);
    expect([...r.perStation.values()].reduce((n: number, v: { n: number }) => n + v.n, 0)).toBe(5_000);
  });
});
