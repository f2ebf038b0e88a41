/**
 * Category edits as plans: each function validates its arguments as pandas does and returns the new
 * dictionary plus a recode table (`table[oldCode + 1]` = new code, `table[0]` = -1 for missing), or
 * `null` when the codes stay the same; `appliedCodes` applies a plan to a Categorical's codes.
 *
 * @internal
 * @packageDocumentation
 */
import { describe, throwType, throwValue } from '../errors.js';
import { allocCodes, codesDTypeFor, recode, type CodeArray } from './codes.js';
import { asList, isIterableObject, isMissing, makeDictionary, type CategoryValue, type Dictionary } from './dictionary.js';

/** A planned edit: the new dictionary and how old codes map to new ones (`null`: unchanged). @internal */
export interface EditPlan<U extends CategoryValue> {
  readonly dict: Dictionary<U>;
  readonly table: Int32Array | null;
}

function formatSet(values: readonly unknown[]): string {
  return `{${values.map((v) => describe(v)).join(', ')}}`;
}

/** A recode table where old code `c` maps to `map(c)`. */
function tableOf(k: number, map: (c: number) => number): Int32Array {
  const table = new Int32Array(k + 1);
  table[0] = -1;
  for (let c = 0; c < k; c++) table[c + 1] = map(c);
  return table;
}

/** Recode table by value: each old category goes to its code in `next`, or -1. */
function byValue<T extends CategoryValue, U extends CategoryValue>(old: readonly T[], next: Dictionary<U>): Int32Array {
  return tableOf(old.length, (c) => next.index.get(old[c] as unknown as U) ?? -1);
}

/** `addCategories`: new ones appended, unused; codes unchanged. @internal */
export function planAdd<T extends CategoryValue>(old: Dictionary<T>, added: unknown): EditPlan<T> {
  const extra = asList(added);
  const where = 'Categorical.addCategories';
  const fresh = makeDictionary<T>(extra, where);
  const clash = fresh.list.filter((v) => old.index.has(v));
  if (clash.length > 0) throwValue(`${where}: new categories must not include old categories: ${formatSet(clash)}`);
  const dict = makeDictionary<T>([...old.list, ...fresh.list], where);
  return { dict, table: null };
}

/** `removeCategories`: removed categories' values become missing; missing removals are ignored. @internal */
export function planRemove<T extends CategoryValue>(old: Dictionary<T>, removals: unknown): EditPlan<T> {
  const where = 'Categorical.removeCategories';
  const list = asList(removals).filter((v) => !isMissing(v));
  const unknown = list.filter((v) => !old.index.has(v as T));
  if (unknown.length > 0) throwValue(`${where}: removals must all be in old categories: ${formatSet(unknown)}`);
  const gone = new Set(list);
  const dict = makeDictionary<T>(
    old.list.filter((v) => !gone.has(v)),
    where,
  );
  return { dict, table: byValue(old.list, dict) };
}

/**
 * The argument of `Categorical.renameCategories`: the new names as a positional list (one per category,
 * in order), a mapping from old name to new (a `Map` or a plain object; unknown keys are ignored, categories
 * without a key keep their name), or a function of the old name and its code.
 */
export type Renamer<T extends CategoryValue, U extends CategoryValue> = readonly U[] | ReadonlyMap<T, U> | Readonly<Record<string, U>> | ((category: T, code: number) => U);

/** `renameCategories`: same codes, new names (list: positional; mapping: unknown keys ignored, missing keys kept). @internal */
export function planRename<T extends CategoryValue, U extends CategoryValue>(old: Dictionary<T>, renamer: Renamer<T, U>): EditPlan<T | U> {
  const where = 'Categorical.renameCategories';
  let next: unknown[];
  if (typeof renamer === 'function') {
    next = old.list.map((v, c) => (renamer as (category: T, code: number) => U)(v, c));
  } else if (renamer instanceof Map) {
    next = old.list.map((v) => (renamer.has(v) ? renamer.get(v) : v));
  } else if (isIterableObject(renamer)) {
    next = Array.from(renamer as Iterable<unknown>);
    if (next.length !== old.list.length) {
      throwValue(`${where}: new categories need to have the same number of items as the old categories! (got ${next.length}, expected ${old.list.length})`);
    }
  } else if (typeof renamer === 'object' && renamer !== null) {
    const rec = renamer as Readonly<Record<string, U>>;
    next = old.list.map((v) => (Object.prototype.hasOwnProperty.call(rec, String(v)) ? rec[String(v)] : v));
  } else {
    return throwType(`${where}: expected an array, a Map, an object or a function, got ${describe(renamer)}`);
  }
  return { dict: makeDictionary<T | U>(next, where), table: null };
}

/** `reorderCategories`: the same set in a new order; codes are recoded so values do not change. @internal */
export function planReorder<T extends CategoryValue>(old: Dictionary<T>, order: Iterable<unknown>): EditPlan<T> {
  const where = 'Categorical.reorderCategories';
  if (!isIterableObject(order)) throwType(`${where}: new categories must be an iterable, got ${describe(order)}`);
  const next = Array.from(order);
  const set = new Set(next);
  if (next.length !== old.list.length || set.size !== next.length || !next.every((v) => old.index.has(v as T))) {
    throwValue(`${where}: items in new_categories are not the same as in old categories (a permutation of ${old.list.length} categories is required)`);
  }
  const dict = makeDictionary<T>(next, where);
  return { dict, table: byValue(old.list, dict) };
}

/** `setCategories`: recode by value (values not in the new list become missing), or positional rename with `rename`. @internal */
export function planSet<T extends CategoryValue, U extends CategoryValue>(old: Dictionary<T>, categories: Iterable<unknown>, rename: boolean): EditPlan<U> {
  const where = 'Categorical.setCategories';
  const dict = makeDictionary<U>(categories, where);
  if (rename) {
    const k = dict.list.length;
    return { dict, table: k >= old.list.length ? null : tableOf(old.list.length, (c) => (c < k ? c : -1)) };
  }
  return { dict, table: byValue(old.list, dict) };
}

/** `removeUnusedCategories`: drops categories with a zero count, keeps order. `counts[c + 1]` is the count of code `c`. @internal */
export function planRemoveUnused<T extends CategoryValue>(old: Dictionary<T>, counts: Float64Array): EditPlan<T> {
  const kept = old.list.filter((_, c) => counts[c + 1]! > 0);
  const dict = makeDictionary<T>(kept, 'Categorical.removeUnusedCategories');
  return { dict, table: kept.length === old.list.length ? null : byValue(old.list, dict) };
}

/** The codes `codes[0, n)` after `plan`, in a new array of the narrowest width for the new categories. @internal */
export function appliedCodes<U extends CategoryValue>(codes: CodeArray, n: number, plan: EditPlan<U>): CodeArray {
  const out = allocCodes(codesDTypeFor(plan.dict.list.length), n);
  if (plan.table === null) out.set(codes.subarray(0, n));
  else recode(codes, n, plan.table, out);
  return out;
}
