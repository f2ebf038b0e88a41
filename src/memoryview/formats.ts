/**
 * memoryview formats: the native single-character struct codes compactly supports, their itemsizes,
 * what `get` returns and `set` accepts for each, and the value checks (Python raises `ValueError`, not
 * `OverflowError`, for an out-of-range item assignment, and so does compactly).
 *
 * @packageDocumentation
 */
import { describe, throwType, throwValue } from '../errors.js';
import { DTYPE_NAMES, DTYPES, type CodeToDType, type DType, type DTypeInfo, type InputOf, type TypeCode, type ValueOf } from '../dtype.js';
import { encodeHalf } from './float16.js';

/**
 * A native struct format character: `b B h H i I q Q f d` (the dtypes), `e` (float16), `?` (bool)
 * and `c` (one byte, read back as a 1-byte `Uint8Array`, Python's `bytes`).
 */
export type Format = TypeCode | 'e' | '?' | 'c';

/** A format as `cast` accepts it: the character, optionally prefixed with `'@'` (native), kept as spelled. */
export type FormatLike = Format | `@${Format}`;

/**
 * The JS value each format reads back as: a dtype's format its {@link ValueOf} (`q`, `Q`: `bigint`; the others
 * `number`), `e` (float16, a software codec) a `number`, `?` (bool, one byte) a `boolean`, `c` (char, one byte) a
 * 1-byte `Uint8Array`.
 */
export type FormatValues = { [C in TypeCode]: ValueOf<CodeToDType[C]> } & { e: number; '?': boolean; c: Uint8Array };

/**
 * What a write to each format accepts: a dtype's format its {@link InputOf} (`q`, `Q`: `bigint | number`; the
 * others `number`), `e` a `number`, `?` a `boolean | number | bigint`, `c` a `Uint8Array`.
 */
export type FormatInputs = { [C in TypeCode]: InputOf<CodeToDType[C]> } & { e: number; '?': boolean | number | bigint; c: Uint8Array };

/** The format character of a {@link FormatLike} (`'@i'` → `'i'`). */
export type FormatChar<F extends FormatLike> = F extends `@${infer C extends Format}` ? C : F extends Format ? F : never;

/** The value type `get` returns for a format. */
export type ItemOf<F extends FormatLike> = FormatValues[FormatChar<F>];

/** The value type `set` accepts for a format. */
export type InputOfFormat<F extends FormatLike> = FormatInputs[FormatChar<F>];

/** A `toList()` result: nested arrays of items (`ndim` deep), or one item for a 0-d view. */
export type NestedList<T> = T | NestedList<T>[];

/** Static facts about one format. @internal */
export interface FormatInfo {
  readonly char: Format;
  readonly itemsize: 1 | 2 | 4 | 8;
  /** The dtype of the same layout, for `b B h H i I q Q f d`. */
  readonly dtype: DType | undefined;
  /** Validates a value and returns what the storage holds (float16 → its bits, bool → 0/1, byte → 0..255). */
  readonly check: (value: unknown, format: string) => number | bigint;
}

function invalidType(format: string, value: unknown): never {
  throwType(`memoryview: invalid type for format '${format}': ${describe(value)}`);
}

function invalidValue(format: string, value: unknown, range: string): never {
  throwValue(`memoryview: invalid value for format '${format}': ${describe(value)} out of range ${range}`);
}

function intCheck(min: number, max: number): (value: unknown, format: string) => number {
  return (value: unknown, format: string): number => {
    if (typeof value !== 'number' || !Number.isInteger(value)) return badInt(format, value);
    if (value < min || value > max) invalidValue(format, value, `[${min}, ${max}]`);
    return value;
  };
}

function badInt(format: string, value: unknown): never {
  if (typeof value === 'number') {
    throwType(`memoryview: invalid type for format '${format}': ${describe(value)} is not an integer`);
  }
  return invalidType(format, value);
}

function bigCheck(min: bigint, max: bigint): (value: unknown, format: string) => bigint {
  return (value: unknown, format: string): bigint => {
    let big: bigint;
    if (typeof value === 'bigint') big = value;
    else if (typeof value === 'number' && Number.isSafeInteger(value)) big = BigInt(value);
    else return badBig(format, value);
    if (big < min || big > max) invalidValue(format, value, `[${min}, ${max}]`);
    return big;
  };
}

