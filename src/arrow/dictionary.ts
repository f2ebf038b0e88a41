/**
 * Arrow dictionaries → categorical codes and categories: decoding dictionary values, merging the
 * dictionaries of several chunks (deltas and replacements), and re-coding indices of any width.
 *
 * @packageDocumentation
 */
import { type Data, type DataType, Type, type Vector as ArrowVector } from 'apache-arrow';
import { allocCodes, codesDTypeFor } from '../categorical.js';
import { describe, ValueError } from '../errors.js';
import { describeArrowType, dtypeOfArrowType } from './types.js';
import { isStringType, stringsOf } from './strings.js';

/** @internal Decoded dictionary values: categories plus, where needed, a map from value index to code. */
export interface DecodedDictionary {
  /** Distinct categories, in dictionary order. */
  readonly categories: (string | number)[];
  /** Value index → category code (`-1` for a null value); `undefined` when it is the identity. */
  readonly remap: Int32Array | undefined;
}

/** @internal Decodes the values of one dictionary (all of its chunks, in order) to JS values. */
export function dictionaryValuesOf(dict: ArrowVector, column: string): (string | number | null)[] {
  const out: (string | number | null)[] = [];
  for (const chunk of dict.data) appendValues(out, chunk, column);
  return out;
}

/** @internal Appends the decoded values of one dictionary chunk to `out`. */
export function appendValues(out: (string | number | null)[], chunk: Data, column: string): void {
  const type = chunk.type as DataType;
  if (isStringType(type)) {
    const s = stringsOf(chunk);
    for (let i = 0; i < s.length; i++) out.push(s[i]!);
    return;
  }
  const dtype = dtypeOfArrowType(type);
  if (dtype === undefined) {
    throw new TypeError(`column ${describe(column)} is a dictionary of ${describeArrowType(type)}; compactly categoricals hold strings or numbers`);
  }
  const values = chunk.values as ArrayLike<number | bigint>;
  const hasNulls = chunk.nullCount > 0;
  for (let i = 0; i < chunk.length; i++) {
    if (hasNulls && !chunk.getValid(i)) {
      out.push(null);
      continue;
    }
    const v = values[i]!;
    if (typeof v === 'bigint') {
      if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
        throw new ValueError(`column ${describe(column)}: dictionary value ${v}n is outside the safe-integer range that number categories hold`);
      }
      out.push(Number(v));
    } else out.push(v);
  }
}

/**
 * @internal Turns decoded dictionary values into categories. Duplicate values (legal in Arrow) map to
 * their first occurrence and null values to `-1`, through `remap`.
 */
export function categoriesOf(values: readonly (string | number | null)[]): DecodedDictionary {
  const seen = new Map<string | number, number>();
  const categories: (string | number)[] = [];
  let remap: Int32Array | undefined;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let code: number;
    if (v === null || (typeof v === 'number' && Number.isNaN(v))) code = -1;
    else {
      const prev = seen.get(v);
      if (prev === undefined) {
        code = categories.length;
        seen.set(v, code);
        categories.push(v);
      } else code = prev;
    }
    if (code !== i && remap === undefined) {
      remap = new Int32Array(values.length);
      for (let j = 0; j < i; j++) remap[j] = j;
    }
    if (remap !== undefined) remap[i] = code;
  }
  return { categories, remap };
}

/** @internal True if the Arrow index type is a signed 8/16/32-bit integer (codes can be adopted). */
export function isSignedIndex(type: DataType): boolean {
  const t = type as DataType & { bitWidth?: number; isSigned?: boolean };
  return t.typeId === Type.Int && t.isSigned === true && t.bitWidth !== 64;
}

/** @internal The narrowest signed code array for `k` categories (`-1` stays representable): Categorical's own width rule. */
export function allocCodesFor(k: number, n: number): Int8Array | Int16Array | Int32Array {
  return allocCodes(codesDTypeFor(k), n);
}

/**
 * @internal Writes `data`'s indices into `out[at, at + length)` as codes: nulls → `-1`, through `remap`
 * if given, each index checked against the dictionary size `size`.
 * @throws {@link compactly!ValueError} naming the column and row of an index outside `[0, size)`.
 */
export function recodeChunk(data: Data, out: Int8Array | Int16Array | Int32Array, at: number, remap: Int32Array | undefined, size: number, column: string): void {
  const n = data.length;
  const idx = data.values as ArrayLike<number | bigint>;
  const hasNulls = data.nullCount > 0;
  const bitmap = data.nullBitmap;
  const off = data.offset;
  for (let i = 0; i < n; i++) {
    if (hasNulls) {
      const bit = off + i;
      if ((bitmap[bit >> 3]! & (1 << (bit & 7))) === 0) {
        out[at + i] = -1;
        continue;
      }
    }
    const raw = idx[i]!;
    const k = typeof raw === 'bigint' ? Number(raw) : raw;
    if (!(k >= 0 && k < size)) throwBadIndex(column, at + i, k, size);
    out[at + i] = remap === undefined ? k : remap[k]!;
  }
}

/** @internal */
export function throwBadIndex(column: string, row: number, k: number, size: number): never {
  throw new ValueError(`column ${describe(column)}: dictionary index ${k} at row ${row} is out of range for a dictionary of ${size} value(s)`);
}
