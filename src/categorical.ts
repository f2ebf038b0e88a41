/**
 * Categorical (pandas.Categorical): dictionary-encoded columns of strings or numbers.
 * The implementation lives in `categorical/`; this module is its public face.
 * @packageDocumentation
 */
export { Categorical, categorical } from './categorical/categorical.js';
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
