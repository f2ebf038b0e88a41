/**
 * Validity bitmaps of nullable fields, in Arrow's layout: bit `i` of byte `i >> 3` (LSB first) is 1 when row
 * `i` holds a value, 0 when it is null. A field's bitmap is made at its first null (`null` before: every row
 * valid), sized for the store's capacity; bits past `length` are kept 0.
 *
 * @internal
 * @packageDocumentation
 */

/** Bytes of a bitmap for `n` rows. @internal */
export function bitmapBytes(n: number): number {
  return (n + 7) >>> 3;
}

/** A bitmap for `capacity` rows with the first `length` rows valid. @internal */
export function newBitmap(capacity: number, length: number): Uint8Array {
  const bm = new Uint8Array(bitmapBytes(capacity));
  bm.fill(0xff, 0, length >>> 3);
  if ((length & 7) !== 0) bm[length >>> 3] = (1 << (length & 7)) - 1;
  return bm;
}

/** True if row `i` is valid (a `null` bitmap: every row is). @internal */
export function isValid(bm: Uint8Array | null, i: number): boolean {
  return bm === null || (bm[i >>> 3]! & (1 << (i & 7))) !== 0;
}

/** Sets row `i` valid (`on`) or null. @internal */
export function setBit(bm: Uint8Array, i: number, on: boolean): void {
  const b = i >>> 3;
  const m = 1 << (i & 7);
  bm[b] = on ? bm[b]! | m : bm[b]! & ~m;
}

/** Null rows among the first `n` (popcount of the complement). @internal */
export function countNulls(bm: Uint8Array | null, n: number): number {
  if (bm === null) return 0;
  let valid = 0;
  const full = n >>> 3;
  for (let b = 0; b < full; b++) {
    let x = bm[b]!;
    if (x === 0xff) {
      valid += 8;
      continue;
    }
    x = x - ((x >>> 1) & 0x55);
    x = (x & 0x33) + ((x >>> 2) & 0x33);
    valid += (x + (x >>> 4)) & 0x0f;
  }
  for (let i = full << 3; i < n; i++) if ((bm[i >>> 3]! & (1 << (i & 7))) !== 0) valid++;
  return n - valid;
}

/** The bitmap resized to `capacity` rows, keeping the first `length` rows' bits. @internal */
export function resizeBitmap(bm: Uint8Array, length: number, capacity: number): Uint8Array {
  const out = new Uint8Array(bitmapBytes(capacity));
  out.set(bm.subarray(0, Math.min(bitmapBytes(length), out.length)));
  return out;
}

/**
 * The bits of rows `rows[0..m)` gathered into a new bitmap of `capacity` rows, or `null` when every
 * gathered row is valid (so a verb's result has no bitmap until it has a null). @internal
 */
export function gatherBits(bm: Uint8Array | null, rows: ArrayLike<number>, m: number, capacity = m): Uint8Array | null {
  if (bm === null) return null;
  const out = new Uint8Array(bitmapBytes(capacity));
  let nulls = 0;
  for (let j = 0; j < m; j++) {
    const r = rows[j]!;
    if ((bm[r >>> 3]! & (1 << (r & 7))) !== 0) out[j >>> 3] = out[j >>> 3]! | (1 << (j & 7));
    else nulls++;
  }
  return nulls === 0 ? null : out;
}

/** Shifts the bits of rows `(j, n)` down by one (ordered removal of row `j`; row `n - 1` cleared). O(n − j). @internal */
export function removeBit(bm: Uint8Array, j: number, n: number): void {
  for (let i = j; i < n - 1; i++) setBit(bm, i, isValid(bm, i + 1));
  setBit(bm, n - 1, false);
}

/** Row `last`'s bit moved to row `to` (swap-removal; row `last` cleared). @internal */
export function moveBit(bm: Uint8Array, last: number, to: number): void {
  setBit(bm, to, isValid(bm, last));
  setBit(bm, last, false);
}

/**
 * `gid` with the null rows of `bm` set to -1 (a copy of the same type), so the aggregate kernels skip nulls
 * with no per-row test of their own. O(n) (a whole valid byte is skipped with one compare). @internal
 */
export function maskNullGroups<G extends Int32Array | Int16Array | Int8Array>(gid: G, bm: Uint8Array, n: number): G {
  const out = gid.slice(0, n) as G;
  const bytes = bitmapBytes(n);
  for (let b = 0; b < bytes; b++) {
    const x = bm[b]!;
    if (x === 0xff) continue;
    const base = b << 3;
    const end = base + 8 < n ? base + 8 : n;
    for (let i = base; i < end; i++) if ((x & (1 << (i - base))) === 0) out[i] = -1;
  }
  return out;
}

/** Appends `len` bits of `src` (`null`: all valid) to `bm` at bit `at`: whole bytes when `at` is byte-aligned. @internal */
export function appendBits(bm: Uint8Array, at: number, src: Uint8Array | null, len: number): void {
  let i = 0;
  if ((at & 7) === 0) {
    const whole = len >>> 3;
    if (src === null) bm.fill(0xff, at >>> 3, (at >>> 3) + whole);
    else bm.set(src.subarray(0, whole), at >>> 3);
    i = whole << 3;
  }
  for (; i < len; i++) setBit(bm, at + i, src === null || isValid(src, i));
}
