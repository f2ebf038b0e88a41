// A messy CSV as it comes (spaces in headers, missing values, dates, free text, a column named `index`),
// from readCsvStore to groupBy. The pandas line is beside each compactly line.
import assert from 'node:assert/strict';
import { readCsvStore, writeCsv } from '../../src/index.js';

const csv = [
  'index,Airport Name,flight date,delay min,cancelled,remark',
  '0,Oslo Gardermoen,2024-01-05,12,False,"late crew, de-icing"',
  '1,Rome Fiumicino,2024-01-05,,False,',
  '2,Oslo Gardermoen,2024-01-06,-3,False,early',
  '3,Rome Fiumicino,2024-01-06,45,True,NA',
  '4,Oslo Gardermoen,2024-01-07,7,False,"said ""ok"""',
  '5,Oslo Gardermoen,2024-01-07,NA,True,',
].join('\n');

const flights = readCsvStore(csv); //                 df = pd.read_csv(io.StringIO(csv))
assert.deepEqual(flights.fields, ['index', 'Airport Name', 'flight date', 'delay min', 'cancelled', 'remark']);
assert.deepEqual(flights.schema['delay min'], { type: 'int32', nullable: true }); // df['delay min'].dtype: float64 (NaN)
assert.deepEqual(flights.schema['flight date'], { type: 'date', nullable: true }); // parse_dates=['flight date']
assert.equal(flights.nullCount('delay min'), 2); //   df['delay min'].isna().sum()
assert.equal(flights.getField(3, 'remark'), null); // df.loc[3, 'remark'] is NaN
assert.equal(flights.getField(4, 'remark'), 'said "ok"');

const byAirport = flights.groupBy('Airport Name').agg({ //  df.groupby('Airport Name').agg(
  flights: ['count'], //                                  flights=('index', 'size'),
  delay: ['mean', 'delay min'], //                        delay=('delay min', 'mean'))
});
assert.deepEqual(byAirport.toObjects(), [
  { 'Airport Name': 'Oslo Gardermoen', flights: 4, delay: (12 - 3 + 7) / 3 }, // nulls skipped, as pandas
  { 'Airport Name': 'Rome Fiumicino', flights: 2, delay: 45 },
]);

// Then the verbs after loading (every one in docs/record-store.md): filters, top-n, counts, CSV out.
// df[(df['delay min'] > 10) & (df.cancelled == False)]: one fused pass; a null compares false, as pd.NA.
const lateFlown = flights.filter([['delay min', '>', 10], ['cancelled', '==', false]]);
assert.deepEqual(lateFlown.toObjects().map((r) => r.index), [0]);
assert.deepEqual([...flights.nlargest(2, 'delay min').column('index')], [3, 0]); // df.nlargest(2, 'delay min')
assert.deepEqual(flights.valueCounts('Airport Name').toObjects(), [ //  df.value_counts('Airport Name')
  { 'Airport Name': 'Oslo Gardermoen', count: 4 },
  { 'Airport Name': 'Rome Fiumicino', count: 2 },
]);
assert.equal( //                                       df[...].to_csv(index=False)
  writeCsv(lateFlown.select(['index', 'Airport Name', 'delay min'])),
  'index,Airport Name,delay min\n0,Oslo Gardermoen,12\n',
);
