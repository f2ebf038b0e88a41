/**
 * Runs one suite: checks every task against its baseline (all cases, before any timing), times each task
 * with tinybench (warm-up right before its own timed window; `repeat` rounds interleaved across tasks),
 * and measures memory in fresh child processes (median of `runs`).
 */
import { Bench } from 'tinybench';
import { assertSameResult, type MemoryGroup, type MemoryRow, type SpeedCase, type SpeedRow, type Suite, type SuiteContext } from './_harness.js';
import { measureInChild } from './_memory.js';
import { taskTimeMs } from './_plan.js';
import type { Progress } from './_progress.js';
import type { SuiteReport } from './_report.js';
import type { Size } from './_harness.js';

/** Timing knobs for the speed cases of one suite. */
export interface SpeedOptions {
  /** Timed window per task, ms (tinybench `time`). */
  readonly taskMs: number;
  /** Times each task is timed; medians are reported. */
  readonly repeat: number;
  readonly progress: Progress;
}

/** Knobs for the memory groups of one suite. */
export interface MemoryOptions {
  /** Path of the CLI script, re-run as the memory child. */
  readonly script: string;
  /** Extra CLI arguments for the child (e.g. `--size quick`). */
  readonly childArgs: readonly string[];
  /** Children per case; the median is reported. */
  readonly runs: number;
  /** Children running at once (memory is per process, so they do not disturb each other's figure). */
  readonly jobs: number;
  /**
   * One child per group (and run) measuring its cases one after another, instead of one child per case: the
   * tiny size, where a node start-up per case was most of the run (see SizePlan.memoryChild).
   */
  readonly perGroup?: boolean;
  readonly progress: Progress;
  /**
   * Measures one case instead of a child process (the browser page, which has no processes; it then needs
   * `jobs: 1`). Resolves to the case's bytes.
   */
  readonly measure?: (group: MemoryGroup, name: string) => Promise<number>;
}

let sink: unknown;

/** Keeps results observable so no task can be optimised away. */
export function consume(): unknown {
  return sink;
}

/** The median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** (max − min) / median, in %; 0 for fewer than two values. */
export function spread(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = median(xs);
  return m === 0 ? 0 : ((Math.max(...xs) - Math.min(...xs)) / Math.abs(m)) * 100;
}

/** Number of timed tasks (baseline included) in `cases`. */
export function countTasks(cases: readonly SpeedCase[]): number {
  return cases.reduce((n, c) => n + 1 + c.tasks.length, 0);
}

/** Task functions whose results are promises (Parquet reads): timed with `await`, the others synchronously. */
const ASYNC_TASKS = new WeakSet<() => unknown>();

function isPromiseLike(x: unknown): x is PromiseLike<unknown> {
  return typeof x === 'object' && x !== null && typeof (x as PromiseLike<unknown>).then === 'function';
}

/** Calls a task once, awaiting it (and remembering that it is async) when it returns a promise. */
async function callOnce(fn: () => unknown): Promise<unknown> {
  const r = fn();
  if (!isPromiseLike(r)) return r;
  ASYNC_TASKS.add(fn);
  return await r;
}

/**
 * Checks every task of every case against its baseline; throws on the first disagreement. Returns how long
 * each call took (ms, per case: baseline first), a rough first estimate used to size the timed runs. A task
 * may return a promise (it is awaited, and timed with `await`).
 */
export async function checkCases(suite: string, cases: readonly SpeedCase[]): Promise<number[][]> {
  const took: number[][] = [];
  for (const c of cases) {
    let t0 = performance.now();
    const expected = await callOnce(c.baseline.fn);
    const times = [performance.now() - t0];
    const check = c.check ?? assertSameResult;
    for (const t of c.tasks) {
      t0 = performance.now();
      const got = await callOnce(t.fn);
      times.push(performance.now() - t0);
      check(got, expected, `${suite} / ${c.name} / ${t.name}`);
    }
    took.push(times);
  }
  return took;
}

interface Sample {
  p50: number;
  rme: number;
  samples: number;
}

/**
 * Times one task in its own Bench (its warm-up right before its timed window). At least 5 timed and 2
 * warm-up iterations; a task whose single call already exceeds the window (`estMs`, from the check call,
 * which also warmed it up) gets 3 timed iterations and no further warm-up, so one slow baseline (a 1 s
 * sort) cannot blow a quick run's budget. The median of 3 still drops one outlier.
 */
