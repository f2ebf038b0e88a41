/**
 * Property test: a Categorical behaves like a plain `(string | null)[]` plus a category list, under
 * random push / extend / set / removals / category edits / comparisons / valueCounts, including runs
 * whose categories cross the 127/128 code boundary (Int8 → Int16).
 */
import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import { Categorical } from '../../src/categorical.js';
import { ValueError } from '../../src/errors.js';

interface Model {
  values: (string | null)[];
  categories: string[];
  ordered: boolean;
}
interface Real {
  c: Categorical<string>;
  /** The other side of the last `take` (it shares the dictionary copy-on-write) and what it held then. */
  other?: { c: Categorical<string>; values: (string | null)[]; categories: string[] };
}
type Cmd = fc.Command<Model, Real>;

const value = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 299 }).map((i) => `v${i}`) }, { weight: 1, arbitrary: fc.constant(null) });

function expectedDType(k: number): string {
  return k <= 128 ? 'int8' : k <= 32768 ? 'int16' : 'int32';
}

/** Fast array equality (vitest's deep toEqual is slow on long arrays); falls back to toEqual for the diff. */
function same(got: ArrayLike<unknown>, want: ArrayLike<unknown>): void {
  let ok = got.length === want.length;
  for (let i = 0; ok && i < got.length; i++) ok = Object.is(got[i], want[i]);
  if (!ok) expect(Array.from(got)).toEqual(Array.from(want));
}

/** Largest category count seen in the current run (to prove runs cross 128). */
let peak = 0;

function check(m: Model, r: Real): void {
  const c = r.c;
  peak = Math.max(peak, m.categories.length);
  if (r.other !== undefined) {
    // Whatever this side did to its categories, the side it shares a dictionary with is unchanged.
    const o = r.other.c;
    same(o.toArray(), r.other.values);
    same(o.categories, r.other.categories);
    expect(o.categoryCount).toBe(r.other.categories.length);
    for (const v of m.categories) expect(o.codeOf(v)).toBe(r.other.categories.indexOf(v));
  }
  same(c.toArray(), m.values);
  same(c.categories, m.categories);
  expect(c.length).toBe(m.values.length);
  expect(c.ordered).toBe(m.ordered);
  expect(c.codesDType).toBe(expectedDType(m.categories.length));
  expect(c.length).toBeLessThanOrEqual(c.capacity);
  const pos = new Map(m.categories.map((v, i) => [v, i]));
  same(
    c.codes,
    m.values.map((v) => (v === null ? -1 : pos.get(v))),
  );
}

function throwsAndUnchanged(m: Model, r: Real, fn: () => void, cls: new (...a: never[]) => Error): void {
  expect(fn).toThrow(cls);
  check(m, r);
}

class Push implements Cmd {
  constructor(readonly v: string | null) {}
  check = () => true;
  run(m: Model, r: Real): void {
    r.c.push(this.v);
    m.values.push(this.v);
    if (this.v !== null && !m.categories.includes(this.v)) m.categories.push(this.v);
    check(m, r);
  }
  toString = () => `push(${this.v})`;
}

/** `take` of every row, in order; the run goes on with the copy (`keepCopy`) or the original, the other is watched. */
class TakeAll implements Cmd {
  constructor(readonly keepCopy: boolean) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const copy = r.c.take(m.values.map((_, i) => i));
    const [live, other] = this.keepCopy ? [copy, r.c] : [r.c, copy];
    r.c = live;
    r.other = { c: other, values: [...m.values], categories: [...m.categories] };
    check(m, r);
  }
  toString = () => `takeAll(${this.keepCopy ? 'copy' : 'original'})`;
}

class ExtendFresh implements Cmd {
  constructor(
    readonly start: number,
    readonly count: number,
    readonly poison: boolean,
  ) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const batch: (string | null)[] = [];
    for (let i = 0; i < this.count; i++) batch.push(i % 9 === 8 ? null : `w${this.start + i}`);
    if (this.poison) {
      throwsAndUnchanged(m, r, () => r.c.extend([...batch, 1 as unknown as string]), TypeError);
      expect(() => r.c.assertExtendable([...batch, 1])).toThrow(TypeError);
      return;
    }
    r.c.assertExtendable(batch);
    r.c.extend(batch);
    for (const v of batch) {
      m.values.push(v);
      if (v !== null && !m.categories.includes(v)) m.categories.push(v);
    }
    check(m, r);
  }
  toString = () => `extend(w${this.start}..+${this.count}${this.poison ? ', 1' : ''})`;
}

class SetAt implements Cmd {
  constructor(
    readonly i: number,
    readonly v: string | null,
  ) {}
  check = (m: Readonly<Model>) => m.values.length > 0;
  run(m: Model, r: Real): void {
    const i = this.i % m.values.length;
    if (this.v !== null && !m.categories.includes(this.v)) {
      throwsAndUnchanged(m, r, () => r.c.set(i, this.v), TypeError);
      return;
    }
    r.c.set(i, this.v);
    m.values[i] = this.v;
    check(m, r);
  }
  toString = () => `set(${this.i}, ${this.v})`;
}

