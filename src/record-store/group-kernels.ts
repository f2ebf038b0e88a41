/**
 * The per-group aggregate kernels of `groupBy` and `valueCounts` (sum, count, sum and count, min/max/first/last
 * rows), one monomorphic copy per value dtype and id array type through kernels.ts `specialize`.
 *
 * **Four rows at a time.** The hot scatters (`out[g] += v`) read and write a table slot per row; a loop that
 * does one row at a time makes each row's load wait for the previous row's store whenever the processor's
 * memory-dependence predictor has seen them alias (which, with a few hundred groups, it does), so the loop
 * runs at the latency of load → add → store. The sum, count and sum-and-count kernels below take four rows at
 * once: when the four ids are distinct, valid and the values are not NaN (the common case), the four slots are
 * all loaded before any is stored, so the loads overlap; otherwise the four rows go one at a time, in row order.
 * Sums are added in row order either way, so results are bit-identical to a one-row loop
 * (docs/internals/performance.md, "Four rows per scatter step").
 *
 * @internal
 * @packageDocumentation
 */
import type { DType, TypedArray } from '../dtype.js';
import { KeptTable } from './kept-table.js';
import { specialize, tagOf } from './kernels.js';

// --- kernels (self-contained: no free variables) -------------------------------------------------

/**
 * Per-group sum (`count` 0) or count (`count` 1) of the non-NaN values, into a Float64Array, four rows at a time
 * (see the module comment). One body for both: the mode is loop-invariant, so its test per row is always predicted.
 */
function groupAdd(vals: ArrayLike<number>, gid: ArrayLike<number>, n: number, count: number, out: Float64Array): void {
  const m = n - 3;
  let i = 0;
  for (;;) {
    for (; i < m; i += 4) {
      const g0 = gid[i]!;
      const g1 = gid[i + 1]!;
      const g2 = gid[i + 2]!;
      const g3 = gid[i + 3]!;
      const v0 = vals[i]!;
      const v1 = vals[i + 1]!;
      const v2 = vals[i + 2]!;
      const v3 = vals[i + 3]!;
      if ((g0 | g1 | g2 | g3) < 0 || v0 !== v0 || v1 !== v1 || v2 !== v2 || v3 !== v3) break;
      if (g0 === g1 || g0 === g2 || g0 === g3 || g1 === g2 || g1 === g3 || g2 === g3) break;
      const s0 = out[g0]!;
      const s1 = out[g1]!;
      const s2 = out[g2]!;
      const s3 = out[g3]!;
      out[g0] = s0 + (count !== 0 ? 1 : v0);
      out[g1] = s1 + (count !== 0 ? 1 : v1);
      out[g2] = s2 + (count !== 0 ? 1 : v2);
      out[g3] = s3 + (count !== 0 ? 1 : v3);
    }
    // four rows one at a time (or the last rows)
    const end = i < m ? i + 4 : n;
    for (; i < end; i++) {
      const g = gid[i]!;
      const v = vals[i]!;
      if (g >= 0 && v === v) out[g] = out[g]! + (count !== 0 ? 1 : v);
    }
    if (i >= n) return;
  }
}

/**
 * {@link groupAdd} over a nullable column (validity bit 0 = null, Arrow layout) in one pass, 32 rows at a time:
 * every row is added as in the plain kernel, then the word's null rows are visited (lowest set bit of the
 * inverted word, then clear it) while they are still in cache. A count takes each null row back out; a sum
 * needs nothing more when the null rows hold ±0, as the store's own writes leave them, and returns 1 when one
 * does not (an adopted column may hold anything there: the caller then sums again with {@link groupSumValid}).
 * At 10 % nulls this costs a small fraction of the plain pass; a separate check pass would read the values twice.
 */
