/**
 * scripts/bench-report.mjs end to end on a fake suite, into a temporary docs directory: it bundles the CLI,
 * runs it, and replaces only the marked section of benchmarks.md (plus the JSON and the SVG).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'compactly-report-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function report(...args: string[]): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/bench-report.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, BENCH_REPORT_DOCS: dir, COMPACTLY_BENCH_SUITES: join(ROOT, 'test/bench/fake-suites.mjs') },
    timeout: 120_000,
  });
  return { code: r.status, stderr: r.stderr };
}

describe('npm run bench:report', () => {
  it('replaces the marked section, keeps the rest of the page, writes the JSON and the chart', () => {
    const before = '# Benchmarks\n\nhand-written text\n\n<!-- BENCH-REPORT:BEGIN (old) -->\nold report\n<!-- BENCH-REPORT:END -->\n\nfooter\n';
    writeFileSync(join(dir, 'benchmarks.md'), before);
    writeFileSync(join(dir, 'index.md'), '# Index\n\n<!-- BENCH-SUMMARY:BEGIN -->\nold numbers\n<!-- BENCH-SUMMARY:END -->\n\nmore\n');
    writeFileSync(join(dir, 'README.md'), '# Readme without markers\n');
    const r = report('--size', 'tiny', '--rows', '20000', '--progress', 'none');
    expect(r.stderr).not.toContain('failed');
    expect(r.code).toBe(0);
    const page = readFileSync(join(dir, 'benchmarks.md'), 'utf8');
    expect(page.startsWith('# Benchmarks\n\nhand-written text\n\n<!-- BENCH-REPORT:BEGIN (generated')).toBe(true);
    expect(page.endsWith('<!-- BENCH-REPORT:END -->\n\nfooter\n')).toBe(true);
    expect(page).not.toContain('old report');
    expect(page).toContain('![compactly benchmark chart');
    expect(page).toContain('### Summary'); // headings shifted under the page's "## Report" section
    expect(page).toContain('### Fake JS suite vs plain arrays');
    expect(page).not.toMatch(/^# compactly benchmark report/m);
    const json = JSON.parse(readFileSync(join(dir, 'bench-report.json'), 'utf8')) as { schema: string; options: { rows: number } };
    expect(json.schema).toBe('compactly-bench/1');
    expect(json.options.rows).toBe(20_000);
    expect(readFileSync(join(dir, 'bench-report.svg'), 'utf8')).toContain('Fake JS suite');
    const index = readFileSync(join(dir, 'index.md'), 'utf8');
    expect(index.startsWith('# Index\n\n<!-- BENCH-SUMMARY:BEGIN (generated')).toBe(true);
    expect(index).not.toContain('old numbers');
    expect(index).toContain('Measured by `npm run bench:report` on: Node ');
    expect(index).toMatch(/\| Fake JS suite \| sum › typed loop \|/);
    expect(index).toContain('![compactly benchmark chart](bench-report.svg)');
    expect(index.endsWith('<!-- BENCH-SUMMARY:END -->\n\nmore\n')).toBe(true);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# Readme without markers\n');
  });

  it('refuses a page without markers before running anything', () => {
    writeFileSync(join(dir, 'benchmarks.md'), '# no markers\n');
    const r = report('--size', 'tiny');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('has no <!-- BENCH-REPORT:BEGIN');
    expect(readFileSync(join(dir, 'benchmarks.md'), 'utf8')).toBe('# no markers\n');
  });
});
