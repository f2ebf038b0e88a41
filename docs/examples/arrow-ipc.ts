// Whole tables to IPC bytes and back; a stream of RecordStore chunks written with dictionary deltas
// to a file, then read back chunk by chunk as a pipeline source.
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageReader, tableFromIPC } from 'apache-arrow';
import { categorical, pipeline, RecordStore, recordStore } from '../../src/index.js';
import { fromIPC, readIPC, toIPC, writeIPC } from '../../src/arrow/index.js';

// toIPC / fromIPC: stream format by default, file format (Feather v2, .arrow) on request.
const store = recordStore({ t: 'float64', level: 'category' });
store.extend([
  { t: 0.5, level: 'info' },
  { t: 1.25, level: 'warn' },
]);
const fileBytes = toIPC(store, { format: 'file' });
assert.deepEqual(fromIPC(fileBytes).toObjects(), store.toObjects());
assert.throws(() => fromIPC(fileBytes.subarray(0, 40)), /malformed Arrow IPC data at byte offset/);

// writeIPC: chunks in, bytes out. The `level` categories grow from chunk to chunk, so only the new
// categories travel, as delta dictionary batches.
const SCHEMA = { t: 'float64', level: 'category' } as const;
function* chunks(): Generator<RecordStore<typeof SCHEMA>> {
  const seen: string[] = [];
  for (const batch of [['info', 'warn'], ['warn', 'error'], ['debug', 'info']]) {
    for (const v of batch) if (!seen.includes(v)) seen.push(v);
    const level = categorical(batch, { categories: [...seen] });
    yield RecordStore.fromColumns({ t: Float64Array.from(batch, (_, i) => i), level }, SCHEMA);
  }
}
const dir = await mkdtemp(join(tmpdir(), 'compactly-arrow-'));
const path = join(dir, 'events.arrows');
const pieces: Uint8Array[] = [];
for await (const bytes of writeIPC(chunks())) pieces.push(bytes); // or: stream.write(bytes)
await writeFile(path, pieces);

// The dictionary messages: the first one, then two deltas.
const bytes = new Uint8Array(await readFile(path));
const deltas: boolean[] = [];
const messages = new MessageReader(bytes);
for (const m of messages) {
  if (m.isDictionaryBatch()) deltas.push(m.header().isDelta);
  if (m.bodyLength > 0) messages.readMessageBody(m.bodyLength);
}
assert.deepEqual(deltas, [false, true, true]);
assert.equal(tableFromIPC(bytes).getChild('level')!.get(5), 'info');

// readIPC: RecordStore chunks from a Node stream, in memory bounded by one batch; usable with pipeline().
const rows = await pipeline(readIPC(createReadStream(path)))
  .map((chunk) => chunk.length)
  .reduce((a, b) => a + b, 0);
assert.equal(rows, 6);
await rm(dir, { recursive: true });
