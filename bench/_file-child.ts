/**
 * File mode (`compactly-bench <file>`), the child side: one fresh `node --expose-gc` process loads the user's
 * file one way — as plain objects, as a compactly store with the inferred schema, after `downcast()`, or as an
 * apache-arrow table — and measures what that way costs: load time, bytes held after GC, peak RSS, a scan of a
 * numeric column and a groupBy on a text column. It prints one JSON line ({@link FileChildResult}) on stdout
 * and `progress N` lines (rows loaded so far) on stderr, so the parent can say how far a way got if it dies.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { RecordStore, type FieldSpec, type Schema } from '../src/index.js';
import { fieldType, isValid } from '../src/record-store.js';
import { settle } from './_memory.js';
import { readCsv } from '../src/node/index.js';

/** The ways a file is loaded, in report order. */
export const WAYS = ['objects', 'compactly', 'downcast', 'arrow'] as const;
export type Way = (typeof WAYS)[number];

/** Files above this many bytes are read by the objects side as a stream (a JS string is limited to ~512 MB). */
export const WHOLE_TEXT_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Caps the heap (MB) of the plain-objects child (`--max-old-space-size`), which then reads as a stream with
 * progress: how the "objects ran out of memory after N rows" path is tested on a small file.
 */
export const OBJECTS_HEAP_ENV = 'COMPACTLY_BENCH_OBJECTS_HEAP_MB';

/**
 * Files larger than this many bytes are streamed on the compactly side (default: half the RAM): how the
 * larger-than-memory path is tested on a small file.
 */
export const STREAM_BYTES_ENV = 'COMPACTLY_BENCH_STREAM_BYTES';

/** What the parent asks of a child. */
export interface FileChildOptions {
  readonly way: Way;
  readonly path: string;
  /** Read only the first N rows (0 = all). */
  readonly rows: number;
  /** Keep only these columns (header names); empty = all. */
  readonly columns: readonly string[];
  /** The text column to group by and the numeric column to scan ('' = none), chosen by the compactly child. */
  readonly key: string;
  readonly value: string;
  /** compactly side: read chunk by chunk without holding the store (files larger than memory). */
  readonly streamed: boolean;
  /** What the file holds. */
  readonly format: FileFormat;
}

/** The file formats file mode reads. */
export type FileFormat = 'csv' | 'parquet' | 'arrow';

/** One column of the loaded store: its type, why, and what it costs. */
export interface ColumnReport {
  readonly name: string;
  /** The field's type (`int32`, `category`, `utf8`, …). */
  readonly type: string;
  readonly nullable: boolean;
  readonly nulls: number;
  /** Distinct non-null values (text, bool), or undefined. */
  readonly distinct?: number | undefined;
  /** Smallest and largest value (numbers; ISO text for dates and timestamps). */
  readonly min?: number | string | undefined;
  readonly max?: number | string | undefined;
  /** Bytes per row this column holds in the store. */
  readonly bytesPerRow: number;
  /** Bytes per row of its values in plain objects (RecordStore.memoryUsage's layout estimate). */
  readonly objectBytesPerRow: number;
}

/** What a child prints. */
export interface FileChildResult {
  readonly way: Way;
  /** How it loaded (the parser or reader, named). */
  readonly label: string;
  readonly rows: number;
  readonly loadMs: number;
  /** Bytes held after full GCs (heap + external), relative to before the load; estimated when streamed. */
  readonly bytesHeld: number;
  readonly peakRssBytes: number;
  /** Median time of a sum over `value` (null when there is no numeric column or the store was not held). */
  readonly scanMs: number | null;
  readonly scanSum: number | null;
  /** Median time of a groupBy(key) with the mean of `value` and the count (null when not measured). */
  readonly groupByMs: number | null;
  readonly groups: number | null;
  readonly key: string;
  readonly value: string;
  readonly streamed: boolean;
  /** compactly and downcast: the store's schema (as `store.schema` gives it) and per-column figures. */
  readonly schema?: Readonly<Record<string, unknown>> | undefined;
  readonly columns?: readonly ColumnReport[] | undefined;
  readonly notes: readonly string[];
}

/** The command line of a child after `--file-child`. */
export function childArgs(o: FileChildOptions): string[] {
  return [
    o.way,
    o.path,
    '--format',
    o.format,
    '--rows',
    String(o.rows),
    '--columns',
    o.columns.join(','),
    '--key',
    o.key,
    '--value',
    o.value,
    ...(o.streamed ? ['--streamed'] : []),
  ];
}

