/**
 * `store.downcast()` (pandas `to_numeric(downcast=…)` on every column): each numeric field's smallest dtype
 * that holds its values exactly. Integers go to the narrowest of int8, uint8, int16, uint16, int32, uint32
 * that holds [min, max] (64-bit integers too, when their values fit); floats go to float32 only when every
 * value survives the round trip (`Math.fround(x) === x`, NaN kept). Nothing else changes type.
 *
 * @internal
 * @packageDocumentation
 */
import type { DType, TypedArray } from '../dtype.js';
import { smallestIntDType } from './infer.js';

/**
 * The dtype a column of `dtype` can shrink to (itself when nothing smaller holds every value).
 * Rows whose `isValid(i)` is false (nulls: their slot holds 0) are ignored.
 * @internal
 */
export function downcastDType(dtype: DType, col: TypedArray, isValid: ((i: number) => boolean) | null): DType {
  const n = col.length;
  if (dtype === 'float32') return dtype;
  if (dtype === 'float64') {
    const a = col as Float64Array;
    for (let i = 0; i < n; i++) {
      const x = a[i]!;
      if (Math.fround(x) !== x && x === x && (isValid === null || isValid(i))) return dtype;
    }
    return 'float32';
  }
  if (dtype === 'int64' || dtype === 'uint64') {
    const a = col as BigInt64Array;
    let min = 0n;
    let max = 0n;
    let any = false;
    for (let i = 0; i < n; i++) {
      if (isValid !== null && !isValid(i)) continue;
      const v = a[i]!;
      if (!any || v < min) min = v;
      if (!any || v > max) max = v;
      any = true;
    }
    if (!any) return 'int8';
    if (min < -(2n ** 31n) || max >= 2n ** 32n) return dtype;
    return smallestIntDType(Number(min), Number(max));
  }
  const a = col as Int32Array;
  let min = Infinity;
  let max = -Infinity;
  if (isValid === null) {
    for (let i = 0; i < n; i++) {
      const v = a[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  } else {
    for (let i = 0; i < n; i++) {
      if (!isValid(i)) continue;
      const v = a[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (min > max) return 'int8'; // no values
  const d = smallestIntDType(min, max);
  return d === 'float64' ? dtype : d;
}
