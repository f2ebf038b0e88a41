/**
 * The benchmark model: a suite per capability, made of speed cases (one question, a plain-JS baseline
 * and the ways compactly answers it) and memory groups (bytes per item, measured in a fresh child).
 */

/** Benchmark sizes: rows per case. `tiny` is the CI smoke run. */
export type Size = 'tiny' | 'quick' | 'default' | 'large';

/** Rows used for each size unless `--rows` overrides them. */
export const SIZE_ROWS: Readonly<Record<Size, number>> = { tiny: 2_000, quick: 200_000, default: 1_000_000, large: 10_000_000 };

/** What a suite is given to build its cases. */
export interface SuiteContext {
  /** Rows (elements, records) per case. */
  readonly rows: number;
  /** The size the user picked. */
  readonly size: Size;
  /** Loads an optional package (apache-arrow, papaparse, …), or `undefined` if it is not installed. */
  readonly optional: <T = unknown>(pkg: string) => Promise<T | undefined>;
  /** Records a note printed under the suite's table (e.g. "apache-arrow not installed: skipped"). */
  readonly note: (text: string) => void;
  /**
   * Replaces the suite's title for this run, when the baselines it names depend on what is installed (the
   * section title, the table and the chart must name the baseline that actually ran).
   */
  readonly setTitle?: (title: string) => void;
}

/** One way of answering a speed case. `fn` must return its result (it is checked, then sunk). */
export interface SpeedTask {
  readonly name: string;
  readonly fn: () => unknown;
  /**
   * A reference point rather than a compactly API: the raw TypedArray loop (the physical limit) or another
   * library. Reported like any task, but never picked as a suite's headline in the summary.
   */
  readonly reference?: boolean;
}

/** One question answered several ways; every task's result is checked against the baseline's first. */
export interface SpeedCase {
  /** What is measured, e.g. `push 1e6 doubles one by one`. */
  readonly name: string;
  /** The plain-JS way a user would write it today. */
  readonly baseline: SpeedTask;
  /** compactly's ways (and other libraries', named as such). */
  readonly tasks: readonly SpeedTask[];
  /**
   * Compares a task's result with the baseline's; throws (with a message) if they disagree.
   * Defaults to {@link assertSameResult}.
   */
  readonly check?: (got: unknown, expected: unknown, task: string) => void;
}

/** One structure whose memory is measured. `build(n)` returns it; the child keeps it alive. */
export interface MemoryCase {
  readonly name: string;
  readonly build: (n: number) => unknown;
  /** A reference point (the raw TypedArray: the physical limit, or another library), not compactly. */
  readonly reference?: boolean;
}

/** A memory comparison: the baseline's bytes per item against each case's. */
export interface MemoryGroup {
  /** What is stored, e.g. `float64 elements` or `{x, y, z: float64} records`. */
  readonly name: string;
  /** The unit `n` counts (`element`, `record`, `row`). */
  readonly unit: string;
  readonly baseline: MemoryCase;
  readonly cases: readonly MemoryCase[];
}

/** A benchmark suite: one per capability. */
export interface Suite {
  /** CLI name (`vector`, `categorical`, …). */
  readonly name: string;
  /** Human title (`Vector vs number[]`). */
  readonly title: string;
  /** Builds the speed cases (may load optional packages). */
  readonly speed: (ctx: SuiteContext) => SpeedCase[] | Promise<SpeedCase[]>;
  /** Memory groups; each case is measured in its own fresh `node --expose-gc` child. */
  readonly memory?: (ctx: SuiteContext) => MemoryGroup[] | Promise<MemoryGroup[]>;
  /**
   * The case / group whose ratios go into the summary table and the chart. `task` names the task of the
   * `speed` case to report (default: its first task that is not a `reference`); `memoryCase` the case of the
   * `memory` group (default: its first case that is not a `reference`).
   */
  readonly headline: {
    readonly speed: string;
    readonly memory?: string;
    readonly task?: string;
    readonly memoryCase?: string;
  };
}

/** Throws unless `got` and `expected` hold the same values (numbers within a relative 1e-9, NaN equals NaN). */
export function assertSameResult(got: unknown, expected: unknown, task: string): void {
  const why = difference(got, expected, '');
  if (why !== undefined) {
    throw new Error(`benchmark task "${task}" disagrees with its baseline${why.startsWith(':') ? why : ` at ${why}`}`);
  }
}

function difference(a: unknown, b: unknown, path: string): string | undefined {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a) && Number.isNaN(b)) return undefined;
    if (a === b) return undefined;
    const scale = Math.max(1, Math.abs(a), Math.abs(b));
    return Math.abs(a - b) / scale <= 1e-9 ? undefined : `${path}: ${a} !== ${b}`;
  }
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    return BigInt(a as bigint) === BigInt(b as bigint) ? undefined : `${path}: ${String(a)} !== ${String(b)}`;
  }
  if (isListLike(a) && isListLike(b)) {
    if (a.length !== b.length) return `${path}: length ${a.length} !== ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = difference(a[i], b[i], `${path}[${i}]`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return `${path}: map size ${a.size} !== ${b.size}`;
    for (const [k, v] of b) {
      if (!a.has(k)) return `${path}: missing key ${String(k)}`;
      const d = difference(a.get(k), v, `${path}.get(${String(k)})`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = Object.keys(b);
    if (Object.keys(a).length !== keys.length) return `${path}: different keys`;
    for (const k of keys) {
      const d = difference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d !== undefined) return d;
    }
    return undefined;
  }
  return Object.is(a, b) || a === b ? undefined : `${path}: ${String(a)} !== ${String(b)}`;
}

function isListLike(x: unknown): x is ArrayLike<unknown> {
  return Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));
}

/** Result of one timed task. */
export interface SpeedRow {
  suite: string;
  case: string;
  task: string;
  baseline: boolean;
  /** A reference point (raw loop, other library), not compactly. */
  reference: boolean;
  /** operations per second = 1 / median latency (the median over repeats). */
  hz: number;
  /** median latency, ms (the median over repeats of each repeat's median). */
  p50: number;
  /** relative margin of error of the mean latency, % (the median over repeats). */
  rme: number;
  /** timed iterations, summed over repeats. */
  samples: number;
  /** hz / baseline hz (> 1 is faster). */
  ratio: number;
  /** how many times the task was timed (`--repeat`). */
  repeats: number;
  /** (max − min) / median of the per-repeat medians, % (0 with one repeat). */
  spread: number;
  /** the per-repeat ratios to the baseline of the same repeat. */
  ratios: number[];
  /**
   * With `--mixed`: the ratio to the baseline of the same task timed before any dtype was exercised (the
   * fresh-process figure), shown beside `ratio` (the mixed-process figure).
   */
  freshRatio?: number;
}

/** Result of one memory case. */
export interface MemoryRow {
  suite: string;
  group: string;
  case: string;
  unit: string;
  baseline: boolean;
  /** A reference point (physical limit, other library), not compactly. */
  reference: boolean;
  n: number;
  /** Δ heapUsed + Δ external after GC: the median over `runs` children. */
  bytes: number;
  bytesPerItem: number;
  /** baseline bytes / case bytes (> 1 is smaller). */
  ratio: number;
  /** how many fresh children measured this case. */
  runs: number;
  /** (max − min) / median of the runs' bytes, % (0 with one run). */
  spread: number;
}
