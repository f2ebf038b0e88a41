/**
 * `compactly-bench <file>` end to end on small generated files: every way measured and consistent with the
 * others, compactly below plain objects on repetitive data, the printed schema reproduces the store, and each
 * bad file is a one-line error with exit status 2.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readCsvStore, RecordStore, type Schema } from '../../src/index.js';
import { checkFile, fileArgument, fileFormat, parseFileArgs } from '../../bench/_file.js';
import type { FileReport } from '../../bench/_file-report.js';
import { schemaSource } from '../../bench/_file-report.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'compactly-file-mode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A messy file: a column named index, a header with a space, missing values, dates, free text, booleans. */
function messyCsv(n: number): string {
  const r = rng(7);
  const cities = ['Los Angeles', 'San Francisco', 'New York', 'Chicago', 'Boston', 'Seattle'];
  const lines = ['index,Airport Name,delay,distance,date,comment,ok'];
  for (let i = 0; i < n; i++) {
    const delay = r() < 0.05 ? '' : String(Math.floor(r() * 320) - 20);
    const day = `2001-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    lines.push(`${i},${cities[Math.floor(r() * cities.length)]},${delay},${100 + Math.floor(r() * 2900)},${day},note ${Math.floor(r() * 1e9)},${r() < 0.5 ? 'True' : 'False'}`);
  }
  return `${lines.join('\n')}\n`;
}

function run(args: readonly string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const spawn = (): SpawnSyncReturns<string> =>
    spawnSync(process.execPath, ['--import', 'tsx', 'bench/cli.ts', ...args, '--progress', 'none'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, ...env },
    });
  let r = spawn();
  // A machine out of processes for a moment (EAGAIN) is not the CLI's failure: try once more, then say why.
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'EAGAIN') r = spawn();
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('compactly-bench <file>', () => {
  const messy = join(dir, 'messy data.csv');
  const text = messyCsv(20_000);
  writeFileSync(messy, text);

  test('measures every way, consistently, and prints a schema that reproduces the store', () => {
    const json = join(dir, 'messy.json');
    const md = join(dir, 'messy.md');
    const r = run([messy, '--json', json, '--md', md]);
    expect(r.stderr).not.toMatch(/failed|Error/);
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as FileReport;
    expect(report.schema).toBe('compactly-bench-file/1');
    const by = Object.fromEntries(report.ways.map((w) => [w.way, w.result]));
    for (const way of ['objects', 'compactly', 'downcast'] as const) {
      const x = by[way]!;
      expect(x, way).toBeDefined();
      expect(x.rows).toBe(20_000);
      expect(x.loadMs).toBeGreaterThan(0);
      expect(x.bytesHeld).toBeGreaterThan(0);
      expect(x.peakRssBytes).toBeGreaterThan(1e6);
      expect(x.scanMs).toBeGreaterThan(0);
      expect(x.groupByMs).toBeGreaterThan(0);
    }
    // The columns it picked: the most repetitive text column, the first numeric one.
    expect(report.key).toBe('Airport Name');
    expect(report.value).toBe('index');
    // Every way computes the same scan and the same groups.
    const c = by.compactly!;
    expect(by.objects!.scanSum).toBe(c.scanSum);
    expect(by.downcast!.scanSum).toBe(c.scanSum);
    expect(by.objects!.groups).toBe(6);
    expect(c.groups).toBe(6);
    if (by.arrow) expect(by.arrow.scanSum).toBe(c.scanSum);
    // compactly holds less than objects; downcast no more than compactly.
    expect(c.bytesHeld).toBeLessThan(by.objects!.bytesHeld);
    const perRow = (x: { bytesPerRow: number }[]): number => x.reduce((a, y) => a + y.bytesPerRow, 0);
    expect(perRow([...by.downcast!.columns!])).toBeLessThanOrEqual(perRow([...c.columns!]));
    // The per-column table and both schemas are printed.
    expect(r.stdout).toContain('const schema = {');
    expect(r.stdout).toContain('const small = {');
    expect(r.stdout).toMatch(/"Airport Name": \{ type: 'category'/);
    expect(r.stdout).toMatch(/delay: .*\/\/ -20 … \d+, [\d,]+ nulls/);
    for (const line of r.stdout.split('\n')) if (!/^ {2}\S.*: .*,( \/\/.*)?$|^const /.test(line)) expect(line.length, line).toBeLessThanOrEqual(100);
    expect(readFileSync(md, 'utf8')).toContain('## Memory per column');
    // The printed schema, pasted into readCsvStore, gives the same store.
    const src = /const schema = (\{[\s\S]*?\}) as const;/.exec(r.stdout)![1]!;
    const pasted = JSON.parse(
      src
        .replace(/\/\/.*$/gm, '')
        .replace(/'/g, '"')
        .replace(/([{,]\s*)([A-Za-z_$][\w$]*):/g, '$1"$2":')
        .replace(/,(\s*})/g, '$1'),
    ) as Schema;
    expect(pasted).toEqual(c.schema);
    const inferred = readCsvStore(text);
    const fixed = readCsvStore(text, { schema: pasted });
    expect(fixed.schema).toEqual(inferred.schema);
    expect(fixed.toObjects()).toEqual(inferred.toObjects());
  }, 180_000);

  test('--rows reads the first N rows in every way; --columns keeps those columns', () => {
    const json = join(dir, 'rows.json');
    const r = run([messy, '--rows', '500', '--columns', 'Airport Name,delay', '--json', json]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as FileReport;
    for (const w of report.ways) if (w.result) expect(w.result.rows, w.way).toBe(500);
    expect(Object.keys(report.ways.find((w) => w.way === 'compactly')!.result!.schema!)).toEqual(['Airport Name', 'delay']);
  }, 180_000);

  test('when plain objects run out of memory, the report says how far they got; compactly still loads', () => {
    const big = join(dir, 'big.csv');
    writeFileSync(big, messyCsv(300_000));
    const json = join(dir, 'big.json');
    const r = run([big, '--json', json], { COMPACTLY_BENCH_OBJECTS_HEAP_MB: '48' });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as FileReport;
    const objects = report.ways.find((w) => w.way === 'objects')!;
    expect(objects.result).toBeUndefined();
    expect(objects.stopped).toMatch(/^ran out of memory \(JavaScript heap\) after [\d,]+ rows$/);
    expect(report.ways.find((w) => w.way === 'compactly')!.result!.rows).toBe(300_000);
    expect(r.stdout).toMatch(/plain objects: stopped: ran out of memory/);
  }, 180_000);

  test('a file larger than the streaming threshold: compactly reads it in chunks (reuse: true) and says so', () => {
    // COMPACTLY_BENCH_STREAM_BYTES lowers the threshold (default: half the RAM) so a small file takes the path.
    const json = join(dir, 'streamed.json');
    const r = run([messy, '--json', json], { COMPACTLY_BENCH_STREAM_BYTES: '1000' });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as FileReport;
    const by = Object.fromEntries(report.ways.map((w) => [w.way, w.result]));
    const c = by.compactly!;
    const d = by.downcast!;
    for (const x of [c, d]) {
      expect(x.streamed).toBe(true);
      expect(x.label).toMatch(/chunks \(streamed\)/);
      expect(x.notes.join(' ')).toMatch(/streamed \(file > 1000 bytes, COMPACTLY_BENCH_STREAM_BYTES\): chunks read with reuse: true/);
      expect(x.rows).toBe(20_000);
      // The scan is summed chunk by chunk and agrees with the objects' sum; no whole store, so no groupBy.
      expect(x.scanSum).toBe(by.objects!.scanSum);
      expect(x.groupByMs).toBeNull();
      expect(x.columns).toBeUndefined();
    }
    expect(by.objects!.streamed).toBe(false);
    expect(report.value).toBe('index');
    expect(report.key).toBe('Airport Name');
    // Bytes per row from the chunks, below the objects'; each chunk downcast holds no more.
    expect(c.bytesHeld / c.rows).toBeGreaterThan(0);
    expect(c.bytesHeld).toBeLessThan(by.objects!.bytesHeld);
    expect(d.bytesHeld).toBeLessThanOrEqual(c.bytesHeld);
    // The inferred schema is still printed; a per-chunk downcast has no whole-file schema to print.
    expect(c.schema).toBeDefined();
    expect(d.schema).toBeUndefined();
    expect(r.stdout).toContain('const schema = {');
    expect(r.stdout).not.toContain('const small = {');
    expect(r.stdout).toMatch(/compactly: streamed \(file > 1000 bytes/);
  }, 180_000);

  test("a file whose inferred type breaks part-way: the reader's message (line, column, schema to pass), exit 2", () => {
    const lines = ['id,n'];
    for (let i = 0; i < 10_100; i++) lines.push(`${i},${i === 10_050 ? 'many' : i % 7}`);
    const file = join(dir, 'breaks.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = run([file]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/line 10052/);
    expect(r.stderr).toMatch(/"many"|many/);
    expect(r.stderr).toMatch(/schema/);
  }, 60_000);

  test("a Parquet file: the file's own schema, hyparquet row objects as the plain baseline", async () => {
    const { writeParquet } = await import('../../src/parquet/index.js');
    const s = readCsvStore('delay,origin,dist\n' + Array.from({ length: 2000 }, (_, i) => `${(i * 7) % 90},${['LAX', 'SFO', 'JFK'][i % 3]},${i + 0.5}`).join('\n'), {
      schema: { delay: 'int32', origin: 'category', dist: 'float64' },
    });
    const file = join(dir, 'f.parquet');
    writeFileSync(file, (await writeParquet(s)) as Uint8Array);
    const json = join(dir, 'pq.json');
    const r = run([file, '--json', json]);
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as FileReport;
    expect(report.format).toBe('parquet');
    const by = Object.fromEntries(report.ways.map((w) => [w.way, w]));
    expect(by.objects!.result!.label).toMatch(/hyparquet/);
    expect(by.arrow!.skipped).toMatch(/no Parquet/);
    expect(report.key).toBe('origin');
    expect(report.value).toBe('delay');
    expect(by.objects!.result!.scanSum).toBe(by.compactly!.result!.scanSum);
    expect(by.compactly!.result!.groups).toBe(3);
    expect(by.compactly!.result!.schema).toEqual({ delay: 'int32', origin: 'category', dist: 'float64' });
    expect(r.stdout).toContain("// the file's own schema (readParquet)");
  }, 120_000);

  test.each(['file', 'stream'] as const)(
    'an Arrow IPC %s: readIPC, apache-arrow rows made plain with toJSON() as the objects, the table as the Arrow reference',
    async (format) => {
      const { toIPC } = await import('../../src/arrow/index.js');
      const s = RecordStore.fromObjects(
        Array.from({ length: 3000 }, (_, i) => ({ delay: i % 9 === 0 ? null : (i * 7) % 90, origin: ['LAX', 'SFO', 'JFK'][i % 3]!, note: `n${i}` })),
        { delay: { type: 'int32', nullable: true }, origin: 'category', note: 'utf8' },
      );
      const file = join(dir, `f.${format === 'file' ? 'arrow' : 'arrows'}`);
      writeFileSync(file, toIPC(s, { format }));
      const json = join(dir, `ipc-${format}.json`);
      const r = run([file, '--json', json]);
      expect(r.status, r.stderr).toBe(0);
      const report = JSON.parse(readFileSync(json, 'utf8')) as FileReport;
      expect(report.format).toBe('arrow');
      const by = Object.fromEntries(report.ways.map((w) => [w.way, w.result!]));
      expect(by.objects!.label).toBe('apache-arrow tableFromIPC → toArray() → row.toJSON() → objects');
      expect(by.compactly!.label).toMatch(/^readIPC/);
      expect(by.arrow!.label).toMatch(/tableFromIPC/);
      expect(report.key).toBe('origin');
      expect(report.value).toBe('delay');
      for (const w of ['objects', 'compactly', 'downcast', 'arrow'] as const) {
        expect(by[w]!.rows, w).toBe(3000);
        expect(by[w]!.scanSum, w).toBe(by.compactly!.scanSum);
        expect(by[w]!.groups, w).toBe(3);
      }
      expect(by.compactly!.bytesHeld).toBeLessThan(by.objects!.bytesHeld);
      expect(by.compactly!.schema).toEqual(s.schema);
      expect(r.stdout).toContain("// the file's own schema (readIPC)");
    },
    180_000,
  );

  test('bad files: a one-line error and exit status 2', () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const binary = join(dir, 'image.csv');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3]));
    const latin1 = join(dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.from('a,b\n\xe9t\xe9,1\n', 'latin1'));
    const sub = join(dir, 'a-directory.csv');
    mkdirSync(sub);
    for (const [file, message] of [
      [empty, /is empty/],
      [binary, /looks binary/],
      [latin1, /not UTF-8/],
      [sub, /is not a file/],
      [join(dir, 'missing.csv'), /no such file/],
    ] as const) {
      const r = run([file]);
      expect(r.status, file).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  }, 60_000);
});

describe('file mode pieces', () => {
  test('fileArgument: a path, not a suite name or an option value', () => {
    const suites = ['vector', 'pipeline'];
    expect(fileArgument(['vector', '--size', 'tiny'], suites)).toBeUndefined();
    expect(fileArgument(['data/flights.csv'], suites)).toBe('data/flights.csv');
    expect(fileArgument(['flights.csv', '--rows', '10'], suites)).toBe('flights.csv');
    expect(fileArgument(['--json', 'out.json', 'vector'], suites)).toBeUndefined();
    expect(fileArgument(['package.json'], suites)).toBe('package.json');
  });

  test('parseFileArgs: --rows, --columns and outputs; anything else is a usage error', () => {
    expect(parseFileArgs(['f.csv', '--rows', '10', '--columns', 'a, b', '--json', 'x.json'], 'f.csv')).toMatchObject({ rows: 10, columns: ['a', 'b'], json: 'x.json' });
    expect(() => parseFileArgs(['f.csv', '--rows', '0'], 'f.csv')).toThrow(/positive integer/);
    expect(() => parseFileArgs(['f.csv', '--repeat', '3'], 'f.csv')).toThrow(/not an option of file mode/);
  });

  test('checkFile and fileFormat tell Parquet and Arrow IPC files and streams apart from CSV', () => {
    const pq = join(dir, 'x.parquet');
    writeFileSync(pq, 'PAR1....');
    expect(checkFile(pq)).toBeUndefined();
    expect(fileFormat(pq)).toBe('parquet');
    const ipc = join(dir, 'x.arrow');
    writeFileSync(ipc, 'ARROW1\0\0');
    expect(checkFile(ipc)).toBeUndefined();
    expect(fileFormat(ipc)).toBe('arrow');
    const stream = join(dir, 'x.arrows');
    writeFileSync(stream, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x10, 0, 0, 0, 0, 0]));
    expect(checkFile(stream)).toBeUndefined();
    expect(fileFormat(stream)).toBe('arrow');
    const ok = join(dir, 'ok.csv');
    writeFileSync(ok, 'a,b\nx,1\n');
    expect(checkFile(ok)).toBeUndefined();
    expect(fileFormat(ok)).toBe('csv');
  });

  test('schemaSource quotes names that are not identifiers and comments why', () => {
    const src = schemaSource(
      'schema',
      { 'Airport Name': { type: 'category', nullable: true }, delay: 'int16' },
      [{ name: 'delay', type: 'int16', nullable: false, nulls: 0, min: -5, max: 300, bytesPerRow: 2, objectBytesPerRow: 8 }],
      10,
    );
    expect(src).toBe(['const schema = {', '  "Airport Name": { type: \'category\', nullable: true },', "  delay: 'int16', // -5 … 300, no nulls seen", '} as const;'].join('\n'));
  });
});
