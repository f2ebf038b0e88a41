/** Pipeline stages, sinks, sources, errors, and early exit. */
import { describe, expect, test } from 'vitest';
import { AsyncPipeline, Pipeline, pipeline, ValueError } from '../../src/index.js';
import { Categorical, categorical } from '../../src/categorical.js';
import { OverflowError } from '../../src/errors.js';
import { vector } from '../../src/vector.js';
import { errorOf, naturals, rejectionOf, tracked, trackedAsync } from './_helpers.js';

async function* agen<T>(xs: Iterable<T>): AsyncGenerator<T> {
  for (const x of xs) yield x;
}

describe('lazy stages', () => {
  const xs = [5, 1, 8, 3, 9, 2];
  test('map, filter, tap', () => {
    const seen: number[] = [];
    expect(
      pipeline(xs, { chunkSize: 4 })
        .tap((x) => seen.push(x))
        .filter((x) => x > 2)
        .map((x) => x * 10)
        .toArray(),
    ).toEqual([50, 80, 30, 90]);
    expect(seen).toEqual(xs);
  });
  test('map to non-numbers mid-chunk switches to the generic path without calling callbacks twice', () => {
    let calls = 0;
    const out = pipeline(Float64Array.of(1, 2, 3, 4, 5), { chunkSize: 2 })
      .map((x) => {
        calls++;
        return x === 3 ? 'three' : x;
      })
      .map((x) => (typeof x === 'number' ? x * 2 : x))
      .toArray();
    expect(out).toEqual([2, 4, 'three', 8, 10]);
    expect(calls).toBe(5);
    expect(
      pipeline(Int32Array.of(1, 2, 3))
        .map((x) => BigInt(x))
        .sum(),
    ).toBe(6n);
  });
  test('take and drop (ranges of chunks), takeWhile and dropWhile', () => {
    const p = pipeline(xs, { chunkSize: 4 });
    expect(p.take(3).toArray()).toEqual([5, 1, 8]);
    expect(p.take(0).toArray()).toEqual([]);
    expect(p.take(100).toArray()).toEqual(xs);
    expect(p.drop(2).toArray()).toEqual([8, 3, 9, 2]);
    expect(p.drop(2).take(2).toArray()).toEqual([8, 3]);
    expect(p.takeWhile((x) => x !== 9).toArray()).toEqual([5, 1, 8, 3]);
    expect(p.dropWhile((x) => x !== 9).toArray()).toEqual([9, 2]);
    expect(p.dropWhile(() => true).toArray()).toEqual([]);
  });
  test('batch and chunks', () => {
    expect(pipeline(xs).batch(4).toArray()).toEqual([
      [5, 1, 8, 3],
      [9, 2],
    ]);
    const t = Int32Array.of(1, 2, 3, 4, 5);
    const views = pipeline(t, { chunkSize: 2 }).chunks().toArray();
    expect(views.map((c) => Array.from(c))).toEqual([[1, 2], [3, 4], [5]]);
    expect(views[0]).toBeInstanceOf(Int32Array);
    expect((views[0] as ArrayBufferView).buffer).toBe(t.buffer); // zero-copy views of the source
    const computed = pipeline(t, { chunkSize: 2 })
      .map((x) => x + 1)
      .chunks(3)
      .toArray();
    expect(computed.map((c) => Array.from(c))).toEqual([
      [2, 3, 4],
      [5, 6],
    ]);
    expect((computed[0] as ArrayBufferView).buffer).not.toBe((computed[1] as ArrayBufferView).buffer); // safe to keep
    expect(pipeline(['a', 'b', 'c']).chunks(2).toArray()).toEqual([['a', 'b'], ['c']]);
    expect((pipeline(t).take(2).chunks(2).toArray()[0] as ArrayBufferView).buffer).toBe(t.buffer);
  });
  test('flatMap: arrays as chunks, other iterables item by item', () => {
    expect(
      pipeline([[1, 2], [], [3]])
        .flatMap((x) => x)
        .toArray(),
    ).toEqual([1, 2, 3]);
    expect(
      pipeline(['ab', 'c'])
        .flatMap((s) => s)
        .toArray(),
    ).toEqual(['a', 'b', 'c']);
    expect(
      pipeline([2, 3])
        .flatMap((n) => Float64Array.from({ length: n }, (_, i) => i))
        .sum(),
    ).toBe(4);
    const inner = tracked([1, 2, 3]);
    expect(
      pipeline([0])
        .flatMap(() => inner.it)
        .take(1)
        .toArray(),
    ).toEqual([1]);
    expect(inner.log.closed).toBe(true);
    expect(
      errorOf(() =>
        pipeline([1])
          .flatMap(() => 5 as unknown as number[])
          .toArray(),
      ),
    ).toBeInstanceOf(TypeError);
  });
  test('stages are immutable: each call returns a new pipeline', () => {
    const p = pipeline([1, 2, 3]);
    const q = p.map((x) => x * 2);
    expect(p.toArray()).toEqual([1, 2, 3]);
    expect(q.toArray()).toEqual([2, 4, 6]);
    expect(q).toBeInstanceOf(Pipeline);
  });
  test('bad arguments fail eagerly', () => {
    const p = pipeline([1]);
    expect(errorOf(() => p.map(1 as unknown as () => number))).toBeInstanceOf(TypeError);
    expect(errorOf(() => p.filter(null as unknown as () => boolean))).toBeInstanceOf(TypeError);
    expect(errorOf(() => p.take(-1))).toBeInstanceOf(ValueError);
    expect(errorOf(() => p.drop(-1))).toBeInstanceOf(RangeError);
    expect(errorOf(() => p.take(1.5))).toBeInstanceOf(TypeError);
    expect(errorOf(() => p.batch(0))).toBeInstanceOf(ValueError);
    expect(errorOf(() => p.chunks(0))).toBeInstanceOf(ValueError);
    for (const c of [0, -1, 1.5, '3']) {
      const e = errorOf(() => pipeline([1], { chunkSize: c as number }));
      expect(e).toBeInstanceOf(ValueError);
      expect((e as Error).message).toMatch(/'chunkSize' must be an integer >= 1/);
    }
    expect(errorOf(() => pipeline(5 as unknown as number[]))).toBeInstanceOf(TypeError);
  });
});

