// Schema inference (pandas' astype/downcast step done for you), memory usage, and zero-copy columns.
import assert from 'node:assert/strict';
import { RecordStore } from '../../src/index.js';

const rows = Array.from({ length: 10_000 }, (_, i) => ({
  id: i, // 0..9999 → int16
  score: i / 3, // non-integers → float64
  level: i % 3, // 0..2 → int8
  tag: ['red', 'green', 'blue'][i % 3]!, // strings → category
}));
const store = RecordStore.fromObjects(rows);
assert.deepEqual(store.schema, { id: 'int16', score: 'float64', level: 'int8', tag: 'category' });

// memoryUsage(): bytes per field, and an estimate of the same rows as plain objects
// (from V8's measured layout: 8 B slot + 24 B header + 8 B per field + 16 B per boxed double).
const m = store.memoryUsage();
assert.deepEqual(
  m.fields.map((f) => [f.field, f.type, f.nbytes]),
  [
    ['id', 'int16', 20_000],
    ['score', 'float64', 80_000],
    ['level', 'int8', 10_000],
    ['tag', 'category', 10_024], // 1 byte per code + 8 per category, as pandas counts
  ],
);
assert.ok(m.objects.bytesPerItem > 60); // ~72 B as objects…
assert.ok(m.bytesPerItem < 13); // …about 12 B here
assert.ok(m.ratio > 5);

// fromColumns adopts TypedArrays of the right dtype without copying.
const x = new Float64Array([1, 2, 3]);
const t = RecordStore.fromColumns({ x, label: ['a', 'b', 'a'] });
assert.equal(t.column('x'), x);
t.setField(0, 'x', 10);
assert.equal(x[0], 10); // same memory
