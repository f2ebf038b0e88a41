/**
 * `Categorical`: a dictionary-encoded column, faithful to `pandas.Categorical`, that widens its codes
 * (Int8 → Int16 → Int32) instead of corrupting them when the categories outgrow the width.
 *
 * @packageDocumentation
 */
import { describe, throwType, throwValue } from '../errors.js';
import { normalizeIndex } from '../internal/bounds.js';
import { OWNER, throwOwned } from '../internal/owner.js';
import { allocCodes, bincount, codeBytes, codesDTypeFor, codesDTypeOf, copyCodes, gather, rangeMask, type CodeArray, type CodesDType, type CompareOp } from './codes.js';
import { decodeValues, dictionaryBytes, formatCategorical, isIterableObject, isMissing, makeDictionary, type CategoryValue, type Dictionary, type Kind } from './dictionary.js';
import { checkCount, checkExtendable, checkFlag, emptyDictionary, takeIndices, throwNotCategory } from './checks.js';
import { codesFromInput } from './from-codes.js';
import { ADD, appendValues, grownCodes, MISSING, naturalOrder, STRICT, unseenCode, type LoadState, type Mode } from './load.js';
import { compareSides, compareWith, sidesEqual, type Side } from './compare.js';
import { appliedCodes, planAdd, planRemove, planRemoveUnused, planRename, planReorder, planSet, type EditPlan, type Renamer } from './edits.js';
import { categoricalNbytes, categoricalUsage, countsByCategory, extremeOf, uniqueCodes } from './reductions.js';

export type { CategoryValue } from './dictionary.js';
export type { CodeArray, CodesDType } from './codes.js';
export type { Renamer } from './edits.js';

export type {
  CategoricalMemoryUsage,
  CategoricalOptions,
  FromCodesOptions,
  MinMaxOptions,
  PushOptions,
  ReorderOptions,
  SetCategoriesOptions,
  ValueCountsOptions,
  WidenCategory,
} from './options.js';
import type {
  CategoricalMemoryUsage,
  CategoricalOptions,
  FromCodesOptions,
  MinMaxOptions,
  PushOptions,
  ReorderOptions,
  SetCategoriesOptions,
  ValueCountsOptions,
  WidenCategory,
} from './options.js';

/** What the comparison methods accept: a value, a Categorical of the same length, or an array of the same length. */
export type CompareOperand<T extends CategoryValue> = T | CategoryValue | null | undefined | Categorical<CategoryValue> | readonly unknown[];

/**
 * A dictionary-encoded column of strings or numbers: signed integer codes (`-1` = missing) into a list of
 * categories, as `pandas.Categorical`.
 *
 * @remarks
 * **Storage.** Codes live in an `Int8Array` while there are at most 128 categories, an `Int16Array` up
 * to 32768 and an `Int32Array` beyond. Adding a category that does not fit **widens** the codes (one
 * O(n) copy), so values are never corrupted (apache-arrow and flechette wrap an Int8 index past 127).
 * The codes grow like a vector (capacity doubling, {@link Categorical.reserve}, {@link Categorical.shrinkToFit}).
 * A `Map` gives value → code in O(1). Memory: about 1 byte per value for ≤ 128 categories.
 *
 * **Values.** Categories are strings or numbers, never both in one column (`TypeError`). On input
 * `null`, `undefined` and `NaN` are missing; on output missing is `null`.
 *
 * **Loading vs editing.** {@link Categorical.push}/{@link Categorical.extend} add unseen values as new
 * categories (unless `strict`); {@link Categorical.set} only accepts existing categories (pandas
 * `TypeError`). Category edits (`addCategories`, `renameCategories`, …) return a **new** Categorical,
 * as pandas ≥ 2.0 does; the original is unchanged.
 *
 * @example
 * ```ts
 * const c = categorical(['b', 'a', null, 'a']);
 * c.categories;            // ['a', 'b']
 * Array.from(c.codes);     // [1, 0, -1, 0]
 * c.valueCounts();         // Map { 'a' => 2, 'b' => 1 }
 * ```
 */
export class Categorical<T extends CategoryValue = CategoryValue> implements Iterable<T | null> {
  #codes: CodeArray;
  #length: number;
  #list: T[];
  #index: Map<T, number>;
  #kind: Kind;
  #ordered: boolean;
  #strict: boolean;
  #snapshot: readonly T[] | null = null;
  #dictBytes = -1;
  #view: CodeArray | null = null;
  /**
   * The category list and index are shared with other Categoricals (`take`): the first change to the
   * categories (an unseen value pushed) copies them first, so sharing is never visible.
   */
  #shared = false;
  /**
   * The RecordStore that owns this column (a description), or `undefined`: while owned, `push`,
   * `extend`, `removeAt`, `swapRemoveAt` and `clear` throw `BufferError`. Set by the store.
   * @internal
   */
  [OWNER]: string | undefined = undefined;

