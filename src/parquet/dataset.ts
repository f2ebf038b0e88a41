/**
 * Hive-partitioned datasets (`dir/origin=LAX/part-0.parquet`), the layout DuckDB, Spark, Trino, Polars and
 * Dask read and write: writeDataset splits chunks by partition values into one streaming file per partition;
 * readDataset lists the files, prunes partitions by their path values and reads the rest in chunks. Node only
 * (the file system is imported on demand).
 *
 * @packageDocumentation
 */
import { Categorical } from '../categorical.js';
import type { TypedArray } from '../dtype.js';
import { describe, ValueError } from '../errors.js';
import { fieldType, isValid, RecordStore, utf8Codes, Utf8Column, type FieldSpec, type Schema } from '../record-store.js';
import { checkFilter, matches, type ParquetFilter } from './filter.js';
import { readParquet } from './read.js';
import { openSink } from './sink.js';
import { checkInput, checkWriteOptions, chunksOf, ParquetFileWriter, type ParquetInput, type WriteParquetOptions } from './write.js';

/** The directory name Hive, Spark and DuckDB use for a null partition value. */
export const HIVE_NULL = '__HIVE_DEFAULT_PARTITION__';

/** Options of {@link writeDataset}. */
export interface WriteDatasetOptions extends WriteParquetOptions {
  /** The partition columns, outermost first (`['year', 'origin']` → `year=2024/origin=LAX/`). Not repeated inside the files. */
  readonly partitionBy: readonly string[];
  /** File name inside each partition directory (default `'part-0.parquet'`). */
  readonly fileName?: string;
}

/** What {@link writeDataset} wrote. */
export interface DatasetWriteResult {
  /** The files, relative to the dataset directory, in the order they were first opened. */
  readonly files: readonly string[];
  /** Rows written. */
  readonly rows: number;
}

/** Options of {@link readDataset}. */
export interface ReadDatasetOptions {
  /** Columns to read (data and partition columns; default: all, partition columns last). */
  readonly columns?: readonly string[];
  /**
   * Rows to keep. Predicates on partition columns prune whole directories by their path values (no file of a
   * pruned partition is opened); the others filter rows as in readParquet.
   */
  readonly filter?: ParquetFilter;
}