function groupAddNulls(vals: ArrayLike<number>, gid: ArrayLike<number>, valid: Uint8Array, n: number, count: number, out: Float64Array): number {
  const words = n >>> 5;
  let bad = 0;
  for (let w = 0; w < words; w++) {
    const base = w << 5;
    const end = base + 32;
    for (let i = base; i < end; i++) {
      const g = gid[i]!;
      const v = vals[i]!;
      if (g >= 0 && v === v) out[g] = out[g]! + (count !== 0 ? 1 : v);
    }
    const b = w << 2;
    let m = ~(valid[b]! | (valid[b + 1]! << 8) | (valid[b + 2]! << 16) | (valid[b + 3]! << 24));
    while (m !== 0) {
      const i = base + 31 - Math.clz32(m & -m);
      m &= m - 1;
      const v = vals[i]!;
      if (count === 0) bad |= +(v !== 0);
      else {
        const g = gid[i]!;
        if (g >= 0 && v === v) out[g] = out[g]! - 1;
      }
    }
  }
  for (let i = words << 5; i < n; i++) {
    const g = gid[i]!;
    const v = vals[i]!;
    if (((valid[i >>> 3]! >>> (i & 7)) & 1) === 0) bad |= +(v !== 0);
    else if (g >= 0 && v === v) out[g] = out[g]! + (count !== 0 ? 1 : v);
  }
  return bad;
}

/**
 * Per-group sum over the valid rows only, when a null row's slot may hold anything: one pass, one bitmap byte
 * per eight rows; a null row adds −0, which changes nothing (x + −0 === x for every x, −0 included).
 */
function groupSumValid(vals: ArrayLike<number>, gid: ArrayLike<number>, valid: Uint8Array, n: number, out: Float64Array): void {
  const full = n & ~7;
  let i = 0;
  for (; i < full; i += 8) {
    const bits = valid[i >>> 3]!;
    for (let j = 0; j < 8; j++) {
      const g = gid[i + j]!;
      const w = ((bits >>> j) & 1) !== 0 ? vals[i + j]! : -0;
      if (g >= 0 && w === w) out[g] = out[g]! + w;
    }
  }
  for (; i < n; i++) {
    const g = gid[i]!;
    const w = ((valid[i >>> 3]! >>> (i & 7)) & 1) !== 0 ? vals[i]! : -0;
    if (g >= 0 && w === w) out[g] = out[g]! + w;
  }
}

/** Per-group bigint sum (64-bit columns). */
function groupSumBig(vals: ArrayLike<bigint>, gid: ArrayLike<number>, n: number, out: bigint[]): void {
  for (let i = 0; i < n; i++) {
    const g = gid[i]!;
    if (g >= 0) out[g] = out[g]! + vals[i]!;
  }
}

/**
 * Per-group row of the min (`sign` 1) or max (`sign` -1) value, NaN skipped; ties keep the first row.
 * `rows` starts at -1.
 */
function groupArgExtreme(vals: ArrayLike<number | bigint>, gid: ArrayLike<number>, n: number, sign: number, rows: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const g = gid[i]!;
    if (g < 0) continue;
    const v = vals[i]!;
    if (v !== v) continue;
    const r = rows[g]!;
    if (r < 0) rows[g] = i;
    else {
      const b = vals[r]!;
      if (sign > 0 ? v < b : v > b) rows[g] = i;
    }
  }
}

/** Per-group first (`last` false) or last row with a non-NaN value. `rows` starts at -1. */
function groupFirstLast(vals: ArrayLike<number | bigint>, gid: ArrayLike<number>, n: number, last: boolean, rows: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const g = gid[i]!;
    if (g < 0) continue;
    const v = vals[i]!;
    if (v !== v) continue;
    if (last || rows[g]! < 0) rows[g] = i;
  }
}

