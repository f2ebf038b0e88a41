/**
 * IPC mutation fuzzing: a corpus of valid Arrow IPC streams and files (compactly's writers and
 * apache-arrow's, flat and nested types, dictionaries and deltas), mutated by truncation, bit flips,
 * byte duplication and interesting-value overwrites; each result is read by fromIPC and by readIPC over
 * random byte chunks. The contract checked: an exception of a documented class (ValueError for
 * malformed bytes; TypeError naming an Arrow type compactly cannot hold), or data equal to what
 * apache-arrow reads from the same bytes, and the same outcome from readIPC as from fromIPC.
 * Aborts and hangs are caught by the parent process (ipc-child.ts runs this with a small heap).
 */
import * as A from 'apache-arrow';
import { RecordStore, recordStore } from '../../src/record-store.js';
import { categorical } from '../../src/categorical.js';
import { fromIPC, readIPC, toIPC, writeIPCBytes } from '../../src/arrow/index.js';
import { validateIPC } from '../../src/arrow/ipc-frame.js';
import { type Rng, cut, rng } from './_rng.js';

/** The valid inputs the mutations start from (built once per process, deterministically). */
export async function ipcCorpus(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const out: { name: string; bytes: Uint8Array }[] = [];
  const s = recordStore({ x: 'float64', k: 'category' });
  s.push({ x: 1, k: 'a' });
  s.push({ x: 2, k: 'b' });
  out.push({ name: 'float64+category stream', bytes: toIPC(s) });
  out.push({ name: 'float64+category file', bytes: toIPC(s, { format: 'file' }) });
  const wide = recordStore({ a: 'int8', b: 'uint16', c: 'int64', d: 'float32', v: ['int16', 2] });
  for (let i = 0; i < 5; i++) wide.push({ a: i - 2, b: i * 1000, c: BigInt(i) << 40n, d: i / 4, v: [i, -i] });
  out.push({ name: 'numeric + fixed-size list stream', bytes: toIPC(wide) });
  const chunk = (cats: string[], codes: number[]): RecordStore => {
    const c = categorical(
      codes.map((k) => (k < 0 ? null : cats[k]!)),
      { categories: cats },
    );
    return RecordStore.fromColumns({ x: Float64Array.from(codes, (_, i) => i), c }, { x: 'float64', c: 'category' });
  };
  out.push({
    name: 'dictionary deltas (writeIPC)',
    bytes: await writeIPCBytes([chunk(['a', 'b'], [0, 1, -1]), chunk(['a', 'b', 'c'], [2, 0]), chunk(['z'], [0])], { indexType: 'int8' }),
  });
  const t = new A.Table({
    s: A.vectorFromArray(['x', 'yy', null, 'zzz'], new A.Utf8()),
    b: A.vectorFromArray([true, false, null, true], new A.Bool()),
    i: A.vectorFromArray([1, null, 3, 4], new A.Int32()),
    u: A.vectorFromArray([1, 2, 3, 4], new A.Uint8()),
  });
  out.push({ name: 'utf8/bool/nullable (apache-arrow)', bytes: A.tableToIPC(t, 'stream') });
  const nested = new A.Table({
    l: A.vectorFromArray([[1, 2], [3], [], [4, 5, 6]], new A.List(new A.Field('item', new A.Int32(), true))),
    st: A.vectorFromArray(
      [
        { p: 1, q: 'a' },
        { p: 2, q: 'b' },
        { p: 3, q: null },
        { p: 4, q: 'd' },
      ],
      new A.Struct([new A.Field('p', new A.Float64(), true), new A.Field('q', new A.Utf8(), true)]),
    ),
  });
  out.push({ name: 'list/struct (apache-arrow)', bytes: A.tableToIPC(nested, 'stream') });
  out.push({ name: 'list/struct file (apache-arrow)', bytes: A.tableToIPC(nested, 'file') });
  return out;
}

const INTERESTING = [0, 1, 0x7f, 0x80, 0xff, 0xfe, 0x40];
const INTERESTING32 = [0, -1, 1, 0x7fffffff, -0x80000000, 0x10000, 0x4000000, 8];

/** Applies 1–3 mutations to a copy of `base`; returns the bytes and what was done. */
export function mutate(base: Uint8Array, r: Rng): { bytes: Uint8Array; what: string[] } {
  let b = base.slice();
  const what: string[] = [];
  const n = 1 + r.int(3);
  for (let k = 0; k < n && b.length > 0; k++) {
    // Half of the positions land in the first 400 bytes: the schema and the first batch's metadata.
    const pos = (): number => (r.next() < 0.5 ? r.int(Math.min(400, b.length)) : r.int(b.length));
    switch (r.int(6)) {
      case 0: {
        const at = r.int(b.length);
        b = b.slice(0, at);
        what.push(`truncate to ${at}`);
        break;
      }
      case 1:
      case 2: {
        const at = pos();
        const bit = r.int(8);
        b[at]! ^= 1 << bit;
        what.push(`flip bit ${bit} of byte ${at}`);
        break;
      }
      case 3: {
        const at = pos();
        const len = 1 + r.int(Math.min(64, b.length - at));
        const to = r.int(b.length + 1);
        const dup = b.slice(at, at + len);
        const next = new Uint8Array(b.length + len);
        next.set(b.subarray(0, to), 0);
        next.set(dup, to);
        next.set(b.subarray(to), to + len);
        b = next;
        what.push(`duplicate ${len} byte(s) at ${at} into ${to}`);
        break;
      }
      case 4: {
        const at = pos();
        const v = r.pick(INTERESTING);
        b[at] = v;
        what.push(`set byte ${at} to ${v}`);
        break;
      }
      default: {
        const at = pos() & ~3;
        if (at + 4 > b.length) break;
        const v = r.pick(INTERESTING32);
        new DataView(b.buffer, b.byteOffset, b.byteLength).setInt32(at, v, true);
        what.push(`set int32 at ${at} to ${v}`);
      }
    }
  }
  return { bytes: b, what };
}

