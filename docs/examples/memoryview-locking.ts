// Export locking: while a view of a Vector is live, the Vector refuses to resize (BufferError), as Python's array.
import assert from 'node:assert/strict';
import { BufferError, ValueError, memoryview, vector } from '../../src/index.js';

const v = vector('float64', [1, 2, 3], { capacity: 8 });
const m = memoryview(v);
const tail = m.slice(1); // derived views hold the lock too

assert.throws(() => v.push(4), BufferError); // even within capacity
assert.deepEqual(v.toArray(), [1, 2, 3]); // nothing changed

tail.set(0, 20); // writes through any view show in the owner
assert.equal(v.get(1), 20);

m.release();
assert.throws(() => v.push(4), BufferError); // `tail` is still live
tail.release();
v.push(4); // every view released: resizing works again
assert.equal(v.length, 4);

assert.throws(() => m.get(0), ValueError); // operation forbidden on released memoryview object

// With TypeScript's `using` (compiled), release happens at the end of the block, like Python's `with`:
//   { using col = memoryview(v); … }
const view = memoryview(v);
try {
  assert.equal(view.get(-1), 4);
} finally {
  view[Symbol.dispose]();
}
v.push(5);
