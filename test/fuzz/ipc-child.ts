/**
 * The IPC fuzzer's child process (run with a small heap by _runner.ts, so an abort or a hang fails a
 * test instead of killing the runner). Prints one line per event:
 *   `case <i>` before each case, `fail <json>` for a contract violation, `done <json>` at the end.
 *
 *   node --import tsx test/fuzz/ipc-child.ts --seed S --cases N [--from I]
 *   node --import tsx test/fuzz/ipc-child.ts --seed S --save I <file>   (writes case I's input, does not read it)
 *   node --import tsx test/fuzz/ipc-child.ts --replay <file>...         (reads saved inputs)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { caseInput, checkInput, ipcCorpus } from './ipc-cases.js';
import { rng } from './_rng.js';
import { cli, line } from './_child.js';

const opt = cli.opt;

const corpus = await ipcCorpus();
const seed = cli.seed;
const { save, replay } = cli;
if (save !== undefined) {
  const c = caseInput(corpus, seed, save[0]);
  writeFileSync(save[1], c.bytes);
  line(`saved ${JSON.stringify({ base: c.base, what: c.what })}`);
} else if (replay !== undefined) {
  let failures = 0;
  const files = replay;
  for (let i = 0; i < files.length; i++) {
    line(`case ${i} ${files[i]}`);
    const res = await checkInput(new Uint8Array(readFileSync(files[i]!)), rng(0, i));
    if (res.problem !== undefined) {
      failures++;
      line(`fail ${JSON.stringify({ file: files[i], problem: res.problem })}`);
    }
  }
  line(`done ${JSON.stringify({ cases: files.length, failures })}`);
} else {
  const from = opt('from', 0);
  const cases = opt('cases', 100);
  const counts: Record<string, number> = {};
  let failures = 0;
  for (let i = from; i < from + cases; i++) {
    line(`case ${i}`);
    const c = caseInput(corpus, seed, i);
    const res = await checkInput(c.bytes, c.r);
    const key = res.whole.ok ? 'ok' : res.whole.name;
    counts[key] = (counts[key] ?? 0) + 1;
    if (res.problem !== undefined) {
      failures++;
      line(`fail ${JSON.stringify({ seed, case: i, base: c.base, what: c.what, problem: res.problem })}`);
    }
  }
  line(`done ${JSON.stringify({ seed, from, cases, failures, outcomes: counts })}`);
}
