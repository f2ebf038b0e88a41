/**
 * `readCsv` for Node: the core reader plus file paths and Node streams as sources, and parallel parsing of
 * large files on worker threads.
 *
 * @packageDocumentation
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { CsvReader, csvOptions, readCsv as readCsvCore, type CsvSource, type ReadCsvOptions } from '../pipeline.js';
import type { RecordStore, Schema } from '../record-store.js';
import { describe, throwValue } from '../errors.js';
import { ParallelCsvReader } from './csv-parallel.js';
import { fileBytes, type PathLike } from './file-bytes.js';

/** What the Node `readCsv` reads: a file path / `file:` URL, a Node Readable, or any core CSV source except text. */
export type NodeCsvSource = PathLike | NodeJS.ReadableStream | Exclude<CsvSource, string>;

/**
 * Files at least this large (32 MiB) are parsed on worker threads under `workers: 'auto'` (the default) when
 * the machine has more than one core; smaller ones are read serially (starting workers costs ~50 ms).
 */
export const PARALLEL_CSV_MIN_BYTES = 32 * 1024 * 1024;

/**
 * Bytes per read of a file read serially (1 MiB): against 64 KiB pieces, 16x fewer reads, scans and batches
 * (~8% less CPU reading the 81 MB flights file in chunks), for ~3 MB more held while reading.
 */
const CSV_FILE_PIECE = 1 << 20;

/** Options of the Node {@link readCsv}: the core options plus `workers`. */
export interface NodeReadCsvOptions<S extends Schema> extends ReadCsvOptions<S> {
  /**
   * Threads that parse a file path's blocks: an integer ≥ 1 (1 = serial, on this thread; n = this thread and
   * n − 1 worker threads) or `'auto'` (the default: `os.availableParallelism()` threads for files of at least
   * {@link PARALLEL_CSV_MIN_BYTES}, serial below). Chunks, `skippedRows` and errors (line numbers included) are the serial reader's whatever
   * the count. Streams and `reuse: true` are always read serially (reused chunk memory cannot be handed
   * between threads).
   */
  readonly workers?: number | 'auto';
}

/** Fixes the worker count (after the file size is known, for 'auto'). */
async function workerCount(path: PathLike, workers: number | 'auto'): Promise<number> {
  if (workers !== 'auto') return workers;
  const cores = availableParallelism();
  if (cores < 2) return 1;
  const { size } = await stat(path);
  return size >= PARALLEL_CSV_MIN_BYTES ? cores : 1;
}

/** Reads a path serially or in parallel, deciding when iteration starts (the file is not touched before). */
class FileCsvReader<S extends Schema> extends CsvReader<S> {
  readonly #path: PathLike;
  readonly #workers: number | 'auto';
  #inner: CsvReader<S> | null = null;

  constructor(path: PathLike, options: NodeReadCsvOptions<S>, workers: number | 'auto') {
    super([], csvOptions(options));
    this.#path = path;
    this.#workers = workers;
  }

  override get skippedRows(): number {
    return this.#inner?.skippedRows ?? 0;
  }

  override get rowsRead(): number {
    return this.#inner?.rowsRead ?? 0;
  }

  override async *[Symbol.asyncIterator](): AsyncIterator<RecordStore<S>> {
    const path = this.#path;
    // Inferred types come from the first rows, read here once (a parallel reading re-reads them in blocks).
    const sm = this.sampler();
    if (sm !== null) {
      const pieces = fileBytes(path);
      try {
        while (!sm.full) {
          const next = await pieces.next();
          if (next.done) sm.end();
          else sm.push(next.value);
        }
      } finally {
        await pieces.return(undefined);
      }
      this.resolve(sm);
    }
    const n = this.opts.reuse ? 1 : await workerCount(path, this.#workers);
    // readCsvStore: the file's size sizes the store's columns once.
    const opts = this.opts.wholeBytes === undefined ? this.opts : { ...this.opts, wholeBytes: (await stat(path)).size };
    this.#inner = n > 1 ? new ParallelCsvReader<S>(path, opts, n) : new CsvReader<S>({ [Symbol.asyncIterator]: () => fileBytes(path, CSV_FILE_PIECE) }, opts);
    yield* this.#inner;
  }
}

/**
 * Reads a CSV **file** (or a Node stream) into RecordStore chunks, in memory independent of the file size;
 * large files are parsed on worker threads.
 *
 * @param source - a file path (a string here is a **path**, unlike the core `readCsv` where it is CSV text),
 *   a `file:` URL, a Node `Readable` (e.g. `process.stdin`, `createReadStream`), or any core source.
 * @param options - as the core {@link readCsv} (`schema`, `chunkSize`, `delimiter`, `header`, `quote`,
 *   `onError`, `reuse`, `fieldSizeLimit`), plus `workers` (see {@link NodeReadCsvOptions}).
 * @returns a `CsvReader`: `for await (const chunk of reader)`, or `pipeline(reader)`.
 * @throws as the core `readCsv`, and `ValueError` for a bad `workers`; (rejects) when the file cannot be opened.
 * @remarks Serially, the file is read in 1 MiB pieces through one file handle, closed when the reader ends,
 * fails, or the consumer breaks early. In parallel (`workers` ≥ 2, or `'auto'` on a file of at least
 * {@link PARALLEL_CSV_MIN_BYTES}), the main thread reads blocks of 1–4 MiB, cuts each at its last record
 * boundary (quote-aware), and transfers them to the workers, which tokenize and convert them and transfer the
 * columns (and the block's bytes, reused for the next read) back; when every worker has three blocks queued, the
 * main thread converts the next block itself. Chunks come out in file order, identical to the serial reader's. The workers are terminated when the reader ends, fails or is abandoned.
 * @example
 * ```ts
 * for await (const chunk of readCsv('trips.csv', { schema: { city: 'category', km: 'float64' } })) {
 *   total += pipeline(chunk.column('km')).sum();
 * }
 * ```
 */
export function readCsv<S extends Schema = Schema>(source: NodeCsvSource, options: NodeReadCsvOptions<S> = {}): CsvReader<S> {
  if (typeof source === 'string' || source instanceof URL) {
    const workers = options?.workers ?? 'auto';
    if (workers !== 'auto' && (typeof workers !== 'number' || !Number.isInteger(workers) || workers < 1 || workers > 256)) {
      throwValue(`readCsv(): workers must be 'auto' or an integer in [1, 256], got ${describe(workers)}`);
    }
    return new FileCsvReader<S>(source, options, workers);
  }
  return readCsvCore(source as Exclude<CsvSource, string>, options);
}