  private constructor(codes: CodeArray, length: number, dict: Dictionary<T>, ordered: boolean, strict: boolean) {
    this.#codes = codes;
    this.#length = length;
    this.#list = dict.list;
    this.#index = dict.index;
    this.#kind = dict.kind;
    this.#ordered = ordered;
    this.#strict = strict;
  }

  // ---------------------------------------------------------------------------------------------
  // Construction
  // ---------------------------------------------------------------------------------------------

  /**
   * Builds a Categorical from values (same as {@link categorical}).
   *
   * @param values - Strings or numbers; `null`, `undefined` and `NaN` are missing. Default: none.
   * @param options - `categories` (explicit, ordered list), `ordered`, `strict`, `capacity`.
   * @returns A new Categorical. Without `categories`, the categories are the distinct values sorted
   * (numbers ascending, strings by UTF-16 code units), as pandas does.
   * @throws `TypeError` for a value that is not a string, number or missing, for mixed strings and numbers,
   * for a non-boolean `ordered`/`strict`, or (with `strict`) for a value outside `categories`.
   * @throws {@link ValueError} for duplicate or missing categories.
   * @remarks O(n) plus O(k log k) to sort k inferred categories. Allocates the codes (exactly n when
   * `values` is an array) and the dictionary.
   * @example
   * ```ts
   * const c = Categorical.from(['lo', 'hi', 'lo'], { categories: ['lo', 'hi'], ordered: true });
   * c.lt('hi'); // Uint8Array [1, 0, 1]
   * ```
   */
  static from<T extends CategoryValue>(values?: Iterable<T | null | undefined>, options: CategoricalOptions<T> = {}): Categorical<WidenCategory<T>> {
    const where = 'categorical';
    const ordered = checkFlag(options.ordered, 'ordered', where) ?? false;
    const strict = checkFlag(options.strict, 'strict', where) ?? false;
    const explicit = options.categories !== undefined;
    const dict = explicit ? makeDictionary<WidenCategory<T>>(options.categories as Iterable<unknown>, where) : emptyDictionary<WidenCategory<T>>();
    if (values !== undefined && (typeof values === 'string' || !isIterableObject(values))) {
      throwType(`${where}: values must be an iterable (an array, a Set, a generator) of strings or numbers, got ${describe(values)}`);
    }
    let capacity = options.capacity === undefined ? 0 : checkCount(options.capacity, where);
    if (values !== undefined && Array.isArray(values)) capacity = Math.max(capacity, values.length);
    const c = new Categorical<WidenCategory<T>>(allocCodes(codesDTypeFor(dict.list.length), capacity), 0, dict, ordered, strict);
    if (values !== undefined) c.#append(values, explicit ? (strict ? STRICT : MISSING) : ADD, where);
    if (!explicit) c.#sortCategories();
    return c;
  }

  /**
   * Builds a Categorical from codes and categories (pandas `Categorical.from_codes`).
   *
   * @param codes - Integer codes in `[-1, categories.length)`; `-1` is missing. An `Int8Array`,
   * `Int16Array` or `Int32Array` at least as wide as the category count needs is **adopted without
   * copying** (the Categorical then reads and writes that memory until its first reallocation; a
   * subarray of a larger buffer, e.g. from Arrow, works). Anything else (plain arrays, unsigned or
   * narrower arrays, `BigInt64Array`) is validated and copied into the narrowest width.
   * @param categories - The categories, in order (validated: unique, not missing, one kind).
   * @param options - `ordered`.
   * @returns A new Categorical of `codes.length` values.
   * @throws {@link ValueError} for a code outside `[-1, categories.length)`, a non-integer code, a float
   * TypedArray, missing `categories`, or duplicate / missing categories.
   * @throws `TypeError` if `codes` is not array-like, or the categories mix strings and numbers.
   * @remarks O(n) validation; no allocation for adopted codes. An adopted wider array keeps its width
   * (e.g. Int32 codes over 4 categories) until {@link Categorical.shrinkToFit} narrows it.
   * @example
   * ```ts
   * const c = Categorical.fromCodes(new Int8Array([0, 1, -1]), ['x', 'y']);
   * c.toArray(); // ['x', 'y', null]
   * ```
   */
  static fromCodes<T extends CategoryValue>(codes: ArrayLike<number> | ArrayLike<bigint>, categories: Iterable<T>, options: FromCodesOptions = {}): Categorical<WidenCategory<T>> {
    const where = 'Categorical.fromCodes';
    const ordered = checkFlag(options.ordered, 'ordered', where) ?? false;
    if (categories === undefined || categories === null) {
      throwValue(`${where}: The categories must be provided in 'categories'. Both were None.`);
    }
    const dict = makeDictionary<WidenCategory<T>>(categories, where);
    const k = dict.list.length;
    const { codes: adopted, length } = codesFromInput(codes, k, where);
    return new Categorical(adopted, length, dict, ordered, false);
  }

