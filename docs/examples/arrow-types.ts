// The column types of real tables in Arrow: nulls, text, booleans, dates and timestamps, both ways.
import assert from 'node:assert/strict';
import { tableFromIPC } from 'apache-arrow';
import { RecordStore } from '../../src/index.js';
import { fromArrow, toArrow, toIPC } from '../../src/arrow/index.js';

const flights = RecordStore.fromObjects(
  [
    { delay: 12, tail: 'N123AA', cancelled: false, day: '2001-01-01', dep: '2001-01-01T00:47:00Z' },
    { delay: null, tail: null, cancelled: true, day: '2001-01-02', dep: null },
  ],
  {
    delay: { type: 'int32', nullable: true },
    tail: { type: 'utf8', nullable: true },
    cancelled: 'bool',
    day: 'date',
    dep: { type: 'timestamp', nullable: true },
  },
);

const table = toArrow(flights);
assert.deepEqual(
  table.schema.fields.map((f) => `${f.name}: ${String(f.type)}`),
  ['delay: Int32', 'tail: Utf8', 'cancelled: Bool', 'day: Date32<DAY>', 'dep: Timestamp<MILLISECOND, UTC>'],
);
// The validity bitmap, the utf8 offsets and bytes, and the date days are the store's own memory.
assert.equal(table.getChild('delay')!.data[0]!.nullBitmap.buffer, flights.validity('delay')!.buffer);
assert.equal(table.getChild('tail')!.data[0]!.values.buffer, flights.column('tail').bytes.buffer);
assert.equal(table.getChild('day')!.data[0]!.values.buffer, flights.column('day').buffer);

// Any Arrow reader sees the nulls and types; fromArrow gives the same schema back.
const other = tableFromIPC(toIPC(flights));
assert.equal(other.getChild('tail')!.get(1), null);
assert.equal(other.getChild('dep')!.get(0), Date.UTC(2001, 0, 1, 0, 47));
const back = fromArrow(other);
assert.deepEqual(back.schema, flights.schema);
assert.deepEqual(back.toObjects(), flights.toObjects());