/** Per-group count of rows (any dtype), four rows at a time (see {@link groupAdd}). */
function groupSize(gid: ArrayLike<number>, n: number, out: Float64Array): void {
  const m = n - 3;
  let i = 0;
  for (;;) {
    for (; i < m; i += 4) {
      const g0 = gid[i]!;
      const g1 = gid[i + 1]!;
      const g2 = gid[i + 2]!;
      const g3 = gid[i + 3]!;
      if ((g0 | g1 | g2 | g3) < 0 || g0 === g1 || g0 === g2 || g0 === g3 || g1 === g2 || g1 === g3 || g2 === g3) break;
      const s0 = out[g0]!;
      const s1 = out[g1]!;
      const s2 = out[g2]!;
      const s3 = out[g3]!;
      out[g0] = s0 + 1;
      out[g1] = s1 + 1;
      out[g2] = s2 + 1;
      out[g3] = s3 + 1;
    }
    const end = i < m ? i + 4 : n;
    for (; i < end; i++) {
      const g = gid[i]!;
      if (g >= 0) out[g] = out[g]! + 1;
    }
    if (i >= n) return;
  }
}

/**
 * {@link groupAdd} over two keys' ids combined on the fly (group `a[i] * kb + b[i]`; −1 in either: dropped),
 * into `out` filled with −0 by the caller. Each value is added as `v + 0`, which is `v` except that −0 becomes
 * +0: the sums are those of {@link groupAdd} (which starts from +0), and a slot stays −0 exactly when no row
 * adds to it. So the sums tell which combinations occur (no first-row table, no second pass), unless a kept
 * row holds NaN (skipped): the kernel returns 1 then, else 0.
 */
function pairAdd(vals: ArrayLike<number>, a: ArrayLike<number>, b: ArrayLike<number>, kb: number, n: number, count: number, out: Float64Array): number {
  let nan = 0;
  const m = n - 3;
  let i = 0;
  for (;;) {
    for (; i < m; i += 4) {
      const x0 = a[i]!;
      const x1 = a[i + 1]!;
      const x2 = a[i + 2]!;
      const x3 = a[i + 3]!;
      const y0 = b[i]!;
      const y1 = b[i + 1]!;
      const y2 = b[i + 2]!;
      const y3 = b[i + 3]!;
      const v0 = vals[i]!;
      const v1 = vals[i + 1]!;
      const v2 = vals[i + 2]!;
      const v3 = vals[i + 3]!;
      if ((x0 | x1 | x2 | x3 | y0 | y1 | y2 | y3) < 0 || v0 !== v0 || v1 !== v1 || v2 !== v2 || v3 !== v3) break;
      const g0 = x0 * kb + y0;
      const g1 = x1 * kb + y1;
      const g2 = x2 * kb + y2;
      const g3 = x3 * kb + y3;
      if (g0 === g1 || g0 === g2 || g0 === g3 || g1 === g2 || g1 === g3 || g2 === g3) break;
      const s0 = out[g0]!;
      const s1 = out[g1]!;
      const s2 = out[g2]!;
      const s3 = out[g3]!;
      out[g0] = s0 + (count !== 0 ? 1 : v0 + 0);
      out[g1] = s1 + (count !== 0 ? 1 : v1 + 0);
      out[g2] = s2 + (count !== 0 ? 1 : v2 + 0);
      out[g3] = s3 + (count !== 0 ? 1 : v3 + 0);
    }
    const end = i < m ? i + 4 : n;
    for (; i < end; i++) {
      const x = a[i]!;
      const y = b[i]!;
      if ((x | y) < 0) continue;
      const v = vals[i]!;
      const g = x * kb + y;
      if (v === v) out[g] = out[g]! + (count !== 0 ? 1 : v + 0);
      else nan = 1;
    }
    if (i >= n) return nan;
  }
}

