/**
 * Two-key groupBy and valueCounts against one key (issue 15: "two-key groupBy over 3M rows with ~50k groups
 * ≤ 1.5x the one-key time"). 3M rows, keys `a` and `b` Categoricals of 300 categories each, `b` drawn within
 * 170 categories of `a` (300 × 170 = 51,000 observed combinations of the 90,000), a float64 value `x`.
 * Every case runs once per round, interleaved, after one warm-up round; CPU time of the process, median of
 * `--runs` (ratios come from the same rounds). Raw loops over the codes (no checks, no output) give the
 * limit: what the scatter alone costs into a 300-slot table and into a 90,000-slot one, one row a step and
 * four rows a step, for a sum (groupBy) and for a count (valueCounts). Each limit loop is written out on its own
 * (`duplicates` pairs them with each other and with record-store/group-kernels.ts): shared through a callback or
 * a mode flag, or with the library's kernels, they would no longer be the raw loop they stand for.
 *
 * A round takes a few ms per case and the first rounds run before V8 has tiered every kernel up, so the median
 * is taken over 41 rounds by default (with 5–7 the medians moved by 1.5x between runs on an idle machine).
 *
 *   npx tsx bench/group-keys.ts                 # 3,000,000 rows, median of 41 (~20 s)
 *   npx tsx bench/group-keys.ts --rows 1000000 --runs 7
 */
import { Categorical, RecordStore } from '../src/index.js';
import { rng } from './_data.js';

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)]!;
}

/** The store: `a`, `b` category (300 each, ~51k combinations), `x` float64. */
export function keyStore(n: number): RecordStore {
  const r = rng(15);
  const names = Array.from({ length: 300 }, (_, i) => `c${i}`);
  const a = new Int16Array(n);
  const b = new Int16Array(n);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const ca = Math.floor(r() * 300);
    a[i] = ca;
    b[i] = (ca + Math.floor(r() * 170)) % 300;
    x[i] = Math.round(r() * 1000) / 8;
  }
  return RecordStore.fromColumns({ a: Categorical.fromCodes(a, names), b: Categorical.fromCodes(b, names), x }, { a: 'category', b: 'category', x: 'float64' });
}

/** One case's median CPU time and every round's. */
export interface KeyCase {
  readonly name: string;
  readonly ms: number;
  readonly rounds: readonly number[];
}

/**
 * Times the cases (one key, then two keys, for groupBy sum, groupBy sum/mean/count and valueCounts), after
 * checking that the two-key sums add up to the one-key sums. Returns the two-key group count and the cases.
 */
export function keyRatios(rows: number, runs: number): { groups: number; cases: KeyCase[] } {
  const store = keyStore(rows);
  const codesA = (store.column('a') as Categorical).codes as Int16Array;
  const codesB = (store.column('b') as Categorical).codes as Int16Array;
  const x = store.column('x') as Float64Array;
  const cases: [string, () => unknown][] = [
    ["groupBy('a') sum x", () => store.groupBy('a').agg({ sx: ['sum', 'x'] })],
    ["groupBy(['a', 'b']) sum x", () => store.groupBy(['a', 'b']).agg({ sx: ['sum', 'x'] })],
    ["groupBy('a') sum, mean, count", () => store.groupBy('a').agg({ sx: ['sum', 'x'], mx: ['mean', 'x'], n: ['count'] })],
    ["groupBy(['a', 'b']) sum, mean, count", () => store.groupBy(['a', 'b']).agg({ sx: ['sum', 'x'], mx: ['mean', 'x'], n: ['count'] })],
    ["valueCounts('a')", () => store.valueCounts('a')],
    ["valueCounts(['a', 'b'])", () => store.valueCounts(['a', 'b'])],
    ['(limit) raw loop: out[a[i]] += x[i]', () => rawSum1(codesA, x, 300)],
    ['(limit) raw loop: out[a[i] * 300 + b[i]] += x[i]', () => rawSum(codesA, codesB, 300, x, 90_000)],
    ['(limit) the same, four rows a step: one key', () => rawSum41(codesA, x, 300)],
    ['(limit) the same, four rows a step: two keys', () => rawSum4(codesA, codesB, 300, x, 90_000)],
    ['(limit) a count, four rows a step: one key', () => rawCount41(codesA, 300)],
    ['(limit) a count, four rows a step: two keys', () => rawCount4(codesA, codesB, 300, 90_000)],
  ];
  const one = cases[0]![1]() as RecordStore;
  const two = cases[1]![1]() as RecordStore;
  const perA = new Map<unknown, number>();
  const ta = two.column('a') as Categorical;
  const tsx = two.column('sx') as Float64Array;
  for (let g = 0; g < two.length; g++) perA.set(ta.get(g), (perA.get(ta.get(g)) ?? 0) + tsx[g]!);
  const oa = one.column('a') as Categorical;
  const osx = one.column('sx') as Float64Array;
  for (let g = 0; g < one.length; g++) {
    if (Math.abs(perA.get(oa.get(g))! - osx[g]!) > 1e-6 * Math.abs(osx[g]!)) throw new Error(`two-key sums of ${String(oa.get(g))} do not add up to the one-key sum`);
  }
  const cpu: number[][] = cases.map(() => []);
  for (let round = -1; round < runs; round++) {
    for (let c = 0; c < cases.length; c++) {
      const c0 = cpuMs();
      cases[c]![1]();
      if (round >= 0) cpu[c]!.push(cpuMs() - c0);
    }
  }
  return { groups: two.length, cases: cases.map(([name], c) => ({ name, ms: median(cpu[c]!), rounds: cpu[c]! })) };
}

