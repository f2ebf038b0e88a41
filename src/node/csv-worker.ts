/**
 * The worker of the parallel CSV reader: receives whole-record blocks of a file (transferred bytes), tokenizes
 * and converts each with the same block API as the serial reader, and hands the typed columns back
 * (transferred). Line numbers in its errors are relative to the block; the main thread adds the block's base.
 *
 * @internal
 * @packageDocumentation
 */
import { parentPort } from 'node:worker_threads';
import { allocTarget, BlockConverter, ByteTokenizer, NaMatcher, planSchema } from '../pipeline.js';
import type { Schema } from '../record-store.js';
import type { BlockRequest, BlockResult, WorkerInit } from './csv-protocol.js';

const port = parentPort!;
let init: WorkerInit | null = null;

port.on('message', (msg: WorkerInit | BlockRequest) => {
  if (msg.type === 'init') {
    init = msg;
    return;
  }
  const { result, transfer } = convertBlock(init!, msg);
  port.postMessage(result, transfer);
});

function convertBlock(o: WorkerInit, req: BlockRequest): { result: BlockResult; transfer: ArrayBuffer[] } {
  const plan = planSchema(o.schema as Schema, { na: new NaMatcher(o.naTokens), inferred: new Set(o.inferred), inferRows: o.inferRows });
  const conv = new BlockConverter(plan, o.quote, o.skip);
  conv.setColumns(o.csvToPlan);
  const tok = new ByteTokenizer(o.delimiter, o.quote, o.fieldSizeLimit, 1, req.offset, false);
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
