/**
 * A string → code table for loading string values in bulk, faster than `Map.get` on strings made at run
 * time (split out of a file, decoded from bytes).
 *
 * `Map.get` must hash a fresh string first, which V8 does out of line (a C++ call per string) and then
 * compare contents. Here a string's slot comes from its length and four of its characters (first, middle and
 * the last two: the characters that differ between category names like `cat17`/`cat18`), and one `===`
 * against the category in that slot confirms it. Probing is linear; after `MAX_PROBES` slots, or for
 * a value that is not a string, or for a string that is not a category yet, the kernel stops and returns
 * the position, and the Categorical handles that value through its Map (the exact path) and resumes. So a
 * table whose categories collide badly is only slower, never wrong.
 *
 * Measured in bench/categorical.bench.ts ("build from runtime strings"). The hash and the per-code-width
 * encoders are generated (string-probe.gen.ts, from scripts/templates/string-probe.mjs).
 *
 * @internal
 * @packageDocumentation
 */
import { encodeStr16, encodeStr32, encodeStr8, slotHash } from './string-probe.gen.js';

/** Category strings by slot (`slots[h]` = code, -1 empty). @internal */
export interface StringTable {
  /** The categories by code (the Categorical's own list, read only). */
  readonly cats: readonly unknown[];
  slots: Int32Array;
  mask: number;
  /** Categories inserted so far (codes `0..size-1`). */
  size: number;
}

/** A table over string categories `cats` (every entry a string). @internal */
export function stringTable(cats: readonly unknown[]): StringTable {
  const t: StringTable = { cats, slots: new Int32Array(0), mask: 0, size: 0 };
  rebuild(t, cats.length);
  return t;
}

/** Adds the categories appended to `t.cats` since the table was built (rebuilding at half load). @internal */
export function syncTable(t: StringTable): void {
  const k = t.cats.length;
  if (k === t.size) return;
  if (k * 2 > t.mask) {
    rebuild(t, k);
    return;
  }
  for (let c = t.size; c < k; c++) insert(t, c);
  t.size = k;
}

function rebuild(t: StringTable, k: number): void {
  let cap = 16;
  while (cap < k * 4) cap *= 2;
  t.slots = new Int32Array(cap).fill(-1);
  t.mask = cap - 1;
  for (let c = 0; c < k; c++) insert(t, c);
  t.size = k;
}

function insert(t: StringTable, c: number): void {
  const s = t.cats[c] as string;
  const slots = t.slots;
  const mask = t.mask;
  let h = s.length === 0 ? 0 : slotHash(s, s.length) & mask;
  while (slots[h]! >= 0) h = (h + 1) & mask;
  slots[h] = c;
}

/**
 * Writes codes for `values[from..to)` through the string table until a value it does not resolve; returns
 * that position (or `to`). The caller guarantees capacity for `base + to` codes.
 * @internal
 */
export function encodeStrings(values: readonly unknown[], from: number, to: number, t: StringTable, codes: Int8Array | Int16Array | Int32Array, base: number): number {
  if (codes instanceof Int8Array) return encodeStr8(values, from, to, t, codes, base);
  if (codes instanceof Int16Array) return encodeStr16(values, from, to, t, codes, base);
  return encodeStr32(values, from, to, t, codes, base);
}
