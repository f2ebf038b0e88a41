// cast: reinterpret bytes as another format and shape without copying (Python's rules, unaligned included).
import assert from 'node:assert/strict';
import { memoryview } from '../../src/index.js';

const raw = new TextEncoder().encode('abcdefghi');
// No alignment requirement: this view starts at byte 1 and reads int32 through a DataView.
assert.deepEqual(memoryview(raw).slice(1).cast('i').toList(), [1701077858, 1768449894]);

// float16 ('e') with a software codec: b'abcd'.cast('e') → [816.5, 1123.0]
assert.deepEqual(memoryview(raw.subarray(0, 4)).cast('e').toList(), [816.5, 1123]);

// 1-D → N-D: six bytes as a 2×3 matrix; tuples index elements.
const grid = memoryview(raw.subarray(0, 6)).cast('B', [2, 3]);
assert.deepEqual(grid.strides, [3, 1]);
assert.equal(grid.get([1, 2]), 102);
assert.deepEqual(grid.slice(null, null, -1).toList(), [
  [100, 101, 102],
  [97, 98, 99],
]);

// Non-byte to non-byte casts go through 'B', as in Python.
const doubles = memoryview(new Float64Array([1.5, -2])).cast('B').cast('q');
assert.equal(doubles.get(0), 4609434218613702656n);
assert.throws(() => memoryview(new Float64Array(2)).cast('q'), TypeError); // cannot cast between two non-byte formats
assert.throws(() => memoryview(raw).slice(null, null, 2).cast('B'), TypeError); // casts need C-contiguous views

// Equality compares shape and values, not format.
assert.ok(memoryview(new Int16Array([1, 2])).equals(new Float64Array([1, 2])));
assert.ok(!grid.equals(grid.cast('B'))); // shapes differ
