/** readCsv: RFC 4180 edge cases, types, chunking, sources, and every bad-input error with line and column. */
import { describe, expect, test } from 'vitest';
import { AsyncPipeline, CsvError, Pipeline, pipeline, readCsv, ValueError } from '../../src/index.js';
import { Categorical } from '../../src/categorical.js';
import { RecordStore } from '../../src/record-store.js';
import { errorOf, rejectionOf, trackedAsync } from './_helpers.js';

const rows = (text: string, schema: Record<string, string>, opts: Record<string, unknown> = {}) => {
  const out: unknown[] = [];
  for (const c of readCsv(text, { schema: schema as never, ...opts })) out.push(...c.toObjects());
  return out;
};

function csvError(fn: () => unknown): CsvError {
  const e = errorOf(fn);
  expect(e).toBeInstanceOf(CsvError);
  expect(e).toBeInstanceOf(ValueError);
  expect(e).toBeInstanceOf(RangeError);
  return e as CsvError;
}

describe('RFC 4180', () => {
  test('quotes, escaped quotes, delimiters and newlines inside quotes, CRLF, BOM, blank lines', () => {
    const text = '\uFEFFname,note,v\r\n"Smith, J","said ""hi""",1\r\n\r\nplain,"two\nlines",2\n"",x,3';
    expect(rows(text, { name: 'category', note: 'category', v: 'int32' })).toEqual([
      { name: 'Smith, J', note: 'said "hi"', v: 1 },
      { name: 'plain', note: 'two\nlines', v: 2 },
      { name: '', note: 'x', v: 3 }, // a quoted field is text, never missing
    ]);
  });
  test('LF, CR and CRLF line ends; a trailing newline adds no row; no trailing newline is fine', () => {
    const s = { a: 'int32', b: 'int32' };
    expect(rows('a,b\n1,2\n', s)).toEqual([{ a: 1, b: 2 }]);
    expect(rows('a,b\r3,4\r', s)).toEqual([{ a: 3, b: 4 }]);
    expect(rows('a,b\r\n5,6', s)).toEqual([{ a: 5, b: 6 }]);
  });
  test('delimiter, quote and header options', () => {
    expect(rows("x;y\n'a;b';2\n", { x: 'category', y: 'float64' }, { delimiter: ';', quote: "'" })).toEqual([{ x: 'a;b', y: 2 }]);
    expect(rows('1\t2\n3\t4\n', { a: 'uint8', b: 'uint8' }, { header: false, delimiter: '\t' })).toEqual([
      { a: 1, b: 2 },
      { a: 3, b: 4 },
    ]);
  });
  test('header: fields matched by name, other columns inferred (columns selects), missing column with default filled', () => {
    expect(rows('z,b,a\n9,2,1\n', { a: 'int16', b: 'int16' })).toEqual([{ z: 9, b: 2, a: 1 }]);
    expect(rows('z,b,a\n9,2,1\n', { a: 'int16', b: 'int16' }, { columns: ['a', 'b'] })).toEqual([{ b: 2, a: 1 }]);
    const got = rows('a\n1\n', { a: 'int16', k: { type: 'float64', default: 7 } } as never);
    expect(got).toEqual([{ a: 1, k: 7 }]);
    expect(errorOf(() => rows('a\n1\n', { a: 'int16', b: 'int16' }))).toBeInstanceOf(ValueError);
  });
});

describe('types', () => {
  test('numbers into typed columns, categories into Categoricals', () => {
    const text = 'f,g,i,u,q,c\n1.5,2.25,-7,200,9007199254740993,x\n-1e3,NaN,0,0,-5,y\n,inf,+3,1,0,x\n';
    const [chunk] = [...readCsv(text, { schema: { f: 'float64', g: 'f', i: 'int32', u: 'uint8', q: 'int64', c: 'category' } })];
    expect(chunk).toBeInstanceOf(RecordStore);
    expect(chunk!.column('f')).toBeInstanceOf(Float64Array);
    expect(Array.from(chunk!.column('f'))).toEqual([1.5, -1000, NaN]);
    expect(chunk!.column('g')).toBeInstanceOf(Float32Array);
    expect(Array.from(chunk!.column('g'))).toEqual([2.25, NaN, Infinity]);
    expect(Array.from(chunk!.column('i'))).toEqual([-7, 0, 3]);
    expect(chunk!.column('u')).toBeInstanceOf(Uint8Array);
    expect(Array.from(chunk!.column('q'))).toEqual([9007199254740993n, -5n, 0n]);
    const c = chunk!.column('c');
    expect(c).toBeInstanceOf(Categorical);
    expect(c.codes).toBeInstanceOf(Int8Array);
    expect(c.toArray()).toEqual(['x', 'y', 'x']);
  });
  test('float parsing is exact (fast path and fallback agree with Number)', () => {
    const vals = ['0.1', '123456789012345678', '1.7976931348623157e308', '5e-324', '-0', '3.14159265358979323846', '  42 ', '1e22', '1e23', '.5', '5.'];
    const text = 'x\n' + vals.map((v) => `"${v}"`).join('\n') + '\n';
    const got = Array.from([...readCsv(text, { schema: { x: 'float64' } })][0]!.column('x'));
    expect(got).toEqual(vals.map((v) => Number(v)));
    expect(Object.is(got[4], -0)).toBe(true);
  });
  test('chunks of chunkSize rows; the last shorter; a header-only file gives one empty chunk (as pandas)', () => {
    const text = 'a\n' + Array.from({ length: 7 }, (_, i) => i).join('\n');
    expect([...readCsv(text, { schema: { a: 'int32' }, chunkSize: 3 })].map((c) => c.length)).toEqual([3, 3, 1]);
    expect([...readCsv('a\n', { schema: { a: 'int32' } })].map((c) => c.length)).toEqual([0]);
    expect([...readCsv('', { schema: { a: 'int32' } })]).toEqual([]);
  });
});

