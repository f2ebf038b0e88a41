import { expectTypeOf, test } from 'vitest';
import { AsyncPipeline, batched, chain, groupby, islice, Pipeline, pipeline, readCsv, tee, zipLongest, type CsvReader, type CsvTextReader } from '../../src/index.js';
import { categorical } from '../../src/categorical.js';
import { recordStore } from '../../src/record-store.js';
import { vector } from '../../src/vector.js';

declare const ai: AsyncIterable<string>;

test('itertools: sync in, sync out; async in, async out', () => {
  expectTypeOf(islice([1, 2], 1)).toEqualTypeOf<IterableIterator<number>>();
  expectTypeOf(islice(ai, 0, 2)).toEqualTypeOf<AsyncIterableIterator<string>>();
  expectTypeOf(batched('abc', 2)).toEqualTypeOf<IterableIterator<string[]>>();
  expectTypeOf(batched(ai, 2)).toEqualTypeOf<AsyncIterableIterator<string[]>>();
  expectTypeOf(chain([1], [2])).toEqualTypeOf<IterableIterator<number>>();
  expectTypeOf(groupby([1, 2], (x) => x > 1)).toEqualTypeOf<IterableIterator<[boolean, IterableIterator<number>]>>();
  expectTypeOf(tee([1])).toEqualTypeOf<IterableIterator<number>[]>();
  expectTypeOf(zipLongest([1], ['a'])).toEqualTypeOf<IterableIterator<[number | undefined, string | undefined]>>();
  expectTypeOf(zipLongest([1], ['a'], { fillvalue: 0 })).toEqualTypeOf<IterableIterator<[number, string | number]>>();
});

test('pipeline element types follow the source and the stages', () => {
  expectTypeOf(pipeline(new Float64Array(1))).toEqualTypeOf<Pipeline<number>>();
  expectTypeOf(pipeline(new BigInt64Array(1))).toEqualTypeOf<Pipeline<bigint>>();
  expectTypeOf(pipeline(vector('float32'))).toEqualTypeOf<Pipeline<number>>();
  expectTypeOf(pipeline(vector('q'))).toEqualTypeOf<Pipeline<bigint>>();
  expectTypeOf(pipeline(categorical(['a']))).toEqualTypeOf<Pipeline<string | null>>();
  expectTypeOf(pipeline(ai)).toEqualTypeOf<AsyncPipeline<string>>();
  const p = pipeline([1, 'a'] as (number | string)[]);
  expectTypeOf(p.filter((x): x is number => typeof x === 'number')).toEqualTypeOf<Pipeline<number>>();
  expectTypeOf(pipeline([1]).map(String)).toEqualTypeOf<Pipeline<string>>();
  expectTypeOf(pipeline([1]).sum()).toEqualTypeOf<number>();
  expectTypeOf(pipeline([1n]).sum()).toEqualTypeOf<bigint>();
  expectTypeOf(pipeline(ai).count()).toEqualTypeOf<Promise<number>>();
  expectTypeOf(pipeline([1]).batch(2)).toEqualTypeOf<Pipeline<number[]>>();
  expectTypeOf(pipeline([1]).toVector('int8').dtype).toEqualTypeOf<'int8'>();
  expectTypeOf(pipeline([1]).reduce((a, x) => a + String(x), '')).toEqualTypeOf<string>();
  expectTypeOf(pipeline(['a']).valueCounts()).toEqualTypeOf<Map<string, number>>();
});

test('RecordStore rows and readCsv chunks are typed by the schema', () => {
  const s = recordStore({ x: 'float64', k: 'category' });
  expectTypeOf(pipeline(s).map((r) => r.x)).toEqualTypeOf<Pipeline<number>>();
  expectTypeOf(pipeline(s).map((r) => r.k)).toEqualTypeOf<Pipeline<string | null>>();
  const text = readCsv('x\n1', { schema: { x: 'int32' } });
  expectTypeOf(text).toEqualTypeOf<CsvTextReader<{ x: 'int32' }>>();
  const stream = readCsv(ai, { schema: { x: 'float64' } });
  expectTypeOf(stream).toEqualTypeOf<CsvReader<{ x: 'float64' }>>();
  for (const chunk of text) expectTypeOf(chunk.column('x')).toEqualTypeOf<Int32Array>();
});
