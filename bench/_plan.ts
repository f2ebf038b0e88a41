/**
 * How hard each size works (rows come from bench/_harness.ts): time budgets and memory runs, and the timed
 * window of one task. No Node imports: the `--browser` page uses it too.
 */
import type { Size } from './_harness.js';
import type { Options } from './_options.js';

/** The sizes, smallest first. */
export const SIZES: readonly Size[] = ['tiny', 'quick', 'default', 'large'];

/** How hard one size works: time budgets and memory runs. */
export interface SizePlan {
  /** Time budget for the speed cases of one suite, ms (spread over its tasks and repeats). */
  readonly suiteBudgetMs: number;
  /** Bounds of the timed window of one task, ms. */
  readonly minTaskMs: number;
  readonly maxTaskMs: number;
  /** Fresh children per memory case (the median is reported). */
  readonly memoryRuns: number;
  /**
   * What one memory child measures: one `case` (no JIT or heap state shared with any other case), or a whole
   * `group`, its cases one after another (each after a throwaway build and full GCs; one node start-up per
   * group instead of per case). Only the tiny smoke run shares: at 200,000 rows the two agree within 3% on
   * every case but readParquet, whose lazily allocated reader state the shared child had already paid for
   * (18.3 against 22.4 bytes per row, measured).
   */
  readonly memoryChild: 'case' | 'group';
  /** Most rounds of full GCs a memory child waits for the heap to stop moving, before and after a build. */
  readonly memorySettleRounds: number;
  /** Wall time a whole suite (data, checks, timing, memory) should stay under on an idle 2-core machine, ms. */
  readonly suiteWallMs: number;
}

/**
 * The plans. `quick` keeps every suite (speed + memory) to about 10 s so that all suites finish in about a
 * minute on 2 cores; `default` and `large` take their time and measure memory 3 times.
 */
export const SIZE_PLANS: Readonly<Record<Size, SizePlan>> = {
  tiny: { suiteBudgetMs: 200, minTaskMs: 2, maxTaskMs: 10, memoryRuns: 1, memoryChild: 'group', memorySettleRounds: 2, suiteWallMs: 5_000 },
  quick: { suiteBudgetMs: 3_000, minTaskMs: 25, maxTaskMs: 150, memoryRuns: 1, memoryChild: 'case', memorySettleRounds: 8, suiteWallMs: 12_000 },
  default: { suiteBudgetMs: 30_000, minTaskMs: 150, maxTaskMs: 1_000, memoryRuns: 3, memoryChild: 'case', memorySettleRounds: 8, suiteWallMs: 120_000 },
  large: { suiteBudgetMs: 90_000, minTaskMs: 400, maxTaskMs: 3_000, memoryRuns: 3, memoryChild: 'case', memorySettleRounds: 8, suiteWallMs: 900_000 },
};

/** The timed window of one task: the suite budget spread over its tasks and repeats, within the plan's bounds. */
export function taskTimeMs(o: Pick<Options, 'time' | 'repeat' | 'size'>, tasks: number): number {
  if (o.time > 0) return o.time;
  const p = SIZE_PLANS[o.size];
  const share = p.suiteBudgetMs / Math.max(1, tasks * o.repeat);
  return Math.round(Math.min(p.maxTaskMs, Math.max(p.minTaskMs, share)));
}
