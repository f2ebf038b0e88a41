/** RecordStore as a pipeline source (cursor rows, zero-copy RecordStore chunks) and the toStore sink. */
import { describe, expect, test } from 'vitest';
import { pipeline } from '../../src/index.js';
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
    expect(pipeline(s).filter((r) => r.kind === 'a').map((r) => r.x).sum()).toBe(5.5);
    expect(pipeline(s, { chunkSize: 2 }).map((r) => r.toObject()).toArray()).toEqual(s.toObjects());
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
    expect(pipeline(s).filter((r) => r.x > 0).toStore(schema).toObjects()).toEqual([
      { x: 1.5, kind: 'a', id: 1 },
      { x: 4, kind: 'a', id: 3 },
    ]);
    expect(pipeline(s).chunks(1).toStore(schema).toObjects()).toEqual(s.toObjects());
    expect(pipeline([{ a: 1 }, { a: 2 }]).toStore({ a: 'uint8' }).length).toBe(2);
    expect(() => pipeline([{ a: 300 }]).toStore({ a: 'uint8' })).toThrow(RangeError);
  });
});
