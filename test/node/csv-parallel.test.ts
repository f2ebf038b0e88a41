/**
 * The parallel CSV reader (compactly/node, worker_threads) against the serial one: identical chunks (rows,
 * dtypes, categories in order), `skippedRows`, and errors (class, message, line, column) on random CSVs with
 * quotes, CRLF/CR/LF, multi-byte characters, long fields and bad rows, cut into blocks anywhere.
 */
import { fc, test as propTest } from '@fast-check/vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { csvOptions, type ReadCsvOptions } from '../../src/pipeline.js';
import { Utf8Column, type RecordStore, type Schema } from '../../src/record-store.js';
import { PARALLEL_CSV_MIN_BYTES, readCsv, readCsvStore } from '../../src/node/index.js';
import { ParallelCsvReader } from '../../src/node/csv-parallel.js';
import { ValueError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'compactly-par-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileNo = 0;

interface Outcome {
  chunks: unknown[];
  skipped: number;
  error: { name: string; message: string; line: number | undefined; column: number | undefined } | null;
}

async function collect(it: AsyncIterable<RecordStore<Schema>> & { skippedRows: number }): Promise<Outcome> {
  const chunks: unknown[] = [];
  let error: Outcome['error'] = null;
  try {
    for await (const c of it) {
      chunks.push({
        length: c.length,
        schema: c.schema,
        nulls: c.fields.map((k) => c.nullCount(k)),
        cols: Object.keys(c.schema).map((k) => {
          const col = c.column(k) as unknown as { categories?: unknown[]; toArray(): unknown[]; constructor: { name: string } };
          if (col.categories !== undefined)
            return { cats: [...col.categories], values: col.toArray(), codes: (col as unknown as { codes: { constructor: { name: string } } }).codes.constructor.name };
          if (col instanceof Utf8Column) return { type: 'Utf8Column', values: col.toArray() };
          return { type: col.constructor.name, values: Array.from(col as unknown as ArrayLike<number>), validity: c.validity(k) };
        }),
      });
    }
  } catch (e) {
    const err = e as Error & { line?: number; column?: number };
    error = { name: err.constructor.name, message: err.message, line: err.line, column: err.column };
  }
  return { chunks, skipped: it.skippedRows, error };
}

/** The serial and the parallel reader's outcomes; `whole`: as readCsvStore reads (one chunk, categories sorted). */
async function both(text: string | Uint8Array, options: ReadCsvOptions<Schema>, blockBytes: number, whole = false): Promise<[Outcome, Outcome]> {
  const path = join(dir, `t${fileNo++}.csv`);
  writeFileSync(path, text);
  const size = typeof text === 'string' ? Buffer.byteLength(text) : text.length;
  const serialReader = readCsv(path, { ...options, workers: 1 });
  const serial = await collect(whole ? serialReader.wholeStore(size) : serialReader);
  const parallel = await collect(new ParallelCsvReader(path, whole ? { ...csvOptions(options), wholeBytes: size } : csvOptions(options), 2, blockBytes));
  return [serial, parallel];
}

// Random CSV text: well-formed quoted cells, plain cells, numbers and garbage, stray quotes, mixed line ends.
const unit = fc.constantFrom('a', 'b', 'é', '😀', ',', '"', '\n', '\r', ' ', '1', 'NA');
const quotedCell = fc.string({ unit, maxLength: 8 }).map((s) => `"${s.replace(/"/g, '""')}"`);
const plainCell = fc.string({ unit: fc.constantFrom('a', 'x', 'é', '😀', ' ', '7', 'NA'), maxLength: 6 });
const longCell = fc.integer({ min: 50, max: 400 }).map(
  (n) =>
    `"${'long, "" line\n'
      .repeat(Math.ceil(n / 15))
      .slice(0, n)
      .replace(/"$/, 'x')}"`,
);
const numCell = fc.oneof(fc.double({ noNaN: true }).map(String), fc.integer().map(String), fc.constantFrom('', 'NaN', 'x1', '1e5'));
const oddCell = fc.constantFrom('"2"z', 'a"b', '"unterminated', '""', '"a""b"');
const cell = fc.oneof({ arbitrary: quotedCell, weight: 4 }, { arbitrary: plainCell, weight: 4 }, { arbitrary: longCell, weight: 1 }, { arbitrary: oddCell, weight: 1 });
const row = fc.oneof(
  { arbitrary: fc.tuple(cell, numCell, cell).map((r) => r.join(',')), weight: 8 },
  { arbitrary: fc.array(cell, { maxLength: 4 }).map((r) => r.join(',')), weight: 1 },
);
const eol = fc.constantFrom('\n', '\r\n', '\r');
const csvText = fc.tuple(fc.array(fc.tuple(row, eol), { maxLength: 30 }), fc.boolean()).map(([rows, lastEol]) => {
  let s = 'k,x,m\n';
  rows.forEach(([r, e], i) => (s += r + (i < rows.length - 1 || lastEol ? e : '')));
  return s;
});
const schema = { k: 'category', x: 'float64', m: 'category' } as const;

describe('serial and parallel readers agree', () => {
  propTest.prop([csvText, fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 7 }), fc.constantFrom<'throw' | 'skip'>('throw', 'skip')], { numRuns: 10 })(
    'random CSVs cut into blocks anywhere: same chunks, skipped rows and errors',
    async (text, blockBytes, chunkSize, onError) => {
      const [s, p] = await both(text, { schema, chunkSize, onError }, blockBytes);
      expect(p).toEqual(s);
    },
  );

  propTest.prop([csvText, fc.integer({ min: 1, max: 64 }), fc.constantFrom<'throw' | 'skip'>('throw', 'skip')], { numRuns: 10 })(
    'random CSVs read whole (readCsvStore): same store, skipped rows and errors',
    async (text, blockBytes, onError) => {
      const [s, p] = await both(text, { schema, onError }, blockBytes, true);
      expect(p).toEqual(s);
    },
  );

  test('read whole: codes as wide as the serial reader makes them (Int8, Int16, Int32), widened across blocks', async () => {
    for (const distinct of [100, 200, 40_000]) {
      const rows = Array.from({ length: 2 * distinct }, (_, i) => `v${(i * 7919) % distinct},${i},${i % 3 === 0 ? 'NA' : 'm' + (i % 150)}`);
      const [s, p] = await both('k,x,m\n' + rows.join('\n') + '\n', { schema }, 4096, true);
      expect(s.chunks).toHaveLength(1);
      const k = (s.chunks[0] as { cols: { cats: string[]; values: string[]; codes: string }[] }).cols[0]!;
      expect(k.codes).toBe(distinct <= 127 ? 'Int8Array' : distinct <= 32767 ? 'Int16Array' : 'Int32Array');
      expect(k.values).toEqual(rows.map((r) => r.split(',')[0]));
      expect(k.cats).toEqual([...new Set(k.values)].sort());
      expect(p).toEqual(s);
    }
  });

  test('a file of mixed line ends, BOM, bad rows and a long field, in 7-byte blocks', async () => {
    const text = '\uFEFFk,x,m\r\n"a\r\nb",1,x\r"é😀",2.5,"y"""\n' + 'z,3,' + '"' + 'w'.repeat(5000) + '"\r\nbad,zz,q\nq,4,NA\r\n';
    for (const onError of ['throw', 'skip'] as const) {
      const [s, p] = await both(text, { schema, chunkSize: 2, onError }, 7);
      expect(p).toEqual(s);
      if (onError === 'throw') expect(s.error).toMatchObject({ name: 'CsvError', line: 6, column: 2 });
      else expect(s.skipped).toBe(1);
    }
  });

  test('invalid UTF-8 and an unterminated quote: same error, same line, same byte offset', async () => {
    const bad = new Uint8Array([...new TextEncoder().encode('k,x,m\na,1,b\n"c\nd",2,e\n'), 0xff, ...new TextEncoder().encode(',3,f\n')]);
    const [s, p] = await both(bad, { schema }, 5);
    expect(s.error?.message).toMatch(/line 5, column 1.*invalid UTF-8 at byte offset 22/);
    expect(p).toEqual(s);
    const [s2, p2] = await both('k,x,m\na,1,b\nc,2,"open\n\n', { schema }, 4);
    expect(s2.error?.message).toMatch(/line 3, column 3.*unterminated/);
    expect(p2).toEqual(s2);
  });
});

