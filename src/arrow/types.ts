/**
 * The type mapping between compactly dtypes and Apache Arrow types, both ways.
 *
 * Every numeric dtype maps to exactly one Arrow primitive type whose buffer is the same TypedArray
 * class, so data passes between the two without conversion (`makeData` reinterprets the bytes of a
 * mismatched TypedArray instead of converting it, so the mapping must be exact).
 *
 * @packageDocumentation
 */
import { type DataType, Float32, Float64, Int16, Int32, Int64, Int8, Precision, Type, Uint16, Uint32, Uint64, Uint8 } from 'apache-arrow';
import type { DType } from '../dtype.js';
import { describe, ValueError } from '../errors.js';

/** The Arrow type class for each dtype (type level). */
export interface ArrowTypeOf {
  /** `int8` ↔ `Int8`. */
  int8: Int8;
  /** `uint8` ↔ `Uint8`. */
  uint8: Uint8;
  /** `int16` ↔ `Int16`. */
  int16: Int16;
  /** `uint16` ↔ `Uint16`. */
  uint16: Uint16;
  /** `int32` ↔ `Int32`. */
  int32: Int32;
  /** `uint32` ↔ `Uint32`. */
  uint32: Uint32;
  /** `int64` ↔ `Int64`. */
  int64: Int64;
  /** `uint64` ↔ `Uint64`. */
  uint64: Uint64;
  /** `float32` ↔ `Float32`. */
  float32: Float32;
  /** `float64` ↔ `Float64`. */
  float64: Float64;
}

/**
 * The dtype an Arrow primitive type reads back as (type level); `never` for other Arrow types. Read off
 * {@link ArrowTypeOf}: the dtype whose Arrow type has the same type id (`T['TType']`, e.g. `Type.Int8`).
 */
export type DTypeOfArrow<T extends DataType> = { [D in DType]: T['TType'] extends ArrowTypeOf[D]['TType'] ? D : never }[DType];

/**
 * A fresh Arrow type instance for a dtype: `int8` → `Int8`, …, `float64` → `Float64`.
 * @param dtype - a compactly dtype name.
 * @returns the Arrow primitive type whose buffer class equals the dtype's TypedArray class.
 * @throws {@link ValueError} for a name that is not a dtype.
 * @remarks O(1); allocates one small type object.
 * @example
 * ```ts
 * String(arrowTypeOf('uint16')); // 'Uint16'
 * ```
 */
export function arrowTypeOf<D extends DType>(dtype: D): ArrowTypeOf[D];
export function arrowTypeOf(dtype: DType): DataType {
  if (!Object.hasOwn(ARROW_TYPES, dtype)) throw new ValueError(`arrowTypeOf: unknown dtype ${describe(dtype)}`);
  return new ARROW_TYPES[dtype]();
}

/** The Arrow type class of each dtype: {@link ArrowTypeOf} at the value level. */
const ARROW_TYPES: { readonly [D in DType]: new () => ArrowTypeOf[D] } = {
  int8: Int8,
  uint8: Uint8,
  int16: Int16,
  uint16: Uint16,
  int32: Int32,
  uint32: Uint32,
  int64: Int64,
  uint64: Uint64,
  float32: Float32,
  float64: Float64,
};

/**
 * The dtype of an Arrow primitive numeric type, or `undefined` for any other Arrow type
 * (Float16, Bool, strings, temporal, nested, dictionary, …).
 * @param type - an Arrow `DataType`.
 * @returns `'int8'` … `'float64'`, or `undefined`.
 * @remarks O(1). Reads `typeId`, `bitWidth`, `isSigned` and `precision`, so it works across copies of
 *   apache-arrow.
 */
export function dtypeOfArrowType(type: DataType): DType | undefined {
  const t = type as DataType & { bitWidth?: number; isSigned?: boolean; precision?: number };
  if (t.typeId === Type.Int) {
    switch (t.bitWidth) {
      case 8:
        return t.isSigned ? 'int8' : 'uint8';
      case 16:
        return t.isSigned ? 'int16' : 'uint16';
      case 32:
        return t.isSigned ? 'int32' : 'uint32';
      case 64:
        return t.isSigned ? 'int64' : 'uint64';
      default:
        return undefined;
    }
  }
  if (t.typeId === Type.Float) {
    if (t.precision === Precision.SINGLE) return 'float32';
    if (t.precision === Precision.DOUBLE) return 'float64';
  }
  return undefined;
}

/** @internal A readable name for an Arrow type in error messages (`Timestamp<MILLISECOND>`, `Utf8`). */
export function describeArrowType(type: DataType): string {
  try {
    return String(type);
  } catch {
    return `Arrow type id ${String(type.typeId)}`;
  }
}
