/**
 * Child of flat-memory.test.ts (run with --expose-gc). `write <path> <rows>` writes seeded chunks of the
 * bench suite's rows with writeParquet(chunks, path); `read <path>` reads the file back in chunks with
 * readParquet(path). Either way it collects after each chunk and prints, as one JSON line, the largest live
 * heap and array-buffer bytes seen after those collections (also over the first and the second half of the
 * chunks): what the writer or the reader holds, without the garbage V8 has not collected yet.
 */
import { Categorical } from '../../src/categorical.js';
import { RecordStore } from '../../src/record-store.js';
import { readParquet, writeParquet } from '../../src/parquet/index.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('flat-memory-child must run with --expose-gc');
const [mode, path, rowsArg] = process.argv.slice(2) as [string, string, string | undefined];

/** Rows per chunk and per row group (DuckDB's and writeParquet's default row group). */
const GROUP = 122_880;
const CITIES = ['LAX', 'SFO', 'JFK', 'ORD', 'SEA', 'BOS', 'ATL', 'DEN'];

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
function sample(): void {
  const m = live();
  seen.push(m.heap + m.arrayBuffers - start.heap - start.arrayBuffers);
  if (m.heap > heap) heap = m.heap;
  if (m.arrayBuffers > arrayBuffers) arrayBuffers = m.arrayBuffers;
}

/** Seeded chunks (id int32, city category, km float64, qty uint8, ts uint32), sampled as the writer takes them. */
function* generate(total: number): Generator<RecordStore> {
  let s = 12345;
  for (let at = 0; at < total; at += GROUP) {
    const n = Math.min(GROUP, total - at);
    const id = new Int32Array(n);
    const codes = new Int8Array(n);
    const kms = new Float64Array(n);
    const qty = new Uint8Array(n);
    const ts = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      s = (s * 1664525 + 1013904223) >>> 0;
      id[i] = at + i;
      codes[i] = s & 7;
      kms[i] = s / 2 ** 22;
      qty[i] = (s >>> 8) & 15;
      ts[i] = 1_600_000_000 + at + i;
      km += kms[i]!;
    }
    rows += n;
    chunks++;
    yield RecordStore.fromColumns({ id, city: Categorical.fromCodes(codes, CITIES), km: kms, qty, ts });
    sample(); // the writer has taken the chunk (and written a row group when one filled)
  }
}

if (mode === 'write') {
  await writeParquet(generate(Number(rowsArg)), path);
} else {
  for await (const c of readParquet(path)) {
    const col = c.column('km') as Float64Array;
    for (let i = 0; i < col.length; i++) km += col[i]!;
    rows += c.length;
    chunks++;
    sample();
  }
}
const half = seen.length >> 1;
process.stdout.write(
  `${JSON.stringify({ rows, chunks, km, heap: heap - start.heap, arrayBuffers: arrayBuffers - start.arrayBuffers, firstHalf: Math.max(...seen.slice(0, half)), secondHalf: Math.max(...seen.slice(half)) })}\n`,
);
