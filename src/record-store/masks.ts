/**
 * Masks: the algebra that combines them (`maskAnd`, `maskOr`, `maskNot`) and the rows a mask keeps
 * (`filter(mask)`), word-wise where the mask is 4-aligned.
 * A mask is a `Uint8Array`, one byte per row, any non-zero byte true. The SWAR helper lives here with every
 * loop that calls it (a helper imported from another module is reached through an accessor under the CJS
 * transform tsx applies, which costs in a per-word loop).
 *
 * @internal
 * @packageDocumentation
 */
import { describe, throwType, throwValue } from '../errors.js';
import type { StoreData } from './store-data.js';
import { LITTLE_ENDIAN } from './where.js';

function checkMask(m: unknown, where: string): Uint8Array {
  if (!(m instanceof Uint8Array)) throwType(`${where}: masks are Uint8Arrays (from where/eq/isNA), got ${describe(m)}`);
  return m;
}

function checkPair(a: unknown, b: unknown, where: string): [Uint8Array, Uint8Array] {
  const x = checkMask(a, where);
  const y = checkMask(b, where);
  if (x.length !== y.length) throwValue(`${where}: mask lengths differ (${x.length} vs ${y.length})`);
  return [x, y];
}

/**
 * Each byte of the 32-bit word `x` turned into 1 if it is non-zero, 0 otherwise (SWAR: the high bit of
 * `(b & 0x7f) + 0x7f` is set when the low seven bits are not all zero). @internal
 */
export function nonZeroBytes(x: number): number {
  return ((x | (((x & 0x7f7f7f7f) + 0x7f7f7f7f) | 0)) >>> 7) & 0x01010101;
}

/** A 32-bit view of a mask's whole words, or null when its bytes are not 4-aligned. @internal */
export function maskWords(m: Uint8Array): Int32Array | null {
  return m.byteOffset % 4 === 0 ? new Int32Array(m.buffer, m.byteOffset, m.length >>> 2) : null;
}

/**
 * Row-wise AND of masks (pandas `m1 & m2`): a **new** mask, 1 where every mask is non-zero. To keep the rows
 * where several comparisons hold, `store.filter([[field, op, value], …])` is one fused pass with no masks; this
 * combines masks you already hold (from `where`, `maskOr`, `Categorical.eq`, …).
 * @param masks - Two or more `Uint8Array` masks of one length.
 * @returns A new `Uint8Array` of 0/1.
 * @throws `TypeError` for a non-`Uint8Array`; {@link ValueError} for lengths that differ or fewer than two masks.
 * @remarks O(n × masks); allocates one mask.
 * @example
 * ```ts
 * store.filter(maskAnd(maskOr(store.where('origin', '==', 'LAX'), store.where('dest', '==', 'LAX')), store.where('delay', '>', 300)));
 * ```
 */
export function maskAnd(...masks: readonly Uint8Array[]): Uint8Array {
  return combine(masks, 'maskAnd', true);
}

/**
 * Row-wise OR of masks (pandas `m1 | m2`): a **new** mask, 1 where any mask is non-zero.
 * @param masks - Two or more `Uint8Array` masks of one length.
 * @returns A new `Uint8Array` of 0/1.
 * @throws `TypeError` for a non-`Uint8Array`; {@link ValueError} for lengths that differ or fewer than two masks.
 * @remarks O(n × masks); allocates one mask.
 */
export function maskOr(...masks: readonly Uint8Array[]): Uint8Array {
  return combine(masks, 'maskOr', false);
}

/**
 * Row-wise NOT of a mask (pandas `~m`): a **new** mask, 1 where `mask` is zero.
 * @param mask - A `Uint8Array` mask.
 * @returns A new `Uint8Array` of 0/1.
 * @throws `TypeError` for a non-`Uint8Array`.
 * @remarks O(n); allocates one mask.
 */
export function maskNot(mask: Uint8Array): Uint8Array {
  const m = checkMask(mask, 'maskNot');
  const n = m.length;
  const out = new Uint8Array(n);
  const src = maskWords(m);
  let i = 0;
  if (src !== null) {
    // Byte order does not matter: every byte is handled alike.
    const dst = new Int32Array(out.buffer, 0, src.length);
    for (let j = 0; j < src.length; j++) dst[j] = nonZeroBytes(src[j]!) ^ 0x01010101;
    i = src.length << 2;
  }
  for (; i < n; i++) out[i] = +(m[i] === 0);
  return out;
}

