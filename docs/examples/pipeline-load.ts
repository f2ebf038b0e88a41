// Loading a whole CSV file into one RecordStore, as pd.read_csv(path): no schema needed.
import assert from 'node:assert/strict';
import { readCsvStore } from '../../src/node/index.js';

const trips = await readCsvStore(new URL('./data/trips.csv', import.meta.url));
// Types are inferred from the first 10,000 rows (inferRows), every field nullable: ints -> int32,
// decimals -> float64, repeating text -> category (sorted, as pandas), unique text -> utf8.
const { trip, city, km, passengers } = trips.schema;
assert.deepEqual([trip, city, km, passengers], [
  { type: 'int32', nullable: true },
  { type: 'category', nullable: true },
  { type: 'float64', nullable: true },
  { type: 'int32', nullable: true },
]);
assert.equal(trips.length, 200);
// store.schema is a schema you can pass back (or edit: a narrower dtype for a known column).
const narrow = await readCsvStore(new URL('./data/trips.csv', import.meta.url), { schema: { passengers: 'uint8' } });
assert.equal(narrow.schema.passengers, 'uint8');
