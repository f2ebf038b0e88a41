/**
 * The shapes of the core structures that compactly/arrow reads, checked structurally.
 *
 * Inputs are recognised by shape rather than `instanceof`, so that structures made by another copy of
 * the core module (a CJS build next to an ESM one, a bundler duplicate) still convert.
 *
 * @packageDocumentation
 */
import { type ArrayOf, type DType, isDType } from '../dtype.js';

/** The members of a compactly `Vector` that Arrow conversion reads. */
export interface AnyVector<D extends DType = DType> {
  /** The dtype name. */
  readonly dtype: D;
  /** Live elements. */
  readonly length: number;
  /** Live alias of the `length` elements. */
  readonly array: ArrayOf[D];
}

/** The members of a compactly `Categorical` that Arrow conversion reads. */
export interface AnyCategorical {
  /** Live signed code array of `length` elements, `-1` = missing. */
  readonly codes: Int8Array | Int16Array | Int32Array;
  /** The categories, in code order. */
  readonly categories: readonly (string | number)[];
  /** Whether the category order is meaningful (Arrow `isOrdered`). */
  readonly ordered: boolean;
  /** Number of values. */
  readonly length: number;
}

/** The members of a compactly `RecordStore` that Arrow conversion reads. */
export interface AnyRecordStore {
  /** Field name → field spec (dtype, `'category'`, `[dtype, n]`, or `{type, default}`). */
  readonly schema: { readonly [field: string]: unknown };
  /** Field names in schema order. */
  readonly fields: readonly string[];
  /** Number of records. */
  readonly length: number;
  /**
   * The column of a field: a TypedArray alias of `length` (× n) elements, or the Categorical.
   * @param name - a field name.
   */
  column(name: string): unknown;
  /**
   * The validity bitmap of a nullable field (Arrow's layout), or `null` while it has no null. Optional: a
   * store without it has no nullable fields.
   * @param name - a field name.
   */
  validity?(name: string): Uint8Array | null;
  /**
   * The number of null rows of a field. Optional, as {@link AnyRecordStore.validity}.
   * @param name - a field name.
   */
  nullCount?(name: string): number;
}

/** @internal True for a compactly Vector (by shape). */
export function isVectorLike(x: unknown): x is AnyVector {
  if (typeof x !== 'object' || x === null) return false;
  const v = x as { dtype?: unknown; array?: unknown; length?: unknown };
  return isDType(v.dtype) && ArrayBuffer.isView(v.array) && typeof v.length === 'number';
}

/** @internal True for a compactly Categorical (by shape). */
export function isCategoricalLike(x: unknown): x is AnyCategorical {
  if (typeof x !== 'object' || x === null) return false;
  const c = x as { codes?: unknown; categories?: unknown; ordered?: unknown };
  return (c.codes instanceof Int8Array || c.codes instanceof Int16Array || c.codes instanceof Int32Array) && Array.isArray(c.categories) && typeof c.ordered === 'boolean';
}

/** @internal True for a compactly RecordStore (by shape). */
export function isRecordStoreLike(x: unknown): x is AnyRecordStore {
  if (typeof x !== 'object' || x === null) return false;
  const s = x as { schema?: unknown; fields?: unknown; column?: unknown; length?: unknown };
  return typeof s.column === 'function' && Array.isArray(s.fields) && typeof s.schema === 'object' && s.schema !== null && typeof s.length === 'number';
}