/**
 * The physical limit of a sum by group: the scatter alone over the codes, with no checks, into a table of
 * `size` slots (300 for one key; 90,000 for two, which no longer fits the L1 cache).
 */
function rawSum(a: Int16Array, b: Int16Array, kb: number, x: Float64Array, size: number): Float64Array {
  const out = new Float64Array(size);
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const g = a[i]! * kb + b[i]!;
    out[g] = out[g]! + x[i]!;
  }
  return out;
}

/**
 * {@link rawSum} four rows a step: when the four slots differ, all four are loaded before any is stored, so the
 * loads overlap instead of each waiting for the previous row's store (the kernels' pattern,
 * record-store/group-kernels.ts; docs/internals/performance.md, "Four rows per scatter step").
 */
function rawSum4(a: Int16Array, b: Int16Array, kb: number, x: Float64Array, size: number): Float64Array {
  const out = new Float64Array(size);
  const n = x.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const g0 = a[i]! * kb + b[i]!;
    const g1 = a[i + 1]! * kb + b[i + 1]!;
    const g2 = a[i + 2]! * kb + b[i + 2]!;
    const g3 = a[i + 3]! * kb + b[i + 3]!;
    if (g0 === g1 || g0 === g2 || g0 === g3 || g1 === g2 || g1 === g3 || g2 === g3) {
      for (let j = i; j < i + 4; j++) {
        const g = a[j]! * kb + b[j]!;
        out[g] = out[g]! + x[j]!;
      }
      continue;
    }
    const s0 = out[g0]!;
    const s1 = out[g1]!;
    const s2 = out[g2]!;
    const s3 = out[g3]!;
    out[g0] = s0 + x[i]!;
    out[g1] = s1 + x[i + 1]!;
    out[g2] = s2 + x[i + 2]!;
    out[g3] = s3 + x[i + 3]!;
  }
  for (; i < n; i++) {
    const g = a[i]! * kb + b[i]!;
    out[g] = out[g]! + x[i]!;
  }
  return out;
}

/** {@link rawSum4} over one key. */
function rawSum41(a: Int16Array, x: Float64Array, size: number): Float64Array {
  const out = new Float64Array(size);
  const n = x.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const g0 = a[i]!;
    const g1 = a[i + 1]!;
    const g2 = a[i + 2]!;
    const g3 = a[i + 3]!;
    if (g0 === g1 || g0 === g2 || g0 === g3 || g1 === g2 || g1 === g3 || g2 === g3) {
      for (let j = i; j < i + 4; j++) out[a[j]!] = out[a[j]!]! + x[j]!;
      continue;
    }
    const s0 = out[g0]!;
    const s1 = out[g1]!;
    const s2 = out[g2]!;
    const s3 = out[g3]!;
    out[g0] = s0 + x[i]!;
    out[g1] = s1 + x[i + 1]!;
    out[g2] = s2 + x[i + 2]!;
    out[g3] = s3 + x[i + 3]!;
  }
  for (; i < n; i++) out[a[i]!] = out[a[i]!]! + x[i]!;
  return out;
}