// Hive's escapePathName set: these characters are written as %XX.
const ESCAPE = /[\x00-\x1f"#%'*/:=?\\\x7f{}[\]^]/g;

function escapeValue(s: string): string {
  if (s === '') return HIVE_NULL;
  return s.replace(ESCAPE, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function unescapeValue(s: string): string | null {
  if (s === HIVE_NULL) return null;
  return s.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Per-row ids of a partition column's values, and the value text of each id (`null`: the null partition). */
interface PartitionIds {
  readonly ids: Int32Array;
  readonly values: readonly (string | null)[];
}

const pad = (x: number, w = 2): string => String(x).padStart(w, '0');

/** Hive's text of a date (`2024-01-31`) or a timestamp (`2024-01-31 12:00:00`, `.250` when there are ms), UTC. */
function dateText(type: 'date' | 'timestamp', v: number): string {
  const d = new Date(type === 'date' ? v * 86_400_000 : v);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (type === 'date') return day;
  const ms = d.getUTCMilliseconds();
  return `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${ms === 0 ? '' : `.${pad(ms, 3)}`}`;
}

/**
 * The partition ids of column `name` of a chunk: a category column by its codes, a utf8 column by hashing its
 * bytes (no string per row, one per distinct value), numbers, bools, dates and timestamps by value. A null
 * (validity bit 0, a missing category, a float NaN) is the null partition.
 */
function partitionIds(chunk: RecordStore<Schema>, name: string, n: number): PartitionIds {
  const ids = new Int32Array(n);
  const col = chunk.column(name as never) as unknown;
  if (col instanceof Categorical) {
    const codes = col.codes;
    for (let i = 0; i < n; i++) ids[i] = codes[i]! + 1;
    return { ids, values: [null, ...col.categories.map((c) => String(c))] };
  }
  if (col instanceof Utf8Column) {
    const { codes, reps } = utf8Codes(col.offsets, col.bytes, col.validity, n);
    for (let i = 0; i < n; i++) ids[i] = codes[i]! + 1;
    return { ids, values: [null, ...Array.from(reps, (r) => col.get(r))] };
  }
  const values = col as TypedArray;
  const bm = chunk.validity(name as never);
  const type = fieldType((chunk.schema as Record<string, FieldSpec>)[name]!);
  const text = (v: number | bigint): string => (type === 'bool' ? (v ? 'true' : 'false') : type === 'date' || type === 'timestamp' ? dateText(type, v as number) : String(v));
  const index = new Map<number | bigint, number>();
  const out: (string | null)[] = [null];
  for (let i = 0; i < n; i++) {
    if (!isValid(bm, i)) continue; // id 0: the null partition
    const v = values[i]!;
    let id = index.get(v);
    if (id === undefined) {
      id = typeof v === 'number' && Number.isNaN(v) ? 0 : out.length;
      if (id !== 0) out.push(text(v));
      index.set(v, id);
    }
    ids[i] = id;
  }
  return { ids, values: out };
}

/**
 * Writes chunks as a hive-partitioned Parquet dataset: `dir/<col>=<value>/.../part-0.parquet`, one streaming
 * file per partition (values escaped as Hive does; a null or empty value is `__HIVE_DEFAULT_PARTITION__`).
 * Partition columns are not stored inside the files (readers take them from the path).
 *
 * @param input - a RecordStore or (async) iterable RecordStore chunks with one schema.
 * @param dir - the dataset directory (created; existing files of the same names are replaced).
 * @param options - `partitionBy` (required), `fileName`, and writeParquet's `compression`, `rowGroupRows`.
 * @returns the files written (relative paths) and the row count.
 * @throws `TypeError` for a bad input or option; {@link ValueError} for an unknown or vector partition
 *   column, or partitioning by every column (a file needs one data column).
 * @remarks Memory: each open partition holds up to `rowGroupRows` rows of chunk slices before its row group is
 * written; with many partitions, lower `rowGroupRows`.
 * @example
 * ```ts
 * await writeDataset(readCsv('flights.csv', { schema }), 'flights', { partitionBy: ['origin'] });
 * // flights/origin=LAX/part-0.parquet, flights/origin=SFO/part-0.parquet, …
 * ```
 */
export async function writeDataset(input: ParquetInput, dir: string | URL, options: WriteDatasetOptions): Promise<DatasetWriteResult> {
  const where = 'writeDataset()';
  checkInput(input, where);
  if (typeof dir !== 'string' && !(dir instanceof URL)) throw new TypeError(`${where}: dir must be a path or a file: URL, got ${describe(dir)}`);
  if (options === null || typeof options !== 'object') throw new TypeError(`${where}: options with partitionBy are required`);
  const by = options.partitionBy;
  if (!Array.isArray(by) || by.length === 0 || !by.every((c) => typeof c === 'string')) {
    throw new TypeError(`${where}: partitionBy must be a non-empty array of column names, got ${describe(by)}`);
  }
  const fileName = options.fileName ?? 'part-0.parquet';
  if (typeof fileName !== 'string' || fileName === '' || /[/\\]/.test(fileName)) throw new ValueError(`${where}: fileName must be a plain file name, got ${describe(fileName)}`);
  const { codec, rowGroupRows } = checkWriteOptions(options, where);
  const fs = await import('node:fs/promises');
  const path = await import('node:path');
  const url = await import('node:url');
  const root = dir instanceof URL ? url.fileURLToPath(dir) : dir;
  const writers = new Map<string, ParquetFileWriter>();
  const files: string[] = [];
  let rows = 0;
  let dataFields: string[] | null = null;
  try {
    for await (const chunk of chunksOf(input, where)) {
      if (dataFields === null) {
        for (const c of by) {
          const spec = (chunk.schema as Record<string, unknown>)[c];
          if (spec === undefined) throw new ValueError(`${where}: partition column ${JSON.stringify(c)} is not a field (fields: ${chunk.fields.join(', ')})`);
          if (Array.isArray(spec)) throw new ValueError(`${where}: partition column ${JSON.stringify(c)} is a vector field`);
        }
        dataFields = chunk.fields.filter((f) => !by.includes(f));
        if (dataFields.length === 0) throw new ValueError(`${where}: partitioning by every column leaves no data column to write`);
      }
      const n = chunk.length;
      if (n === 0) continue;
      // Composite partition id per row.
      const parts = by.map((c) => partitionIds(chunk, c, n));
      const key = new Float64Array(n);
      let radix = 1;
      for (const p of parts) {
        for (let i = 0; i < n; i++) key[i] = key[i]! + p.ids[i]! * radix;
        radix *= p.values.length;
      }
      const groups = new Map<number, number[]>();
      for (let i = 0; i < n; i++) {
        const k = key[i]!;
        let g = groups.get(k);
        if (g === undefined) groups.set(k, (g = []));
        g.push(i);
      }
      const data = chunk.select(dataFields as never) as unknown as RecordStore<Schema>;
      for (const [k, idx] of groups) {
        let rest = k;
        const segs: string[] = [];
        for (let j = 0; j < by.length; j++) {
          const size = parts[j]!.values.length;
          const id = rest % size;
          rest = (rest - id) / size;
          const v = parts[j]!.values[id]!;
          segs.push(`${by[j]}=${v === null ? HIVE_NULL : escapeValue(v)}`);
        }
        const rel = path.join(...segs, fileName);
        let w = writers.get(rel);
        if (w === undefined) {
          await fs.mkdir(path.join(root, ...segs), { recursive: true });
          w = new ParquetFileWriter(await openSink(path.join(root, rel)), codec, rowGroupRows, where);
          writers.set(rel, w);
          files.push(rel);
        }
        await w.write(idx.length === n ? data : (data.take(idx) as unknown as RecordStore<Schema>));
        rows += idx.length;
      }
    }
    for (const w of writers.values()) await w.close();
  } catch (e) {
    for (const w of writers.values()) await w.abort(e);
    throw e;
  }
  return { files, rows };
}

/** One file of a dataset with its partition values. */
interface DatasetFile {
  readonly path: string;
  readonly values: ReadonlyMap<string, string | null>;
}

async function listDataset(root: string): Promise<{ files: DatasetFile[]; keys: string[] }> {
  const fs = await import('node:fs/promises');
  const path = await import('node:path');
  const entries = (await fs.readdir(root, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith('.parquet') && !e.name.startsWith('.') && !e.name.startsWith('_'))
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
  const keys: string[] = [];
  const files = entries.map((full) => {
    const values = new Map<string, string | null>();
    for (const seg of path.relative(root, path.dirname(full)).split(path.sep)) {
      const eq = seg.indexOf('=');
      if (eq <= 0) continue;
      const k = seg.slice(0, eq);
      values.set(k, unescapeValue(seg.slice(eq + 1)));
      if (!keys.includes(k)) keys.push(k);
    }
    return { path: full, values };
  });
  return { files, keys };
}

/** Appends constant category columns for the partition values. */
function withPartitions(chunk: RecordStore<Schema>, values: ReadonlyMap<string, string | null>, keys: readonly string[], fields: readonly string[]): RecordStore<Schema> {
  const n = chunk.length;
  const cols: Record<string, unknown> = {};
  const schema: [string, unknown][] = [];
  for (const f of fields) {
    if (keys.includes(f)) {
      const v = values.get(f) ?? null;
      cols[f] = v === null ? Categorical.fromCodes(new Int8Array(n).fill(-1), []) : Categorical.fromCodes(new Int8Array(n), [v]);
      schema.push([f, 'category']);
    } else {
      const col = chunk.column(f as never) as unknown;
      const bm = ArrayBuffer.isView(col) ? chunk.validity(f as never) : null;
      cols[f] = bm === null ? col : { values: col, validity: bm };
      schema.push([f, (chunk.schema as Record<string, unknown>)[f]]);
    }
  }
  return RecordStore.fromColumns(cols as never, schema as never) as unknown as RecordStore<Schema>;
}

/**
 * Reads a hive-partitioned dataset as RecordStore chunks (one per row group per file), partition columns
 * appended as category columns from the directory names. Partitions that a filter's predicates on partition
 * columns rule out are never opened.
 *
 * @param dir - the dataset directory (every `*.parquet` file below it, in path order).
 * @param options - `columns`, `filter`.
 * @returns an async iterable of chunks (usable as a pipeline source).
 * @throws `TypeError` for a bad option; while reading, as readParquet.
 * @remarks Partition values are strings (categories); a numeric predicate on them compares numerically when
 * the value is a number's text (`{year: {ge: 2020}}`).
 */
export function readDataset(dir: string | URL, options: ReadDatasetOptions = {}): AsyncIterable<RecordStore<Schema>> {
  const where = 'readDataset()';
  if (typeof dir !== 'string' && !(dir instanceof URL)) throw new TypeError(`${where}: dir must be a path or a file: URL, got ${describe(dir)}`);
  if (options === null || typeof options !== 'object') throw new TypeError(`${where}: options must be an object, got ${describe(options)}`);
  checkFilter(options.filter, where);
  return {
    async *[Symbol.asyncIterator]() {
      const url = await import('node:url');
      const root = dir instanceof URL ? url.fileURLToPath(dir) : dir;
      const { files, keys } = await listDataset(root);
      const filter = options.filter ?? {};
      const dataFilter: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(filter)) if (!keys.includes(k)) dataFilter[k] = p;
      const hasDataFilter = Object.keys(dataFilter).length > 0;
      for (const f of files) {
        let keep = true;
        for (const k of keys) {
          const p = filter[k];
          if (p !== undefined && !matches(p, f.values.get(k) ?? null)) keep = false;
        }
        if (!keep) continue;
        const dataCols = options.columns?.filter((c) => !keys.includes(c));
        const reader = readParquet(f.path, { ...(dataCols === undefined ? {} : { columns: dataCols }), ...(hasDataFilter ? { filter: dataFilter as ParquetFilter } : {}) });
        for await (const chunk of reader) {
          const fields = options.columns ?? [...chunk.fields, ...keys];
          yield withPartitions(chunk, f.values, keys, fields);
        }
      }
    },
  };
}
