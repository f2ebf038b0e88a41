/**
 * `npm run fuzz -- [--minutes N] [--seed S] [--only ipc,csv,vector]`: runs the fuzzers for N minutes
 * (default 1), batch after batch, each in a child process with a small heap and a time limit. A case
 * that aborts, hangs or breaks the contract is saved as a fixture under test/fuzz/fixtures/<fuzzer>/
 * (which `npm test` replays from then on) and printed with the command that replays it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FUZZ_DIR, type ChildReport, clean, explain, runChild } from './_runner.js';

const FUZZERS: Record<string, { batch: number; heapMB: number; ext: string }> = {
  ipc: { batch: 2000, heapMB: 96, ext: 'arrows' },
  csv: { batch: 1000, heapMB: 128, ext: 'json' },
  vector: { batch: 1000, heapMB: 128, ext: 'json' },
};

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i < 0 ? undefined : args[i + 1];
};
const minutes = Number(arg('minutes') ?? 1);
const seed = Number(arg('seed') ?? Date.now() % 1_000_000_007);
const only = (arg('only') ?? Object.keys(FUZZERS).join(',')).split(',');
for (const name of only) if (FUZZERS[name] === undefined) throw new Error(`unknown fuzzer ${name} (${Object.keys(FUZZERS).join(', ')})`);

const deadline = Date.now() + minutes * 60_000;
const from: Record<string, number> = {};
const totals: Record<string, { cases: number; found: number }> = {};
process.stdout.write(`fuzzing ${only.join(', ')} for ${minutes} minute(s), seed ${seed}\n`);

async function save(name: string, r: ChildReport): Promise<void> {
  const cases = new Set<number>();
  for (const f of r.failures) if (typeof f['case'] === 'number') cases.add(f['case']);
  if (!clean(r) && r.failures.length === 0 && r.lastCase !== undefined) cases.add(Number(r.lastCase.split(' ')[0]));
  const dir = join(FUZZ_DIR, 'fixtures', name);
  mkdirSync(dir, { recursive: true });
  for (const c of cases) {
    const file = join(dir, `found-s${seed}-c${c}.${FUZZERS[name]!.ext}`);
    await runChild(name, ['--seed', String(seed), '--save', String(c), file]);
    process.stdout.write(`  saved ${file}\n  replay: node --import tsx test/fuzz/${name}-child.ts --replay ${file}\n`);
    totals[name]!.found++;
  }
}

while (Date.now() < deadline) {
  for (const name of only) {
    if (Date.now() >= deadline) break;
    const f = FUZZERS[name]!;
    const start = from[name] ?? 0;
    totals[name] ??= { cases: 0, found: 0 };
    const r = await runChild(name, ['--seed', String(seed), '--from', String(start), '--cases', String(f.batch)], {
      heapMB: f.heapMB,
      timeoutMs: 180_000,
    });
    const ran = r.done === undefined ? Number(r.lastCase?.split(' ')[0] ?? start) - start + 1 : f.batch;
    totals[name].cases += ran;
    from[name] = start + ran;
    process.stdout.write(`${name}: cases ${start}..${start + ran - 1} ${clean(r) ? 'clean' : 'FOUND'} ${JSON.stringify(r.done?.['outcomes'] ?? {})}\n`);
    if (!clean(r)) {
      process.stdout.write(`${explain(name, r)}\n`);
      await save(name, r);
    }
  }
}
process.stdout.write(`\n${JSON.stringify({ seed, totals })}\n`);
process.exit(Object.values(totals).some((t) => t.found > 0) ? 1 : 0);
