/**
 * The CSV reader on its own (no aggregation), three measures, each in one process with the cases interleaved
 * (median of `--runs`, CPU time of the process and wall time; ratios are taken from the same rounds):
 *
 * 1. **Serial reader bytes/s** on a numeric-only CSV (int32, float64): the tokenizer alone (field boundaries
 *    of every row) and the whole readCsv (tokenize + convert into typed chunks), beside a `Uint8Array.set` of
 *    the same bytes — a memcpy, the physical limit of any pass over the input (issue 13).
 * 2. **utf8 against a string[]** (issue 12): unique 8-character ids read by readCsv into a `utf8` field,
 *    against the same reader filling a `string[]` — a `category` field (its categories are a `string[]` of
 *    every distinct value) — and against the same tokenizer decoding each id into a JS string pushed onto a
 *    `string[]` (what a row reader does).
 * 3. **Inference against an explicit schema** (issue 14): `readCsvStore(path)` with every type inferred,
 *    against the same read given the schema inference found (so both build the same store).
 *
 *   npx tsx bench/csv-read.ts                  # 1,000,000 rows, median of 5
 *   npx tsx bench/csv-read.ts --rows 200000 --runs 3 --md out.md
 *   npx tsx bench/csv-read.ts --only inference # one measure alone: throughput, utf8 or inference
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_CSV_FIELD_SIZE, readCsv, type Schema } from '../src/index.js';
import { ByteTokenizer, fieldString } from '../src/pipeline.js';
import { parseIntBytes } from '../src/pipeline/csv-numbers.js';
import { readCsvStore } from '../src/node/index.js';
import { rng } from './_data.js';
import { writeFlights } from './flights.js';

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** A case's medians over the rounds: CPU and wall ms. */
interface Timed {
  cpu: number;
  wall: number;
}

/**
 * Runs every case once per round for `runs` rounds (after one warm-up round), each round starting one case
 * later than the last (with two cases: A B, B A, A B, …), so that no case always runs first — after the
 * previous round's garbage, or with the JIT state its predecessor left — and order effects cancel out of the
 * medians. The cases share the machine's state (load, JIT) as evenly as one process allows. Returns each
 * case's median CPU and wall time.
 */
async function interleaved(runs: number, cases: readonly (() => unknown)[]): Promise<Timed[]> {
  const cpu: number[][] = cases.map(() => []);
  const wall: number[][] = cases.map(() => []);
  for (let round = -1; round < runs; round++) {
    for (let k = 0; k < cases.length; k++) {
      const i = (k + Math.max(round, 0)) % cases.length;
      const c0 = cpuMs();
      const t0 = performance.now();
      await cases[i]!();
      if (round < 0) continue;
      wall[i]!.push(performance.now() - t0);
      cpu[i]!.push(cpuMs() - c0);
    }
  }
  return cases.map((_, i) => ({ cpu: median(cpu[i]!), wall: median(wall[i]!) }));
}

function expectRows(what: string, rows: number, n: number): void {
  if (rows !== n) throw new Error(`csv-read: ${what} read ${rows} rows, expected ${n}`);
}

/** Tokenizes `bytes` in 1 MiB pieces; returns the rows (the header included). */
function tokenizeAll(bytes: Uint8Array, onBatch?: (b: NonNullable<ReturnType<ByteTokenizer['scan']>>) => void): number {
  const tok = new ByteTokenizer(44, 34, MAX_CSV_FIELD_SIZE);
  let rows = 0;
  const drain = (): void => {
    for (let b = tok.scan(); b !== null; b = tok.scan()) {
      rows += b.nrows;
      onBatch?.(b);
    }
  };
  for (let at = 0; at < bytes.length; at += 1 << 20) {
    tok.push(bytes.subarray(at, at + (1 << 20)));
    drain();
  }
  tok.end();
  drain();
  return rows;
}

/** Measure 1: MB/s of the serial tokenizer and reader on a numeric-only CSV, and of a memcpy of its bytes. */
/**
 * The numeric-only CSV of measure 1, as bytes. (Its own function: the million row strings must not stay alive
 * in the caller's async frame, where every GC during the timed reads would trace them.)
 */
function numericCsv(n: number): Uint8Array {
  const r = rng(9);
  const parts: string[] = ['a,b,c,d'];
  for (let i = 0; i < n; i++) parts.push(`${Math.floor(r() * 1e6)},${(r() * 1000).toFixed(3)},${Math.floor(r() * 100)},${(r() * 10).toFixed(2)}`);
  return new TextEncoder().encode(parts.join('\n') + '\n');
}

export async function throughput(n: number, runs: number): Promise<{ tokenizerMBs: number; readerMBs: number; memcpyMBs: number; mb: number; markdown: string }> {
  const bytes = numericCsv(n);
  const schema = { a: 'int32', b: 'float64', c: 'int32', d: 'float64' } as const;
  const dst = new Uint8Array(bytes.length);
  // memcpy is ~100x faster than a parse: repeated so that one case takes long enough to time.
  const REPEAT = 20;
  const [memcpy, tokenize, read] = await interleaved(runs, [
    () => {
      for (let k = 0; k < REPEAT; k++) dst.set(bytes);
    },
    () => expectRows('the tokenizer', tokenizeAll(bytes), n + 1),
    async () => {
      let rows = 0;
      for await (const c of readCsv([bytes], { schema })) rows += c.length;
      expectRows('readCsv', rows, n);
    },
  ]);
  const mb = bytes.length / 1e6;
  const mbs = (ms: number, times = 1): number => (mb * times) / (ms / 1000);
  const memcpyMBs = mbs(memcpy!.cpu, REPEAT);
  const tokenizerMBs = mbs(tokenize!.cpu);
  const readerMBs = mbs(read!.cpu);
  const markdown =
    `Serial reader on a numeric-only CSV (${mb.toFixed(1)} MB, 4 columns: int32, float64, int32, float64; median of ${runs}, CPU time): ` +
    `tokenizer alone ${tokenizerMBs.toFixed(0)} MB/s; whole readCsv (tokenize + convert to typed chunks) ${readerMBs.toFixed(0)} MB/s; ` +
    `a \`Uint8Array.set\` of the same bytes (memcpy, the physical reference) ${memcpyMBs.toFixed(0)} MB/s — the tokenizer runs at ` +
    `${((100 * tokenizerMBs) / memcpyMBs).toFixed(1)}% of memcpy, the reader at ${((100 * readerMBs) / memcpyMBs).toFixed(1)}%.`;
  return { tokenizerMBs, readerMBs, memcpyMBs, mb, markdown };
}

