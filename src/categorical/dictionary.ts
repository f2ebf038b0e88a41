/**
 * The dictionary side of a Categorical: what counts as missing, what a category may be (strings or
 * numbers, never both in one column), validation of category lists, the natural sort order, and the
 * memory estimate of the dictionary.
 *
 * @internal
 * @packageDocumentation
 */
import { describe, throwType, throwValue } from '../errors.js';

/** A category value: a string or a number (one kind per column). */
export type CategoryValue = string | number;

/** The kind of a column's categories; `null` while it has none. @internal */
export type Kind = 'string' | 'number' | null;

/** `null`, `undefined` and `NaN` are missing on input (pandas treats `None` and `NaN` alike). @internal */
export function isMissing(v: unknown): v is null | undefined {
  return v === null || v === undefined || (typeof v === 'number' && v !== v);
}

/**
 * Checks that a non-missing `v` can join a column whose categories are of `kind`, and returns the
 * column's kind afterwards. Throws `TypeError` for a value that is neither a string nor a number, or
 * of the other kind than the column's.
 * @internal
 */
export function admitKind(v: unknown, kind: Kind, where: string): 'string' | 'number' {
  const t = typeof v;
  if (t !== 'string' && t !== 'number') {
    throwType(`${where}: categorical values must be strings or numbers (or null/undefined/NaN for missing), got ${describe(v)}`);
  }
  if (kind !== null && t !== kind) {
    throwType(`${where}: cannot mix ${t} and ${kind} categories in one Categorical (got ${describe(v)}; the categories are ${kind}s)`);
  }
  return t;
}

/** `-0` becomes `0` (a Map already treats them as one key; the category list should agree). @internal */
export function normalizeCategory<T extends CategoryValue>(v: T): T {
  return (v === 0 ? 0 : v) as T;
}

/** A validated category list with its value → code index. @internal */
export interface Dictionary<T extends CategoryValue> {
  readonly list: T[];
  readonly index: Map<T, number>;
  readonly kind: Kind;
}

/**
 * Validates a category list as pandas does: no missing values (`ValueError: Categorical categories
 * cannot be null`), no duplicates (`ValueError: Categorical categories must be unique`), strings or
 * numbers of one kind (`TypeError`).
 * @internal
 */
export function makeDictionary<T extends CategoryValue>(categories: Iterable<unknown>, where: string): Dictionary<T> {
  if (!isIterableObject(categories)) {
    throwType(`${where}: categories must be an iterable of strings or numbers, got ${describe(categories)}`);
  }
  const list: T[] = [];
  const index = new Map<T, number>();
  let kind: Kind = null;
  for (const raw of categories) {
    if (isMissing(raw)) throwValue(`${where}: Categorical categories cannot be null (got ${describe(raw)})`);
    kind = admitKind(raw, kind, where);
    const v = normalizeCategory(raw as T);
    if (index.has(v)) throwValue(`${where}: Categorical categories must be unique (${describe(v)} appears twice)`);
    index.set(v, list.length);
    list.push(v);
  }
  return { list, index, kind };
}

/** True for a non-string iterable (an array, a Set, a generator, a TypedArray). @internal */
export function isIterableObject(x: unknown): x is Iterable<unknown> {
  return typeof x === 'object' && x !== null && typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}

/** A one-value-or-list argument (`addCategories('x')` or `addCategories(['x', 'y'])`) as a list. @internal */
export function asList(x: unknown): unknown[] {
  if (typeof x === 'string' || typeof x === 'number' || x === null || x === undefined) return [x];
  return isIterableObject(x) ? Array.from(x) : [x];
}

/**
 * The natural order used when categories are inferred (pandas sorts them): numbers ascending, strings
 * by UTF-16 code units (JS `<`; Python compares code points, which differs only for characters past
 * U+FFFF against U+E000–U+FFFF).
 * @internal
 */
export function compareNatural(a: CategoryValue, b: CategoryValue): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Estimated heap bytes of a dictionary (category array + Map + the values themselves):
 * per category 8 B array slot + 32 B Map entry and bucket share, plus 16 B string header and the
 * characters (1 B each when all are Latin-1, 2 B otherwise) rounded up to 8, or 16 B per heap number.
 * @internal
 */
export function dictionaryBytes(list: readonly CategoryValue[]): number {
  let bytes = 64; // the array and Map objects themselves
  for (let i = 0; i < list.length; i++) {
    const v = list[i]!;
    bytes += 40;
    if (typeof v === 'string') {
      let wide = false;
      for (let j = 0; j < v.length; j++) {
        if (v.charCodeAt(j) > 0xff) {
          wide = true;
          break;
        }
      }
      bytes += 16 + Math.ceil((v.length * (wide ? 2 : 1)) / 8) * 8;
    } else if (!Number.isInteger(v) || v > 0x3fffffff || v < -0x40000000) {
      bytes += 16;
    }
  }
  return bytes;
}

/** Formats a value for `toString()` (strings quoted, missing as `null`). @internal */
export function formatValue(v: CategoryValue | null): string {
  return v === null ? 'null' : typeof v === 'string' ? JSON.stringify(v) : Object.is(v, -0) ? '-0' : String(v);
}

/**
 * `Categorical.toString()`: `Categorical([b, a, null], categories=[a, b])`, the first and last 10 values
 * and categories when there are more than 20 (`<` between ordered categories).
 * @internal
 */
export function formatCategorical(codes: ArrayLike<number>, n: number, list: readonly CategoryValue[], ordered: boolean): string {
  const show = (i: number): string => {
    const c = codes[i]!;
    return formatValue(c < 0 ? null : list[c]!);
  };
  const values: string[] = [];
  if (n <= 20) for (let i = 0; i < n; i++) values.push(show(i));
  else {
    for (let i = 0; i < 10; i++) values.push(show(i));
    values.push(`… ${n - 20} more …`);
    for (let i = n - 10; i < n; i++) values.push(show(i));
  }
  const k = list.length;
  const cats = (k <= 20 ? list : [...list.slice(0, 10), ...list.slice(k - 10)]).map((v) => formatValue(v));
  if (k > 20) cats.splice(10, 0, `… ${k - 20} more …`);
  return `Categorical([${values.join(', ')}], categories=[${cats.join(ordered ? ' < ' : ', ')}])`;
}

/** The values of `codes[0, n)` as a plain array (missing → `null`): `Categorical.toArray`. @internal */
export function decodeValues<T extends CategoryValue>(codes: ArrayLike<number>, n: number, list: readonly T[]): (T | null)[] {
  const out = new Array<T | null>(n);
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    out[i] = c < 0 ? null : list[c]!;
  }
  return out;
}