function combine(masks: readonly Uint8Array[], where: string, all: boolean): Uint8Array {
  if (masks.length < 2) throwValue(`${where}: needs at least two masks, got ${masks.length}`);
  const first = checkMask(masks[0], where);
  const n = first.length;
  for (let k = 1; k < masks.length; k++) checkPair(first, masks[k], where);
  const out = new Uint8Array(n);
  const dst = new Int32Array(out.buffer, 0, n >>> 2);
  // The first two masks in one pass, then each further mask combined in (words where aligned, then bytes).
  combineInto(dst, out, first, masks[1]!, n, all);
  for (let k = 2; k < masks.length; k++) combineInto(dst, out, out, masks[k]!, n, all);
  return out;
}

/** `out = nz(a) & nz(b)` (or `|`), word-wise where both are 4-aligned; `a` may be `out`. */
function combineInto(dst: Int32Array, out: Uint8Array, a: Uint8Array, b: Uint8Array, n: number, all: boolean): void {
  const x = maskWords(a);
  const y = maskWords(b);
  let i = 0;
  if (x !== null && y !== null) {
    const w = x.length;
    if (all) for (let j = 0; j < w; j++) dst[j] = nonZeroBytes(x[j]!) & nonZeroBytes(y[j]!);
    else for (let j = 0; j < w; j++) dst[j] = nonZeroBytes(x[j]!) | nonZeroBytes(y[j]!);
    i = w << 2;
  }
  if (all) for (; i < n; i++) out[i] = +(a[i] !== 0) & +(b[i] !== 0);
  else for (; i < n; i++) out[i] = +(a[i] !== 0) | +(b[i] !== 0);
}

// --- the rows a mask keeps ----------------------------------------------------------------------------

/** Rows where `mask[i]` is truthy (`mask.length` must equal the store's length). @internal */
export function rowsOfMask(d: StoreData, mask: ArrayLike<unknown>): Uint32Array {
  const n = d.length;
  if (mask.length !== n) throwValue(`RecordStore.filter: mask length ${mask.length} does not match the store length ${n}`);
  if (mask instanceof Uint8Array) {
    // Counted first, so the index list is as long as the result (+1: the branch-free fill writes one past
    // the last kept row). A list of `n` rows would cost more in fresh pages than the whole fill.
    const keep = new Uint32Array(countMask(mask, n) + 1);
    return keep.subarray(0, maskRows(mask, n, keep));
  }
  const keep = new Uint32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) if (mask[i]) keep[m++] = i;
  return keep.subarray(0, m);
}

/** How many bytes of `mask[0..n)` are non-zero: four per step where the mask is 4-aligned. */
function countMask(mask: Uint8Array, n: number): number {
  let c = 0;
  let i = 0;
  const words = maskWords(mask);
  if (words !== null) {
    // nonZeroBytes gives 0/1 per byte; the multiply sums the four bytes into the top one.
    for (let j = 0; j < words.length; j++) c += Math.imul(nonZeroBytes(words[j]!), 0x01010101) >>> 24;
    i = words.length << 2;
  }
  for (; i < n; i++) c += +(mask[i] !== 0);
  return c;
}

/**
 * Branch-free index collection over a byte mask (any non-zero byte keeps the row): eight rows per step as two
 * 32-bit words where the mask is 4-aligned, skipping steps whose eight bytes are all zero (a selective filter
 * touches few), then byte by byte. `keep` needs room for the kept rows + 1 (the fill writes one past the last
 * kept row). Returns the count. @internal
 */
function maskRows(mask: Uint8Array, n: number, keep: Uint32Array): number {
  let m = 0;
  let i = 0;
  const words = LITTLE_ENDIAN ? maskWords(mask) : null;
  if (words !== null) {
    const w = (n >>> 2) & ~1;
    for (let j = 0; j < w; j += 2) {
      const lo = words[j]!;
      const hi = words[j + 1]!;
      if ((lo | hi) === 0) continue;
      m = keepWord(keep, m, nonZeroBytes(lo), j << 2);
      m = keepWord(keep, m, nonZeroBytes(hi), (j + 1) << 2);
    }
    i = w << 2;
  }
  for (; i < n; i++) {
    keep[m] = i;
    m += (mask[i]! + 255) >>> 8;
  }
  return m;
}

/** Appends rows `r..r+3` whose byte in `x` (0/1 per byte, little-endian) is 1; returns the new count. */
function keepWord(keep: Uint32Array, m: number, x: number, r: number): number {
  keep[m] = r;
  m += x & 1;
  keep[m] = r + 1;
  m += (x >>> 8) & 1;
  keep[m] = r + 2;
  m += (x >>> 16) & 1;
  keep[m] = r + 3;
  return m + (x >>> 24);
}
