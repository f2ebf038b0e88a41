/**
 * Memory measurement in fresh `node --expose-gc` children: one per case (quick, default and large), so no
 * JIT or heap state leaks between cases, or at tiny size one per group whose cases are measured one after
 * another (a node start-up per case was most of a tiny run). bytes = Δ heapUsed + Δ external after full GCs
 * (`external` already includes array buffers).
 */
import type { MemoryGroup, Suite, SuiteContext } from './_harness.js';
import { SIZE_PLANS } from './_plan.js';

/** What a child prints (one JSON line). */
export interface ChildResult {
  /** The case measured. */
  case: string;
  bytes: number;
  n: number;
}

let keep: unknown;

/** Full GCs per settle round (V8 needs a few to free weak and lazily-released objects). */
const GC_PER_ROUND = 3;

/** Full GCs (GC_PER_ROUND of them); throws unless the process runs with `--expose-gc`. */
export function gcAll(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('memory child must run with --expose-gc');
  for (let i = 0; i < GC_PER_ROUND; i++) gc();
}

function used(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/**
 * Full GCs until heapUsed + external stops moving (V8 keeps freeing lazily-compiled code and caches over
 * several GCs; at 200k rows that drift would be a few % of a typed structure). At most `rounds` rounds (the
 * size plan's memorySettleRounds: 8, or 2 for the tiny smoke run, where a loaded module such as apache-arrow
 * keeps the heap drifting by a few KB and every round of full GCs was most of the child's time).
 */
export function settle(rounds: number): number {
  gcAll();
  let prev = used();
  for (let i = 0; i < rounds; i++) {
    gcAll();
    const now = used();
    if (Math.abs(now - prev) < 512) return now;
    prev = now;
  }
  return prev;
}

/** Measures one case in this process: a throwaway small build, full GCs, the real build, full GCs. */
function measureCase(build: (n: number) => unknown, rows: number, rounds: number): number {
  keep = build(Math.min(rows, 1000));
  keep = undefined;
  const before = settle(rounds);
  keep = build(rows);
  const after = settle(rounds);
  if (keep === undefined) throw new Error('memory case built nothing');
  keep = undefined;
  return after - before;
}

/**
 * In the child: builds one case (`name`), or every case of the group one after another (baseline first) when
 * `name` is undefined, measures each and prints one `{case, bytes, n}` line per case. A small throwaway build
 * first compiles the case's code paths, so their bytecode is not counted as the structure's memory; the
 * previous case is released and collected before the next one's "before" is taken.
 */
export async function runChild(suite: Suite, ctx: SuiteContext, group: string, name: string | undefined): Promise<void> {
  const groups = (await suite.memory?.(ctx)) ?? [];
  const g = groups.find((x) => x.name === group);
  const all = g ? [g.baseline, ...g.cases] : [];
  const cases = name === undefined ? all : all.filter((c) => c.name === name);
  if (cases.length === 0) throw new Error(`no memory case ${suite.name}/${group}/${name ?? '(all)'}`);
  const rounds = SIZE_PLANS[ctx.size].memorySettleRounds;
  for (const c of cases) {
    const out: ChildResult = { case: c.name, bytes: measureCase(c.build, ctx.rows, rounds), n: ctx.rows };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
}

/**
 * In the parent: measures `names` of one group in a fresh child process (`names` undefined: every case of the
 * group, baseline first, in one child), calling `onCase` as each result arrives. (`node:child_process` is
 * imported here, not at the top, so the harness that imports this module also loads in the browser page.)
 */
export async function measureInChild(
  script: string,
  suite: string,
  group: MemoryGroup,
  name: string | undefined,
  rows: number,
  extraArgs: readonly string[] = [],
  onCase: (r: ChildResult) => void = () => {},
): Promise<ChildResult[]> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...process.execArgv,
        '--expose-gc',
        '--no-flush-bytecode',
        script,
        '--child',
        suite,
        group.name,
        ...(name === undefined ? [] : [name]),
        '--rows',
        String(rows),
        ...extraArgs,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const results: ChildResult[] = [];
    let pending = '';
    let err = '';
    let failed: unknown;
    const take = (line: string): void => {
      if (!line.startsWith('{') || failed !== undefined) return;
      try {
        const r = JSON.parse(line) as ChildResult;
        results.push(r);
        onCase(r);
      } catch (e) {
        failed = e;
        child.kill();
      }
    };
    child.stdout.on('data', (d: Buffer) => {
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const l of lines) take(l.trim());
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      take(pending.trim());
      if (failed !== undefined) {
        reject(failed instanceof Error ? failed : new Error(String(failed)));
        return;
      }
      const expected = name === undefined ? 1 + group.cases.length : 1;
      if (code !== 0 || results.length !== expected) {
        // The case it was measuring: the named one, or in a whole-group child the first without a result.
        const at = name ?? [group.baseline, ...group.cases][results.length]?.name ?? '(all cases)';
        reject(new Error(`memory child ${suite}/${group.name}/${at} failed (exit ${code}): ${err.trim() || `${results.length} of ${expected} results`}`));
        return;
      }
      resolve(results);
    });
  });
}
