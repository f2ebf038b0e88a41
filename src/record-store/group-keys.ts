/**
 * Dense group ids for `groupBy` over one or several keys, without a per-row object or string.
 *
 * Every key is first turned into ordered ids per row (`-1` = missing): a category key's codes, a small
 * integer range's `value - min`, otherwise the rank of the value. Several keys are then combined two at a
 * time into one id per row:
 * - **dense** when the product of the id ranges is small (at most `max(rows, 65536)`): `a * kB + b`, one
 *   pass over the rows that also records each combined id's first row, then one pass over the id range. For
 *   the last two keys there is no pass of their own: sum and count combine `a * kB + b` per row themselves
 *   (`Groups.pair`), the first of them also tells which combinations occur, the key values come from each
 *   key's own first rows, and the id array is made only when another aggregate needs it;
 * - **hashed** otherwise: a typed open-addressing table over the `(a, b)` pairs (three Int32Arrays, grown by
 *   doubling at half load), ids in order of first appearance; the groups (not the rows) are sorted into key
 *   order at the end.
 *
 * Peak memory: one Int32 per row (the combined ids) plus O(min(id range, groups)) for the table or the
 * first-row array. Output order is lexicographic over the keys (category order, ascending numbers), as pandas
 * `groupby(sort=True)`.
 *
 * @internal
 * @packageDocumentation
 */
import { pairIds, pairSeenIds, type PairIds } from './group-kernels.js';
import { specialize, tagOf } from './kernels.js';
import { argsortByCodes, codeBits } from './sort-by.js';
import type { CategoryColumn } from './store-data.js';

/** Per-row group ids. @internal */
export interface Groups {
  /** Group of each row (`-1`: dropped, a key is missing): Int32Array, or a single category key's codes. */
  readonly gid: Int32Array | Int16Array | Int8Array;
  /** Number of group ids (some may be unobserved, see `keep`). */
  readonly k: number;
  /** One row per kept group (its first row), in output order, to take the key values from. */
  readonly reps: Uint32Array;
  /** Set when the last key's values come from other rows than `reps` (two keys combined densely). */
  readonly lastReps?: Uint32Array;
  /** The group ids to output, in order; `null`: all `k`. */
  readonly keep: Uint32Array | null;
  /**
   * Set when the last two keys were combined densely: the sum and count kernels combine these ids per row
   * themselves, and `gid` is only made (n × 4 B, once) when another kernel reads it.
   */
  readonly pair?: PairIds;
}

/** Id ranges up to this (or up to the row count) are combined densely (groupBy and valueCounts). @internal */
export const DENSE_MIN = 1 << 16;

// --- kernels (self-contained, specialized per id array type) -------------------------------------

/**
 * out[i] = a[i] * kb + b[i] (−1 if either is missing), and the first row of each combined id into `first`
 * (starts at −1): one streaming pass (a separate first-row scan cannot stop early when some combinations
 * never occur, which is the usual case).
 */
function combineDense(a: ArrayLike<number>, b: ArrayLike<number>, kb: number, n: number, out: Int32Array, first: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if ((x | y) < 0) {
      out[i] = -1;
      continue;
    }
    const g = x * kb + y;
    out[i] = g;
    if (first[g]! < 0) first[g] = i;
  }
}

/** First row of each id in [0, k) (`first` starts at −1); stops once all `k` are seen. */
function firstRows(gid: ArrayLike<number>, n: number, k: number, first: Int32Array): number {
  let seen = 0;
  for (let i = 0; i < n && seen < k; i++) {
    const g = gid[i]!;
    if (g >= 0 && first[g]! < 0) {
      first[g] = i;
      seen++;
    }
  }
  return seen;
}

/** The number of nonzero entries of `seen[0..k)`. */
function countSeen(seen: Uint8Array, k: number): number {
  let m = 0;
  for (let c = 0; c < k; c++) m += seen[c]!;
  return m;
}

