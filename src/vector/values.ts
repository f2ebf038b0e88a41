/**
 * Vector's element values outside the hot loops: the needle of a search (`index`, `count`, `includes`),
 * the comparison of two vectors across number and bigint dtypes (`compare`), and Python-style formatting.
 * @internal
 * @packageDocumentation
 */
import type { RawArray } from './raw-array.js';

/**
 * Converts a search argument to the element representation it could equal, or `undefined` when it
 * cannot equal any element (wrong type, or a bigint with no exact double). Searches never throw for
 * wrong-typed needles, as in Python (`'x' in a` is `False`).
 * @internal
 */
export function needleFor(x: unknown, bigint: boolean): number | bigint | undefined {
  if (bigint) {
    if (typeof x === 'bigint') return x;
    if (typeof x === 'number' && Number.isInteger(x)) return BigInt(x);
    return undefined;
  }
  if (typeof x === 'number') return x;
  if (typeof x === 'bigint') {
    const d = Number(x);
    return Number.isFinite(d) && BigInt(d) === x ? d : undefined;
  }
  return undefined;
}

/**
 * Lexicographic comparison by value of `a[0, na)` and `b[0, nb)`, across number and bigint elements
 * (Python's rich comparison of arrays): the first pair that is not `==` decides; a NaN there makes the
 * two unordered and the result is `NaN`. Returns -1, 0, 1 or NaN.
 * @internal
 */
export function compareValues(a: RawArray, na: number, b: RawArray, nb: number): number {
  const n = na < nb ? na : nb;
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    // Loose equality compares a bigint with a number by mathematical value; NaN is never equal.
    // eslint-disable-next-line eqeqeq
    if (x != y) return x < y ? -1 : x > y ? 1 : NaN;
  }
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** Formats one element like Python's repr would, in JS spelling (`-0` kept, bigint without `n`). @internal */
export function formatElement(x: number | bigint): string {
  if (typeof x === 'bigint') return x.toString();
  return Object.is(x, -0) ? '-0' : String(x);
}

/** `a[0, n)` formatted and joined by `, ` (the list inside `Vector.toString`). @internal */
export function formatElements(a: RawArray, n: number): string {
  const parts = new Array<string>(n);
  for (let i = 0; i < n; i++) parts[i] = formatElement(a[i]!);
  return parts.join(', ');
}
