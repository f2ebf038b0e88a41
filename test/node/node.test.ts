/** compactly/node: readCsv over file paths and Node streams, readLines, and releasing the file on early exit. */
import { createReadStream, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { pipeline } from '../../src/index.js';
import { readCsv, readLines } from '../../src/node/index.js';
import { rmSync } from 'node:fs';

const dir = mkdtempSync(join(tmpdir(), 'compactly-node-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const N = 50_000;
const csvPath = join(dir, 'big.csv');
writeFileSync(csvPath, 'id,city,km\n' + Array.from({ length: N }, (_, i) => `${i},${i % 3 === 0 ? 'Oslo' : '"Rome, IT"'},${(i % 100) / 4}`).join('\n') + '\n');
const linesPath = join(dir, 'lines.txt');
writeFileSync(linesPath, 'first\r\nsecond\n\nthird é€😀');

/** Open file descriptors of this process (Linux). */
const openFds = (): number => readdirSync('/proc/self/fd').length;

const schema = { id: 'int32', city: 'category', km: 'float64' } as const;

describe('readCsv(path)', () => {
  test('reads a file in chunks, matching the data', async () => {
    let rows = 0;
    let km = 0;
    let chunks = 0;
    for await (const chunk of readCsv(csvPath, { schema, chunkSize: 8192 })) {
      chunks++;
      rows += chunk.length;
      km += pipeline(chunk.column('km')).sum();
      expect(chunk.column('city').categories.length).toBeLessThanOrEqual(2);
    }
    expect(rows).toBe(N);
    expect(chunks).toBe(Math.ceil(N / 8192));
    let expectKm = 0;
    for (let i = 0; i < N; i++) expectKm += (i % 100) / 4;
    expect(km).toBeCloseTo(expectKm, 6);
  });
  test('a file: URL and a pipeline over the reader', async () => {
    const counts = await pipeline(readCsv(pathToFileURL(csvPath), { schema }))
      .flatMap((c) => c.column('city').toArray())
      .valueCounts();
    expect(counts.get('Rome, IT')).toBe(N - Math.ceil(N / 3));
  });
  test('an early break closes the file handle', async () => {
    const before = openFds();
    for await (const chunk of readCsv(csvPath, { schema, chunkSize: 100 })) {
      expect(openFds()).toBe(before + 1); // the file is open while reading
      if (chunk.length > 0) break;
    }
    expect(openFds()).toBe(before);
  });
  test('an error while reading closes the file handle too', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'id,city,km\n1,a,2\n2,b,oops\n');
    const before = openFds();
    await expect(
      (async () => {
        for await (const _ of readCsv(bad, { schema })) void _;
      })(),
    ).rejects.toThrow(/line 3, column 3/);
    expect(openFds()).toBe(before);
  });
  test('a missing file rejects when read; bad options throw eagerly', async () => {
    const r = readCsv(join(dir, 'nope.csv'), { schema });
    await expect(
      (async () => {
        for await (const _ of r) void _;
      })(),
    ).rejects.toThrow(/ENOENT/);
    expect(() => readCsv(csvPath, { schema, chunkSize: 0 })).toThrow(RangeError);
  });
  test('Node Readable streams: read, and destroyed on an early break', async () => {
    let rows = 0;
    for await (const c of readCsv(createReadStream(csvPath, { highWaterMark: 1000 }), { schema })) rows += c.length;
    expect(rows).toBe(N);
    const stream = createReadStream(csvPath, { highWaterMark: 1000 });
    for await (const c of readCsv(stream, { schema, chunkSize: 10 })) if (c.length > 0) break;
    expect(stream.destroyed).toBe(true);
    const fromStrings = Readable.from(['a\n1\n', '2\n']);
    let sum = 0;
    for await (const c of readCsv(fromStrings, { schema: { a: 'int8' } })) sum += pipeline(c.column('a')).sum();
    expect(sum).toBe(3);
  });
});

describe('readLines(path)', () => {
  test('lines without terminators (CRLF too), last line without newline, multi-byte text', async () => {
    const lines: string[] = [];
    for await (const l of readLines(linesPath)) lines.push(l);
    expect(lines).toEqual(['first', 'second', '', 'third é€😀']);
    const kept: string[] = [];
    for await (const l of readLines(linesPath, { keepEnds: true })) kept.push(l);
    expect(kept).toEqual(['first\r\n', 'second\n', '\n', 'third é€😀']);
  });
  test('large files stream; break closes the file', async () => {
    expect(await pipeline(readLines(csvPath)).drop(1).count()).toBe(N);
    const before = openFds();
    for await (const l of readLines(csvPath)) if (l.startsWith('5,')) break;
    expect(openFds()).toBe(before);
    const p = pipeline(readLines(csvPath)).take(3);
    expect(await p.toArray()).toHaveLength(3);
    expect(openFds()).toBe(before);
  });
});

describe('readLines: issue 19 row 6 (linear time)', () => {
  test('a 16 MB line read in 64 KiB pieces: each character is searched for a newline about once', async () => {
    const n = 1 << 24;
    const p = join(dir, 'long-line.txt');
    writeFileSync(p, 'a\n' + 'x'.repeat(n) + '\nb');
    // Count the characters String#indexOf examines (the old reader searched the whole pending line per piece).
    const orig = String.prototype.indexOf;
    let examined = 0;
    String.prototype.indexOf = function (this: string, search: string, from = 0): number {
      const r = orig.call(this, search, from);
      examined += (r < 0 ? this.length : r) - from;
      return r;
    };
    const lines: number[] = [];
    try {
      for await (const l of readLines(p)) lines.push(l.length);
    } finally {
      String.prototype.indexOf = orig;
    }
    expect(lines).toEqual([1, n, 1]);
    expect(examined).toBeLessThan(2 * n); // quadratic: ~n^2 / 65536 / 2 = 2^31
  });
});
