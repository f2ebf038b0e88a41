/**
 * Model-based tests: a Vector of every dtype against a plain `number[]` / `bigint[]` model, driven by
 * fast-check commands (seeded and replayable through the global config in test/_support/setup.ts).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DTYPES, DTYPE_NAMES, type DType } from '../../src/dtype.js';
import { Vector, vector } from '../../src/vector.js';

type El = number | bigint;
type Model = El[];
type Real = Vector<DType>;
type Cmd = fc.Command<Model, Real>;

/** Values each dtype can hold exactly, plus (for 64-bit dtypes) safe-integer numbers as inputs. */
function valueArb(d: DType): fc.Arbitrary<El> {
  const info = DTYPES[d];
  if (info.bigint) {
    const big = fc.bigInt({ min: info.min as bigint, max: info.max as bigint });
    const lo = Math.max(Number(info.min), Number.MIN_SAFE_INTEGER);
    return fc.oneof(big, fc.integer({ min: Math.max(lo, -(2 ** 31)), max: 2 ** 31 - 1 }), fc.constantFrom(0n, 1n, info.min as bigint, info.max as bigint));
  }
  if (d === 'float32') return fc.float();
  if (d === 'float64') return fc.oneof(fc.double(), fc.constantFrom(0, -0, NaN, 1, 0.5));
  return fc.oneof(fc.integer({ min: info.min as number, max: info.max as number }), fc.constantFrom(info.min as number, info.max as number, 0));
}

/** A value the dtype must reject (TypeError or OverflowError). */
function badArb(d: DType): fc.Arbitrary<unknown> {
  const info = DTYPES[d];
  if (info.bigint) return fc.constantFrom<unknown>((info.max as bigint) + 1n, (info.min as bigint) - 1n, 2 ** 60, 0.5, '1', true);
  if (!info.integer) return fc.constantFrom<unknown>('1', true, null, 1n, undefined);
  return fc.constantFrom<unknown>((info.max as number) + 1, (info.min as number) - 1, 1.5, NaN, '1', true);
}

/** What the dtype stores for an accepted input. */
function stored(d: DType, x: El): El {
  return DTYPES[d].bigint ? BigInt(x) : x;
}

/** Python's slice.indices + range, written independently of src/internal/bounds.ts. */
function pyIndices(len: number, start: number | undefined, stop: number | undefined, step: number | undefined): number[] {
  const st = step ?? 1;
  const lower = st < 0 ? -1 : 0;
  const upper = st < 0 ? len - 1 : len;
  const adj = (x: number | undefined, dflt: number): number => (x === undefined ? dflt : x < 0 ? Math.max(x + len, lower) : Math.min(x, upper));
  const s = adj(start, st < 0 ? upper : lower);
  const e = adj(stop, st < 0 ? lower : upper);
  const out: number[] = [];
  if (st > 0) for (let i = s; i < e; i += st) out.push(i);
  else for (let i = s; i > e; i += st) out.push(i);
  return out;
}

function same(model: Model, real: Real): void {
  expect(real.toArray()).toEqual(model);
  expect(real.length).toBe(model.length);
  expect(real.length).toBeLessThanOrEqual(real.capacity);
  expect(real.nbytes).toBe(model.length * real.itemsize);
}

function pyEq(a: El, b: El): boolean {
  // eslint-disable-next-line eqeqeq
  return a == b; // loose: bigint vs number by value, NaN never equal
}