function parseChildArgs(argv: readonly string[]): FileChildOptions {
  const [way, path, ...rest] = argv;
  if (!(WAYS as readonly string[]).includes(way ?? '') || path === undefined) throw new Error(`bad file-child arguments: ${argv.join(' ')}`);
  const get = (flag: string): string => {
    const i = rest.indexOf(flag);
    return i < 0 ? '' : (rest[i + 1] ?? '');
  };
  return {
    way: way as Way,
    path,
    rows: Number(get('--rows')) || 0,
    columns: get('--columns') === '' ? [] : get('--columns').split(','),
    key: get('--key'),
    value: get('--value'),
    streamed: rest.includes('--streamed'),
    format: get('--format') === 'parquet' ? 'parquet' : get('--format') === 'arrow' ? 'arrow' : 'csv',
  };
}

/** heapUsed + external after full GCs until it stops moving (the memory suites' own settle, up to 6 rounds). */
function settled(): number {
  return settle(6);
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** Median wall time of `fn` over `runs` runs, and its last result. */
function timed<T>(runs: number, fn: () => T): { ms: number; result: T } {
  const ms: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = fn();
    ms.push(performance.now() - t0);
  }
  return { ms: median(ms), result };
}

/** The figures every way reports, before its scan and groupBy. */
type LoadFigures = Pick<FileChildResult, 'way' | 'label' | 'rows' | 'loadMs' | 'bytesHeld' | 'peakRssBytes' | 'key' | 'value' | 'schema' | 'columns' | 'notes'>;

/** The result of a way that held its data in memory: its load figures and its timed scan and groupBy. */
function heldResult(load: LoadFigures, scan: { ms: number; result: number } | null, grouped: { ms: number; result: number } | null): FileChildResult {
  return {
    ...load,
    scanMs: scan?.ms ?? null,
    scanSum: scan?.result ?? null,
    groupByMs: grouped?.ms ?? null,
    groups: grouped?.result ?? null,
    streamed: false,
  };
}

let lastProgress = 0;
function progress(rows: number): void {
  const now = Date.now();
  if (now - lastProgress < 250) return;
  lastProgress = now;
  process.stderr.write(`progress ${rows}\n`);
}