/** Per-group count of rows over combined pair ids, into Int32 slots (half the cache footprint of float64), four rows at a time. */
function pairSize(a: ArrayLike<number>, b: ArrayLike<number>, kb: number, n: number, out: Int32Array): void {
  const m = n - 3;
  let i = 0;
  for (;;) {
    for (; i < m; i += 4) {
      const x0 = a[i]!;
      const x1 = a[i + 1]!;
      const x2 = a[i + 2]!;
      const x3 = a[i + 3]!;
      const y0 = b[i]!;
      const y1 = b[i + 1]!;
      const y2 = b[i + 2]!;
      const y3 = b[i + 3]!;
      if ((x0 | x1 | x2 | x3 | y0 | y1 | y2 | y3) < 0) break;
      const g0 = x0 * kb + y0;
      const g1 = x1 * kb + y1;
      const g2 = x2 * kb + y2;
      const g3 = x3 * kb + y3;
      if (g0 === g1 || g0 === g2 || g0 === g3 || g1 === g2 || g1 === g3 || g2 === g3) break;
      const s0 = out[g0]!;
      const s1 = out[g1]!;
      const s2 = out[g2]!;
      const s3 = out[g3]!;
      out[g0] = s0 + 1;
      out[g1] = s1 + 1;
      out[g2] = s2 + 1;
      out[g3] = s3 + 1;
    }
    const end = i < m ? i + 4 : n;
    for (; i < end; i++) {
      const x = a[i]!;
      const y = b[i]!;
      if ((x | y) >= 0) {
        const g = x * kb + y;
        out[g] = out[g]! + 1;
      }
    }
    if (i >= n) return;
  }
}

/**
 * Per-group sum and count of the non-NaN values in one pass, interleaved (`out[2g]` the sum, `out[2g + 1]`
 * the count): a group's two slots share a cache line, so a field whose sum and count are both wanted (a mean)
 * costs one scatter, not two. Four rows at a time (see {@link groupAdd}); returns 2 when a kept row holds NaN.
 */
function groupSumCount(vals: ArrayLike<number>, gid: ArrayLike<number>, n: number, out: Float64Array): number {
  let nan = 0;
  const m = n - 3;
  let i = 0;
  for (;;) {
    for (; i < m; i += 4) {
      const g0 = gid[i]!;
      const g1 = gid[i + 1]!;
      const g2 = gid[i + 2]!;
      const g3 = gid[i + 3]!;
      const v0 = vals[i]!;
      const v1 = vals[i + 1]!;
      const v2 = vals[i + 2]!;
      const v3 = vals[i + 3]!;
      if ((g0 | g1 | g2 | g3) < 0 || v0 !== v0 || v1 !== v1 || v2 !== v2 || v3 !== v3) break;
      if (g0 === g1 || g0 === g2 || g0 === g3 || g1 === g2 || g1 === g3 || g2 === g3) break;
      const j0 = g0 << 1;
      const j1 = g1 << 1;
      const j2 = g2 << 1;
      const j3 = g3 << 1;
      const s0 = out[j0]!;
      const s1 = out[j1]!;
      const s2 = out[j2]!;
      const s3 = out[j3]!;
      const c0 = out[j0 + 1]!;
      const c1 = out[j1 + 1]!;
      const c2 = out[j2 + 1]!;
      const c3 = out[j3 + 1]!;
      out[j0] = s0 + v0;
      out[j1] = s1 + v1;
      out[j2] = s2 + v2;
      out[j3] = s3 + v3;
      out[j0 + 1] = c0 + 1;
      out[j1 + 1] = c1 + 1;
      out[j2 + 1] = c2 + 1;
      out[j3 + 1] = c3 + 1;
    }
    const end = i < m ? i + 4 : n;
    for (; i < end; i++) {
      const g = gid[i]!;
      if (g < 0) continue;
      const v = vals[i]!;
      if (v === v) {
        const j = g << 1;
        out[j] = out[j]! + v;
        out[j + 1] = out[j + 1]! + 1;
      } else nan = 2;
    }
    if (i >= n) return nan;
  }
}

/**
 * {@link groupSumCount} over combined pair ids, into `out` filled with −0, each value added as `v + 0` (see
 * {@link pairAdd}). Returns 2 when a kept row holds NaN (the sums then do not tell which combinations occur).
 *
 * Kept apart from {@link pairAdd} (and groupSumCount from groupAdd) on purpose, though `duplicates` lists the
 * two loops: a sum alone through this kernel would scatter into a table twice as large (16 bytes a group, not
 * 8), and two keys' tables already miss L1 (90,000 combinations: two-key sum 2.79x one key against 2.49x for a
 * raw scatter into as many slots, bench/group-keys.ts); a mode flag inside one loop would keep the wide table.
 */
