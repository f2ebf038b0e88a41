/**
 * Pipeline sources: how each kind of input is read into the push chain. In-memory arrays, TypedArrays and
 * Vectors are pushed as chunk ranges (zero-copy: the kernels index the source directly); iterables one item
 * at a time (so a generator is never read ahead); async iterables and web ReadableStreams one awaited item
 * at a time.
 *
 * @internal
 * @packageDocumentation
 */
import { closeIterator } from './iter-util.js';
import type { Receiver } from './stages.js';

/** @internal A synchronous source: `step` pushes the next chunk or item; false when there is nothing more. */
export interface SyncSource {
  step(r: Receiver): boolean;
  /** Releases the source if it did not end by itself (idempotent). */
  close(): void;
}

/** @internal An asynchronous source. */
export interface AsyncSource {
  step(r: Receiver): Promise<boolean>;
  close(): Promise<void>;
}

/** @internal Chunk ranges over an array-like (array, TypedArray, a Vector's live elements). */
export class ArraySource implements SyncSource {
  readonly #a: ArrayLike<unknown>;
  readonly #n: number;
  readonly #size: number;
  #pos = 0;
  constructor(a: ArrayLike<unknown>, chunkSize: number) {
    this.#a = a;
    this.#n = a.length;
    this.#size = chunkSize;
  }
  step(r: Receiver): boolean {
    const p = this.#pos;
    if (p >= this.#n) return false;
    const e = Math.min(this.#n, p + this.#size);
    this.#pos = e;
    return r.pushChunk(this.#a, p, e, true) && e < this.#n;
  }
  close(): void {}
}

/** @internal Items decoded per chunk into a reused array (e.g. a Categorical's codes → values). */
export class DecodedSource implements SyncSource {
  readonly #n: number;
  readonly #size: number;
  readonly #decode: (s: number, e: number, out: unknown[]) => void;
  #buf: unknown[] | null = null;
  #pos = 0;
  constructor(n: number, chunkSize: number, decode: (s: number, e: number, out: unknown[]) => void) {
    this.#n = n;
    this.#size = chunkSize;
    this.#decode = decode;
  }
  step(r: Receiver): boolean {
    const p = this.#pos;
    if (p >= this.#n) return false;
    const e = Math.min(this.#n, p + this.#size);
    this.#pos = e;
    const buf = (this.#buf ??= new Array<unknown>(Math.min(this.#size, this.#n)));
    this.#decode(p, e, buf);
    return r.pushChunk(buf, 0, e - p, false) && e < this.#n;
  }
  close(): void {
    this.#buf = null;
  }
}

/** @internal Items of an iterable, pulled one at a time (never ahead of the consumer). */
export class IteratorSource implements SyncSource {
  readonly #iterable: Iterable<unknown>;
  #it: Iterator<unknown> | null = null;
  #open = false;
  constructor(iterable: Iterable<unknown>) {
    this.#iterable = iterable;
  }
  step(r: Receiver): boolean {
    let it = this.#it;
    if (it === null) {
      it = this.#it = this.#iterable[Symbol.iterator]();
      this.#open = true;
    }
    const x = it.next();
    if (x.done) {
      this.#open = false;
      return false;
    }
    if (!r.push(x.value)) {
      this.close();
      return false;
    }
    return true;
  }
  close(): void {
    if (this.#open) {
      this.#open = false;
      closeIterator(this.#it!);
    }
  }
}

/** @internal Items of an async iterable. */
export class AsyncIteratorSource implements AsyncSource {
  readonly #open: () => AsyncIterator<unknown>;
  #it: AsyncIterator<unknown> | null = null;
  #live = false;
  constructor(open: () => AsyncIterator<unknown>) {
    this.#open = open;
  }
  async step(r: Receiver): Promise<boolean> {
    let it = this.#it;
    if (it === null) {
      it = this.#it = this.#open();
      this.#live = true;
    }
    const x = await it.next();
    if (x.done) {
      this.#live = false;
      return false;
    }
    if (!r.push(x.value)) {
      await this.close();
      return false;
    }
    return true;
  }
  async close(): Promise<void> {
    if (this.#live) {
      this.#live = false;
      const it = this.#it!;
      if (typeof it.return === 'function') await it.return();
    }
  }
}

/**
 * What compactly uses of a web `ReadableStream`: its default reader. A structural type, so the core's
 * declarations compile without the DOM lib (`lib: ["es2022"]`); every WHATWG `ReadableStream<T>` (browsers,
 * Node's `stream/web`, Deno, Bun) is one.
 */
export interface ReadableStreamLike<T> {
  /** A reader that locks the stream (a `ReadableStreamDefaultReader`). */
  getReader(): ReadableStreamReaderLike<T>;
}

/**
 * The chunk type of a stream: read off `pipeTo`'s destination writer, because `getReader` is overloaded and
 * TypeScript infers from the last overload (in the DOM lib that returns the union with the BYOB reader).
 * Falls back to {@link ReadableStreamLike}'s parameter for a stream-like object without `pipeTo`.
 */
export type StreamChunk<S> = S extends { pipeTo(destination: infer W, ...rest: never[]): unknown }
  ? W extends { getWriter(): { write(chunk?: infer C): unknown } }
    ? C
    : unknown
  : S extends ReadableStreamLike<infer T>
    ? T
    : unknown;

/** The members of a `ReadableStreamDefaultReader` that compactly calls. */
export interface ReadableStreamReaderLike<T> {
  /** The next chunk, or `done`. */
  read(): PromiseLike<{ done: false; value: T } | { done: true; value?: T | undefined }>;
  /** Cancels the stream (an early exit from a pipeline). */
  cancel(reason?: unknown): PromiseLike<void>;
  /** Releases the lock on the stream. */
  releaseLock(): void;
}

/** @internal True for a web `ReadableStream` (anything with `getReader`). */
export function isReadableStream(x: unknown): x is ReadableStreamLike<unknown> {
  return x !== null && typeof x === 'object' && typeof (x as { getReader?: unknown }).getReader === 'function';
}

/**
 * @internal Reads a web `ReadableStream` as an async iterator through its reader (works where streams are not
 * async-iterable). An early `return()` cancels the stream; the end releases the lock.
 */
export function streamIterator<T>(stream: ReadableStreamLike<T>): AsyncIterableIterator<T> {
  const reader = stream.getReader();
  let done = false;
  const it: AsyncIterableIterator<T> = {
    async next(): Promise<IteratorResult<T>> {
      if (done) return { value: undefined, done: true };
      const r = await reader.read();
      if (r.done) {
        done = true;
        reader.releaseLock();
        return { value: undefined, done: true };
      }
      return { value: r.value, done: false };
    },
    async return(): Promise<IteratorResult<T>> {
      if (!done) {
        done = true;
        await reader.cancel();
        reader.releaseLock();
      }
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return it;
    },
  };
  return it;
}
