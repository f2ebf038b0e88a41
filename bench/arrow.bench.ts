/**
 * compactly ↔ Apache Arrow: conversion cost (zero-copy: time independent of rows), record access and
 * field scans against arrow's own APIs, building a categorical against arrow's dictionary builder, and
 * bytes per row of each side. Rows are `{x: f64, y: f64, z: i32, c: 1 of 5 strings}`.
 */
import type * as Arrow from 'apache-arrow';
import { categorical, recordStore, type RecordStore } from '../src/index.js';
import { fromArrow, toArrow } from '../src/arrow/index.js';
import type { MemoryGroup, SpeedCase, Suite, SuiteContext } from './_harness.js';
import { assertSameResult } from './_harness.js';
import { categoryNames, floats, ints, pickStrings } from './_data.js';

const SCHEMA = { x: 'float64', y: 'float64', z: 'int32', c: 'category' } as const;
const NAMES = categoryNames(5);

interface Row {
  x: number;
  y: number;
  z: number;
  c: string;
}

function rows(n: number): Row[] {
  const xs = floats(n, 21);
  const ys = floats(n, 22);
  const zs = ints(n, -1000, 1000, 23);
  const cs = pickStrings(n, NAMES, 24);
  const out = new Array<Row>(n);
  for (let i = 0; i < n; i++) out[i] = { x: xs[i]!, y: ys[i]!, z: zs[i]!, c: cs[i]! };
  return out;
}

const NUMERIC = { x: 'float64', y: 'float64', z: 'int32' } as const;

function numericStoreOf(objs: readonly Row[]): RecordStore<typeof NUMERIC> {
  const s = recordStore(NUMERIC, { capacity: objs.length });
  s.extend(objs.map(({ x, y, z }) => ({ x, y, z })));
  return s;
}

function storeOf(objs: readonly Row[]): RecordStore<typeof SCHEMA> {
  const s = recordStore(SCHEMA, { capacity: objs.length });
  s.extend(objs);
  return s;
}

/** What a table / store / object array looks like, for checks: row count, sum of x, sum of z. */
function digest(x: unknown): [number, number, number] {
  const t = x as { numRows?: number; length?: number; getChild?: (n: string) => Arrow.Vector | null; column?: (n: string) => unknown };
  if (typeof t.getChild === 'function') {
    const xs = t.getChild('x')!.toArray() as Float64Array;
    const zs = t.getChild('z')!.toArray() as Int32Array;
    return [t.numRows!, sumOf(xs), sumOf(zs)];
  }
  if (typeof t.column === 'function') {
    return [t.length!, sumOf(t.column('x') as Float64Array), sumOf(t.column('z') as Int32Array)];
  }
  const cols = x as { x: ArrayLike<number>; z: ArrayLike<number> };
  return [cols.x.length, sumOf(cols.x), sumOf(cols.z)];
}

function sumOf(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]!;
  return s;
}

