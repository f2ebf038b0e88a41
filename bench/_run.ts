/**
 * Runs one suite: checks every task against its baseline, times the tasks with tinybench, and measures
 * memory in child processes.
 */
import { Bench } from 'tinybench';
import { assertSameResult, type MemoryRow, type SpeedRow, type Suite, type SuiteContext } from './_harness.js';
import { measureInChild } from './_memory.js';

/** Timing knobs. */
export interface RunOptions {
  /** Time budget per task, ms. */
  readonly time: number;
  /** Warm-up budget per task, ms. */
  readonly warmupTime: number;
  /** Path of the CLI script, re-run as the memory child. */
  readonly script: string;
  /** Progress callback. */
  readonly progress: (text: string) => void;
}

let sink: unknown;

/** Keeps results observable so no task can be optimised away. */
export function consume(): unknown {
  return sink;
}

/** Times every speed case of `suite`. */
export async function runSpeed(suite: Suite, ctx: SuiteContext, opts: RunOptions): Promise<SpeedRow[]> {
  const rows: SpeedRow[] = [];
  const cases = await suite.speed(ctx);
  for (const c of cases) {
    const expected = c.baseline.fn();
    const check = c.check ?? assertSameResult;
    for (const t of c.tasks) check(t.fn(), expected, `${suite.name} / ${c.name} / ${t.name}`);
    const bench = new Bench({ time: opts.time, warmupTime: opts.warmupTime, iterations: 3, warmupIterations: 2 });
    const all = [c.baseline, ...c.tasks];
    for (const t of all) {
      const fn = t.fn;
      bench.add(t.name, () => {
        sink = fn();
      });
    }
    const started = Date.now();
    opts.progress(`${suite.name}: ${c.name} (${all.length} tasks)`);
    await bench.run();
    opts.progress(`${suite.name}: ${c.name} done in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    let baseHz = NaN;
    for (const task of bench.tasks) {
      const r = task.result;
      if (r.state !== 'completed') {
        const why = r.state === 'errored' ? String((r as { error?: unknown }).error) : r.state;
        throw new Error(`benchmark task ${suite.name} / ${c.name} / ${task.name} did not complete: ${why}`);
      }
      const hz = 1000 / r.latency.p50;
      const isBase = task.name === c.baseline.name;
      if (isBase) baseHz = hz;
      rows.push({
        suite: suite.name,
        case: c.name,
        task: task.name,
        baseline: isBase,
        hz,
        p50: r.latency.p50,
        rme: r.latency.rme,
        samples: r.latency.samplesCount,
        ratio: NaN,
      });
    }
    for (const row of rows) if (row.case === c.name) row.ratio = row.hz / baseHz;
  }
  return rows;
}

/** Measures every memory case of `suite`, each in a fresh child. */
export async function runMemory(suite: Suite, ctx: SuiteContext, opts: RunOptions): Promise<MemoryRow[]> {
  const rows: MemoryRow[] = [];
  const groups = (await suite.memory?.(ctx)) ?? [];
  for (const g of groups) {
    opts.progress(`${suite.name}: memory of ${g.name}`);
    const all = [g.baseline, ...g.cases];
    let baseBytes = NaN;
    for (const c of all) {
      const r = await measureInChild(opts.script, suite.name, g, c.name, ctx.rows);
      const isBase = c === g.baseline;
      if (isBase) baseBytes = r.bytes;
      rows.push({
        suite: suite.name,
        group: g.name,
        case: c.name,
        unit: g.unit,
        baseline: isBase,
        n: r.n,
        bytes: r.bytes,
        bytesPerItem: r.bytes / r.n,
        ratio: baseBytes / r.bytes,
      });
    }
  }
  return rows;
}
