/**
 * A real-data job, end to end: a generated, seeded flights-like CSV (a date, integer delays and distances, ~300
 * airport codes with a skewed frequency) loaded and aggregated as an analyst would — load; mean delay per
 * origin; count per destination; top-10 routes; a filter + sort; the overall mean — by compactly (serial and
 * on worker threads), plain objects, papaparse, arquero, and pandas (when `/usr/bin/python3` has it). Each run
 * is a fresh child process (peak RSS is its own); every contender's answers are checked against the others'.
 * (The reader alone — its bytes/s beside a memcpy, utf8 against string[], inference against a schema — is
 * bench/csv-read.ts.)
 *
 *   npx tsx bench/flights.ts                    # 3,000,000 rows (~60 MB), median of 5 runs
 *   npx tsx bench/flights.ts --size tiny        # 2,000 rows, 1 run: proves every contender runs and agrees
 *   npx tsx bench/flights.ts --rows 500000 --runs 3 --md out.md
 *   npm run build && npx tsx bench/flights.ts --dist   # compactly from dist/ (workers load dist/node/csv-worker.js)
 *   npx tsx bench/flights.ts --dist --only pandas,store1,storeauto,pipe1   # some contenders only
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng } from './_data.js';

const SCHEMA = { date: 'category', delay: 'int32', distance: 'int32', origin: 'category', destination: 'category' } as const;
const PYTHON = '/usr/bin/python3';
const DIST = process.argv.includes('--dist');

/** ~300 three-letter codes. */
function airports(): string[] {
  const r = rng(17);
  const out = new Set<string>();
  while (out.size < 300) out.add(String.fromCharCode(65 + Math.floor(r() * 26), 65 + Math.floor(r() * 26), 65 + Math.floor(r() * 26)));
  return [...out];
}

/** Writes `n` seeded rows to `path` (Zipf-like airport frequencies; delays skewed right). */
export function writeFlights(path: string, n: number, seed = 3): void {
  const r = rng(seed);
  const codes = airports();
  const pick = (): string => codes[Math.floor(codes.length * r() ** 3)]!; // skewed: a few hubs dominate
  const fd = openSync(path, 'w');
  try {
    let buf = 'date,delay,distance,origin,destination\n';
    for (let i = 0; i < n; i++) {
      const day = 1 + Math.floor(r() * 365);
      const d = new Date(Date.UTC(2001, 0, day));
      const date = d.toISOString().slice(0, 10);
      const delay = Math.round(-15 + 200 * r() ** 4 - 5 * r());
      const distance = 50 + Math.floor(r() * 2500);
      const o = pick();
      let dst = pick();
      if (dst === o) dst = codes[(codes.indexOf(o) + 1) % codes.length]!;
      buf += `${date},${delay},${distance},${o},${dst}\n`;
      if (buf.length > 1 << 20) {
        writeSync(fd, buf);
        buf = '';
      }
    }
    writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
}

/** The answers every contender must agree on. */
interface Digest {
  rows: number;
  meanDelay: number;
  /** mean delay of the 5 busiest origins, by origin name */
  meanByOrigin: [string, number][];
  /** the 5 busiest destinations and their counts */
  perDest: [string, number][];
  topRoutes: [string, number][];
  late: number;
  lateTop: number[];
}

function topCounts(m: Map<string, number>, k: number): [string, number][] {
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k);
}

function digestOf(
  rows: number,
  meanDelay: number,
  sumByOrigin: Map<string, [number, number]>,
  perDest: Map<string, number>,
  routes: Map<string, number>,
  lateDelays: number[],
): Digest {
  const busiest = topCounts(new Map([...sumByOrigin].map(([k, v]) => [k, v[1]])), 5);
  return {
    rows,
    meanDelay,
    meanByOrigin: busiest.map(([k]) => [k, sumByOrigin.get(k)![0] / sumByOrigin.get(k)![1]]),
    perDest: topCounts(perDest, 5),
    topRoutes: topCounts(routes, 10),
    late: lateDelays.length,
    lateTop: lateDelays.slice(0, 10),
  };
}

interface Timing {
  loadMs: number;
  /** CPU time of the load (every thread of the process: workers and GC included). */
  loadCpuMs: number;
  jobMs: number;
  digest: Digest;
}

