/**
 * dtypes: the ten element types of compactly, their Python typecode aliases, static facts per dtype,
 * and the value checks every public write goes through (docs/internals/design.md, "Conventions").
 *
 * @packageDocumentation
 */
import { describe, throwOverflow, throwType, throwValue } from './errors.js';

/** Element type tag; names mirror the TypedArray constructors. */
export type DType = 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64' | 'float32' | 'float64';

/**
 * Python `array` typecodes accepted wherever a dtype is: `b B h H i I q Q f d`.
 * `l`/`L` are not accepted: their width is platform-dependent in Python (8 bytes on Linux, 4 on Windows).
 */
export type TypeCode = 'b' | 'B' | 'h' | 'H' | 'i' | 'I' | 'q' | 'Q' | 'f' | 'd';

/** A dtype name or a Python typecode. */
export type DTypeLike = DType | TypeCode;

/** The dtype a {@link DTypeLike} stands for (`'b'` → `'int8'`). */
export type ResolveDType<T extends DTypeLike> = T extends DType ? T : T extends TypeCode ? CodeToDType[T] : never;

/** Python typecode → dtype name, at the type level (`CodeToDType['q']` is `'int64'`). */
export interface CodeToDType {
  /** `b` is `int8`. */
  b: 'int8';
  /** `B` is `uint8`. */
  B: 'uint8';
  /** `h` is `int16`. */
  h: 'int16';
  /** `H` is `uint16`. */
  H: 'uint16';
  /** `i` is `int32`. */
  i: 'int32';
  /** `I` is `uint32`. */
  I: 'uint32';
  /** `q` is `int64`. */
  q: 'int64';
  /** `Q` is `uint64`. */
  Q: 'uint64';
  /** `f` is `float32`. */
  f: 'float32';
  /** `d` is `float64`. */
  d: 'float64';
}

/** Backing TypedArray per dtype. */
export interface ArrayOf {
  /** `int8` is stored in a `Int8Array`. */
  int8: Int8Array;
  /** `uint8` is stored in a `Uint8Array`. */
  uint8: Uint8Array;
  /** `int16` is stored in a `Int16Array`. */
  int16: Int16Array;
  /** `uint16` is stored in a `Uint16Array`. */
  uint16: Uint16Array;
  /** `int32` is stored in a `Int32Array`. */
  int32: Int32Array;
  /** `uint32` is stored in a `Uint32Array`. */
  uint32: Uint32Array;
  /** `int64` is stored in a `BigInt64Array`. */
  int64: BigInt64Array;
  /** `uint64` is stored in a `BigUint64Array`. */
  uint64: BigUint64Array;
  /** `float32` is stored in a `Float32Array`. */
  float32: Float32Array;
  /** `float64` is stored in a `Float64Array`. */
  float64: Float64Array;
}

/** The JS value type a dtype reads back as: `bigint` for 64-bit integers, `number` otherwise. */
export type ValueOf<D extends DType> = D extends 'int64' | 'uint64' ? bigint : number;

/** What a write to a dtype accepts: 64-bit dtypes also take safe-integer numbers. */
export type InputOf<D extends DType> = D extends 'int64' | 'uint64' ? bigint | number : number;

/** Any of the ten backing TypedArrays. */
export type TypedArray = ArrayOf[DType];

/**
 * The dtype a TypedArray type stores, at the type level (`DTypeOfArray<Int16Array>` is `'int16'`; a union maps
 * to the union; `never` for anything else): the inverse of {@link ArrayOf}, as {@link dtypeOfArray} is at run time.
 */
export type DTypeOfArray<A> = { [D in DType]: A extends ArrayOf[D] ? D : never }[DType];

/** A TypedArray constructor for one dtype. */
export interface TypedArrayConstructorOf<D extends DType> {
  /** Allocates `length` zero-filled elements. */
  new (length: number): ArrayOf[D];
  /** Views `length` elements of `buffer` from `byteOffset` (aliases the buffer; no copy). */
  new (buffer: ArrayBufferLike, byteOffset?: number, length?: number): ArrayOf[D];
  /** Bytes per element. */
  readonly BYTES_PER_ELEMENT: number;
}

/** Static facts about one dtype: a frozen record, not a class. */
export interface DTypeInfo<D extends DType = DType> {
  /** The dtype name. */
  readonly dtype: D;
  /** Its Python typecode. */
  readonly typecode: TypeCode;
  /** Bytes per element (Python `itemsize`). */
  readonly bytes: 1 | 2 | 4 | 8;
  /** The backing TypedArray constructor. */
  readonly ctor: TypedArrayConstructorOf<D>;
  /** Smallest representable value (`-Infinity` for floats). */
  readonly min: ValueOf<D>;
  /** Largest representable value (`Infinity` for floats). */
  readonly max: ValueOf<D>;
  /** True for the eight integer dtypes. */
  readonly integer: boolean;
  /** True for `int64`/`uint64`, whose values are `bigint`. */
  readonly bigint: boolean;
  /** True for signed integers and floats. */
  readonly signed: boolean;
  /**
   * Validates one value for this dtype and returns what to store (a safe-integer `number` becomes a
   * `bigint` for 64-bit dtypes).
   * @throws `TypeError` for a non-number (or boolean), a non-integral number for an integer dtype,
   *   or an unsafe-integer number for a 64-bit dtype.
   * @throws {@link OverflowError} if the value is out of range.
   */
  readonly check: (value: unknown, where?: string) => ValueOf<D>;
  /** Allocates a zero-filled backing array of `length` elements. */
  readonly alloc: (length: number) => ArrayOf[D];
}