/** The outcome of one read: the rows as plain values, or the error class and message. */
export type Outcome = { ok: true; rows: number; values: unknown[][] } | { ok: false; name: string; message: string };

/** An error outcome the documentation allows (ValueError, or TypeError naming an Arrow type compactly cannot hold). */
export function documented(o: Outcome): boolean {
  if (o.ok) return true;
  if (o.name === 'ValueError') return true;
  return o.name === 'TypeError' && /Arrow type|cannot hold|compactly has no|categoricals hold/.test(o.message);
}

function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : `${v}n`;
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number | bigint>, plain);
  if (v !== null && typeof v === 'object' && typeof (v as { toArray?: unknown }).toArray === 'function') {
    return Array.from((v as { toArray(): ArrayLike<unknown> }).toArray(), plain);
  }
  if (typeof v === 'number' && Number.isNaN(v)) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v ?? null;
}

function columnsOfStore(s: RecordStore): unknown[][] {
  return s.fields.map((f) => {
    const col: unknown[] = [];
    for (let i = 0; i < s.length; i++) col.push(plain(s.getField(i, f as never)));
    return col;
  });
}

function failure(e: unknown): Outcome {
  const err = e as Error;
  return { ok: false, name: err?.constructor?.name ?? typeof e, message: String(err?.message ?? e) };
}

const OPTIONS = { strings: 'category', nulls: 'nan' } as const;

/** fromIPC on the bytes. */
export function readWhole(bytes: Uint8Array): Outcome {
  try {
    const s = fromIPC(bytes, OPTIONS);
    return { ok: true, rows: s.length, values: columnsOfStore(s) };
  } catch (e) {
    return failure(e);
  }
}

/** readIPC over the bytes cut into chunks of random sizes; the chunks' rows joined. */
export async function readChunked(bytes: Uint8Array, r: Rng): Promise<Outcome> {
  const parts = cut(bytes, r, r.pick([1, 7, 64, 1 << 20]));
  try {
    let values: unknown[][] | undefined;
    let rows = 0;
    for await (const s of readIPC(parts, OPTIONS)) {
      const cols = columnsOfStore(s);
      if (values === undefined) values = cols;
      else cols.forEach((c, k) => values![k]!.push(...c));
      rows += s.length;
    }
    return { ok: true, rows, values: values ?? [] };
  } catch (e) {
    return failure(e);
  }
}

/**
 * apache-arrow's reading of bytes that fromIPC accepted, as plain columns: of the validated prefix
 * (a stream ends at its end-of-stream marker; apache-arrow's readAll would go on to read bytes after it).
 */
export function arrowColumns(bytes: Uint8Array): unknown[][] {
  const t = A.tableFromIPC(bytes.subarray(0, validateIPC(bytes).end));
  return t.schema.fields.map((f) => {
    const col = t.getChild(f.name)!;
    const out: unknown[] = [];
    for (let i = 0; i < t.numRows; i++) out.push(plain(col.get(i)));
    return out;
  });
}

/** One fuzz case: what was read, and why it violates the contract (`problem` undefined when it holds). */
export interface CaseResult {
  readonly base: string;
  readonly what: readonly string[];
  readonly whole: Outcome;
  readonly chunked: Outcome;
  readonly problem: string | undefined;
}

/** The input of case `index` of run `seed`. */
export function caseInput(corpus: readonly { name: string; bytes: Uint8Array }[], seed: number, index: number) {
  const r = rng(seed, index);
  const base = r.pick(corpus);
  const { bytes, what } = mutate(base.bytes, r);
  return { base: base.name, bytes, what, r };
}

/** Runs one input through both readers and checks the contract. */
export async function checkInput(bytes: Uint8Array, r: Rng): Promise<{ whole: Outcome; chunked: Outcome; problem: string | undefined }> {
  const whole = readWhole(bytes);
  const chunked = await readChunked(bytes, r);
  let problem: string | undefined;
  if (!documented(whole)) problem = `fromIPC threw an undocumented ${whole.ok ? '' : `${whole.name}: ${whole.message}`}`;
  else if (!documented(chunked)) problem = `readIPC threw an undocumented ${chunked.ok ? '' : `${chunked.name}: ${chunked.message}`}`;
  // Both may fail with different documented classes only when readIPC, reading batch by batch, met an
  // unsupported column (TypeError) before the damage that fromIPC, validating everything first, reports.
  else if (whole.ok !== chunked.ok || (!whole.ok && !chunked.ok && whole.name !== chunked.name && chunked.name !== 'TypeError')) {
    problem = `fromIPC and readIPC disagree: ${summary(whole)} vs ${summary(chunked)}`;
  } else if (whole.ok) {
    const expected = arrowColumns(bytes);
    if (JSON.stringify(expected) !== JSON.stringify(whole.values)) problem = 'fromIPC data differs from apache-arrow';
    else if (chunked.ok && JSON.stringify(chunked.values) !== JSON.stringify(whole.values)) problem = 'readIPC data differs from fromIPC';
  }
  return { whole, chunked, problem };
}

function summary(o: Outcome): string {
  return o.ok ? `${o.rows} row(s)` : `${o.name}: ${o.message}`;
}
