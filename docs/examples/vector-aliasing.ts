// `array` and `subarray` alias the live elements; `slice`/`toArray` copy. Aliases go stale on reallocation.
import assert from 'node:assert/strict';
import { vector } from '../../src/index.js';

const v = vector('float64', [1, 2, 3], { capacity: 4 });
const live = v.array; // Float64Array over v's memory, exactly `length` long
live[0] = 10; // unchecked write, visible in v
assert.equal(v.get(0), 10);

let total = 0;
for (let i = 0; i < live.length; i++) total += live[i]!; // the fastest loop there is
assert.equal(total, 15);

const copy = v.slice();
copy.set(0, -1);
assert.equal(v.get(0), 10); // slice() copied

v.push(4); // still fits in capacity 4: same buffer, but `live` keeps its old length 3
assert.equal(live.length, 3);
v.push(5); // reallocates (capacity doubles to 8): `live` is now stale
live[1] = 99;
assert.equal(v.get(1), 2); // v no longer sees writes through the stale alias
assert.deepEqual(Array.from(v.array), [10, 2, 3, 4, 5]); // take a fresh alias after growing

v.shrinkToFit();
assert.equal(v.capacity, 5);
assert.deepEqual(v.memoryUsage(), { length: 5, capacity: 5, byteLength: 40, nbytes: 40, bytesPerItem: 8, slack: 0 });
