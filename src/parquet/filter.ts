/**
 * Row filters for readParquet and readDataset: one predicate per column, used three ways — to skip row groups
 * by their footer statistics, to skip partitions by their path values, and to keep matching rows.
 *
 * @packageDocumentation
 */
import { describe } from '../errors.js';

/** A value a predicate compares with (a date or timestamp compares as its stored number). */
export type FilterValue = string | number | bigint;

/**
 * One column's predicate: a value (equal to it), an array of values (any of them), or a range
 * `{gt?, ge?, lt?, le?}` (all bounds given must hold). `null` in a value list matches nulls.
 */
export type ColumnPredicate = FilterValue | null | readonly (FilterValue | null)[] | RangePredicate;

/** A range predicate: each bound given must hold. */
export interface RangePredicate {
  /** Greater than. */
  readonly gt?: FilterValue;
  /** Greater than or equal. */
  readonly ge?: FilterValue;
  /** Less than. */
  readonly lt?: FilterValue;
  /** Less than or equal. */
  readonly le?: FilterValue;
}

/** Column name → predicate; a row is kept when every predicate holds. */
export type ParquetFilter = Readonly<Record<string, ColumnPredicate>>;

const RANGE_KEYS = new Set(['gt', 'ge', 'lt', 'le']);

function isRange(p: ColumnPredicate): p is RangePredicate {
  return typeof p === 'object' && p !== null && !Array.isArray(p);
}

/** @internal Checks a filter's shape (a `TypeError` names the column and what was passed). */
export function checkFilter(filter: unknown, where: string): asserts filter is ParquetFilter | undefined {
  if (filter === undefined) return;
  if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
    throw new TypeError(`${where}: filter must be an object of column predicates, got ${describe(filter)}`);
  }
  for (const [col, p] of Object.entries(filter)) {
    const okValue = (v: unknown): boolean => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint';
    if (okValue(p)) continue;
    if (Array.isArray(p) && p.every(okValue)) continue;
    if (isRange(p as ColumnPredicate) && Object.keys(p as object).every((k) => RANGE_KEYS.has(k)) && Object.values(p as object).every((v) => v !== null && okValue(v))) {
      continue;
    }
    throw new TypeError(`${where}: filter for column ${JSON.stringify(col)} must be a value, an array of values or {gt, ge, lt, le}, got ${describe(p)}`);
  }
}

function numericText(s: string): number | undefined {
  const x = s.trim() === '' ? NaN : Number(s);
  return Number.isNaN(x) ? undefined : x;
}

function cmp(a: FilterValue, b: FilterValue): number {
  // A number's text (a partition value) against a number compares as numbers.
  if (typeof a === 'string' && typeof b !== 'string' && numericText(a) !== undefined) return cmp(numericText(a)!, b);
  if (typeof b === 'string' && typeof a !== 'string' && numericText(b) !== undefined) return cmp(a, numericText(b)!);
  if (typeof a === 'string' || typeof b === 'string') {
    const x = String(a);
    const y = String(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  // number / bigint mixes compare exactly.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** @internal Whether one value (`null` for a null) satisfies the predicate. */
export function matches(p: ColumnPredicate, v: FilterValue | null): boolean {
  if (Array.isArray(p)) {
    for (const x of p as readonly (FilterValue | null)[]) {
      if (x === null ? v === null : v !== null && cmp(x, v) === 0) return true;
    }
    return false;
  }
  if (p === null) return v === null;
  if (!isRange(p)) return v !== null && cmp(p as FilterValue, v) === 0;
  if (v === null) return false;
  if (p.gt !== undefined && !(cmp(v, p.gt) > 0)) return false;
  if (p.ge !== undefined && !(cmp(v, p.ge) >= 0)) return false;
  if (p.lt !== undefined && !(cmp(v, p.lt) < 0)) return false;
  if (p.le !== undefined && !(cmp(v, p.le) <= 0)) return false;
  return true;
}

/**
 * @internal Whether some value in `[min, max]` (or a null, when `hasNulls`) may satisfy the predicate;
 * `false` only when statistics rule every row out.
 */
export function mayMatch(p: ColumnPredicate, min: FilterValue, max: FilterValue, hasNulls: boolean): boolean {
  const inside = (v: FilterValue): boolean => cmp(v, min) >= 0 && cmp(v, max) <= 0;
  if (Array.isArray(p)) {
    return (p as readonly (FilterValue | null)[]).some((x) => (x === null ? hasNulls : inside(x)));
  }
  if (p === null) return hasNulls;
  if (!isRange(p)) return inside(p as FilterValue);
  if (p.gt !== undefined && !(cmp(max, p.gt) > 0)) return false;
  if (p.ge !== undefined && !(cmp(max, p.ge) >= 0)) return false;
  if (p.lt !== undefined && !(cmp(min, p.lt) < 0)) return false;
  if (p.le !== undefined && !(cmp(min, p.le) <= 0)) return false;
  return true;
}