class Remove implements Cmd {
  constructor(
    readonly i: number,
    readonly swap: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.values.length > 0;
  run(m: Model, r: Real): void {
    const n = m.values.length;
    const i = this.i % n;
    const got = this.swap ? r.c.swapRemoveAt(i) : r.c.removeAt(i);
    expect(got).toBe(m.values[i]);
    if (this.swap) {
      m.values[i] = m.values[n - 1]!;
      m.values.pop();
    } else m.values.splice(i, 1);
    check(m, r);
  }
  toString = () => `${this.swap ? 'swapRemoveAt' : 'removeAt'}(${this.i})`;
}

class AddCategories implements Cmd {
  constructor(readonly vs: string[]) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const unique = new Set(this.vs).size === this.vs.length;
    if (!unique || this.vs.some((v) => m.categories.includes(v))) {
      throwsAndUnchanged(m, r, () => r.c.addCategories(this.vs), ValueError);
      return;
    }
    r.c = r.c.addCategories(this.vs);
    m.categories.push(...this.vs);
    check(m, r);
  }
  toString = () => `addCategories(${this.vs.length})`;
}

class RemoveCategories implements Cmd {
  constructor(readonly vs: string[]) {}
  check = () => true;
  run(m: Model, r: Real): void {
    if (this.vs.some((v) => !m.categories.includes(v))) {
      throwsAndUnchanged(m, r, () => r.c.removeCategories(this.vs), ValueError);
      return;
    }
    const gone = new Set(this.vs);
    r.c = r.c.removeCategories(this.vs);
    m.categories = m.categories.filter((v) => !gone.has(v));
    m.values = m.values.map((v) => (v !== null && gone.has(v) ? null : v));
    check(m, r);
  }
  toString = () => `removeCategories(${this.vs.join(',')})`;
}

class Rename implements Cmd {
  constructor(readonly suffix: string) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const f = (v: string) => `${v}${this.suffix}`;
    r.c = r.c.renameCategories(m.categories.map(f));
    m.categories = m.categories.map(f);
    m.values = m.values.map((v) => (v === null ? null : f(v)));
    check(m, r);
  }
  toString = () => `renameCategories(+${this.suffix})`;
}

class Reorder implements Cmd {
  constructor(
    readonly seed: number,
    readonly ordered: boolean,
  ) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const perm = [...m.categories];
    let s = this.seed;
    for (let i = perm.length - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) >>> 0;
      const j = s % (i + 1);
      [perm[i], perm[j]] = [perm[j]!, perm[i]!];
    }
    r.c = r.c.reorderCategories(perm, { ordered: this.ordered });
    m.categories = perm;
    m.ordered = this.ordered;
    check(m, r);
  }
  toString = () => `reorderCategories(seed ${this.seed}, ordered ${this.ordered})`;
}

class SetCategories implements Cmd {
  constructor(
    readonly keepEvery: number,
    readonly extra: string[],
  ) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const next = [...m.categories.filter((_, i) => i % this.keepEvery === 0), ...this.extra.filter((v) => !m.categories.includes(v))];
    const unique = [...new Set(next)];
    r.c = r.c.setCategories(unique);
    m.categories = unique;
    m.values = m.values.map((v) => (v !== null && unique.includes(v) ? v : null));
    check(m, r);
  }
  toString = () => `setCategories(every ${this.keepEvery}, +${this.extra.join(',')})`;
}

class RemoveUnused implements Cmd {
  check = () => true;
  run(m: Model, r: Real): void {
    r.c = r.c.removeUnusedCategories();
    const used = new Set(m.values);
    m.categories = m.categories.filter((v) => used.has(v));
    check(m, r);
  }
  toString = () => 'removeUnusedCategories()';
}