function pairSumCount(vals: ArrayLike<number>, a: ArrayLike<number>, b: ArrayLike<number>, kb: number, n: number, out: Float64Array): number {
  let nan = 0;
  const m = n - 3;
  let i = 0;
  for (;;) {
    for (; i < m; i += 4) {
      const x0 = a[i]!;
      const x1 = a[i + 1]!;
      const x2 = a[i + 2]!;
      const x3 = a[i + 3]!;
      const y0 = b[i]!;
      const y1 = b[i + 1]!;
      const y2 = b[i + 2]!;
      const y3 = b[i + 3]!;
      const v0 = vals[i]!;
      const v1 = vals[i + 1]!;
      const v2 = vals[i + 2]!;
      const v3 = vals[i + 3]!;
      if ((x0 | x1 | x2 | x3 | y0 | y1 | y2 | y3) < 0 || v0 !== v0 || v1 !== v1 || v2 !== v2 || v3 !== v3) break;
      const j0 = (x0 * kb + y0) << 1;
      const j1 = (x1 * kb + y1) << 1;
      const j2 = (x2 * kb + y2) << 1;
      const j3 = (x3 * kb + y3) << 1;
      if (j0 === j1 || j0 === j2 || j0 === j3 || j1 === j2 || j1 === j3 || j2 === j3) break;
      const s0 = out[j0]!;
      const s1 = out[j1]!;
      const s2 = out[j2]!;
      const s3 = out[j3]!;
      const c0 = out[j0 + 1]!;
      const c1 = out[j1 + 1]!;
      const c2 = out[j2 + 1]!;
      const c3 = out[j3 + 1]!;
      out[j0] = s0 + (v0 + 0);
      out[j1] = s1 + (v1 + 0);
      out[j2] = s2 + (v2 + 0);
      out[j3] = s3 + (v3 + 0);
      out[j0 + 1] = c0 + 1;
      out[j1 + 1] = c1 + 1;
      out[j2 + 1] = c2 + 1;
      out[j3 + 1] = c3 + 1;
    }
    const end = i < m ? i + 4 : n;
    for (; i < end; i++) {
      const x = a[i]!;
      const y = b[i]!;
      if ((x | y) < 0) continue;
      const v = vals[i]!;
      if (v === v) {
        const j = (x * kb + y) << 1;
        out[j] = out[j]! + (v + 0);
        out[j + 1] = out[j + 1]! + 1;
      } else nan = 2;
    }
    if (i >= n) return nan;
  }
}

/** seen[a[i] * kb + b[i]] = 1 for every row with both ids. */
function pairSeen(a: ArrayLike<number>, b: ArrayLike<number>, kb: number, n: number, seen: Uint8Array): void {
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if ((x | y) >= 0) seen[x * kb + y] = 1;
  }
}

/** out[i] = a[i] * kb + b[i], −1 if either is missing. */
function combineIds(a: ArrayLike<number>, b: ArrayLike<number>, kb: number, n: number, out: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    out[i] = (x | y) < 0 ? -1 : x * kb + y;
  }
}

/**
 * Two keys' ids, combined on the fly by the sum and count kernels (group `a[i] * kb + b[i]`, dropped when
 * either is −1) instead of through an n × 4 B array of group ids. @internal
 */
export interface PairIds {
  readonly a: Int32Array | Int16Array | Int8Array;
  readonly b: Int32Array | Int16Array | Int8Array;
  readonly kb: number;
  /**
   * 1 per combined id that some row holds, set by the first sum or count over the pair that could tell (see
   * {@link pairSeenIds}); `null` until then.
   */
  seen: Uint8Array | null;
}

