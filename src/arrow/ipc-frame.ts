/**
 * Arrow IPC framing: walks the encapsulated messages of an IPC stream or file and checks every
 * length, offset and buffer region against the bytes actually present, so that malformed input is
 * rejected with an error naming the byte offset instead of being half-read (apache-arrow returns an
 * empty table for garbage, and reports truncation without a position).
 *
 * Only the few flatbuffer fields needed for framing are read: `Message.header_type`,
 * `Message.bodyLength`, the `RecordBatch` buffer regions (also inside a `DictionaryBatch`), and the
 * file footer's blocks.
 *
 * @packageDocumentation
 */
import { ValueError } from '../errors.js';

/** Bytes of `ARROW1`, the file-format magic. */
const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];

/** Message header types (Message.fbs). */
export const HEADER_SCHEMA = 1;
/** @internal */
export const HEADER_DICTIONARY_BATCH = 2;
/** @internal */
export const HEADER_RECORD_BATCH = 3;

/** @internal One encapsulated message found by {@link scanMessage}. */
export interface FramedMessage {
  /** Byte offset of the message (its continuation marker) in the whole input. */
  readonly offset: number;
  /** Bytes of the whole message: prefix + metadata + body. */
  readonly size: number;
  /** `1` Schema, `2` DictionaryBatch, `3` RecordBatch; `0` for the end-of-stream marker. */
  readonly headerType: number;
}

/** @internal Throws a ValueError that names the byte offset. */
export function throwMalformed(offset: number, what: string): never {
  throw new ValueError(`malformed Arrow IPC data at byte offset ${offset}: ${what}`);
}

/** A bounds-checked little-endian reader over one flatbuffer (`[start, end)` of `bytes`). */
class FlatReader {
  readonly #view: DataView;
  readonly #start: number;
  readonly #end: number;
  /** Absolute offset of `start` in the whole input, for messages. */
  readonly #base: number;

  constructor(bytes: Uint8Array, start: number, end: number, base: number) {
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#start = start;
    this.#end = end;
    this.#base = base;
  }

  #check(pos: number, size: number): void {
    if (pos < this.#start || pos + size > this.#end || !Number.isInteger(pos)) {
      throwMalformed(this.#base + Math.max(0, pos - this.#start), 'flatbuffer reference points outside the message metadata');
    }
  }
  u8(pos: number): number {
    this.#check(pos, 1);
    return this.#view.getUint8(pos);
  }
  u16(pos: number): number {
    this.#check(pos, 2);
    return this.#view.getUint16(pos, true);
  }
  i32(pos: number): number {
    this.#check(pos, 4);
    return this.#view.getInt32(pos, true);
  }
  u32(pos: number): number {
    this.#check(pos, 4);
    return this.#view.getUint32(pos, true);
  }
  i64(pos: number): number {
    this.#check(pos, 8);
    const v = this.#view.getBigInt64(pos, true);
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      throwMalformed(this.#base + (pos - this.#start), `64-bit length ${v} is not a safe integer`);
    }
    return Number(v);
  }
  /** Position of the root table. */
  root(): number {
    return this.#start + this.u32(this.#start);
  }
  /** Position of field `id` of the table at `table`, or 0 if absent. */
  field(table: number, id: number): number {
    const vtable = table - this.i32(table);
    const vsize = this.u16(vtable);
    const slot = 4 + 2 * id;
    if (slot + 2 > vsize) return 0;
    const off = this.u16(vtable + slot);
    return off === 0 ? 0 : table + off;
  }
  /** Follows the offset stored at `pos` (a table, vector or string reference). */
  deref(pos: number): number {
    return pos + this.u32(pos);
  }
}

/**
 * @internal Reads the message that starts at `pos` of `bytes` (absolute offset `base + pos`), checking
 * its prefix, metadata and body against the bytes present.
 * @returns the message; or, when `partial` is true and the message is not all there yet (streaming),
 *   the number of bytes from `pos` needed to read further.
 */
