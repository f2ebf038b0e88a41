// Category edits (each returns a new Categorical; the original is unchanged, as in pandas >= 2.0).
import assert from 'node:assert/strict';
import { ValueError, categorical } from '../../src/index.js';

const c = categorical(['a', 'b', 'c', 'a']);

assert.deepEqual(c.addCategories(['d']).categories, ['a', 'b', 'c', 'd']);
assert.deepEqual(c.removeCategories('c').toArray(), ['a', 'b', null, 'a']); // values become missing
assert.deepEqual(c.renameCategories({ a: 'A' }).toArray(), ['A', 'b', 'c', 'A']); // mapping: others kept
assert.deepEqual(c.renameCategories(['x', 'y', 'z']).categories, ['x', 'y', 'z']); // positional

// reorderCategories recodes: values stay, codes change.
const r = c.reorderCategories(['c', 'a', 'b'], { ordered: true });
assert.deepEqual(Array.from(r.codes), [1, 2, 0, 1]);
assert.equal(r.min(), 'c');

// setCategories recodes by value (others become missing); { rename: true } renames by position.
assert.deepEqual(c.setCategories(['c', 'b', 'x']).toArray(), [null, 'b', 'c', null]);
assert.deepEqual(c.setCategories(['x', 'y'], { rename: true }).toArray(), ['x', 'y', null, 'x']);

assert.deepEqual(c.setCategories(['a', 'b', 'c', 'zzz']).removeUnusedCategories().categories, ['a', 'b', 'c']);
assert.equal(c.asOrdered().ordered, true);

// pandas' errors, with the JS base class you can catch.
assert.throws(() => c.addCategories('a'), ValueError); // new categories must not include old categories
assert.throws(() => c.removeCategories('z'), RangeError); // ValueError extends RangeError
assert.throws(() => c.renameCategories(['x']), ValueError); // wrong length
assert.throws(() => c.reorderCategories(['a', 'b']), ValueError); // not a permutation
assert.deepEqual(c.toArray(), ['a', 'b', 'c', 'a']); // never modified
