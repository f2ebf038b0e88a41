// GENERATED FILE, DO NOT EDIT. Made by scripts/gen-kernels.mjs from scripts/templates/string-probe.mjs;
// change the template and run `npm run gen` (test/internal/generated.test.ts fails when this file is stale).
/**
 * The encoders of Categorical's string table (string-probe.ts), one distinct function per code array type
 * (Int8Array, Int16Array, Int32Array), emitted from scripts/templates/string-probe.mjs so that each stays
 * monomorphic (docs/internals/performance.md, "Monomorphic kernels"); and the slot hash they share with the table.
 * Each writes `codes[base + i]` = the code of `values[i]` for `i` from `from`, until a value the table does not
 * resolve, and returns that position (or `to`).
 *
 * @internal
 * @packageDocumentation
 */

/** Slots probed before handing a value to the Map path. @internal */
export const MAX_PROBES = 8;

/** What the encoders read of a string table (string-probe.ts `StringTable`). @internal */
export interface ProbeTable {
  readonly cats: readonly unknown[];
  readonly slots: Int32Array;
  readonly mask: number;
}

/** The slot hash of a non-empty string: its length and four of its characters (first, middle, last two). @internal */
export function slotHash(s: string, len: number): number {
  let h = Math.imul(len, 0x9e3779b1) ^ s.charCodeAt(len - 1) ^ (s.charCodeAt(len >> 1) << 7) ^ (s.charCodeAt(0) << 14);
  if (len > 2) h ^= s.charCodeAt(len - 2) << 21;
  h = Math.imul(h ^ (h >>> 13), 0x85ebca6b);
  return h ^ (h >>> 16);
}

/** The encoder for Int8Array codes. @internal */
export function encodeStr8(values: readonly unknown[], from: number, to: number, t: ProbeTable, codes: Int8Array, base: number): number {
  const cats = t.cats;
  const slots = t.slots;
  const mask = t.mask;
  for (let i = from; i < to; i++) {
    const s = values[i];
    if (typeof s !== 'string' || s.length === 0) return i;
    let h = slotHash(s, s.length) & mask;
    let p = 0;
    for (;;) {
      const c = slots[h]!;
      if (c < 0 || p === MAX_PROBES) return i;
      if (cats[c] === s) {
        codes[base + i] = c;
        break;
      }
      h = (h + 1) & mask;
      p++;
    }
  }
  return to;
}

/** The encoder for Int16Array codes. @internal */
export function encodeStr16(values: readonly unknown[], from: number, to: number, t: ProbeTable, codes: Int16Array, base: number): number {
  const cats = t.cats;
  const slots = t.slots;
  const mask = t.mask;
  for (let i = from; i < to; i++) {
    const s = values[i];
    if (typeof s !== 'string' || s.length === 0) return i;
    let h = slotHash(s, s.length) & mask;
    let p = 0;
    for (;;) {
      const c = slots[h]!;
      if (c < 0 || p === MAX_PROBES) return i;
      if (cats[c] === s) {
        codes[base + i] = c;
        break;
      }
      h = (h + 1) & mask;
      p++;
    }
  }
  return to;
}

/** The encoder for Int32Array codes. @internal */
export function encodeStr32(values: readonly unknown[], from: number, to: number, t: ProbeTable, codes: Int32Array, base: number): number {
  const cats = t.cats;
  const slots = t.slots;
  const mask = t.mask;
  for (let i = from; i < to; i++) {
    const s = values[i];
    if (typeof s !== 'string' || s.length === 0) return i;
    let h = slotHash(s, s.length) & mask;
    let p = 0;
    for (;;) {
      const c = slots[h]!;
      if (c < 0 || p === MAX_PROBES) return i;
      if (cats[c] === s) {
        codes[base + i] = c;
        break;
      }
      h = (h + 1) & mask;
      p++;
    }
  }
  return to;
}