export function scanMessage(bytes: Uint8Array, pos: number, base: number, partial: true): FramedMessage | number;
export function scanMessage(bytes: Uint8Array, pos: number, base: number, partial: false): FramedMessage;
export function scanMessage(bytes: Uint8Array, pos: number, base: number, partial: boolean): FramedMessage | number {
  const total = bytes.byteLength;
  const at = base + pos;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (total - pos < 4) {
    if (partial) return 8;
    return throwMalformed(at, `truncated message prefix: ${total - pos} byte(s) where at least 4 are needed`);
  }
  let prefix = 4;
  let metaLen = view.getInt32(pos, true);
  if (metaLen === -1) {
    if (total - pos < 8) {
      if (partial) return 8;
      return throwMalformed(at, `truncated message prefix: ${total - pos} byte(s) where 8 are needed`);
    }
    prefix = 8;
    metaLen = view.getInt32(pos + 4, true);
  }
  if (metaLen === 0) return { offset: at, size: prefix, headerType: 0 };
  if (metaLen < 0) return throwMalformed(at, `negative message metadata length ${metaLen}`);
  const metaStart = pos + prefix;
  if (metaStart + metaLen > total) {
    if (partial) return prefix + metaLen;
    return throwMalformed(at, `message metadata of ${metaLen} bytes runs past the end of the input (${total - metaStart} bytes remain)`);
  }
  const fb = new FlatReader(bytes, metaStart, metaStart + metaLen, base + metaStart);
  if (metaLen < 8) return throwMalformed(at, `message metadata of ${metaLen} bytes is too short for a flatbuffer`);
  const msg = fb.root();
  const typePos = fb.field(msg, 1);
  const headerType = typePos === 0 ? 0 : fb.u8(typePos);
  if (headerType !== HEADER_SCHEMA && headerType !== HEADER_DICTIONARY_BATCH && headerType !== HEADER_RECORD_BATCH) {
    return throwMalformed(
      at,
      headerType === 4 || headerType === 5
        ? `tensor messages (header type ${headerType}) are not tables`
        : `unknown message header type ${headerType}`,
    );
  }
  const headerPos = fb.field(msg, 2);
  if (headerPos === 0) return throwMalformed(at, 'message has no header');
  const bodyPos = fb.field(msg, 3);
  const bodyLength = bodyPos === 0 ? 0 : fb.i64(bodyPos);
  if (bodyLength < 0) return throwMalformed(at, `negative message body length ${bodyLength}`);
  const bodyStart = metaStart + metaLen;
  if (bodyStart + bodyLength > total) {
    if (partial) return prefix + metaLen + bodyLength;
    return throwMalformed(
      at,
      `message body of ${bodyLength} bytes runs past the end of the input (${total - bodyStart} bytes remain)`,
    );
  }
  if (headerType !== HEADER_SCHEMA) {
    let batch = fb.deref(headerPos);
    if (headerType === HEADER_DICTIONARY_BATCH) {
      const dataPos = fb.field(batch, 1);
      if (dataPos === 0) return throwMalformed(at, 'dictionary batch has no data');
      batch = fb.deref(dataPos);
    }
    const lengthPos = fb.field(batch, 0);
    const rows = lengthPos === 0 ? 0 : fb.i64(lengthPos);
    if (rows < 0) return throwMalformed(at, `negative record batch length ${rows}`);
    const nodesPos = fb.field(batch, 1);
    if (nodesPos !== 0) {
      const vec = fb.deref(nodesPos);
      const count = fb.u32(vec);
      for (let k = 0; k < count; k++) {
        const len = fb.i64(vec + 4 + 16 * k);
        const nulls = fb.i64(vec + 4 + 16 * k + 8);
        if (len < 0 || nulls < 0 || nulls > len) {
          return throwMalformed(at, `field node ${k} has length ${len} and null count ${nulls}`);
        }
        // The first node is the first top-level column: its length is the batch's.
        if (k === 0 && len !== rows) {
          return throwMalformed(at, `batch length ${rows} differs from its first column's length ${len}`);
        }
      }
    }
    const buffersPos = fb.field(batch, 2);
    if (buffersPos !== 0) {
      const vec = fb.deref(buffersPos);
      const count = fb.u32(vec);
      for (let k = 0; k < count; k++) {
        const off = fb.i64(vec + 4 + 16 * k);
        const len = fb.i64(vec + 4 + 16 * k + 8);
        if (off < 0 || len < 0 || off + len > bodyLength) {
          return throwMalformed(
            at,
            `buffer ${k} of the ${headerType === HEADER_RECORD_BATCH ? 'record' : 'dictionary'} batch (offset ${off}, length ${len}) lies outside its ${bodyLength}-byte body`,
          );
        }
      }
    }
  }
  return { offset: at, size: prefix + metaLen + bodyLength, headerType };
}

