// Three ways to read a field: column (fastest), cursor (no allocation), get(i) (a view per call).
import assert from 'node:assert/strict';
import { recordStore } from '../../src/index.js';

const s = recordStore({ x: 'float64', y: 'int32' });
for (let i = 0; i < 1000; i++) s.push({ x: i / 2, y: i });

// 1. column(name): a Float64Array alias of exactly `length` elements. Raw speed, no checks.
const x = s.column('x');
let a = 0;
for (let i = 0; i < x.length; i++) a += x[i]!;

// 2. cursor(): one view moved along the rows; the loop allocates nothing.
const c = s.cursor();
let b = 0;
while (c.next()) b += c.x;

// 3. get(i): a new view per call (fine for a few records; slowest for scans).
let d = 0;
for (let i = 0; i < s.length; i++) d += s.get(i).x;

assert.equal(a, 249750);
assert.equal(b, a);
assert.equal(d, a);

// forEach hands you a new view per row, as for…of: it stays valid after the loop (toObject() detaches a copy).
const kept: { x: number; y: number }[] = [];
s.forEach((r) => {
  if (r.y % 400 === 0) kept.push(r.toObject());
});
assert.deepEqual(kept, [
  { x: 0, y: 0 },
  { x: 200, y: 400 },
  { x: 400, y: 800 },
]);

// A column alias is valid until the store reallocates; take a fresh one after growing.
const before = s.column('y');
s.reserve(5000); // reallocates every column
before[0] = -1; // writes the old buffer
assert.equal(s.getField(0, 'y'), 0); // the store is unaffected
assert.equal(s.column('y')[0], 0);
