/**
 * IPC: toIPC/fromIPC (stream and file), writeIPC with dictionary deltas and replacements, readIPC as a
 * pipeline source, and malformed bytes. apache-arrow and flechette read everything we write.
 */
import * as A from 'apache-arrow';
import * as F from '@uwdata/flechette';
import { describe, expect, test } from 'vitest';
import { ValueError } from '../../src/errors.js';
import { categorical, type Categorical } from '../../src/categorical.js';
import { RecordStore, recordStore } from '../../src/record-store.js';
import { vector } from '../../src/vector.js';
import { pipeline } from '../../src/pipeline.js';
import { fromIPC, readIPC, toArrow, toIPC, writeIPC, writeIPCBytes } from '../../src/arrow/index.js';

function sample(n = 5) {
  const s = recordStore({ x: 'float64', k: 'int64', c: 'category', v: ['int16', 2] });
  for (let i = 0; i < n; i++) s.push({ x: i / 2, k: BigInt(i) * 1000000000000n, c: i % 3 === 2 ? null : `c${i % 3}`, v: [i, -i] });
  return s;
}

/** A chunk whose categorical has exactly `cats` as categories (in order) and codes `codes`. */
function chunk(cats: readonly string[], codes: readonly number[], x0 = 0) {
  const c = categorical(
    codes.map((k) => (k < 0 ? null : cats[k]!)),
    { categories: cats },
  );
  return RecordStore.fromColumns({ x: Float64Array.from(codes, (_, i) => x0 + i), c }, { x: 'float64', c: 'category' });
}

/** Dictionary messages of a stream: [id, isDelta, length] per dictionary batch. */
function dictionaryMessages(bytes: Uint8Array): [boolean, number][] {
  const out: [boolean, number][] = [];
  const mr = new A.MessageReader(bytes);
  for (const m of mr) {
    if (m.isDictionaryBatch()) out.push([m.header().isDelta, Number(m.header().data.length)]);
    if (m.bodyLength > 0) mr.readMessageBody(m.bodyLength);
  }
  return out;
}

function objects(t: { toArray(): unknown[] }): unknown[] {
  return t.toArray().map((r) => (typeof (r as { toJSON?: unknown }).toJSON === 'function' ? (r as { toJSON(): unknown }).toJSON() : r));
}

describe('toIPC / fromIPC', () => {
  test.each(['stream', 'file'] as const)('%s format round trip; arrow and flechette read it', (format) => {
    const s = sample();
    const bytes = toIPC(s, { format });
    expect(bytes).toBeInstanceOf(Uint8Array);
    const back = fromIPC(bytes);
    expect(back.toObjects()).toEqual(s.toObjects());
    expect(A.tableFromIPC(bytes).numRows).toBe(5);
    const f = F.tableFromIPC(bytes, { useBigInt: true });
    expect(f.getChild('c').toArray()).toEqual(['c0', 'c1', null, 'c0', 'c1']);
    expect(f.getChild('k').toArray()[4]).toBe(4000000000000n);
  });

  test('fromIPC adopts numeric columns straight from the bytes (zero-copy), or copies on request', () => {
    const bytes = toIPC(sample());
    const back = fromIPC(bytes);
    expect((back.column('x') as Float64Array).buffer).toBe(bytes.buffer);
    expect((back.column('v') as Int16Array).buffer).toBe(bytes.buffer);
    expect((fromIPC(bytes, { copy: true }).column('x') as Float64Array).buffer).not.toBe(bytes.buffer);
    expect(fromIPC(bytes.buffer.slice(0) as ArrayBuffer).length).toBe(5);
  });

  test('{copy: true} copies adopted dictionary codes too (a view would keep the whole message alive)', () => {
    const bytes = toIPC(RecordStore.fromColumns({ c: categorical(['a', 'b', 'a', 'c']) }));
    expect((fromIPC(bytes).column('c') as Categorical<string>).codes.buffer).toBe(bytes.buffer);
    const copied = fromIPC(bytes, { copy: true }).column('c') as Categorical<string>;
    expect(copied.codes.buffer).not.toBe(bytes.buffer);
    expect(copied.toArray()).toEqual(['a', 'b', 'a', 'c']);
  });

  test('a Vector or Categorical travels as a one-column table', () => {
    const v = fromIPC(toIPC(vector('uint32', [1, 2, 4294967295]), { name: 'n' }));
    expect(v.toObjects()).toEqual([{ n: 1 }, { n: 2 }, { n: 4294967295 }]);
    const c = fromIPC(toIPC(categorical(['a', null])));
    expect(c.toObjects()).toEqual([{ values: 'a' }, { values: null }]);
  });

  test('an empty store', () => {
    const e = recordStore({ x: 'float32', c: 'category' });
    for (const format of ['stream', 'file'] as const) {
      const back = fromIPC(toIPC(e, { format }));
      expect(back.length).toBe(0);
      expect(back.schema).toEqual({ x: 'float32', c: 'category' });
    }
  });

  test('bad input: TypeError for non-bytes, ValueError for a bad format', () => {
    expect(() => fromIPC('abc' as never)).toThrow(TypeError);
    expect(() => toIPC(sample(), { format: 'feather' as never })).toThrow(ValueError);
    expect(() => toIPC(42 as never)).toThrow(TypeError);
  });
});

