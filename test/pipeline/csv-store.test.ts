/**
 * Whole-file loading (readCsvStore), any header name (rename, columns, pandas' names for repeated and empty
 * headers) and RecordStore.downcast.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ValueError } from '../../src/errors.js';
import { readCsv, readCsvStore } from '../../src/pipeline.js';
import { readCsvStore as readCsvStoreNode } from '../../src/node/index.js';
import { RecordStore } from '../../src/record-store.js';
import { throwsLike } from '../_support/throws.js';

const CSV = 'Airport Name,delay,Airport Name,,code\nSFO Intl,3,x,1,b\nLAX Intl,-2,y,2,a\nSFO Intl,7,z,3,c\n';

describe('header names as pandas makes them; rename and columns', () => {
  test('repeated names get .1, empty ones Unnamed: N; rename and columns use the file names', () => {
    const s = readCsvStore(CSV, {
      schema: { airport: 'category', delay: 'int16', other: 'category', unnamed: 'int8' },
      rename: { 'Airport Name': 'airport', 'Airport Name.1': 'other', 'Unnamed: 3': 'unnamed' },
    });
    expect(s.fields).toEqual(['airport', 'delay', 'other', 'unnamed', 'code']); // code: not in the schema, inferred
    expect(s.toObjects()[0]).toEqual({ airport: 'SFO Intl', delay: 3, other: 'x', unnamed: 1, code: 'b' });
    const only = readCsvStore(CSV, { schema: { airport: 'category', delay: 'int16', code: 'category' }, rename: { 'Airport Name': 'airport' }, columns: ['Airport Name', 'code'] });
    expect(only.fields).toEqual(['airport', 'code']);
  });

  test('bad rename / columns: clear errors before any chunk', () => {
    throwsLike(() => readCsvStore(CSV, { schema: { delay: 'int16' }, rename: { Nope: 'x' } }), ValueError, RangeError, /rename names "Nope", which is not a column of the file/);
    throwsLike(() => readCsvStore(CSV, { schema: { delay: 'int16' }, columns: ['delay', 'Nope'] }), ValueError, RangeError, /columns names "Nope"/);
    throwsLike(() => readCsv(CSV, { schema: { delay: 'int16' }, columns: ['delay', 'delay'] }), ValueError, RangeError, /columns names a column twice/);
    throwsLike(() => readCsv(CSV, { schema: { delay: 'int16' }, columns: ['delay'], header: false }), ValueError, RangeError, /need header: true/);
    throwsLike(() => readCsv(CSV, { schema: { delay: 'int16' }, rename: { delay: '' } }), TypeError, TypeError, /non-empty string/);
  });
});

describe('readCsvStore', () => {
  test('one store from text, bytes, sync pieces, a stream and a file; categories sorted by code point', async () => {
    const text = 'k,v\nb,1\nc,2\na,3\n\u{1F600},4\n\uFF41,5\nb,6\n';
    const schema = { k: 'category', v: 'int32' } as const;
    const s = readCsvStore(text, { schema, chunkSize: 2 });
    expect(s.length).toBe(6);
    expect(s.column('k').categories).toEqual(['a', 'b', 'c', '\uFF41', '\u{1F600}']);
    expect(s.toObjects().map((o) => o.k)).toEqual(['b', 'c', 'a', '\u{1F600}', '\uFF41', 'b']);
    expect(readCsvStore(new TextEncoder().encode(text), { schema }).toObjects()).toEqual(s.toObjects());
    expect(readCsvStore(['k,v\nb,', '1\nc,2\na,3\n\u{1F600},4\n\uFF41,5\nb,6\n'], { schema }).toObjects()).toEqual(s.toObjects());
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode(text));
        c.close();
      },
    });
    expect((await readCsvStore(stream, { schema })).toObjects()).toEqual(s.toObjects());
    const dir = mkdtempSync(join(tmpdir(), 'compactly-store-'));
    try {
      writeFileSync(join(dir, 'f.csv'), text);
      const f = await readCsvStoreNode(join(dir, 'f.csv'), { schema, workers: 1 });
      expect(f.toObjects()).toEqual(s.toObjects());
      expect(f.column('k').categories).toEqual(s.column('k').categories);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('equals the chunks stacked (any chunk size), groupBy in sorted category order', () => {
    const arb = fc.array(fc.record({ k: fc.constantFrom('delta', 'alpha', 'charlie', 'bravo'), v: fc.integer({ min: -1000, max: 1000 }) }), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 9 }), (rows, chunkSize) => {
        const text = 'k,v\n' + rows.map((r) => `${r.k},${r.v}`).join('\n') + '\n';
        const s = readCsvStore(text, { schema: { k: 'category', v: 'int32' }, chunkSize });
        expect(s.toObjects()).toEqual(rows);
        const g = s
          .groupBy('k')
          .agg({ n: ['count'] })
          .toObjects()
          .map((o) => o.k);
        expect(g).toEqual([...new Set(rows.map((r) => r.k))].sort());
      }),
      { numRuns: 100, seed: 14 },
    );
  });
});

describe('downcast', () => {
  test('each numeric field to the smallest dtype holding its values exactly', () => {
    const s = RecordStore.fromColumns({
      a: Int32Array.from([1, 2, 100]),
      b: Int32Array.from([-1, 300, 5]),
      c: Int32Array.from([0, 40000, 1]),
      d: Float64Array.from([0.5, 1.25, NaN]),
      e: Float64Array.from([0.1, 2, 3]),
      f: BigInt64Array.from([1n, 2n, 3n]),
      k: ['x', 'y', 'x'],
    });
    const t = s.downcast();
    expect(t.schema).toEqual({ a: 'int8', b: 'int16', c: 'uint16', d: 'float32', e: 'float64', f: 'int8', k: 'category' });
    expect(t.toObjects()).toEqual(s.toObjects().map((o) => ({ ...o, f: Number(o.f) })));
    expect(s.byteLength - t.byteLength).toBe(3 * (3 + 2 + 2 + 4 + 7));
  });

  test('nullable fields shrink too and keep their nulls (an inferred store is all nullable); dates are not numbers', () => {
    const s = RecordStore.fromColumns(
      { a: [1, null, 7], b: [null, 300, 5], c: [0.5, null, 1.25], d: [-3, 4, null], when: [11324, null, 11385] },
      {
        a: { type: 'int32', nullable: true },
        b: { type: 'int32', nullable: true },
        c: { type: 'float64', nullable: true },
        d: { type: 'int32', nullable: true },
        when: { type: 'date', nullable: true },
      },
    );
    const t = s.downcast();
    expect(t.schema).toEqual({
      a: { type: 'int8', nullable: true },
      b: { type: 'int16', nullable: true },
      c: { type: 'float32', nullable: true },
      d: { type: 'int8', nullable: true },
      when: { type: 'date', nullable: true },
    });
    expect(t.toObjects()).toEqual(s.toObjects());
    for (const f of ['a', 'b', 'c', 'd', 'when'] as const) expect(t.nullCount(f), f).toBe(s.nullCount(f));
    // A nullable field that does not shrink keeps its bitmap too.
    const u = RecordStore.fromColumns({ x: { values: Int32Array.from([1, 0, 1e6]), validity: Uint8Array.of(0b101) }, y: Int32Array.from([1, 2, 3]) });
    expect(u.downcast().toObjects()).toEqual([
      { x: 1, y: 1 },
      { x: null, y: 2 },
      { x: 1e6, y: 3 },
    ]);
    expect(u.downcast().schema).toEqual({ x: { type: 'int32', nullable: true }, y: 'int8' });
  });

  test('property: nullable values survive downcast with their nulls', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -70000, max: 70000 }), { nil: null }), { minLength: 1, maxLength: 40 }), (xs) => {
        const s = RecordStore.fromColumns({ x: xs }, { x: { type: 'int32', nullable: true } });
        const t = s.downcast();
        expect(t.toObjects().map((o) => o.x)).toEqual(xs);
      }),
      { numRuns: 100, seed: 16 },
    );
  });

  test('property: values survive, dtype never wider', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -70000, max: 70000 }), { minLength: 1, maxLength: 40 }), (xs) => {
        const s = RecordStore.fromColumns({ x: Int32Array.from(xs), y: Float64Array.from(xs, (v) => v / 4) });
        const t = s.downcast();
        expect([...t.column('x')]).toEqual(xs);
        expect([...t.column('y')]).toEqual(xs.map((v) => v / 4));
      }),
      { numRuns: 100, seed: 15 },
    );
  });
});
