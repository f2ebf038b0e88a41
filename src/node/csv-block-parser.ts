/**
 * One block of the parallel CSV reader tokenized and converted with the serial reader's block API: run by the
 * workers, and by the main thread itself for the blocks it takes when every worker is busy.
 *
 * @internal
 * @packageDocumentation
 */
// The block API straight from its modules, not through the pipeline face: the face loads the whole library
// (records, categoricals, vectors), which a worker never uses. Measured (node 20, built ESM): importing the face
// costs ~164 ms of CPU per worker started, these modules ~33 ms.
import { allocTarget, BlockConverter, planSchema, type FieldPlan } from '../pipeline/csv-block.js';
import { NaMatcher } from '../pipeline/csv-bytes.js';
import { ByteTokenizer } from '../pipeline/csv-tokenizer.js';
import type { Schema } from '../record-store.js';
import type { BlockRequest, BlockResult, WorkerInit } from './csv-protocol.js';

/**
 * @internal Parses blocks for one reading: its converter and tokenizer are reused for every block (their scratch
 * arrays grow once), and so is the memory of the columns it converts into: the reader hands a block's column
 * buffers back once it has copied them ({@link BlockParser.give}). Fresh memory is dear: the first write to a page
 * costs a page fault (measured on the 2-core VM of the benchmarks: 2.7 ms per MB, a tenth of the parse time of
 * the flights file per 20 MB), and the columns of 3M flights rows in blocks are 60 MB.
 */
export class BlockParser {
  readonly #plan: FieldPlan[];
  readonly #conv: BlockConverter;
  readonly #tok: ByteTokenizer;
  /** Column buffers handed back, for the next blocks' columns. */
  readonly #free: ArrayBuffer[] = [];

  constructor(init: WorkerInit) {
    this.#plan = planSchema(init.schema as Schema, { na: new NaMatcher(init.naTokens), inferred: new Set(init.inferred), inferRows: init.inferRows });
    this.#conv = new BlockConverter(this.#plan, init.quote, init.skip);
    this.#conv.setColumns(init.csvToPlan);
    this.#tok = new ByteTokenizer(init.delimiter, init.quote, init.fieldSizeLimit, 1, 0, false);
  }

  /** Buffers of converted columns that nothing refers to any more (moved here), for the next blocks' columns. */
  give(buffers: readonly ArrayBuffer[]): void {
    for (const b of buffers) this.#free.push(b);
  }

  /** Buffers this parser holds for reuse (tests). */
  get spare(): number {
    return this.#free.length;
  }

  /** A buffer of at least `bytes` bytes: a freed one if one is large enough, else a new one with 1/4 to spare (blocks vary in rows). */
  #buffer(bytes: number): ArrayBuffer {
    const free = this.#free;
    for (let i = free.length - 1; i >= 0; i--) {
      if (free[i]!.byteLength < bytes) continue;
      const b = free[i]!;
      free[i] = free[free.length - 1]!;
      free.pop();
      return b;
    }
    return new ArrayBuffer(bytes + (bytes >> 2));
  }

  /**
   * The block's converted columns, and the buffers to transfer when the result is posted (its columns, and the
   * block's own bytes, handed back for the next read: nothing refers to them once the block is converted).
   */
  parse(req: BlockRequest): { result: BlockResult; transfer: ArrayBuffer[] } {
    const conv = this.#conv;
    const tok = this.#tok;
    conv.skipped = 0;
    conv.error = null;
    tok.restart(1, req.offset);
    tok.adopt(new Uint8Array(req.buffer, 0, req.length)); // the block is the tokenizer's buffer: no copy
    tok.end();
    const batch = tok.scan();
    const nrows = batch === null ? 0 : batch.nrows;
    const target = allocTarget(this.#plan, nrows, (bytes) => this.#buffer(bytes));
    const n = batch === null || nrows === 0 ? 0 : conv.convert(batch, 0, nrows, target, 0);
    const fatal = batch === null ? null : batch.fatal;
    const lines = tok.line - 1;
    tok.restart(1, 0); // lets go of the block
    const transfer: ArrayBuffer[] = [req.buffer];
    for (const a of target.cols) if (a !== null) transfer.push(a.buffer as ArrayBuffer);
    for (const a of target.codes) if (a !== null) transfer.push(a.buffer as ArrayBuffer);
    for (const a of target.valid) if (a !== null) transfer.push(a.buffer as ArrayBuffer);
    for (const u of target.utf8) if (u !== null) transfer.push(u.offsets.buffer as ArrayBuffer, u.bytes.buffer as ArrayBuffer);
    return {
      result: {
        id: req.id,
        n,
        end: req.offset + req.length,
        cols: target.cols,
        codes: target.codes,
        values: target.enc.map((e) => (e === null ? null : e.values)),
        utf8: target.utf8,
        valid: target.valid,
        lines,
        skipped: conv.skipped,
        error: conv.error,
        fatal,
        input: req.buffer,
      },
      transfer,
    };
  }
}
