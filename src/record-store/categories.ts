/**
 * The category columns of a store: Categoricals of strings, made empty or checked when adopted.
 * @internal
 */
import { Categorical, categorical } from '../categorical.js';
import { describe, throwType } from '../errors.js';
import type { CategoryColumn } from './store-data.js';

/** An empty category column. @internal */
export function newCategory(): CategoryColumn {
  return categorical<string>() as unknown as CategoryColumn;
}

/** @internal */
export function isCategorical(x: unknown): x is Categorical<string | number> {
  return x instanceof Categorical;
}

/** @internal */
export function stringCategories(cat: Categorical<string | number>, where: string): void {
  for (const c of cat.categories) if (typeof c !== 'string') throwType(`${where}: category fields hold strings; this Categorical has ${describe(c)}`);
}
