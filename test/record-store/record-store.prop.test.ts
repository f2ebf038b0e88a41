import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { OverflowError } from '../../src/errors.js';
import { recordStore, RecordStore } from '../../src/record-store.js';

// ---------------------------------------------------------------------------------------------------------
// Model-based test: a RecordStore against an array of plain objects.
// ---------------------------------------------------------------------------------------------------------

const SCHEMA = { x: 'float64', y: 'int16', k: 'category', v: ['int8', 2], w: { type: 'uint8', default: 7 } } as const;
type Row = { x: number; y: number; k: string | null; v: [number, number]; w: number };
type Store = RecordStore<typeof SCHEMA>;
interface Model {
  rows: Row[];
}

const rowArb: fc.Arbitrary<Row> = fc.record({
  x: fc.double(),
  y: fc.integer({ min: -32768, max: 32767 }),
  k: fc.constantFrom('a', 'b', 'c', 'dd', null),
  v: fc.tuple(fc.integer({ min: -128, max: 127 }), fc.integer({ min: -128, max: 127 })),
  w: fc.integer({ min: 0, max: 255 }),
});
/** A row with one bad value (out of range or wrong type). */
const badRowArb = fc.tuple(rowArb, fc.constantFrom('y', 'v', 'w', 'k', 'x')).map(([r, f]) => {
  const bad: Record<string, unknown> = { ...r };
  if (f === 'y') bad.y = 40000;
  else if (f === 'v') bad.v = [1, 200];
  else if (f === 'w') bad.w = -1;
  else if (f === 'k') bad.k = 5;
  else bad.x = '1.5';
  return bad as unknown as Row;
});

function snapshot(s: Store): Row[] {
  return s.toObjects().map((o) => ({ x: o.x, y: o.y, k: o.k, v: [o.v[0]!, o.v[1]!], w: o.w }));
}

function check(m: Model, s: Store): void {
  expect(s.length).toBe(m.rows.length);
  expect(snapshot(s)).toEqual(m.rows);
  expect(s.capacity).toBeGreaterThanOrEqual(s.length);
}

class Push implements fc.Command<Model, Store> {
  constructor(
    readonly row: Row,
    readonly omitDefault: boolean,
  ) {}
  check = () => true;
  run(m: Model, s: Store): void {
    const { w, ...rest } = this.row;
    const i = s.push(this.omitDefault ? rest : this.row);
    expect(i).toBe(m.rows.length);
    m.rows.push(this.omitDefault ? { ...this.row, w: 7 } : { ...this.row });
    check(m, s);
    void w;
  }
  toString = () => `push(${JSON.stringify(this.row)}${this.omitDefault ? ', no w' : ''})`;
}

class Extend implements fc.Command<Model, Store> {
  constructor(
    readonly rows: Row[],
    readonly badAt: number,
    readonly bad: Row,
  ) {}
  check = () => true;
  run(m: Model, s: Store): void {
    if (this.badAt >= 0 && this.rows.length > 0) {
      const batch = this.rows.slice();
      batch.splice(this.badAt % (batch.length + 1), 0, this.bad);
      expect(() => s.extend(batch)).toThrow();
    } else {
      s.extend(this.rows);
      m.rows.push(...this.rows.map((r) => ({ ...r })));
    }
    check(m, s);
  }
  toString = () => `extend(${this.rows.length} rows${this.badAt >= 0 ? `, bad at ${this.badAt}` : ''})`;
}

class SetPartial implements fc.Command<Model, Store> {
  constructor(
    readonly at: number,
    readonly patch: Partial<Row>,
  ) {}
  check = (m: Readonly<Model>) => m.rows.length > 0;
  run(m: Model, s: Store): void {
    const i = this.at % m.rows.length;
    s.set(i, this.patch);
    Object.assign(m.rows[i]!, this.patch);
    check(m, s);
  }
  toString = () => `set(${this.at}, ${JSON.stringify(this.patch)})`;
}

