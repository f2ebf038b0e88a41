/**
 * Arrow IPC framing: walks the encapsulated messages of an IPC stream or file and checks every
 * length, offset and buffer region against the bytes actually present, so that malformed input is
 * rejected with an error naming the byte offset instead of being half-read (apache-arrow returns an
 * empty table for garbage, and reports truncation without a position).
 *
 * The schema is validated completely (ipc-schema.ts) and every record or dictionary batch is checked
 * against it (ipc-batch.ts): apache-arrow only ever sees metadata whose counts, lengths and buffers
 * the bytes actually hold.
 *
 * @packageDocumentation
 */
import { FlatReader, throwMalformed } from './flatbuffer.js';
import { type LayoutSchema, parseSchema } from './ipc-schema.js';
import { checkBatch } from './ipc-batch.js';

export { throwMalformed };

/** Bytes of `ARROW1`, the file-format magic. */
const MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31];

/** @internal Message header types (Message.fbs): the `headerType` of a {@link FramedMessage}. */
export const HEADER = { SCHEMA: 1, DICTIONARY_BATCH: 2, RECORD_BATCH: 3 } as const;

/** @internal One encapsulated message found by {@link scanMessage}. */
export interface FramedMessage {
  /** Byte offset of the message (its continuation marker) in the whole input. */
  readonly offset: number;
  /** Bytes of the whole message: prefix + metadata + body. */
  readonly size: number;
  /** `1` Schema, `2` DictionaryBatch, `3` RecordBatch; `0` for the end-of-stream marker. */
  readonly headerType: number;
}

/**
 * @internal Reads the message that starts at `pos` of `bytes` (absolute offset `base + pos`), checking
 * its prefix, metadata and body against the bytes present.
 * @returns the message; or, when `partial` is true and the message is not all there yet (streaming),
 *   the number of bytes from `pos` needed to read further.
 */
export function scanMessage(bytes: Uint8Array, pos: number, base: number, partial: true, state: StreamState): FramedMessage | number;
export function scanMessage(bytes: Uint8Array, pos: number, base: number, partial: false, state: StreamState): FramedMessage;
export function scanMessage(bytes: Uint8Array, pos: number, base: number, partial: boolean, state: StreamState): FramedMessage | number {
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
  const version = fb.fieldI16(msg, 0, 0);
  if (version !== METADATA_V4 && version !== METADATA_V5) {
    return throwMalformed(at, `metadata version ${version + 1} (compactly reads Arrow IPC V4 and V5)`);
  }
  const typePos = fb.field(msg, 1);
  const headerType = typePos === 0 ? 0 : fb.u8(typePos);
  if (headerType !== HEADER.SCHEMA && headerType !== HEADER.DICTIONARY_BATCH && headerType !== HEADER.RECORD_BATCH) {
    return throwMalformed(at, headerType === 4 || headerType === 5 ? `tensor messages (header type ${headerType}) are not tables` : `unknown message header type ${headerType}`);
  }
  const headerPos = fb.field(msg, 2);
  if (headerPos === 0) return throwMalformed(at, 'message has no header');
  const bodyPos = fb.field(msg, 3);
  const bodyLength = bodyPos === 0 ? 0 : fb.i64(bodyPos);
  if (bodyLength < 0) return throwMalformed(at, `negative message body length ${bodyLength}`);
  const bodyStart = metaStart + metaLen;
  if (bodyStart + bodyLength > total) {
    if (partial) return prefix + metaLen + bodyLength;
    return throwMalformed(at, `message body of ${bodyLength} bytes runs past the end of the input (${total - bodyStart} bytes remain)`);
  }
  const header = fb.deref(headerPos);
  checkKeyValuesOf(fb, msg);
  if (headerType === HEADER.SCHEMA) {
    const schema = parseSchema(fb, header, at);
    if (state.schema === undefined) state.schema = schema;
  } else {
    const schema = state.schema;
    if (schema === undefined) return throwMalformed(at, `a ${headerType === HEADER.RECORD_BATCH ? 'record' : 'dictionary'} batch before the schema`);
    const body = bytes.subarray(bodyStart, bodyStart + bodyLength);
    checkBufferRegions(fb, headerType === HEADER.DICTIONARY_BATCH ? fb.fieldTable(header, 1) : header, bodyLength, at, headerType);
    if (headerType === HEADER.DICTIONARY_BATCH) {
      const id = fb.fieldI64(header, 0, 0);
      const data = fb.fieldTable(header, 1);
      if (data === 0) return throwMalformed(at, 'dictionary batch has no data');
      const value = schema.dictionaries.get(id);
      if (value === undefined) return throwMalformed(at, `dictionary batch for id ${id}, which no schema field uses`);
      checkBatch(fb, data, [value], body, at, `dictionary batch (id ${id})`);
      state.dictionaries.add(id);
    } else {
      for (const id of schema.dictionaries.keys()) {
        if (!state.dictionaries.has(id)) return throwMalformed(at, `record batch before the dictionary batch of id ${id}`);
      }
      checkBatch(fb, header, schema.fields, body, at, 'record batch');
    }
  }
  return { offset: at, size: prefix + metaLen + bodyLength, headerType };
}

