/**
 * RecordStore vs an array of plain objects (and class instances): building records with push, scan-summing a
 * field (through the column, a cursor, get(i), `for…of` and forEach against objects allocated in order and
 * shuffled in memory), filter, sortBy on a float64 field, groupBy(category)-sum and a two-key groupBy;
 * arquero as an optional comparison for filter and groupBy. Memory per record for {x,y,z: float64},
 * {x,y,z: int32}, {x: float64, y: int32, kind: category}, 8-character utf8 ids, a nullable int32 field with
 * 10 % nulls and five int32 fields before and after downcast(); the speed of downcast() against hand-written
 * narrowing.
 */
import { RecordStore, recordStore } from '../src/index.js';
import type { MemoryGroup, SpeedCase, Suite, SuiteContext } from './_harness.js';
import { categoryNames, floats, ints, pickStrings } from './_data.js';

interface Obj {
  x: number;
  y: number;
  z: number;
  kind: string;
}

class P3 {
  constructor(
    public x: number,
    public y: number,
    public z: number,
  ) {}
}

const KINDS = categoryNames(8);
const SCHEMA = { x: 'float64', y: 'int32', z: 'float64', kind: 'category' } as const;

// Minimal arquero surface used here (the package is optional).
interface AqTable {
  filter(expr: unknown): AqTable;
  numRows(): number;
  groupby(key: string): AqTable;
  rollup(spec: Record<string, unknown>): AqTable;
  array(name: string): ArrayLike<unknown>;
  reify(): AqTable;
}
interface Arquero {
  table(cols: Record<string, unknown>): AqTable;
  op: { sum(col: string): unknown };
}

function mapOf(keys: ArrayLike<unknown>, vals: ArrayLike<unknown>): Map<unknown, unknown> {
  const m = new Map<unknown, unknown>();
  for (let i = 0; i < keys.length; i++) m.set(keys[i], vals[i]);
  return m;
}