/** Measure 2: unique 8-character ids into a utf8 field, against the same reader filling a string[]. */
export async function utf8VsStrings(n: number, runs: number): Promise<{ markdown: string; utf8: Timed; category: Timed; strings: Timed }> {
  const r = rng(12);
  const parts: string[] = ['id,qty'];
  const seen = new Set<string>();
  while (seen.size < n) {
    let id = '';
    for (let k = 0; k < 8; k++) id += String.fromCharCode(97 + Math.floor(r() * 26));
    if (seen.has(id)) continue;
    seen.add(id);
    parts.push(`${id},${Math.floor(r() * 1000)}`);
  }
  const bytes = new TextEncoder().encode(parts.join('\n') + '\n');
  const read = async (schema: Schema): Promise<void> => {
    let rows = 0;
    for await (const c of readCsv([bytes], { schema })) rows += c.length;
    expectRows('readCsv', rows, n);
  };
  const NUM = new Float64Array(1);
  const [utf8, category, strings] = await interleaved(runs, [
    () => read({ id: 'utf8', qty: 'int32' }),
    () => read({ id: 'category', qty: 'int32' }),
    () => {
      const ids: string[] = [];
      const qty: number[] = [];
      let header = true;
      tokenizeAll(bytes, (b) => {
        for (let row = header ? 1 : 0; row < b.nrows; row++) {
          const f = b.rowStart[row]!;
          ids.push(fieldString(b.bytes, b.starts[f]!, b.ends[f]!, b.flags[f]!, 34));
          qty.push(parseIntBytes(b.bytes, b.starts[f + 1]!, b.ends[f + 1]!, NUM) ? NUM[0]! : NaN);
        }
        header = false;
      });
      expectRows('the string[] reader', ids.length, n);
    },
  ]);
  const markdown =
    `readCsv of ${n.toLocaleString('en-US')} unique 8-character ids (+ an int32 column), median of ${runs}, CPU time: into a \`utf8\` field ${utf8!.cpu.toFixed(0)} ms; ` +
    `the same reader filling a \`string[]\` — a \`category\` field, whose categories are a string[] of every id — ${category!.cpu.toFixed(0)} ms (**${(category!.cpu / utf8!.cpu).toFixed(2)}x** the utf8 time); ` +
    `the same tokenizer decoding each id into a JS string pushed onto a string[] (a row reader's way) ${strings!.cpu.toFixed(0)} ms (**${(strings!.cpu / utf8!.cpu).toFixed(2)}x**).`;
  return { markdown, utf8: utf8!, category: category!, strings: strings! };
}

/** Measure 3: readCsvStore(path) inferring every type, against the same read given the inferred schema. */
export async function inferenceVsSchema(rows: number, runs: number): Promise<{ markdown: string; ratio: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'compactly-csv-read-'));
  try {
    const path = join(dir, 'flights.csv');
    writeFlights(path, rows);
    const schema = (await readCsvStore(path, { workers: 1 })).schema;
    const [inferred, explicit] = await interleaved(runs, [
      async () => expectRows('inference', (await readCsvStore(path, { workers: 1 })).length, rows),
      async () => expectRows('the explicit schema', (await readCsvStore(path, { schema, workers: 1 })).length, rows),
    ]);
    const ratio = inferred!.cpu / explicit!.cpu;
    const markdown =
      `readCsvStore of the ${rows.toLocaleString('en-US')}-row flights file (serial), median of ${runs}, CPU time: every type inferred (from the first 10,000 rows) ${inferred!.cpu.toFixed(0)} ms; ` +
      `given the schema inference finds (\`${JSON.stringify(schema)}\`) ${explicit!.cpu.toFixed(0)} ms: inference costs **${ratio.toFixed(3)}x** the explicit read.`;
    return { markdown, ratio };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<void> {
  let rows = 1_000_000;
  let runs = 5;
  let md = '';
  let only = '';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--rows') rows = Number(argv[++i]);
    else if (argv[i] === '--runs') runs = Number(argv[++i]);
    else if (argv[i] === '--md') md = argv[++i]!;
    else if (argv[i] === '--only') only = argv[++i]!;
  }
  const measures: Record<string, () => Promise<{ markdown: string }>> = {
    throughput: () => throughput(rows, runs),
    utf8: () => utf8VsStrings(rows, runs),
    inference: () => inferenceVsSchema(rows, runs),
  };
  if (only !== '' && !Object.hasOwn(measures, only)) throw new Error(`csv-read: --only must be one of ${Object.keys(measures).join(', ')}, got ${only}`);
  const out: string[] = [];
  for (const m of only === '' ? Object.values(measures) : [measures[only]!]) {
    const { markdown } = await m();
    out.push(markdown);
    process.stdout.write(markdown + '\n\n');
  }
  if (md !== '') writeFileSync(md, out.join('\n\n') + '\n');
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main(process.argv.slice(2));
