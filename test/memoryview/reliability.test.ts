/** Regression test of issue 19: memoryview format '?' stores NaN as true (Python: bool(nan) is True). */
import { expect, test } from 'vitest';
import { memoryview } from '../../src/memoryview.js';

test("format '?': NaN is true, 0 and -0 are false", () => {
  const m = memoryview(new Uint8Array(3)).cast('?');
  m.set(0, Number.NaN);
  m.set(1, -0);
  m.set(2, 0.5);
  expect(m.toList()).toEqual([true, false, true]);
  const strided = memoryview(new Uint8Array(4)).cast('?').slice(0, 4, 2);
  strided.set(1, Number.NaN);
  expect(strided.toList()).toEqual([false, true]);
});