/** Group ids per row: an id array, or two keys' ids combined on the fly. @internal */
export type Ids = ArrayLike<number> | PairIds;

function isPair(ids: Ids): ids is PairIds {
  return !ArrayBuffer.isView(ids) && 'kb' in ids;
}

/** Which combined ids of a pair some row holds (1 per id), from the first kernel that told, else by one pass over the rows. @internal */
export function pairSeenIds(p: PairIds, n: number, k: number): Uint8Array {
  if (p.seen === null) {
    const seen = new Uint8Array(k);
    specialize(pairSeen, `${tagOf(p.a)}:${tagOf(p.b)}`)(p.a, p.b, p.kb, n, seen);
    p.seen = seen;
  }
  return p.seen;
}

/**
 * After a pair kernel filled `out` (k slots, from −0): records the pair's observed ids from it when the
 * kernel could tell (`bad` 0; 1 only settles), and turns the untouched −0 slots into 0 (the plain kernels'
 * empty sum).
 */
function settlePair(p: PairIds, out: Float64Array, bad: number): void {
  if (bad === 0 && p.seen === null) {
    const seen = new Uint8Array(out.length);
    specialize(settleSeen, 'Float64Array')(out, seen);
    p.seen = seen;
  } else specialize(settleSeen, 'Float64Array')(out, null);
}

/** Untouched (−0) slots of a pair kernel's table become +0 (into `seen` 0, the others 1, when given). */
function settleSeen(out: Float64Array, seen: Uint8Array | null): void {
  const k = out.length;
  for (let g = 0; g < k; g++) {
    const s = out[g]!;
    if (s === 0) {
      if (seen !== null) seen[g] = 1 / s > 0 ? 1 : 0;
      out[g] = 0;
    } else if (seen !== null) seen[g] = 1;
  }
}

/** The combined ids of a pair as an Int32Array (−1: dropped). @internal */
export function pairIds(p: PairIds, n: number): Int32Array {
  const out = new Int32Array(n);
  specialize(combineIds, `${tagOf(p.a)}:${tagOf(p.b)}`)(p.a, p.b, p.kb, n, out);
  return out;
}

/**
 * Per-group sums (NaN skipped; with `valid`, null rows skipped: in one pass when their slots hold ±0, as the
 * store writes them, else by a second pass that tests each row's bit). @internal
 */
export function sumByGroup(vals: TypedArray, dtype: DType, ids: Ids, n: number, k: number, valid: Uint8Array | null = null): Float64Array {
  const v = vals as ArrayLike<number>;
  if (valid === null) return addByGroup(v, dtype, ids, n, k, 0);
  const gid = isPair(ids) ? pairIds(ids, n) : ids;
  const out = new Float64Array(k);
  if (specialize(groupAddNulls, `${dtype}:${tagOf(gid)}`)(v, gid, valid, n, 0, out) !== 0) {
    out.fill(0);
    specialize(groupSumValid, `${dtype}:${tagOf(gid)}`)(v, gid, valid, n, out);
  }
  return out;
}

/** @internal */
export function bigSumByGroup(vals: BigInt64Array | BigUint64Array, dtype: DType, gid: ArrayLike<number>, n: number, k: number): bigint[] {
  const out = new Array<bigint>(k).fill(0n);
  specialize(groupSumBig, `${dtype}:${tagOf(gid)}`)(vals, gid, n, out);
  return out;
}

/** Non-NaN values per group (`vals` undefined: rows per group; with `valid`, null rows skipped). @internal */
export function countByGroup(vals: TypedArray | undefined, dtype: DType, ids: Ids, n: number, k: number, valid: Uint8Array | null = null): Float64Array {
  const v = vals as ArrayLike<number>;
  if (vals !== undefined && valid !== null) {
    const gid = isPair(ids) ? pairIds(ids, n) : ids;
    const out = new Float64Array(k);
    specialize(groupAddNulls, `${dtype}:${tagOf(gid)}`)(v, gid, valid, n, 1, out);
    return out;
  }
  // Integer values are never NaN: their non-NaN count is the group size.
  if (vals !== undefined && (dtype === 'float64' || dtype === 'float32')) return addByGroup(v, dtype, ids, n, k, 1);
  if (isPair(ids)) return Float64Array.from(pairCounts(ids, n, k));
  const out = new Float64Array(k);
  specialize(groupSize, tagOf(ids))(ids, n, out);
  return out;
}

