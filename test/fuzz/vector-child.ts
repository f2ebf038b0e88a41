/**
 * The Vector/MemoryView differential fuzzer's child process (protocol as ipc-child.ts): random programs run
 * by compactly and by CPython (test/vector/python-oracle-programs.py). Without python3 it runs compactly
 * only (crashes and hangs are still caught) and reports `python: 'absent'`.
 *   node --import tsx test/fuzz/vector-child.ts --seed S --cases N [--from I]
 *   node --import tsx test/fuzz/vector-child.ts --seed S --save I <file.json>
 *   node --import tsx test/fuzz/vector-child.ts --replay <file.json>...
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type Program, difference, program, runCompactly, runPython } from './vector-cases.js';
import { cli, line } from './_child.js';

const opt = cli.opt;
const seed = cli.seed;

const { save, replay } = cli;
if (save !== undefined) {
  writeFileSync(save[1], `${JSON.stringify(program(seed, save[0]))}\n`);
  line('saved');
} else {
  const cases: { id: string | number; p: Program }[] = [];
  if (replay !== undefined) for (const f of replay) cases.push({ id: f, p: JSON.parse(readFileSync(f, 'utf8')) as Program });
  else for (let i = opt('from', 0), end = i + opt('cases', 100); i < end; i++) cases.push({ id: i, p: program(seed, i) });
  const theirs = runPython(cases.map((c) => c.p));
  let failures = 0;
  cases.forEach((c, k) => {
    line(`case ${c.id}`);
    const ours = runCompactly(c.p);
    const diff = theirs === undefined ? undefined : difference(c.p, ours, theirs[k]!);
    if (diff !== undefined) {
      failures++;
      line(`fail ${JSON.stringify({ seed, case: c.id, code: c.p.code, problem: diff })}`);
    }
  });
  line(`done ${JSON.stringify({ seed, cases: cases.length, failures, python: theirs === undefined ? 'absent' : 'compared' })}`);
}
