/**
 * RecordStore.toString() float formatting against pandas' DataFrame display (display.precision, default 6).
 * The oracle runs pandas (`/usr/bin/python3`; `apt-get install -y python3-pandas`) and is skipped with a note when
 * it is absent; the examples below were checked against pandas 1.5.3.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { recordStore, ValueError } from '../../src/index.js';
import { formatFloats } from '../../src/record-store/format.js';
import { throwsLike } from '../_support/throws.js';

const PANDAS = '/usr/bin/python3';
const hasPandas = spawnSync(PANDAS, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0;
if (!hasPandas) console.log('note: pandas not installed (apt-get install -y python3-pandas); the pandas oracle test is skipped');

/** pandas' own column formatter (the one DataFrame.to_string uses), one column per case. */
function pandasFormat(cases: { values: number[]; precision: number }[]): string[][] {
  const script = [
    'import json, sys, numpy as np, pandas as pd',
    'from pandas.io.formats.format import format_array',
    'out = []',
    'for c in json.load(sys.stdin):',
    "    pd.set_option('display.precision', c['precision'])",
    "    vals = np.array([float(v) for v in c['values']], dtype='float64')",
    '    out.append([s.strip() for s in format_array(vals, None)])',
    'print(json.dumps(out))',
  ].join('\n');
  // JSON has no NaN/Infinity: send them as strings that float() reads.
  const input = JSON.stringify(
    cases.map((c) => ({ precision: c.precision, values: c.values.map((v) => (Number.isFinite(v) ? (Object.is(v, -0) ? '-0.0' : v) : String(v).replace('Infinity', 'inf'))) })),
  );
  const r = spawnSync(PANDAS, ['-c', script], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as string[][];
}

describe('float fields print like pandas', () => {
  test('6 decimals, trailing zeros the column shares trimmed, NaN / inf / -0', () => {
    expect(formatFloats([9.27365472132547, 1, Number.NaN, -0], 6)).toEqual(['9.273655', '1.000000', 'NaN', '-0.000000']);
    expect(formatFloats([1.5, -10, 2, 3], 6)).toEqual(['1.5', '-10.0', '2.0', '3.0']);
    expect(formatFloats([Number.POSITIVE_INFINITY, 1, Number.NEGATIVE_INFINITY], 6)).toEqual(['inf', '1.0', '-inf']);
    expect(formatFloats([15e6, 1], 6)).toEqual(['15000000.0', '1.0']);
    // Exact ties round to even, as Python's format() does (JS's toFixed rounds them away from zero).
    expect(formatFloats([0.125, 0.375], 2)).toEqual(['0.12', '0.38']);
  });

  test('scientific notation for tiny values, and for large values that make the column too wide', () => {
    expect(formatFloats([1e-7, 1, 2], 6)).toEqual(['1.000000e-07', '1.000000e+00', '2.000000e+00']);
    expect(formatFloats([123456789.123, 1], 6)).toEqual(['1.234568e+08', '1.000000e+00']);
    expect(formatFloats([1e300, 1], 6)).toEqual(['1.000000e+300', '1.000000e+00']);
  });

  test('the table uses them; precision is an option', () => {
    const s = recordStore({ x: 'float64', p: ['float32', 2], n: 'int32' });
    s.push({ x: 9.27365472132547, p: [0.5, 0.25], n: 7 });
    s.push({ x: 1, p: [1, 2], n: -1 });
    // A vector field's elements share one format (pandas formats a column as a whole).
    expect(s.toString()).toBe(['          x             p   n', '0  9.273655  [0.50, 0.25]   7', '1  1.000000  [1.00, 2.00]  -1', '[2 rows × 3 fields]'].join('\n'));
    expect(s.toString(1, { precision: 10 })).toContain('9.2736547213');
  });

  test('a precision that is not an integer in [1, 20] is refused', () => {
    const s = recordStore({ x: 'float64' });
    throwsLike(() => s.toString(10, { precision: 2.5 }), TypeError, TypeError, /precision must be an integer, got 2.5/);
    throwsLike(() => s.toString(10, { precision: 0 }), ValueError, RangeError, /precision 0 out of range \[1, 20\]/);
  });

  test.skipIf(!hasPandas)('matches pandas format_array for random float columns and precisions', () => {
    const value = fc.oneof(
      fc.double({ noNaN: false }),
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.integer({ min: -1000, max: 1000 }).map((i) => i / 8),
      fc.constantFrom(0, -0, 1e-7, 0.1, 1e6, 1e16),
    );
    const cases = fc.sample(fc.record({ values: fc.array(value, { minLength: 1, maxLength: 8 }), precision: fc.integer({ min: 1, max: 12 }) }), 300);
    const expected = pandasFormat(cases);
    cases.forEach((c, i) => {
      expect(formatFloats(c.values, c.precision), JSON.stringify(c)).toEqual(expected[i]);
    });
  });
});
