/**
 * Where written Parquet bytes go: a returned Uint8Array, a web WritableStream, or a file path (Node).
 *
 * @packageDocumentation
 */
import { describe } from '../errors.js';

/** A Parquet destination: a file path or `file:` URL (Node), or a `WritableStream<Uint8Array>`. */
export type ParquetSink = string | URL | WritableStream<Uint8Array>;

/** @internal An open destination. */
export interface ByteSink {
  write(bytes: Uint8Array): Promise<void>;
  /** Finishes; the in-memory sink returns the bytes. */
  close(): Promise<Uint8Array | undefined>;
  /** Gives up after an error: a file is removed, a stream aborted. */
  abort(reason: unknown): Promise<void>;
}

function isWritableStream(s: unknown): s is WritableStream<Uint8Array> {
  return typeof s === 'object' && s !== null && typeof (s as WritableStream).getWriter === 'function';
}

/** @internal Checks a sink's type up front. */
export function checkSink(sink: unknown, where: string): asserts sink is ParquetSink | undefined {
  if (sink === undefined || typeof sink === 'string' || sink instanceof URL || isWritableStream(sink)) return;
  throw new TypeError(`${where}: sink must be a path, a file: URL, a WritableStream or undefined (to get the bytes), got ${describe(sink)}`);
}

/** @internal Opens a sink (`undefined`: collect in memory). Paths use `node:fs/promises` (a dynamic import). */
export async function openSink(sink: ParquetSink | undefined): Promise<ByteSink> {
  if (sink === undefined) {
    const parts: Uint8Array[] = [];
    let n = 0;
    return {
      write: async (b) => {
        parts.push(b);
        n += b.length;
      },
      close: async () => {
        const out = new Uint8Array(n);
        let at = 0;
        for (const p of parts) {
          out.set(p, at);
          at += p.length;
        }
        return out;
      },
      abort: async () => {},
    };
  }
  if (isWritableStream(sink)) {
    const w = sink.getWriter();
    return {
      write: (b) => w.write(b),
      close: async () => {
        await w.close();
        return undefined;
      },
      abort: async (r) => {
        await w.abort(r).catch(() => {});
      },
    };
  }
  const fs = await import('node:fs/promises');
  const fh = await fs.open(sink, 'w');
  return {
    write: async (b) => {
      let at = 0;
      while (at < b.length) at += (await fh.write(b, at, b.length - at)).bytesWritten;
    },
    close: async () => {
      await fh.close();
      return undefined;
    },
    abort: async () => {
      await fh.close().catch(() => {});
      await fs.rm(sink, { force: true });
    },
  };
}
