/**
 * Runs a fuzzer child (`test/fuzz/<name>-child.ts`) in its own Node process with a small heap and a
 * time limit, so that a V8 abort (heap out of memory) or a hang is reported as a failure naming the
 * seed and the case, instead of killing the test runner. Used by the fuzz tests and `npm run fuzz`.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const FUZZ_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(FUZZ_DIR, '..', '..');

/** What one child run reported. */
export interface ChildReport {
  /** `fail` lines, parsed. */
  readonly failures: Record<string, unknown>[];
  /** The `done` line, parsed (undefined if the child never got there). */
  readonly done: Record<string, unknown> | undefined;
  /** The last `case` the child started (the culprit of an abort or a hang). */
  readonly lastCase: string | undefined;
  readonly code: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly stderr: string;
}

/** Options of {@link runChild}. */
export interface ChildOptions {
  /** `--max-old-space-size` in MB (default 96). */
  readonly heapMB?: number;
  /** Kill the child after this long (default 60 s). */
  readonly timeoutMs?: number;
}

/** Runs `test/fuzz/<fuzzer>-child.ts` with `args`. */
export function runChild(fuzzer: string, args: readonly string[], options: ChildOptions = {}): Promise<ChildReport> {
  const heap = options.heapMB ?? 96;
  const timeout = options.timeoutMs ?? 60_000;
  const script = join(FUZZ_DIR, `${fuzzer}-child.ts`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${heap}`, '--import', 'tsx', script, ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeout);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (err.length < 20_000) err += d;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const failures: Record<string, unknown>[] = [];
      let done: Record<string, unknown> | undefined;
      let lastCase: string | undefined;
      for (const line of out.split('\n')) {
        if (line.startsWith('case ')) lastCase = line.slice(5);
        else if (line.startsWith('fail ')) failures.push(JSON.parse(line.slice(5)) as Record<string, unknown>);
        else if (line.startsWith('done ')) done = JSON.parse(line.slice(5)) as Record<string, unknown>;
      }
      resolve({ failures, done, lastCase, code, signal, timedOut, stderr: err });
    });
  });
}

/** A one-paragraph account of a bad run, for assertion messages. */
export function explain(fuzzer: string, r: ChildReport): string {
  if (r.timedOut) return `${fuzzer} fuzzer hung (killed by the time limit) in case ${r.lastCase}`;
  if (r.done === undefined) {
    return `${fuzzer} fuzzer child died (exit ${r.code}, signal ${r.signal}) in case ${r.lastCase}:\n${r.stderr.slice(-2000)}`;
  }
  return `${fuzzer} fuzzer: ${r.failures.length} contract violation(s):\n${r.failures
    .slice(0, 5)
    .map((f) => JSON.stringify(f))
    .join('\n')}`;
}

/** True if the run finished and found nothing. */
export function clean(r: ChildReport): boolean {
  return !r.timedOut && r.done !== undefined && r.code === 0 && r.failures.length === 0;
}
