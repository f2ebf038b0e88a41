/**
 * CSV chunk-boundary properties: splitting the text (or its UTF-8 bytes) anywhere, into any number of
 * pieces, and any chunkSize, gives the same rows as parsing it whole; and parsing inverts a writer.
 */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { readCsv } from '../../src/index.js';

const cell = fc.string({ unit: fc.constantFrom('a', 'é', '😀', ',', '"', '\n', '\r', ' ', 'x', '1'), maxLength: 6 });
const rowArb = fc.tuple(cell, fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
const table = fc.array(rowArb, { maxLength: 25 });

function quote(s: string): string {
  return /[",\r\n]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s;
}
function write(rows: [string, number, number][], eol: string): string {
  return 'name,n,x' + eol + rows.map(([s, n, x]) => `${quote(s)},${n},${String(x)}`).join(eol) + (rows.length > 0 ? eol : '');
}
const schema = { name: 'category', n: 'int32', x: 'float64' } as const;
const expected = (rows: [string, number, number][]) =>
  rows.map(([s, n, x]) => ({ name: s /* a quoted field is text: "" reads as '' */, n, x: x === 0 ? 0 : x /* String(-0) is "0" */ }));

async function* pieces<T>(parts: T[]): AsyncGenerator<T> {
  for (const p of parts) yield p;
}
function split<T extends { length: number; slice(a: number, b: number): T }>(x: T, cuts: number[]): T[] {
  const at = [...new Set(cuts.map((c) => c % (x.length + 1)))].sort((a, b) => a - b);
  const out: T[] = [];
  let prev = 0;
  for (const c of at) {
    out.push(x.slice(prev, c));
    prev = c;
  }
  out.push(x.slice(prev, x.length));
  return out;
}

test.prop([table, fc.constantFrom('\n', '\r\n'), fc.integer({ min: 1, max: 10 })])('parsing inverts writing, for any chunkSize', (rows, eol, chunkSize) => {
  const text = write(rows, eol);
  const got = [...readCsv(text, { schema, chunkSize })].flatMap((c) => c.toObjects());
  expect(got).toEqual(expected(rows));
});

test.prop([table, fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 1, max: 10 })])('splitting the text anywhere gives the same rows', async (rows, cuts, chunkSize) => {
  const text = write(rows, '\r\n');
  const got: unknown[] = [];
  for await (const c of readCsv(pieces(split(text, cuts)), { schema, chunkSize })) got.push(...c.toObjects());
  expect(got).toEqual(expected(rows));
});

test.prop([table, fc.array(fc.nat(), { maxLength: 12 })])('splitting the UTF-8 bytes anywhere (inside characters too) gives the same rows', async (rows, cuts) => {
  const bytes = new TextEncoder().encode('\uFEFF' + write(rows, '\n'));
  const got: unknown[] = [];
  for await (const c of readCsv(pieces(split(bytes, cuts)), { schema, chunkSize: 4 })) got.push(...c.toObjects());
  expect(got).toEqual(expected(rows));
});
