/**
 * The CLI end to end, through `node --import tsx bench/cli.ts` with the fake suites of fake-suites.ts:
 * bad input exits 2 with the usage, outputs are written and follow the JSON schema, a task that disagrees
 * with its baseline fails the run before it is timed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The parsed JSON report, whose shape these tests check key by key. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped on purpose: the test is the schema check
type Json = any;

const ROOT = resolve(import.meta.dirname, '../..');
const FAKE = join(ROOT, 'test/bench/fake-suites.ts');
const dir = mkdtempSync(join(tmpdir(), 'compactly-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/cli.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    // Not a terminal and no COLUMNS: the report fits 100 columns.
    env: { ...process.env, COMPACTLY_BENCH_SUITES: FAKE, COLUMNS: '' },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bad input: usage and exit 2', () => {
  it.each([
    [['nosuch'], 'unknown suite "nosuch" (valid: fast, wrong, bad-memory)'],
    [['--bogus'], 'unknown option --bogus'],
    [['--rows', '0'], '--rows must be a positive integer, got "0"'],
    [['--rows', 'abc'], '--rows must be a positive integer, got "abc"'],
    [['--rows', '1.5'], '--rows must be a positive integer, got "1.5"'],
    [['--rows', '-3'], '--rows must be a positive integer'],
    [['--rows'], '--rows needs a value'],
    [['--size', 'huge'], 'unknown size "huge" (valid: tiny, quick, default, large)'],
    [['--repeat', '0'], '--repeat must be a positive integer'],
    [['--quick', '--size', 'large'], 'contradicts'],
  ])('%j', (args, message) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('usage: compactly-bench');
    expect(r.stderr).toContain('suites:   fast, wrong, bad-memory');
    expect(r.stdout).toBe('');
  });

  it('an output path that cannot be written fails before any benchmark runs', () => {
    const missing = join(dir, 'no/such/dir/report.json');
    const r = cli('fast', '--size', 'tiny', '--json', missing);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write --json ${missing}: directory`);
    expect(r.stderr).toContain('does not exist');
    expect(r.stdout).toBe(''); // nothing ran
    const asDir = join(dir, 'a-directory');
    mkdirSync(asDir);
    const r2 = cli('fast', '--md', asDir);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('it is a directory');
  });

  it('--help prints the usage and exits 0; --list lists the suites', () => {
    const h = cli('--help');
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--repeat N');
    const l = cli('--list');
    expect(l.code).toBe(0);
    expect(l.stdout).toBe('fast\nwrong\nbad-memory\n');
  });
});

describe('a run on the fake suite', () => {
  const files = { json: join(dir, 'r.json'), md: join(dir, 'r.md'), svg: join(dir, 'r.svg'), html: join(dir, 'r.html') };
  writeFileSync(files.md, 'old content');
  const r = cli('fast', '--size', 'tiny', '--rows', '50000', '--progress', 'plain', '--json', files.json, '--md', files.md, '--svg', files.svg, '--html', files.html);

  it('exits 0, prints the tables, the summary, the environment and progress on stderr', () => {
    expect(r.stderr).not.toMatch(/failed/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## Fake fast suite');
    expect(r.stdout).toMatch(/case\s+task\s+ops\/s\s+median\s+± %\s+vs baseline/);
    expect(r.stdout).toContain('raw Float64Array loop (reference)');
    expect(r.stdout).toMatch(/small ints \(per element\)\s+number\[\]/);
    expect(r.stdout).toContain('## Summary');
    expect(r.stdout).toMatch(/Fake fast suite\s+speed: sum › fake\.sum\(\)/);
    expect(r.stdout).toContain('note: a note from the fake suite');
    expect(r.stdout).toContain('note: compactly-no-such-package not installed: skipped');
    expect(r.stdout).toContain(`Node ${process.version}`);
    expect(r.stderr).toContain('[1/1] fast: building the data');
    expect(r.stderr).toContain('[1/1] fast 1/5: sum › number[] loop');
    expect(r.stderr).toContain('memory: small ints › Float32Array');
  });

  it('fits 100 columns when stdout is not a terminal, opens with the legend, counts progress to N/N', () => {
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
    expect(r.stdout).toMatch(/^legend: "vs baseline"/m);
    for (const mark of ['!', '(reference)', '(limit)']) expect(r.stdout).toMatch(new RegExp(`^  ${mark.replace(/[()]/g, '\\$&')} `, 'm'));
    const counters = [...r.stderr.matchAll(/\] fast (\d+)\/(\d+):/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(counters.map(([k]) => k)).toEqual(counters.map((_, i) => i + 1));
    expect(counters.at(-1)![0]).toBe(counters.at(-1)![1]);
  });

  it('writes JSON that follows schema compactly-bench/1', () => {
    const j = JSON.parse(readFileSync(files.json, 'utf8')) as Record<string, Json>;
    expect(Object.keys(j)).toEqual(['schema', 'compactly', 'environment', 'options', 'suites', 'summary', 'noise', 'errors', 'skipped', 'elapsedMs']);
    expect(j.schema).toBe('compactly-bench/1');
    expect(j.compactly).toMatch(/^\d+\.\d+\.\d+/);
    expect(Object.keys(j.environment)).toEqual(['node', 'v8', 'cpu', 'cores', 'memoryGiB', 'os', 'arch', 'loadavg', 'cpuShare', 'date']);
    expect(j.environment.cores).toBeGreaterThan(0);
    expect(j.options).toEqual({ suites: ['fast'], size: 'tiny', rows: 50_000, repeat: 1, memoryRuns: 1, timeMs: null });
    const s = j.suites[0];
    expect(Object.keys(s)).toEqual(['name', 'title', 'notes', 'elapsedMs', 'taskMs', 'headline', 'speed', 'memory']);
    expect(s.speed.map((x: Json) => [x.task, x.baseline, x.reference])).toEqual([
      ['number[] loop', true, false],
      ['raw Float64Array loop', false, true],
      ['fake.sum()', false, false],
    ]);
    for (const row of s.speed) {
      expect(Object.keys(row)).toEqual(['suite', 'case', 'task', 'baseline', 'reference', 'hz', 'p50', 'rme', 'samples', 'ratio', 'repeats', 'spread', 'ratios']);
      expect(row.hz).toBeCloseTo(1000 / row.p50, 6);
      expect(row.samples).toBeGreaterThanOrEqual(3); // 5, or 3 when the check call already took longer than the window (a loaded machine)
    }
    expect(s.speed[0].ratio).toBe(1);
    const m = s.memory;
    expect(m.map((x: Json) => x.case)).toEqual(['number[]', 'Float32Array']);
    expect(Object.keys(m[0])).toEqual(['suite', 'group', 'case', 'unit', 'baseline', 'reference', 'n', 'bytes', 'bytesPerItem', 'ratio', 'runs', 'spread']);
    // a Float32Array of 50,000 holds 200,000 bytes in `external`: 4 bytes per element (within object overhead)
    expect(m[1].bytesPerItem).toBeGreaterThan(3.9);
    expect(m[1].bytesPerItem).toBeLessThan(4.2);
    expect(m[0].bytesPerItem).toBeGreaterThan(7.9); // number[] of doubles: 8 B + push slack
    expect(m[1].ratio).toBeCloseTo(m[0].bytes / m[1].bytes, 9);
    expect(j.summary).toEqual([
      expect.objectContaining({ suite: 'fast', speedCase: 'sum', task: 'fake.sum()', memoryGroup: 'small ints', memoryCase: 'Float32Array', unit: 'element' }),
    ]);
    expect(j.summary[0].speedRatio).toBeCloseTo(s.speed[2].ratio, 9);
    expect(typeof j.noise.noisy).toBe('boolean');
    expect(j.errors).toEqual([]);
  });

  it('writes the Markdown, SVG and HTML reports', () => {
    const md = readFileSync(files.md, 'utf8');
    expect(md).not.toContain('old content');
    expect(md).toContain('# compactly benchmark report');
    expect(md).toContain('| case | task | ops/s | median | ± % | vs baseline |');
    expect(md).toContain('## Summary');
    const svg = readFileSync(files.svg, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('Fake fast suite');
    const html = readFileSync(files.html, 'utf8');
    expect(html).toContain('<!doctype html>');
    expect(html).toContain('<svg');
    expect(html).toContain('<table>');
  });
});

describe('a task that disagrees with its baseline', () => {
  it('fails the run (exit 1) before timing, naming the task and the difference', () => {
    const out = join(dir, 'wrong.json');
    const r = cli('wrong', 'fast', '--size', 'tiny', '--no-memory', '--json', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('suite wrong failed: benchmark task "wrong / answer / broken" disagrees with its baseline at [2]: 4 !== 3');
    expect(r.stderr).not.toContain('answer › broken'); // never timed
    expect(r.stdout).toContain('## Fake fast suite'); // the other suite still ran
    const j = JSON.parse(readFileSync(out, 'utf8')) as { errors: { suite: string }[]; suites: unknown[] };
    expect(j.errors.map((e) => e.suite)).toEqual(['wrong']);
    expect(j.suites).toHaveLength(1);
    expect(existsSync(out)).toBe(true);
  });
});

describe('a memory case that fails in its child', () => {
  it('keeps the speed table, reports the failure and exits 1', () => {
    const r = cli('bad-memory', '--size', 'tiny', '--progress', 'none');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/one\s+plain/);
    expect(r.stdout).toContain('note: memory measurement failed: memory: memory child bad-memory/things/explodes failed (exit 1)');
    expect(r.stdout).toContain('cannot build this');
    expect(r.stderr).toContain('1 suite(s) failed: bad-memory');
  });
});

describe('--check', () => {
  it('runs every task once against its baseline, without timing or memory', () => {
    const ok = cli('fast', '--check', '--size', 'tiny');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^ok {4}fast: 3 tasks in 1 cases agree at 2,000 rows/);
    expect(ok.stderr).toBe('');
    const bad = cli('fast', 'wrong', '--check', '--size', 'tiny');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('FAIL  wrong: benchmark task "wrong / answer / broken" disagrees with its baseline at [2]: 4 !== 3');
  });
});
