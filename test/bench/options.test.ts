/** Command-line parsing, the writability check and the time budgets of bench/_options.ts. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError, SIZE_PLANS, UsageError, checkWritable, parseArgs, taskTimeMs, usage } from '../../bench/_options.js';

const SUITES = ['vector', 'categorical'];

describe('parseArgs', () => {
  it('defaults: all suites, size default, 1e6 rows, 3 memory runs', () => {
    expect(parseArgs([], SUITES)).toMatchObject({ suites: SUITES, size: 'default', rows: 1_000_000, repeat: 1, memoryRuns: 3, memory: true, time: 0 });
  });
  it('--quick: 200k rows and one memory run; named suites keep their order and are deduplicated', () => {
    expect(parseArgs(['categorical', '--quick', 'vector', 'categorical'], SUITES)).toMatchObject({
      suites: ['categorical', 'vector'],
      size: 'quick',
      rows: 200_000,
      memoryRuns: 1,
    });
  });
  it('--rows overrides the size rows; --opt=value works; outputs resolve to absolute paths', () => {
    const o = parseArgs(['--size=tiny', '--rows', '5000', '--repeat=3', '--memory-runs', '2', '--json', 'out.json', '--no-memory'], SUITES);
    expect(o).toMatchObject({ size: 'tiny', rows: 5000, repeat: 3, memoryRuns: 2, memory: false, json: resolve('out.json') });
  });
  it('--rows alone runs as the smallest size with that many rows (its time budget and memory runs)', () => {
    expect(parseArgs(['--rows', '1000'], SUITES)).toMatchObject({ size: 'tiny', rows: 1000, memoryRuns: 1 });
    expect(parseArgs(['--rows', '2000'], SUITES)).toMatchObject({ size: 'tiny', rows: 2000 });
    expect(parseArgs(['--rows', '2001'], SUITES)).toMatchObject({ size: 'quick', rows: 2001 });
    expect(parseArgs(['--rows', '500000'], SUITES)).toMatchObject({ size: 'default', rows: 500_000, memoryRuns: 3 });
    expect(parseArgs(['--rows', '20000000'], SUITES)).toMatchObject({ size: 'large', rows: 20_000_000 });
    // A size given with it stays.
    expect(parseArgs(['--rows', '1000', '--size', 'default'], SUITES)).toMatchObject({ size: 'default', rows: 1000 });
    expect(parseArgs(['--quick', '--rows', '1000'], SUITES)).toMatchObject({ size: 'quick', rows: 1000 });
  });
  it('the usage text fits 100 columns', () => {
    for (const line of usage(SUITES).split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
  });
  it.each([
    [['x'], 'unknown suite "x" (valid: vector, categorical)'],
    [['--rows', '1e3'], '--rows must be a positive integer, got "1e3"'],
    [['--rows', ''], '--rows must be a positive integer'],
    [['--rows', '--quick'], '--rows needs a value'],
    [['--time', '-1'], '--time must be a positive integer, got "-1"'],
    [['--progress', 'fancy'], 'unknown progress mode "fancy"'],
    [['--quick=yes'], '--quick takes no value'],
    [['--size', 'tiny', '--quick'], '--quick contradicts --size tiny'],
  ])('%j is a UsageError', (argv, message) => {
    expect(() => parseArgs(argv, SUITES)).toThrow(UsageError);
    expect(() => parseArgs(argv, SUITES)).toThrow(message);
  });
  it('usage lists the suites, sizes and every option', () => {
    const u = usage(SUITES);
    expect(u).toContain('suites:   vector, categorical');
    for (const flag of [
      '--quick',
      '--size',
      '--rows',
      '--repeat',
      '--memory-runs',
      '--no-memory',
      '--time',
      '--json',
      '--md',
      '--svg',
      '--html',
      '--progress',
      '--check',
      '--list',
    ]) {
      expect(u).toContain(flag);
    }
  });
});

describe('checkWritable', () => {
  it('accepts a new file in a writable directory and rejects the rest with OutputError', () => {
    const dir = mkdtempSync(join(tmpdir(), 'compactly-opt-'));
    try {
      expect(() => checkWritable('--json', join(dir, 'x.json'))).not.toThrow();
      expect(() => checkWritable('--json', join(dir, 'nope/x.json'))).toThrow(OutputError);
      expect(() => checkWritable('--md', dir)).toThrow('cannot write --md');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('time budgets', () => {
  it('spreads the suite budget over tasks and repeats, within the bounds of the size', () => {
    const q = SIZE_PLANS.quick;
    expect(taskTimeMs({ time: 0, repeat: 1, size: 'quick' }, 20)).toBe(q.suiteBudgetMs / 20);
    expect(taskTimeMs({ time: 0, repeat: 1, size: 'quick' }, 1)).toBe(q.maxTaskMs);
    expect(taskTimeMs({ time: 0, repeat: 10, size: 'quick' }, 100)).toBe(q.minTaskMs);
    expect(taskTimeMs({ time: 77, repeat: 3, size: 'large' }, 5)).toBe(77);
  });
});