/** The indexes of the nonzero entries of `seen[0..k)`, in order. */
function keepOfSeen(seen: Uint8Array, k: number, keep: Uint32Array): void {
  for (let c = 0, g = 0; c < k; c++) if (seen[c] !== 0) keep[g++] = c;
}

/** The first rows of the two ids of each observed combined id (`keep`, or all `m` when null). */
function keptReps(keep: Uint32Array | null, m: number, kb: number, repA: Int32Array, repB: Int32Array, reps: Uint32Array, lastReps: Uint32Array): void {
  for (let g = 0; g < m; g++) {
    const c = keep === null ? g : keep[g]!;
    const x = (c / kb) | 0;
    reps[g] = repA[x]!;
    lastReps[g] = repB[c - x * kb]!;
  }
}

/** New codes for `m` output rows of a category key column, as wide as `col`'s (filled by the caller). @internal */
export function codesLike(col: CategoryColumn, m: number): Int8Array | Int16Array | Int32Array {
  return new (col.codes.constructor as new (m: number) => Int8Array | Int16Array | Int32Array)(m);
}

/**
 * The two key columns' codes of two category keys combined densely (their ids are their codes): combined id
 * `c = x * kb + y` of each observed group (`keep`, or all `m`) → `x` into `outA`, `y` into `outB`. No row lists and
 * no gathers from the rows. @internal
 */
export function pairKeyCodes(keep: Uint32Array | null, m: number, kb: number, outA: Int8Array | Int16Array | Int32Array, outB: Int8Array | Int16Array | Int32Array): void {
  specialize(splitIds, `${keep === null ? 'all' : 'keep'}:${tagOf(outA)}:${tagOf(outB)}`)(keep, m, kb, outA, outB);
}

function splitIds(keep: Uint32Array | null, m: number, kb: number, outA: { [j: number]: number }, outB: { [j: number]: number }): void {
  for (let g = 0; g < m; g++) {
    const c = keep === null ? g : keep[g]!;
    const x = (c / kb) | 0;
    outA[g] = x;
    outB[g] = c - x * kb;
  }
}

/** gid[i] = map[gid[i]] for kept rows. */
function remap(gid: Int32Array, n: number, map: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const g = gid[i]!;
    if (g >= 0) gid[i] = map[g]!;
  }
}

/**
 * Pairs `(a[i], b[i])` → ids in order of first appearance through an open-addressing table, from row
 * `start`. Returns the row to resume at: `n` when done, earlier when the table reached half load and must
 * grow (the caller grows it and calls again).
 */
function combineHashed(a: ArrayLike<number>, b: ArrayLike<number>, start: number, n: number, out: Int32Array, t: PairTable): number {
  const ka = t.ka;
  const kb = t.kb;
  const ids = t.ids;
  const mask = ka.length - 1;
  let count = t.count;
  for (let i = start; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x < 0 || y < 0) {
      out[i] = -1;
      continue;
    }
    let h = (Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca6b)) >>> 0;
    h = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const s = ka[h]!;
      if (s === x && kb[h] === y) {
        out[i] = ids[h]!;
        break;
      }
      if (s < 0) {
        ka[h] = x;
        kb[h] = y;
        ids[h] = count;
        out[i] = count++;
        break;
      }
      h = (h + 1) & mask;
    }
    if (count * 2 > mask) {
      t.count = count;
      return i + 1;
    }
  }
  t.count = count;
  return n;
}

/** The table of {@link combineHashed}. */
interface PairTable {
  ka: Int32Array;
  kb: Int32Array;
  ids: Int32Array;
  count: number;
}

function newTable(cap: number): PairTable {
  return { ka: new Int32Array(cap).fill(-1), kb: new Int32Array(cap), ids: new Int32Array(cap), count: 0 };
}

