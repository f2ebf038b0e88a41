/**
 * Stable argsort of RecordStore rows: LSD radix sort over sortable unsigned key words (one pass per 8 or 16
 * bits, skipping passes where every row shares the digit), keys from last to first for several fields; a
 * bottom-up merge sort for user comparators. NaN and missing categories sort last in both directions.
 *
 * @internal
 * @packageDocumentation
 */
import type { TypedArray } from '../dtype.js';
import { describe, throwType, throwValue } from '../errors.js';
import { specialize } from './kernels.js';
import type { FieldInfo } from './schema.js';
import type { SortOptions } from './types.js';
import type { CategoryColumn, Column, StoreData } from './store-data.js';
import { utf8Codes } from './utf8-codes.js';
import type { Utf8Data } from './utf8-data.js';

/** One sort key. @internal */
export interface SortKey {
  readonly field: FieldInfo;
  readonly descending: boolean;
}

const LE = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const LO = LE ? 0 : 1;
const HI = LE ? 1 : 0;

/** Sortable key words of one column, in row order. */
interface KeyWords {
  lo: Uint32Array;
  hi: Uint32Array | null;
  /** Significant bits of `lo` (8, 16 or 32) and of `hi`. */
  bitsLo: number;
  bitsHi: number;
}

// --- key extraction kernels (self-contained, specialized per dtype) ----------------------------------

function intKeys(src: ArrayLike<number>, n: number, offset: number, max: number, desc: boolean, out: Uint32Array): void {
  if (desc) for (let i = 0; i < n; i++) out[i] = max - (src[i]! + offset);
  else for (let i = 0; i < n; i++) out[i] = src[i]! + offset;
}

/** float32 → sortable uint32 (`bits` is a Uint32Array view of a normalized copy). NaN → 0xffffffff. */
function f32Keys(src: Float32Array, n: number, desc: boolean, out: Uint32Array): void {
  const tmp = new Float32Array(1);
  const bits = new Uint32Array(tmp.buffer);
  for (let i = 0; i < n; i++) {
    const v = src[i]!;
    if (v !== v) {
      out[i] = 0xffffffff;
      continue;
    }
    tmp[0] = v === 0 ? 0 : v;
    const b = bits[0]!;
    const k = b >>> 31 === 1 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
    out[i] = desc ? 0xfffffffe - k : k;
  }
}

/** float64 → sortable (hi, lo) uint32 words. NaN → all ones. */
function f64Keys(src: Float64Array, n: number, desc: boolean, lo: Uint32Array, hi: Uint32Array, loAt: number, hiAt: number): void {
  const tmp = new Float64Array(1);
  const bits = new Uint32Array(tmp.buffer);
  for (let i = 0; i < n; i++) {
    const v = src[i]!;
    if (v !== v) {
      lo[i] = 0xffffffff;
      hi[i] = 0xffffffff;
      continue;
    }
    tmp[0] = v === 0 ? 0 : v;
    let h = bits[hiAt]!;
    let l = bits[loAt]!;
    if (h >>> 31 === 1) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    if (desc) {
      h = 0xffffffff - h;
      l = 0xffffffff - l;
    }
    lo[i] = l;
    hi[i] = h;
  }
}

/** int64/uint64 words (Uint32Array view of the column) → sortable words. */
function bigKeys(words: Uint32Array, n: number, signed: boolean, desc: boolean, lo: Uint32Array, hi: Uint32Array, loAt: number, hiAt: number): void {
  for (let i = 0; i < n; i++) {
    let h = words[2 * i + hiAt]!;
    let l = words[2 * i + loAt]!;
    if (signed) h = (h ^ 0x80000000) >>> 0;
    if (desc) {
      h = 0xffffffff - h;
      l = 0xffffffff - l;
    }
    lo[i] = l;
    hi[i] = h;
  }
}

/** Category codes → rank keys; missing (code -1) → `k` (last). */
function codeKeys(codes: ArrayLike<number>, n: number, rank: Int32Array, k: number, desc: boolean, out: Uint32Array): void {
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    out[i] = c < 0 ? k : desc ? k - 1 - rank[c]! : rank[c]!;
  }
}