const LATE = 120;

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * compactly: one store through `readCsvStore(path, {schema, workers})` (or, with `viaPipeline`, the chunks of
 * `pipeline(readCsv(path, {schema, workers})).toStore(schema)`), then its verbs.
 */
async function runCompactly(path: string, workers: number | 'auto', viaPipeline = false): Promise<Timing> {
  // With --dist, the built package (dist/node/index.js, whose workers load dist/node/csv-worker.js): no TypeScript
  // compiled at run time inside the timed load, as a user of the package runs it.
  // (Imported here, not at the top: the plain-node child bundled for --dist must not load the sources too.)
  const lib = DIST ? ((await import(new URL('../dist/node/index.js', import.meta.url).href)) as typeof import('../src/node/index.js')) : await import('../src/node/index.js');
  const core = DIST ? ((await import(new URL('../dist/index.js', import.meta.url).href)) as typeof import('../src/index.js')) : await import('../src/index.js');
  const c0 = cpuMs();
  const t0 = performance.now();
  const store = viaPipeline ? await core.pipeline(lib.readCsv(path, { schema: SCHEMA, workers })).toStore(SCHEMA) : await lib.readCsvStore(path, { schema: SCHEMA, workers });
  const t1 = performance.now();
  const loadCpuMs = cpuMs() - c0;
  const byOrigin = store.groupBy('origin').agg({ s: ['sum', 'delay'], n: ['count'], m: ['mean', 'delay'] });
  const sumByOrigin = new Map<string, [number, number]>();
  const oc = byOrigin.column('origin').toArray();
  const os = byOrigin.column('s');
  const on = byOrigin.column('n');
  for (let i = 0; i < oc.length; i++) sumByOrigin.set(oc[i]!, [Number(os[i]), on[i]!]);
  const perDest = store.column('destination').valueCounts() as Map<string, number>;
  const routeStore = store
    .groupBy(['origin', 'destination'])
    .agg({ n: ['count'] })
    .sortBy('n', { descending: true })
    .head(64);
  const routes = new Map<string, number>();
  const ro = routeStore.column('origin').toArray();
  const rd = routeStore.column('destination').toArray();
  const rn = routeStore.column('n');
  for (let i = 0; i < ro.length; i++) routes.set(`${ro[i]}-${rd[i]}`, rn[i]!);
  const delay = store.column('delay');
  const mask = new Uint8Array(delay.length);
  for (let i = 0; i < delay.length; i++) mask[i] = delay[i]! > LATE ? 1 : 0;
  const late = store.filter(mask).sortBy('delay', { descending: true });
  const meanDelay = core.pipeline(delay).mean();
  const t2 = performance.now();
  return {
    loadMs: t1 - t0,
    loadCpuMs,
    jobMs: t2 - t1,
    digest: digestOf(store.length, meanDelay, sumByOrigin, perDest, routes, Array.from(late.column('delay').subarray(0, late.length))),
  };
}

interface Flight {
  date: string;
  delay: number;
  distance: number;
  origin: string;
  destination: string;
}

function jobOnObjects(rows: readonly Flight[]): Digest {
  const sumByOrigin = new Map<string, [number, number]>();
  const perDest = new Map<string, number>();
  const routes = new Map<string, number>();
  let total = 0;
  for (const f of rows) {
    const s = sumByOrigin.get(f.origin);
    if (s === undefined) sumByOrigin.set(f.origin, [f.delay, 1]);
    else {
      s[0] += f.delay;
      s[1]++;
    }
    perDest.set(f.destination, (perDest.get(f.destination) ?? 0) + 1);
    const k = `${f.origin}-${f.destination}`;
    routes.set(k, (routes.get(k) ?? 0) + 1);
    total += f.delay;
  }
  const late = rows.filter((f) => f.delay > LATE).sort((a, b) => b.delay - a.delay);
  return digestOf(
    rows.length,
    total / rows.length,
    sumByOrigin,
    perDest,
    routes,
    late.map((f) => f.delay),
  );
}

function runObjects(path: string): Timing {
  const c0 = cpuMs();
  const t0 = performance.now();
  const text = readFileSync(path, 'utf8');
  const rows: Flight[] = [];
  let start = text.indexOf('\n') + 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const f = text.slice(start, end).split(',');
    rows.push({ date: f[0]!, delay: Number(f[1]), distance: Number(f[2]), origin: f[3]!, destination: f[4]! });
    start = end + 1;
  }
  const t1 = performance.now();
  const loadCpuMs = cpuMs() - c0;
  const digest = jobOnObjects(rows);
  return { loadMs: t1 - t0, loadCpuMs, jobMs: performance.now() - t1, digest };
}

