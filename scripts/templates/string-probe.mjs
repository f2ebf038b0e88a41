// Template of src/categorical/string-probe.gen.ts: the string-table encoders of Categorical, one per code width
// (int8, int16, int32 codes). The table itself and the dispatcher that picks one per call live in
// src/categorical/string-probe.ts.

/** The encoder of one code width (`W` is 8, 16 or 32). */
function encoder(t) {
  const W = t.bytes * 8;
  return `
/** The encoder for ${t.Array} codes. @internal */
export function encodeStr${W}(values: readonly unknown[], from: number, to: number, t: ProbeTable, codes: ${t.Array}, base: number): number {
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
`;
}

const prelude = `/**
 * The encoders of Categorical's string table (string-probe.ts), one distinct function per code array type
 * (Int8Array, Int16Array, Int32Array), emitted from scripts/templates/string-probe.mjs so that each stays
 * monomorphic (docs/internals/performance.md, "Monomorphic kernels"); and the slot hash they share with the table.
 * Each writes \`codes[base + i]\` = the code of \`values[i]\` for \`i\` from \`from\`, until a value the table does not
 * resolve, and returns that position (or \`to\`).
 *
 * @internal
 * @packageDocumentation
 */

/** Slots probed before handing a value to the Map path. @internal */
export const MAX_PROBES = 8;

/** What the encoders read of a string table (string-probe.ts \`StringTable\`). @internal */
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
`;

export default {
  output: 'src/categorical/string-probe.gen.ts',
  render: ({ dtypes }) =>
    prelude +
    dtypes
      .filter((t) => t.signed && t.integer && !t.bigint)
      .map(encoder)
      .join(''),
};
