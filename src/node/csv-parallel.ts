/**
 * The parallel CSV reader of compactly/node: the main thread reads the file in blocks, cuts each at its last
 * record boundary (csv-split.ts), and hands the blocks (transferred, not copied) to `worker_threads` that
 * tokenize and convert them with the serial reader's block API, or converts a block itself when every worker
 * already has enough queued (so `n` threads parse: this one and `n - 1` workers); the converted columns come
 * back transferred, with the block's bytes for the next read, and are re-chunked in file order by the serial
 * reader's chunk builder — so the chunks, `skippedRows` and every error (with its line number: each block's
 * base line is the sum of the line ends before it) are the serial reader's.
 *
 * @internal
 * @packageDocumentation
 */
import { open } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { ByteTokenizer, ChunkBuilder, CsvError, CsvReader, planOf, type CsvOptions } from '../pipeline.js';
import type { RecordStore, Schema } from '../record-store.js';
import { BlockParser } from './csv-block-parser.js';
import type { BlockRequest, BlockResult, WorkerInit } from './csv-protocol.js';
import { lastRecordEnd } from './csv-split.js';
import type { PathLike } from './file-bytes.js';

/**
 * Bytes per block: the file split into ~32 blocks per parsing thread, within [1 MiB, 4 MiB]. What is in flight
 * (blocks, a worker's token arrays of ~2x its block, converted columns) scales with it: on the 81 MB flights
 * file, blocks of ~5 MB (8 per worker) peaked at ~250 MB RSS with 2 workers, ~1.3 MB ones at ~205 MB.
 */
function blockSize(fileSize: number, threads: number): number {
  return Math.min(4 << 20, Math.max(1 << 20, Math.ceil(fileSize / (threads * 32))));
}

/**
 * Blocks queued per worker before the main thread converts one itself: enough that a worker still has work
 * while the main thread converts a block and stacks the results that came back.
 */
const WORKER_DEPTH = 3;

/**
 * Converted blocks this thread may hold ahead of the oldest one still being converted by a worker: rather than
 * wait for it, this thread reads and converts further blocks (each holds ~1 MB of columns).
 */
const MAIN_AHEAD = 12;

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

type Waiter = { resolve: (r: BlockResult) => void; reject: (e: unknown) => void };

/** A fixed pool: a block goes to the worker with the fewest queued (each answers in order), if one has room. */
class Pool {
  readonly #workers: Worker[] = [];
  readonly #waiting: Waiter[][] = [];
  #failure: unknown = null;

