/** The flights job (bench/flights.ts) at a tiny size: every contender runs in its child and the answers agree. */
import { describe, expect, test } from 'vitest';
import { inferenceVsSchema, throughput, utf8VsStrings } from '../../bench/csv-read.js';
import { runFlights, writeFlights } from '../../bench/flights.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('bench/flights.ts', () => {
  test('the generated file is seeded and flights-like', () => {
    const dir = mkdtempSync(join(tmpdir(), 'flights-'));
    try {
      writeFlights(join(dir, 'a.csv'), 500);
      writeFlights(join(dir, 'b.csv'), 500);
      const a = readFileSync(join(dir, 'a.csv'), 'utf8');
      expect(a).toBe(readFileSync(join(dir, 'b.csv'), 'utf8'));
      const lines = a.trim().split('\n');
      expect(lines[0]).toBe('date,delay,distance,origin,destination');
      expect(lines).toHaveLength(501);
      expect(lines[1]).toMatch(/^2001-\d\d-\d\d,-?\d+,\d+,[A-Z]{3},[A-Z]{3}$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  test('tiny run: compactly (readCsvStore serial and parallel, pipeline toStore), plain objects, papaparse, arquero (and pandas when present) agree', async () => {
    const { results, markdown } = await runFlights(2000, 1, () => undefined);
    const names = results.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'compactly readCsvStore (workers: 1)',
        "compactly readCsvStore (workers: 'auto')",
        'compactly pipeline(readCsv).toStore (workers: 1)',
        'plain objects (split)',
      ]),
    );
    expect(markdown).toMatch(/load CPU \(ms\)/);
  }, 240_000);
});

describe('bench/csv-read.ts', () => {
  test('tiny run: the reader beside memcpy, utf8 against string[], inference against a schema (each read checked for its rows)', async () => {
    const tp = await throughput(2000, 1);
    expect(tp.memcpyMBs).toBeGreaterThan(0);
    expect(tp.markdown).toMatch(/Uint8Array\.set/);
    expect((await utf8VsStrings(2000, 1)).markdown).toMatch(/utf8.*string\[\]/);
    const inf = await inferenceVsSchema(2000, 1);
    expect(inf.ratio).toBeGreaterThan(0);
    expect(inf.markdown).toMatch(/"date":\{"type":"date","nullable":true\}/);
  }, 120_000);
});
