// A view of any buffer: format, shape, strides; zero-copy slices with steps; checked writes.
import assert from 'node:assert/strict';
import { IndexError, ValueError, memoryview } from '../../src/index.js';

const bytes = new TextEncoder().encode('abcdef'); // Python: b'abcdef'
const m = memoryview(bytes);
assert.deepEqual([m.format, m.itemsize, m.nbytes, m.shape, m.strides], ['B', 1, 6, [6], [1]]);
assert.equal(m.get(-1), 102); // negative indexes count from the end

const odd = m.slice(null, null, -2); // m[::-2]: no copy, negative stride
assert.deepEqual(odd.toList(), [102, 100, 98]);
assert.deepEqual(odd.strides, [-2]);
assert.equal(odd.contiguous, false);
assert.equal(odd.hex(':'), '66:64:62'); // toBytes/hex/toList pack a copy of the items

odd.set(0, 0x46); // writes go through to `bytes`
assert.equal(new TextDecoder().decode(bytes), 'abcdeF');

assert.throws(() => m.set(0, 256), ValueError); // out of range for 'B': ValueError, as Python
assert.throws(() => m.set(0, 1.5), TypeError); // wrong type: TypeError
assert.throws(() => m.get(6), IndexError);
assert.throws(() => m.toReadonly().set(0, 1), TypeError); // cannot modify read-only memory
