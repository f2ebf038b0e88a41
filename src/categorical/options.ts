/**
 * Option and result types of Categorical.
 * @packageDocumentation
 */
import type { MemoryUsage } from '../internal/memory-usage.js';
import type { CodesDType } from './codes.js';
import type { CategoryValue } from './dictionary.js';

/** A string literal type widened to `string`, a number literal to `number` (what a column of them holds). */
export type WidenCategory<T> = T extends string ? string : T extends number ? number : T;

/** Options of {@link categorical} and {@link Categorical.from}. */
export interface CategoricalOptions<T extends CategoryValue = CategoryValue> {
  /**
   * The categories, in order. Without it, the categories are the distinct values, sorted (as pandas
   * does). With it, a value that is not a category becomes missing (pandas), or a `TypeError` when `strict`.
   */
  readonly categories?: Iterable<T> | undefined;
  /** Whether the category order is meaningful (enables `lt`/`min`/…). Default `false`. */
  readonly ordered?: boolean | undefined;
  /** Never add categories implicitly: a value that is not a category is a `TypeError` (also for later `push`/`extend`). */
  readonly strict?: boolean | undefined;
  /** Codes to allocate up front (growth then starts from there). */
  readonly capacity?: number | undefined;
}

/** Options of {@link Categorical.fromCodes}. */
export interface FromCodesOptions {
  /** Whether the category order is meaningful. Default `false`. */
  readonly ordered?: boolean | undefined;
}

/** Per-call options of `push`, `extend` and `assertExtendable`. */
export interface PushOptions {
  /** Overrides the column's `strict` setting for this call. */
  readonly strict?: boolean | undefined;
}

/** Options of {@link Categorical.valueCounts}. */
export interface ValueCountsOptions {
  /** `false` adds a `null` entry (last) with the number of missing values, when there are any. Default `true`. */
  readonly dropna?: boolean | undefined;
}

/** Options of {@link Categorical.min} and {@link Categorical.max}. */
export interface MinMaxOptions {
  /** `false`: any missing value makes the result `null`. Default `true` (missing values are skipped). */
  readonly skipna?: boolean | undefined;
}

/** Options of {@link Categorical.setCategories}. */
export interface SetCategoriesOptions {
  /** Rename positionally instead of recoding by value (surplus codes become missing). Default `false`. */
  readonly rename?: boolean | undefined;
  /** New `ordered` flag; default: unchanged. */
  readonly ordered?: boolean | undefined;
}

/** Options of {@link Categorical.reorderCategories}. */
export interface ReorderOptions {
  /** New `ordered` flag; default: unchanged. */
  readonly ordered?: boolean | undefined;
}

/**
 * What {@link Categorical.memoryUsage} returns: the common {@link MemoryUsage} fields (bytes; items are values;
 * `byteLength = codes + slack + dictionary`) and the breakdown.
 */
export interface CategoricalMemoryUsage extends MemoryUsage {
  /** The code dtype in use. */
  readonly codesDType: CodesDType;
  /** Number of categories. */
  readonly categories: number;
  /** `length × itemsize`: the live codes. */
  readonly codes: number;
  /** `(capacity − length) × itemsize`: allocated, unused codes. */
  readonly slack: number;
  /** Estimated heap bytes of the dictionary (category array, Map, strings). */
  readonly dictionary: number;
  /** @deprecated `codes + slack + dictionary`: use `byteLength`. */
  readonly total: number;
}
