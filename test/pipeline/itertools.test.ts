/**
 * itertools vs Python 3.13's documented results, errors, laziness,
 * and early-exit closing, sync and async.
 */
import { describe, expect, test } from 'vitest';
import { accumulate, batched, chain, compress, count, dropwhile, enumerate, groupby, islice, pairwise, starmap, takewhile, tee, ValueError, zipLongest } from '../../src/index.js';
import { collect, errorOf, naturals, tracked, trackedAsync } from './_helpers.js';

function expectValueError(fn: () => unknown, pattern?: RegExp): void {
  const e = errorOf(fn);
  expect(e).toBeInstanceOf(ValueError);
  expect(e).toBeInstanceOf(RangeError);
  if (pattern) expect((e as Error).message).toMatch(pattern);
}
function expectTypeError(fn: () => unknown, pattern?: RegExp): void {
  const e = errorOf(fn);
  expect(e).toBeInstanceOf(TypeError);
  if (pattern) expect((e as Error).message).toMatch(pattern);
}

async function* agen<T>(xs: Iterable<T>): AsyncGenerator<T> {
  for (const x of xs) yield x;
}

describe('islice', () => {
  test('Python examples', () => {
    expect([...islice('ABCDEFG', 2)]).toEqual(['A', 'B']);
    expect([...islice('ABCDEFG', 2, 4)]).toEqual(['C', 'D']);
    expect([...islice('ABCDEFG', 2, null)]).toEqual(['C', 'D', 'E', 'F', 'G']);
    expect([...islice('ABCDEFG', 0, null, 2)]).toEqual(['A', 'C', 'E', 'G']);
    expect([...islice('ABCDEFG', null, null, 3)]).toEqual(['A', 'D', 'G']);
    expect([...islice([], 3)]).toEqual([]);
  });
  test('consumes exactly what CPython consumes', () => {
    let t = tracked([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...islice(t.it, 3)]).toEqual([0, 1, 2]);
    expect(t.it.next().value).toBe(3);
    t = tracked([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...islice(t.it, 2, 4)]).toEqual([2, 3]);
    expect(t.it.next().value).toBe(4);
    t = tracked([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...islice(t.it, 0, 5, 3)]).toEqual([0, 3]);
    expect(t.it.next().value).toBe(5);
    t = tracked([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([...islice(t.it, 5, 3)]).toEqual([]);
    expect(t.it.next().value).toBe(5);
    expect(t.log.closed).toBe(false);
  });
  test('is lazy: nothing is read until the first next()', () => {
    const t = tracked([1, 2, 3]);
    const s = islice(t.it, 2);
    expect(t.log.pulled).toBe(0);
    s.next();
    expect(t.log.pulled).toBe(1);
  });
  test('bad arguments fail eagerly', () => {
    expectValueError(() => islice([1], -1), /Stop argument for islice\(\)/);
    expectValueError(() => islice([1], 1.5), /Stop argument/);
    expectValueError(() => islice([1], -1, 2), /Indices for islice\(\)/);
    expectValueError(() => islice([1], 1, -2), /Stop argument/);
    expectValueError(() => islice([1], 0, 5, 0), /Step for islice\(\) must be a positive integer/);
    expectValueError(() => islice([1], 0, 5, -1), /Step/);
    expectTypeError(() => (islice as unknown as (x: unknown) => unknown)([1]), /at least 2 arguments/);
    expectTypeError(() => islice(5 as unknown as number[], 2), /not iterable/);
  });
  test('an early exit closes the source; reaching stop does not', () => {
    const t = tracked(naturals());
    for (const x of islice(t.it, 10)) if (x === 2) break;
    expect(t.log.closed).toBe(true);
    const u = tracked(naturals());
    expect([...islice(u.it, 2)]).toEqual([0, 1]);
    expect(u.log.closed).toBe(false);
  });
  test('async', async () => {
    expect(await collect(islice(agen('ABCDEFG'), 2, null, 2))).toEqual(['C', 'E', 'G']);
    const t = trackedAsync(naturals());
    for await (const x of islice(t.it, 10)) if (x === 1) break;
    expect(t.log.closed).toBe(true);
    expectValueError(() => islice(agen([1]), -1));
  });
});

describe('chain', () => {
  test('concatenates, and fromIterable reads lazily', () => {
    expect([...chain('ABC', 'DEF')]).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect([...chain()]).toEqual([]);
    expect([...chain.fromIterable(['ABC', 'DEF'])]).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect([...chain.fromIterable([[1], [], new Set([2, 3])])]).toEqual([1, 2, 3]);
  });
  test('non-iterables', () => {
    expectTypeError(() => chain([1], 1 as unknown as number[]), /argument 2/);
    const c = chain.fromIterable([[1], 2 as unknown as number[]]);
    expect(c.next().value).toBe(1);
    expectTypeError(() => c.next(), /not iterable/);
    expectTypeError(() => chain.fromIterable(3 as unknown as number[][]));
  });
  test('early exit closes the inner iterable being read', () => {
    const a = tracked([1, 2]);
    const b = tracked([3, 4, 5]);
    for (const x of chain(a.it, b.it)) if (x === 3) break;
    expect(a.log.finished).toBe(true);
    expect(b.log.closed).toBe(true);
  });
  test('async', async () => {
    expect(await collect(chain(agen([1, 2]), [3]))).toEqual([1, 2, 3]);
    expect(await collect(chain.fromIterable(agen([[1], agen([2, 3])])))).toEqual([1, 2, 3]);
    const b = trackedAsync([3, 4, 5]);
    for await (const x of chain([1], b.it)) if (x === 3) break;
    expect(b.log.closed).toBe(true);
  });
});

describe('batched', () => {
  test('Python examples', () => {
    expect([...batched('ABCDEFG', 3)]).toEqual([['A', 'B', 'C'], ['D', 'E', 'F'], ['G']]);
    expect([...batched('', 3)]).toEqual([]);
    expect([...batched([1, 2, 3, 4], 2, { strict: true })]).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
  test('n < 1 is an eager ValueError; a non-integer n a TypeError', () => {
    expectValueError(() => batched([1], 0), /n must be at least one/);
    expectValueError(() => batched([1], -3));
    expectTypeError(() => batched([1], 1.5), /integer/);
    expectTypeError(() => batched(null as unknown as number[], 2), /not iterable/);
  });
  test('strict raises lazily, at the short batch', () => {
    const b = batched('ABCDEFG', 3, { strict: true });
    expect(b.next().value).toEqual(['A', 'B', 'C']);
    expect(b.next().value).toEqual(['D', 'E', 'F']);
    expectValueError(() => b.next(), /batched\(\): incomplete batch/);
  });
  test('early exit closes; async', async () => {
    const t = tracked(naturals());
    for (const x of batched(t.it, 2)) if (x[0] === 4) break;
    expect(t.log.closed).toBe(true);
    expect(await collect(batched(agen('ABCDE'), 2))).toEqual([['A', 'B'], ['C', 'D'], ['E']]);
    const e = await collect(batched(agen('ABC'), 2, { strict: true })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ValueError);
    const u = trackedAsync(naturals());
    for await (const x of batched(u.it, 2)) if (x[0] === 2) break;
    expect(u.log.closed).toBe(true);
  });
});

describe('groupby', () => {
  test('Python examples', () => {
    const out: [string, string[]][] = [];
    for (const [k, g] of groupby('AAAABBBCCDAABBB')) out.push([k, [...g]]);
    expect(out.map((x) => x[0])).toEqual(['A', 'B', 'C', 'D', 'A', 'B']);
    expect(out.map((x) => x[1].join(''))).toEqual(['AAAA', 'BBB', 'CC', 'D', 'AA', 'BBB']);
    const byKey: [boolean, number[]][] = [];
    for (const [k, g] of groupby([1, 3, 2, 4, 5], (x) => x % 2 === 0)) byKey.push([k, [...g]]);
    expect(byKey).toEqual([
      [false, [1, 3]],
      [true, [2, 4]],
      [false, [5]],
    ]);
    expect([...groupby([])]).toEqual([]);
  });
  test('advancing the outer iterator empties earlier groups (shared iterator)', () => {
    const groups = [...groupby('AABB')];
    expect(groups.map(([k, g]) => [k, [...g]])).toEqual([
      ['A', []],
      ['B', []],
    ]);
    const it = groupby('AAB');
    const [, g1] = it.next().value as [string, IterableIterator<string>];
    expect(g1.next().value).toBe('A');
    it.next();
    expect([...g1]).toEqual([]);
  });
  test('NaN keys group together (SameValueZero)', () => {
    expect([...groupby([NaN, NaN, 1])].length).toBe(2);
  });
  test('errors and closing', () => {
    expectTypeError(() => groupby(1 as unknown as number[]));
    expectTypeError(() => groupby([1], 3 as unknown as (x: number) => number), /key must be a function/);
    const t = tracked(naturals());
    for (const [k] of groupby(t.it, (x) => Math.floor(x / 3))) if (k === 2) break;
    expect(t.log.closed).toBe(true);
    const u = tracked([1, 2, 3]);
    const it = groupby(u.it, (x) => {
      if (x === 2) throw new Error('boom');
      return x;
    });
    it.next();
    expect(() => it.next()).toThrow('boom');
    expect(u.log.closed).toBe(true);
  });
  test('async', async () => {
    const out: [string, string][] = [];
    for await (const [k, g] of groupby(agen('AABCC'))) out.push([k, (await collect(g)).join('')]);
    expect(out).toEqual([
      ['A', 'AA'],
      ['B', 'B'],
      ['C', 'CC'],
    ]);
    const t = trackedAsync(naturals());
    for await (const [k] of groupby(t.it, (x) => x >> 1)) if (k === 3) break;
    expect(t.log.closed).toBe(true);
  });
});

describe('accumulate', () => {
  test('Python examples', () => {
    expect([...accumulate([1, 2, 3, 4, 5])]).toEqual([1, 3, 6, 10, 15]);
    expect([...accumulate([1, 2, 3], undefined, { initial: 100 })]).toEqual([100, 101, 103, 106]);
    expect([...accumulate([], undefined, { initial: 100 })]).toEqual([100]);
    expect([...accumulate([])]).toEqual([]);
    expect([...accumulate([3, 4, 6, 2, 1, 9, 0, 7, 5, 8], Math.max)]).toEqual([3, 4, 6, 6, 6, 9, 9, 9, 9, 9]);
    expect([...accumulate(['a', 'b'])]).toEqual(['a', 'ab']);
    expect([...accumulate([1n, 2n])]).toEqual([1n, 3n]);
    expect([...accumulate([1, 2], (acc: string, x: number) => acc + x, { initial: '' })]).toEqual(['', '1', '12']);
  });
  test('mixed operands are a lazy TypeError, as Python', () => {
    const it = accumulate([1, 'a'] as unknown as number[]);
    expect(it.next().value).toBe(1);
    expectTypeError(() => it.next(), /unsupported operand type\(s\) for \+/);
    expectTypeError(() => accumulate([1], 5 as unknown as (a: number, b: number) => number));
  });
  test('async and closing', async () => {
    expect(await collect(accumulate(agen([1, 2, 3])))).toEqual([1, 3, 6]);
    const t = trackedAsync(naturals());
    for await (const x of accumulate(t.it)) if (x > 5) break;
    expect(t.log.closed).toBe(true);
  });
});

describe('takewhile / dropwhile', () => {
  test('Python examples; takewhile drops the first failing item', () => {
    expect([...takewhile((x: number) => x < 5, [1, 4, 6, 3, 8])]).toEqual([1, 4]);
    expect([...dropwhile((x: number) => x < 5, [1, 4, 6, 3, 8])]).toEqual([6, 3, 8]);
    const it = [1, 4, 6, 3, 8][Symbol.iterator]();
    expect([...takewhile((x: number) => x < 5, it)]).toEqual([1, 4]);
    expect([...it]).toEqual([3, 8]);
  });
  test('stopping on its own leaves the source open; dropwhile calls pred until it fails only', () => {
    const t = tracked([1, 9, 2]);
    expect([...takewhile((x: number) => x < 5, t.it)]).toEqual([1]);
    expect(t.log.closed).toBe(false);
    let calls = 0;
    expect([
      ...dropwhile(
        (x: number) => {
          calls++;
          return x < 5;
        },
        [1, 6, 2, 3],
      ),
    ]).toEqual([6, 2, 3]);
    expect(calls).toBe(2);
  });
  test('errors, closing, async', async () => {
    expectTypeError(() => takewhile(1 as unknown as () => boolean, [1]), /predicate/);
    expectTypeError(() => dropwhile(() => true, 1 as unknown as number[]));
    const t = tracked(naturals());
    for (const x of takewhile(() => true, t.it)) if (x === 3) break;
    expect(t.log.closed).toBe(true);
    const u = tracked(naturals());
    expect(() => [
      ...takewhile(() => {
        throw new Error('p');
      }, u.it),
    ]).toThrow('p');
    expect(u.log.closed).toBe(true);
    expect(await collect(takewhile((x: number) => x < 5, agen([1, 4, 6, 3])))).toEqual([1, 4]);
    expect(await collect(dropwhile((x: number) => x < 5, agen([1, 4, 6, 3])))).toEqual([6, 3]);
    const a = trackedAsync(naturals());
    for await (const x of dropwhile((v: number) => v < 3, a.it)) if (x === 5) break;
    expect(a.log.closed).toBe(true);
  });
});

describe('tee', () => {
  test('independent iterators', () => {
    const [a, b] = tee([1, 2, 3]);
    expect([...a!]).toEqual([1, 2, 3]);
    expect([...b!]).toEqual([1, 2, 3]);
    expect(tee([1], 0)).toEqual([]);
    expect(tee([1], 3)).toHaveLength(3);
  });
  test('interleaved reads share one pull per item', () => {
    const t = tracked([1, 2, 3]);
    const [a, b] = tee(t.it);
    expect(a!.next().value).toBe(1);
    expect(b!.next().value).toBe(1);
    expect(a!.next().value).toBe(2);
    expect(t.log.pulled).toBe(2);
  });
  test('advancing the source directly makes the tees skip (as Python)', () => {
    const it = [1, 2, 3][Symbol.iterator]();
    const [a] = tee(it, 1);
    it.next();
    expect([...a!]).toEqual([2, 3]);
  });
  test('errors', () => {
    expectValueError(() => tee([1], -1), /n must be >= 0/);
    expectTypeError(() => tee([1], 1.5));
    expectTypeError(() => tee(7 as unknown as number[]));
  });
  test('the source is closed once every tee is closed', () => {
    const t = tracked(naturals());
    const [a, b] = tee(t.it);
    for (const x of a!) if (x === 2) break;
    expect(t.log.closed).toBe(false);
    for (const x of b!) if (x === 0) break;
    expect(t.log.closed).toBe(true);
  });
  test('async tees: concurrent next() calls pull once per item', async () => {
    const t = trackedAsync([1, 2, 3]);
    const [a, b] = tee(t.it);
    const r = await Promise.all([a!.next(), b!.next(), a!.next()]);
    expect(r.map((x) => x.value)).toEqual([1, 1, 2]);
    expect(t.log.pulled).toBe(2);
    expect(await collect(b!)).toEqual([2, 3]);
    const u = trackedAsync(naturals());
    const [c, d] = tee(u.it);
    await c!.next();
    await c!.return!();
    await d!.return!();
    expect(u.log.closed).toBe(true);
  });
});

describe('zipLongest', () => {
  test('Python examples', () => {
    expect([...zipLongest('ABCD', 'xy', { fillvalue: '-' })]).toEqual([
      ['A', 'x'],
      ['B', 'y'],
      ['C', '-'],
      ['D', '-'],
    ]);
    expect([...zipLongest([1, 2], [3])]).toEqual([
      [1, 3],
      [2, undefined],
    ]);
    expect([...zipLongest()]).toEqual([]);
    expect([...zipLongest([], [])]).toEqual([]);
  });
  test('errors and closing', async () => {
    expectTypeError(() => zipLongest([1], 2 as unknown as number[]), /argument 2/);
    const a = tracked(naturals());
    const b = tracked([1]);
    for (const [x] of zipLongest(a.it, b.it)) if (x === 3) break;
    expect(a.log.closed).toBe(true);
    expect(b.log.finished).toBe(true);
    expect(await collect(zipLongest(agen([1, 2]), [3], { fillvalue: 0 }))).toEqual([
      [1, 3],
      [2, 0],
    ]);
  });
});

describe('pairwise, compress, starmap, count, enumerate', () => {
  test('pairwise', async () => {
    expect([...pairwise('ABCDEFG')].map((p) => p.join(''))).toEqual(['AB', 'BC', 'CD', 'DE', 'EF', 'FG']);
    expect([...pairwise([1])]).toEqual([]);
    expectTypeError(() => pairwise(1 as unknown as number[]));
    expect(await collect(pairwise(agen([1, 2, 3])))).toEqual([
      [1, 2],
      [2, 3],
    ]);
    const t = tracked(naturals());
    for (const [x] of pairwise(t.it)) if (x === 2) break;
    expect(t.log.closed).toBe(true);
  });
  test('compress', async () => {
    expect([...compress('ABCDEF', [1, 0, 1, 0, 1, 1])]).toEqual(['A', 'C', 'E', 'F']);
    expect([...compress('ABC', [1])]).toEqual(['A']);
    expect(await collect(compress(agen('ABC'), [0, 1, 1]))).toEqual(['B', 'C']);
    expectTypeError(() => compress('A', 1 as unknown as number[]), /selectors/);
  });
  test('starmap', async () => {
    expect([
      ...starmap(Math.pow, [
        [2, 5],
        [3, 2],
        [10, 3],
      ]),
    ]).toEqual([32, 9, 1000]);
    const s = starmap(Math.pow, [1 as unknown as [number, number]]);
    expectTypeError(() => s.next(), /not iterable/);
    expectTypeError(() => starmap(3 as unknown as () => number, []));
    expect(await collect(starmap((a: number, b: number) => a + b, agen([[1, 2] as [number, number]])))).toEqual([3]);
  });
  test('count', () => {
    expect([...islice(count(10), 3)]).toEqual([10, 11, 12]);
    expect([...islice(count(10, 2.5), 3)]).toEqual([10, 12.5, 15]);
    expect([...islice(count(), 2)]).toEqual([0, 1]);
    expect([...islice(count(5n, 2n), 2)]).toEqual([5n, 7n]);
    expect([...islice(count(5n), 2)]).toEqual([5n, 6n]);
    expectTypeError(() => count(1, 1n as unknown as number), /numbers or both bigints/);
  });
  test('enumerate', async () => {
    expect([...enumerate('ab')]).toEqual([
      [0, 'a'],
      [1, 'b'],
    ]);
    expect([...enumerate('ab', 5)]).toEqual([
      [5, 'a'],
      [6, 'b'],
    ]);
    expectTypeError(() => enumerate(1 as unknown as number[]), /not iterable/);
    expectTypeError(() => enumerate([1], 0.5));
    expect(await collect(enumerate(agen(['x'])))).toEqual([[0, 'x']]);
    const t = tracked(naturals());
    for (const [i] of enumerate(t.it)) if (i === 1) break;
    expect(t.log.closed).toBe(true);
  });
});
