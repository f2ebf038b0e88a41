/**
 * The JSON report (`--json FILE`), schema `compactly-bench/1`. Documented in docs/benchmarks.md; fields
 * are only ever added within a schema version, never renamed or removed. Numbers that could not be
 * measured (NaN, ±Infinity) are written as `null`.
 */
import type { Size } from './_harness.js';
import { SIZE_PLANS } from './_plan.js';
import type { Environment, Noise, SuiteReport, SummaryRow } from './_report.js';

/** The schema tag written in every report. */
export const SCHEMA = 'compactly-bench/1';

/** The whole report. */
export interface BenchReport {
  schema: typeof SCHEMA;
  /** The compactly version that ran the benchmarks (`unknown` if its package.json was not found). */
  compactly: string;
  environment: Environment;
  options: {
    suites: string[];
    size: Size;
    rows: number;
    repeat: number;
    /** Children per memory case (0 when `--no-memory`). */
    memoryRuns: number;
    /** The fixed `--time` per task, or null when derived from the size budget (see each suite's `taskMs`). */
    timeMs: number | null;
  };
  suites: SuiteReport[];
  summary: SummaryRow[];
  noise: Noise;
  /** Suites that failed (a task disagreed with its baseline, or threw); the run exits 1. */
  errors: { suite: string; message: string }[];
  /** Suites skipped because an optional package they need is not installed (the run still exits 0). */
  skipped?: { suite: string; reason: string }[];
  /** Wall time of the whole run, ms. */
  elapsedMs: number;
}

/** Serialises a report: NaN and infinities become null, two-space indentation, trailing newline. */
export function toJson(report: BenchReport): string {
  return `${JSON.stringify(report, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}

/** How memory was measured, in words (`median of 3 fresh child processes per case`, …). */
export function memoryMethod(report: BenchReport): string {
  const n = report.options.memoryRuns;
  if (!n) return 'not measured';
  if (report.environment.browser !== undefined) return `performance.measureUserAgentSpecificMemory() in the page, median of ${n} run${n > 1 ? 's' : ''} per case`;
  if (SIZE_PLANS[report.options.size]?.memoryChild === 'group') {
    return `median of ${n} fresh child process${n > 1 ? 'es' : ''} per group, its cases measured one after another`;
  }
  return `median of ${n} fresh child process${n > 1 ? 'es' : ''} per case`;
}