  /** @param onInput - takes each block's read buffer back as soon as its result arrives (before it is stacked, in order). */
  constructor(n: number, init: WorkerInit, onInput: (buffer: ArrayBuffer) => void) {
    for (let i = 0; i < n; i++) {
      const w = startWorker();
      const queue: Waiter[] = [];
      w.on('message', (r: BlockResult) => {
        if (r.input !== null) onInput(r.input);
        queue.shift()?.resolve({ ...r, input: null });
      });
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

  /** The block's result, from the least busy worker; null when every worker has `depth` blocks queued. */
  run(req: BlockRequest, depth: number): Promise<BlockResult> | null {
    if (this.#failure !== null) return Promise.reject(this.#failure);
    let i = -1;
    for (let k = 0; k < this.#waiting.length; k++) if (this.#waiting[k]!.length < depth && (i < 0 || this.#waiting[k]!.length < this.#waiting[i]!.length)) i = k;
    if (i < 0) return null;
    return new Promise((resolve, reject) => {
      this.#waiting[i]!.push({ resolve, reject });
      this.#workers[i]!.postMessage(req, [req.buffer, ...req.recycle]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}

/** @internal A CsvReader over a file path that parses blocks on `threads` threads: this one and `threads - 1` workers. */
export class ParallelCsvReader<S extends Schema> extends CsvReader<S> {
  readonly #path: PathLike;
  readonly #threads: number;
  readonly #blockBytes: number | undefined;

  /** @param blockBytes - bytes per block read (tests use tiny blocks to cut records everywhere). */
  constructor(path: PathLike, opts: CsvOptions<S>, threads: number, blockBytes?: number) {
    super([], opts);
    this.#path = path;
    this.#threads = threads;
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
    /** The block read in flight, if any. */
    let reading: { block: Uint8Array<ArrayBuffer>; kept: number; bytesRead: Promise<number> } | null = null;
    /** Results in file order. */
    const pending: Promise<BlockResult>[] = [];
    try {
      const size = (await fh.stat()).size;
      const b = new ChunkBuilder(planOf(o), o.schema, o.chunkSize, o.header, skip, Q, false, o.rename, o.wholeBytes === undefined ? undefined : size);
      const bs = this.#blockBytes ?? blockSize(size, this.#threads);
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
      const init: WorkerInit = {
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
      };
      // Block buffers handed back by the workers (and this thread), reused for the next reads.
      const spare: ArrayBuffer[] = [];
      pool = new Pool(this.#threads - 1, init, (buffer) => spare.push(buffer));
      const here = new BlockParser(init);
      let readAt = streamOffset;
      let carry = new Uint8Array(0);
      let id = 0;
      const limit = WORKER_DEPTH * (this.#threads - 1) + 2;
      // Whether the oldest pending result has arrived: while it has not, this thread parses further blocks itself.
      let headReady = false;
      let oldest: Promise<BlockResult> | undefined;
      const watch = (): void => {
        if (pending[0] === oldest) return;
        oldest = pending[0];
        headReady = false;
        const h = oldest;
        h?.then(
          () => {
            if (oldest === h) headReady = true;
          },
          () => undefined,
        );
      };
      // Column buffers of the blocks already stacked, handed to the next block's parser (a worker, or this thread).
      const spareColumns: ArrayBuffer[] = [];
      const perBlock = b.conv.numeric.length + b.conv.cats.length;
      const dispatch = (buf: Uint8Array, length: number): void => {
        const recycle = spareColumns.splice(Math.max(0, spareColumns.length - perBlock));
        const req: BlockRequest = { type: 'block', id: id++, buffer: buf.buffer as ArrayBuffer, length, offset: streamOffset, recycle };
        streamOffset += length;
        const p = pool!.run(req, WORKER_DEPTH);
        if (p === null) {
          // Every worker is busy: this thread converts the block now (its result waits in order with the others').
          here.give(recycle);
          const { result } = here.parse(req);
          spare.push(req.buffer); // read into again at once, not once the result is stacked
          pending.push(Promise.resolve({ ...result, input: null }));
          return;
        }
        p.catch(() => undefined); // awaited in order below; this only keeps a failure from being "unhandled" meanwhile
        pending.push(p);
      };
      // The next block's read, started as soon as the last one was cut (its carry known): it runs while this
      // thread converts or stacks blocks, instead of being awaited at each block (on 3M flights rows, quiet
      // machine: ~100 ms of this thread's time awaiting reads, a seventh of the load).
      const readNext = (): { block: Uint8Array<ArrayBuffer>; kept: number; bytesRead: Promise<number> } => {
        const need = carry.length + bs;
        let ab = spare.pop();
        while (ab !== undefined && ab.byteLength < need) ab = spare.pop();
        const block = new Uint8Array(ab ?? new ArrayBuffer(need + (need >> 4)));
        block.set(carry);
        return { block, kept: carry.length, bytesRead: fh.read(block, carry.length, bs, readAt).then((r) => r.bytesRead) };
      };
      eof = false;
      reading = readNext();
      for (;;) {
        for (;;) {
          watch();
          if (eof || (pending.length >= limit && (headReady || pending.length >= limit + MAIN_AHEAD))) break;
          const { block, kept, bytesRead: read } = reading!;
          const bytesRead = await read;
          reading = null;
          readAt += bytesRead;
          const len = kept + bytesRead;
          if (bytesRead === 0) {
            eof = true;
            if (len > 0) dispatch(block, len);
            break;
          }
          const cut = lastRecordEnd(block, len, D, Q);
          if (cut < 0) {
            carry = block.subarray(0, len); // one record longer than a block: read on
            reading = readNext();
            continue;
          }
          carry = block.slice(cut, len);
          reading = readNext();
          dispatch(block, cut);
        }
        const next = pending.shift();
        if (next === undefined) break;
        const r = await next;
        b.progress(r.end, r.n);
        b.addBlock(r, 0, r.n);
        counts.skipped += r.skipped;
        counts.rowsRead = b.rowsRead;
        // Copied into the chunk: the block's columns are free for the next blocks (a few blocks' worth kept).
        if (spareColumns.length < 4 * perBlock) {
          for (const a of r.cols) if (a !== null) spareColumns.push(a.buffer as ArrayBuffer);
          for (const a of r.codes) if (a !== null) spareColumns.push(a.buffer as ArrayBuffer);
        }
        while (b.ready.length > 0) yield b.ready.shift() as unknown as RecordStore<S>;
        if (r.error !== null) throw new CsvError(r.error.message, r.error.line + line - 1, r.error.column, r.error.field);
        if (r.fatal !== null) throw b.fatalError(r.fatal, line - 1);
        line += r.lines;
      }
      b.finish();
      while (b.ready.length > 0) yield b.ready.shift() as unknown as RecordStore<S>;
    } finally {
      await pool?.close();
      await reading?.bytesRead.catch(() => undefined);
      await fh.close();
    }
  }
}