describe('sinks', () => {
  test('sum, count, min, max, mean, reduce, first, forEach, valueCounts', () => {
    const p = pipeline(Float64Array.of(3, 1, 2), { chunkSize: 2 });
    expect(p.sum()).toBe(6);
    expect(p.count()).toBe(3);
    expect(p.min()).toBe(1);
    expect(p.max()).toBe(3);
    expect(p.mean()).toBe(2);
    expect(p.reduce((a, b) => a * b)).toBe(6);
    expect(p.reduce((a, b) => a + String(b), '')).toBe('312');
    expect(p.first()).toBe(3);
    const seen: number[] = [];
    p.forEach((x) => seen.push(x));
    expect(seen).toEqual([3, 1, 2]);
    expect(pipeline(['a', 'b', 'a', 'c', 'b', 'a']).valueCounts()).toEqual(
      new Map([
        ['a', 3],
        ['b', 2],
        ['c', 1],
      ]),
    );
    expect([...pipeline([1, 2, 2, 1, 3]).valueCounts().keys()]).toEqual([1, 2, 3]);
    expect(pipeline([NaN, NaN]).valueCounts().get(NaN)).toBe(2);
  });
  test('empty pipelines', () => {
    const p = pipeline<number>([]);
    expect(p.sum()).toBe(0);
    expect(p.count()).toBe(0);
    expect(p.first()).toBeUndefined();
    expect(p.reduce((a, b) => a + b, 7)).toBe(7);
    const eMin = errorOf(() => p.min());
    expect(eMin).toBeInstanceOf(ValueError);
    expect((eMin as Error).message).toMatch(/empty sequence/);
    expect(errorOf(() => p.max())).toBeInstanceOf(RangeError);
    expect(errorOf(() => p.mean())).toBeInstanceOf(ValueError);
    expect(errorOf(() => p.reduce((a, b) => a + b))).toBeInstanceOf(TypeError);
  });
  test('Python min/max rules: the first of equals, NaN order-dependent, strings, type errors', () => {
    expect(pipeline([NaN, 1]).min()).toBeNaN();
    expect(pipeline([1, NaN]).min()).toBe(1);
    expect(pipeline(['b', 'a', 'c']).min()).toBe('a');
    expect(pipeline([1n, 5, 2n]).max()).toBe(5);
    expect(errorOf(() => pipeline([1, 'a'] as unknown[]).min())).toBeInstanceOf(TypeError);
    expect(pipeline(['x', 'y']).max()).toBe('y');
  });
  test('sum follows Python: numbers or bigints, left to right; strings are a TypeError', () => {
    expect(pipeline([0.1, 0.2, 0.3]).sum()).toBe(0.1 + 0.2 + 0.3);
    expect(pipeline(BigInt64Array.of(1n, 2n, 3n)).sum()).toBe(6n);
    expect(errorOf(() => (pipeline(['a']) as unknown as Pipeline<number>).sum())).toBeInstanceOf(TypeError);
    expect(errorOf(() => pipeline([1, 2n] as unknown as number[]).sum())).toBeInstanceOf(TypeError);
    expect(pipeline(BigInt64Array.of(4n, 6n)).mean()).toBe(5);
  });
  test('toVector validates against the dtype', () => {
    const v = pipeline(Int16Array.of(1, 2, 3))
      .map((x) => x * 100)
      .toVector('int32');
    expect(v.dtype).toBe('int32');
    expect(Array.from(v.array)).toEqual([100, 200, 300]);
    expect(pipeline([1, 2]).toVector('b').dtype).toBe('int8');
    expect(errorOf(() => pipeline([1, 200]).toVector('int8'))).toBeInstanceOf(OverflowError);
    expect(errorOf(() => pipeline(Float64Array.of(1.5)).toVector('int8'))).toBeInstanceOf(TypeError);
    expect(Array.from(pipeline(naturals()).take(3).toVector('uint8').array)).toEqual([0, 1, 2]);
  });
});