function bitsFor(maxKey: number): number {
  return maxKey <= 0xff ? 8 : maxKey <= 0xffff ? 16 : 32;
}

/** Rank of each category in sort order: category order if ordered, else natural order of the values. @internal */
export function categoryRanks(cat: CategoryColumn): Int32Array {
  const cats = cat.categories;
  const k = cats.length;
  const rank = new Int32Array(k);
  if (cat.ordered) {
    for (let c = 0; c < k; c++) rank[c] = c;
    return rank;
  }
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => {
    const x = cats[a]!;
    const y = cats[b]!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  for (let r = 0; r < k; r++) rank[order[r]!] = r;
  return rank;
}

function keyWords(col: Column, f: FieldInfo, n: number, desc: boolean, bm: Uint8Array | null): KeyWords {
  if (f.kind === 'utf8') {
    // Dense codes in byte (code point) order; null (-1) → k, last in both directions.
    const u = col as Utf8Data;
    const { codes, k } = utf8Codes(u.offsets, u.bytes, bm, n);
    const lo = new Uint32Array(n);
    const rank = new Int32Array(k);
    for (let c = 0; c < k; c++) rank[c] = c;
    specialize(codeKeys, 'Int32Array')(codes, n, rank, k, desc, lo);
    return { lo, hi: null, bitsLo: bitsFor(k), bitsHi: 0 };
  }
  if (f.kind === 'category') {
    const cat = col as CategoryColumn;
    const k = cat.categories.length;
    const lo = new Uint32Array(n);
    specialize(codeKeys, cat.codes.constructor.name)(cat.codes, n, categoryRanks(cat), k, desc, lo);
    return { lo, hi: null, bitsLo: bitsFor(k), bitsHi: 0 };
  }
  if (f.kind === 'vector') {
    return throwType(`RecordStore.sortBy: cannot sort by vector field ${JSON.stringify(f.name)} (vectors have no order)`);
  }
  const src = col as TypedArray;
  const dtype = f.dtype;
  switch (dtype) {
    case 'float64': {
      const lo = new Uint32Array(n);
      const hi = new Uint32Array(n);
      specialize(f64Keys, dtype)(src as Float64Array, n, desc, lo, hi, LO, HI);
      return { lo, hi, bitsLo: 32, bitsHi: 32 };
    }
    case 'float32': {
      const lo = new Uint32Array(n);
      specialize(f32Keys, dtype)(src as Float32Array, n, desc, lo);
      return { lo, hi: null, bitsLo: 32, bitsHi: 0 };
    }
    case 'int64':
    case 'uint64': {
      const lo = new Uint32Array(n);
      const hi = new Uint32Array(n);
      const a = src as BigInt64Array;
      specialize(bigKeys, dtype)(new Uint32Array(a.buffer, a.byteOffset, 2 * n), n, dtype === 'int64', desc, lo, hi, LO, HI);
      return { lo, hi, bitsLo: 32, bitsHi: 32 };
    }
    default: {
      const info = f.info;
      const offset = info.signed ? -(info.min as number) : 0;
      const max = (info.max as number) + offset;
      const lo = new Uint32Array(n);
      specialize(intKeys, dtype)(src as ArrayLike<number>, n, offset, max, desc, lo);
      return { lo, hi: null, bitsLo: bitsFor(max), bitsHi: 0 };
    }
  }
}

// --- radix passes (all Uint32Array: one monomorphic kernel each) --------------------------------------

function prefix(key: Uint32Array, n: number, shift: number, mask: number, count: Uint32Array): boolean {
  count.fill(0);
  for (let i = 0; i < n; i++) {
    const b = (key[i]! >>> shift) & mask;
    count[b] = count[b]! + 1;
  }
  let sum = 0;
  for (let b = 0; b <= mask; b++) {
    const c = count[b]!;
    if (c === n) return false;
    count[b] = sum;
    sum += c;
  }
  return true;
}

function scatter1(key: Uint32Array, perm: Uint32Array, keyOut: Uint32Array, permOut: Uint32Array, n: number, shift: number, mask: number, count: Uint32Array): void {
  for (let i = 0; i < n; i++) {
    const kv = key[i]!;
    const b = (kv >>> shift) & mask;
    const p = count[b]!;
    count[b] = p + 1;
    keyOut[p] = kv;
    permOut[p] = perm[i]!;
  }
}

/**
 * `scatter1` carrying a second word along (the high word of a 64-bit key during its low-word passes), in the same
 * pass. Kept apart from scatter1 on purpose: one function with an `other !== null` test per element measured
 * 1.11-1.18x slower than scatter1 on 1M keys (11-bit digits, three runs, load ~12), and a separate gather of the
 * high word after the low passes would read it in random order.
 */
function scatter2(
  key: Uint32Array,
  other: Uint32Array,
  perm: Uint32Array,
  keyOut: Uint32Array,
  otherOut: Uint32Array,
  permOut: Uint32Array,
  n: number,
  shift: number,
  mask: number,
  count: Uint32Array,
): void {
  for (let i = 0; i < n; i++) {
    const kv = key[i]!;
    const b = (kv >>> shift) & mask;
    const p = count[b]!;
    count[b] = p + 1;
    keyOut[p] = kv;
    otherOut[p] = other[i]!;
    permOut[p] = perm[i]!;
  }
}

/** Stable radix sort of `perm` by the words (`lo` least significant), permuting the words along. */
function radixSort(w: KeyWords, perm: Uint32Array, n: number): Uint32Array {
  const digit = n >= 4096 ? 11 : 8; // 2048 buckets: the scatter stays cache-friendly
  const count = new Uint32Array(1 << digit);
  const mask = (1 << digit) - 1;
  let lo: Uint32Array = w.lo;
  let hi: Uint32Array | null = w.hi;
  let loB: Uint32Array = new Uint32Array(n);
  let hiB: Uint32Array | null = hi === null ? null : new Uint32Array(n);
  let permB: Uint32Array = new Uint32Array(n);
  for (let shift = 0; shift < w.bitsLo; shift += digit) {
    if (!prefix(lo, n, shift, mask, count)) continue;
    if (hi === null) scatter1(lo, perm, loB, permB, n, shift, mask, count);
    else scatter2(lo, hi, perm, loB, hiB!, permB, n, shift, mask, count);
    [lo, loB] = [loB, lo];
    [perm, permB] = [permB, perm];
    if (hi !== null) [hi, hiB] = [hiB!, hi];
  }
  if (hi !== null) {
    for (let shift = 0; shift < w.bitsHi; shift += digit) {
      if (!prefix(hi, n, shift, mask, count)) continue;
      scatter1(hi, perm, hiB!, permB, n, shift, mask, count);
      [hi, hiB] = [hiB!, hi];
      [perm, permB] = [permB, perm];
    }
  }
  return perm;
}

function gatherWords(src: Uint32Array, perm: Uint32Array, n: number, out: Uint32Array): void {
  for (let j = 0; j < n; j++) out[j] = src[perm[j]!]!;
}

/**
 * Stable argsort of the first `n` rows by several keys (first key most significant).
 * @internal
 */
export function argsortByKeys(d: StoreData, keys: readonly SortKey[], n: number): Uint32Array {
  const cols = d.cols;
  let perm: Uint32Array = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = keys[k]!;
    const bm = d.valid[key.field.index]!;
    const w = keyWords(cols[key.field.index]!, key.field, n, key.descending, bm);
    if (k !== keys.length - 1) {
      // Later passes: key words must follow the current order.
      const lo = new Uint32Array(n);
      gatherWords(w.lo, perm, n, lo);
      w.lo = lo;
      if (w.hi !== null) {
        const hi = new Uint32Array(n);
        gatherWords(w.hi, perm, n, hi);
        w.hi = hi;
      }
    }
    perm = radixSort(w, perm, n);
    // Null rows of a nullable numeric key go last (a stable partition: the null flag is the more
    // significant digit of this key).
    if (bm !== null && key.field.kind !== 'utf8') perm = nullsLast(perm, bm, n);
  }
  return perm;
}