/** The ten dtypes, in a fixed order. */
export const DTYPE_NAMES: readonly DType[] = Object.freeze(['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64'] as const);

const CODE_TO_DTYPE: Readonly<Record<TypeCode, DType>> = Object.freeze({
  b: 'int8',
  B: 'uint8',
  h: 'int16',
  H: 'uint16',
  i: 'int32',
  I: 'uint32',
  q: 'int64',
  Q: 'uint64',
  f: 'float32',
  d: 'float64',
});

// --- value checks -----------------------------------------------------------------------------
// One checker per dtype (a distinct closure each). The fast path is a few comparisons; every throw
// goes through an out-of-line helper so the checker stays small enough to inline.

function badNumber(dtype: DType, value: unknown, where: string | undefined, integer: boolean): never {
  const at = where ? `${where}: ` : '';
  if (typeof value === 'boolean') {
    throwType(`${at}${dtype} expects a number, got boolean ${value} (booleans are not numbers in compactly)`);
  }
  if (typeof value === 'bigint') {
    throwType(`${at}${dtype} expects a number, got bigint ${describe(value)}`);
  }
  if (typeof value !== 'number') throwType(`${at}${dtype} expects a number, got ${typeof value} ${describe(value)}`);
  if (integer) throwType(`${at}${dtype} expects an integer, got ${describe(value)}`);
  throwType(`${at}${dtype} rejects ${describe(value)}`);
}

function outOfRange(dtype: DType, value: number | bigint, min: number | bigint, max: number | bigint, where?: string): never {
  const at = where ? `${where}: ` : '';
  throwOverflow(`${at}${dtype} value ${describe(value)} out of range [${min}, ${max}]`);
}

function smallIntChecker(dtype: DType, min: number, max: number): (value: unknown, where?: string) => number {
  return (value: unknown, where?: string): number => {
    if (typeof value !== 'number' || !Number.isInteger(value)) badNumber(dtype, value, where, true);
    if (value < min || value > max) outOfRange(dtype, value, min, max, where);
    return value;
  };
}

function floatChecker(dtype: DType): (value: unknown, where?: string) => number {
  return (value: unknown, where?: string): number => {
    if (typeof value !== 'number') badNumber(dtype, value, where, false);
    return value;
  };
}

function bigChecker(dtype: DType, min: bigint, max: bigint): (value: unknown, where?: string) => bigint {
  return (value: unknown, where?: string): bigint => {
    let big: bigint;
    if (typeof value === 'bigint') big = value;
    else if (typeof value === 'number' && Number.isSafeInteger(value)) big = BigInt(value);
    else return badBig(dtype, value, where);
    if (big < min || big > max) outOfRange(dtype, big, min, max, where);
    return big;
  };
}

function badBig(dtype: DType, value: unknown, where?: string): never {
  const at = where ? `${where}: ` : '';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) {
      throwType(`${at}${dtype} got unsafe integer ${describe(value)} (beyond ±2^53 − 1 a number has lost precision; pass a bigint)`);
    }
    throwType(`${at}${dtype} expects an integer, got ${describe(value)}`);
  }
  throwType(`${at}${dtype} expects a bigint or a safe-integer number, got ${typeof value} ${describe(value)}`);
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const U64_MAX = 2n ** 64n - 1n;

function info<D extends DType>(
  dtype: D,
  typecode: TypeCode,
  ctor: TypedArrayConstructorOf<D>,
  min: ValueOf<D>,
  max: ValueOf<D>,
  check: (value: unknown, where?: string) => ValueOf<D>,
): DTypeInfo<D> {
  const integer = !dtype.startsWith('float');
  return Object.freeze({
    dtype,
    typecode,
    bytes: ctor.BYTES_PER_ELEMENT as 1 | 2 | 4 | 8,
    ctor,
    min,
    max,
    integer,
    bigint: dtype === 'int64' || dtype === 'uint64',
    signed: !dtype.startsWith('uint'),
    check,
    alloc: (length: number) => new ctor(length),
  });
}

