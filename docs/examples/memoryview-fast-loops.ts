// Hot loops: get(i) is a per-view kernel; `array` hands out the aliased TypedArray of a contiguous view.
import assert from 'node:assert/strict';
import { memoryview } from '../../src/index.js';

const data = Float64Array.from({ length: 1000 }, (_, i) => i);
const window = memoryview(data).slice(100, 200); // O(1), whatever the length

let s1 = 0;
for (let i = 0; i < window.length; i++) s1 += window.get(i); // checked, monomorphic per view
const arr = window.array; // Float64Array over the same 100 items (writable, contiguous views only)
let s2 = 0;
for (let i = 0; i < arr.length; i++) s2 += arr[i]!;
assert.equal(s1, s2);
assert.equal(s1, 14950);

const everyOther = memoryview(data).slice(null, null, 2);
assert.equal(everyOther.get(3), 6);
assert.throws(() => everyOther.array, TypeError); // strided: no TypedArray can express it
window.release();
everyOther.release();
