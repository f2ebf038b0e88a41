/**
 * The loading kernels: values → codes through the dictionary Map, one monomorphic loop per code width.
 * Each stops at the first value that is not a category yet (new, missing or invalid) and returns its
 * position, so the Categorical can handle it out of line (add a category, widen, throw) and resume.
 *
 * @internal
 * @packageDocumentation
 */
import type { CodeArray } from './codes.js';

function encode8(values: readonly unknown[], from: number, to: number, index: ReadonlyMap<unknown, number>, codes: Int8Array, base: number): number {
  // int8 kernel
  for (let i = from; i < to; i++) {
    const c = index.get(values[i]);
    if (c === undefined) return i;
    codes[base + i] = c;
  }
  return to;
}
function encode16(values: readonly unknown[], from: number, to: number, index: ReadonlyMap<unknown, number>, codes: Int16Array, base: number): number {
  // int16 kernel
  for (let i = from; i < to; i++) {
    const c = index.get(values[i]);
    if (c === undefined) return i;
    codes[base + i] = c;
  }
  return to;
}
function encode32(values: readonly unknown[], from: number, to: number, index: ReadonlyMap<unknown, number>, codes: Int32Array, base: number): number {
  // int32 kernel
  for (let i = from; i < to; i++) {
    const c = index.get(values[i]);
    if (c === undefined) return i;
    codes[base + i] = c;
  }
  return to;
}

/**
 * Writes `codes[base + i] = index.get(values[i])` for `i` in `[from, to)` until a value has no code;
 * returns that position (or `to`). The caller guarantees capacity for `base + to` codes.
 * @internal
 */
export function encode(values: readonly unknown[], from: number, to: number, index: ReadonlyMap<unknown, number>, codes: CodeArray, base: number): number {
  if (codes instanceof Int8Array) return encode8(values, from, to, index, codes, base);
  if (codes instanceof Int16Array) return encode16(values, from, to, index, codes, base);
  return encode32(values, from, to, index, codes, base);
}
