/**
 * Memory measurement: each case runs in a fresh `node --expose-gc` child, so no JIT or heap state leaks
 * between cases. bytes = Δ heapUsed + Δ external after full GCs (`external` already includes array buffers).
 */
import type { MemoryGroup, Suite, SuiteContext } from './_harness.js';

/** What a child prints (one JSON line). */
export interface ChildResult {
  bytes: number;
  n: number;
}

let keep: unknown;

/** Full GCs per settle round (V8 needs a few to free weak and lazily-released objects). */
const GC_PER_ROUND = 3;

function gcAll(): void {
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
 * several GCs; at 200k rows that drift would be a few % of a typed structure). At most 8 rounds.
 */
function settle(): number {
  gcAll();
  let prev = used();
  for (let i = 0; i < 8; i++) {
    gcAll();
    const now = used();
    if (Math.abs(now - prev) < 512) return now;
    prev = now;
  }
  return prev;
}

/**
 * In the child: builds one case, measures it, prints `{bytes, n}` and returns. A small throwaway build
 * first compiles the case's code paths, so their bytecode is not counted as the structure's memory.
 */
export async function runChild(suite: Suite, ctx: SuiteContext, group: string, name: string): Promise<void> {
  const groups = (await suite.memory?.(ctx)) ?? [];
  const g = groups.find((x) => x.name === group);
  const c = g && (g.baseline.name === name ? g.baseline : g.cases.find((x) => x.name === name));
  if (!c) throw new Error(`no memory case ${suite.name}/${group}/${name}`);
  keep = c.build(Math.min(ctx.rows, 1000));
  keep = undefined;
  const before = settle();
  keep = c.build(ctx.rows);
  const after = settle();
  if (keep === undefined) throw new Error('memory case built nothing');
  const out: ChildResult = { bytes: after - before, n: ctx.rows };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/**
 * In the parent: measures one case in a fresh child process. (`node:child_process` is imported here, not at
 * the top, so the harness that imports this module also loads in the browser page.)
 */
export async function measureInChild(
  script: string,
  suite: string,
  group: MemoryGroup,
  name: string,
  rows: number,
  extraArgs: readonly string[] = [],
): Promise<ChildResult> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, '--expose-gc', '--no-flush-bytecode', script, '--child', suite, group.name, name, '--rows', String(rows), ...extraArgs],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`memory child ${suite}/${group.name}/${name} failed (exit ${code}): ${err.trim() || out.trim()}`));
        return;
      }
      resolve(JSON.parse(line) as ChildResult);
    });
  });
}
