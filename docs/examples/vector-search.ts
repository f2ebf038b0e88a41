// Searching and comparing use Python's `==`: by value across types, NaN never matches.
import assert from 'node:assert/strict';
import { ValueError, vector } from '../../src/index.js';

const v = vector('float64', [1, NaN, 2, 1]);
assert.equal(v.index(1), 0);
assert.equal(v.index(1, 1), 3); // start/stop like Python's index
assert.equal(v.indexOf(7), -1); // JS-style: -1 instead of ValueError
assert.throws(() => v.index(7), ValueError);
assert.equal(v.count(1), 2);
assert.equal(v.includes(NaN), false); // unlike Float64Array#includes
assert.equal(v.count('1'), 0); // wrong types are simply not found

// equals/compare: lexicographic by value, across dtypes (bigint against number by value).
assert.equal(vector('b', [1, 2]).equals(vector('d', [1, 2])), true);
assert.equal(vector('q', [1n, 2n]).equals(vector('i', [1, 2])), true);
assert.equal(vector('b', [1, 2]).compare(vector('b', [1, 2, 0])), -1);
assert.equal(v.equals(v), false); // holds a NaN, as in Python

// Aggregates: monomorphic kernels; min/max of an empty vector is a ValueError like Python's min([]).
assert.equal(vector('int32', [3, -1, 7]).min(), -1);
assert.equal(vector('uint64', [2n ** 63n, 2n ** 63n]).sum(), 2n ** 64n); // exact bigint
assert.throws(() => vector('int8').max(), ValueError);