describe('malformed IPC bytes: ValueError naming the byte offset, never a partial result', () => {
  const good = toIPC(sample());
  const goodFile = toIPC(sample(), { format: 'file' });
  const cases: [string, Uint8Array, RegExp][] = [
    ['empty input', new Uint8Array(0), /byte offset 0: empty input/],
    ['three bytes', Uint8Array.of(1, 2, 3), /byte offset 0: truncated message prefix/],
    ['garbage', Uint8Array.from({ length: 64 }, (_, i) => (i * 7) & 255), /byte offset 0: message metadata of \d+ bytes runs past the end/],
    ['truncated body', good.subarray(0, good.length - 20), /byte offset \d+: message body of \d+ bytes runs past the end/],
    ['truncated metadata', good.subarray(0, 30), /byte offset 0: message metadata of \d+ bytes runs past the end/],
    ['truncated file', goodFile.subarray(0, goodFile.length - 10), /Arrow file magic "ARROW1" at the start but not at the end/],
    ['negative metadata length', Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xf0, 0xff, 0xff, 0xff), /byte offset 0: negative message metadata length/],
  ];
  test.each(cases)('%s', (_, bytes, pattern) => {
    expect(() => fromIPC(bytes)).toThrow(ValueError);
    expect(() => fromIPC(bytes)).toThrow(pattern);
  });

  test('a flipped byte in a buffer region or a length is caught where apache-arrow reads garbage', () => {
    let caught = 0;
    // Past the schema message (damaged schemas can make apache-arrow itself spin for seconds).
    const schemaEnd = 8 + new DataView(good.buffer, good.byteOffset).getInt32(4, true);
    for (let i = schemaEnd; i < good.length; i++) {
      const b = good.slice();
      b[i] = b[i]! ^ 0x5a;
      try {
        fromIPC(b);
      } catch (e) {
        // Framing damage is a ValueError with the offset; a damaged schema may decode to a type
        // compactly rejects (a TypeError naming it). Never a silent partial result.
        expect(e instanceof ValueError || e instanceof TypeError).toBe(true);
        expect((e as Error).message).toMatch(/malformed Arrow IPC data|Arrow type|field name|^column "/);
        caught++;
      }
    }
    expect(caught).toBeGreaterThan((good.length - schemaEnd) / 10);
  });

  test('readIPC over chunks: batches before the damage are yielded, then the error names the offset', async () => {
    const bytes = await writeIPCBytes([sample(3), sample(4)]);
    const cut = bytes.subarray(0, bytes.length - 30);
    const got: number[] = [];
    const run = async () => {
      for await (const s of readIPC([cut.subarray(0, 50), cut.subarray(50)])) got.push(s.length);
    };
    await expect(run()).rejects.toThrow(ValueError);
    await expect(run()).rejects.toThrow(/byte offset \d+: message body of \d+ bytes runs past the end/);
    expect(got[0]).toBe(3);
  });
});