/**
 * The limit of valueCounts: a count per group, four rows a step as {@link rawSum4}, into float64 slots for one key
 * (as the one-key kernel) and Int32 slots for two (as the pair count kernel: 360 KB for 90,000 slots).
 */
function rawCount4(a: Int16Array, b: Int16Array, kb: number, size: number): Int32Array {
  const out = new Int32Array(size);
  const n = a.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const g0 = a[i]! * kb + b[i]!;
    const g1 = a[i + 1]! * kb + b[i + 1]!;
    const g2 = a[i + 2]! * kb + b[i + 2]!;
    const g3 = a[i + 3]! * kb + b[i + 3]!;
    if (g0 === g1 || g0 === g2 || g0 === g3 || g1 === g2 || g1 === g3 || g2 === g3) {
      for (let j = i; j < i + 4; j++) {
        const g = a[j]! * kb + b[j]!;
        out[g] = out[g]! + 1;
      }
      continue;
    }
    const s0 = out[g0]!;
    const s1 = out[g1]!;
    const s2 = out[g2]!;
    const s3 = out[g3]!;
    out[g0] = s0 + 1;
    out[g1] = s1 + 1;
    out[g2] = s2 + 1;
    out[g3] = s3 + 1;
  }
  for (; i < n; i++) {
    const g = a[i]! * kb + b[i]!;
    out[g] = out[g]! + 1;
  }
  return out;
}

/** {@link rawCount4} over one key. */
function rawCount41(a: Int16Array, size: number): Float64Array {
  const out = new Float64Array(size);
  const n = a.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const g0 = a[i]!;
    const g1 = a[i + 1]!;
    const g2 = a[i + 2]!;
    const g3 = a[i + 3]!;
    if (g0 === g1 || g0 === g2 || g0 === g3 || g1 === g2 || g1 === g3 || g2 === g3) {
      for (let j = i; j < i + 4; j++) out[a[j]!] = out[a[j]!]! + 1;
      continue;
    }
    const s0 = out[g0]!;
    const s1 = out[g1]!;
    const s2 = out[g2]!;
    const s3 = out[g3]!;
    out[g0] = s0 + 1;
    out[g1] = s1 + 1;
    out[g2] = s2 + 1;
    out[g3] = s3 + 1;
  }
  for (; i < n; i++) out[a[i]!] = out[a[i]!]! + 1;
  return out;
}

/** {@link rawSum} over one key. */
function rawSum1(a: Int16Array, x: Float64Array, size: number): Float64Array {
  const out = new Float64Array(size);
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const g = a[i]!;
    out[g] = out[g]! + x[i]!;
  }
  return out;
}

function main(argv: string[]): void {
  let rows = 3_000_000;
  let runs = 41;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--rows') rows = Number(argv[++i]);
    else if (argv[i] === '--runs') runs = Number(argv[++i]);
  }
  const { groups, cases } = keyRatios(rows, runs);
  console.log(`${rows.toLocaleString('en-US')} rows, ${groups.toLocaleString('en-US')} two-key groups; CPU ms, median of ${runs}, interleaved`);
  for (let c = 0; c < cases.length; c++) {
    const ratio = c % 2 === 1 ? `  ${(cases[c]!.ms / cases[c - 1]!.ms).toFixed(2)}x one key` : '';
    console.log(`${cases[c]!.name.padEnd(40)} ${cases[c]!.ms.toFixed(1).padStart(7)} ms  [${cases[c]!.rounds.map((t) => t.toFixed(0)).join(' ')}]${ratio}`);
  }
}

if (process.argv[1]?.endsWith('group-keys.ts')) main(process.argv.slice(2));