async function speed(ctx: SuiteContext): Promise<SpeedCase[]> {
  const n = ctx.rows;
  const xs = floats(n, 31);
  const ys = ints(n, 0, 1000, 32);
  const zs = floats(n, 33);
  const kinds = pickStrings(n, KINDS, 34);
  const objs: Obj[] = [];
  for (let i = 0; i < n; i++) objs.push({ x: xs[i]!, y: ys[i]!, z: zs[i]!, kind: kinds[i]! });
  // The same objects allocated in a random order (as after a program's churn): the array order is the row
  // order, the heap order is not, so each step of a scan is a cache miss. Objects' worst case, common in
  // long-running programs; `objs` (allocated in order) is their best case.
  const shuffled = new Array<Obj>(n);
  const order = ints(n, 0, 2 ** 31 - 1, 35)
    .map((r, i) => [r, i] as const)
    .sort((a, b) => a[0] - b[0]);
  for (const [, i] of order) shuffled[i] = { x: xs[i]!, y: ys[i]!, z: zs[i]!, kind: kinds[i]! };
  const store = RecordStore.fromColumns({ x: Float64Array.from(xs), y: Int32Array.from(ys), z: Float64Array.from(zs), kind: kinds }, SCHEMA);
  const aq = await ctx.optional<Arquero>('arquero');
  if (aq === undefined) ctx.note('arquero not installed: its filter/groupBy comparisons were skipped');
  const aqTable = aq?.table({ x: store.column('x'), y: store.column('y'), z: store.column('z'), kind: kinds });
  const mid = Math.floor(n / 2);

  const cases: SpeedCase[] = [
    {
      name: 'build records (push)',
      baseline: {
        name: 'objects: array.push({x, y, z})',
        fn: () => {
          const a: { x: number; y: number; z: number }[] = [];
          for (let i = 0; i < n; i++) a.push({ x: xs[i]!, y: ys[i]!, z: zs[i]! });
          return a.length + a[n - 1]!.x;
        },
      },
      tasks: [
        {
          name: 'RecordStore.push({x, y, z}) (checked)',
          fn: () => {
            const s = recordStore({ x: 'float64', y: 'int32', z: 'float64' });
            for (let i = 0; i < n; i++) s.push({ x: xs[i]!, y: ys[i]!, z: zs[i]! });
            return s.length + s.column('x')[n - 1]!;
          },
        },
        {
          name: 'reserve(n) + RecordStore.push',
          fn: () => {
            const s = recordStore({ x: 'float64', y: 'int32', z: 'float64' }, { capacity: n });
            for (let i = 0; i < n; i++) s.push({ x: xs[i]!, y: ys[i]!, z: zs[i]! });
            return s.length + s.column('x')[n - 1]!;
          },
        },
        {
          name: 'class instances: array.push(new P3(x, y, z))',
          reference: true,
          fn: () => {
            const a: P3[] = [];
            for (let i = 0; i < n; i++) a.push(new P3(xs[i]!, ys[i]!, zs[i]!));
            return a.length + a[n - 1]!.x;
          },
        },
      ],
    },
    {
      name: 'scan-sum x',
      baseline: {
        name: 'objects: s += objs[i].x',
        fn: () => {
          let s = 0;
          for (let i = 0; i < objs.length; i++) s += objs[i]!.x;
          return s;
        },
      },
      tasks: [
        {
          name: 'column(x) loop',
          fn: () => {
            const c = store.column('x');
            let s = 0;
            for (let i = 0; i < c.length; i++) s += c[i]!;
            return s;
          },
        },
        {
          name: 'cursor: while (c.next()) s += c.x',
          fn: () => {
            const c = store.cursor();
            let s = 0;
            while (c.next()) s += c.x;
            return s;
          },
        },
        {
          name: 'get(i).x',
          fn: () => {
            let s = 0;
            for (let i = 0; i < store.length; i++) s += store.get(i).x;
            return s;
          },
        },
      ],
    },
    {
      name: 'for…of sum x',
      baseline: {
        name: 'objects: for (const o of objs) s += o.x',
        fn: () => {
          let s = 0;
          for (const o of objs) s += o.x;
          return s;
        },
      },
      tasks: [
        {
          name: 'for (const r of store) s += r.x',
          fn: () => {
            let s = 0;
            for (const r of store) s += r.x;
            return s;
          },
        },
        {
          name: 'store.forEach(r => s += r.x)',
          fn: () => {
            let s = 0;
            store.forEach((r) => {
              s += r.x;
            });
            return s;
          },
        },
        {
          name: 'objects: objs.forEach(o => s += o.x)',
          reference: true,
          fn: () => {
            let s = 0;
            objs.forEach((o) => {
              s += o.x;
            });
            return s;
          },
        },
        {
          name: 'objects shuffled in memory: for…of',
          reference: true,
          fn: () => {
            let s = 0;
            for (const o of shuffled) s += o.x;
            return s;
          },
        },
      ],
    },
    {
      name: 'filter x > 0.5',
      baseline: {
        name: 'objects: objs.filter(o => o.x > 0.5)',
        fn: () => objs.filter((o) => o.x > 0.5).length,
      },
      tasks: [
        { name: 'RecordStore.filter(r => r.x > 0.5)', fn: () => store.filter((r) => r.x > 0.5).length },
        {
          name: 'RecordStore.filter(mask from column)',
          fn: () => {
            const x = store.column('x');
            const mask = new Uint8Array(x.length);
            for (let i = 0; i < x.length; i++) mask[i] = x[i]! > 0.5 ? 1 : 0;
            return store.filter(mask).length;
          },
        },
        ...(aqTable
          ? [
              {
                name: 'arquero filter(d => d.x > 0.5).reify()',
                reference: true,
                fn: () =>
                  aqTable
                    .filter((d: { x: number }) => d.x > 0.5)
                    .reify()
                    .numRows(),
              },
            ]
          : []),
      ],
    },
    {
      name: 'sortBy x (float64)',
      baseline: {
        name: 'objects: slice().sort((a, b) => a.x - b.x)',
        fn: () => {
          const s = objs.slice().sort((a, b) => a.x - b.x);
          return [s[0]!.x, s[mid]!.x, s[n - 1]!.x, s[mid]!.y];
        },
      },
      tasks: [
        {
          name: "RecordStore.sortBy('x')",
          fn: () => {
            const s = store.sortBy('x');
            const x = s.column('x');
            return [x[0]!, x[mid]!, x[n - 1]!, s.column('y')[mid]!];
          },
        },
      ],
    },
    {
      name: 'groupBy(kind) sum x',
      baseline: {
        name: 'objects: Map-based groupBy',
        fn: () => {
          const m = new Map<string, number>();
          for (let i = 0; i < objs.length; i++) {
            const o = objs[i]!;
            m.set(o.kind, (m.get(o.kind) ?? 0) + o.x);
          }
          return m;
        },
      },
      tasks: [
        {
          name: "RecordStore.groupBy('kind').agg({sx: ['sum', 'x']})",
          fn: () => {
            const g = store.groupBy('kind').agg({ sx: ['sum', 'x'] });
            return mapOf(g.column('kind').toArray(), g.column('sx'));
          },
        },
        ...(aqTable && aq
          ? [
              {
                name: "arquero groupby('kind').rollup({sx: op.sum('x')})",
                reference: true,
                fn: () => {
                  const g = aqTable.groupby('kind').rollup({ sx: aq.op.sum('x') });
                  return mapOf(g.array('kind'), g.array('sx'));
                },
              },
            ]
          : []),
      ],
    },
    {
      name: 'groupBy(kind, y) sum x',
      baseline: {
        name: 'objects: Map keyed by `${kind}|${y}`',
        fn: () => {
          const m = new Map<string, number>();
          for (let i = 0; i < objs.length; i++) {
            const o = objs[i]!;
            const key = `${o.kind}|${o.y}`;
            m.set(key, (m.get(key) ?? 0) + o.x);
          }
          return m;
        },
      },
      tasks: [
        {
          name: "RecordStore.groupBy(['kind', 'y']).agg({sx: ['sum', 'x']})",
          fn: () => {
            const g = store.groupBy(['kind', 'y']).agg({ sx: ['sum', 'x'] });
            const kind = g.column('kind');
            const y = g.column('y');
            const sx = g.column('sx');
            const m = new Map<string, number>();
            for (let i = 0; i < g.length; i++) m.set(`${kind.get(i)}|${y[i]}`, sx[i]!);
            return m;
          },
        },
      ],
    },
    downcastCase(n),
  ];
  return cases;
}

