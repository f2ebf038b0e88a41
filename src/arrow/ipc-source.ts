/**
 * Byte sources for {@link readIPC}: turns chunks of bytes (any sizes, any boundaries) into whole,
 * checked IPC messages, tracking absolute byte offsets for error messages.
 *
 * @packageDocumentation
 */
import type { ReadableStreamLike, ReadableStreamReaderLike } from '../pipeline.js';
import { type FramedMessage, HEADER, newStreamState, scanMessage, throwMalformed } from './ipc-frame.js';

/** Byte chunks: an iterable / async iterable of Uint8Array (Node streams are), or a web `ReadableStream`. */
export type ByteSource = Iterable<Uint8Array | ArrayBufferView | ArrayBuffer> | AsyncIterable<Uint8Array | ArrayBufferView | ArrayBuffer> | ReadableStreamLike<Uint8Array>;

/** @internal An async iterator over any (async) iterable or web ReadableStream. */
export function asyncIteratorOf<T>(source: Iterable<T> | AsyncIterable<T> | ReadableStreamLike<T>): AsyncIterator<T> {
  const s = source as { [Symbol.asyncIterator]?: () => AsyncIterator<T>; [Symbol.iterator]?: () => Iterator<T>; getReader?: () => ReadableStreamReaderLike<T> };
  if (typeof s[Symbol.asyncIterator] === 'function') return s[Symbol.asyncIterator]!();
  if (typeof s.getReader === 'function') {
    const reader = s.getReader();
    return {
      next: async () => {
        const r = await reader.read();
        return r.done ? { done: true, value: undefined } : { done: false, value: r.value };
      },
      return: async () => {
        await reader.cancel();
        return { done: true, value: undefined };
      },
    };
  }
  if (typeof s[Symbol.iterator] === 'function') {
    const it = s[Symbol.iterator]!();
    return {
      next: async () => it.next(),
      return: async () => (typeof it.return === 'function' ? it.return() : { done: true, value: undefined }),
    };
  }
  throw new TypeError('readIPC expects bytes, an iterable or async iterable of byte chunks, a ReadableStream, or arrow record batches');
}

/** @internal A chunk as a Uint8Array view, or `undefined` if it is not bytes. */
export function chunkBytes(x: unknown): Uint8Array | undefined {
  if (x instanceof Uint8Array) return x;
  if (ArrayBuffer.isView(x)) return new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
  if (x instanceof ArrayBuffer) return new Uint8Array(x);
  return undefined;
}

/** One part is returned as it is (no copy); several are joined by {@link concatBytes}. */
function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  return parts.length === 1 ? parts[0]! : concatBytes(parts, total);
}

/** @internal `parts` joined into a new Uint8Array of `total` bytes (always a copy). */
export function concatBytes(parts: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

function isFileMagic(b: Uint8Array): boolean {
  return b[0] === 0x41 && b[1] === 0x52 && b[2] === 0x52 && b[3] === 0x4f && b[4] === 0x57 && b[5] === 0x31;
}

/** @internal What {@link frameMessages} found. */
export type Framed =
  | { readonly kind: 'file'; readonly bytes: Uint8Array }
  | {
      readonly kind: 'stream';
      readonly messages: AsyncIterable<Uint8Array>;
      /**
       * The framing error that ended `messages` early, if any. apache-arrow reads one chunk ahead, so
       * the framer ends the message stream cleanly at a bad message (every batch before it is still
       * decoded) and the caller throws this afterwards.
       */
      readonly failure: () => unknown;
    };

/**
 * @internal Reads enough of `it` to tell a file (all of it is collected: the format needs its footer)
 * from a stream (framed lazily into whole, checked messages). `first` is a chunk already taken from `it`.
 */
export async function frameMessages(it: AsyncIterator<unknown>, first: Uint8Array | undefined): Promise<Framed> {
  const pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let done = false;
  const pull = async (): Promise<boolean> => {
    const r = await it.next();
    if (r.done === true) {
      done = true;
      return false;
    }
    const b = chunkBytes(r.value);
    if (b === undefined) throw new TypeError('readIPC: a byte source yielded something that is not bytes');
    if (b.byteLength > 0) {
      pending.push(b);
      pendingBytes += b.byteLength;
    }
    return true;
  };
  if (first !== undefined && first.byteLength > 0) {
    pending.push(first);
    pendingBytes += first.byteLength;
  }
  while (pendingBytes < 6 && (await pull()));
  const head = concat(pending, pendingBytes);
  pending.length = 0;
  pending.push(head);
  if (pendingBytes >= 6 && isFileMagic(head)) {
    while (await pull());
    return { kind: 'file', bytes: concat(pending, pendingBytes) };
  }
  if (pendingBytes === 0 && done) throwMalformed(0, 'empty input (0 bytes)');

  let failure: unknown;
  async function* messages(): AsyncGenerator<Uint8Array, void, undefined> {
    let base = 0;
    let need = 8;
    let count = 0;
    const state = newStreamState();
    try {
      for (;;) {
        while (pendingBytes < need && !done) await pull();
        if (pendingBytes === 0 && done) return; // a stream may end without its end-of-stream marker
        const buf = concat(pending, pendingBytes);
        pending.length = 0;
        pending.push(buf);
        let m: FramedMessage | number;
        try {
          m = done ? scanMessage(buf, 0, base, false, state) : scanMessage(buf, 0, base, true, state);
          if (typeof m !== 'number' && count === 0 && m.headerType !== HEADER.SCHEMA) {
            throwMalformed(base, `the first message must be a schema, found header type ${m.headerType}`);
          }
        } catch (e) {
          failure = e;
          return;
        }
        if (typeof m === 'number') {
          need = m;
          continue;
        }
        if (count > 0 && m.headerType === HEADER.SCHEMA) return; // a second schema starts another stream: read the first only
        const msg = buf.byteOffset % 8 === 0 ? buf.subarray(0, m.size) : buf.slice(0, m.size);
        const rest = buf.subarray(m.size);
        pending.length = 0;
        pendingBytes = rest.byteLength;
        if (pendingBytes > 0) pending.push(rest);
        base += m.size;
        need = 8;
        count++;
        yield msg;
        if (m.headerType === 0) return; // end of stream
      }
    } finally {
      if (!done && typeof it.return === 'function') await it.return();
    }
  }
  return { kind: 'stream', messages: messages(), failure: () => failure };
}
