/**
 * The parallel CSV reader of compactly/node: the main thread reads the file in blocks, cuts each at its last
 * record boundary (csv-split.ts), and hands the blocks (transferred, not copied) to `worker_threads` that
 * tokenize and convert them with the serial reader's block API; the converted columns come back transferred
 * and are re-chunked in file order by the serial reader's chunk builder — so the chunks, `skippedRows` and
 * every error (with its line number: each block's base line is the sum of the line ends before it) are the
 * serial reader's.
 *
 * @internal
 * @packageDocumentation
 */
import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { ByteTokenizer, ChunkBuilder, CsvError, CsvReader, planOf, type CsvOptions } from '../pipeline.js';
import type { RecordStore, Schema } from '../record-store.js';
import type { BlockRequest, BlockResult, WorkerInit } from './csv-protocol.js';
import { lastRecordEnd } from './csv-split.js';
import type { PathLike } from './file-bytes.js';

/**
 * Bytes per block handed to a worker: the file split into ~32 blocks per worker, within [1 MiB, 4 MiB]. What is
 * in flight (blocks, a worker's token arrays of ~2x its block, converted columns) scales with it: on the 81 MB
 * flights file, blocks of ~5 MB (8 per worker) peaked at ~250 MB RSS with 2 workers, ~1.3 MB ones at ~205 MB.
 */
function blockSize(fileSize: number, workers: number): number {
  return Math.min(4 << 20, Math.max(1 << 20, Math.ceil(fileSize / (workers * 32))));
}

/**
 * Starts one worker: the built module beside this one (dist/csv-worker.{js,cjs}); when running from the
 * TypeScript sources (the repository's tests), a bootstrap that registers tsx and imports csv-worker.ts.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL(here.endsWith('.cjs') ? './csv-worker.cjs' : './csv-worker.js', here));
  const src = JSON.stringify(new URL('./csv-worker.ts', here).href);
  return new Worker(`import('tsx/esm/api').then((api) => { api.register(); return import(${src}); })`, { eval: true });
}

/** A fixed pool: block `i` goes to worker `i % n`, and each worker answers in order. */
class Pool {
  readonly #workers: Worker[] = [];
  readonly #waiting: { resolve: (r: BlockResult) => void; reject: (e: unknown) => void }[][] = [];
  #failure: unknown = null;