/**
 * Rows per combined id of a pair (both ids present) into `out` (k slots, zero), recording which ids occur
 * unless `record` is false. @internal
 */
export function pairCounts(p: PairIds, n: number, k: number, out: Int32Array = new Int32Array(k), record = true): Int32Array {
  specialize(pairSize, `${tagOf(p.a)}:${tagOf(p.b)}`)(p.a, p.b, p.kb, n, out);
  if (!record) return out;
  if (p.seen === null) {
    const seen = new Uint8Array(k);
    for (let g = 0; g < k; g++) seen[g] = +(out[g]! !== 0);
    p.seen = seen;
  }
  return out;
}

/**
 * Per-group sum and count of the non-NaN values of a field without nulls, in one pass (see
 * {@link groupSumCount}); `sizes` when no kept row was NaN (the counts are then the rows per group). @internal
 */
export function sumCountByGroup(vals: TypedArray, dtype: DType, ids: Ids, n: number, k: number): { sums: Float64Array; counts: Float64Array; sizes: boolean } {
  const v = vals as ArrayLike<number>;
  const out = SUM_COUNT.take(2 * k, isPair(ids) ? -0 : 0);
  let bad: number;
  if (isPair(ids)) {
    bad = specialize(pairSumCount, `${dtype}:${tagOf(ids.a)}:${tagOf(ids.b)}`)(v, ids.a, ids.b, ids.kb, n, out);
  } else bad = specialize(groupSumCount, `${dtype}:${tagOf(ids)}`)(v, ids, n, out);
  const sums = new Float64Array(k);
  const counts = new Float64Array(k);
  for (let g = 0; g < k; g++) {
    sums[g] = out[2 * g]!;
    counts[g] = out[2 * g + 1]!;
  }
  if (isPair(ids)) {
    settlePair(ids, sums, bad);
    settlePair(ids, counts, 1);
  }
  return { sums, counts, sizes: (bad & 2) === 0 };
}

/** The sum-and-count table of {@link groupSumCount} / {@link pairSumCount}, kept from call to call (kept-table.ts). */
const SUM_COUNT = new KeptTable((slots) => new Float64Array(slots));

/** Sum (`count` 0) or count (`count` 1) per group of the non-NaN values, over every row. */
function addByGroup(v: ArrayLike<number>, dtype: DType, ids: Ids, n: number, k: number, count: number): Float64Array {
  if (isPair(ids)) {
    const out = new Float64Array(k).fill(-0);
    settlePair(ids, out, specialize(pairAdd, `${dtype}:${tagOf(ids.a)}:${tagOf(ids.b)}`)(v, ids.a, ids.b, ids.kb, n, count, out));
    return out;
  }
  const out = new Float64Array(k);
  specialize(groupAdd, `${dtype}:${tagOf(ids)}`)(v, ids, n, count, out);
  return out;
}

/** Row index per group of the min/max/first/last non-NaN value (-1 if none). @internal */
export function rowByGroup(vals: ArrayLike<number | bigint>, tag: string, op: 'min' | 'max' | 'first' | 'last', gid: ArrayLike<number>, n: number, k: number): Int32Array {
  const rows = new Int32Array(k).fill(-1);
  if (op === 'min' || op === 'max') specialize(groupArgExtreme, `${tag}:${tagOf(gid)}`)(vals, gid, n, op === 'min' ? 1 : -1, rows);
  else specialize(groupFirstLast, `${tag}:${tagOf(gid)}`)(vals, gid, n, op === 'last', rows);
  return rows;
}