/** Five int32 columns whose values fit int8, int8, int16, int16 and uint8 (what a CSV of small counts infers). */
const SMALL_FIELDS = ['a', 'b', 'c', 'd', 'e'] as const;
const SMALL_RANGES: readonly (readonly [number, number])[] = [
  [-100, 100],
  [0, 120],
  [-30000, 30000],
  [0, 20000],
  [0, 250],
];

function smallColumns(n: number): Int32Array[] {
  return SMALL_RANGES.map(([lo, hi], k) => Int32Array.from(ints(n, lo, hi, 61 + k)));
}

function smallStore(n: number): RecordStore {
  const cols = smallColumns(n);
  const schema = Object.fromEntries(SMALL_FIELDS.map((f) => [f, 'int32'])) as Record<string, 'int32'>;
  return RecordStore.fromColumns(Object.fromEntries(SMALL_FIELDS.map((f, k) => [f, cols[k]!])), schema);
}

/**
 * downcast() over five int32 fields (pandas `to_numeric(downcast=…)` per column) against the same narrowing
 * written by hand over the TypedArrays: a min/max scan, then a copy into the narrowest array.
 */
function downcastCase(n: number): SpeedCase {
  const store = smallStore(n);
  const cols = SMALL_FIELDS.map((f) => store.column(f) as Int32Array);
  return {
    name: 'downcast() five int32 fields (values fit int8/int16/uint8)',
    baseline: {
      name: 'TypedArrays: min/max scan + copy into the narrowest array, by hand',
      fn: () =>
        cols.map((c) => {
          let lo = 0;
          let hi = 0;
          for (let i = 0; i < c.length; i++) {
            const v = c[i]!;
            if (v < lo) lo = v;
            if (v > hi) hi = v;
          }
          if (lo >= -128 && hi <= 127) return Int8Array.from(c);
          if (lo >= 0 && hi <= 255) return Uint8Array.from(c);
          if (lo >= -32768 && hi <= 32767) return Int16Array.from(c);
          return Uint16Array.from(c);
        }),
    },
    tasks: [
      {
        name: 'store.downcast()',
        fn: () => {
          const d = store.downcast();
          return SMALL_FIELDS.map((f) => d.column(f));
        },
      },
    ],
  };
}