describe('serial and parallel readers agree on every field type', () => {
  const typed = {
    k: { type: 'utf8', nullable: true },
    n: { type: 'int32', nullable: true },
    b: { type: 'bool', nullable: true },
    d: 'date',
    t: { type: 'timestamp', nullable: true },
    u: 'utf8',
  } as const;
  const text = fc.string({ unit: fc.constantFrom('a', 'é', '😀', ',', '"', '\n', ' ', 'NA'), maxLength: 8 }).map((s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s));
  const typedRow = fc
    .tuple(
      text,
      fc.oneof(fc.integer({ min: -1000, max: 1000 }).map(String), fc.constantFrom('', 'NA', 'x')),
      fc.constantFrom('True', 'false', '1', '', 'NA', 'maybe'),
      fc.constantFrom('2001-01-01', '1969-12-31', '2020/02/29', '2001-02-30'),
      fc.constantFrom('2001-01-01 00:47', '2001-01-01T00:47:05.5+01:00', '', 'noon'),
      text,
    )
    .map((r) => r.join(','));
  const typedText = fc.array(typedRow, { maxLength: 40 }).map((rows) => 'k,n,b,d,t,u\n' + rows.join('\n'));
  propTest.prop([typedText, fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 7 }), fc.constantFrom<'throw' | 'skip'>('throw', 'skip')], { numRuns: 10 })(
    'utf8, nullable int, bool, date and timestamp columns (bitmaps and text cross the worker boundary)',
    async (csv, blockBytes, chunkSize, onError) => {
      const [s, p] = await both(csv, { schema: typed, chunkSize, onError }, blockBytes);
      expect(p).toEqual(s);
    },
  );
});