describe('sources', () => {
  test('Vector: zero-copy chunks over its live elements', () => {
    const v = vector('float64', [0.2, 0.7, 0.9]);
    expect(
      pipeline(v)
        .filter((x) => x > 0.5)
        .map((x) => x * 2)
        .sum(),
    ).toBeCloseTo(3.2);
    const chunks = pipeline(v, { chunkSize: 2 }).chunks().toArray();
    expect((chunks[0] as ArrayBufferView).buffer).toBe(v.array.buffer);
    expect(pipeline(vector('int64', [1n, 2n])).sum()).toBe(2n + 1n);
  });
  test('Categorical: values (null for missing)', () => {
    const c = categorical(['a', 'b', null, 'a']);
    expect(c).toBeInstanceOf(Categorical);
    expect(pipeline(c, { chunkSize: 3 }).toArray()).toEqual(['a', 'b', null, 'a']);
    expect(pipeline(c).valueCounts()).toEqual(
      new Map<string | null, number>([
        ['a', 2],
        ['b', 1],
        [null, 1],
      ]),
    );
  });
  test('Categorical valueCounts through codes matches the generic count', () => {
    const values = Array.from({ length: 500 }, (_, i) => (i % 7 === 0 ? null : `v${(i * 31) % 11}`));
    const c = categorical(values);
    const fast = pipeline(c).valueCounts();
    const generic = pipeline(c)
      .map((x) => x)
      .valueCounts();
    expect([...fast]).toEqual([...generic]);
    expect([...fast]).toEqual([...pipeline(values).valueCounts()]);
  });
  test('iterables are read one item at a time, never ahead', () => {
    const t = tracked(naturals());
    const it = pipeline(t.it)
      .map((x) => x * 2)
      [Symbol.iterator]();
    expect(it.next().value).toBe(0);
    expect(t.log.pulled).toBe(1);
    expect(it.next().value).toBe(2);
    expect(t.log.pulled).toBe(2);
    it.return!();
    expect(t.log.closed).toBe(true);
    expect(pipeline(new Set([1, 2])).toArray()).toEqual([1, 2]);
    expect(pipeline('ab').toArray()).toEqual(['a', 'b']);
  });
  test('async iterables give an AsyncPipeline', async () => {
    const p = pipeline(agen([1, 2, 3, 4]));
    expect(p).toBeInstanceOf(AsyncPipeline);
    expect(
      await p
        .filter((x) => x % 2 === 0)
        .map((x) => x * 10)
        .toArray(),
    ).toEqual([20, 40]);
    expect(await pipeline(agen([1, 2, 3])).sum()).toBe(6);
    expect(await pipeline(agen([3, 1])).min()).toBe(1);
    expect(await pipeline(agen([3, 1])).max()).toBe(3);
    expect(await pipeline(agen([3, 1])).mean()).toBe(2);
    expect(await pipeline(agen([3, 1])).count()).toBe(2);
    expect(await pipeline(agen([3, 1])).first()).toBe(3);
    expect(await pipeline(agen([3, 1])).reduce((a, b) => a - b)).toBe(2);
    expect(await pipeline(agen(['a', 'a'])).valueCounts()).toEqual(new Map([['a', 2]]));
    expect(Array.from((await pipeline(agen([1, 2])).toVector('uint8')).array)).toEqual([1, 2]);
    expect(
      await pipeline(agen([1, 2, 3]))
        .batch(2)
        .toArray(),
    ).toEqual([[1, 2], [3]]);
    expect(
      (
        await pipeline(agen([1, 2, 3]))
          .chunks(2)
          .toArray()
      ).map((c) => Array.from(c)),
    ).toEqual([[1, 2], [3]]);
    expect(
      await pipeline(agen([[1], [2]]))
        .flatMap((x) => x)
        .drop(1)
        .toArray(),
    ).toEqual([2]);
    expect(
      await pipeline(agen([1, 2, 3]))
        .takeWhile((x) => x < 3)
        .dropWhile((x) => x < 2)
        .toArray(),
    ).toEqual([2]);
    const seen: number[] = [];
    await pipeline(agen([1, 2]))
      .tap((x) => seen.push(x))
      .forEach((x) => seen.push(-x));
    expect(seen).toEqual([1, -1, 2, -2]);
    const out: number[] = [];
    for await (const x of pipeline(agen([1, 2]))) out.push(x);
    expect(out).toEqual([1, 2]);
    expect(await rejectionOf(pipeline(agen<number>([])).min())).toBeInstanceOf(ValueError);
  });
  test('web ReadableStream', async () => {
    const rs = new ReadableStream<number>({
      start(c) {
        c.enqueue(1);
        c.enqueue(2);
        c.close();
      },
    });
    expect(await pipeline(rs).sum()).toBe(3);
    let cancelled = false;
    let i = 0;
    const endless = new ReadableStream<number>({
      pull(c) {
        c.enqueue(i++);
      },
      cancel() {
        cancelled = true;
      },
    });
    expect(await pipeline(endless).take(3).toArray()).toEqual([0, 1, 2]);
    expect(cancelled).toBe(true);
  });
  test('a sync pipeline is async-iterable too', async () => {
    const out: number[] = [];
    for await (const x of pipeline([1, 2])) out.push(x);
    expect(out).toEqual([1, 2]);
  });
});

