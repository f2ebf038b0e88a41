/**
 * Pipelines: filter → map → sum over N float64 against the array chain a user writes
 * (`filter().map().reduce()`) and a per-element generator chain; readCsv of a generated CSV into RecordStore
 * chunks against papaparse and csv-parse producing objects; and the bytes per row of a CSV held in memory.
 * Peak extra memory of a run (RSS high-water mark at two sizes) is measured by `bench/pipeline-memory.ts`.
 */
import { pipeline, readCsv, vector } from '../src/index.js';
import type { MemoryGroup, SpeedCase, Suite, SuiteContext } from './_harness.js';
import { categoryNames, floats, rng } from './_data.js';

const CITIES = categoryNames(8);
const CSV_SCHEMA = { id: 'int32', city: 'category', km: 'float64', qty: 'uint8', ts: 'uint32' } as const;

/** A CSV of `n` rows (~45 bytes each): id, city (8 categories), km (2 decimals), qty, ts. Seeded. */
export function generateCsv(n: number, seed = 5): string {
  const r = rng(seed);
  const parts: string[] = ['id,city,km,qty,ts'];
  for (let i = 0; i < n; i++) {
    const city = CITIES[Math.floor(r() * CITIES.length)]!;
    const km = Math.round(r() * 100000) / 100;
    const qty = Math.floor(r() * 200);
    const ts = 1_600_000_000 + Math.floor(r() * 100_000_000);
    parts.push(`${i},${city},${km},${qty},${ts}`);
  }
  return parts.join('\n') + '\n';
}

function* gmap<T, U>(it: Iterable<T>, f: (x: T) => U): Generator<U> {
  for (const x of it) yield f(x);
}
function* gfilter<T>(it: Iterable<T>, f: (x: T) => boolean): Generator<T> {
  for (const x of it) if (f(x)) yield x;
}

interface CsvSummary {
  rows: number;
  km: number;
  cat0: number;
}

type PapaT = { parse: (text: string, opts: object) => { data: Record<string, unknown>[] } };
type CsvParseSync = { parse: (text: string, opts: object) => Record<string, unknown>[] };

function summarize(objs: Record<string, unknown>[]): CsvSummary {
  let km = 0;
  let cat0 = 0;
  for (const o of objs) {
    km += o.km as number;
    if (o.city === 'cat0') cat0++;
  }
  return { rows: objs.length, km, cat0 };
}

