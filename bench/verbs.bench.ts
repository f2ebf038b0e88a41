/**
 * The verbs after loading (RecordStore `where`/`filter`, `valueCounts`, `nlargest`, `join`, `concat`,
 * `writeCsv`) against what a user writes without them: a cursor predicate, `groupBy + sortBy + head`,
 * `sortBy().head()`, and plain-object code (Map-based join and counts, `Array.concat`, string building).
 * Flights-like data: two category keys (300 airports, skewed), int16 delays, float64 distances.
 */
import { RecordStore, maskAnd, writeCsv, type Categorical } from '../src/index.js';
import type { SpeedCase, Suite, SuiteContext } from './_harness.js';
import { categoryNames, floats, ints, rng } from './_data.js';
import { keyStore } from './group-keys.js';

const AIRPORTS = categoryNames(300);

/** Airport codes with a skewed (Zipf-like) frequency, as real traffic is. */
function airports(n: number, seed: number): string[] {
  const r = rng(seed);
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = AIRPORTS[Math.floor(AIRPORTS.length * r() ** 2)]!;
  return out;
}

interface Flight {
  origin: string;
  dest: string;
  delay: number;
  distance: number;
}

// --- the same filter by hand over the raw arrays: the floor of a compare-mask-gather plan ---------------------
// Every step the mask path takes (two compare masks, their AND, the index list, a gather per field), written
// as plain loops over the store's own TypedArrays with fresh outputs: what `where` + `filter` can approach.

function gtInt16(a: Int16Array, v: number, out: Uint8Array): void {
  for (let i = 0; i < a.length; i++) out[i] = +(a[i]! > v);
}
function gtFloat64(a: Float64Array, v: number, out: Uint8Array): void {
  for (let i = 0; i < a.length; i++) out[i] = +(a[i]! > v);
}
function andInto(a: Uint8Array, b: Uint8Array, out: Uint8Array): number {
  let c = 0;
  for (let i = 0; i < a.length; i++) c += out[i] = a[i]! & b[i]!;
  return c;
}
function rowsOfMask(mask: Uint8Array, rows: Uint32Array): void {
  let m = 0;
  for (let i = 0; i < mask.length; i++) {
    rows[m] = i;
    m += mask[i]!;
  }
}
function gatherCodes<A extends Int8Array | Int16Array | Int32Array>(src: A, rows: Uint32Array, m: number): A {
  const out = new (src.constructor as new (n: number) => A)(m);
  for (let j = 0; j < m; j++) out[j] = src[rows[j]!]!;
  return out;
}
function gatherFloat64(src: Float64Array, rows: Uint32Array, m: number): Float64Array {
  const out = new Float64Array(m);
  for (let j = 0; j < m; j++) out[j] = src[rows[j]!]!;
  return out;
}

/** `delay > 300 && distance > 2000` by hand: the kept row count (every field is gathered). */
function filterByHand(delay: Int16Array, distance: Float64Array, origin: Int16Array, dest: Int16Array): number {
  const n = delay.length;
  const a = new Uint8Array(n);
  gtInt16(delay, 300, a);
  const b = new Uint8Array(n);
  gtFloat64(distance, 2000, b);
  const both = new Uint8Array(n);
  const m = andInto(a, b, both);
  const rows = new Uint32Array(m + 1);
  rowsOfMask(both, rows);
  return [gatherCodes(delay, rows, m), gatherFloat64(distance, rows, m), gatherCodes(origin, rows, m), gatherCodes(dest, rows, m)][0]!.length;
}