async function runPapa(path: string): Promise<Timing | string> {
  const mod = (await import('papaparse').catch(() => undefined)) as { default: { parse: (t: string, o: object) => { data: Flight[] } } } | undefined;
  if (mod === undefined) return 'papaparse not installed';
  const c0 = cpuMs();
  const t0 = performance.now();
  const rows = mod.default.parse(readFileSync(path, 'utf8'), { header: true, dynamicTyping: true, skipEmptyLines: true }).data;
  const t1 = performance.now();
  const loadCpuMs = cpuMs() - c0;
  const digest = jobOnObjects(rows);
  return { loadMs: t1 - t0, loadCpuMs, jobMs: performance.now() - t1, digest };
}

async function runArquero(path: string): Promise<Timing | string> {
  type Table = {
    numRows(): number;
    groupby(...k: string[]): Table;
    rollup(o: object): Table;
    count(): Table;
    filter(f: unknown): Table;
    orderby(...k: unknown[]): Table;
    objects(): Record<string, unknown>[];
    array(c: string): ArrayLike<unknown>;
  };
  type Aq = { fromCSV: (t: string, o?: object) => Table; op: { mean: (x: unknown) => number; sum: (x: unknown) => number; count: () => number }; desc: (k: string) => unknown };
  const aq = (await import('arquero').catch(() => undefined)) as Aq | undefined;
  if (aq === undefined) return 'arquero not installed';
  const c0 = cpuMs();
  const t0 = performance.now();
  const dt = aq.fromCSV(readFileSync(path, 'utf8'), { parse: { date: String } });
  const t1 = performance.now();
  const loadCpuMs = cpuMs() - c0;
  const byO = dt
    .groupby('origin')
    .rollup({ s: aq.op.sum('delay' as never) as never, n: aq.op.count() as never })
    .objects();
  const sumByOrigin = new Map(byO.map((o) => [o.origin as string, [o.s as number, o.n as number] as [number, number]]));
  const perDest = new Map(
    dt
      .groupby('destination')
      .count()
      .objects()
      .map((o) => [o.destination as string, o.count as number]),
  );
  const routes = new Map(
    dt
      .groupby('origin', 'destination')
      .count()
      .objects()
      .map((o) => [`${o.origin as string}-${o.destination as string}`, o.count as number]),
  );
  const late = Array.from(dt.filter(`d => d.delay > ${LATE}`).orderby(aq.desc('delay')).array('delay') as ArrayLike<number>);
  const mean = dt.rollup({ m: aq.op.mean('delay' as never) as never }).objects()[0]!.m as number;
  const digest = digestOf(dt.numRows(), mean, sumByOrigin, perDest, routes, late);
  return { loadMs: t1 - t0, loadCpuMs, jobMs: performance.now() - t1, digest };
}

const PANDAS = `
import json, sys, time, resource
import pandas as pd
path = sys.argv[1]
c0 = time.process_time()
t0 = time.perf_counter()
df = pd.read_csv(path, dtype={'date': 'category', 'delay': 'int32', 'distance': 'int32', 'origin': 'category', 'destination': 'category'})
t1 = time.perf_counter()
c1 = time.process_time()
g = df.groupby('origin', observed=True)['delay'].agg(['sum', 'count'])
per_dest = df['destination'].value_counts()
routes = df.groupby(['origin', 'destination'], observed=True).size().sort_values(ascending=False).head(64)
late = df[df['delay'] > ${LATE}].sort_values('delay', ascending=False, kind='stable')
mean = float(df['delay'].mean())
t2 = time.perf_counter()
def top(pairs, k):
    return sorted(pairs, key=lambda p: (-p[1], p[0]))[:k]
busiest = top([(str(k), int(v)) for k, v in g['count'].items()], 5)
digest = {
  'rows': int(len(df)), 'meanDelay': mean,
  'meanByOrigin': [[k, float(g.loc[k, 'sum']) / float(g.loc[k, 'count'])] for k, _ in busiest],
  'perDest': top([(str(k), int(v)) for k, v in per_dest.items()], 5),
  'topRoutes': top([(f'{o}-{d}', int(v)) for (o, d), v in routes.items()], 10),
  'late': int(len(late)), 'lateTop': [int(x) for x in late['delay'].head(10)],
}
print(json.dumps({'loadMs': (t1 - t0) * 1000, 'loadCpuMs': (c1 - c0) * 1000, 'jobMs': (t2 - t1) * 1000, 'digest': digest, 'rssMB': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 'version': pd.__version__}))
`;