async function optional<T>(pkg: string): Promise<T | undefined> {
  try {
    return (await import(pkg)) as T;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// compactly

const NUMERIC = new Set(['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'float32', 'float64']);

function typeOf(spec: unknown): { type: string; nullable: boolean } {
  return { type: String(fieldType(spec as FieldSpec)), nullable: typeof spec === 'object' && spec !== null && (spec as { nullable?: unknown }).nullable === true };
}

function iso(type: string, v: number): string {
  const d = new Date(type === 'date' ? v * 86_400_000 : v);
  return type === 'date' ? d.toISOString().slice(0, 10) : d.toISOString();
}

/** Per-column type, nulls, range or distinct count, and bytes. */
export function describeColumns(store: RecordStore<Schema>): ColumnReport[] {
  const mem = store.memoryUsage();
  const n = store.length;
  return store.fields.map((name, f) => {
    const { type, nullable } = typeOf(store.schema[name]);
    const bm = store.validity(name);
    const nulls = store.nullCount(name);
    const m = mem.fields[f]!;
    let min: number | string | undefined;
    let max: number | string | undefined;
    let distinct: number | undefined;
    if (NUMERIC.has(type) || type === 'date' || type === 'timestamp') {
      const col = store.column(name) as unknown as ArrayLike<number>;
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = 0; i < n; i++) {
        if (!isValid(bm, i)) continue;
        const v = col[i]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      if (lo <= hi) {
        min = type === 'date' || type === 'timestamp' ? iso(type, lo) : lo;
        max = type === 'date' || type === 'timestamp' ? iso(type, hi) : hi;
      }
    } else if (type === 'category') {
      distinct = (store.column(name) as unknown as { categories: readonly unknown[] }).categories.length;
    } else if (type === 'utf8' || type === 'bool') {
      const seen = new Set<unknown>();
      for (let i = 0; i < n; i++) if (isValid(bm, i)) seen.add(store.getField(i, name));
      distinct = seen.size;
    } else if (type === 'int64' || type === 'uint64') {
      const col = store.column(name) as unknown as ArrayLike<bigint>;
      let lo: bigint | undefined;
      let hi: bigint | undefined;
      for (let i = 0; i < n; i++) {
        if (!isValid(bm, i)) continue;
        const v = col[i]!;
        if (lo === undefined || v < lo) lo = v;
        if (hi === undefined || v > hi) hi = v;
      }
      if (lo !== undefined && hi !== undefined) {
        min = lo.toString();
        max = hi.toString();
      }
    }
    return { name, type, nullable, nulls, distinct, min, max, bytesPerRow: n ? m.byteLength / n : 0, objectBytesPerRow: n ? m.objectBytes / n : 0 };
  });
}

/** The most repetitive text column (fewest distinct values; ties: the first) and the first numeric column. */
export function pickColumns(cols: readonly ColumnReport[]): { key: string; value: string } {
  let key = '';
  let best = Infinity;
  for (const c of cols) {
    if (c.type !== 'category' && c.type !== 'utf8') continue;
    const d = c.distinct ?? Infinity;
    if (d < best) {
      best = d;
      key = c.name;
    }
  }
  const value = cols.find((c) => NUMERIC.has(c.type))?.name ?? '';
  return { key, value };
}

function storeSum(store: RecordStore<Schema>, value: string): number {
  const col = store.column(value) as unknown as ArrayLike<number>;
  const bm = store.validity(value);
  const n = store.length;
  let s = 0;
  if (bm === null) for (let i = 0; i < n; i++) s += col[i]!;
  else for (let i = 0; i < n; i++) if ((bm[i >> 3]! >> (i & 7)) & 1) s += col[i]!;
  return s;
}

function storeGroupBy(store: RecordStore<Schema>, key: string, value: string): number {
  const spec = value === '' ? { n: ['count'] as const } : { n: ['count'] as const, mean: ['mean', value] as const };
  return store.groupBy(key).agg(spec).length;
}

/** The file's chunks: readCsv with the inferred schema, or readParquet (compactly/parquet, loaded only then). */
async function chunksOf(o: FileChildOptions): Promise<AsyncIterable<RecordStore<Schema>>> {
  if (o.format === 'parquet') {
    const { readParquet } = await import('../src/parquet/index.js');
    return readParquet(o.path, o.columns.length ? { columns: o.columns } : {});
  }
  if (o.format === 'arrow') {
    // One chunk per record batch, copied out of the message bytes (copy: true) so the file's bytes are not
    // what the store holds; a stream is read message by message, the file format whole (its footer is last).
    const { readIPC } = await import('../src/arrow/index.js');
    const chunks = readIPC(createReadStream(o.path), { copy: true }) as AsyncIterable<RecordStore<Schema>>;
    if (o.columns.length === 0) return chunks;
    return (async function* () {
      for await (const c of chunks) yield c.select(o.columns as never) as unknown as RecordStore<Schema>;
    })();
  }
  const options = { ...(o.columns.length ? { columns: o.columns } : {}), ...(o.streamed ? { reuse: true } : {}) } as unknown as Parameters<typeof readCsv<Schema>>[1];
  return readCsv<Schema>(o.path, options);
}

interface Loaded {
  store: RecordStore<Schema> | null;
  rows: number;
  bytesPerRow: number;
  schema: Readonly<Record<string, unknown>> | null;
  /** Streamed: the columns picked from the first chunk, and the scan's sum over every chunk (null: no numeric column). */
  picked?: { key: string; value: string };
  scanSum?: number | null;
}

async function loadStore(o: FileChildOptions, notes: string[]): Promise<Loaded> {
  const chunks: RecordStore<Schema>[] = [];
  let rows = 0;
  let bytes = 0;
  let schema: Readonly<Record<string, unknown>> | null = null;
  let picked: { key: string; value: string } | undefined;
  let sum = 0;
  for await (const c of await chunksOf(o)) {
    const part = o.rows > 0 && rows + c.length > o.rows ? c.head(o.rows - rows) : c;
    rows += part.length;
    schema ??= part.schema;
    if (o.streamed) {
      // Constant memory: the chunk is measured and scanned, then dropped (the reader reuses its columns).
      picked ??= o.key === '' && o.value === '' ? pickColumns(describeColumns(part)) : { key: o.key, value: o.value };
      if (picked.value !== '') sum += storeSum(part, picked.value);
      bytes += (o.way === 'downcast' ? part.downcast() : part).memoryUsage().nbytes;
    } else chunks.push(part);
    progress(rows);
    if (o.rows > 0 && rows >= o.rows) break;
  }
  if (o.streamed) {
    const limit = process.env[STREAM_BYTES_ENV];
    notes.push(
      `streamed (file > ${limit === undefined ? 'half the RAM' : `${limit} bytes, ${STREAM_BYTES_ENV}`}): chunks read with reuse: true and dropped; B/row are the chunks' logical bytes; the scan is summed chunk by chunk; no groupBy`,
    );
    if (o.way === 'downcast') notes.push('each chunk downcast on its own (no whole-file schema to print)');
    picked ??= { key: o.key, value: o.value };
    return { store: null, rows, bytesPerRow: rows ? bytes / rows : 0, schema: o.way === 'downcast' ? null : schema, picked, scanSum: picked.value === '' ? null : sum };
  }
  if (chunks.length === 0) throw new Error(`${o.path}: no rows`);
  let store = chunks.length === 1 ? chunks[0]! : RecordStore.concat(chunks);
  chunks.length = 0;
  if (o.way === 'downcast') store = store.downcast();
  return { store, rows, bytesPerRow: 0, schema: store.schema };
}

async function runCompactly(o: FileChildOptions): Promise<FileChildResult> {
  const notes: string[] = [];
  // Load the reader's modules and compile its code first, so they are not counted as the data's memory.
  for await (const c of await chunksOf(o)) {
    if (c.length >= 0) break;
  }
  // The warm-up reader closes its file asynchronously: let that finish before the baseline.
  await new Promise((r) => setTimeout(r, 50));
  const before = settled();
  const t0 = performance.now();
  const { store, rows, bytesPerRow, schema, picked: streamedPick, scanSum } = await loadStore(o, notes);
  const loadMs = performance.now() - t0;
  if (store !== null) store.shrinkToFit();
  const bytesHeld = store === null ? bytesPerRow * rows : settled() - before;
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  const reader = o.format === 'parquet' ? 'readParquet' : o.format === 'arrow' ? 'readIPC (copy: true)' : 'readCsv (inferred schema)';
  const label = `${reader} → ${store === null ? 'chunks (streamed)' : 'RecordStore.concat'}${o.way === 'downcast' ? ' → downcast()' : ''}`;
  if (store === null) {
    const p = streamedPick ?? { key: o.key, value: o.value };
    return {
      way: o.way,
      label,
      rows,
      loadMs,
      bytesHeld,
      peakRssBytes,
      scanMs: null,
      scanSum: scanSum ?? null,
      groupByMs: null,
      groups: null,
      key: p.key,
      value: p.value,
      streamed: true,
      schema: schema ?? undefined,
      notes,
    };
  }
  const columns = describeColumns(store);
  const picked = o.key === '' && o.value === '' ? pickColumns(columns) : { key: o.key, value: o.value };
  const s = store;
  const scan = picked.value === '' ? null : timed(5, () => storeSum(s, picked.value));
  const grouped = picked.key === '' ? null : timed(3, () => storeGroupBy(s, picked.key, picked.value));
  return heldResult({ way: o.way, label, rows, loadMs, bytesHeld, peakRssBytes, key: picked.key, value: picked.value, schema: store.schema, columns, notes }, scan, grouped);
}

// ---------------------------------------------------------------------------------------------------------
// plain objects (and apache-arrow built from them)

type Row = Record<string, unknown>;
interface PapaResult {
  data: Row[];
}
interface PapaLike {
  parse(input: unknown, config: Record<string, unknown>): PapaResult | undefined;
}

/** A JS script's split parser: no quoted fields; numbers cast with Number, empty cells null. */
export function splitParse(text: string, limit: number): Row[] {
  const lines = text.split(/\r?\n/);
  const head = (lines[0] ?? '').split(',');
  const rows: Row[] = [];
  for (let l = 1; l < lines.length; l++) {
    const line = lines[l]!;
    if (line === '') continue;
    const cells = line.split(',');
    const r: Row = {};
    for (let c = 0; c < head.length; c++) {
      const t = cells[c] ?? '';
      const num = t === '' ? NaN : Number(t);
      r[head[c]!] = t === '' ? null : Number.isNaN(num) ? t : num;
    }
    rows.push(r);
    if (limit > 0 && rows.length >= limit) break;
  }
  return rows;
}

interface HyparquetLike {
  asyncBufferFromFile(path: string): Promise<unknown>;
  parquetReadObjects(options: Record<string, unknown>): Promise<Row[]>;
}

interface ArrowRow {
  toJSON(): Row;
}

/** apache-arrow's table of an IPC file, with --rows and --columns applied. */
async function arrowTableOf(o: FileChildOptions): Promise<ArrowTable> {
  const arrow = await optional<ArrowLike>('apache-arrow');
  if (arrow === undefined) throw new Error('apache-arrow is not installed (optional: npm install apache-arrow)');
  let table = arrow.tableFromIPC(readFileSync(o.path));
  if (o.columns.length) table = table.select(o.columns);
  if (o.rows > 0 && o.rows < table.numRows) table = table.slice(0, o.rows);
  return table;
}

async function parseObjects(o: FileChildOptions): Promise<{ rows: Row[]; label: string }> {
  if (o.format === 'arrow') {
    // The plain objects a JS script gets from an Arrow file: apache-arrow's rows (StructRow proxies over the
    // table) made plain with toJSON(); the table is dropped after, so what is held is the objects.
    const rows = (await arrowTableOf(o)).toArray().map((r) => r.toJSON());
    return { rows, label: 'apache-arrow tableFromIPC → toArray() → row.toJSON() → objects' };
  }
  if (o.format === 'parquet') {
    const hp = await optional<HyparquetLike>('hyparquet');
    if (hp === undefined) throw new Error('hyparquet is not installed (optional: npm install hyparquet hyparquet-compressors)');
    const comp = await optional<{ compressors: unknown }>('hyparquet-compressors');
    const file = await hp.asyncBufferFromFile(o.path);
    const rows = await hp.parquetReadObjects({
      file,
      ...(comp ? { compressors: comp.compressors } : {}),
      ...(o.rows > 0 ? { rowEnd: o.rows } : {}),
      ...(o.columns.length ? { columns: o.columns } : {}),
    });
    return { rows, label: 'hyparquet parquetReadObjects → objects' };
  }
  const papaMod = await optional<PapaLike & { default?: PapaLike }>('papaparse');
  const Papa = papaMod?.default ?? papaMod;
  const config = { header: true, dynamicTyping: true, skipEmptyLines: true, ...(o.rows > 0 ? { preview: o.rows } : {}) };
  if (Papa !== undefined && (statSync(o.path).size > WHOLE_TEXT_MAX_BYTES || process.env[OBJECTS_HEAP_ENV] !== undefined)) {
    const rows: Row[] = [];
    await new Promise<void>((resolve, reject) => {
      Papa.parse(createReadStream(o.path), {
        ...config,
        chunk: (r: PapaResult) => {
          for (const x of r.data) rows.push(x);
          progress(rows.length);
        },
        complete: () => resolve(),
        error: (e: unknown) => reject(e instanceof Error ? e : new Error(String(e))),
      });
    });
    return { rows, label: 'papaparse (stream, header, dynamicTyping) → objects' };
  }
  const text = readFileSync(o.path, 'utf8');
  if (Papa !== undefined) return { rows: Papa.parse(text, config)!.data, label: 'papaparse (header, dynamicTyping) → objects' };
  const csvParse = await optional<{ parse(t: string, o: Record<string, unknown>): Row[] }>('csv-parse/sync');
  if (csvParse !== undefined)
    return { rows: csvParse.parse(text, { columns: true, cast: true, ...(o.rows > 0 ? { to: o.rows } : {}) }), label: 'csv-parse/sync (columns, cast) → objects' };
  return { rows: splitParse(text, o.rows), label: 'split(",") parser (no quoted fields; papaparse and csv-parse not installed) → objects' };
}

function project(rows: Row[], columns: readonly string[]): Row[] {
  if (columns.length === 0) return rows;
  return rows.map((r) => {
    const p: Row = {};
    for (const c of columns) p[c] = r[c];
    return p;
  });
}

function objectsSum(rows: readonly Row[], value: string): number {
  let s = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i]![value];
    if (typeof v === 'number' && !Number.isNaN(v)) s += v;
  }
  return s;
}

/** groupBy as a JS script writes it: a Map from key to [sum, count]; null and empty keys dropped (as pandas). */
function objectsGroupBy(n: number, keyAt: (i: number) => unknown, valueAt: (i: number) => unknown): number {
  const groups = new Map<unknown, [number, number]>();
  for (let i = 0; i < n; i++) {
    const k = keyAt(i);
    if (k === null || k === undefined || k === '') continue;
    let g = groups.get(k);
    if (g === undefined) groups.set(k, (g = [0, 0]));
    const v = valueAt(i);
    if (typeof v === 'number' && !Number.isNaN(v)) {
      g[0] += v;
      g[1]++;
    }
  }
  return groups.size;
}

async function runObjects(o: FileChildOptions): Promise<FileChildResult> {
  const notes: string[] = [];
  const before = settled();
  const t0 = performance.now();
  const parsed = await parseObjects(o);
  const rows = project(parsed.rows, o.columns);
  const loadMs = performance.now() - t0;
  parsed.rows = [];
  const bytesHeld = settled() - before;
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  const scan = o.value === '' ? null : timed(5, () => objectsSum(rows, o.value));
  const grouped =
    o.key === ''
      ? null
      : timed(3, () =>
          objectsGroupBy(
            rows.length,
            (i) => rows[i]![o.key],
            (i) => rows[i]![o.value],
          ),
        );
  return heldResult({ way: 'objects', label: parsed.label, rows: rows.length, loadMs, bytesHeld, peakRssBytes, key: o.key, value: o.value, notes }, scan, grouped);
}

interface ArrowVector {
  readonly length: number;
  get(i: number): unknown;
  [Symbol.iterator](): Iterator<unknown>;
}
interface ArrowTable {
  readonly numRows: number;
  getChild(name: string): ArrowVector | null;
  select(names: readonly string[]): ArrowTable;
  slice(begin: number, end: number): ArrowTable;
  toArray(): ArrowRow[];
}
interface ArrowLike {
  tableFromArrays(columns: Record<string, unknown[]>): ArrowTable;
  tableFromIPC(bytes: Uint8Array): ArrowTable;
}

async function runArrow(o: FileChildOptions): Promise<FileChildResult> {
  const arrow = await optional<ArrowLike>('apache-arrow');
  if (arrow === undefined) throw new Error('apache-arrow is not installed');
  const notes: string[] = [];
  const before = settled();
  const t0 = performance.now();
  let table: ArrowTable;
  let label: string;
  if (o.format === 'arrow') {
    // The Arrow reference for an Arrow file is apache-arrow's own table of it (its columns view the file's bytes).
    table = await arrowTableOf(o);
    label = 'apache-arrow tableFromIPC (the table over the file bytes)';
  } else {
    const parsed = await parseObjects(o);
    const rows = project(parsed.rows, o.columns);
    const names = rows.length ? Object.keys(rows[0]!) : [];
    const cols: Record<string, unknown[]> = {};
    for (const name of names) {
      const a = new Array<unknown>(rows.length);
      for (let i = 0; i < rows.length; i++) a[i] = rows[i]![name] ?? null;
      cols[name] = a;
    }
    table = arrow.tableFromArrays(cols);
    label = `apache-arrow tableFromArrays (columns from ${parsed.label.replace(/ → objects$/, '')})`;
  }
  const loadMs = performance.now() - t0;
  const bytesHeld = settled() - before;
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  const values = o.value === '' ? null : table.getChild(o.value);
  const keys = o.key === '' ? null : table.getChild(o.key);
  const scan =
    values === null
      ? null
      : timed(5, () => {
          let s = 0;
          for (const v of values) if (typeof v === 'number' && !Number.isNaN(v)) s += v;
          return s;
        });
  const grouped =
    keys === null
      ? null
      : timed(3, () =>
          objectsGroupBy(
            table.numRows,
            (i) => keys.get(i),
            (i) => values?.get(i),
          ),
        );
  return heldResult({ way: 'arrow', label, rows: table.numRows, loadMs, bytesHeld, peakRssBytes, key: o.key, value: o.value, notes }, scan, grouped);
}

/** The child's entry: `--file-child <way> <path> [...]`. Prints the result as one JSON line. */
export async function fileChild(argv: readonly string[]): Promise<number> {
  const o = parseChildArgs(argv);
  const r = o.way === 'objects' ? await runObjects(o) : o.way === 'arrow' ? await runArrow(o) : await runCompactly(o);
  process.stdout.write(`${JSON.stringify(r)}\n`);
  return 0;
}
