// A schema, push, record views with __slots__ semantics, checked writes, defaults, vector and category fields.
import assert from 'node:assert/strict';
import { AttributeError, IndexError, OverflowError, recordStore } from '../../src/index.js';

const particles = recordStore({
  pos: ['float32', 3], // a fixed-size vector field: 3 float32 per record
  mass: { type: 'float64', default: 1 }, // used when push() leaves it out
  charge: 'int8', // or the typecode 'b'
  kind: 'category', // strings, dictionary-encoded (a Categorical column)
});

const i = particles.push({ pos: [0, 1, 2], charge: -1, kind: 'electron' });
particles.push({ pos: [5, 5, 5], mass: 1836, charge: 1, kind: 'proton' });
assert.equal(i, 0);

const p = particles.get(0); // a view: getters/setters over row 0, no copy
p.mass *= 2; // writes the mass column
assert.equal(particles.getField(0, 'mass'), 2);
assert.deepEqual(Array.from(p.pos), [0, 1, 2]); // Float32Array alias of the record's 3 elements
assert.equal(particles.get(-1).kind, 'proton'); // negative indexes count from the end

// __slots__: no new attributes. Unknown names are an AttributeError (a TypeError).
assert.throws(() => ((p as unknown as Record<string, number>).spin = 1), AttributeError);
assert.throws(() => particles.getField(0, 'spin' as never), AttributeError); // never undefined

// Unlike slots, fields are typed: every write is checked like array.array.
assert.throws(() => (p.charge = 200), OverflowError); // int8 value 200 out of range [-128, 127]
assert.throws(() => (p.charge = 0.5), TypeError);
assert.throws(() => particles.push({ pos: [0, 0, 0], kind: 'x' } as never), TypeError); // charge missing, no default
assert.throws(() => particles.get(2), IndexError);
assert.equal(particles.length, 2); // failed pushes changed nothing

// A detached copy (the __getstate__ / copy.copy analogue):
const snap = p.toObject();
p.charge = 0;
assert.equal(snap.charge, -1);

// Deleting: remove(i) keeps order (like del list[i]); swapRemove(i) moves the last record in, O(1).
particles.swapRemove(0);
assert.equal(particles.get(0).kind, 'proton');