/** Metadata versions read (MetadataVersion enum: V4 = 3, V5 = 4; older ones lay buffers out differently). */
const METADATA_V4 = 3;
const METADATA_V5 = 4;

/** @internal What the messages so far established: the schema, and the dictionary ids already sent. */
export interface StreamState {
  schema: LayoutSchema | undefined;
  readonly dictionaries: Set<number>;
}

/** @internal A fresh {@link StreamState}. */
export function newStreamState(): StreamState {
  return { schema: undefined, dictionaries: new Set() };
}

function checkKeyValuesOf(fb: FlatReader, table: number): void {
  const kv = fb.vector(table, 4, 4);
  for (let i = 0; i < kv.count; i++) {
    const t = fb.deref(kv.first + 4 * i);
    fb.string(t, 0);
    fb.string(t, 1);
  }
}

/** Every buffer region of a (record or dictionary) batch lies inside the message body. */
function checkBufferRegions(fb: FlatReader, batch: number, bodyLength: number, at: number, headerType: number): void {
  if (batch === 0) return;
  const buffers = fb.vector(batch, 2, 16);
  for (let k = 0; k < buffers.count; k++) {
    const off = fb.i64(buffers.first + 16 * k);
    const len = fb.i64(buffers.first + 16 * k + 8);
    if (off < 0 || len < 0 || off + len > bodyLength) {
      throwMalformed(
        at,
        `buffer ${k} of the ${headerType === HEADER.RECORD_BATCH ? 'record' : 'dictionary'} batch (offset ${off}, length ${len}) lies outside its ${bodyLength}-byte body`,
      );
    }
  }
}

/** @internal What {@link validateIPC} found. */
export interface IPCLayout {
  readonly format: 'stream' | 'file';
  /** Messages before the end-of-stream marker (or the footer). */
  readonly messages: number;
  readonly recordBatches: number;
  /**
   * Bytes validated: a stream ends at its end-of-stream marker (or before a second schema, which would
   * start another stream); only this prefix may be handed to a decoder. A file's whole length.
   */
  readonly end: number;
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
  const state = newStreamState();
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
    const schema = fb.fieldTable(footer, 1);
    if (schema === 0) return throwMalformed(footerStart, 'file footer has no schema');
    state.schema = parseSchema(fb, schema, footerStart);
    const body = bytes.subarray(0, footerStart);
    for (const id of [2, 3]) {
      const blocks = fb.vector(footer, id, 24);
      for (let k = 0; k < blocks.count; k++) {
        const b = blocks.first + 24 * k;
        const off = fb.i64(b);
        const meta = fb.i32(b + 8);
        const len = fb.i64(b + 16);
        if (off < 8 || meta < 0 || len < 0 || off + meta + len > footerStart) {
          return throwMalformed(footerStart, `footer ${id === 2 ? 'dictionary' : 'record batch'} block ${k} (offset ${off}, ${meta} + ${len} bytes) lies outside the file body`);
        }
        const m = scanMessage(body, off, 0, false, state);
        if (m.headerType !== (id === 2 ? HEADER.DICTIONARY_BATCH : HEADER.RECORD_BATCH)) {
          return throwMalformed(off, `footer ${id === 2 ? 'dictionary' : 'record batch'} block ${k} points at a message of header type ${m.headerType}`);
        }
      }
    }
  }
  let pos = file ? 8 : 0;
  let messages = 0;
  let recordBatches = 0;
  const sub = file ? bytes.subarray(0, end) : bytes;
  while (pos < end) {
    const m = scanMessage(sub, pos, 0, false, state);
    if (m.headerType === 0) {
      pos += m.size;
      break;
    }
    // A file's schema is in its footer (apache-arrow writes no schema message after the magic).
    if (!file && messages === 0 && m.headerType !== HEADER.SCHEMA) {
      return throwMalformed(pos, `the first message must be a schema, found header type ${m.headerType}`);
    }
    if (messages > 0 && m.headerType === HEADER.SCHEMA) {
      // A second schema starts another stream (arrow's readAll); fromIPC reads the first only.
      break;
    }
    if (m.headerType === HEADER.RECORD_BATCH) recordBatches++;
    messages++;
    pos += m.size;
  }
  if (!file && messages === 0) return throwMalformed(0, 'no schema message before the end of the stream');
  return { format: file ? 'file' : 'stream', messages, recordBatches, end: file ? total : pos };
}