class SetField implements fc.Command<Model, Store> {
  constructor(
    readonly at: number,
    readonly name: 'x' | 'y' | 'k' | 'w',
    readonly value: unknown,
    readonly valid: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.rows.length > 0;
  run(m: Model, s: Store): void {
    const i = (this.at % m.rows.length) - m.rows.length; // negative index
    if (this.valid) {
      s.setField(i, this.name, this.value as never);
      (m.rows[i + m.rows.length] as Record<string, unknown>)[this.name] = this.value;
    } else {
      expect(() => s.setField(i, this.name, this.value as never)).toThrow(OverflowError);
    }
    check(m, s);
  }
  toString = () => `setField(${this.at}, ${this.name}, ${String(this.value)})`;
}

class Remove implements fc.Command<Model, Store> {
  constructor(
    readonly at: number,
    readonly swap: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.rows.length > 0;
  run(m: Model, s: Store): void {
    const i = this.at % m.rows.length;
    if (this.swap) {
      s.swapRemove(i);
      const last = m.rows.pop()!;
      if (i < m.rows.length) m.rows[i] = last;
    } else {
      s.remove(i);
      m.rows.splice(i, 1);
    }
    check(m, s);
  }
  toString = () => `${this.swap ? 'swapRemove' : 'remove'}(${this.at})`;
}

class Clear implements fc.Command<Model, Store> {
  check = () => true;
  run(m: Model, s: Store): void {
    s.clear();
    m.rows = [];
    check(m, s);
  }
  toString = () => 'clear()';
}

const commands = [
  fc.tuple(rowArb, fc.boolean()).map(([r, o]) => new Push(r, o)),
  fc.tuple(fc.array(rowArb, { maxLength: 12 }), fc.integer({ min: -3, max: 12 }), badRowArb).map(([rs, b, bad]) => new Extend(rs, b, bad)),
  fc
    .tuple(fc.nat(), rowArb, fc.uniqueArray(fc.constantFrom('x', 'y', 'k', 'w'), { maxLength: 4 }))
    .map(([at, r, keys]) => new SetPartial(at, Object.fromEntries(keys.map((k) => [k, r[k as keyof Row]])) as Partial<Row>)),
  fc.tuple(fc.nat(), rowArb, fc.constantFrom('x', 'y', 'k', 'w') as fc.Arbitrary<'x' | 'y' | 'k' | 'w'>).map(([at, r, f]) => new SetField(at, f, r[f], true)),
  fc.tuple(fc.nat(), fc.constantFrom(['y', 40000], ['w', 256]) as fc.Arbitrary<['y' | 'w', number]>).map(([at, [f, v]]) => new SetField(at, f, v, false)),
  fc.tuple(fc.nat(), fc.boolean()).map(([at, sw]) => new Remove(at, sw)),
  fc.constant(new Clear()),
];

describe('RecordStore against an array of plain objects (fc.commands)', () => {
  test('push, extend (atomic), set, setField, remove, swapRemove, clear', () => {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 60 }), (cmds) => {
        fc.modelRun(() => ({ model: { rows: [] }, real: recordStore(SCHEMA) }), cmds);
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// Verbs against plain-array implementations.
// ---------------------------------------------------------------------------------------------------------

type VRow = { f: number; g: number; i: number; b: bigint; c: string | null };
const VSCHEMA = { f: 'float64', g: 'float32', i: 'int8', b: 'int64', c: 'category' } as const;
const vrowArb: fc.Arbitrary<VRow> = fc.record({
  f: fc.oneof(fc.double(), fc.constantFrom(0, -0, 1, NaN, -Infinity)),
  g: fc.double({ min: -1e6, max: 1e6 }).map(Math.fround),
  i: fc.integer({ min: -3, max: 3 }),
  b: fc.oneof(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), fc.constantFrom(-1n, 0n, 1n)),
  c: fc.constantFrom('x', 'y', 'z', 'w', null),
});

function missing(v: unknown): boolean {
  return v === null || (typeof v === 'number' && v !== v);
}

function cmpValues(a: unknown, b: unknown, desc: boolean): number {
  const am = missing(a);
  const bm = missing(b);
  if (am || bm) return am === bm ? 0 : am ? 1 : -1;
  const c = (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  return desc ? -c : c;
}

/** Rows of a store as comparable plain values (-0 kept). */
function rowsOf(s: RecordStore<typeof VSCHEMA>): VRow[] {
  return s.toObjects();
}

describe('verbs agree with plain-array implementations', () => {
  test('filter(pred) = Array.prototype.filter', () => {
    fc.assert(
      fc.property(fc.array(vrowArb, { maxLength: 80 }), fc.double({ noNaN: true }), (rows, t) => {
        const s = RecordStore.fromObjects(rows, VSCHEMA);
        expect(rowsOf(s.filter((r) => r.f > t))).toEqual(rows.filter((r) => r.f > t));
        const mask = rows.map((r) => r.i > 0);
        expect(rowsOf(s.filter(mask))).toEqual(rows.filter((r) => r.i > 0));
      }),
    );
  });

  test('sortBy(field | fields, descending) = stable sort, NaN/null last', () => {
    const keyArb = fc.constantFrom('f', 'g', 'i', 'b', 'c') as fc.Arbitrary<keyof VRow>;
    fc.assert(
      fc.property(fc.array(vrowArb, { maxLength: 120 }), fc.array(fc.tuple(keyArb, fc.boolean()), { minLength: 1, maxLength: 3 }), (rows, keys) => {
        const s = RecordStore.fromObjects(rows, VSCHEMA);
        const names = keys.map(([k]) => k);
        const desc = keys.map(([, d]) => d);
        const got = rowsOf(s.sortBy(names, { descending: desc }));
        const want = rows.slice().sort((a, b) => {
          for (let t = 0; t < names.length; t++) {
            const c = cmpValues(a[names[t]!], b[names[t]!], desc[t]!);
            if (c !== 0) return c;
          }
          return 0;
        });
        expect(got).toEqual(want);
      }),
    );
  });

  test('sortBy and groupBy on more than 4096 rows (11-bit radix digits, skipped passes)', () => {
    const bigRow = fc.record({
      f: fc.oneof(fc.double({ min: -1e3, max: 1e3 }), fc.constantFrom(NaN, -0, 0)),
      g: fc.integer({ min: -5, max: 5 }).map(Math.fround),
      i: fc.integer({ min: -128, max: 127 }),
      b: fc.bigInt({ min: -(2n ** 40n), max: 2n ** 40n }),
      c: fc.constantFrom('x', 'y', null),
    });
    fc.assert(
      fc.property(fc.array(bigRow, { minLength: 4097, maxLength: 6000 }), fc.constantFrom('f', 'g', 'i', 'b', 'c') as fc.Arbitrary<keyof VRow>, fc.boolean(), (rows, key, desc) => {
        const s = RecordStore.fromObjects(rows, VSCHEMA);
        const want = rows.slice().sort((a, b) => cmpValues(a[key], b[key], desc));
        expect(rowsOf(s.sortBy(key, { descending: desc }))).toEqual(want);
        const counts = new Map<number, number>();
        for (const r of rows) counts.set(r.i, (counts.get(r.i) ?? 0) + 1);
        const g = s.groupBy('i').agg({ n: ['count'] });
        expect([...g.column('i')]).toEqual([...counts.keys()].sort((a, b) => a - b));
        expect([...g.column('n')]).toEqual([...g.column('i')].map((k) => counts.get(k)));
      }),
      { numRuns: 8 },
    );
  });

  test('sortBy(cmp) = stable sort with the same comparator', () => {
    fc.assert(
      fc.property(fc.array(vrowArb, { maxLength: 150 }), (rows) => {
        const s = RecordStore.fromObjects(rows, VSCHEMA);
        expect(rowsOf(s.sortBy((a, b) => a.i - b.i))).toEqual(rows.slice().sort((a, b) => a.i - b.i));
      }),
    );
  });

  test('groupBy(keys).agg = a Map-based groupBy (pandas NaN rules)', () => {
    const keysArb = fc.constantFrom(['c'], ['i'], ['f'], ['c', 'i'], ['i', 'c'], ['b']) as fc.Arbitrary<(keyof VRow)[]>;
    fc.assert(
      fc.property(fc.array(vrowArb, { maxLength: 100 }), keysArb, (rows, keys) => {
        const s = RecordStore.fromObjects(rows, VSCHEMA);
        const cats = s.column('c').categories as string[];
        const rank = (k: keyof VRow, v: unknown): number | bigint => (k === 'c' ? cats.indexOf(v as string) : (v as number));
        // model: Map from key tuple → rows
        const groups = new Map<string, { key: unknown[]; rows: VRow[] }>();
        for (const r of rows) {
          const key = keys.map((k) => r[k]);
          if (key.some(missing)) continue;
          // String(v), not JSON: JSON writes Infinity and -Infinity both as null, which merged their groups.
          const id = JSON.stringify(key.map((v) => (typeof v === 'bigint' ? `${v}n` : Object.is(v, -0) ? '0' : typeof v === 'number' ? String(v) : v)));
          let g = groups.get(id);
          if (!g) groups.set(id, (g = { key, rows: [] }));
          g.rows.push(r);
        }
        const ordered = [...groups.values()].sort((a, b) => {
          for (let t = 0; t < keys.length; t++) {
            const x = rank(keys[t]!, a.key[t]);
            const y = rank(keys[t]!, b.key[t]);
            if (x < y) return -1;
            if (x > y) return 1;
          }
          return 0;
        });
        const nonNaN = (rs: VRow[]) => rs.map((r) => r.f).filter((v) => v === v);
        const want = ordered.map((g) => {
          const fs = nonNaN(g.rows);
          const sum = fs.reduce((a, b) => a + b, 0);
          const out: Record<string, unknown> = {};
          keys.forEach((k, t) => (out[k] = g.key[t]));
          out.sf = sum;
          out.mf = fs.length ? sum / fs.length : NaN;
          out.lo = fs.length ? fs.reduce((a, b) => (b < a ? b : a)) : NaN;
          out.hi = fs.length ? fs.reduce((a, b) => (b > a ? b : a)) : NaN;
          out.first = fs.length ? fs[0] : NaN;
          out.last = fs.length ? fs[fs.length - 1] : NaN;
          out.cf = fs.length;
          out.n = g.rows.length;
          out.sb = g.rows.reduce((a, r) => a + r.b, 0n);
          out.fc = g.rows.find((r) => r.c !== null)?.c ?? null;
          out.si = g.rows.reduce((a, r) => a + r.i, 0);
          return out;
        });
        const agg = () =>
          s.groupBy(keys).agg({
            sf: ['sum', 'f'],
            mf: ['mean', 'f'],
            lo: ['min', 'f'],
            hi: ['max', 'f'],
            first: ['first', 'f'],
            last: ['last', 'f'],
            cf: ['count', 'f'],
            n: ['count'],
            sb: ['sum', 'b'],
            fc: ['first', 'c'],
            si: ['sum', 'i'],
          });
        const sbOverflow = want.some((w) => (w.sb as bigint) >= 2n ** 63n || (w.sb as bigint) < -(2n ** 63n));
        if (sbOverflow) {
          expect(agg).toThrow(OverflowError);
          return;
        }
        const got = agg().toObjects() as Record<string, unknown>[];
        expect(got.length).toBe(want.length);
        for (let g = 0; g < want.length; g++) {
          const w = want[g]!;
          const r = got[g]!;
          for (const k of keys) expect(Object.is(r[k], -0) ? 0 : r[k]).toEqual(Object.is(w[k], -0) ? 0 : w[k]);
          for (const k of ['mf', 'sf']) {
            const a = r[k] as number;
            const b = w[k] as number;
            if (Number.isFinite(b) && Number.isFinite(a)) expect(a).toBeCloseTo(b, 6);
            else expect(a).toEqual(b);
          }
          for (const k of ['lo', 'hi', 'first', 'last', 'cf', 'n', 'sb', 'fc', 'si']) expect(r[k]).toEqual(w[k]);
        }
      }),
    );
  });

  test('select / head / take / copy = plain-array slicing and picking', () => {
    fc.assert(
      fc.property(fc.array(vrowArb, { maxLength: 40 }), fc.integer({ min: -50, max: 50 }), fc.array(fc.nat()), (rows, h, picks) => {
        const s = RecordStore.fromObjects(rows, VSCHEMA);
        expect(s.select(['c', 'i']).toObjects()).toEqual(rows.map((r) => ({ c: r.c, i: r.i })));
        expect(rowsOf(s.head(h))).toEqual(h >= 0 ? rows.slice(0, h) : rows.slice(0, Math.max(0, rows.length + h)));
        if (rows.length > 0) {
          const idx = picks.map((p) => p % rows.length);
          expect(rowsOf(s.take(idx))).toEqual(idx.map((i) => rows[i]));
        }
        expect(rowsOf(s.copy())).toEqual(rows);
      }),
    );
  });
});
