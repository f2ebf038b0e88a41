/**
 * Differential test of readCsv against Python's `csv` module (the CPython oracle; skipped with a note when no
 * python3 is found): random well-formed CSVs — quoted fields with `""`, delimiters and line ends inside quotes,
 * LF / CR / CRLF line ends, multi-byte characters, long fields — give the same records. The fields are read
 * as non-nullable utf8 (text as it is: an empty field is `''`, `NA` is `'NA'`), which is what csv.reader gives.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { readCsv } from '../../src/index.js';

const PYTHON = 'python3';
const hasPython = spawnSync(PYTHON, ['-c', 'import csv, json'], { encoding: 'utf8' }).status === 0;
if (!hasPython) console.log("note: python3 not found; the differential test against Python's csv module is skipped");

/** Python's csv.reader over each text (newline='' as the csv docs require); blank lines ([]) dropped. */
function pythonRows(texts: string[]): string[][][] {
  const script = [
    'import csv, io, json, sys',
    'out = []',
    'for t in json.load(sys.stdin):',
    "    out.append([r for r in csv.reader(io.StringIO(t, newline='')) if r != []])",
    'json.dump(out, sys.stdout)',
  ].join('\n');
  const p = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (p.status !== 0) throw new Error(p.stderr);
  return JSON.parse(p.stdout) as string[][][];
}

const unit = fc.constantFrom('a', 'B', 'é', '€', '😀', ',', '"', '\n', '\r', ' ', '1', '.', 'N', 'A');
const cell = fc.oneof({ arbitrary: fc.string({ unit, maxLength: 10 }), weight: 9 }, { arbitrary: fc.string({ unit, minLength: 200, maxLength: 600 }), weight: 1 });
function quote(s: string, always: boolean): string {
  return always || /[",\r\n]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvCase = fc
  .tuple(fc.array(fc.tuple(cell, cell, cell), { maxLength: 20 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), fc.boolean())
  .map(([rows, eol, always, trailing]) => {
    const lines = ['a,b,c', ...rows.map((r) => r.map((c) => quote(c, always)).join(','))];
    return lines.join(eol) + (trailing ? eol : '');
  });

describe.skipIf(!hasPython)("readCsv against Python's csv module", () => {
  test('400 random CSVs: same records, field for field', () => {
    const texts = fc.sample(csvCase, { numRuns: 400, seed: 20261203 });
    const py = pythonRows(texts);
    for (let i = 0; i < texts.length; i++) {
      const ours = [...readCsv(texts[i]!, { schema: { a: 'utf8', b: 'utf8', c: 'utf8' } })].flatMap((c) => c.toObjects());
      const theirs = py[i]!.slice(1).map(([a, b, c]) => ({ a, b, c }));
      expect(ours, JSON.stringify(texts[i])).toEqual(theirs);
    }
  });
});
