// Python slice rules: slice() copies, setSlice() assigns (resizing with step 1), deleteSlice() deletes.
import assert from 'node:assert/strict';
import { ValueError, vector } from '../../src/index.js';

const v = vector('int16', [0, 1, 2, 3, 4, 5]);
assert.deepEqual(v.slice(1, 3).toArray(), [1, 2]); // a[1:3]
assert.deepEqual(v.slice(null, null, -2).toArray(), [5, 3, 1]); // a[::-2]
assert.deepEqual(v.slice(10, 20).toArray(), []); // bounds clamp

v.setSlice(1, 3, 1, [9, 9, 9]); // a[1:3] = …: step 1 may change the length
assert.deepEqual(v.toArray(), [0, 9, 9, 9, 3, 4, 5]);

v.setSlice(null, null, 3, [7, 7, 7]); // a[::3] = …: extended slices need equal sizes
assert.deepEqual(v.toArray(), [7, 9, 9, 7, 3, 4, 7]);
assert.throws(() => v.setSlice(null, null, 3, [1]), ValueError);

const w = vector('int8', [1, 2, 3, 4, 5]);
w.setSlice(1, 4, 1, w); // self-assignment works, as in Python
assert.deepEqual(w.toArray(), [1, 1, 2, 3, 4, 5, 5]);

w.deleteSlice(null, null, 2); // del a[::2]
assert.deepEqual(w.toArray(), [1, 3, 5]);