type Contender =
  | 'compactly readCsvStore (workers: 1)'
  | "compactly readCsvStore (workers: 'auto')"
  | 'compactly pipeline(readCsv).toStore (workers: 1)'
  | 'plain objects (split)'
  | 'papaparse → objects'
  | 'arquero'
  | 'pandas';
const CONTENDERS: Contender[] = [
  'pandas',
  'compactly readCsvStore (workers: 1)',
  "compactly readCsvStore (workers: 'auto')",
  'compactly pipeline(readCsv).toStore (workers: 1)',
  'plain objects (split)',
  'papaparse → objects',
  'arquero',
];
/** Short names for `--only` (e.g. `--only pandas,store1,storeauto,pipe1`). */
const SHORT: Record<string, Contender> = {
  pandas: 'pandas',
  store1: CONTENDERS[1]!,
  storeauto: CONTENDERS[2]!,
  pipe1: CONTENDERS[3]!,
  objects: CONTENDERS[4]!,
  papaparse: CONTENDERS[5]!,
  arquero: CONTENDERS[6]!,
};

/** In a child: runs one contender once and prints its timing as JSON. */
async function child(name: Contender, path: string): Promise<void> {
  let r: Timing | string;
  if (name === 'compactly readCsvStore (workers: 1)') r = await runCompactly(path, 1);
  else if (name === "compactly readCsvStore (workers: 'auto')") r = await runCompactly(path, 'auto');
  else if (name === 'compactly pipeline(readCsv).toStore (workers: 1)') r = await runCompactly(path, 1, true);
  else if (name === 'plain objects (split)') r = runObjects(path);
  else if (name === 'papaparse → objects') r = await runPapa(path);
  else r = await runArquero(path);
  if (typeof r === 'string') process.stdout.write(JSON.stringify({ skip: r }) + '\n');
  else process.stdout.write(JSON.stringify({ ...r, rssMB: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

interface Result {
  name: Contender;
  loadMs: number;
  loadCpuMs: number;
  jobMs: number;
  rssMB: number;
  note?: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object')
    return Object.keys(b).every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  return a === b;
}

/** Runs the benchmark; returns the Markdown table (and checks every contender's answers). */
export async function runFlights(
  rows: number,
  runs: number,
  log: (s: string) => void = (s) => process.stdout.write(s),
  only: readonly Contender[] = CONTENDERS,
): Promise<{ markdown: string; results: Result[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'compactly-flights-'));
  const path = join(dir, 'flights.csv');
  const self = fileURLToPath(import.meta.url);
  // With --dist, the compactly children run in plain node (a bundle of this file beside it, so that `../dist/` and
  // the packages resolve as from here): under tsx, its loader alone added ~60 MB to each child's peak RSS.
  const childScript = DIST && self.endsWith('.ts') ? join(dirname(self), `.flights-child-${process.pid}.mjs`) : self;
  try {
    if (childScript !== self) {
      const { buildSync } = await import('esbuild');
      buildSync({ entryPoints: [self], bundle: true, packages: 'external', platform: 'node', format: 'esm', outfile: childScript, logLevel: 'warning' });
    }
    writeFlights(path, rows);
    const mb = statSync(path).size / 1e6;
    log(`flights: ${rows.toLocaleString('en-US')} rows, ${mb.toFixed(1)} MB, ${runs} run(s) per contender, ${availableParallelism()} cores\n`);
    const results: Result[] = [];
    let reference: Digest | null = null;
    const notes: string[] = [];
    for (const name of CONTENDERS.filter((c) => only.includes(c))) {
      const samples: { loadMs: number; loadCpuMs: number; jobMs: number; rssMB: number }[] = [];
      let skip = '';
      for (let k = 0; k < runs && skip === ''; k++) {
        const p =
          name === 'pandas'
            ? existsSync(PYTHON)
              ? spawnSync(PYTHON, ['-c', PANDAS, path], { encoding: 'utf8', maxBuffer: 1 << 26 })
              : null
            : spawnSync(process.execPath, [...(childScript.endsWith('.ts') ? ['--import', 'tsx'] : []), childScript, '--child', name, path, ...(DIST ? ['--dist'] : [])], {
                encoding: 'utf8',
                maxBuffer: 1 << 26,
              });
        if (p === null) {
          skip = `${PYTHON} not found`;
          break;
        }
        if (p.status !== 0) {
          if (name === 'pandas' && /No module named/.test(p.stderr)) {
            skip = 'pandas not installed for /usr/bin/python3 (apt-get install -y python3-pandas)';
            break;
          }
          throw new Error(`flights: ${name} failed: ${p.stderr}`);
        }
        const out = JSON.parse(p.stdout.trim().split('\n').at(-1)!) as {
          skip?: string;
          loadMs: number;
          loadCpuMs: number;
          jobMs: number;
          rssMB: number;
          digest: Digest;
          version?: string;
        };
        if (out.skip !== undefined) {
          skip = out.skip;
          break;
        }
        if (reference === null) reference = out.digest;
        else if (!same(out.digest, reference)) throw new Error(`flights: ${name} disagrees: ${JSON.stringify(out.digest)} vs ${JSON.stringify(reference)}`);
        if (out.version !== undefined && k === 0) notes.push(`pandas ${out.version}`);
        samples.push(out);
      }
      if (skip !== '') {
        notes.push(`${name}: skipped (${skip})`);
        log(`  ${name}: skipped (${skip})\n`);
        continue;
      }
      const r: Result = {
        name,
        loadMs: median(samples.map((s) => s.loadMs)),
        loadCpuMs: median(samples.map((s) => s.loadCpuMs)),
        jobMs: median(samples.map((s) => s.jobMs)),
        rssMB: median(samples.map((s) => s.rssMB)),
      };
      results.push(r);
      log(`  ${name}: load ${r.loadMs.toFixed(0)} ms (CPU ${r.loadCpuMs.toFixed(0)} ms), job ${r.jobMs.toFixed(0)} ms, peak RSS ${r.rssMB.toFixed(0)} MB\n`);
    }
    const base = results.find((r) => r.name === 'pandas') ?? results[0]!;
    const lines = [
      `| contender | load (ms) | load CPU (ms) | aggregates (ms) | total (ms) | total time ÷ ${base.name}'s | load time ÷ ${base.name}'s | peak RSS (MB) |`,
      '|---|---:|---:|---:|---:|---:|---:|---:|',
      ...results.map((r) => {
        const total = r.loadMs + r.jobMs;
        return `| ${r.name} | ${r.loadMs.toFixed(0)} | ${r.loadCpuMs.toFixed(0)} | ${r.jobMs.toFixed(0)} | ${total.toFixed(0)} | ${(total / (base.loadMs + base.jobMs)).toFixed(2)}× | ${(r.loadMs / base.loadMs).toFixed(2)}× | ${r.rssMB.toFixed(0)} |`;
      }),
      '',
      `${rows.toLocaleString('en-US')} rows (${mb.toFixed(1)} MB); median of ${runs} run(s), each a fresh process; every contender's answers agree. ${notes.join('; ')}.`,
    ];
    return { markdown: lines.join('\n') + '\n', results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (childScript !== self) rmSync(childScript, { force: true });
  }
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--child') return child(argv[1] as Contender, argv[2]!);
  let rows = 3_000_000;
  let runs = 5;
  let md = '';
  let only: Contender[] = CONTENDERS;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--size') {
      const s = argv[++i];
      rows = s === 'tiny' ? 2_000 : s === 'quick' ? 300_000 : 3_000_000;
      runs = s === 'tiny' ? 1 : s === 'quick' ? 3 : 5;
    } else if (a === '--rows') rows = Number(argv[++i]);
    else if (a === '--runs') runs = Number(argv[++i]);
    else if (a === '--md') md = argv[++i]!;
    else if (a === '--only') {
      only = argv[++i]!.split(',').map(
        (k) =>
          SHORT[k] ??
          (() => {
            throw new Error(`flights: --only takes ${Object.keys(SHORT).join(', ')}; got ${k}`);
          })(),
      );
    }
  }
  const { markdown } = await runFlights(rows, runs, undefined, only);
  if (DIST) process.stdout.write('(compactly from dist/)\n');
  process.stdout.write('\n' + markdown);
  if (md !== '') writeFileSync(md, markdown);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main(process.argv.slice(2));