/** `perm` with the rows whose bit is 0 moved to the end, both parts in order. */
function nullsLast(perm: Uint32Array, bm: Uint8Array, n: number): Uint32Array {
  const out = new Uint32Array(n);
  let a = 0;
  let b = n;
  for (let j = 0; j < n; j++) if ((bm[perm[j]! >>> 3]! & (1 << (perm[j]! & 7))) !== 0) out[a++] = perm[j]!;
  for (let j = n - 1; j >= 0; j--) if ((bm[perm[j]! >>> 3]! & (1 << (perm[j]! & 7))) === 0) out[--b] = perm[j]!;
  return out;
}

/**
 * Stable argsort of `n` rows with a comparator over row indices (bottom-up merge sort, insertion-sorted
 * runs of 16).
 * @internal
 */
export function argsortWith(n: number, cmp: (a: number, b: number) => number): Uint32Array {
  let a = new Uint32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  const RUN = 16;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const x = a[i]!;
      let j = i - 1;
      while (j >= lo && cmp(a[j]!, x) > 0) {
        a[j + 1] = a[j]!;
        j--;
      }
      a[j + 1] = x;
    }
  }
  let b = new Uint32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let o = lo;
      while (i < mid && j < hi) b[o++] = cmp(a[i]!, a[j]!) > 0 ? a[j++]! : a[i++]!;
      while (i < mid) b[o++] = a[i++]!;
      while (j < hi) b[o++] = a[j++]!;
    }
    [a, b] = [b, a];
  }
  return a;
}

