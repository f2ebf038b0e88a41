/**
 * Peak extra memory of one pipeline run, measured in fresh child processes: a worker thread samples the
 * process RSS every millisecond while the main thread runs the case once (after one warm-up run for the
 * in-memory cases); the report is peak RSS minus the RSS just before the run (input already built, after GC).
 * Two sizes per case show whether it grows with N.
 *
 *   npx tsx bench/pipeline-memory.ts            # filter → map → sum at 1e6 and 1e7; readCsv at ~50 and ~200 MB
 *   npx tsx bench/pipeline-memory.ts --quick    # 1e5 / 1e6 and ~5 / ~20 MB
 *   npx tsx bench/pipeline-memory.ts --csv      # the CSV cases only
 *   npx tsx bench/pipeline-memory.ts --parquet  # the same CSV files converted to Parquet (one pipeline, constant
 *                                               # memory), then read in chunks with readParquet(path), also
 *                                               # with a GC after each chunk (the live memory of one row group)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { generateCsv } from './pipeline.bench.js';

const SAMPLER = `
const { parentPort, workerData } = require('node:worker_threads');
const shared = new Float64Array(workerData);
setInterval(() => { const r = process.memoryUsage.rss(); if (r > shared[0]) shared[0] = r; }, 1);
parentPort.postMessage('ready');
`;

async function measure(run: () => unknown | Promise<unknown>): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 4; i++) gc?.();
  const sab = new SharedArrayBuffer(8);
  const peak = new Float64Array(sab);
  const before = process.memoryUsage.rss();
  peak[0] = before;
  const w = new Worker(SAMPLER, { eval: true, workerData: sab });
  await new Promise((r) => w.once('message', r));
  const baseline = Math.max(before, process.memoryUsage.rss());
  peak[0] = baseline;
  await run();
  await new Promise((r) => setTimeout(r, 5));
  const p = peak[0]!;
  await w.terminate();
  return (p - baseline) / 2 ** 20;
}

async function child(kind: string, arg: string): Promise<void> {
  const { pipeline } = await import('../src/index.js');
  let run: () => unknown;
  if (kind.startsWith('parquet-')) {
    const { readParquet, writeParquet } = await import('../src/parquet/index.js');
    if (kind === 'parquet-convert') {
      const { readCsv } = await import('../src/node/index.js');
      const [csvPath, out] = arg.split('|') as [string, string];
      run = () => writeParquet(readCsv(csvPath, { schema: { id: 'int32', city: 'category', km: 'float64', qty: 'uint8', ts: 'uint32' } }), out);
    } else {
      // parquet-readParquet-gc collects after each chunk: its peak is the live memory of one row group (what
      // the reader holds), without the garbage V8 lets pile up between collections in the plain case.
      const gc = kind === 'parquet-readParquet-gc' ? (globalThis as { gc?: () => void }).gc : undefined;
      run = async () => {
        let km = 0;
        for await (const c of readParquet(arg)) {
          km += pipeline(c.column('km') as Float64Array).sum();
          gc?.();
        }
        return km;
      };
    }
  } else if (kind.startsWith('csv-')) {
    const path = arg;
    if (kind === 'csv-readCsv' || kind === 'csv-readCsv-reuse') {
      const { readCsv } = await import('../src/node/index.js');
      const reuse = kind === 'csv-readCsv-reuse';
      run = async () => {
        let km = 0;
        for await (const c of readCsv(path, { schema: { id: 'int32', city: 'category', km: 'float64', qty: 'uint8', ts: 'uint32' }, reuse })) {
          km += pipeline(c.column('km')).sum();
        }
        return km;
      };
    } else {
      const { readFileSync } = await import('node:fs');
      const Papa = ((await import('papaparse')) as unknown as { default: { parse: (t: string, o: object) => { data: unknown[] } } }).default;
      run = () => Papa.parse(readFileSync(path, 'utf8'), { header: true, dynamicTyping: true, skipEmptyLines: true }).data.length;
    }
  } else {
    const n = Number(arg);
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const f64 = new Float64Array(n);
    for (let i = 0; i < n; i++) f64[i] = next();
    const arr = kind === 'pipeline' ? [] : Array.from(f64);
    function* gmap(it: Iterable<number>, f: (x: number) => number) {
      for (const x of it) yield f(x);
    }
    function* gfilter(it: Iterable<number>, f: (x: number) => boolean) {
      for (const x of it) if (f(x)) yield x;
    }
    run =
      kind === 'array'
        ? () =>
            arr
              .filter((x) => x > 0.5)
              .map((x) => x * 2)
              .reduce((a, b) => a + b, 0)
        : kind === 'generator'
          ? () => {
              let s = 0;
              for (const x of gmap(
                gfilter(arr, (v) => v > 0.5),
                (v) => v * 2,
              ))
                s += x;
              return s;
            }
          : () =>
              pipeline(f64)
                .filter((x) => x > 0.5)
                .map((x) => x * 2)
                .sum();
  }
  // One warm-up run first (for the numeric cases) so that compiling the code paths is not counted as the run's memory.
  if (!kind.startsWith('csv-') && !kind.startsWith('parquet-')) await run();
  const mb = await measure(run);
  process.stdout.write(JSON.stringify({ kind, arg, peakExtraMB: Math.round(mb * 100) / 100 }) + '\n');
}

function writeCsv(path: string, targetMB: number): void {
  const fd = openSync(path, 'w');
  const block = generateCsv(100_000);
  const body = block.slice(block.indexOf('\n') + 1);
  writeSync(fd, block);
  while (statSync(path).size < targetMB * 1e6) writeSync(fd, body);
  closeSync(fd);
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const self = fileURLToPath(import.meta.url);
  const runChild = (kind: string, arg: string): string => {
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, 'child', kind, arg], { encoding: 'utf8' });
    if (r.status !== 0) return `{"kind":"${kind}","arg":"${arg}","error":${JSON.stringify(r.stderr.slice(-300))}}`;
    return r.stdout.trim();
  };
  const parquet = process.argv.includes('--parquet');
  const csvOnly = process.argv.includes('--csv') || parquet;
  const sizes = csvOnly ? [] : quick ? [1e5, 1e6] : [1e6, 1e7];
  console.log('filter(x > 0.5) → map(x * 2) → sum over N float64: peak RSS above the input (MB)');
  for (const kind of ['array', 'generator', 'pipeline']) for (const n of sizes) console.log(runChild(kind, String(n)));
  const dir = mkdtempSync(join(tmpdir(), 'compactly-csv-'));
  try {
    const mbs = quick ? [5, 20] : [50, 200];
    console.log(parquet ? 'CSV → Parquet, then Parquet read in chunks: peak RSS above the starting RSS (MB)' : 'CSV files read whole: peak RSS above the starting RSS (MB)');
    for (const mb of mbs) {
      const path = join(dir, `f${mb}.csv`);
      writeCsv(path, mb);
      if (parquet) {
        const out = join(dir, `f${mb}.parquet`);
        console.log(`CSV ${(statSync(path).size / 1e6).toFixed(0)} MB → Parquet:`);
        console.log(runChild('parquet-convert', `${path}|${out}`));
        console.log(`Parquet ${(statSync(out).size / 1e6).toFixed(0)} MB read in chunks:`);
        console.log(runChild('parquet-readParquet', out));
        console.log(runChild('parquet-readParquet-gc', out));
        continue;
      }
      console.log(`file ${(statSync(path).size / 1e6).toFixed(0)} MB:`);
      console.log(runChild('csv-readCsv', path));
      console.log(runChild('csv-readCsv-reuse', path));
      if (mb === mbs[0]) console.log(runChild('csv-papaparse', path));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  void writeFileSync;
}

if (process.argv[2] === 'child') await child(process.argv[3]!, process.argv[4]!);
else await main();
