// Python's itertools, one name for sync and async iterables; eager argument checks; early exit closes sources.
import assert from 'node:assert/strict';
import { accumulate, batched, chain, count, groupby, islice, pairwise, takewhile, tee, ValueError, zipLongest } from '../../src/index.js';

assert.deepEqual([...islice('ABCDEFG', 2, null, 2)], ['C', 'E', 'G']);
assert.deepEqual([...batched('ABCDEFG', 3)], [['A', 'B', 'C'], ['D', 'E', 'F'], ['G']]);
assert.throws(() => batched('ABC', 0), ValueError); // eager, as Python: n must be at least one
assert.deepEqual([...accumulate([1, 2, 3], null, { initial: 10 })], [10, 11, 13, 16]);
assert.deepEqual([...zipLongest('AB', 'x', { fillvalue: '-' })], [['A', 'x'], ['B', '-']]);
assert.deepEqual([...pairwise([1, 2, 3])], [[1, 2], [2, 3]]);
assert.deepEqual([...islice(count(10, 2.5), 3)], [10, 12.5, 15]);
assert.deepEqual([...chain.fromIterable([[1], [2, 3]])], [1, 2, 3]);

// groupby groups *consecutive* keys; copy each group before moving on (groups share the source).
const runs = [...groupby('AAABBA')].length; // spreading first empties the groups, as in Python
assert.equal(runs, 3);
const sizes: [string, number][] = [];
for (const [k, g] of groupby('AAABBA')) sizes.push([k, [...g].length]);
assert.deepEqual(sizes, [['A', 3], ['B', 2], ['A', 1]]);

// takewhile consumes and drops the first failing item; the shared iterator continues after it.
const it = [1, 4, 6, 3, 8][Symbol.iterator]();
assert.deepEqual([...takewhile((x: number) => x < 5, it)], [1, 4]);
assert.deepEqual([...it], [3, 8]);

// tee buffers only what the slowest copy has not read yet.
const [a, b] = tee([1, 2, 3]);
assert.deepEqual([...a!], [1, 2, 3]);
assert.deepEqual([...b!], [1, 2, 3]);

// An early exit (break) calls return() on the source: its finally block runs, like Python's close().
let closed = false;
function* numbers(): Generator<number> {
  try {
    for (let i = 0; ; i++) yield i;
  } finally {
    closed = true;
  }
}
for (const x of islice(numbers(), 100)) if (x === 3) break;
assert.equal(closed, true);

// The same names work on async iterables.
async function* ticks(): AsyncGenerator<number> {
  for (let i = 0; i < 5; i++) yield i;
}
const firstTwo: number[][] = [];
for await (const batch of batched(ticks(), 2)) firstTwo.push(batch);
assert.deepEqual(firstTwo, [[0, 1], [2, 3], [4]]);