class Observe implements Cmd {
  constructor(readonly v: string | null) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const c = r.c;
    // valueCounts: category order, zeros kept, null last when present
    const counts = new Map<string | null, number>(m.categories.map((k) => [k, 0]));
    let missing = 0;
    for (const v of m.values)
      if (v === null) missing++;
      else counts.set(v, counts.get(v)! + 1);
    expect([...c.valueCounts()]).toEqual([...counts]);
    if (missing > 0) counts.set(null, missing);
    expect([...c.valueCounts({ dropna: false })]).toEqual([...counts]);
    // eq / ne / isNA
    const v = this.v;
    same(
      c.eq(v),
      m.values.map((x) => (v !== null && x === v ? 1 : 0)),
    );
    same(
      c.ne(v),
      m.values.map((x) => (v !== null && x === v ? 0 : 1)),
    );
    same(
      c.isNA(),
      m.values.map((x) => (x === null ? 1 : 0)),
    );
    // ordering comparisons
    const pos = v === null ? -1 : m.categories.indexOf(v);
    if (!m.ordered) {
      expect(() => c.lt(v)).toThrow(TypeError);
      expect(() => c.min()).toThrow(TypeError);
    } else if (pos < 0) {
      expect(() => c.ge(v)).toThrow(TypeError);
    } else {
      const where = new Map(m.categories.map((x, i) => [x, i]));
      const at = (x: string | null) => (x === null ? -1 : where.get(x)!);
      same(
        c.lt(v),
        m.values.map((x) => (x !== null && at(x) < pos ? 1 : 0)),
      );
      same(
        c.le(v),
        m.values.map((x) => (x !== null && at(x) <= pos ? 1 : 0)),
      );
      same(
        c.gt(v),
        m.values.map((x) => (x !== null && at(x) > pos ? 1 : 0)),
      );
      same(
        c.ge(v),
        m.values.map((x) => (x !== null && at(x) >= pos ? 1 : 0)),
      );
      const present = m.values.filter((x): x is string => x !== null).map(at);
      expect(c.min()).toBe(present.length ? m.categories[Math.min(...present)] : null);
      expect(c.max()).toBe(present.length ? m.categories[Math.max(...present)] : null);
    }
    // unique, take, copy, equals
    same(c.unique().toArray(), [...new Set(m.values)]);
    const idx = m.values.map((_, i) => m.values.length - 1 - i);
    same(c.take(idx).toArray(), [...m.values].reverse());
    expect(c.copy().equals(c)).toBe(true);
  }
  toString = () => `observe(${this.v})`;
}

const names = fc.array(
  fc.integer({ min: 0, max: 400 }).map((i) => `v${i}`),
  { maxLength: 4 },
);

const extendFresh = fc.tuple(fc.nat(10_000), fc.integer({ min: 1, max: 90 }), fc.nat(3)).map(([s, n, p]) => new ExtendFresh(s, n, p === 0));

const commands = [
  value.map((v) => new Push(v)),
  extendFresh,
  extendFresh, // twice: runs should often cross 128 categories
  fc.tuple(fc.nat(), value).map(([i, v]) => new SetAt(i, v)),
  fc.tuple(fc.nat(), fc.boolean()).map(([i, s]) => new Remove(i, s)),
  names.map((vs) => new AddCategories(vs)),
  names.map((vs) => new RemoveCategories(vs)),
  fc.constantFrom('_', 'x').map((s) => new Rename(s)),
  fc.tuple(fc.nat(), fc.boolean()).map(([s, o]) => new Reorder(s, o)),
  fc.tuple(fc.integer({ min: 1, max: 3 }), names).map(([k, e]) => new SetCategories(k, e)),
  fc.constant(new RemoveUnused()),
  value.map((v) => new Observe(v)),
  fc.boolean().map((k) => new TakeAll(k)),
];

it('Categorical behaves like a (string | null)[] with a category list (from empty, from 60 and from 126 categories)', () => {
  let crossed = 0;
  let runs = 0;
  for (const pre of [0, 60, 126]) {
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 40 }), (cmds) => {
        const values = Array.from({ length: pre }, (_, i) => `p${i}`);
        peak = 0;
        fc.modelRun(
          () => ({ model: { values: [...values], categories: [...values], ordered: false }, real: { c: Categorical.from<string>(values, { categories: values }) } }),
          cmds,
        );
        runs++;
        if (peak > 128) crossed++;
      }),
      { numRuns: 40 },
    );
  }
  // the runs must actually exercise the Int8 -> Int16 widening
  expect(crossed).toBeGreaterThan(runs / 10);
});

test.prop([fc.integer({ min: 100, max: 200 }), fc.array(fc.nat(), { maxLength: 200 })], { numRuns: 30 })(
  'pushing 100..200 distinct values with repeats crosses 127/128 without losing any',
  (k, repeats) => {
    const c = Categorical.from<string>([]);
    const model: string[] = [];
    for (let i = 0; i < k; i++) {
      const extra = repeats[i] === undefined ? [] : [`k${repeats[i]! % (i + 1)}`];
      for (const v of [`k${i}`, ...extra]) {
        c.push(v);
        model.push(v);
      }
    }
    expect(c.toArray()).toEqual(model);
    expect(c.codesDType).toBe(expectedDType(k));
    const counts = new Map<string, number>();
    for (const v of model) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [key, n] of c.valueCounts()) expect(n).toBe(counts.get(key as string));
  },
);

test.prop([fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(null)))])('categorical(values) sorts numeric categories and round-trips', (xs) => {
  const c = Categorical.from(xs);
  expect(c.toArray()).toEqual(xs);
  const distinct = [...new Set(xs.filter((x): x is number => x !== null))].sort((a, b) => a - b);
  expect([...c.categories]).toEqual(distinct.map((x) => (x === 0 ? 0 : x)));
  expect(Categorical.fromCodes(Array.from(c.codes), c.categories).equals(c)).toBe(true);
});