function commandsFor(d: DType): fc.Arbitrary<Cmd>[] {
  const v = valueArb(d);
  const idx = fc.integer({ min: -12, max: 12 });
  const bound = fc.option(fc.integer({ min: -12, max: 12 }), { nil: undefined });
  const step = fc.option(
    fc.integer({ min: -4, max: 4 }).filter((x) => x !== 0),
    { nil: undefined },
  );
  const values = fc.array(v, { maxLength: 8 });
  const source = fc.constantFrom<'array' | 'typed' | 'vector' | 'iterable'>('array', 'typed', 'vector', 'iterable');
  const toSource = (xs: El[], kind: string): unknown => {
    const ys = xs.map((x) => stored(d, x));
    if (kind === 'typed') return new DTYPES[d].ctor(ys.length).map((_, i) => ys[i] as never);
    if (kind === 'vector') return vector(d, ys as never);
    if (kind === 'iterable') {
      return (function* () {
        yield* ys; // a generator: unknown length (a Set would fold -0 into 0)
      })();
    }
    return xs;
  };
  const cmd = (name: string, check: (m: Model) => boolean, run: (m: Model, r: Real) => void): Cmd => ({
    check,
    run: (m, r) => {
      run(m, r);
      same(m, r);
    },
    toString: () => name,
  });
  const always = (): boolean => true;
  return [
    v.map((x) =>
      cmd(`push(${String(x)})`, always, (m, r) => {
        expect(r.push(x as never)).toBe(m.push(stored(d, x)));
      }),
    ),
    badArb(d).map((x) =>
      cmd(`pushBad(${String(x)})`, always, (_m, r) => {
        expect(() => r.push(x as never)).toThrow();
      }),
    ),
    idx.map((i) =>
      cmd(`pop(${i})`, always, (m, r) => {
        const j = i < 0 ? i + m.length : i;
        if (j < 0 || j >= m.length) expect(() => r.pop(i)).toThrow(RangeError);
        else expect(r.pop(i)).toEqual(m.splice(j, 1)[0]);
      }),
    ),
    fc.tuple(idx, v).map(([i, x]) =>
      cmd(`insert(${i}, ${String(x)})`, always, (m, r) => {
        r.insert(i, x as never);
        let j = i < 0 ? i + m.length : i;
        j = Math.max(0, Math.min(j, m.length));
        m.splice(j, 0, stored(d, x));
      }),
    ),
    fc.tuple(idx, v).map(([i, x]) =>
      cmd(`set(${i}, ${String(x)})`, always, (m, r) => {
        const j = i < 0 ? i + m.length : i;
        if (j < 0 || j >= m.length) expect(() => r.set(i, x as never)).toThrow(RangeError);
        else {
          r.set(i, x as never);
          m[j] = stored(d, x);
        }
      }),
    ),
    fc.tuple(v, fc.nat()).map(([x, k]) =>
      cmd(`remove(${String(x)} | existing #${k})`, always, (m, r) => {
        const target = m.length > 0 && k % 2 === 0 ? m[k % m.length]! : stored(d, x);
        const j = m.findIndex((y) => pyEq(y, target));
        expect(r.indexOf(target)).toBe(j);
        expect(r.count(target)).toBe(m.filter((y) => pyEq(y, target)).length);
        expect(r.includes(target)).toBe(j >= 0);
        if (j < 0) expect(() => r.remove(target)).toThrow(RangeError);
        else {
          r.remove(target);
          m.splice(j, 1);
        }
      }),
    ),
    fc.tuple(values, source).map(([xs, kind]) =>
      cmd(`extend(${kind} [${xs.map(String).join(', ')}])`, always, (m, r) => {
        r.extend(toSource(xs, kind) as never);
        for (const x of xs) m.push(stored(d, x));
      }),
    ),
    fc.tuple(values, badArb(d), fc.nat()).map(([xs, bad, k]) =>
      cmd(`extendBad([${xs.map(String).join(', ')}] + ${String(bad)})`, always, (_m, r) => {
        const ys: unknown[] = [...xs];
        ys.splice(k % (ys.length + 1), 0, bad);
        const cap = r.capacity;
        expect(() => r.extend(ys as never)).toThrow();
        expect(r.capacity).toBe(cap);
      }),
    ),
    fc.constant(
      cmd('reverse()', always, (m, r) => {
        r.reverse();
        m.reverse();
      }),
    ),
    fc.constant(
      cmd('clear()', always, (m, r) => {
        r.clear();
        m.length = 0;
      }),
    ),
    fc.tuple(bound, bound, step).map(([a, b, s]) =>
      cmd(`slice(${a}, ${b}, ${s})`, always, (m, r) => {
        const got = r.slice(a, b, s);
        expect(got.dtype).toBe(d);
        expect(got.toArray()).toEqual(pyIndices(m.length, a, b, s).map((i) => m[i]));
      }),
    ),
    fc.tuple(bound, bound, step, values, source).map(([a, b, s, xs, kind]) =>
      cmd(`setSlice(${a}, ${b}, ${s}, ${kind} [${xs.map(String).join(', ')}])`, always, (m, r) => {
        const ys = xs.map((x) => stored(d, x));
        const src = toSource(xs, kind);
        if ((s ?? 1) === 1) {
          const idxs = pyIndices(m.length, a, b, 1);
          const lower = 0;
          const st = a === undefined ? lower : a < 0 ? Math.max(a + m.length, 0) : Math.min(a, m.length);
          r.setSlice(a, b, s, src as never);
          m.splice(idxs.length > 0 ? idxs[0]! : st, idxs.length, ...ys);
        } else {
          const idxs = pyIndices(m.length, a, b, s);
          if (ys.length === 0) {
            // CPython's array: an empty right-hand side deletes the extended slice
            r.setSlice(a, b, s, src as never);
            const gone = new Set(idxs);
            const kept = m.filter((_, i) => !gone.has(i));
            m.length = 0;
            m.push(...kept);
          } else if (idxs.length !== ys.length) expect(() => r.setSlice(a, b, s, src as never)).toThrow(RangeError);
          else {
            r.setSlice(a, b, s, src as never);
            idxs.forEach((i, k) => (m[i] = ys[k]!));
          }
        }
      }),
    ),
    fc.tuple(bound, bound, step).map(([a, b, s]) =>
      cmd(`setSlice(${a}, ${b}, ${s}, self)`, always, (m, r) => {
        const idxs = pyIndices(m.length, a, b, s);
        const copy = m.slice();
        if ((s ?? 1) === 1) {
          const st = a === undefined ? 0 : a < 0 ? Math.max(a + m.length, 0) : Math.min(a, m.length);
          r.setSlice(a, b, s, r);
          m.splice(idxs.length > 0 ? idxs[0]! : st, idxs.length, ...copy);
        } else if (m.length === 0)
          r.setSlice(a, b, s, r); // empty: nothing selected, nothing assigned
        else if (idxs.length !== m.length) expect(() => r.setSlice(a, b, s, r)).toThrow(RangeError);
        else {
          r.setSlice(a, b, s, r);
          idxs.forEach((i, k) => (m[i] = copy[k]!));
        }
      }),
    ),
    fc.tuple(bound, bound, step).map(([a, b, s]) =>
      cmd(`deleteSlice(${a}, ${b}, ${s})`, always, (m, r) => {
        const gone = new Set(pyIndices(m.length, a, b, s));
        r.deleteSlice(a, b, s);
        const kept = m.filter((_, i) => !gone.has(i));
        m.length = 0;
        m.push(...kept);
      }),
    ),
    fc.constant(
      cmd('aggregates', always, (m, r) => {
        if (m.length === 0) {
          expect(() => r.min()).toThrow(RangeError);
          return;
        }
        let lo = m[0]!;
        let hi = m[0]!;
        for (const x of m) {
          if (x < lo) lo = x;
          if (x > hi) hi = x;
        }
        expect(r.min()).toEqual(lo);
        expect(r.max()).toEqual(hi);
        const s = r.sum();
        if (typeof s === 'bigint') expect(s).toBe((m as bigint[]).reduce((p, x) => p + x, 0n));
        else {
          const seq = (m as number[]).reduce((p, x) => p + x, 0);
          if (Number.isFinite(seq)) {
            const scale = (m as number[]).reduce((p, x) => p + Math.abs(x), 0);
            expect(Math.abs(s - seq)).toBeLessThanOrEqual(scale * 1e-12 + 1e-300);
          } else expect(Number.isFinite(s)).toBe(false);
        }
      }),
    ),
    fc.constant(
      cmd('bytes round trip', always, (m, r) => {
        expect(Vector.fromBytes(d, r.toBytes()).toArray()).toEqual(m);
        expect(r.equals(vector(d, m as never))).toBe(!m.some((x) => typeof x === 'number' && Number.isNaN(x)));
      }),
    ),
  ];
}

describe.each(DTYPE_NAMES)('Vector<%s> behaves like a plain array', (d) => {
  test('fc.commands model run', () => {
    fc.assert(
      fc.property(fc.commands(commandsFor(d), { maxCommands: 60 }), fc.integer({ min: 0, max: 20 }), (cmds, cap) => {
        fc.modelRun(() => ({ model: [] as Model, real: vector(d, undefined, { capacity: cap }) as Real }), cmds);
      }),
    );
  });
});

test('float sums agree with a sequential sum within rounding', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 200 }), (xs) => {
      const seq = xs.reduce((p, x) => p + x, 0);
      const scale = xs.reduce((p, x) => p + Math.abs(x), 0);
      expect(Math.abs(vector('float64', xs).sum() - seq)).toBeLessThanOrEqual(scale * 1e-13);
    }),
  );
});
