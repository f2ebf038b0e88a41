/**
 * The fuzzers, briefly (seconds each), every one in a child process with a small heap and a time limit
 * (an abort, a hang, an undocumented error or a wrong result fails the test and names the seed and case;
 * replay one case with `node --import tsx test/fuzz/<fuzzer>-child.ts --seed S --from I --cases 1`).
 * - ipc: mutated Arrow IPC (truncation, bit flips, duplication) through fromIPC and readIPC;
 * - csv: random files through readCsv against a reference parser (and Python's csv module if present);
 * - vector: random Vector/MemoryView programs against CPython's array/memoryview (when python3 exists).
 * Saved crash inputs (fixtures/<fuzzer>/) are replayed on every run. Longer: `npm run fuzz -- --minutes N`.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FUZZ_DIR, clean, explain, runChild } from './_runner.js';

const SEED = Number(process.env.FUZZ_SEED ?? 19);
const RUNS: Record<string, { cases: number; heapMB: number }> = {
  ipc: { cases: 400, heapMB: 96 },
  csv: { cases: 250, heapMB: 128 },
  vector: { cases: 300, heapMB: 128 },
};

describe.each(Object.entries(RUNS))('%s fuzzer', (name, run) => {
  test(`seed ${SEED}, ${run.cases} cases: documented errors or the oracle's result, in bounded memory and time`, async () => {
    const r = await runChild(name, ['--seed', String(SEED), '--cases', String(run.cases)], { heapMB: run.heapMB, timeoutMs: 120_000 });
    expect(clean(r), explain(name, r)).toBe(true);
    expect(r.done?.['cases']).toBe(run.cases);
  });

  const dir = join(FUZZ_DIR, 'fixtures', name);
  const files = existsSync(dir) ? readdirSync(dir).map((f) => join(dir, f)) : [];
  if (files.length === 0) return;
  test(`saved crash inputs (fixtures/${name}, ${files.length}) replay clean`, async () => {
    const r = await runChild(name, ['--replay', ...files], { heapMB: run.heapMB, timeoutMs: 120_000 });
    expect(clean(r), explain(name, r)).toBe(true);
    expect(r.done?.['cases']).toBe(files.length);
  });
});
