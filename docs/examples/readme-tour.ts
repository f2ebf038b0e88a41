import assert from 'node:assert/strict';
import { categorical, memoryview, pipeline, readCsv, recordStore, vector } from '../../src/index.js';

const v = vector('int16', [3, 1, 2]);                  // array.array('h', [3, 1, 2]): 2 bytes per element
v.push(7);                                              // checked: v.push(40000) throws OverflowError
const pts = recordStore({ x: 'float64', y: 'float64', kind: 'category' }); // __slots__, as columns
pts.push({ x: 1, y: 2, kind: 'a' }); pts.push({ x: 3, y: 4, kind: 'b' });
pts.get(0).x += 10;                                     // a record view writes through to the column
const xs = pts.column('x');                             // Float64Array alias: zero-copy
const kinds = categorical(['red', 'blue', 'red', null]); // codes in an Int8Array, widened as needed
const m = memoryview(v).slice(null, null, -1);          // zero-copy, strided; v can't resize until release()
const csv = 'id,city\n1,Oslo\n2,Rome\n3,Oslo\n';
for (const chunk of readCsv(csv, { schema: { id: 'uint32', city: 'category' }, chunkSize: 2 })) {
  assert.ok(chunk.length <= 2);                         // RecordStore chunks in constant memory
}
const total = pipeline(new Float64Array([0.2, 0.7, 0.9])).filter((x) => x > 0.5).map((x) => x * 2).sum();

assert.deepEqual([...v, xs[0], kinds.valueCounts().get('red'), m.toList(), total], [3, 1, 2, 7, 11, 2, [7, 2, 1, 3], 3.2]);
m.release();
