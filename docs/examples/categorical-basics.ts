// Building a Categorical, reading codes and categories, counting, comparing (pandas.Categorical semantics).
import assert from 'node:assert/strict';
import { Categorical, categorical } from '../../src/index.js';

// Categories are inferred and sorted, as pandas does; null, undefined and NaN are all missing (code -1).
const c = categorical(['b', 'a', null, 'a', undefined]);
assert.deepEqual(c.categories, ['a', 'b']);
assert.deepEqual(Array.from(c.codes), [1, 0, -1, 0, -1]);
assert.equal(c.codesDType, 'int8'); // one byte per value
assert.equal(c.get(2), null); // missing reads back as null
assert.equal(c.toString(), 'Categorical(["b", "a", null, "a", null], categories=["a", "b"])');

// valueCounts: category order, zero counts kept, a null entry only with dropna: false.
const sizes = categorical(['M', 'S', null], { categories: ['S', 'M', 'L'] });
assert.deepEqual([...sizes.valueCounts()], [['S', 1], ['M', 1], ['L', 0]]);
assert.deepEqual([...sizes.valueCounts({ dropna: false })], [['S', 1], ['M', 1], ['L', 0], [null, 1]]);

// Comparisons return Uint8Array masks. Ordering needs ordered categories, and follows their order.
const level = categorical(['lo', 'hi', 'mid', null], { categories: ['lo', 'mid', 'hi'], ordered: true });
assert.deepEqual(Array.from(level.ge('mid')), [0, 1, 1, 0]);
assert.equal(level.max(), 'hi');
assert.deepEqual(Array.from(level.eq('nope')), [0, 0, 0, 0]); // a non-category: all false (pandas)
assert.throws(() => level.lt('nope'), TypeError); // ...but ordering against it is a TypeError
assert.throws(() => c.lt('a'), TypeError); // unordered: only eq/ne
assert.throws(() => c.min(), TypeError);

// unique() keeps order of appearance (and all categories); isNA() is a mask.
assert.deepEqual(categorical(['b', 'a', null, 'b']).unique().toArray(), ['b', 'a', null]);
assert.deepEqual(Array.from(c.isNA()), [0, 0, 1, 0, 1]);

// From codes (pandas from_codes): a signed TypedArray of sufficient width is adopted, not copied.
const codes = new Int8Array([0, 1, 1, -1]);
const fromCodes = Categorical.fromCodes(codes, ['no', 'yes']);
assert.equal(fromCodes.codes, codes);
assert.deepEqual(fromCodes.toArray(), ['no', 'yes', 'yes', null]);
