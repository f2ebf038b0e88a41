/**
 * The IPC mutation fuzzer, briefly (seconds): a child process with a 96 MB heap and a time limit reads
 * mutated Arrow IPC through fromIPC and readIPC; an abort, a hang, an undocumented error class or data
 * that differs from apache-arrow's reading fails the test with the seed and case to replay
 * (`node --import tsx test/fuzz/ipc-child.ts --seed S --from I --cases 1`). Saved inputs in
 * fixtures/ipc/ are replayed every run. Longer runs: `npm run fuzz -- --minutes N`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { FUZZ_DIR, clean, explain, runChild } from './_runner.js';

const SEED = Number(process.env.FUZZ_SEED ?? 19);
const CASES = Number(process.env.FUZZ_CASES ?? 400);

test(`IPC mutations (seed ${SEED}, ${CASES} cases): documented errors or apache-arrow's data, in bounded memory and time`, async () => {
  const r = await runChild('ipc', ['--seed', String(SEED), '--cases', String(CASES)], { heapMB: 96, timeoutMs: 90_000 });
  expect(clean(r), explain('ipc', r)).toBe(true);
  expect(r.done?.['cases']).toBe(CASES);
});

test('saved IPC crash inputs (fixtures/ipc) replay clean', async () => {
  const dir = join(FUZZ_DIR, 'fixtures', 'ipc');
  const files = readdirSync(dir).map((f) => join(dir, f));
  expect(files.length).toBeGreaterThan(0);
  const r = await runChild('ipc', ['--replay', ...files], { heapMB: 64, timeoutMs: 60_000 });
  expect(clean(r), explain('ipc', r)).toBe(true);
  expect(r.done?.['cases']).toBe(files.length);
});
