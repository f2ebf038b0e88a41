import { describe, expect, test } from 'vitest';
import { fc, test as ftest } from '@fast-check/vitest';
import { decodeHalf, encodeHalf } from '../../src/memoryview/float16.js';
import { memoryview } from '../../src/index.js';

const bytes = (...b: number[]) => new Uint8Array(b);
/** Little-endian half bits of `x` as Python's struct.pack('<e', x) gives them. */
const bits = (lo: number, hi: number) => lo | (hi << 8);

describe('float16 codec (Python struct "e" reference values)', () => {
  test("b'abcd'.cast('e') reads [816.5, 1123.0]", () => {
    expect(
      memoryview(bytes(0x61, 0x62, 0x63, 0x64))
        .cast('e')
        .toList(),
    ).toEqual([816.5, 1123]);
  });
  test('storing 0.1 gives 0.0999755859375; 65504 is the max; 65520 overflows', () => {
    expect(encodeHalf(0.1)).toBe(bits(0x66, 0x2e));
    expect(decodeHalf(encodeHalf(0.1))).toBe(0.0999755859375);
    expect(decodeHalf(encodeHalf(65504))).toBe(65504);
    expect(encodeHalf(65519.99)).toBe(bits(0xff, 0x7b)); // rounds down to 65504
    expect(encodeHalf(65520)).toBe(-1); // ties to even → inf → error in Python
    expect(encodeHalf(-65520)).toBe(-1);
  });
  test('infinities, NaN (quiet, sign kept) and signed zeros', () => {
    expect(encodeHalf(Infinity)).toBe(bits(0x00, 0x7c));
    expect(encodeHalf(-Infinity)).toBe(bits(0x00, 0xfc));
    expect(encodeHalf(NaN)).toBe(bits(0x00, 0x7e));
    expect(encodeHalf(-0)).toBe(bits(0x00, 0x80));
    expect(encodeHalf(0)).toBe(0);
    expect(decodeHalf(bits(0x00, 0x7c))).toBe(Infinity);
    expect(decodeHalf(bits(0x01, 0x7c))).toBeNaN();
    expect(Object.is(decodeHalf(0x8000), -0)).toBe(true);
  });
  test('subnormals round half to even', () => {
    expect(encodeHalf(2 ** -25)).toBe(0); // tie between 0 and 2^-24 → even (0)
    expect(encodeHalf(2 ** -24)).toBe(1);
    expect(encodeHalf(3 * 2 ** -26)).toBe(1); // 0.75 quantum → 1
    expect(encodeHalf(3 * 2 ** -25)).toBe(2); // 1.5 quanta → tie → 2 (even)
    expect(decodeHalf(1)).toBe(5.960464477539063e-8);
    expect(encodeHalf(2 ** -14 - 2 ** -26)).toBe(0x0400); // rounds up into the smallest normal
  });
  test('normal ties go to even', () => {
    // 1 + 2^-11 is halfway between 1 and 1 + 2^-10: even mantissa (1.0) wins; 1 + 3*2^-11 rounds up.
    expect(decodeHalf(encodeHalf(1 + 2 ** -11))).toBe(1);
    expect(decodeHalf(encodeHalf(1 + 3 * 2 ** -11))).toBe(1 + 2 ** -9);
    expect(decodeHalf(encodeHalf(2047.5))).toBe(2048); // odd mantissa at the top of a binade carries
  });
  ftest.prop([fc.integer({ min: 0, max: 0xffff })])('every non-NaN half round-trips exactly', (h) => {
    const v = decodeHalf(h);
    if (Number.isNaN(v)) expect(encodeHalf(v) & 0x7e00).toBe(0x7e00);
    else expect(encodeHalf(v)).toBe(h);
  });
  ftest.prop([fc.double({ noNaN: true, min: -65504, max: 65504 })])('encoding picks the nearest half (ties to even)', (x) => {
    const h = encodeHalf(x);
    const v = decodeHalf(h);
    // neighbours of the chosen half
    const up = decodeHalf(h + 1);
    const down = h === 0 || h === 0x8000 ? -decodeHalf(1) : decodeHalf(h - 1);
    const err = Math.abs(v - x);
    if (Number.isFinite(up)) expect(err).toBeLessThanOrEqual(Math.abs(up - x));
    if (Number.isFinite(down)) expect(err).toBeLessThanOrEqual(Math.abs(down - x));
  });
});