  /**
   * @internal {@link Categorical.fromCodes} without its O(n) scan of the codes, for producers whose codes are in
   * range by construction (the CSV reader's chunks; `toStore`'s stacking of such chunks). The categories are
   * still checked (O(k)); codes narrower than the categories need go through the checked path.
   */
  static fromCodesUnchecked<T extends CategoryValue>(codes: CodeArray, categories: Iterable<T>, ordered = false): Categorical<WidenCategory<T>> {
    const dict = makeDictionary<WidenCategory<T>>(categories, 'Categorical.fromCodes');
    if (codes.BYTES_PER_ELEMENT < codeBytes(codesDTypeFor(dict.list.length)))
      return Categorical.fromCodes(codes, dict.list as readonly CategoryValue[] as Iterable<T>, { ordered });
    return new Categorical(codes, codes.length, dict, ordered, false);
  }

  // ---------------------------------------------------------------------------------------------
  // Properties
  // ---------------------------------------------------------------------------------------------

  /** Number of values (missing included). */
  get length(): number {
    return this.#length;
  }

  /** Number of codes allocated (`length <= capacity`). */
  get capacity(): number {
    return this.#codes.length;
  }

  /**
   * The categories, in order.
   *
   * @remarks A frozen **copy** (snapshot): it does not change when categories are added later; reading
   * it again after a change gives a new array. O(k) after a change, O(1) otherwise (cached).
   */
  get categories(): readonly T[] {
    let s = this.#snapshot;
    if (s === null) {
      s = Object.freeze(this.#list.slice());
      this.#snapshot = s;
    }
    return s;
  }

  /** Number of categories (`categories.length` without the copy). */
  get categoryCount(): number {
    return this.#list.length;
  }

  /**
   * The codes, `-1` for missing: an **alias** of the live storage (`Int8Array`, `Int16Array` or
   * `Int32Array`, length === {@link Categorical.length}).
   *
   * @remarks Goes stale when the Categorical reallocates (growth past `capacity`, `reserve`,
   * `shrinkToFit`) or **widens** (a category past 128 or 32768): read it again after such writes.
   * Writing into it bypasses validation (pandas makes its codes read-only): a code outside
   * `[-1, categoryCount)` corrupts the column. O(1) (the subarray is cached).
   */
  get codes(): CodeArray {
    const codes = this.#codes;
    const n = this.#length;
    if (n === codes.length) return codes;
    const v = this.#view;
    if (v !== null && v.length === n && v.buffer === codes.buffer && v.byteOffset === codes.byteOffset) return v;
    const next = codes.subarray(0, n);
    this.#view = next;
    return next;
  }

  /** The dtype of {@link Categorical.codes}: `'int8'`, `'int16'` or `'int32'`. */
  get codesDType(): CodesDType {
    return codesDTypeOf(this.#codes);
  }

  /** Whether the category order is meaningful (pandas `ordered`); read-only, see {@link Categorical.asOrdered}. */
  get ordered(): boolean {
    return this.#ordered;
  }

  /** Whether `push`/`extend` refuse values that are not categories (instead of adding them). */
  get strict(): boolean {
    return this.#strict;
  }

  /**
   * Bytes held now: the code buffer at full capacity plus the estimated dictionary.
   * @remarks The dictionary estimate counts the category array, the Map and the strings (see {@link Categorical.memoryUsage}).
   */
  get byteLength(): number {
    return this.#codes.byteLength + this.#dictionaryBytes();
  }

  /**
   * Logical bytes as pandas reports them: `length × itemsize` of the codes plus 8 bytes per category
   * (pandas counts the categories' object pointers or int64/float64 values).
   */
  get nbytes(): number {
    return categoricalNbytes(this.#codes, this.#length, this.#list.length);
  }

  /**
   * The memory breakdown: live codes, unused capacity, dictionary.
   * @returns A {@link CategoricalMemoryUsage} (`byteLength` = codes + slack + dictionary; `total` remains as its
   *   deprecated alias).
   * @remarks O(total characters of the categories) the first time after a category change, then cached.
   */
  memoryUsage(): CategoricalMemoryUsage {
    return categoricalUsage(this.#codes, this.#length, this.#list.length, this.#dictionaryBytes(), this.codesDType);
  }

  // ---------------------------------------------------------------------------------------------
  // Element access
  // ---------------------------------------------------------------------------------------------

  /**
   * The value at `i` (negative counts from the end), `null` if missing.
   * @param i - Index in `[-length, length)`.
   * @returns The category, or `null`.
   * @throws {@link IndexError} out of range; `TypeError` for a non-integer index.
   * @remarks O(1).
   */
  get(i: number): T | null {
    const j = typeof i === 'number' && i >>> 0 === i && i < this.#length ? i : normalizeIndex(i, this.#length, 'Categorical');
    const code = this.#codes[j]!;
    return code < 0 ? null : this.#list[code]!;
  }

  /**
   * Sets the value at `i` to an existing category, or to missing (`null`, `undefined`, `NaN`).
   * @param i - Index in `[-length, length)`.
   * @param value - A category or missing.
   * @throws `TypeError` if `value` is not a category (pandas: "Cannot setitem on a Categorical with a new
   * category"): add it first with {@link Categorical.addCategories} or use {@link Categorical.push}.
   * @throws {@link IndexError} out of range.
   * @remarks O(1).
   * @returns `this`, for chaining.
   */
  set(i: number, value: T | null | undefined): this {
    const j = typeof i === 'number' && i >>> 0 === i && i < this.#length ? i : normalizeIndex(i, this.#length, 'Categorical');
    let code = this.#index.get(value as T);
    if (code === undefined) {
      if (!isMissing(value)) throwNotCategory('Categorical.set', value);
      code = -1;
    }
    this.#codes[j] = code;
    return this;
  }

  /**
   * The code of `value`: its position in the categories, or `-1` if it is not a category (or missing).
   * @param value - Any value.
   * @returns A code in `[-1, categoryCount)`.
   * @remarks O(1) (Map lookup).
   */
  codeOf(value: unknown): number {
    return this.#index.get(value as T) ?? -1;
  }

  /**
   * Appends a value; an unseen value becomes a new category (the loading path), unless strict.
   * @param value - A string or number; `null`, `undefined`, `NaN` are missing.
   * @param options - `strict` overrides the column's setting for this call.
   * @throws `TypeError` for a value that is neither a string, a number nor missing, for a value of the
   * other kind than the categories, or (strict) for an unseen value.
   * @remarks Amortised O(1). May reallocate (capacity doubling) or widen the codes: an earlier
   * {@link Categorical.codes} alias goes stale.
   * @returns `this`, for chaining.
   */
  push(value: T | null | undefined, options?: PushOptions): this {
    if (this[OWNER] !== undefined) throwOwned('Categorical.push', this[OWNER]);
    let code = this.#index.get(value as T);
    if (code === undefined) {
      const strict = options?.strict ?? this.#strict;
      code = this.#unseen(value, strict ? STRICT : ADD, 'Categorical.push', -1);
    }
    const n = this.#length;
    if (n === this.#codes.length) this.#codes = grownCodes(this.#codes, n, n + 1);
    this.#codes[n] = code;
    this.#length = n + 1;
    return this;
  }

  /**
   * Appends every value, atomically: if any value is rejected, the column is left exactly as it was
   * (length, categories, width and the `codes` buffer).
   * @param values - An iterable of strings, numbers or missing values (not a string).
   * @param options - `strict` overrides the column's setting for this call.
   * @throws `TypeError` as {@link Categorical.push} (the message names the position in `values`), or if
   * `values` is not an iterable.
   * @remarks O(m). Arrays reserve their length once; unseen values become categories in order of appearance.
   * @returns `this`, for chaining.
   */
  extend(values: Iterable<T | null | undefined>, options?: PushOptions): this {
    if (this[OWNER] !== undefined) throwOwned('Categorical.extend', this[OWNER]);
    const where = 'Categorical.extend';
    if (typeof values === 'string' || !isIterableObject(values)) {
      throwType(`${where}: values must be an iterable of strings or numbers, got ${describe(values)}`);
    }
    const strict = options?.strict ?? this.#strict;
    const codes = this.#codes;
    const length = this.#length;
    const k = this.#list.length;
    const kind = this.#kind;
    try {
      this.#append(values, strict ? STRICT : ADD, where);
    } catch (err) {
      this.#codes = codes;
      this.#length = length;
      for (let c = k; c < this.#list.length; c++) this.#index.delete(this.#list[c]!);
      this.#list.length = k;
      this.#kind = kind;
      this.#changedCategories();
      throw err;
    }
    return this;
  }

  /**
   * Throws exactly what `extend(values, options)` would throw, and changes nothing. Lets a caller
   * (RecordStore) validate a batch across several columns before writing any.
   * @param values - The batch.
   * @param options - `strict` as for `extend`.
   * @throws `TypeError` / {@link ValueError} as {@link Categorical.extend}.
   * @remarks O(m), no allocation.
   */
  assertExtendable(values: readonly unknown[], options?: PushOptions): void {
    checkExtendable(this.#codes, this.#length, this.#index, this.#kind, values, options?.strict ?? this.#strict);
  }

  /**
   * Removes the value at `i`, shifting the later values down (ordered delete).
   * @param i - Index in `[-length, length)`.
   * @returns The removed value (`null` if missing).
   * @throws {@link IndexError} out of range.
   * @remarks O(length − i) (`copyWithin`); capacity and categories unchanged.
   */
  removeAt(i: number): T | null {
    if (this[OWNER] !== undefined) throwOwned('Categorical.removeAt', this[OWNER]);
    const n = this.#length;
    const j = normalizeIndex(i, n, 'Categorical');
    const code = this.#codes[j]!;
    this.#codes.copyWithin(j, j + 1, n);
    this.#length = n - 1;
    return code < 0 ? null : this.#list[code]!;
  }

  /**
   * Removes the value at `i` by moving the last value into its place (order not kept).
   * @param i - Index in `[-length, length)`.
   * @returns The removed value (`null` if missing).
   * @throws {@link IndexError} out of range.
   * @remarks O(1).
   */
  swapRemoveAt(i: number): T | null {
    if (this[OWNER] !== undefined) throwOwned('Categorical.swapRemoveAt', this[OWNER]);
    const n = this.#length;
    const j = normalizeIndex(i, n, 'Categorical');
    const codes = this.#codes;
    const code = codes[j]!;
    codes[j] = codes[n - 1]!;
    this.#length = n - 1;
    return code < 0 ? null : this.#list[code]!;
  }

  /**
   * A new Categorical of the values at `indices` (same categories, `ordered` and `strict`): a **copy**.
   * @param indices - Indexes in `[-length, length)` (any array-like: `number[]`, `Uint32Array`, …).
   * @returns A new Categorical of `indices.length` values.
   * @throws {@link IndexError} for an index out of range; `TypeError` for a non-integer.
   * @remarks O(m): the codes are gathered by a monomorphic kernel. The dictionary is shared copy-on-write: both
   *   Categoricals use the same category list until one of them adds a category, which copies it first (O(k)
   *   then), so neither ever sees the other's changes. `byteLength` and `memoryUsage()` count a shared
   *   dictionary in each Categorical that uses it.
   */
  take(indices: ArrayLike<number>): Categorical<T> {
    return this.takeUnchecked(takeIndices(indices, this.#length));
  }

  /**
   * @internal {@link Categorical.take} without its O(m) check of the indices, for row lists in `[0, length)` by
   * construction (the RecordStore verbs' gathers: filter, take, sortBy, head, join, groupBy keys).
   */
  takeUnchecked(indices: ArrayLike<number>): Categorical<T> {
    const out = new Categorical(gather(this.#codes, indices), indices.length, this.#dictionary(), this.#ordered, this.#strict);
    this.#shared = out.#shared = true;
    return out;
  }

  /**
   * @internal A Categorical over `codes` (in range by construction, this one's code width) sharing this one's
   * categories, `ordered` and `strict`, as {@link Categorical.takeUnchecked} does: for verbs that compute the
   * codes themselves (store.valueCounts' key columns).
   */
  withCodesUnchecked(codes: CodeArray): Categorical<T> {
    const out = new Categorical(codes, codes.length, this.#dictionary(), this.#ordered, this.#strict);
    this.#shared = out.#shared = true;
    return out;
  }

  /**
   * A copy: same values, categories, `ordered` and `strict`, capacity equal to length.
   * @returns A new Categorical that shares nothing with this one.
   * @remarks O(n + k).
   */
  copy(): Categorical<T> {
    return new Categorical(copyCodes(this.#codes, this.#length, this.codesDType, this.#length), this.#length, this.#copyDictionary(), this.#ordered, this.#strict);
  }

  /**
   * Removes every value; categories, width and capacity stay.
   * @remarks O(1).
   * @returns `this`, for chaining.
   */
  clear(): this {
    if (this[OWNER] !== undefined) throwOwned('Categorical.clear', this[OWNER]);
    this.#length = 0;
    return this;
  }

  /**
   * Makes room for at least `n` values in total without reallocating later.
   * @param n - Total capacity wanted (not additional).
   * @throws `TypeError` for a non-integer; {@link ValueError} for a negative or too large `n`.
   * @remarks O(length) when it reallocates (then `codes` goes stale), O(1) otherwise.
   * @returns `this`, for chaining.
   */
  reserve(n: number): this {
    checkCount(n, 'Categorical.reserve');
    if (n > this.#codes.length) this.#codes = copyCodes(this.#codes, this.#length, this.codesDType, n);
    return this;
  }

  /**
   * Releases unused capacity and narrows the codes to the narrowest width for the category count
   * (e.g. Int32 codes adopted from Arrow over 4 categories become Int8).
   * @remarks O(length) when it reallocates (then `codes` goes stale), O(1) when already tight.
   * @returns `this`, for chaining.
   */
  shrinkToFit(): this {
    const dtype = codesDTypeFor(this.#list.length);
    if (this.#codes.length !== this.#length || this.codesDType !== dtype) {
      this.#codes = copyCodes(this.#codes, this.#length, dtype, this.#length);
    }
    return this;
  }

  // ---------------------------------------------------------------------------------------------
  // Conversion
  // ---------------------------------------------------------------------------------------------

  /**
   * The values as a plain array (missing → `null`): a **copy**.
   * @returns `(T | null)[]` of `length` values.
   * @remarks O(n).
   */
  toArray(): (T | null)[] {
    return decodeValues(this.#codes, this.#length, this.#list);
  }

  /** Iterates the values (missing → `null`). @returns An iterator of `T | null`. */
  *[Symbol.iterator](): IterableIterator<T | null> {
    for (let i = 0; i < this.#length; i++) {
      const c = this.#codes[i]!;
      yield c < 0 ? null : this.#list[c]!;
    }
  }

  /**
   * A readable summary: `Categorical(["a", "b", null], categories=["a", "b"])`; ordered categories are
   * joined by `<`. Long columns show their first and last 10 values.
   * @returns The string.
   */
  toString(): string {
    return formatCategorical(this.#codes, this.#length, this.#list, this.#ordered);
  }

  // ---------------------------------------------------------------------------------------------
  // Category edits (each returns a new Categorical, as pandas >= 2.0)
  // ---------------------------------------------------------------------------------------------

  /**
   * A new Categorical with `added` appended to the categories (unused); values unchanged.
   * @param added - One category or an iterable of them.
   * @returns A new Categorical (may be wider: adding past 128 categories gives Int16 codes).
   * @throws {@link ValueError} if one is already a category ("new categories must not include old
   * categories"), is missing, or repeats; `TypeError` for the other kind.
   * @remarks O(n + k): the codes are copied.
   */
  addCategories<U extends T>(added: U | Iterable<U>): Categorical<T> {
    return this.#apply(planAdd(this.#dictionary(), added), this.#ordered);
  }

  /**
   * A new Categorical without the given categories; their values become missing.
   * @param removals - One category or an iterable; missing values in it are ignored (pandas).
   * @returns A new Categorical; the remaining categories keep their order.
   * @throws {@link ValueError} if one is not a category ("removals must all be in old categories").
   * @remarks O(n + k).
   */
  removeCategories(removals: T | Iterable<T | null | undefined> | null | undefined): Categorical<T> {
    return this.#apply(planRemove(this.#dictionary(), removals), this.#ordered);
  }

  /**
   * A new Categorical whose categories are renamed; codes are unchanged.
   * @param renamer - A list (positional, same length), a `Map` or plain object (unknown keys ignored,
   * categories without a key kept), or a function `(category, code) => newName`.
   * @returns A new Categorical.
   * @throws {@link ValueError} for a list of another length, or new names that repeat or are missing;
   * `TypeError` for mixed kinds or a bad argument.
   * @remarks O(n + k).
   */
  renameCategories<U extends CategoryValue>(renamer: readonly U[] | ((category: T, code: number) => U)): Categorical<WidenCategory<U>>;
  renameCategories<U extends CategoryValue>(renamer: ReadonlyMap<T, U> | Readonly<Record<string, U>>): Categorical<T | WidenCategory<U>>;
  renameCategories<U extends CategoryValue>(renamer: Renamer<T, U>): Categorical<T | WidenCategory<U>> {
    return this.#apply(planRename(this.#dictionary(), renamer), this.#ordered) as Categorical<T | WidenCategory<U>>;
  }

  /**
   * A new Categorical with the given categories: values are recoded by value, and those not in
   * `categories` become missing; with `rename`, the categories are renamed by position instead.
   * @param categories - The new categories, in order.
   * @param options - `rename`, `ordered`.
   * @returns A new Categorical.
   * @throws {@link ValueError} for duplicate or missing categories.
   * @remarks O(n + k).
   */
  setCategories<U extends CategoryValue>(categories: Iterable<U>, options: SetCategoriesOptions = {}): Categorical<WidenCategory<U>> {
    const where = 'Categorical.setCategories';
    const rename = checkFlag(options.rename, 'rename', where) ?? false;
    const ordered = checkFlag(options.ordered, 'ordered', where) ?? this.#ordered;
    return this.#apply(planSet<T, WidenCategory<U>>(this.#dictionary(), categories, rename), ordered);
  }

  /**
   * A new Categorical with the same categories in a new order; values are unchanged (codes are recoded).
   * @param order - A permutation of the categories.
   * @param options - `ordered`.
   * @returns A new Categorical.
   * @throws {@link ValueError} if `order` is not a permutation of the categories.
   * @remarks O(n + k).
   */
  reorderCategories(order: Iterable<T>, options: ReorderOptions = {}): Categorical<T> {
    const ordered = checkFlag(options.ordered, 'ordered', 'Categorical.reorderCategories') ?? this.#ordered;
    return this.#apply(planReorder(this.#dictionary(), order), ordered);
  }

  /**
   * A new Categorical without the categories no value uses; order kept, missing stays missing.
   * @returns A new Categorical.
   * @remarks O(n + k): one bincount and one recode.
   */
  removeUnusedCategories(): Categorical<T> {
    const counts = bincount(this.#codes, this.#length, this.#list.length);
    return this.#apply(planRemoveUnused(this.#dictionary(), counts), this.#ordered);
  }

  /** A new Categorical with `ordered = true` (codes copied). @returns The ordered copy. */
  asOrdered(): Categorical<T> {
    return this.#apply({ dict: this.#copyDictionary(), table: null }, true);
  }

  /** A new Categorical with `ordered = false` (codes copied). @returns The unordered copy. */
  asUnordered(): Categorical<T> {
    return this.#apply({ dict: this.#copyDictionary(), table: null }, false);
  }

  // ---------------------------------------------------------------------------------------------
  // Reductions
  // ---------------------------------------------------------------------------------------------

  /**
   * Counts per category, in category order, zero counts kept (pandas `value_counts` on a Categorical:
   * not sorted by frequency).
   * @param options - `dropna: false` appends a `null` entry with the missing count when there are missing values.
   * @returns A `Map` category → count.
   * @remarks O(n + k): a bincount over the codes, no string is touched.
   */
  valueCounts(options: ValueCountsOptions = {}): Map<T | null, number> {
    return countsByCategory(this.#codes, this.#length, this.#list, checkFlag(options.dropna, 'dropna', 'Categorical.valueCounts') ?? true);
  }

  /**
   * The smallest value in category order (ordered Categoricals only).
   * @param options - `skipna` (default `true`).
   * @returns The category, or `null` when empty, all missing, or `skipna: false` with a missing value.
   * @throws `TypeError` if the Categorical is not ordered.
   * @remarks O(n).
   */
  min(options: MinMaxOptions = {}): T | null {
    return extremeOf(this.#codes, this.#length, this.#list, this.#ordered, 'min', options);
  }

  /**
   * The largest value in category order (ordered Categoricals only).
   * @param options - `skipna` (default `true`).
   * @returns The category, or `null` when empty, all missing, or `skipna: false` with a missing value.
   * @throws `TypeError` if the Categorical is not ordered.
   * @remarks O(n).
   */
  max(options: MinMaxOptions = {}): T | null {
    return extremeOf(this.#codes, this.#length, this.#list, this.#ordered, 'max', options);
  }

  /**
   * The distinct values in order of first appearance (missing included once if present), as a new
   * Categorical with the same categories (unused ones kept) and `ordered`, as pandas `unique()`.
   * @returns A new Categorical.
   * @remarks O(n) with an early exit once every category has been seen.
   */
  unique(): Categorical<T> {
    const codes = uniqueCodes(this.#codes, this.#length, this.#list.length, this.codesDType);
    return new Categorical(codes, codes.length, this.#copyDictionary(), this.#ordered, this.#strict);
  }

  /**
   * Whether `other` is a Categorical with the same values and compatible categories (pandas `equals`):
   * unordered: the same category set in any order; ordered: the same categories in the same order.
   * Missing equals missing here.
   * @param other - Anything.
   * @returns `true` or `false`.
   * @remarks O(n + k).
   */
  equals(other: unknown): boolean {
    return other instanceof Categorical && sidesEqual(this.#side(), (other as Categorical<CategoryValue>).#side());
  }

  // ---------------------------------------------------------------------------------------------
  // Comparisons → Uint8Array masks. One method per operator (pandas' `==`, `!=`, `<`, … each its own name and
  // TSDoc), each a one-line delegation to #compare: `duplicates` lists their repeated shape, and nothing is
  // left to fold without losing a method's own documentation (docs/internals/design.md).
  // ---------------------------------------------------------------------------------------------

  /**
   * Element-wise `==` (pandas semantics): 1 where the value equals `other`. Missing is never equal.
   * A value that is not a category gives all 0.
   * @param other - A value, a Categorical of the same length and categories, or an array of the same length.
   * @returns A `Uint8Array` mask of `length`.
   * @throws {@link ValueError} for a length mismatch; `TypeError` for a Categorical with other categories.
   * @remarks O(n): one monomorphic pass over the codes for a value.
   */
  eq(other: CompareOperand<T>): Uint8Array {
    return this.#compare('eq', other);
  }

  /**
   * Element-wise `!=`: the complement of {@link Categorical.eq} (missing → 1; a non-category gives all 1).
   * @param other - As for `eq`.
   * @returns A `Uint8Array` mask.
   * @throws As {@link Categorical.eq}.
   */
  ne(other: CompareOperand<T>): Uint8Array {
    return this.#compare('ne', other);
  }

  /**
   * Element-wise `<` in category order (ordered Categoricals only); missing compares 0.
   * @param other - A category, or an ordered Categorical with the same categories.
   * @returns A `Uint8Array` mask.
   * @throws `TypeError` if unordered ("Unordered Categoricals can only compare equality or not"), if
   * `other` is not a category ("Invalid comparison"), an array, or a Categorical with other categories.
   */
  lt(other: CompareOperand<T>): Uint8Array {
    return this.#compare('lt', other);
  }

  /** Element-wise `<=` in category order; see {@link Categorical.lt}. @param other - As for `lt`. @returns A mask. @throws As `lt`. */
  le(other: CompareOperand<T>): Uint8Array {
    return this.#compare('le', other);
  }

  /** Element-wise `>` in category order; see {@link Categorical.lt}. @param other - As for `lt`. @returns A mask. @throws As `lt`. */
  gt(other: CompareOperand<T>): Uint8Array {
    return this.#compare('gt', other);
  }

  /** Element-wise `>=` in category order; see {@link Categorical.lt}. @param other - As for `lt`. @returns A mask. @throws As `lt`. */
  ge(other: CompareOperand<T>): Uint8Array {
    return this.#compare('ge', other);
  }

  /** 1 where the value is missing (pandas `isna`). @returns A `Uint8Array` mask. @remarks O(n). */
  isNA(): Uint8Array {
    return rangeMask(this.#codes, this.#length, -1, -1, false);
  }

  /** 1 where the value is present (pandas `notna`). @returns A `Uint8Array` mask. @remarks O(n). */
  notNA(): Uint8Array {
    return rangeMask(this.#codes, this.#length, -1, -1, true);
  }

  // ---------------------------------------------------------------------------------------------
  // Internals
  // ---------------------------------------------------------------------------------------------

  /** Appends values with the given policy for unseen ones (load.ts; not atomic: `extend` rolls back). */
  #append(values: Iterable<unknown>, mode: Mode, op: string): void {
    if (this.#shared && mode === ADD) this.#own();
    const st: LoadState<T> = { codes: this.#codes, length: this.#length, list: this.#list, index: this.#index, kind: this.#kind, changed: false };
    try {
      appendValues(st, values, mode, op);
    } finally {
      this.#load(st);
    }
  }

  /** The code of an unseen value (load.ts): missing, a new category (the codes may widen), or an error. */
  #unseen(v: unknown, mode: Mode, op: string, pos: number): number {
    if (this.#shared && mode === ADD && !isMissing(v)) this.#own();
    const st: LoadState<T> = { codes: this.#codes, length: this.#length, list: this.#list, index: this.#index, kind: this.#kind, changed: false };
    const code = unseenCode(st, v, mode, op, pos);
    this.#load(st);
    return code;
  }

  /** Takes back the state a load changed. */
  #load(st: LoadState<T>): void {
    this.#codes = st.codes;
    this.#length = st.length;
    this.#kind = st.kind;
    if (st.changed) this.#changedCategories();
  }

  #changedCategories(): void {
    this.#snapshot = null;
    this.#dictBytes = -1;
  }

  #dictionaryBytes(): number {
    if (this.#dictBytes < 0) this.#dictBytes = dictionaryBytes(this.#list);
    return this.#dictBytes;
  }

  #dictionary(): Dictionary<T> {
    return { list: this.#list, index: this.#index, kind: this.#kind };
  }

  #copyDictionary(): Dictionary<T> {
    return { list: this.#list.slice(), index: new Map(this.#index), kind: this.#kind };
  }

  /** Makes a shared dictionary this Categorical's own (copy-on-write, before the categories change). */
  #own(): void {
    const d = this.#copyDictionary();
    this.#list = d.list;
    this.#index = d.index;
    this.#shared = false;
  }

  /** Sorts inferred categories into natural order (pandas), recoding in place. */
  #sortCategories(): void {
    const next = naturalOrder(this.#list, this.#codes, this.#length);
    if (next === null) {
      this.#list = this.#list.slice(); // a tight array: drops the growth slack of the pushes
      return;
    }
    this.#list = next.list;
    this.#index = next.index;
    this.#changedCategories();
  }

  /** Applies an edit plan into a new Categorical of the narrowest width. */
  #apply<U extends CategoryValue>(plan: EditPlan<U>, ordered: boolean): Categorical<U> {
    return new Categorical<U>(appliedCodes(this.#codes, this.#length, plan), this.#length, plan.dict, ordered, this.#strict);
  }

  /** This Categorical's side of a comparison. */
  #side(): Side {
    return { codes: this.#codes, length: this.#length, list: this.#list, index: this.#index as ReadonlyMap<unknown, number>, ordered: this.#ordered };
  }

  #compare(op: CompareOp, other: unknown): Uint8Array {
    if (other instanceof Categorical) {
      const o = other as Categorical<CategoryValue>;
      return compareSides(this.#side(), o.#side(), op);
    }
    return compareWith(this.#side(), other, op);
  }
}

/**
 * Builds a Categorical from values: the categories are the distinct values, sorted, unless given.
 *
 * @param values - Strings or numbers; `null`, `undefined` and `NaN` are missing. Default: none (empty).
 * @param options - `categories`, `ordered`, `strict`, `capacity` (see {@link CategoricalOptions}).
 * @returns A new {@link Categorical}.
 * @throws `TypeError` for values that are not strings/numbers/missing or that mix the two kinds;
 * {@link ValueError} for duplicate or missing categories.
 * @remarks O(n + k log k). Same as {@link Categorical.from}.
 * @example
 * ```ts
 * const c = categorical(['b', 'a', 'b']);
 * c.categories;        // ['a', 'b']
 * c.get(0);            // 'b'
 * c.push('c');         // loading: 'c' becomes a category
 * ```
 */
export function categorical<T extends CategoryValue>(values?: Iterable<T | null | undefined>, options?: CategoricalOptions<T>): Categorical<WidenCategory<T>> {
  return Categorical.from(values, options);
}
