/**
 * A CSV source given as pieces (strings or Uint8Arrays, from a sync iterable, an async iterable or a stream): a
 * surrogate pair split between two text pieces is read as one character, a lone high surrogate at the very end
 * is kept, and a piece of another type is a TypeError naming it.
 */
import { describe, expect, test } from 'vitest';
import { readCsv, readCsvStore } from '../../src/index.js';

const schema = { name: 'category', n: 'int32' } as const;
const text = 'name,n\n\u{1F600}x,1\ny\u{1F601},2\n';
/** `text` cut inside both surrogate pairs (and once between a pair's halves at a piece boundary). */
const parts = ['name,n\n\ud83d', '\ude00x,1\ny\ud83d', '\ude01,2\n'];

async function* asyncPieces<T>(ps: readonly T[]): AsyncGenerator<T> {
  for (const p of ps) yield p;
}

async function collect(r: AsyncIterable<{ toObjects(): unknown[] }>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const c of r) out.push(...c.toObjects());
  return out;
}

const expected = [
  { name: '\u{1F600}x', n: 1 },
  { name: 'y\u{1F601}', n: 2 },
];

describe('readCsv over pieces', () => {
  test('sync pieces: a surrogate pair split between pieces is one character', () => {
    expect(readCsvStore(parts, { schema }).toObjects()).toEqual(expected);
    expect(readCsvStore([text], { schema }).toObjects()).toEqual(expected);
  });
  test('async pieces: the same', async () => {
    expect(await collect(readCsv(asyncPieces(parts), { schema }))).toEqual(expected);
  });
  test('text and byte pieces mix', async () => {
    const bytes = new TextEncoder().encode('y\u{1F601},2\n');
    expect(await collect(readCsv(asyncPieces<string | Uint8Array>(['name,n\n\ud83d', '\ude00x,1\n', bytes]), { schema }))).toEqual(expected);
  });
  test('a lone high surrogate ending the source is kept (U+FFFD once encoded), in the sync path too', () => {
    const rows = readCsvStore(['name\nz\n', 'w\ud83d'], { schema: { name: 'category' } }).toObjects();
    expect(rows).toEqual([{ name: 'z' }, { name: 'w\ufffd' }]);
  });
  test('a piece that is neither a string nor a Uint8Array is a TypeError naming it', async () => {
    expect(() => readCsvStore(['name,n\n', 42 as never], { schema })).toThrow(/the source yielded 42; expected strings or Uint8Arrays/);
    await expect(collect(readCsv(asyncPieces(['name,n\n', 42 as never]), { schema }))).rejects.toThrow(/the source yielded 42; expected strings or Uint8Arrays/);
  });
});
