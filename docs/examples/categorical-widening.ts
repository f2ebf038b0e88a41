// Widening: Int8 codes hold 128 categories; the 129th widens the codes to Int16 (and past 32768 to Int32)
// instead of wrapping, which is what apache-arrow's and flechette's Int8 dictionary builders do.
import assert from 'node:assert/strict';
import { categorical } from '../../src/index.js';

const c = categorical<string>();
for (let i = 0; i < 128; i++) c.push(`v${i}`);
assert.equal(c.codesDType, 'int8');
assert.equal(c.codeOf('v127'), 127);

const before = c.codes; // an alias of the live codes...
c.push('v128'); // the 129th category: code 128 does not fit in an Int8Array
assert.equal(c.codesDType, 'int16');
assert.equal(c.get(128), 'v128'); // arrow would read -128 here
assert.notEqual(c.codes, before); // ...which went stale: read `codes` again after a widening
assert.ok(c.codes instanceof Int16Array);

// Memory: about 1 byte per value up to 128 categories, 2 up to 32768, plus the dictionary.
const small = categorical(Array.from({ length: 10_000 }, (_, i) => ['red', 'green', 'blue'][i % 3]!));
const usage = small.memoryUsage();
assert.equal(usage.codes, 10_000); // 1 byte per value
assert.equal(small.byteLength, usage.codes + usage.slack + usage.dictionary);
assert.equal(small.nbytes, 10_000 + 3 * 8); // pandas' nbytes: codes + 8 bytes per category
