/**
 * The worker of the parallel CSV reader: receives whole-record blocks of a file (transferred bytes), tokenizes
 * and converts each with the same block API as the serial reader, and hands the typed columns back
 * (transferred), with the block's bytes for the next read. Line numbers in its errors are relative to the
 * block; the main thread adds the block's base.
 *
 * @internal
 * @packageDocumentation
 */
import { parentPort } from 'node:worker_threads';
import { BlockParser } from './csv-block-parser.js';
import type { BlockRequest, WorkerInit } from './csv-protocol.js';

const port = parentPort!;
/** Per reading (set by 'init'). */
let parser: BlockParser | null = null;

port.on('message', (msg: WorkerInit | BlockRequest) => {
  if (msg.type === 'init') {
    parser = new BlockParser(msg);
    return;
  }
  parser!.give(msg.recycle);
  const { result, transfer } = parser!.parse(msg);
  port.postMessage(result, transfer);
});
