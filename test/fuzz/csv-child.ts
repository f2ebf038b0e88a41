/**
 * The CSV fuzzer's child process (see ipc-child.ts for the protocol): `case <i>`, `fail <json>`, `done <json>`.
 *   node --import tsx test/fuzz/csv-child.ts --seed S --cases N [--from I]
 *   node --import tsx test/fuzz/csv-child.ts --seed S --save I <file.json>
 *   node --import tsx test/fuzz/csv-child.ts --replay <file.json>...
 * Well-formed cases are also parsed by Python's csv module when python3 exists: a difference from the
 * reference model is reported as a failure too (the model is then what is wrong).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type CsvCase, checkCsv, csvCase, pythonRows } from './csv-cases.js';
import { rng } from './_rng.js';
import { cli, line } from './_child.js';

const opt = cli.opt;
const seed = cli.seed;

const { save, replay } = cli;
if (save !== undefined) {
  const { r: _r, ...c } = csvCase(seed, save[0]);
  writeFileSync(save[1], `${JSON.stringify(c, null, 1)}\n`);
  line(`saved ${JSON.stringify({ damage: c.damage })}`);
} else {
  const cases: { id: string | number; c: CsvCase; r: ReturnType<typeof rng> }[] = [];
  if (replay !== undefined) {
    replay.forEach((f, i) => cases.push({ id: f, c: JSON.parse(readFileSync(f, 'utf8')) as CsvCase, r: rng(0, i) }));
  } else {
    const from = opt('from', 0);
    for (let i = from; i < from + opt('cases', 100); i++) {
      const { r, ...c } = csvCase(seed, i);
      cases.push({ id: i, c, r });
    }
  }
  let failures = 0;
  let python = 'absent';
  const wellFormed = cases.filter((x) => x.c.damage === undefined);
  const py = pythonRows(wellFormed.map((x) => x.c.text));
  if (py !== undefined) {
    python = 'compared';
    wellFormed.forEach((x, k) => {
      if (JSON.stringify(py[k]) !== JSON.stringify(x.c.rows)) {
        failures++;
        line(`fail ${JSON.stringify({ seed, case: x.id, problem: `Python's csv reads ${JSON.stringify(py[k])}, the model ${JSON.stringify(x.c.rows)}` })}`);
      }
    });
  }
  for (const x of cases) {
    line(`case ${x.id}`);
    const problem = await checkCsv(x.c, x.r);
    if (problem !== undefined) {
      failures++;
      line(`fail ${JSON.stringify({ seed, case: x.id, damage: x.c.damage, text: x.c.text, problem })}`);
    }
  }
  line(`done ${JSON.stringify({ seed, cases: cases.length, failures, python, outcomes: { wellFormed: wellFormed.length, damaged: cases.length - wellFormed.length } })}`);
}