/** Static facts of every dtype (frozen). */
export const DTYPES: { readonly [D in DType]: DTypeInfo<D> } = Object.freeze({
  int8: info('int8', 'b', Int8Array, -128, 127, smallIntChecker('int8', -128, 127)),
  uint8: info('uint8', 'B', Uint8Array, 0, 255, smallIntChecker('uint8', 0, 255)),
  int16: info('int16', 'h', Int16Array, -32768, 32767, smallIntChecker('int16', -32768, 32767)),
  uint16: info('uint16', 'H', Uint16Array, 0, 65535, smallIntChecker('uint16', 0, 65535)),
  int32: info('int32', 'i', Int32Array, -(2 ** 31), 2 ** 31 - 1, smallIntChecker('int32', -(2 ** 31), 2 ** 31 - 1)),
  uint32: info('uint32', 'I', Uint32Array, 0, 2 ** 32 - 1, smallIntChecker('uint32', 0, 2 ** 32 - 1)),
  int64: info('int64', 'q', BigInt64Array, I64_MIN, I64_MAX, bigChecker('int64', I64_MIN, I64_MAX)),
  uint64: info('uint64', 'Q', BigUint64Array, 0n, U64_MAX, bigChecker('uint64', 0n, U64_MAX)),
  float32: info('float32', 'f', Float32Array, -Infinity, Infinity, floatChecker('float32')),
  float64: info('float64', 'd', Float64Array, -Infinity, Infinity, floatChecker('float64')),
});

/** True if `x` is one of the ten dtype names. */
export function isDType(x: unknown): x is DType {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(DTYPES, x);
}

/** True if `x` is one of the accepted Python typecodes (`b B h H i I q Q f d`). */
export function isTypeCode(x: unknown): x is TypeCode {
  return typeof x === 'string' && Object.prototype.hasOwnProperty.call(CODE_TO_DTYPE, x);
}

/**
 * Resolves a dtype name or Python typecode to the dtype name.
 * @throws {@link ValueError} for anything else (including Python's platform-dependent `l`/`L`).
 * @example
 * ```ts
 * resolveDType('d'); // 'float64'
 * ```
 */
export function resolveDType<T extends DTypeLike>(x: T): ResolveDType<T>;
export function resolveDType(x: unknown): DType;
export function resolveDType(x: unknown): DType {
  if (isDType(x)) return x;
  if (isTypeCode(x)) return CODE_TO_DTYPE[x];
  if (x === 'l' || x === 'L') {
    return throwValue(
      `bad typecode ${describe(x)}: 'l'/'L' are platform-dependent in Python (8 bytes on Linux, 4 on Windows); use 'q'/'Q' (int64/uint64) or 'i'/'I' (int32/uint32)`,
    );
  }
  return throwValue(`bad dtype ${describe(x)} (must be one of ${DTYPE_NAMES.join(', ')} or a typecode b, B, h, H, i, I, q, Q, f, d)`);
}

/** Static facts for a dtype name or typecode. @throws {@link ValueError} for an unknown one. */
export function dtypeInfo<T extends DTypeLike>(x: T): DTypeInfo<ResolveDType<T>> {
  return DTYPES[resolveDType(x)] as unknown as DTypeInfo<ResolveDType<T>>;
}

/**
 * Validates `value` for `dtype` and returns what to store. Convenience over `DTYPES[dtype].check`.
 * @throws `TypeError` for a non-number, a boolean, a non-integral number for an integer dtype, or an
 *   unsafe-integer number for a 64-bit dtype.
 * @throws {@link OverflowError} if out of range.
 */
export function checkValue<D extends DType>(dtype: D, value: unknown, where?: string): ValueOf<D> {
  return DTYPES[dtype].check(value, where);
}

/** The dtype of a TypedArray instance, or `undefined` for anything else (Uint8ClampedArray included). */
export function dtypeOfArray(array: unknown): DType | undefined {
  if (array instanceof Float64Array) return 'float64';
  if (array instanceof Int32Array) return 'int32';
  if (array instanceof Uint8Array) return 'uint8';
  if (array instanceof Float32Array) return 'float32';
  if (array instanceof Int8Array) return 'int8';
  if (array instanceof Int16Array) return 'int16';
  if (array instanceof Uint16Array) return 'uint16';
  if (array instanceof Uint32Array) return 'uint32';
  if (array instanceof BigInt64Array) return 'int64';
  if (array instanceof BigUint64Array) return 'uint64';
  return undefined;
}

/**
 * True if every value of `src` dtype is representable in `dst` dtype without a check
 * (widening: int8 → int16, uint8 → int32, int32 → float64, …). Bulk writes use this to skip
 * per-element validation.
 */
export function widensTo(src: DType, dst: DType): boolean {
  if (src === dst) return true;
  const s = DTYPES[src];
  const d = DTYPES[dst];
  if (s.bigint !== d.bigint) return false;
  if (!d.integer) {
    if (!s.integer) return d.bytes >= s.bytes; // float32 → float64
    return s.bytes < d.bytes; // ints up to 32 bits fit exactly in float64; int8/16 in float32
  }
  if (!s.integer) return false;
  if (s.signed && !d.signed) return false;
  if (s.signed === d.signed) return d.bytes > s.bytes;
  return d.bytes > s.bytes; // unsigned → wider signed
}