function sortedCounts(m: Map<string, number>): [string, number][] {
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

async function speed(ctx: SuiteContext): Promise<SpeedCase[]> {
  const n = ctx.rows;
  const origin = airports(n, 41);
  const dest = airports(n, 42);
  const delay = ints(n, -30, 600, 43);
  const distance = floats(n, 44).map((x) => Math.round(100 + x * 2500));
  const objs: Flight[] = [];
  for (let i = 0; i < n; i++) objs.push({ origin: origin[i]!, dest: dest[i]!, delay: delay[i]!, distance: distance[i]! });
  const store = RecordStore.fromColumns(
    { origin, dest, delay: Int16Array.from(delay), distance: Float64Array.from(distance) },
    { origin: 'category', dest: 'category', delay: 'int16', distance: 'float64' },
  );
  const rawDelay = store.column('delay');
  const rawDistance = store.column('distance');
  const rawOrigin = store.column('origin').codes as Int16Array;
  const rawDest = store.column('dest').codes as Int16Array;
  // Join: n flights × an aircraft table of m = n / 10 tail numbers (one row each), on the category key `tail`.
  const m = Math.max(Math.floor(n / 10), 1);
  const tails = Array.from({ length: m }, (_, i) => `N${i}`);
  const r = rng(46);
  const tail = Array.from({ length: n }, () => tails[Math.floor(r() * m)]!);
  const seats = ints(m, 50, 400, 45);
  const planes = RecordStore.fromColumns({ tail: tails, seats: Int32Array.from(seats) }, { tail: 'category', seats: 'int32' });
  const planeObjs = tails.map((t, i) => ({ tail: t, seats: seats[i]! }));
  const withTail = store.assign({ tail });
  const tailObjs = objs.map((o, i) => ({ ...o, tail: tail[i]! }));
  // The two-key value counts of issue 21 at its own size: 3 × rows (3M at the default size).
  const big = 3 * n;
  const keys = keyStore(big);
  const bigA = (keys.column('a') as Categorical).codes as Int16Array;
  const bigB = (keys.column('b') as Categorical).codes as Int16Array;
  const joinCheck = (got: unknown, want: unknown, task: string): void => {
    if (got !== want) throw new Error(`${task}: ${String(got)} joined rows, expected ${String(want)}`);
  };

  return [
    {
      name: 'filter delay > 300 and distance > 2000',
      baseline: {
        name: 'objects: objs.filter(o => o.delay > 300 && o.distance > 2000)',
        fn: () => objs.filter((o) => o.delay > 300 && o.distance > 2000).length,
      },
      tasks: [
        {
          name: "filter([['delay','>',300], ['distance','>',2000]]) (fused conditions)",
          fn: () =>
            store.filter([
              ['delay', '>', 300],
              ['distance', '>', 2000],
            ]).length,
        },
        {
          name: "filter(maskAnd(where('delay','>',300), where('distance','>',2000)))",
          fn: () => store.filter(maskAnd(store.where('delay', '>', 300), store.where('distance', '>', 2000))).length,
        },
        { name: 'filter(r => r.delay > 300 && r.distance > 2000) (cursor predicate)', reference: true, fn: () => store.filter((r) => r.delay > 300 && r.distance > 2000).length },
        { name: 'typed arrays by hand: two compares, AND, index list, four gathers', reference: true, fn: () => filterByHand(rawDelay, rawDistance, rawOrigin, rawDest) },
      ],
    },
    {
      name: 'value counts of (origin, dest): top 5',
      baseline: {
        name: 'objects: Map of `${origin}|${dest}` counts, sorted',
        fn: () => {
          const c = new Map<string, number>();
          for (let i = 0; i < objs.length; i++) {
            const k = `${objs[i]!.origin}|${objs[i]!.dest}`;
            c.set(k, (c.get(k) ?? 0) + 1);
          }
          return sortedCounts(c)
            .slice(0, 5)
            .map((e) => e[1]);
        },
      },
      tasks: [
        { name: "valueCounts(['origin', 'dest'])", fn: () => [...store.valueCounts(['origin', 'dest']).head(5).column('count')] },
        { name: "valueCounts('origin') (one key, for scale)", reference: true, fn: () => [...store.valueCounts('origin').head(5).column('count')] },
      ],
      check: (got, want, task) => {
        // the one-key reference answers another question: only its shape is checked
        if (!task.includes('one key') && JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`${task}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
      },
    },
    {
      // Issue 21's target as it is stated: two category fields against one on 3M rows (3 × rows), on
      // bench/group-keys.ts' data (300 × 300 categories, ~51,000 combinations).
      name: `value counts at ${big.toLocaleString('en-US')} rows: two category fields vs one`,
      baseline: {
        name: 'plain JS over the code arrays: Map of a * 300 + b counts, sorted',
        fn: () => {
          const c = new Map<number, number>();
          for (let i = 0; i < big; i++) {
            const k = bigA[i]! * 300 + bigB[i]!;
            c.set(k, (c.get(k) ?? 0) + 1);
          }
          return [...c.values()].sort((p, q) => q - p).slice(0, 5);
        },
      },
      tasks: [
        { name: "valueCounts(['a', 'b'])", fn: () => [...keys.valueCounts(['a', 'b']).head(5).column('count')] },
        { name: "valueCounts('a') (one field, for scale)", reference: true, fn: () => [...keys.valueCounts('a').head(5).column('count')] },
      ],
      check: (got, want, task) => {
        if (!task.includes('one field') && JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`${task}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
      },
    },
    {
      name: 'top 10 delays',
      baseline: {
        name: 'objects: slice().sort((a, b) => b.delay - a.delay).slice(0, 10)',
        fn: () =>
          objs
            .slice()
            .sort((a, b) => b.delay - a.delay)
            .slice(0, 10)
            .map((o) => o.delay),
      },
      tasks: [
        { name: "nlargest(10, 'delay')", fn: () => [...store.nlargest(10, 'delay').column('delay')] },
        { name: "sortBy('delay', {descending}).head(10)", fn: () => [...store.sortBy('delay', { descending: true }).head(10).column('delay')] },
      ],
    },
    {
      name: `inner join on a category key (${n.toLocaleString('en-US')} × ${m.toLocaleString('en-US')} rows)`,
      baseline: {
        name: 'objects: Map<tail, rows[]> then {...row, seats}',
        fn: () => {
          const idx = new Map<string, { tail: string; seats: number }[]>();
          for (const t of planeObjs) {
            const l = idx.get(t.tail);
            if (l === undefined) idx.set(t.tail, [t]);
            else l.push(t);
          }
          const out: (Flight & { seats: number })[] = [];
          for (const o of tailObjs) {
            const ms = idx.get(o.tail);
            if (ms !== undefined) for (const t of ms) out.push({ ...o, seats: t.seats });
          }
          return out.length;
        },
      },
      tasks: [{ name: "join(planes, {on: 'tail'})", fn: () => withTail.join(planes, { on: 'tail' }).length }],
      check: joinCheck,
    },
    {
      name: 'stack 4 chunks',
      baseline: { name: 'objects: a.concat(b, c, d)', fn: () => objs.concat(objs, objs, objs).length },
      tasks: [{ name: 'RecordStore.concat([s, s, s, s])', fn: () => RecordStore.concat([store, store, store, store]).length }],
    },
    {
      name: 'write CSV',
      baseline: {
        name: 'objects: lines built with template strings',
        fn: () => {
          const parts = ['origin,dest,delay,distance\n'];
          for (const o of objs) parts.push(`${o.origin},${o.dest},${o.delay},${o.distance}.0\n`);
          return parts.join('').length;
        },
      },
      tasks: [{ name: 'writeCsv(store)', fn: () => writeCsv(store).length }],
    },
  ];
}

/** The verbs suite. */
export const suite: Suite = {
  name: 'verbs',
  title: 'RecordStore verbs (where, valueCounts, nlargest, join, concat, writeCsv) vs plain objects',
  speed,
  headline: { speed: 'filter delay > 300 and distance > 2000' },
};
