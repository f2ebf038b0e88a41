// After loading: masks, value counts, top-n, derived columns, stacking, joining and writing CSV.
import assert from 'node:assert/strict';
import { RecordStore, maskNot, maskOr, writeCsv } from '../../src/index.js';

const schema = { origin: 'category', dest: 'category', delay: 'int16', distance: 'float64', airTime: 'float64' } as const;
const flights = RecordStore.fromObjects(
  [
    { origin: 'LAX', dest: 'SFO', delay: 12, distance: 337, airTime: 55 },
    { origin: 'SFO', dest: 'LAX', delay: 350, distance: 337, airTime: 60 },
    { origin: 'LAX', dest: 'JFK', delay: -3, distance: 2475, airTime: 290 },
    { origin: 'JFK', dest: 'LAX', delay: 420, distance: 2475, airTime: 330 },
    { origin: 'LAX', dest: 'SFO', delay: 0, distance: 337, airTime: 50 },
  ],
  schema,
);

// df[(df.delay > 300) & (df.distance > 2000)]: a list of conditions, tested in one fused pass (no mask, no
// callback per row), then one gather.
assert.deepEqual(
  flights
    .filter([
      ['delay', '>', 300],
      ['distance', '>', 2000],
    ])
    .toObjects()
    .map((r) => r.origin),
  ['JFK'],
);
// Masks, for what a conjunction cannot say: df[~(df.delay > 300) | (df.origin == 'JFK')].
const late = flights.where('delay', '>', 300);
assert.deepEqual([...flights.where('origin', 'in', ['SFO', 'JFK'])], [0, 1, 0, 1, 0]);
assert.equal(flights.filter(maskOr(maskNot(late), flights.where('origin', '==', 'JFK'))).length, 4);

// df.value_counts(['origin', 'dest']).head(1): the top route.
assert.deepEqual(flights.valueCounts(['origin', 'dest']).head(1).toObjects(), [{ origin: 'LAX', dest: 'SFO', count: 2 }]);

// df.nlargest(2, 'delay'): a bounded heap, not a full sort.
assert.deepEqual([...flights.nlargest(2, 'delay').column('delay')], [420, 350]);

// df['speed'] = df.distance / df.air_time * 60: a new store; every value checked against the field type.
const withSpeed = flights.derive({ speed: (r) => (r.distance / r.airTime) * 60 });
assert.equal(Math.round(withSpeed.getField(2, 'speed')), 512);
const flagged = flights.assign({ late }); // a Uint8Array column is adopted as a uint8 field
assert.equal(flagged.schema.late, 'uint8');

// pd.concat([a, b]) and a.merge(b, on='origin', how='left').
const more = RecordStore.fromObjects([{ origin: 'SEA', dest: 'LAX', delay: 5, distance: 954, airTime: 140 }], schema);
const all = RecordStore.concat([flights, more]);
assert.deepEqual(all.column('origin').categories, ['LAX', 'SFO', 'JFK', 'SEA']);
const airports = RecordStore.fromObjects(
  [
    { origin: 'LAX', city: 'Los Angeles' },
    { origin: 'SFO', city: 'San Francisco' },
    { origin: 'JFK', city: 'New York' },
  ],
  { origin: 'category', city: 'category' },
);
const named = all.join(airports, { on: 'origin', how: 'left' });
assert.deepEqual(named.toObjects().map((r) => r.city), ['Los Angeles', 'San Francisco', 'Los Angeles', 'New York', 'Los Angeles', null]);

// df.to_csv(index=False): pandas' defaults (floats as Python repr, NA as '').
assert.equal(writeCsv(airports.head(1)), 'origin,city\nLAX,Los Angeles\n');
assert.equal(writeCsv(withSpeed.select(['origin', 'speed']).head(1)), 'origin,speed\nLAX,367.6363636363636\n');
