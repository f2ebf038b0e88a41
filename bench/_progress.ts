/**
 * Progress while the benchmarks run, on stderr: a redrawn bar on a terminal, one plain line per step
 * otherwise (CI logs, pipes), or nothing.
 */

/** Where progress goes (process.stderr, or a fake in tests). */
export interface ProgressStream {
  write(s: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** The progress display the runner talks to. */
export interface Progress {
  /** A suite is loading and building its data (before its steps are known). */
  prepare(index: number, total: number, name: string): void;
  /** A suite starts: `index` of `total`, with `steps` timed tasks and memory measurements to do. */
  suite(index: number, total: number, name: string, steps: number): void;
  /**
   * A step starts (`case › task`, or `memory: group › case`). An uncounted step (`counted: false`, e.g. the
   * check before timing) shows its label but takes no number, so the count runs 1..N once and ends at N/N.
   */
  step(label: string, counted?: boolean): void;
  /** The current step finished. */
  done(): void;
  /** A line that must stay visible (a warning, a suite's elapsed time). */
  message(text: string): void;
  /** Erases the bar for a moment so other output can be written (it is redrawn on the next event). */
  clear(): void;
  /** Clears the bar and stops redrawing it. */
  end(): void;
}

/** Seconds since `t0`, one decimal. */
function elapsed(t0: number): string {
  return `${((Date.now() - t0) / 1000).toFixed(1)}s`;
}

/** Renders `[#####-----]` for `done` of `total`. */
export function bar(done: number, total: number, width = 20): string {
  const f = total <= 0 ? 0 : Math.min(width, Math.round((done / total) * width));
  return `[${'#'.repeat(f)}${'-'.repeat(width - f)}]`;
}

/** Creates the display: `bar` redraws one line, `plain` prints a line per step, `none` is silent. */
export function createProgress(mode: 'auto' | 'bar' | 'plain' | 'none', out: ProgressStream, t0 = Date.now()): Progress {
  const kind = mode === 'auto' ? (out.isTTY ? 'bar' : 'plain') : mode;
  let suiteLabel = '';
  let steps = 0;
  let done = 0;
  /** Counted steps started: the plain lines number steps as they start (memory children run two at a time). */
  let started = 0;
  let label = '';
  let timer: ReturnType<typeof setInterval> | undefined;
  let drawn = false;

  const draw = (): void => {
    const width = Math.max(40, (out.columns || 100) - 1);
    let line = `${suiteLabel} ${bar(done, steps)} ${done}/${steps} ${elapsed(t0)}  ${label}`;
    if (line.length > width) line = `${line.slice(0, width - 1)}…`;
    out.write(`\r\x1b[K${line}`);
    drawn = true;
  };
  const clear = (): void => {
    if (drawn) out.write('\r\x1b[K');
    drawn = false;
  };

  if (kind === 'none') {
    return { prepare() {}, suite() {}, step() {}, done() {}, message() {}, clear() {}, end() {} };
  }
  if (kind === 'plain') {
    return {
      prepare(index, total, name) {
        out.write(`[${elapsed(t0)}] [${index}/${total}] ${name}: building the data\n`);
      },
      suite(index, total, name, n) {
        suiteLabel = `[${index}/${total}] ${name}`;
        steps = n;
        done = 0;
        started = 0;
        out.write(`[${elapsed(t0)}] ${suiteLabel}: ${n} steps\n`);
      },
      step(l, counted = true) {
        if (!counted) out.write(`[${elapsed(t0)}] ${suiteLabel}: ${l}\n`);
        else out.write(`[${elapsed(t0)}] ${suiteLabel} ${Math.min(++started, steps)}/${steps}: ${l}\n`);
      },
      done() {
        done++;
      },
      message(text) {
        out.write(`[${elapsed(t0)}] ${text}\n`);
      },
      clear() {},
      end() {},
    };
  }
  const start = (): void => {
    if (timer === undefined) {
      timer = setInterval(draw, 500);
      timer.unref();
    }
  };
  return {
    prepare(index, total, name) {
      suiteLabel = `[${index}/${total}] ${name}`;
      steps = 0;
      done = 0;
      label = 'building the data';
      start();
      draw();
    },
    suite(index, total, name, n) {
      suiteLabel = `[${index}/${total}] ${name}`;
      steps = n;
      done = 0;
      label = '';
      start();
      draw();
    },
    step(l) {
      label = l;
      draw();
    },
    done() {
      done++;
      draw();
    },
    message(text) {
      clear();
      out.write(`${text}\n`);
      draw();
    },
    clear,
    end() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      clear();
    },
  };
}
