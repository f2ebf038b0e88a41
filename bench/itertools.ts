/**
 * The itertools generators (islice, accumulate, takewhile, dropwhile, batched, compress, starmap, pairwise),
 * sync over 1e6 numbers and async over 1e5, each as a ratio to a plain `for…of` (or `for await…of`) drain of
 * the same source in the same process: median of `--rounds` interleaved rounds. It exists to show that the
 * iterator-closing guard the generators share costs nothing measurable (issue 11).
 *
 *     npx tsx bench/itertools.ts [--rounds 5] [--n 1000000]
 */
import { accumulate, batched, compress, dropwhile, islice, pairwise, starmap, takewhile } from '../src/pipeline.js';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}
const rounds = arg('--rounds', 5);
const n = arg('--n', 1_000_000);
const na = Math.floor(n / 10);

const data: number[] = Array.from({ length: n }, (_, i) => i % 1000);
const ones: number[] = new Array<number>(n).fill(1);
const pairs: [number, number][] = Array.from({ length: n }, (_, i) => [i, 2]);
let sink = 0;

async function* asyncRange(m: number): AsyncGenerator<number> {
  for (let i = 0; i < m; i++) yield i % 1000;
}

function drain(it: Iterable<unknown>): number {
  let c = 0;
  for (const _ of it) c++;
  return c;
}
async function drainAsync(it: AsyncIterable<unknown>): Promise<number> {
  let c = 0;
  for await (const _ of it) c++;
  return c;
}

type Case = readonly [string, () => number | Promise<number>];
const sync: Case[] = [
  ['for…of (baseline)', () => drain(data)],
  ['islice', () => drain(islice(data, 0, null))],
  ['accumulate', () => drain(accumulate(data))],
  ['takewhile', () => drain(takewhile((x: number) => x >= 0, data))],
  ['dropwhile', () => drain(dropwhile((x: number) => x < 0, data))],
  ['batched 64', () => drain(batched(data, 64))],
  ['compress', () => drain(compress(data, ones))],
  ['starmap', () => drain(starmap((a: number, b: number) => a * b, pairs))],
  ['pairwise', () => drain(pairwise(data))],
];
const asyncCases: Case[] = [
  ['for await…of (baseline)', () => drainAsync(asyncRange(na))],
  ['islice async', () => drainAsync(islice(asyncRange(na), 0, null))],
  ['accumulate async', () => drainAsync(accumulate(asyncRange(na)))],
  ['takewhile async', () => drainAsync(takewhile((x: number) => x >= 0, asyncRange(na)))],
  ['batched 64 async', () => drainAsync(batched(asyncRange(na), 64))],
  ['pairwise async', () => drainAsync(pairwise(asyncRange(na)))],
];

async function measure(cases: Case[]): Promise<number[]> {
  const times: number[][] = cases.map(() => []);
  for (let w = 0; w < 2; w++) for (const [, f] of cases) sink += await f();
  for (let r = 0; r < rounds; r++) {
    for (let c = 0; c < cases.length; c++) {
      const t0 = performance.now();
      sink += await cases[c]![1]();
      times[c]!.push(performance.now() - t0);
    }
  }
  return times.map((t) => t.sort((a, b) => a - b)[t.length >> 1]!);
}

process.stdout.write(`node ${process.version}, sync n = ${n}, async n = ${na}, median of ${rounds} interleaved rounds\n`);
for (const cases of [sync, asyncCases]) {
  const med = await measure(cases);
  for (let c = 0; c < cases.length; c++) {
    process.stdout.write(`${cases[c]![0].padEnd(24)} ${med[c]!.toFixed(1).padStart(8)} ms  ${(med[c]! / med[0]!).toFixed(2)}x baseline\n`);
  }
}
if (sink === 0.5) process.stdout.write('\n');