/** @internal What {@link validateIPC} found. */
export interface IPCLayout {
  readonly format: 'stream' | 'file';
  /** Messages before the end-of-stream marker (or the footer). */
  readonly messages: number;
  readonly recordBatches: number;
}

function hasMagic(bytes: Uint8Array, at: number): boolean {
  for (let i = 0; i < 6; i++) if (bytes[at + i] !== MAGIC[i]) return false;
  return true;
}

/**
 * @internal Checks that `bytes` hold a whole Arrow IPC stream or file: every message prefix, metadata
 * length, body length and buffer region is within the input, the first message is a schema, and a
 * file's magic and footer blocks are intact.
 * @throws {@link compactly!ValueError} naming the byte offset of the first problem.
 */
export function validateIPC(bytes: Uint8Array): IPCLayout {
  const total = bytes.byteLength;
  if (total === 0) return throwMalformed(0, 'empty input (0 bytes)');
  const file = total >= 6 && hasMagic(bytes, 0);
  let end = total;
  if (file) {
    if (total < 8 + 10 || !hasMagic(bytes, total - 6)) {
      return throwMalformed(Math.max(0, total - 6), 'Arrow file magic "ARROW1" at the start but not at the end (truncated file?)');
    }
    const footerLen = new DataView(bytes.buffer, bytes.byteOffset, total).getInt32(total - 10, true);
    const footerStart = total - 10 - footerLen;
    if (footerLen <= 0 || footerStart < 8) {
      return throwMalformed(total - 10, `file footer length ${footerLen} does not fit in ${total} bytes`);
    }
    end = footerStart;
    const fb = new FlatReader(bytes, footerStart, footerStart + footerLen, footerStart);
    const footer = fb.root();
    if (fb.field(footer, 1) === 0) return throwMalformed(footerStart, 'file footer has no schema');
    for (const id of [2, 3]) {
      const pos = fb.field(footer, id);
      if (pos === 0) continue;
      const vec = fb.deref(pos);
      const count = fb.u32(vec);
      for (let k = 0; k < count; k++) {
        const b = vec + 4 + 24 * k;
        const off = fb.i64(b);
        const meta = fb.i32(b + 8);
        const body = fb.i64(b + 16);
        if (off < 8 || meta < 0 || body < 0 || off + meta + body > footerStart) {
          return throwMalformed(
            footerStart,
            `footer ${id === 2 ? 'dictionary' : 'record batch'} block ${k} (offset ${off}, ${meta} + ${body} bytes) lies outside the file body`,
          );
        }
        scanMessage(bytes.subarray(0, footerStart), off, 0, false);
      }
    }
  }
  let pos = file ? 8 : 0;
  let messages = 0;
  let recordBatches = 0;
  const sub = file ? bytes.subarray(0, end) : bytes;
  while (pos < end) {
    const m = scanMessage(sub, pos, 0, false);
    if (m.headerType === 0) break;
    // A file's schema is in its footer (apache-arrow writes no schema message after the magic).
    if (!file && messages === 0 && m.headerType !== HEADER_SCHEMA) {
      return throwMalformed(pos, `the first message must be a schema, found header type ${m.headerType}`);
    }
    if (messages > 0 && m.headerType === HEADER_SCHEMA) {
      // A second schema starts another stream (arrow's readAll); fromIPC reads the first only.
      break;
    }
    if (m.headerType === HEADER_RECORD_BATCH) recordBatches++;
    messages++;
    pos += m.size;
  }
  if (!file && messages === 0) return throwMalformed(0, 'no schema message before the end of the stream');
  return { format: file ? 'file' : 'stream', messages, recordBatches };
}