function badBig(format: string, value: unknown): never {
  if (typeof value === 'number' && Number.isInteger(value)) {
    throwType(`memoryview: invalid type for format '${format}': unsafe integer ${describe(value)} (beyond ±2^53 − 1 a number has lost precision; pass a bigint)`);
  }
  return badInt(format, value);
}

function floatCheck(value: unknown, format: string): number {
  if (typeof value !== 'number') invalidType(format, value);
  return value;
}

function halfCheck(value: unknown, format: string): number {
  if (typeof value !== 'number') invalidType(format, value);
  const bits = encodeHalf(value);
  if (bits < 0) invalidValue(format, value, '[-65504, 65504] after rounding to float16');
  return bits;
}

function boolCheck(value: unknown, format: string): number {
  // Python takes any object by truthiness; JS truthiness differs ([] and '' and {}), so only
  // booleans, numbers and bigints are accepted.
  if (typeof value === 'boolean') return value ? 1 : 0;
  // Python: bool(nan) is True (only zero is false).
  if (typeof value === 'number') return value !== 0 ? 1 : 0;
  if (typeof value === 'bigint') return value !== 0n ? 1 : 0;
  return invalidType(format, value);
}

function charCheck(value: unknown, format: string): number {
  if (!ArrayBuffer.isView(value)) return invalidType(format, value);
  if (value.byteLength !== 1) {
    throwValue(`memoryview: invalid value for format '${format}': expected 1 byte, got ${value.byteLength}`);
  }
  return new Uint8Array(value.buffer, value.byteOffset, 1)[0]!;
}

function info(char: Format, itemsize: 1 | 2 | 4 | 8, dtype: DType | undefined, check: FormatInfo['check']): FormatInfo {
  return Object.freeze({ char, itemsize, dtype, check });
}

/**
 * The format of one dtype, from the dtype table (src/dtype.ts): its typecode, itemsize and range. Only the
 * check differs from the dtype's own: memoryview raises `ValueError` out of range, as Python does.
 */
function dtypeFormat(d: DTypeInfo): FormatInfo {
  const check: FormatInfo['check'] = !d.integer ? floatCheck : d.bigint ? bigCheck(d.min as bigint, d.max as bigint) : intCheck(d.min as number, d.max as number);
  return info(d.typecode, d.bytes, d.dtype, check);
}

/** Facts per format character: the ten dtypes' typecodes (derived from DTYPES), then `e`, `?` and `c`. @internal */
export const FORMATS: { readonly [C in Format]: FormatInfo } = Object.freeze({
  ...(Object.fromEntries(DTYPE_NAMES.map((d) => [DTYPES[d].typecode, dtypeFormat(DTYPES[d])])) as { readonly [C in TypeCode]: FormatInfo }),
  e: info('e', 2, undefined, halfCheck),
  '?': info('?', 1, undefined, boolCheck),
  c: info('c', 1, undefined, charCheck),
});

/** The format characters, in a fixed order. */
export const FORMAT_CHARS: readonly Format[] = Object.freeze(Object.keys(FORMATS) as Format[]);

/** The format of a dtype (`'float64'` → `'d'`). @internal */
export function formatOfDType(dtype: DType): Format {
  return DTYPES[dtype].typecode;
}

/** True for the byte formats `b`, `B`, `c` that `cast` may convert from or to. @internal */
export function isByteFormat(c: Format): boolean {
  return c === 'B' || c === 'b' || c === 'c';
}

/**
 * Parses a destination format of `cast`: one native character with an optional `'@'`.
 * @throws `TypeError` if `format` is not a string.
 * @throws {@link ValueError} for anything else (`'x'`, `'<i'`, `'ii'`, and Python's platform-sized `l L n N P`).
 * @internal
 */
export function parseFormat(format: unknown): Format {
  if (typeof format !== 'string') throwType(`memoryview.cast(): format must be a string, not ${describe(format)}`);
  const c = format.length === 2 && format[0] === '@' ? format[1]! : format;
  if (c.length === 1 && Object.prototype.hasOwnProperty.call(FORMATS, c)) return c as Format;
  if (c.length === 1 && 'lLnNP'.includes(c)) {
    throwValue(`memoryview: format ${describe(format)} is platform-sized in Python and not supported; use 'q'/'Q' (8 bytes) or 'i'/'I' (4 bytes)`);
  }
  throwValue(`memoryview: destination format must be a native single character format prefixed with an optional '@' (one of ${FORMAT_CHARS.join(' ')}), got ${describe(format)}`);
}
