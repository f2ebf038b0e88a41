/**
 * The worker of the parallel CSV reader: receives whole-record blocks of a file (transferred bytes), tokenizes
 * and converts each with the same block API as the serial reader, and hands the typed columns back
 * (transferred). Line numbers in its errors are relative to the block; the main thread adds the block's base.
 *
 * @internal
 * @packageDocumentation
 */
import { parentPort } from 'node:worker_threads';
// The block API straight from its modules, not through the pipeline face: the face loads the whole library
// (records, categoricals, vectors), which a worker never uses. Measured (node 20, built ESM): importing the face
// costs ~164 ms of CPU per worker started, these modules ~33 ms.
import { allocTarget, BlockConverter, planSchema, type FieldPlan } from '../pipeline/csv-block.js';
import { NaMatcher } from '../pipeline/csv-bytes.js';
import { ByteTokenizer } from '../pipeline/csv-tokenizer.js';
import type { Schema } from '../record-store.js';
import type { BlockRequest, BlockResult, WorkerInit } from './csv-protocol.js';

const port = parentPort!;
/** Per reading (set by 'init'): the plan's converter and a tokenizer, reused for every block (their scratch arrays grow once). */
let state: { init: WorkerInit; plan: FieldPlan[]; conv: BlockConverter; tok: ByteTokenizer } | null = null;

port.on('message', (msg: WorkerInit | BlockRequest) => {
  if (msg.type === 'init') {
    const plan = planSchema(msg.schema as Schema, { na: new NaMatcher(msg.naTokens), inferred: new Set(msg.inferred), inferRows: msg.inferRows });
    const conv = new BlockConverter(plan, msg.quote, msg.skip);
    conv.setColumns(msg.csvToPlan);
    state = { init: msg, plan, conv, tok: new ByteTokenizer(msg.delimiter, msg.quote, msg.fieldSizeLimit, 1, 0, false) };
    return;
  }
  const { result, transfer } = convertBlock(state!, msg);
  port.postMessage(result, transfer);
});

function convertBlock(st: NonNullable<typeof state>, req: BlockRequest): { result: BlockResult; transfer: ArrayBuffer[] } {
  const { plan, conv, tok } = st;
  conv.skipped = 0;
  conv.error = null;
  tok.restart(1, req.offset);
  tok.adopt(new Uint8Array(req.buffer, 0, req.length)); // the transferred block is the tokenizer's buffer: no copy
  tok.end();
  const batch = tok.scan();
  const nrows = batch === null ? 0 : batch.nrows;
  const target = allocTarget(plan, nrows);
  const n = batch === null || nrows === 0 ? 0 : conv.convert(batch, 0, nrows, target, 0);
  const transfer: ArrayBuffer[] = [];
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
      lines: tok.line - 1,
      skipped: conv.skipped,
      error: conv.error,
      fatal: batch === null ? null : batch.fatal,
    },
    transfer,
  };
}
