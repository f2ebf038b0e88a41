// Dataframe-like verbs: each returns a new RecordStore.
import assert from 'node:assert/strict';
import { RecordStore } from '../../src/index.js';

const sales = RecordStore.fromObjects(
  [
    { region: 'north', units: 3, price: 9.5 },
    { region: 'south', units: 1, price: 20 },
    { region: 'north', units: 7, price: 8 },
    { region: 'east', units: 2, price: 12.25 },
    { region: 'south', units: 5, price: 19 },
  ],
  { region: 'category', units: 'uint16', price: 'float64' },
);

// filter: the predicate gets one cursor moved along (or pass a mask).
const big = sales.filter((r) => r.units >= 3);
assert.deepEqual(
  big.toObjects().map((r) => r.units),
  [3, 7, 5],
);
const south = sales.filter(sales.column('region').eq('south')); // a Categorical mask
assert.equal(south.length, 2);

// sortBy: stable; one field, several fields, descending flags, or a comparator over two cursors.
const byPrice = sales.sortBy('price', { descending: true });
assert.deepEqual(
  byPrice.toObjects().map((r) => r.price),
  [20, 19, 12.25, 9.5, 8],
);
const byRegion = sales.sortBy(['region', 'units']); // unordered categories sort by value
assert.deepEqual(
  byRegion.toObjects().map((r) => `${r.region}:${r.units}`),
  ['east:2', 'north:3', 'north:7', 'south:1', 'south:5'],
);

// select and head
assert.deepEqual(sales.select(['units']).head(2).toObjects(), [{ units: 3 }, { units: 1 }]);

// groupBy(...).agg({...}): key columns first (a category key stays categorical), then the outputs.
const perRegion = sales.groupBy('region').agg({
  units: ['sum', 'units'],
  avgPrice: ['mean', 'price'],
  orders: ['count'],
});
assert.deepEqual(perRegion.toObjects(), [
  { region: 'north', units: 10, avgPrice: 8.75, orders: 2 },
  { region: 'south', units: 6, avgPrice: 19.5, orders: 2 },
  { region: 'east', units: 2, avgPrice: 12.25, orders: 1 },
]);
assert.equal(perRegion.schema.region, 'category');

// toString(): a readable table of the first rows; floats as pandas prints them (toString(10, { precision: 8 }) for more).
assert.equal(
  perRegion.toString(),
  [
    '   region  units  avgPrice  orders',
    '0  north    10.0      8.75       2',
    '1  south     6.0     19.50       2',
    '2  east      2.0     12.25       1',
    '[3 rows × 4 fields]',
  ].join('\n'),
);
