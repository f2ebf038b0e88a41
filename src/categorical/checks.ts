/**
 * Argument checks and error helpers shared by Categorical's methods.
 * @internal
 * @packageDocumentation
 */
import { describe, throwType, throwValue } from '../errors.js';
import { normalizeIndex } from '../internal/bounds.js';
import { grownCapacity, MAX_ELEMENTS } from '../internal/growth.js';
import type { CodeArray } from './codes.js';
import { admitKind, isIterableObject, isMissing, type CategoryValue, type Dictionary, type Kind } from './dictionary.js';

/** The TypeError message of min/max on an unordered Categorical (pandas' wording). @internal */
export const MIN_MAX_UNORDERED = (op: string): string => `Categorical is not ordered for operation ${op}\nyou can use .asOrdered() to change the Categorical to an ordered one\n`;

/** Names the operation and, for a batch, the position of the value. @internal */
export function whereOf(op: string, pos: number): string {
  return pos < 0 ? op : `${op} (value at position ${pos})`;
}

/** Checks an optional boolean option (pandas: "'ordered' must either be 'True' or 'False'"). @internal */
export function checkFlag(v: unknown, name: string, where: string): boolean | undefined {
  if (v === undefined || typeof v === 'boolean') return v;
  return throwType(`${where}: '${name}' must either be true or false, got ${describe(v)}`);
}

/** Checks a count or capacity: an integer in [0, 2^32]. @internal */
export function checkCount(n: unknown, where: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n)) throwType(`${where}: expected an integer count, got ${describe(n)}`);
  if (n < 0 || n > MAX_ELEMENTS) throwValue(`${where}: count ${n} out of range [0, ${MAX_ELEMENTS}]`);
  return n;
}

/** A dictionary with no categories. @internal */
export function emptyDictionary<T extends CategoryValue>(): Dictionary<T> {
  return { list: [], index: new Map<T, number>(), kind: null };
}

/** ValueError for a code outside [-1, k) (pandas' wording). @internal */
export function throwCodeRange(where: string, code: number, k: number): never {
  throwValue(`${where}: codes need to be between -1 and len(categories)-1 (got ${code}, with ${k} categories)`);
}

/** TypeError for a value that is not a category (pandas' setitem wording). @internal */
export function throwNotCategory(where: string, value: unknown): never {
  throwType(`${where}: Cannot setitem on a Categorical with a new category (${describe(value)}), set the categories first (addCategories)`);
}

/** The row indices of `take(indices)` over `n` rows: `indices` itself when every one is in `[0, n)`, else normalized (negative from the end). @internal */
export function takeIndices(indices: ArrayLike<number>, n: number): ArrayLike<number> {
  const m = indices.length;
  for (let j = 0; j < m; j++) {
    const x = indices[j]!;
    if (x >>> 0 !== x || x >= n) {
      const norm = new Float64Array(m);
      for (let t = 0; t < m; t++) norm[t] = normalizeIndex(indices[t]!, n, 'Categorical.take');
      return norm;
    }
  }
  return indices;
}

/**
 * Throws exactly what `Categorical.extend(values)` would throw for a column with these codes, length, index and
 * kind, and changes nothing (`Categorical.assertExtendable`). @internal
 */
export function checkExtendable(codes: CodeArray, length: number, index: ReadonlyMap<unknown, number>, kind: Kind, values: readonly unknown[], strict: boolean): void {
  const where = 'Categorical.extend';
  if (typeof values === 'string' || !isIterableObject(values)) {
    throwType(`${where}: values must be an iterable of strings or numbers, got ${describe(values)}`);
  }
  const n = values.length;
  if (length + n > codes.length) grownCapacity(codes.length, length + n, codes.BYTES_PER_ELEMENT);
  let k = kind;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (index.has(v) || isMissing(v)) continue;
    k = admitKind(v, k, whereOf(where, i));
    if (strict) throwNotCategory(whereOf(where, i), v);
  }
}