async function speed(ctx: SuiteContext): Promise<SpeedCase[]> {
  const A = await ctx.optional<typeof Arrow>('apache-arrow');
  if (A === undefined) {
    ctx.note('apache-arrow is not installed: the arrow suite is skipped');
    return [];
  }
  const n = ctx.rows;
  const small = Math.max(1, Math.floor(n / 100));
  const objs = rows(n);
  const store = storeOf(objs);
  const numeric = numericStoreOf(objs);
  const smallNumeric = numericStoreOf(objs.slice(0, small));
  const table = toArrow(store);
  const numericTable = toArrow(numeric);
  const smallNumericTable = toArrow(smallNumeric);
  // An arrow table as arrow users build it (columns copied in, strings dictionary-encoded by arrow).
  const arrowTable = new A.Table({
    x: A.makeVector(Float64Array.from(objs, (o) => o.x)),
    y: A.makeVector(Float64Array.from(objs, (o) => o.y)),
    z: A.makeVector(Int32Array.from(objs, (o) => o.z)),
    c: A.vectorFromArray(
      objs.map((o) => o.c),
      new A.Dictionary(new A.Utf8(), new A.Int8()),
    ),
  });
  const xVec = arrowTable.getChild('x')!;
  const imported = fromArrow(arrowTable);
  const strings = objs.map((o) => o.c);
  const smallOk = (task: string) => task.includes('n/100');
  /** The n/100 task must convert exactly `small` rows; every other task must match the baseline's columns. */
  const checkConversion = (got: unknown, expected: unknown, task: string): void => {
    if (smallOk(task)) assertSameResult(digest(got)[0], small, task);
    else assertSameResult(digest(got), digest(expected), task);
  };

  return [
    {
      name: 'toArrow: store → arrow Table',
      baseline: {
        name: 'objects → tableFromArrays (copy columns)',
        fn: () =>
          new A.Table({
            x: A.makeVector(Float64Array.from(objs, (o) => o.x)),
            y: A.makeVector(Float64Array.from(objs, (o) => o.y)),
            z: A.makeVector(Int32Array.from(objs, (o) => o.z)),
          }),
      },
      tasks: [
        { name: 'toArrow(store) (x, y, z shared; c scanned for missing)', fn: () => toArrow(store) },
        { name: 'toArrow(numeric store) (x, y, z shared)', fn: () => toArrow(numeric) },
        { name: `toArrow(numeric store), n/100 = ${small} rows`, fn: () => toArrow(smallNumeric) },
      ],
      check: checkConversion,
    },
    {
      name: 'fromArrow: arrow Table → columns',
      baseline: {
        name: 'copy each column out (toArray().slice())',
        fn: () => ({
          x: (arrowTable.getChild('x')!.toArray() as Float64Array).slice(),
          y: (arrowTable.getChild('y')!.toArray() as Float64Array).slice(),
          z: (arrowTable.getChild('z')!.toArray() as Int32Array).slice(),
        }),
      },
      tasks: [
        { name: 'fromArrow(table) (x, y, z adopted; c codes validated)', fn: () => fromArrow(table) },
        { name: 'fromArrow(numeric table) (adopted)', fn: () => fromArrow(numericTable) },
        { name: `fromArrow(numeric table), n/100 = ${small} rows`, fn: () => fromArrow(smallNumericTable) },
      ],
      check: checkConversion,
    },
    {
      name: 'record access: sum of row.x',
      baseline: {
        name: 'objects: objs[i].x',
        fn: () => {
          let s = 0;
          for (let i = 0; i < objs.length; i++) s += objs[i]!.x;
          return s;
        },
      },
      tasks: [
        {
          name: 'store.get(i).x',
          fn: () => {
            let s = 0;
            for (let i = 0; i < store.length; i++) s += store.get(i).x;
            return s;
          },
        },
        {
          name: 'store.cursor() + next()',
          fn: () => {
            let s = 0;
            const cur = store.cursor();
            while (cur.next()) s += cur.x;
            return s;
          },
        },
        {
          name: 'fromArrow(table) then store.get(i).x',
          fn: () => {
            let s = 0;
            for (let i = 0; i < imported.length; i++) s += (imported.get(i) as unknown as { x: number }).x;
            return s;
          },
        },
        {
          name: 'arrow table.get(i).x (Proxy row)',
          reference: true,
          fn: () => {
            let s = 0;
            for (let i = 0; i < arrowTable.numRows; i++) s += (arrowTable.get(i) as unknown as { x: number }).x;
            return s;
          },
        },
      ],
    },
    {
      name: 'field scan: sum of x',
      baseline: {
        name: 'objects: objs[i].x',
        fn: () => {
          let s = 0;
          for (let i = 0; i < objs.length; i++) s += objs[i]!.x;
          return s;
        },
      },
      tasks: [
        {
          name: "store.column('x') loop",
          fn: () => {
            const x = store.column('x');
            let s = 0;
            for (let i = 0; i < x.length; i++) s += x[i]!;
            return s;
          },
        },
        {
          name: "fromArrow(table).column('x') loop",
          fn: () => {
            const x = imported.column('x') as Float64Array;
            let s = 0;
            for (let i = 0; i < x.length; i++) s += x[i]!;
            return s;
          },
        },
        {
          name: 'arrow Vector.get(i) loop',
          reference: true,
          fn: () => {
            let s = 0;
            for (let i = 0; i < xVec.length; i++) s += xVec.get(i) as number;
            return s;
          },
        },
        {
          name: 'arrow toArray() loop',
          reference: true,
          fn: () => {
            const x = xVec.toArray() as Float64Array;
            let s = 0;
            for (let i = 0; i < x.length; i++) s += x[i]!;
            return s;
          },
        },
      ],
    },
    {
      name: 'building a categorical (1 of 5 strings)',
      baseline: {
        name: 'string[] push',
        fn: () => {
          const a: string[] = [];
          for (let i = 0; i < strings.length; i++) a.push(strings[i]!);
          return a;
        },
      },
      tasks: [
        {
          name: 'categorical().push',
          fn: () => {
            const c = categorical<string>([]);
            for (let i = 0; i < strings.length; i++) c.push(strings[i]!);
            return c;
          },
        },
        { name: 'categorical(values)', fn: () => categorical(strings) },
        {
          name: 'arrow Dictionary<Utf8, Int8> builder',
          reference: true,
          fn: () => {
            const b = A.makeBuilder({ type: new A.Dictionary(new A.Utf8(), new A.Int8()) });
            for (let i = 0; i < strings.length; i++) b.append(strings[i]!);
            return b.finish().toVector();
          },
        },
      ],
      check: (got, expected, task) => {
        const arr = got as { toArray(): unknown[] } | Arrow.Vector;
        const values = A.Vector.isVector(arr) ? [...arr] : (arr as { toArray(): unknown[] }).toArray();
        const exp = expected as string[];
        if (values.length !== exp.length) throw new Error(`${task}: length ${values.length} !== ${exp.length}`);
        for (let i = 0; i < exp.length; i += 997) if (values[i] !== exp[i]) throw new Error(`${task}: row ${i} differs`);
      },
    },
  ];
}

