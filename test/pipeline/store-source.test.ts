/** RecordStore as a pipeline source (cursor rows, zero-copy RecordStore chunks) and the toStore sink. */
import { describe, expect, test } from 'vitest';
import { pipeline, readCsv } from '../../src/index.js';
import { RecordStore, recordStore } from '../../src/record-store.js';

function store(): RecordStore<{ x: 'float64'; kind: 'category'; id: 'int32' }> {
  const s = recordStore({ x: 'float64', kind: 'category', id: 'int32' });
  s.extend([
    { x: 1.5, kind: 'a', id: 1 },
    { x: -2, kind: 'b', id: 2 },
    { x: 4, kind: 'a', id: 3 },
  ]);
  return s;
}

describe('RecordStore source', () => {
  test('rows come through one moving cursor', () => {
    const s = store();
    expect(
      pipeline(s)
        .filter((r) => r.kind === 'a')
        .map((r) => r.x)
        .sum(),
    ).toBe(5.5);
    expect(
      pipeline(s, { chunkSize: 2 })
        .map((r) => r.toObject())
        .toArray(),
    ).toEqual(s.toObjects());
    const rows = pipeline(s).toArray();
    expect(rows[0]).toBe(rows[2]); // the same cursor object: map to values or toObject() to keep rows
  });
  test('chunks() gives zero-copy RecordStore chunks', () => {
    const s = store();
    const chunks = pipeline(s).chunks(2).toArray() as unknown as RecordStore<{ x: 'float64'; kind: 'category'; id: 'int32' }>[];
    expect(chunks.map((c) => c.length)).toEqual([2, 1]);
    expect(chunks[1]!.toObjects()).toEqual([{ x: 4, kind: 'a', id: 3 }]);
    expect(chunks[0]!.column('x').buffer).toBe(s.column('x').buffer);
    chunks[0]!.setField(0, 'x', 10);
    expect(s.getField(0, 'x')).toBe(10);
  });
  test('toStore from objects, cursor rows, and RecordStore chunks', () => {
    const s = store();
    const schema = { x: 'float64', kind: 'category', id: 'int32' } as const;
    expect(
      pipeline(s)
        .filter((r) => r.x > 0)
        .toStore(schema)
        .toObjects(),
    ).toEqual([
      { x: 1.5, kind: 'a', id: 1 },
      { x: 4, kind: 'a', id: 3 },
    ]);
    expect(pipeline(s).chunks(1).toStore(schema).toObjects()).toEqual(s.toObjects());
    expect(pipeline([{ a: 1 }, { a: 2 }]).toStore({ a: 'uint8' }).length).toBe(2);
    expect(() => pipeline([{ a: 300 }]).toStore({ a: 'uint8' })).toThrow(RangeError);
  });
  test('toStore of readCsv chunks: held and stacked once, the same store as extend gives (reuse, mixed items, other schemas)', () => {
    const schema = { kind: 'category', n: 'int32', s: { type: 'utf8', nullable: true }, f: { type: 'float64', nullable: true } } as const;
    const lines = ['kind,n,s,f'];
    for (let i = 0; i < 50; i++) lines.push(`${'abcdefg'[(i * 7) % 5]!}${i % 3 === 0 ? 'z' : ''},${i},${i % 4 === 0 ? '' : `t${i}`},${i % 5 === 0 ? 'NA' : i / 4}`);
    const text = lines.join('\n') + '\n';
    const expected = recordStore(schema);
    for (const c of readCsv(text, { schema, chunkSize: 7 })) expected.extend(c as never);
    const want = expected.toObjects();
    const held = pipeline(readCsv(text, { schema, chunkSize: 7 })).toStore(schema);
    expect(held.toObjects()).toEqual(want);
    expect(held.column('kind').categories).toEqual(expected.column('kind').categories); // first-seen order, as extend
    // reuse: every chunk overwrites the last one's memory, so each must be copied as it comes
    expect(
      pipeline(readCsv(text, { schema, chunkSize: 7, reuse: true }))
        .toStore(schema)
        .toObjects(),
    ).toEqual(want);
    // a chunk of another schema spelling is appended by extend
    const wide = { kind: 'category', n: 'float64', s: { type: 'utf8', nullable: true }, f: { type: 'float64', nullable: true } } as const;
    expect(
      pipeline(readCsv(text, { schema, chunkSize: 7 }))
        .toStore(wide)
        .toObjects(),
    ).toEqual(want);
    // held chunks, then a plain record: the chunks are stacked first, so order is kept
    const extra = { kind: 'q', n: -1, s: null, f: 2.5 };
    const mixed = pipeline([...readCsv(text, { schema, chunkSize: 7 }), extra] as unknown[]).toStore(schema);
    expect(mixed.toObjects()).toEqual([...want, extra]);
  });
});