describe('early exit closes the source', () => {
  test('take, takeWhile, first, break, and a throwing callback', () => {
    for (const run of [
      (p: Pipeline<number>) => p.take(2).toArray(),
      (p: Pipeline<number>) => p.takeWhile((x) => x < 3).toArray(),
      (p: Pipeline<number>) => p.first(),
      (p: Pipeline<number>) => {
        for (const x of p) if (x === 1) break;
      },
    ]) {
      const t = tracked(naturals());
      run(pipeline(t.it));
      expect(t.log.closed).toBe(true);
    }
    const t = tracked(naturals());
    expect(() =>
      pipeline(t.it)
        .map((x) => {
          if (x === 2) throw new Error('boom');
          return x;
        })
        .sum(),
    ).toThrow('boom');
    expect(t.log.closed).toBe(true);
  });
  test('take(0) never reads the source', () => {
    const t = tracked([1, 2]);
    expect(pipeline(t.it).take(0).toArray()).toEqual([]);
    expect(t.log.pulled).toBe(0);
  });
  test('async: take, first, break, throwing callback', async () => {
    for (const run of [
      (p: AsyncPipeline<number>) => p.take(2).toArray(),
      (p: AsyncPipeline<number>) => p.first(),
      async (p: AsyncPipeline<number>) => {
        for await (const x of p) if (x === 1) break;
      },
      (p: AsyncPipeline<number>) =>
        p
          .map((x) => {
            if (x === 1) throw new Error('boom');
            return x;
          })
          .toArray()
          .catch(() => undefined),
    ]) {
      const t = trackedAsync(naturals());
      await run(pipeline(t.it));
      expect(t.log.closed).toBe(true);
    }
  });
});
