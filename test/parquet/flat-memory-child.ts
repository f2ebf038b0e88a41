/**
 * Child of flat-memory.test.ts (run with --expose-gc): reads one Parquet file in chunks with readParquet(path),
 * collects after each chunk and prints the largest live heap and array-buffer bytes seen after those
 * collections, as one JSON line (also over the second half of the chunks alone): what the reader holds,
 * without the garbage V8 has not collected yet.
 */
import { readParquet } from '../../src/parquet/index.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('flat-memory-child must run with --expose-gc');
const path = process.argv[2]!;

function live(): { heap: number; arrayBuffers: number } {
  gc!();
  gc!();
  const m = process.memoryUsage();
  return { heap: m.heapUsed, arrayBuffers: m.arrayBuffers };
}

const start = live();
let heap = 0;
let arrayBuffers = 0;
let rows = 0;
let chunks = 0;
let km = 0;
const seen: number[] = [];
for await (const c of readParquet(path)) {
  const col = c.column('km') as Float64Array;
  for (let i = 0; i < col.length; i++) km += col[i]!;
  rows += c.length;
  chunks++;
  const m = live();
  seen.push(m.heap + m.arrayBuffers - start.heap - start.arrayBuffers);
  if (m.heap > heap) heap = m.heap;
  if (m.arrayBuffers > arrayBuffers) arrayBuffers = m.arrayBuffers;
}
process.stdout.write(`${JSON.stringify({ rows, chunks, km, heap: heap - start.heap, arrayBuffers: arrayBuffers - start.arrayBuffers, firstHalf: Math.max(...seen.slice(0, seen.length >> 1)), secondHalf: Math.max(...seen.slice(seen.length >> 1)) })}\n`);