/** Doubles the table, reinserting every entry. */
function growTable(t: PairTable): void {
  const { ka, kb, ids } = t;
  const cap = ka.length * 2;
  const na = new Int32Array(cap).fill(-1);
  const nb = new Int32Array(cap);
  const ni = new Int32Array(cap);
  const mask = cap - 1;
  for (let s = 0; s < ka.length; s++) {
    const x = ka[s]!;
    if (x < 0) continue;
    const y = kb[s]!;
    let h = (Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca6b)) >>> 0;
    h = (h ^ (h >>> 15)) & mask;
    while (na[h]! >= 0) h = (h + 1) & mask;
    na[h] = x;
    nb[h] = y;
    ni[h] = ids[s]!;
  }
  t.ka = na;
  t.kb = nb;
  t.ids = ni;
}

// --- driver ----------------------------------------------------------------------------------------

/**
 * Groups over ids `[0, k)` (some maybe unobserved, or `-1` for dropped rows): one row per observed id, in id
 * order. Stops scanning once every id has been seen. @internal
 */
export function denseGroups(gid: Int32Array | Int16Array | Int8Array, k: number, n: number): Groups {
  const first = new Int32Array(k).fill(-1);
  specialize(firstRows, tagOf(gid))(gid, n, k, first);
  return fromFirst(gid, k, first);
}

/** The kept ids and their first rows, from a first-row-per-id array. */
function fromFirst(gid: Int32Array | Int16Array | Int8Array, k: number, first: Int32Array): Groups {
  const { reps, keep } = keptFromFirst(k, first);
  return { gid, k, reps, keep };
}

/**
 * Groups of the last two keys combined densely, with no pass over the rows of their own: `gid` is made on first
 * read, and which combinations occur (`keep`) comes from the first sum or count over the pair (its sums tell,
 * see group-kernels.ts pairAdd), else from one marking pass when first read. No row is known to hold both ids of a
 * group, so the key values come from each side's own first rows: `reps` for the earlier keys, `lastReps` for the
 * last, made only when read (two category keys' values are their codes: group-by.ts takes them from the combined
 * ids with {@link pairKeyCodes}, no row lists).
 */
function lazyPairGroups(cur: Groups, last: Groups, n: number): Groups {
  const kb = last.k;
  const k = cur.k * kb;
  const pair: PairIds = { a: cur.gid, b: last.gid, kb, seen: null };
  let gid: Int32Array | undefined;
  let keep: Uint32Array | null | undefined;
  let kept: { reps: Uint32Array; lastReps: Uint32Array } | undefined;
  const observed = (): Uint32Array | null => {
    if (keep !== undefined) return keep;
    const seen = pairSeenIds(pair, n, k);
    const m = specialize(countSeen, 'Uint8Array')(seen, k);
    if (m === k) return (keep = null);
    keep = new Uint32Array(m);
    specialize(keepOfSeen, 'Uint8Array')(seen, k, keep);
    return keep;
  };
  // The first rows are made only when read: two category keys' values are their codes (pairKeyCodes).
  const resolve = (): { reps: Uint32Array; lastReps: Uint32Array } => {
    if (kept !== undefined) return kept;
    const ids = observed();
    const m = ids === null ? k : ids.length;
    const reps = new Uint32Array(m);
    const lastReps = new Uint32Array(m);
    specialize(keptReps, ids === null ? 'all' : 'keep')(ids, m, kb, repRows(cur), repRows(last), reps, lastReps);
    return (kept = { reps, lastReps });
  };
  return {
    get gid(): Int32Array {
      return (gid ??= pairIds(pair, n));
    },
    k,
    get reps(): Uint32Array {
      return resolve().reps;
    },
    get lastReps(): Uint32Array {
      return resolve().lastReps;
    },
    get keep(): Uint32Array | null {
      return observed();
    },
    pair,
  };
}

/** The first row of each id of a key's groups (`-1`: an id no row holds). @internal */
export function repRows(g: Groups): Int32Array {
  const rep = new Int32Array(g.k).fill(-1);
  const keep = g.keep;
  for (let j = 0; j < g.reps.length; j++) rep[keep === null ? j : keep[j]!] = g.reps[j]!;
  return rep;
}

