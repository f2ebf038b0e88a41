/**
 * Example: the same 3-field records as an array of objects and as a RecordStore; memory held, a column
 * scan, filter + sortBy, and a group-by, each checked against the plain-JS answer.
 *
 *   npx tsx examples/store-vs-objects.ts [rows]
 *
 * In your code, import from 'compactly' instead of the source path used here.
 */
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { RecordStore, categorical } from '../src/index.js';

/** What the example measured and checked. */
export interface StoreVsObjects {
  rows: number;
  storeBytesPerRecord: number;
  meanTemp: number;
  hottest: { station: string; temp: number }[];
  perStation: Map<string, { n: number; max: number }>;
}

/** Runs the example on `rows` seeded weather readings. */
export function main(rows = 200_000): StoreVsObjects {
  const stations = ['oslo', 'lima', 'pune', 'nome', 'faro'];
  let seed = 42;
  const next = (): number => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  // The plain-JS way: an array of objects (about 100+ bytes each in V8).
  const objects = Array.from({ length: rows }, () => ({
    station: stations[Math.floor(next() * stations.length)]!,
    temp: Math.round((next() * 60 - 20) * 10) / 10,
    day: Math.floor(next() * 365),
  }));
  // The compact way: one typed column per field, the station as 1-byte category codes.
  const store = RecordStore.fromObjects(objects, { station: 'category', temp: 'float64', day: 'int16' });
  assert.equal(store.length, rows);
  const storeBytesPerRecord = store.byteLength / rows;
  assert.ok(storeBytesPerRecord < 16, `${storeBytesPerRecord} B/record`); // 1 + 8 + 2 = 11 B plus growth slack

  // A column scan: the mean temperature, over a Float64Array instead of object fields.
  const temp = store.column('temp');
  let sum = 0;
  for (let i = 0; i < temp.length; i++) sum += temp[i]!;
  const meanTemp = sum / rows;
  assert.ok(Math.abs(meanTemp - objects.reduce((s, o) => s + o.temp, 0) / rows) < 1e-9);

  // filter + sortBy: the five hottest readings above 39 degrees.
  const hot = store.filter((r) => r.temp > 39).sortBy('temp', { descending: true });
  const hottest = hot
    .toObjects()
    .slice(0, 5)
    .map((r) => ({ station: r.station as string, temp: r.temp }));
  const expectedHot = objects
    .filter((o) => o.temp > 39)
    .sort((a, b) => b.temp - a.temp)
    .slice(0, 5);
  assert.deepEqual(
    hottest.map((h) => h.temp),
    expectedHot.map((o) => o.temp),
  );

  // group-by: readings and maximum per station.
  const agg = store.groupBy('station').agg({ n: ['count'], max: ['max', 'temp'] });
  const perStation = new Map<string, { n: number; max: number }>();
  for (const g of agg) perStation.set(g.station as string, { n: g.n, max: g.max });
  for (const s of stations) {
    const mine = objects.filter((o) => o.station === s);
    assert.deepEqual(perStation.get(s), { n: mine.length, max: Math.max(...mine.map((o) => o.temp)) });
  }

  // The station column on its own is a Categorical: counts come from its codes.
  const counts = categorical(objects.map((o) => o.station)).valueCounts();
  for (const [s, n] of counts) assert.equal(n, perStation.get(s as string)!.n);
  return { rows, storeBytesPerRecord, meanTemp, hottest, perStation };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = main(Number(process.argv[2] ?? 200_000));
  console.log(`${r.rows.toLocaleString('en-US')} readings: ${r.storeBytesPerRecord.toFixed(1)} bytes per record in the store`);
  console.log(`mean temperature ${r.meanTemp.toFixed(2)}; hottest:`, r.hottest);
  console.table([...r.perStation].map(([station, v]) => ({ station, ...v })));
}