  constructor(n: number, init: WorkerInit) {
    for (let i = 0; i < n; i++) {
      const w = startWorker();
      const queue: { resolve: (r: BlockResult) => void; reject: (e: unknown) => void }[] = [];
      w.on('message', (r: BlockResult) => queue.shift()?.resolve(r));
      w.on('error', (e) => this.#fail(e));
      w.on('exit', (code) => {
        if (queue.length > 0) this.#fail(new Error(`readCsv(): a CSV worker exited (code ${code}) with blocks pending`));
      });
      w.postMessage(init);
      this.#workers.push(w);
      this.#waiting.push(queue);
    }
  }

  #fail(e: unknown): void {
    this.#failure = e;
    for (const q of this.#waiting) for (const p of q.splice(0)) p.reject(e);
  }

  run(req: BlockRequest): Promise<BlockResult> {
    if (this.#failure !== null) return Promise.reject(this.#failure);
    const i = req.id % this.#workers.length;
    return new Promise((resolve, reject) => {
      this.#waiting[i]!.push({ resolve, reject });
      this.#workers[i]!.postMessage(req, [req.buffer]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}

/** @internal A CsvReader over a file path that parses blocks on `workers` worker threads. */
export class ParallelCsvReader<S extends Schema> extends CsvReader<S> {
  readonly #path: PathLike;
  readonly #workers: number;
  readonly #blockBytes: number | undefined;

  /** @param blockBytes - bytes per block read (tests use tiny blocks to cut records everywhere). */
  constructor(path: PathLike, opts: CsvOptions<S>, workers: number, blockBytes?: number) {
    super([], opts);
    this.#path = path;
    this.#workers = workers;
    this.#blockBytes = blockBytes;
  }

  override async *[Symbol.asyncIterator](): AsyncIterator<RecordStore<S>> {
    const o = this.opts;
    const D = o.delimiter.charCodeAt(0);
    const Q = o.quote.charCodeAt(0);
    const skip = o.onError === 'skip';
    const counts = { skipped: 0, rowsRead: 0 };
    this.track(counts);
    const fh = await open(this.#path, 'r');
    let pool: Pool | null = null;
    const pending: Promise<BlockResult>[] = [];
    try {
      const size = (await fh.stat()).size;
      const b = new ChunkBuilder(planOf(o), o.schema, o.chunkSize, o.header, skip, Q, false, o.rename, o.wholeBytes === undefined ? undefined : size);
      const bs = this.#blockBytes ?? blockSize(size, this.#workers);
      // The header (and a BOM), read by the serial tokenizer: it tells where the data starts and on which line.
      const tok = new ByteTokenizer(D, Q, o.fieldSizeLimit);
      let fileOffset = 0;
      let eof = false;
      const head = new Uint8Array(Math.min(bs, 1 << 16));
      for (;;) {
        const { bytesRead } = await fh.read(head, 0, head.length, fileOffset);
        fileOffset += bytesRead;
        if (bytesRead === 0) {
          eof = true;
          tok.end();
        } else tok.push(head.subarray(0, bytesRead));
        if (!o.header) {
          if (eof || tok.pending >= 3) break; // only the BOM matters
          continue;
        }
        const batch = tok.scan(1);
        if (batch !== null) {
          if (batch.nrows > 0) b.header(batch, 0);
          else throw b.fatalError(batch.fatal!);
          break;
        }
        if (eof) break;
      }
      if (b.awaitingHeader) {
        b.finish();
        return;
      }
      let streamOffset = tok.offset; // first data byte
      let line = tok.line;
      pool = new Pool(this.#workers, {
        type: 'init',
        schema: o.schema,
        delimiter: D,
        quote: Q,
        skip,
        fieldSizeLimit: o.fieldSizeLimit,
        csvToPlan: Array.from(b.conv.colMap),
        naTokens: o.naTokens,
        inferred: [...o.inferred],
        inferRows: o.inferRows,
      });
      let readAt = streamOffset;
      let carry = new Uint8Array(0);
      let id = 0;
      const dispatch = (buf: Uint8Array, length: number): void => {
        const p = pool!.run({ type: 'block', id: id++, buffer: buf.buffer as ArrayBuffer, length, offset: streamOffset });
        p.catch(() => undefined); // awaited in order below; this only keeps a failure from being "unhandled" meanwhile
        pending.push(p);
        streamOffset += length;
      };
      eof = false;
      for (;;) {
        while (!eof && pending.length < 2 * this.#workers) {
          const block = new Uint8Array(carry.length + bs);
          block.set(carry);
          const { bytesRead } = await fh.read(block, carry.length, bs, readAt);
          readAt += bytesRead;
          const len = carry.length + bytesRead;
          if (bytesRead === 0) {
            eof = true;
            if (len > 0) dispatch(block, len);
            break;
          }
          const cut = lastRecordEnd(block, len, D, Q);
          if (cut < 0) {
            carry = block.subarray(0, len); // one record longer than a block: read on
            continue;
          }
          carry = block.slice(cut, len);
          dispatch(block, cut);
        }
        const next = pending.shift();
        if (next === undefined) break;
        const r = await next;
        b.progress(r.end, r.n);
        b.addBlock(r, 0, r.n);
        counts.skipped += r.skipped;
        counts.rowsRead = b.rowsRead;
        while (b.ready.length > 0) yield b.ready.shift() as unknown as RecordStore<S>;
        if (r.error !== null) throw new CsvError(r.error.message, r.error.line + line - 1, r.error.column, r.error.field);
        if (r.fatal !== null) throw b.fatalError(r.fatal, line - 1);
        line += r.lines;
      }
      b.finish();
      while (b.ready.length > 0) yield b.ready.shift() as unknown as RecordStore<S>;
    } finally {
      await pool?.close();
      await fh.close();
    }
  }
}
