// A lazy pipeline over typed data runs a chunk at a time: fused loops, no per-element generator steps.
import assert from 'node:assert/strict';
import { pipeline, vector } from '../../src/index.js';

const prices = vector('float64', [0.2, 0.7, 0.9, 0.4, 1.5]);

// Stages are lazy; the sink runs one fused loop per chunk (filter + map + sum in one pass, no arrays built).
const total = pipeline(prices).filter((x) => x > 0.5).map((x) => x * 2).sum();
assert.equal(total, (0.7 + 0.9 + 1.5) * 2);

// Results never depend on chunkSize.
assert.equal(pipeline(prices, { chunkSize: 2 }).filter((x) => x > 0.5).map((x) => x * 2).sum(), total);

// chunks() over a Vector/TypedArray hands out zero-copy views of its memory (aliases, like subarray).
const views = pipeline(prices, { chunkSize: 2 }).chunks().toArray();
assert.deepEqual(views.map((c) => Array.from(c)), [[0.2, 0.7], [0.9, 0.4], [1.5]]);
assert.equal((views[0] as Float64Array).buffer, prices.array.buffer);

// Other sinks: count, min/max (Python rules), mean, reduce, valueCounts, toVector (checked against the dtype).
assert.equal(pipeline(prices).count(), 5);
assert.equal(pipeline(prices).max(), 1.5);
assert.deepEqual([...pipeline(['a', 'b', 'a']).valueCounts()], [['a', 2], ['b', 1]]);
const cents = pipeline(prices).map((x) => Math.round(x * 100)).toVector('uint16');
assert.equal(cents.toString(), "Vector('uint16', [20, 70, 90, 40, 150])");

// Over a generator, items are pulled one at a time, and take() closes the source when it has enough.
let pulled = 0;
function* sensor(): Generator<number> {
  for (;;) {
    pulled++;
    yield pulled % 7;
  }
}
assert.deepEqual(pipeline(sensor()).filter((x) => x > 3).take(3).toArray(), [4, 5, 6]);
assert.equal(pulled, 6);
