/** Regression tests of issue 19's pipeline items: tee(it, 1e9), a CSV schema whose fields are all defaults. */
import { expect, test } from 'vitest';
import { ValueError } from '../../src/errors.js';
import { readCsv, tee } from '../../src/pipeline.js';
import { throwsLike } from '../_support/throws.js';

test('tee(it, 1e9) is an eager ValueError naming the limit (it aborted the process; Python: MemoryError)', () => {
  throwsLike(() => tee([1, 2], 1e9), ValueError, RangeError, /tee: n=1000000000 iterators is more than the limit of 65536/);
  expect(tee([1, 2], 65536)).toHaveLength(65536);
});

test('readCsv with a schema whose fields all have defaults and none in the file: rows of defaults (was "fromColumns: no columns")', async () => {
  const rows: unknown[] = [];
  for await (const c of readCsv('a,b\n1,2\n3,4\n', { schema: { x: { type: 'int32', default: 7 } } })) rows.push(...c.toObjects());
  expect(rows).toEqual([
    { a: 1, b: 2, x: 7 }, // the file's columns are inferred; the default fills x
    { a: 3, b: 4, x: 7 },
  ]);
});
