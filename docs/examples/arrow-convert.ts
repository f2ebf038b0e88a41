// RecordStore ↔ arrow Table without copying numeric columns; Categorical ↔ Dictionary with exact index widths.
import assert from 'node:assert/strict';
import { tableFromArrays, vectorFromArray, Utf8 } from 'apache-arrow';
import { categorical, recordStore, Utf8Column } from '../../src/index.js';
import { fromArrow, toArrow } from '../../src/arrow/index.js';

const store = recordStore({ x: 'float64', id: 'int64', kind: 'category', pos: ['float32', 3] });
store.push({ x: 1.5, id: 2n ** 62n, kind: 'a', pos: [1, 2, 3] });
store.push({ x: -2, id: -1n, kind: null, pos: [4, 5, 6] });

// toArrow: one record batch, field order and types kept; columns are shared, not copied.
const table = toArrow(store);
assert.equal(String(table.schema.fields.map((f) => `${f.name}: ${f.type}`)), 'x: Float64,id: Int64,kind: Dictionary<Int8, Utf8>,pos: FixedSizeList[3]<Float32>');
const xs = table.getChild('x')!.data[0]!.values as Float64Array;
assert.equal(xs.buffer, store.column('x').buffer); // same memory
assert.equal(xs.length, store.length); // the live rows only, never the spare capacity
assert.equal(table.getChild('kind')!.get(1), null); // missing → null
assert.equal(table.getChild('id')!.get(0), 2n ** 62n); // int64 as BigInt64

// fromArrow: the store adopts the Arrow buffers (single chunk, no nulls).
const back = fromArrow(table);
assert.equal((back.column('x') as Float64Array).buffer, xs.buffer);
assert.deepEqual(back.toObjects(), store.toObjects());

// Categoricals keep the narrowest signed index type: Int8 up to 128 categories, Int16, then Int32.
const many = categorical(Array.from({ length: 300 }, (_, i) => `c${i}`));
assert.equal(String(toArrow(many).type), 'Dictionary<Int16, Utf8>');
assert.equal(toArrow(many).get(299), 'c299'); // arrow's own Int8 builder would have wrapped this index

// Arrow data from elsewhere: a standalone Utf8 vector becomes a Utf8Column, or a Categorical on request.
const external = tableFromArrays({ score: Float64Array.of(0.5, 0.25) });
assert.deepEqual(fromArrow(external).toObjects(), [{ score: 0.5 }, { score: 0.25 }]);
const names = vectorFromArray(['b', 'a', 'b'], new Utf8());
assert.deepEqual((fromArrow(names) as Utf8Column).toArray(), ['b', 'a', 'b']);
const cat = fromArrow(names, { strings: 'category' });
assert.deepEqual(cat.toArray(), ['b', 'a', 'b']);
