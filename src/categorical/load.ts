/**
 * Loading values into a Categorical (`from`, `push`, `extend`): each value's code, an unseen value added as a
 * new category (widening the codes past 128 or 32768 categories), left missing, or refused; the codes grown
 * like a vector; inferred categories sorted into pandas' natural order.
 * @internal
 */
import { throwValue } from '../errors.js';
import { grownCapacity } from '../internal/growth.js';
import { codesDTypeFor, codesDTypeOf, copyCodes, maxCategories, recodeInPlace, type CodeArray } from './codes.js';
import { admitKind, compareNatural, isMissing, normalizeCategory, type CategoryValue, type Kind } from './dictionary.js';
import { throwNotCategory, whereOf } from './checks.js';
import { encode } from './encode.js';
import { encodeStrings, stringTable, syncTable } from './string-probe.js';

/** An unseen value becomes a new category. */
export const ADD = 0;
/** An unseen value is missing (explicit categories). */
export const MISSING = 1;
/** An unseen value is a `TypeError` (`strict`). */
export const STRICT = 2;
/** What to do with a value that is not a category: add it, make it missing, or throw. */
export type Mode = typeof ADD | typeof MISSING | typeof STRICT;

/** Bulk loads of at least this many values use the string table (below it, building the table costs more). */
const STRING_TABLE_MIN = 32;

/**
 * The state a load works on: the Categorical's fields, written back by the caller afterwards (`list` and
 * `index` are changed in place). `changed` is set when a category was added.
 */
export interface LoadState<T extends CategoryValue> {
  codes: CodeArray;
  length: number;
  readonly list: T[];
  readonly index: Map<T, number>;
  kind: Kind;
  changed: boolean;
}

/** Appends values with the given policy for unseen ones (not atomic: `extend` rolls back). */
export function appendValues<T extends CategoryValue>(st: LoadState<T>, values: Iterable<unknown>, mode: Mode, op: string): void {
  if (Array.isArray(values)) {
    appendArray(st, values, mode, op);
    return;
  }
  let pos = 0;
  for (const v of values) {
    let code = st.index.get(v as T);
    if (code === undefined) code = unseenCode(st, v, mode, op, pos);
    const n = st.length;
    if (n === st.codes.length) st.codes = grownCodes(st.codes, n, n + 1);
    st.codes[n] = code;
    st.length = n + 1;
    pos++;
  }
}

/** The hot loading loop: per-width kernels run until a value has no code; that one is handled here. */
function appendArray<T extends CategoryValue>(st: LoadState<T>, values: readonly unknown[], mode: Mode, op: string): void {
  const m = values.length;
  const start = st.length;
  if (start + m > st.codes.length) st.codes = grownCodes(st.codes, start, start + m);
  const index = st.index as ReadonlyMap<unknown, number>;
  // String columns loaded in bulk go through the string table (string-probe.ts: no out-of-line hash per
  // fresh string); whatever it does not resolve is handled through the Map below, then it resumes.
  let table = st.kind !== 'number' && m >= STRING_TABLE_MIN ? stringTable(st.list) : null;
  let i = 0;
  while (i < m) {
    const stop = table === null ? encode(values, i, m, index, st.codes, start) : encodeStrings(values, i, m, table, st.codes, start);
    st.length = start + stop;
    if (stop === m) break;
    const v = values[stop];
    let code = table === null ? undefined : index.get(v);
    if (code === undefined) {
      code = unseenCode(st, v, mode, op, stop); // may widen st.codes, or add a category
      if (table !== null) {
        if (st.kind === 'number' || table.cats !== st.list) table = null;
        else syncTable(table);
      }
    }
    st.codes[start + stop] = code;
    st.length = start + stop + 1;
    i = stop + 1;
  }
}

/** The code for a value that is not (yet) a category: missing, a new category, or an error. */
export function unseenCode<T extends CategoryValue>(st: LoadState<T>, v: unknown, mode: Mode, op: string, pos: number): number {
  if (isMissing(v)) return -1;
  const kind = admitKind(v, st.kind, whereOf(op, pos));
  if (mode === STRICT) throwNotCategory(whereOf(op, pos), v);
  if (mode === MISSING) return -1;
  const k = st.list.length;
  if (k >= maxCategories(codesDTypeOf(st.codes))) {
    if (k >= maxCategories('int32')) throwValue(`${whereOf(op, pos)}: a Categorical holds at most ${k} categories`);
    st.codes = copyCodes(st.codes, st.length, codesDTypeFor(k + 1), st.codes.length);
  }
  const value = normalizeCategory(v as T);
  st.list.push(value);
  st.index.set(value, k);
  st.kind = kind;
  st.changed = true;
  return k;
}

/** The codes grown so that `needed` fit (capacity doubling, ×1.5 past 64 MiB); the first `length` kept. */
export function grownCodes(codes: CodeArray, length: number, needed: number): CodeArray {
  const cap = grownCapacity(codes.length, needed, codes.BYTES_PER_ELEMENT);
  return copyCodes(codes, length, codesDTypeOf(codes), cap);
}

/**
 * Inferred categories in natural order (pandas): the sorted list and its index, with the codes recoded in
 * place; or `null` when `list` is already sorted.
 */
export function naturalOrder<T extends CategoryValue>(list: readonly T[], codes: CodeArray, length: number): { list: T[]; index: Map<T, number> } | null {
  const k = list.length;
  let sorted = true;
  for (let c = 1; c < k && sorted; c++) if (compareNatural(list[c - 1]!, list[c]!) > 0) sorted = false;
  if (sorted) return null;
  const next = list.slice().sort(compareNatural);
  const index = new Map<T, number>();
  for (let c = 0; c < k; c++) index.set(next[c]!, c);
  const table = new Int32Array(k + 1);
  table[0] = -1;
  for (let c = 0; c < k; c++) table[c + 1] = index.get(list[c]!)!;
  recodeInPlace(codes, length, table);
  return { list: next, index };
}