/**
 * Stable LSD argsort of `n` rows by several dense unsigned code arrays (first most significant), each
 * with its bit width (8, 16 or 32).
 * @internal
 */
export function argsortByCodes(codes: readonly Uint32Array[], bits: readonly number[], n: number): Uint32Array {
  let perm: Uint32Array = new Uint32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let k = codes.length - 1; k >= 0; k--) {
    // A copy in current order (the radix passes use their input as scratch).
    const lo = new Uint32Array(n);
    gatherWords(codes[k]!, perm, n, lo);
    perm = radixSort({ lo, hi: null, bitsLo: bits[k]!, bitsHi: 0 }, perm, n);
  }
  return perm;
}

/** Bit width (8, 16 or 32) that holds codes up to `maxCode`. @internal */
export function codeBits(maxCode: number): number {
  return bitsFor(maxCode);
}

/**
 * The sort keys of `sortBy(names, options)`: one field or several (first most significant), each with its
 * `descending` flag; `field(name, op)` resolves a name (throwing for an unknown one).
 * @internal
 */
export function parseSortKeys(key: unknown, options: SortOptions, field: (name: unknown, op: string) => FieldInfo): SortKey[] {
  const names: readonly unknown[] =
    typeof key === 'string' ? [key] : Array.isArray(key) ? key : throwType(`RecordStore.sortBy: expected a field, fields or a comparator, got ${describe(key)}`);
  if (names.length === 0) throwValue('RecordStore.sortBy: no sort keys');
  const desc = options.descending ?? false;
  if (Array.isArray(desc) && desc.length !== names.length) {
    throwValue(`RecordStore.sortBy: ${desc.length} descending flags for ${names.length} keys`);
  }
  return names.map((nm, t) => {
    const dflag: unknown = Array.isArray(desc) ? desc[t] : desc;
    if (typeof dflag !== 'boolean') throwType(`RecordStore.sortBy: descending must be a boolean, got ${describe(dflag)}`);
    const f = field(nm, 'sortBy');
    if (f.kind === 'vector') throwType(`RecordStore.sortBy: cannot sort by vector field ${describe(f.name)} (vectors have no order)`);
    return { field: f, descending: dflag };
  });
}
