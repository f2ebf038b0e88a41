// Building, reading and writing a Vector: checked writes, negative indexes, Python-style repr.
import assert from 'node:assert/strict';
import { IndexError, OverflowError, Vector, vector } from '../../src/index.js';

const v = vector('int8', [1, 2]); // or vector('b', …): Python typecodes work too
v.push(3);
v.extend([4, 5]);
v.insert(0, 0); // Python's insert: clamped, negatives from the end
assert.equal(v.toString(), "Vector('int8', [0, 1, 2, 3, 4, 5])");
assert.equal(v.get(-1), 5);
assert.equal(v.pop(), 5);

// Every write is checked: no silent wrapping as with Int8Array.of(128).
assert.throws(() => v.push(128), OverflowError); // int8 value 128 out of range [-128, 127]
assert.throws(() => v.push(1.5), TypeError); // not an integer
assert.throws(() => v.push(true as unknown as number), TypeError); // booleans are not numbers
assert.throws(() => v.get(99), IndexError); // never `undefined`

// A failed bulk write leaves the vector as it was (Python's extend would keep the prefix).
assert.throws(() => v.extend([6, 7, 300]), OverflowError);
assert.equal(v.length, 5);

// 64-bit dtypes read back as bigint and accept bigint or safe-integer numbers.
const q = vector('q', [1, 2n ** 62n]);
assert.equal(q.get(0), 1n);
assert.equal(q.sum(), 2n ** 62n + 1n);

// Build from raw bytes (native byte order), like array.frombytes.
const h = Vector.fromBytes('h', new Uint8Array([1, 0, 0, 1]));
assert.deepEqual(h.toArray(), [1, 256]); // on a little-endian machine