async function memory(ctx: SuiteContext): Promise<MemoryGroup[]> {
  const A = await ctx.optional<typeof Arrow>('apache-arrow');
  if (A === undefined) return [];
  return [
    {
      name: '{x, y: f64, z: i32, c: 1 of 5 strings} rows',
      unit: 'row',
      baseline: { name: 'array of objects', build: (n) => rows(n) },
      cases: [
        { name: 'RecordStore', build: (n) => storeOf(rows(n)) },
        {
          name: 'RecordStore + toArrow(store) (shared buffers)',
          build: (n) => {
            const s = storeOf(rows(n));
            return [s, toArrow(s)];
          },
        },
        {
          name: 'arrow Table (tableFromArrays, Dictionary<Int8, Utf8>)',
          reference: true,
          build: (n) => {
            const objs = rows(n);
            return new A.Table({
              x: A.makeVector(Float64Array.from(objs, (o) => o.x)),
              y: A.makeVector(Float64Array.from(objs, (o) => o.y)),
              z: A.makeVector(Int32Array.from(objs, (o) => o.z)),
              c: A.vectorFromArray(
                objs.map((o) => o.c),
                new A.Dictionary(new A.Utf8(), new A.Int8()),
              ),
            });
          },
        },
        {
          name: 'fromArrow(arrow Table) (adopted buffers)',
          build: (n) => {
            const objs = rows(n);
            const t = new A.Table({
              x: A.makeVector(Float64Array.from(objs, (o) => o.x)),
              y: A.makeVector(Float64Array.from(objs, (o) => o.y)),
              z: A.makeVector(Int32Array.from(objs, (o) => o.z)),
              c: A.vectorFromArray(
                objs.map((o) => o.c),
                new A.Dictionary(new A.Utf8(), new A.Int8()),
              ),
            });
            return fromArrow(t);
          },
        },
      ],
    },
  ];
}

/** The arrow suite. */
export const suite: Suite = {
  name: 'arrow',
  title: 'compactly ↔ Apache Arrow',
  speed,
  memory,
  headline: {
    // Arrow is how compactly data leaves the process: the export of a mixed store (numeric columns shared,
    // the categorical's codes scanned for missing values). fromArrow's figures are in the suite's table.
    speed: 'toArrow: store → arrow Table',
    task: 'toArrow(store) (x, y, z shared; c scanned for missing)',
    memory: '{x, y: f64, z: i32, c: 1 of 5 strings} rows',
  },
};