async function timeTask(fn: () => unknown, name: string, taskMs: number, estMs: number): Promise<Sample> {
  const slow = estMs > taskMs;
  const bench = new Bench({
    time: taskMs,
    warmupTime: Math.max(1, Math.round(taskMs / 4)),
    iterations: slow ? 3 : 5,
    warmup: !slow,
    warmupIterations: 2,
  });
  if (ASYNC_TASKS.has(fn)) {
    bench.add(name, async () => {
      sink = await fn();
    });
  } else {
    bench.add(name, () => {
      sink = fn();
    });
  }
  await bench.run();
  const r = bench.tasks[0]!.result;
  if (r.state !== 'completed') {
    const why = r.state === 'errored' ? String((r as { error?: unknown }).error) : r.state;
    throw new Error(`did not complete: ${why}`);
  }
  return { p50: r.latency.p50, rme: r.latency.rme, samples: r.latency.samplesCount };
}

/** Times already-checked speed cases; rows in case order, baseline first. */
export async function timeCases(suite: string, cases: readonly SpeedCase[], opts: SpeedOptions, estimates: readonly (readonly number[])[] = []): Promise<SpeedRow[]> {
  const rows: SpeedRow[] = [];
  for (const [ci, c] of cases.entries()) {
    const all = [c.baseline, ...c.tasks];
    const runs: Sample[][] = all.map(() => []);
    for (let r = 0; r < opts.repeat; r++) {
      for (let k = 0; k < all.length; k++) {
        const t = all[k]!;
        opts.progress.step(`${c.name} › ${t.name}${opts.repeat > 1 ? ` (round ${r + 1}/${opts.repeat})` : ''}`);
        try {
          runs[k]!.push(await timeTask(t.fn, t.name, opts.taskMs, estimates[ci]?.[k] ?? 0));
        } catch (e) {
          throw new Error(`benchmark task ${suite} / ${c.name} / ${t.name} ${(e as Error).message}`);
        }
        opts.progress.done();
      }
    }
    const base = runs[0]!;
    const baseP50 = median(base.map((s) => s.p50));
    for (let k = 0; k < all.length; k++) {
      const t = all[k]!;
      const s = runs[k]!;
      const p50s = s.map((x) => x.p50);
      const p50 = median(p50s);
      rows.push({
        suite,
        case: c.name,
        task: t.name,
        baseline: k === 0,
        reference: k > 0 && t.reference === true,
        hz: 1000 / p50,
        p50,
        rme: median(s.map((x) => x.rme)),
        samples: s.reduce((n, x) => n + x.samples, 0),
        ratio: baseP50 / p50,
        repeats: s.length,
        spread: spread(p50s),
        ratios: s.map((x, r) => base[r]!.p50 / x.p50),
      });
    }
  }
  return rows;
}

/** Checks, then times every speed case of `suite` (kept for callers of the first harness). */
export async function runSpeed(suite: Suite, ctx: SuiteContext, opts: SpeedOptions): Promise<SpeedRow[]> {
  const cases = await suite.speed(ctx);
  return timeCases(suite.name, cases, opts, await checkCases(suite.name, cases));
}

/** Number of child runs `groups` will take. */
export function countMemoryRuns(groups: readonly MemoryGroup[], runs: number): number {
  return groups.reduce((n, g) => n + (1 + g.cases.length) * runs, 0);
}

/** Runs `jobs` at most `limit` at a time, in order of start; resolves to results in input order. */
export async function pool<T>(jobs: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out = new Array<T>(jobs.length);
  let next = 0;
  let failed: unknown;
  const worker = async (): Promise<void> => {
    while (next < jobs.length && failed === undefined) {
      const i = next++;
      try {
        out[i] = await jobs[i]!();
      } catch (e) {
        failed ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, jobs.length)) }, worker));
  if (failed !== undefined) throw failed;
  return out;
}

/**
 * Measures every memory group of `suite`: each case `runs` times, each run in a fresh child (or, with
 * `perGroup`, each run of a group in one child that measures its cases one after another).
 */