describe('writeIPC: RecordStore chunks → one stream, with dictionary deltas', () => {
  test('a categorical that grows between chunks is sent as deltas; arrow and flechette read the same rows', async () => {
    const chunks = [chunk(['a', 'b'], [0, 1, -1], 0), chunk(['a', 'b', 'c'], [2, 0], 3), chunk(['a', 'b', 'c'], [1], 5), chunk(['a', 'b', 'c', 'd', 'e'], [4, 3], 6)];
    const bytes = await writeIPCBytes(chunks);
    expect(dictionaryMessages(bytes)).toEqual([
      [false, 2],
      [true, 1],
      [true, 2],
    ]);
    const expected = chunks.flatMap((s) => s.toObjects());
    expect(objects(A.tableFromIPC(bytes))).toEqual(expected);
    expect(F.tableFromIPC(bytes).toArray()).toEqual(expected);
    const back: unknown[] = [];
    const categories: (readonly unknown[])[] = [];
    for await (const s of readIPC(bytes)) {
      back.push(...s.toObjects());
      categories.push((s.column('c') as Categorical).categories);
    }
    expect(back).toEqual(expected);
    expect(categories[3]).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(fromIPC(bytes).toObjects()).toEqual(expected);
  });

  test('categories changed otherwise → a replacement dictionary', async () => {
    const chunks = [chunk(['a', 'b'], [0, 1]), chunk(['b', 'a'], [0, 1]), chunk(['z'], [0])];
    const bytes = await writeIPCBytes(chunks);
    expect(dictionaryMessages(bytes).map(([d]) => d)).toEqual([false, false, false]);
    const expected = chunks.flatMap((s) => s.toObjects());
    expect(objects(A.tableFromIPC(bytes))).toEqual(expected);
    expect(F.tableFromIPC(bytes).toArray()).toEqual(expected);
    expect(fromIPC(bytes).toObjects()).toEqual(expected);
  });

  test('growing to 40,000 categories over chunks (Int32 indices by default)', async () => {
    const all = Array.from({ length: 40_000 }, (_, i) => `k${i}`);
    const chunks = [5, 300, 40_000].map((k) => chunk(all.slice(0, k), [k - 1, 0, Math.floor(k / 2)]));
    const bytes = await writeIPCBytes(chunks);
    expect(dictionaryMessages(bytes)).toEqual([
      [false, 5],
      [true, 295],
      [true, 39_700],
    ]);
    const expected = chunks.flatMap((s) => s.toObjects());
    expect(F.tableFromIPC(bytes).getChild('c').toArray()).toEqual(expected.map((r) => (r as { c: string }).c));
    const got: unknown[] = [];
    for await (const s of readIPC(bytes)) got.push(...s.toObjects());
    expect(got).toEqual(expected);
  });

  test('indexType: narrower indices, and a ValueError when a chunk outgrows them', async () => {
    const small = await writeIPCBytes([chunk(['a'], [0]), chunk(['a', 'b'], [1])], { indexType: 'int8' });
    expect(String(A.tableFromIPC(small).schema.fields[1]!.type)).toBe('Dictionary<Int8, Utf8>');
    const big = Array.from({ length: 200 }, (_, i) => `v${i}`);
    await expect(writeIPCBytes([chunk(['a'], [0]), chunk(big, [199])], { indexType: 'int8' })).rejects.toThrow(
      /categorical "c" has 200 categories in chunk 1, more than an int8 dictionary index holds \(128\)/,
    );
    await expect(writeIPCBytes([chunk(['a'], [0])], { indexType: 'int64' as never })).rejects.toThrow(ValueError);
  });

  test('chunks must share the first chunk’s fields; there must be a chunk; chunks must be stores', async () => {
    const other = recordStore({ y: 'float64' });
    await expect(writeIPCBytes([sample(1), other])).rejects.toThrow(/chunk 1 has fields \[y\], but the stream's schema \(from chunk 0\) has \[x, k, c, v\]/);
    const retyped = recordStore({ x: 'float32', k: 'int64', c: 'category', v: ['int16', 2] });
    await expect(writeIPCBytes([sample(1), retyped])).rejects.toThrow(/field "x" is float32 in chunk 1 but float64 in chunk 0/);
    await expect(writeIPCBytes([])).rejects.toThrow(/no RecordStore chunks/);
    await expect(writeIPCBytes([42 as never])).rejects.toThrow(TypeError);
  });

  test('writeIPC yields the stream piece by piece from an async source (schema first, end-of-stream last)', async () => {
    async function* source() {
      for (let i = 0; i < 3; i++) yield sample(2 + i);
    }
    const pieces: Uint8Array[] = [];
    for await (const p of writeIPC(source())) pieces.push(p);
    expect(pieces.length).toBe(4);
    expect([...pieces[3]!]).toEqual([255, 255, 255, 255, 0, 0, 0, 0]);
    const total = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of pieces) {
      total.set(p, at);
      at += p.length;
    }
    expect(A.tableFromIPC(total).numRows).toBe(2 + 3 + 4);
  });
});

