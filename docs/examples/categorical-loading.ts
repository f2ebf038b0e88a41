// Loading: push adds unseen values as categories; set only takes existing ones; extend is atomic.
import assert from 'node:assert/strict';
import { categorical } from '../../src/index.js';

const kind = categorical<string>(); // categories in order of appearance when loaded by push
for (const s of 'cat,dog,cat,,bird'.split(',')) kind.push(s === '' ? null : s);
assert.deepEqual(kind.categories, ['cat', 'dog', 'bird']);
assert.deepEqual(kind.toArray(), ['cat', 'dog', 'cat', null, 'bird']);

// set follows pandas: a value that is not a category is a TypeError ("set the categories first").
kind.set(0, 'dog');
assert.throws(() => kind.set(0, 'fish'), TypeError);
const more = kind.addCategories('fish'); // category edits return a new Categorical (pandas >= 2)
more.set(0, 'fish');
assert.equal(more.get(0), 'fish');
assert.equal(kind.get(0), 'dog');

// extend validates the whole batch first: a failure leaves the column exactly as it was.
assert.throws(() => kind.extend(['emu', 'owl', 42 as unknown as string]), TypeError); // strings and numbers never mix
assert.equal(kind.length, 5);
assert.deepEqual(kind.categories, ['cat', 'dog', 'bird']);

// strict: never add categories implicitly.
const fixed = categorical(['S'], { categories: ['S', 'M', 'L'], strict: true });
fixed.push('L');
assert.throws(() => fixed.push('XL'), TypeError);
fixed.assertExtendable(['M', null]); // the check extend() would make, without writing
assert.throws(() => fixed.assertExtendable(['M', 'XXL']), TypeError);
assert.equal(fixed.length, 2);