/** Bytes per record; stores are push-built then shrinkToFit(), the objects push-built (as a user does). */
function memory(): MemoryGroup[] {
  const f = (n: number, seed: number) => floats(n, seed);
  return [
    {
      name: '{x, y, z: float64}',
      unit: 'record',
      baseline: {
        name: 'array of {x, y, z} objects (push)',
        build: (n) => {
          const x = f(n, 41);
          const a: { x: number; y: number; z: number }[] = [];
          for (let i = 0; i < n; i++) a.push({ x: x[i]!, y: x[i]! + 0.5, z: x[i]! + 0.25 });
          return a;
        },
      },
      cases: [
        {
          name: 'RecordStore push + shrinkToFit()',
          build: (n) => {
            const x = f(n, 41);
            const s = recordStore({ x: 'float64', y: 'float64', z: 'float64' });
            for (let i = 0; i < n; i++) s.push({ x: x[i]!, y: x[i]! + 0.5, z: x[i]! + 0.25 });
            s.shrinkToFit();
            return s;
          },
        },
        {
          name: 'array of class P3 instances (push)',
          reference: true,
          build: (n) => {
            const x = f(n, 41);
            const a: P3[] = [];
            for (let i = 0; i < n; i++) a.push(new P3(x[i]!, x[i]! + 0.5, x[i]! + 0.25));
            return a;
          },
        },
      ],
    },
    {
      name: '{x, y, z: int32}',
      unit: 'record',
      baseline: {
        name: 'array of {x, y, z} objects, small ints (push)',
        build: (n) => {
          const v = ints(n, -1000, 1000, 42);
          const a: { x: number; y: number; z: number }[] = [];
          for (let i = 0; i < n; i++) a.push({ x: v[i]!, y: v[i]! + 1, z: v[i]! + 2 });
          return a;
        },
      },
      cases: [
        {
          name: 'RecordStore push + shrinkToFit()',
          build: (n) => {
            const v = ints(n, -1000, 1000, 42);
            const s = recordStore({ x: 'int32', y: 'int32', z: 'int32' });
            for (let i = 0; i < n; i++) s.push({ x: v[i]!, y: v[i]! + 1, z: v[i]! + 2 });
            s.shrinkToFit();
            return s;
          },
        },
      ],
    },
    {
      name: '{x: float64, y: int32, kind: category}',
      unit: 'record',
      baseline: {
        name: 'array of {x, y, kind} objects, interned kind strings (push)',
        build: (n) => {
          const x = f(n, 43);
          const k = pickStrings(n, KINDS, 44);
          const a: { x: number; y: number; kind: string }[] = [];
          for (let i = 0; i < n; i++) a.push({ x: x[i]!, y: i & 1023, kind: k[i]! });
          return a;
        },
      },
      cases: [
        {
          name: 'RecordStore push + shrinkToFit()',
          build: (n) => {
            const x = f(n, 43);
            const k = pickStrings(n, KINDS, 44);
            const s = recordStore({ x: 'float64', y: 'int32', kind: 'category' });
            for (let i = 0; i < n; i++) s.push({ x: x[i]!, y: i & 1023, kind: k[i]! });
            s.shrinkToFit();
            return s;
          },
        },
      ],
    },
    {
      name: 'id: utf8, 8-character ids',
      unit: 'record',
      baseline: {
        name: 'string[] of runtime ids (push)',
        build: (n) => {
          const a: string[] = [];
          for (let i = 0; i < n; i++) a.push(id8(i));
          return a;
        },
      },
      cases: [
        {
          name: "RecordStore {id: 'utf8'} push + shrinkToFit()",
          build: (n) => {
            const s = recordStore({ id: 'utf8' });
            for (let i = 0; i < n; i++) s.push({ id: id8(i) });
            s.shrinkToFit();
            return s;
          },
        },
      ],
    },
    {
      name: 'v: nullable int32, 10 % null',
      unit: 'record',
      baseline: {
        name: 'Array<number | null> (push)',
        build: (n) => {
          const v = ints(n, -1_000_000, 1_000_000, 71);
          const a: (number | null)[] = [];
          for (let i = 0; i < n; i++) a.push(i % 10 === 3 ? null : v[i]!);
          return a;
        },
      },
      cases: [
        {
          name: "RecordStore {v: {type: 'int32', nullable: true}} push + shrinkToFit()",
          build: (n) => {
            const v = ints(n, -1_000_000, 1_000_000, 71);
            const s = recordStore({ v: { type: 'int32', nullable: true } });
            for (let i = 0; i < n; i++) s.push({ v: i % 10 === 3 ? null : v[i]! });
            s.shrinkToFit();
            return s;
          },
        },
      ],
    },
    {
      name: '{a…e: int32}, values that fit int8/int16/uint8',
      unit: 'record',
      baseline: {
        name: 'array of {a, b, c, d, e} objects (push)',
        build: (n) => {
          const cols = smallColumns(n);
          const a: Record<string, number>[] = [];
          for (let i = 0; i < n; i++) a.push({ a: cols[0]![i]!, b: cols[1]![i]!, c: cols[2]![i]!, d: cols[3]![i]!, e: cols[4]![i]! });
          return a;
        },
      },
      cases: [
        { name: 'RecordStore, five int32 fields', build: (n) => smallStore(n) },
        { name: 'the same store after downcast()', build: (n) => smallStore(n).downcast() },
      ],
    },
  ];
}

/** An 8-character id made at run time (a flat one-byte string, as a parser hands out): base 36 of 36^7 + 7919 i. */
function id8(i: number): string {
  return (78_364_164_096 + i * 7919).toString(36);
}

/** The record-store suite: RecordStore against arrays of plain objects. */
export const suite: Suite = {
  name: 'record-store',
  title: 'RecordStore vs arrays of objects',
  speed,
  memory,
  headline: { speed: 'scan-sum x', task: 'column(x) loop', memory: '{x, y, z: float64}', memoryCase: 'RecordStore push + shrinkToFit()' },
};