describe('every column type, in blocks', () => {
  // Each type's column buffers go through the parsers' reused buffers (BlockParser): bigint columns included.
  const types = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64', 'bool', 'date', 'timestamp', 'category', 'utf8'] as const;
  const cellOf = (t: (typeof types)[number], i: number): string =>
    t === 'bool'
      ? String(i % 3 === 0)
      : t === 'date'
        ? `2001-01-${String(1 + (i % 28)).padStart(2, '0')}`
        : t === 'timestamp'
          ? `2001-01-01 00:00:${String(i % 60).padStart(2, '0')}`
          : t === 'category' || t === 'utf8'
            ? `v${i % 7}`
            : t === 'int64' || t === 'uint64'
              ? String(9007199254740993n + BigInt(i))
              : String(i % 100);
  const header = types.map((t) => `c_${t}`).join(',');
  const lines = (n: number, blank: boolean): string => Array.from({ length: n }, (_, i) => types.map((t) => (blank && i % 5 === 2 ? '' : cellOf(t, i))).join(',')).join('\n');
  for (const nullable of [false, true]) {
    test(`${nullable ? 'nullable' : 'non-nullable'}: the serial and parallel readers agree, chunked and whole`, async () => {
      const sch = Object.fromEntries(types.map((t) => [`c_${t}`, nullable ? { type: t, nullable: true } : t])) as Schema;
      const text = `${header}\n${lines(300, nullable)}\n`;
      for (const whole of [false, true]) {
        const [s, p] = await both(text, { schema: sch, chunkSize: 64 }, 256, whole);
        expect(s.error).toBeNull();
        expect(p).toEqual(s);
      }
    });
  }
});

describe('readCsv(path, {workers})', () => {
  const N = 30_000;
  const big = join(dir, 'big.csv');
  writeFileSync(big, 'id,city,km\n' + Array.from({ length: N }, (_, i) => `${i},${i % 3 === 0 ? 'Oslo' : '"Rome, IT"'},${(i % 100) / 4}`).join('\n') + '\n');
  const s = { id: 'int32', city: 'category', km: 'float64' } as const;

  test("workers: 2 reads a file in the serial reader's chunks", async () => {
    const serial = await collect(readCsv(big, { schema: s, workers: 1, chunkSize: 7000 }));
    const parallel = await collect(readCsv(big, { schema: s, workers: 2, chunkSize: 7000 }));
    expect(parallel).toEqual(serial);
    expect(serial.chunks).toHaveLength(5);
  });
  test('readCsvStore: one store, the same on 1 and 2 workers, equal to the chunks stacked; categories sorted', async () => {
    const flat = (o: Outcome) =>
      (o.chunks as { cols: { cats?: unknown[]; values: unknown[] }[] }[]).map((c) => c.cols.map((col) => col.values)).reduce((a, c) => a.map((v, i) => v.concat(c[i]!)));
    const chunks = await collect(readCsv(big, { schema: s, workers: 1, chunkSize: 7000 }));
    for (const workers of [1, 2]) {
      const store = await readCsvStore(big, { schema: s, workers });
      expect(store.length).toBe(N);
      expect(store.column('city').categories).toEqual(['Oslo', 'Rome, IT']);
      expect([Array.from(store.column('id')), store.column('city').toArray(), Array.from(store.column('km'))]).toEqual(flat(chunks));
      expect(store.column('id').length).toBe(N);
    }
  });
  test("'auto' stays serial below PARALLEL_CSV_MIN_BYTES; reuse: true forces serial (chunks share memory)", async () => {
    expect(PARALLEL_CSV_MIN_BYTES).toBe(32 * 1024 * 1024);
    const buffers = new Set<ArrayBufferLike>();
    for await (const c of readCsv(big, { schema: s, workers: 2, chunkSize: 7000, reuse: true })) buffers.add(c.column('id').buffer);
    expect(buffers.size).toBe(2); // full chunks reuse one buffer: only the serial reader does that
  });
  test('an early break terminates the workers and closes the file', async () => {
    const fds = () => readdirSync('/proc/self/fd').length;
    const pause = () => new Promise((r) => setTimeout(r, 20));
    // The earlier tests' worker threads end asynchronously too: count once their descriptors have gone.
    let before = fds();
    for (let waited = 0; waited < 2000; waited += 20) {
      await pause();
      const now = fds();
      if (now >= before) break;
      before = now;
    }
    for await (const c of readCsv(big, { schema: s, workers: 2, chunkSize: 100 })) if (c.length > 0) break;
    // Wait (up to 10 s: a loaded machine schedules the ending threads late) for the descriptors to go, then hold
    // the bound. A leak never meets it, however long the wait.
    for (let waited = 0; fds() > before && waited < 10_000; waited += 20) await pause();
    expect(fds()).toBeLessThanOrEqual(before);
  });
  test('bad workers values are a ValueError, eagerly', () => {
    for (const w of [0, 1.5, -1, 'many', 1000]) expect(() => readCsv(big, { schema: s, workers: w as number })).toThrow(ValueError);
  });
});