describe('reuse', () => {
  test('reuse: true recycles the column memory of the previous chunk (valid until the next one)', () => {
    const text = 'a,c\n' + Array.from({ length: 7 }, (_, i) => `${i},${i % 2 ? 'x' : 'y'}`).join('\n');
    const seen: number[][] = [];
    const buffers = new Set<ArrayBufferLike>();
    for (const chunk of readCsv(text, { schema: { a: 'int32', c: 'category' }, chunkSize: 3, reuse: true })) {
      seen.push(Array.from(chunk.column('a')));
      buffers.add(chunk.column('a').buffer);
      expect(chunk.column('c').toArray()).toEqual(seen.at(-1)!.map((i) => (i % 2 ? 'x' : 'y')));
    }
    expect(seen).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(buffers.size).toBe(2); // the two full chunks shared one buffer; the short last one is a copy
    const kept = [...readCsv(text, { schema: { a: 'int32' }, chunkSize: 3 })];
    expect(kept.map((c) => Array.from(c.column('a')))).toEqual([[0, 1, 2], [3, 4, 5], [6]]); // default: safe to keep
  });
});

describe('bad input (each names line and column)', () => {
  const s = { a: 'int32', b: 'uint8' } as const;
  test('wrong number of fields', () => {
    let e = csvError(() => rows('a,b\n1,2\n3\n', s));
    expect([e.line, e.column]).toEqual([3, 2]);
    expect(e.message).toMatch(/line 3, column 2.*expected 2 fields, saw 1/);
    e = csvError(() => rows('a,b\n1,2,3\n', s));
    expect([e.line, e.column]).toEqual([2, 3]);
  });
  test('unparsable number', () => {
    const e = csvError(() => rows('a,b\n1,2\n\n"3",x7\n', s));
    expect([e.line, e.column, e.field]).toEqual([4, 2, 'b']);
    expect(e.message).toMatch(/cannot parse "x7" as uint8/);
    expect(csvError(() => rows('a,b\n,1\n', s)).message).toMatch(/missing value "" in a non-nullable int32 field \(declare it \{type: 'int32', nullable: true\}/);
    expect(csvError(() => rows('a\n1.5\n', { a: 'int32' })).column).toBe(1);
    expect(csvError(() => rows('a\n0x10\n', { a: 'float64' })).line).toBe(2);
  });
  test('out-of-range integer', () => {
    const e = csvError(() => rows('a,b\n1,256\n', s));
    expect([e.line, e.column, e.field]).toEqual([2, 2, 'b']);
    expect(e.message).toMatch(/uint8 value 256 out of range \[0, 255\]/);
    expect(csvError(() => rows('q\n9223372036854775808\n', { q: 'int64' })).message).toMatch(/out of range/);
    expect(csvError(() => rows('a,b\n-2147483649,1\n', s)).column).toBe(1);
  });
  test('a character after a closing quote', () => {
    const e = csvError(() => rows('a,b\n"1"x,2\n', s));
    expect([e.line, e.column]).toEqual([2, 1]);
  });
  test('line numbers count newlines inside quoted fields', () => {
    const e = csvError(() => rows('t,b\n"x\ny",1\nz,bad\n', { t: 'category', b: 'uint8' }));
    expect(e.line).toBe(4);
  });
  test("onError: 'skip' drops and counts bad rows", () => {
    const r = readCsv('a,b\n1,2\n3\n4,x\n"5"z,1\n6,999\n7,8\n', { schema: s, onError: 'skip' });
    expect([...r].flatMap((c) => c.toObjects())).toEqual([
      { a: 1, b: 2 },
      { a: 7, b: 8 },
    ]);
    expect(r.skippedRows).toBe(4);
    expect(r.rowsRead).toBe(2);
  });
  test('an unterminated quote at the end is a ValueError even with skip', () => {
    const e = csvError(() => rows('a,b\n1,"2\n3,4\n', s, { onError: 'skip' }));
    expect([e.line, e.column]).toEqual([2, 2]);
    expect(e.message).toMatch(/unterminated/);
  });
  test('bad options fail eagerly', () => {
    for (const cs of [0, -1, 1.5, '3']) expect(errorOf(() => readCsv('a', { schema: s, chunkSize: cs as number }))).toBeInstanceOf(ValueError);
    expect(errorOf(() => readCsv('a', { schema: s, delimiter: ';;' }))).toBeInstanceOf(ValueError);
    expect(errorOf(() => readCsv('a', { schema: s, delimiter: '\n' }))).toBeInstanceOf(ValueError);
    expect(errorOf(() => readCsv('a', { schema: s, quote: ',' }))).toBeInstanceOf(ValueError);
    expect(errorOf(() => readCsv('a', { schema: s, onError: 'ignore' as 'skip' }))).toBeInstanceOf(ValueError);
    expect(errorOf(() => readCsv('a', { schema: { v: ['float32', 3] } as never }))).toBeInstanceOf(TypeError);
    expect(errorOf(() => readCsv('a', { schema: { v: 'float16' } as never }))).toBeInstanceOf(ValueError);
    expect(errorOf(() => readCsv(5 as unknown as string, { schema: s }))).toBeInstanceOf(TypeError);
  });
});

describe('sources', () => {
  async function* pieces(parts: (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
    for (const p of parts) yield p;
  }
  test('async iterables of strings and bytes (multi-byte characters split across pieces)', async () => {
    const bytes = new TextEncoder().encode('\uFEFFname,v\né€😀,1\nb,2\n');
    const parts: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 1) parts.push(bytes.subarray(i, i + 1));
    const out: unknown[] = [];
    for await (const c of readCsv(pieces(parts), { schema: { name: 'category', v: 'float32' } })) out.push(...c.toObjects());
    expect(out).toEqual([
      { name: 'é€😀', v: 1 },
      { name: 'b', v: 2 },
    ]);
    const more: unknown[] = [];
    for await (const c of readCsv(pieces(['a\n1', '\n2\n']), { schema: { a: 'int8' } })) more.push(...c.toObjects());
    expect(more).toEqual([{ a: 1 }, { a: 2 }]);
  });
  test('invalid UTF-8 is an error; a non-text piece a TypeError', async () => {
    expect(
      await rejectionOf(async () => {
        for await (const _ of readCsv(pieces([Uint8Array.of(0x61, 0x0a, 0xff, 0x0a)]), { schema: { a: 'category' } })) void _;
      }),
    ).toBeInstanceOf(RangeError);
    expect(
      await rejectionOf(async () => {
        for await (const _ of readCsv(pieces([5 as unknown as string]), { schema: { a: 'category' } })) void _;
      }),
    ).toBeInstanceOf(TypeError);
  });
  test('web ReadableStream; an early break cancels it', async () => {
    let cancelled = false;
    let i = 0;
    const stream = new ReadableStream<string>({
      pull(c) {
        c.enqueue(i === 0 ? 'a\n' : `${i}\n`);
        i++;
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const chunk of readCsv(stream, { schema: { a: 'int32' }, chunkSize: 2 })) {
      expect(Array.from(chunk.column('a'))).toEqual([1, 2]);
      break;
    }
    expect(cancelled).toBe(true);
  });
  test('an early break closes an async source', async () => {
    const t = trackedAsync(['a\n', '1\n', '2\n', '3\n', '4\n']);
    for await (const c of readCsv(t.it, { schema: { a: 'int32' }, chunkSize: 1 })) if (c.length > 0) break;
    expect(t.log.closed).toBe(true);
  });
  test('pipelines over chunks: sync for text, async otherwise; toStore concatenates chunks', async () => {
    const text = 'city,km\nOslo,3\nRome,5\nOslo,4\n';
    const schema = { city: 'category', km: 'float64' } as const;
    const p = pipeline(readCsv(text, { schema, chunkSize: 2 }));
    expect(p).toBeInstanceOf(Pipeline);
    expect(p.map((c) => c.length).toArray()).toEqual([2, 1]);
    expect(p.flatMap((c) => c.column('km')).sum()).toBe(12);
    const all = p.toStore(schema);
    expect(all.toObjects()).toEqual([
      { city: 'Oslo', km: 3 },
      { city: 'Rome', km: 5 },
      { city: 'Oslo', km: 4 },
    ]);
    const q = pipeline(readCsv(pieces([text]), { schema, chunkSize: 2 }));
    expect(q).toBeInstanceOf(AsyncPipeline);
    expect(await q.flatMap((c) => c.column('km')).sum()).toBe(12);
    expect(await q.count()).toBe(0); // the generator was consumed by the first run, as in Python
    expect((await pipeline(readCsv(pieces([text]), { schema })).toStore(schema)).length).toBe(3);
  });
});