export async function measureGroups(suite: string, groups: readonly MemoryGroup[], rows: number, opts: MemoryOptions): Promise<MemoryRow[]> {
  const index: { g: MemoryGroup; c: string; base: boolean; reference: boolean }[] = [];
  /** Bytes of each run, per entry of `index`. */
  const measured: number[][] = [];
  const jobs: (() => Promise<void>)[] = [];
  const label = (g: MemoryGroup, c: string, r: number): string => `memory: ${g.name} › ${c}${opts.runs > 1 ? ` (run ${r + 1}/${opts.runs})` : ''}`;
  for (const g of groups) {
    const first = index.length;
    const names = [g.baseline, ...g.cases].map((c) => c.name);
    for (const c of [g.baseline, ...g.cases]) {
      index.push({ g, c: c.name, base: c === g.baseline, reference: c !== g.baseline && c.reference === true });
      measured.push([]);
    }
    for (let r = 0; r < opts.runs; r++) {
      if (opts.perGroup && !opts.measure) {
        jobs.push(async () => {
          let k = 0;
          opts.progress.step(label(g, names[0]!, r));
          await measureInChild(opts.script, suite, g, undefined, rows, opts.childArgs, (res) => {
            const at = names.indexOf(res.case);
            if (at < 0 || at !== k) throw new Error(`memory child ${suite}/${g.name}: unexpected case ${res.case}`);
            measured[first + at]!.push(res.bytes);
            opts.progress.done();
            if (++k < names.length) opts.progress.step(label(g, names[k]!, r));
          });
        });
        continue;
      }
      names.forEach((c, at) => {
        jobs.push(async () => {
          opts.progress.step(label(g, c, r));
          const bytes = opts.measure ? await opts.measure(g, c) : (await measureInChild(opts.script, suite, g, c, rows, opts.childArgs))[0]!.bytes;
          measured[first + at]!.push(bytes);
          opts.progress.done();
        });
      });
    }
  }
  await pool(jobs, opts.jobs);
  const out: MemoryRow[] = [];
  let baseBytes = NaN;
  index.forEach((x, i) => {
    const runs = measured[i]!;
    const b = median(runs);
    if (x.base) baseBytes = b;
    out.push({
      suite,
      group: x.g.name,
      case: x.c,
      unit: x.g.unit,
      baseline: x.base,
      reference: x.reference,
      n: rows,
      bytes: b,
      bytesPerItem: b / rows,
      ratio: b > 0 && baseBytes > 0 ? baseBytes / b : NaN,
      runs: runs.length,
      spread: spread(runs),
    });
  });
  return out;
}

/** Measures every memory group of `suite` (kept for callers of the first harness). */
export async function runMemory(suite: Suite, ctx: SuiteContext, opts: MemoryOptions): Promise<MemoryRow[]> {
  return measureGroups(suite.name, (await suite.memory?.(ctx)) ?? [], ctx.rows, opts);
}

/** What one suite run is asked for (the CLI's options, or the browser page's). */
export interface SuitePlan {
  readonly rows: number;
  readonly size: Size;
  readonly repeat: number;
  /** Fixed timed window per task, ms; 0 = from the size plan. */
  readonly time: number;
  readonly memory: boolean;
  readonly memoryRuns: number;
}

/**
 * Runs one suite as `compactly-bench` does, in Node or in the browser page: builds its cases (reporting
 * `prepare` first), checks every task against its baseline, times them, then measures memory. A failed memory
 * measurement keeps the speed results: it becomes a note and `memoryError`. Other failures throw.
 */
export async function runSuite(
  name: string,
  place: { readonly index: number; readonly total: number },
  load: () => Promise<Suite>,
  ctx: SuiteContext,
  notes: string[],
  plan: SuitePlan,
  progress: Progress,
  memory: Omit<MemoryOptions, 'runs' | 'progress'>,
): Promise<{ report: SuiteReport; memoryError?: string }> {
  const started = Date.now();
  progress.prepare(place.index, place.total, name);
  const suite = await load();
  let title = suite.title;
  const runCtx: SuiteContext = { ...ctx, setTitle: (t) => void (title = t) };
  const cases = await suite.speed(runCtx);
  const groups = plan.memory ? ((await suite.memory?.(runCtx)) ?? []) : [];
  const taskMs = taskTimeMs(plan, countTasks(cases));
  progress.suite(place.index, place.total, name, countTasks(cases) * plan.repeat + countMemoryRuns(groups, plan.memoryRuns));
  progress.step('checking every task against its baseline', false);
  const estimates = await checkCases(name, cases);
  const speed = await timeCases(name, cases, { taskMs, repeat: plan.repeat, progress }, estimates);
  let rows: MemoryRow[] = [];
  let memoryError: string | undefined;
  try {
    rows = await measureGroups(name, groups, plan.rows, { ...memory, runs: plan.memoryRuns, progress });
  } catch (e) {
    memoryError = `memory: ${e instanceof Error ? e.message : String(e)}`;
    notes.push(`memory measurement failed: ${memoryError}`);
  }
  const report: SuiteReport = { name, title, notes, elapsedMs: Date.now() - started, taskMs, headline: suite.headline, speed, memory: rows };
  return memoryError === undefined ? { report } : { report, memoryError };
}