describe('readIPC: a pipeline source of RecordStore chunks', () => {
  const chunks = () => [sample(2), sample(3), sample(4)];

  test('from bytes, one-byte chunks, an async generator, a ReadableStream, a RecordBatchReader, a Table', async () => {
    const bytes = await writeIPCBytes(chunks());
    const lengths = async (src: Parameters<typeof readIPC>[0]) => {
      const out: number[] = [];
      for await (const s of readIPC(src)) out.push(s.length);
      return out;
    };
    expect(await lengths(bytes)).toEqual([2, 3, 4]);
    expect(await lengths(Array.from(bytes, (b) => Uint8Array.of(b)))).toEqual([2, 3, 4]);
    async function* gen() {
      for (let i = 0; i < bytes.length; i += 13) yield bytes.slice(i, i + 13);
    }
    expect(await lengths(gen())).toEqual([2, 3, 4]);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.slice(0, 100));
        c.enqueue(bytes.slice(100));
        c.close();
      },
    });
    expect(await lengths(stream)).toEqual([2, 3, 4]);
    expect(await lengths(A.RecordBatchReader.from(bytes))).toEqual([2, 3, 4]);
    expect(await lengths(A.tableFromIPC(bytes))).toEqual([2, 3, 4]);
    expect(await lengths(toIPC(sample(4), { format: 'file' }))).toEqual([4]);
    expect(await lengths([toIPC(sample(4), { format: 'file' })])).toEqual([4]);
  });

  test('works with pipeline(): chunk lengths summed lazily', async () => {
    const bytes = await writeIPCBytes(chunks());
    const total = await pipeline(readIPC(bytes))
      .map((s) => s.length)
      .reduce((a, b) => a + b, 0);
    expect(total).toBe(9);
  });

  test('bad sources', async () => {
    const drain = async (src: unknown) => {
      for await (const _ of readIPC(src as never)) void _;
    };
    await expect(drain([])).rejects.toThrow(/empty input/);
    await expect(drain([1, 2])).rejects.toThrow(TypeError);
    await expect(drain(42)).rejects.toThrow(TypeError);
    await expect(drain(new Uint8Array(0))).rejects.toThrow(ValueError);
  });
});

test('toArrow keeps int64 extremes through IPC', () => {
  const s = recordStore({ k: 'int64', u: 'uint64' });
  s.push({ k: -(2n ** 63n), u: 2n ** 64n - 1n });
  const back = fromIPC(toIPC(s));
  expect(back.toObjects()).toEqual([{ k: -(2n ** 63n), u: 2n ** 64n - 1n }]);
  expect(toArrow(s).getChild('k')!.get(0)).toBe(-(2n ** 63n));
});