function keptFromFirst(k: number, first: Int32Array): { reps: Uint32Array; keep: Uint32Array | null } {
  let seen = 0;
  for (let c = 0; c < k; c++) if (first[c]! >= 0) seen++;
  const keep = new Uint32Array(seen);
  const reps = new Uint32Array(seen);
  for (let c = 0, g = 0; c < k; c++) {
    if (first[c]! >= 0) {
      keep[g] = c;
      reps[g++] = first[c]!;
    }
  }
  return { reps, keep: seen === k ? null : keep };
}

/** Renumbers observed ids to `0..groups-1` in id order (in place when `owned`, else into a copy). */
function compactIds(g: Groups, n: number, owned: boolean): Groups {
  if (g.keep === null) return g;
  const map = new Int32Array(g.k).fill(-1);
  const keep = g.keep;
  for (let j = 0; j < keep.length; j++) map[keep[j]!] = j;
  const gid = owned && g.gid instanceof Int32Array ? g.gid : Int32Array.from(g.gid.subarray(0, n));
  specialize(remap, 'Int32Array')(gid, n, map);
  return { gid, k: keep.length, reps: g.reps, keep: null };
}

/**
 * One group id per row over several keys, lexicographic in key order. `single` are the keys' own groups
 * (their ids ordered as the keys' values). @internal
 */
export function combineGroups(single: readonly Groups[], n: number): Groups {
  const limit = Math.max(n, DENSE_MIN);
  let cur: Groups = single[0]!;
  let owned = false; // cur.gid is ours to overwrite (not a key's own ids, e.g. a Categorical's codes)
  let hashed = false;
  for (let t = 1; t < single.length; t++) {
    const b = single[t]!;
    if (cur.k * b.k > limit) {
      const was = cur.gid;
      cur = compactIds(cur, n, owned);
      owned ||= cur.gid !== was;
    }
    if (t === single.length - 1 && !hashed && cur.k * b.k <= limit) {
      cur = lazyPairGroups(cur, b, n);
      break;
    }
    const out = owned ? (cur.gid as Int32Array) : new Int32Array(n);
    owned = true;
    if (cur.k * b.k <= limit) {
      const k = cur.k * b.k;
      const first = new Int32Array(k).fill(-1);
      specialize(combineDense, `${tagOf(cur.gid)}:${tagOf(b.gid)}`)(cur.gid, b.gid, b.k, n, out, first);
      cur = fromFirst(out, k, first);
    } else {
      const table = newTable(1024);
      const kernel = specialize(combineHashed, `${tagOf(cur.gid)}:${tagOf(b.gid)}`);
      for (let i = kernel(cur.gid, b.gid, 0, n, out, table); i < n; i = kernel(cur.gid, b.gid, i, n, out, table)) growTable(table);
      cur = { gid: out, k: table.count, reps: new Uint32Array(0), keep: null };
      hashed = true;
    }
  }
  return hashed ? sortGroups(cur, single, n) : cur;
}

/** Renumbers hashed ids (first-appearance order) into key order: sorts the groups, not the rows. */
function sortGroups(g: Groups, single: readonly Groups[], n: number): Groups {
  const k = g.k;
  const gid = g.gid as Int32Array;
  const first = new Int32Array(k).fill(-1);
  specialize(firstRows, 'Int32Array')(gid, n, k, first);
  const codes = single.map((s) => {
    const u = new Uint32Array(k);
    const sg = s.gid;
    for (let j = 0; j < k; j++) u[j] = sg[first[j]!]!;
    return u;
  });
  const order = argsortByCodes(
    codes,
    single.map((s) => codeBits(s.k)),
    k,
  );
  const pos = new Int32Array(k);
  const reps = new Uint32Array(k);
  for (let j = 0; j < k; j++) {
    pos[order[j]!] = j;
    reps[j] = first[order[j]!]!;
  }
  specialize(remap, 'Int32Array')(gid, n, pos);
  return { gid, k, reps, keep: null };
}
