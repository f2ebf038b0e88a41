/**
 * Categorical (pandas.Categorical): dictionary-encoded columns of strings or numbers.
 * The implementation lives in `categorical/`; this module is its public face.
 * @packageDocumentation
 */
export { Categorical, categorical } from './categorical/categorical.js';
/** @internal The code-width rule, shared with compactly/arrow's dictionary import (not re-exported by index.ts). */
export { allocCodes, codesDTypeFor } from './categorical/codes.js';
export type {
  CategoricalMemoryUsage,
  CategoricalOptions,
  CategoryValue,
  CodeArray,
  CodesDType,
  CompareOperand,
  FromCodesOptions,
  MinMaxOptions,
  PushOptions,
  Renamer,
  ReorderOptions,
  SetCategoriesOptions,
  ValueCountsOptions,
  WidenCategory,
} from './categorical/categorical.js';
