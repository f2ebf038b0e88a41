/**
 * IEEE 754 binary16 (Python struct format `'e'`) codec in software: Node 20 has no `Float16Array`,
 * `Math.f16round` or `DataView#getFloat16` (test/memoryview/float16.test.ts checks Python struct `e` reference values).
 *
 * Encoding rounds half to even exactly like CPython's `PyFloat_Pack2`, keeps subnormals, signed zeros,
 * infinities and the sign of NaN; a finite value whose rounding overflows is reported as `-1` so the caller
 * raises (Python: `ValueError: memoryview: invalid value for format 'e'`). On runtimes that have a native
 * `Float16Array`, {@link NATIVE_FLOAT16} holds its constructor and aligned views read through it.
 *
 * @internal
 * @packageDocumentation
 */

/** The native `Float16Array` constructor when the runtime has one (Node ≥ 24, recent browsers), else `undefined`. @internal */
export const NATIVE_FLOAT16: Float16ArrayConstructorLike | undefined = (globalThis as { Float16Array?: Float16ArrayConstructorLike }).Float16Array;

/** The part of a native `Float16Array` constructor compactly uses. @internal */
export interface Float16ArrayConstructorLike {
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): Float16ArrayLike;
  readonly BYTES_PER_ELEMENT: number;
}

/** Element access of a native `Float16Array`. @internal */
export interface Float16ArrayLike {
  [index: number]: number;
  readonly length: number;
}

const TWO_POW_24 = 2 ** 24;

/** Rounds a non-negative, exactly representable `y` to the nearest integer, ties to even. */
function roundHalfEven(y: number): number {
  const r = Math.round(y); // ties go up
  return r - y === 0.5 && (r & 1) === 1 ? r - 1 : r;
}

// Reads the sign bit of any double, NaN included. Allocated on first use (no module-level side effects).
let signScratch: Float64Array | undefined;
let signWords: Uint32Array | undefined;

function signBit(x: number): number {
  if (x !== 0 && x === x) return x < 0 ? 1 : 0;
  if (x === 0) return 1 / x < 0 ? 1 : 0;
  if (signScratch === undefined) {
    signScratch = new Float64Array(1);
    signWords = new Uint32Array(signScratch.buffer);
  }
  signScratch[0] = x;
  const hi = signWords![new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 1 : 0]!;
  return hi >>> 31;
}

/**
 * Encodes `x` as binary16 bits (0..0xffff), rounding half to even. Returns `-1` when `x` is finite but
 * rounds beyond the largest half (65504), which Python reports as an error.
 * @param x - any number.
 * @returns the 16-bit pattern, or `-1` on overflow.
 * @internal
 */
export function encodeHalf(x: number): number {
  const sign = signBit(x) << 15;
  if (x !== x) return sign | 0x7e00; // quiet NaN, sign kept (PyFloat_Pack2)
  const ax = Math.abs(x);
  if (ax === Infinity) return sign | 0x7c00;
  if (ax < 2 ** -14) {
    // Subnormal range: quantum 2^-24; a result of 1024 is the smallest normal, which the bits express.
    return sign | roundHalfEven(ax * TWO_POW_24);
  }
  let e = Math.floor(Math.log2(ax));
  if (2 ** e > ax) e--;
  else if (2 ** (e + 1) <= ax) e++;
  if (e > 15) return -1;
  const m = roundHalfEven(ax * 2 ** (10 - e)); // in [1024, 2048]; 2048 carries into the exponent
  const bits = ((e + 15) << 10) + (m - 1024);
  if (bits >= 0x7c00) return -1;
  return sign | bits;
}

/**
 * Decodes binary16 bits to a number (exact: every half is a double).
 * @param bits - a 16-bit pattern.
 * @returns the value, `±Infinity`, `NaN` or `-0`.
 * @internal
 */
export function decodeHalf(bits: number): number {
  const exp = (bits >>> 10) & 0x1f;
  const frac = bits & 0x3ff;
  let v: number;
  if (exp === 0) v = frac * 2 ** -24;
  else if (exp === 0x1f) v = frac === 0 ? Infinity : NaN;
  else v = (1024 + frac) * 2 ** (exp - 25);
  return bits & 0x8000 ? -v : v;
}
