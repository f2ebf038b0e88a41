// Streaming a CSV file in constant memory: RecordStore chunks, typed columns, categories, bad rows.
import assert from 'node:assert/strict';
import { CsvError, pipeline, readCsv as readCsvText } from '../../src/index.js';
import { readCsv } from '../../src/node/index.js';

const schema = { trip: 'uint32', city: 'category', km: 'float64', passengers: 'uint8' } as const;
const file = new URL('./data/trips.csv', import.meta.url);

// Each chunk is a RecordStore of up to chunkSize rows: km is a Float64Array, city a Categorical.
let trips = 0;
let km = 0;
const perCity = new Map<string, number>();
for await (const chunk of readCsv(file, { schema, chunkSize: 64 })) {
  trips += chunk.length;
  km += pipeline(chunk.column('km')).sum();
  for (const [city, n] of chunk.column('city').valueCounts()) perCity.set(city as string, (perCity.get(city as string) ?? 0) + n);
}
assert.equal(trips, 200);
assert.ok(km > 0);
assert.equal([...perCity.values()].reduce((a, b) => a + b), 200);

// As a pipeline: the first long trip, reading no further (the file is closed at once).
const long = await pipeline(readCsv(file, { schema, chunkSize: 16 }))
  .flatMap((chunk) => chunk.toObjects())
  .filter((t) => t.km > 35)
  .first();
assert.ok(long === undefined || long.km > 35);

// Bad rows name line and column; onError: 'skip' drops and counts them instead.
const text = 'trip,city,km,passengers\n1,Oslo,3.5,2\n2,Rome,far,1\n3,Lima,2,300\n4,Oslo,1.25,1\n';
assert.throws(
  () => [...readCsvText(text, { schema })],
  (e: unknown) => e instanceof CsvError && e.line === 3 && e.column === 3 && e.field === 'km',
);
const reader = readCsvText(text, { schema, onError: 'skip' });
const kept = [...reader].flatMap((c) => c.toObjects());
assert.deepEqual(kept.map((t) => t.trip), [1, 4]);
assert.equal(reader.skippedRows, 2);