async function speed(ctx: SuiteContext): Promise<SpeedCase[]> {
  const n = ctx.rows;
  const data = floats(n, 13);
  const f64 = Float64Array.from(data);
  const vec = vector('float64', f64);

  const csvRows = Math.max(1, Math.floor(n / 2));
  const csv = generateCsv(csvRows);
  const papaMod = await ctx.optional<PapaT & { default?: PapaT }>('papaparse');
  const Papa = papaMod?.default ?? papaMod;
  const csvParse = await ctx.optional<CsvParseSync>('csv-parse/sync');
  if (Papa === undefined) ctx.note('papaparse not installed: the readCsv baseline is a hand-written split(",") parser');
  if (csvParse === undefined) ctx.note('csv-parse not installed: its readCsv comparison is skipped');
  const parsers = [Papa ? 'papaparse' : 'split(",")', ...(csvParse ? ['csv-parse'] : [])].join(' / ');
  ctx.setTitle?.(`Pipelines vs array chains and generators; readCsv vs ${parsers}`);
  ctx.note(`readCsv case: ${csvRows} rows, ${(csv.length / 1e6).toFixed(1)} MB of CSV text (N/2 rows)`);

  const splitParser = (): CsvSummary => {
    const lines = csv.split('\n');
    const header = lines[0]!.split(',');
    const objs: Record<string, unknown>[] = [];
    for (let i = 1; i < lines.length; i++) {
      if (lines[i] === '') continue;
      const f = lines[i]!.split(',');
      const o: Record<string, unknown> = {};
      for (let k = 0; k < header.length; k++) o[header[k]!] = k === 1 ? f[k] : Number(f[k]);
      objs.push(o);
    }
    return summarize(objs);
  };
  const readCsvTask = (): CsvSummary => {
    let rows = 0;
    let km = 0;
    let cat0 = 0;
    for (const chunk of readCsv(csv, { schema: CSV_SCHEMA })) {
      rows += chunk.length;
      km += pipeline(chunk.column('km')).sum();
      const city = chunk.column('city');
      const code = city.codeOf('cat0');
      if (code >= 0)
        cat0 += pipeline(city.codes)
          .filter((c) => c === code)
          .count();
    }
    return { rows, km, cat0 };
  };

  const csvBaseline = Papa
    ? { name: 'papaparse → objects (header, dynamicTyping)', fn: () => summarize(Papa.parse(csv, { header: true, dynamicTyping: true, skipEmptyLines: true }).data) }
    : { name: 'split(",") → objects', fn: splitParser };
  const csvTasks = [
    { name: 'readCsv → RecordStore chunks', fn: readCsvTask },
    ...(csvParse ? [{ name: 'csv-parse/sync → objects (columns, cast)', reference: true, fn: () => summarize(csvParse.parse(csv, { columns: true, cast: true })) }] : []),
    ...(Papa ? [{ name: 'split(",") → objects (hand-written)', reference: true, fn: splitParser }] : []),
  ];

  return [
    {
      name: 'filter → map → sum',
      baseline: {
        name: 'array.filter().map().reduce()',
        fn: () =>
          data
            .filter((x) => x > 0.5)
            .map((x) => x * 2)
            .reduce((a, b) => a + b, 0),
      },
      tasks: [
        {
          name: 'pipeline(Float64Array).filter.map.sum',
          fn: () =>
            pipeline(f64)
              .filter((x) => x > 0.5)
              .map((x) => x * 2)
              .sum(),
        },
        // Each pipeline gets its own kernel, keyed by its callbacks' source text; two different functions with
        // identical text would share one and make its calls megamorphic (see docs/pipelines.md), so the
        // variants below spell their callbacks differently, as separate pipelines in a program usually do.
        {
          name: 'pipeline(Vector).filter.map.sum',
          fn: () =>
            pipeline(vec)
              .filter((v) => v > 0.5)
              .map((v) => v * 2)
              .sum(),
        },
        {
          name: 'pipeline(number[]).filter.map.sum',
          fn: () =>
            pipeline(data)
              .filter((y) => y > 0.5)
              .map((y) => y * 2)
              .sum(),
        },
        {
          name: 'per-element generator chain',
          reference: true,
          fn: () => {
            let s = 0;
            for (const x of gmap(
              gfilter(data, (v) => v > 0.5),
              (v) => v * 2,
            ))
              s += x;
            return s;
          },
        },
        {
          name: 'hand-fused loop (limit)',
          reference: true,
          fn: () => {
            let s = 0;
            for (let i = 0; i < f64.length; i++) {
              const x = f64[i]!;
              if (x > 0.5) s += x * 2;
            }
            return s;
          },
        },
      ],
    },
    {
      name: 'filter → map → toArray',
      baseline: { name: 'array.filter().map()', fn: () => data.filter((x) => x > 0.5).map((x) => x * 2) },
      tasks: [
        {
          name: 'pipeline(Float64Array).filter.map.toArray',
          fn: () =>
            pipeline(f64)
              .filter((x) => x > 0.5)
              .map((x) => x * 2)
              .toArray(),
        },
        {
          name: 'pipeline(Float64Array).filter.map.toVector',
          fn: () =>
            pipeline(f64)
              .filter((x) => x > 0.5)
              .map((x) => x * 2)
              .toVector('float64').array,
        },
      ],
    },
    {
      name: 'readCsv',
      baseline: csvBaseline,
      tasks: csvTasks,
    },
  ];
}

function memory(): MemoryGroup[] {
  return [
    {
      name: 'CSV rows held in memory',
      unit: 'row',
      baseline: {
        name: 'objects from split(",")',
        build: (n) => {
          const lines = generateCsv(n).split('\n');
          const objs: Record<string, unknown>[] = [];
          for (let i = 1; i < lines.length; i++) {
            if (lines[i] === '') continue;
            const f = lines[i]!.split(',');
            objs.push({ id: Number(f[0]), city: f[1], km: Number(f[2]), qty: Number(f[3]), ts: Number(f[4]) });
          }
          return objs;
        },
      },
      cases: [
        {
          name: 'readCsv → toStore (one RecordStore)',
          build: (n) => {
            const store = pipeline(readCsv(generateCsv(n), { schema: CSV_SCHEMA })).toStore(CSV_SCHEMA);
            store.shrinkToFit();
            return store;
          },
        },
      ],
    },
  ];
}

/** The pipeline suite. */
export const suite: Suite = {
  name: 'pipeline',
  title: 'Pipelines vs array chains and generators; readCsv vs papaparse / csv-parse',
  speed,
  memory,
  headline: { speed: 'filter → map → sum', task: 'pipeline(Float64Array).filter.map.sum', memory: 'CSV rows held in memory' },
};
