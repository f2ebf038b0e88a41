/**
 * Comparisons of a Categorical against a value, an array or another Categorical, following the
 * pandas matrix (docs/categorical.md; test/categorical checks it against pandas): masks for eq/ne/lt/le/gt/ge, the errors pandas raises, and `equals`.
 *
 * @internal
 * @packageDocumentation
 */
import { describe, throwType, throwValue } from '../errors.js';
import { compareCodes, rangeMask, recode, type CodeArray, type CompareOp } from './codes.js';
import type { CategoryValue } from './dictionary.js';

/** One side of a comparison: the internals of a Categorical. @internal */
export interface Side {
  readonly codes: CodeArray;
  readonly length: number;
  readonly list: readonly CategoryValue[];
  readonly index: ReadonlyMap<unknown, number>;
  readonly ordered: boolean;
}

const BIG = 0x7fffffff;

function isOrdering(op: CompareOp): boolean {
  return op !== 'eq' && op !== 'ne';
}

function checkOrdered(mine: Side, op: CompareOp): void {
  if (isOrdering(op) && !mine.ordered) throwType(`Categorical.${op}: Unordered Categoricals can only compare equality or not`);
}

/**
 * `theirs`' codes expressed in `mine`'s categories (Int32), or `null` when the categories are not the
 * same set (or, with `sameOrder`, not the same list).
 * @internal
 */
export function codesInMine(mine: Side, theirs: Side, sameOrder: boolean): Int32Array | null {
  const k = mine.list.length;
  if (theirs.list.length !== k) return null;
  const table = new Int32Array(k + 1);
  table[0] = -1;
  for (let c = 0; c < k; c++) {
    const code = mine.index.get(theirs.list[c]);
    if (code === undefined || (sameOrder && code !== c)) return null;
    table[c + 1] = code;
  }
  const out = new Int32Array(theirs.length);
  recode(theirs.codes, theirs.length, table, out);
  return out;
}

/** Categorical against Categorical: same length, and the same categories (same order when ordered). @internal */
export function compareSides(mine: Side, theirs: Side, op: CompareOp): Uint8Array {
  checkOrdered(mine, op);
  const where = `Categorical.${op}`;
  const n = mine.length;
  if (theirs.length !== n) throwValue(`${where}: Lengths must match. (${n} vs ${theirs.length})`);
  const other = theirs.ordered === mine.ordered ? codesInMine(mine, theirs, mine.ordered) : null;
  if (other === null) throwType(`${where}: Categoricals can only be compared if 'categories' are the same.`);
  return compareCodes(new Int32Array(mine.codes.subarray(0, n)), other, op);
}

/** Categorical against a value (one monomorphic pass over the codes) or an array of values (eq/ne only). @internal */
export function compareWith(mine: Side, other: unknown, op: CompareOp): Uint8Array {
  checkOrdered(mine, op);
  const where = `Categorical.${op}`;
  const n = mine.length;
  if (Array.isArray(other)) {
    if (isOrdering(op)) {
      throwType(`${where}: Cannot compare a Categorical for op ${op} with an array. If you want to compare values, compare toArray() element-wise.`);
    }
    if (other.length !== n) throwValue(`${where}: Lengths must match. (${n} vs ${other.length})`);
    const theirs = new Int32Array(n);
    for (let i = 0; i < n; i++) theirs[i] = mine.index.get(other[i]) ?? -2;
    return compareCodes(new Int32Array(mine.codes.subarray(0, n)), theirs, op);
  }
  const code = mine.index.get(other);
  if (code === undefined) {
    if (isOrdering(op)) throwType(`${where}: Invalid comparison between dtype=category and ${describe(other)} (not a category)`);
    return op === 'eq' ? new Uint8Array(n) : new Uint8Array(n).fill(1);
  }
  switch (op) {
    case 'eq':
      return rangeMask(mine.codes, n, code, code, false);
    case 'ne':
      return rangeMask(mine.codes, n, code, code, true);
    case 'lt':
      return rangeMask(mine.codes, n, 0, code - 1, false);
    case 'le':
      return rangeMask(mine.codes, n, 0, code, false);
    case 'gt':
      return rangeMask(mine.codes, n, code + 1, BIG, false);
    case 'ge':
      return rangeMask(mine.codes, n, code, BIG, false);
  }
}

/**
 * `Categorical.equals` (pandas `equals`): the same `ordered`, length and values, over the same category set (the
 * same list when ordered); missing equals missing. @internal
 */
export function sidesEqual(mine: Side, theirs: Side): boolean {
  if (theirs.ordered !== mine.ordered || theirs.length !== mine.length || theirs.list.length !== mine.list.length) return false;
  const other = codesInMine(mine, theirs, mine.ordered);
  if (other === null) return false;
  const n = mine.length;
  const codes = mine.codes;
  for (let i = 0; i < n; i++) if (codes[i] !== other[i]) return false;
  return true;
}
