/**
 * intDTypeFor: the first candidate dtype whose range (the dtype table's bounds) holds [min, max], with numbers
 * and bigints, against a plain model of the integer ranges.
 */
import { fc, test as propTest } from '@fast-check/vitest';
import { expect, test } from 'vitest';
import { INT64_DTYPES, intDTypeFor, SMALL_INT_DTYPES } from '../../src/internal/int-dtypes.js';

const RANGES: Record<string, readonly [bigint, bigint]> = {
  int8: [-128n, 127n],
  uint8: [0n, 255n],
  int16: [-32768n, 32767n],
  uint16: [0n, 65535n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
};

function model(lo: bigint, hi: bigint, candidates: readonly string[]): string | null {
  return candidates.find((d) => lo >= RANGES[d]![0] && hi <= RANGES[d]![1]) ?? null;
}

test('the bounds of each dtype, and null past all candidates', () => {
  expect(intDTypeFor(-128, 127, SMALL_INT_DTYPES)).toBe('int8');
  expect(intDTypeFor(0, 128, SMALL_INT_DTYPES)).toBe('uint8');
  expect(intDTypeFor(-1, 128, SMALL_INT_DTYPES)).toBe('int16');
  expect(intDTypeFor(-1, 2 ** 31, SMALL_INT_DTYPES)).toBeNull(); // neither int32 nor uint32
  expect(intDTypeFor(0, 2 ** 32 - 1, SMALL_INT_DTYPES)).toBe('uint32');
  expect(intDTypeFor(-(2n ** 63n), 2n ** 63n - 1n, INT64_DTYPES)).toBe('int64');
  expect(intDTypeFor(0n, 2n ** 63n, INT64_DTYPES)).toBe('uint64');
  expect(intDTypeFor(-1n, 2n ** 63n, INT64_DTYPES)).toBeNull();
  expect(intDTypeFor(0n, 2n ** 64n, INT64_DTYPES)).toBeNull();
  expect(intDTypeFor(5n, 7n, SMALL_INT_DTYPES)).toBe('int8'); // bigints against number bounds
});

const edge = fc.constantFrom(...Object.values(RANGES).flatMap(([a, b]) => [a - 1n, a, b, b + 1n]));
const value = fc.oneof(edge, fc.bigInt({ min: -(2n ** 66n), max: 2n ** 66n }), fc.bigInt({ min: -70000n, max: 70000n }));
propTest.prop([value, value, fc.boolean()])('agrees with the model for any range, as numbers or bigints', (a, b, asNumbers) => {
  const [lo, hi] = a <= b ? [a, b] : [b, a];
  const all = [...SMALL_INT_DTYPES, ...INT64_DTYPES];
  if (asNumbers && Number.isSafeInteger(Number(lo)) && Number.isSafeInteger(Number(hi))) expect(intDTypeFor(Number(lo), Number(hi), all)).toBe(model(lo, hi, all));
  else expect(intDTypeFor(lo, hi, all)).toBe(model(lo, hi, all));
  expect(intDTypeFor(lo, hi, INT64_DTYPES)).toBe(model(lo, hi, INT64_DTYPES));
});
