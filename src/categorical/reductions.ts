/**
 * Categorical's reductions over its codes: counts per category (`valueCounts`), the smallest and largest
 * value in category order (`min`/`max`), the distinct codes in order of first appearance (`unique`), and the
 * memory breakdown (`memoryUsage`).
 *
 * @internal
 * @packageDocumentation
 */
import { throwType } from '../errors.js';
import { usageRecord } from '../internal/memory-usage.js';
import { allocCodes, bincount, extremes, firstOccurrences, type CodeArray, type CodesDType } from './codes.js';
import { checkFlag, MIN_MAX_UNORDERED } from './checks.js';
import type { CategoryValue } from './dictionary.js';
import type { CategoricalMemoryUsage, MinMaxOptions } from './options.js';

/** `valueCounts`: category → count over `codes[0, n)` in category order, then `null` → missing count unless `dropna`. @internal */
export function countsByCategory<T extends CategoryValue>(codes: CodeArray, n: number, list: readonly T[], dropna: boolean): Map<T | null, number> {
  const k = list.length;
  const counts = bincount(codes, n, k);
  const out = new Map<T | null, number>();
  for (let c = 0; c < k; c++) out.set(list[c]!, counts[c + 1]!);
  if (!dropna && counts[0]! > 0) out.set(null, counts[0]!);
  return out;
}

/** `min`/`max` in category order of an ordered Categorical's `codes[0, n)`. @internal */
export function extremeOf<T extends CategoryValue>(codes: CodeArray, n: number, list: readonly T[], ordered: boolean, op: 'min' | 'max', options: MinMaxOptions): T | null {
  if (!ordered) throwType(MIN_MAX_UNORDERED(op));
  const skipna = checkFlag(options.skipna, 'skipna', `Categorical.${op}`) ?? true;
  const e = extremes(codes, n);
  if (n === 0 || e.max < 0 || (!skipna && e.min < 0)) return null;
  return list[op === 'min' ? e.minValid : e.max]!;
}

/** `unique`: the distinct codes of `codes[0, n)` in order of first appearance, in a tight array of `dtype`. @internal */
export function uniqueCodes(codes: CodeArray, n: number, k: number, dtype: CodesDType): CodeArray {
  const first = firstOccurrences(codes, n, k);
  const out = allocCodes(dtype, first.length);
  out.set(first);
  return out;
}

/** Logical bytes as pandas reports them: the live codes plus 8 bytes per category. @internal */
export function categoricalNbytes(codes: CodeArray, n: number, k: number): number {
  return n * codes.BYTES_PER_ELEMENT + 8 * k;
}

/** The usage record of `n` values in `codes` over `k` categories whose dictionary takes `dictionary` bytes. @internal */
export function categoricalUsage(codes: CodeArray, n: number, k: number, dictionary: number, codesDType: CodesDType): CategoricalMemoryUsage {
  const size = codes.BYTES_PER_ELEMENT;
  const live = n * size;
  const slack = (codes.length - n) * size;
  return usageRecord<CategoricalMemoryUsage, 'total'>(
    { length: n, capacity: codes.length, byteLength: live + slack + dictionary, nbytes: categoricalNbytes(codes, n, k) },
    { codesDType, categories: k, codes: live, slack, dictionary },
    { total: 'byteLength' },
  );
}
