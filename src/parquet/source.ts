/**
 * Where Parquet bytes come from: bytes in memory, a Blob/File, a ranged-read function (a remote file read
 * with HTTP Range requests needs no full download), or — in Node — a file path opened on demand.
 *
 * @packageDocumentation
 */
import { describe } from '../errors.js';

/**
 * A file read by ranges: `byteLength` and `read(start, end)` resolving to the bytes `[start, end)`.
 * @example
 * ```ts
 * // A remote file over HTTP Range requests:
 * const url = 'https://example.com/flights.parquet';
 * const size = Number((await fetch(url, { method: 'HEAD' })).headers.get('content-length'));
 * const remote: RangeReader = {
 *   byteLength: size,
 *   read: async (start, end) =>
 *     new Uint8Array(await (await fetch(url, { headers: { range: `bytes=${start}-${end - 1}` } })).arrayBuffer()),
 * };
 * ```
 */
export interface RangeReader {
  /** The file's size in bytes. */
  readonly byteLength: number;
  /** Resolves to the bytes `[start, end)` (exactly `end - start` of them). */
  read(start: number, end: number): Promise<Uint8Array | ArrayBuffer> | Uint8Array | ArrayBuffer;
}

/**
 * A Parquet source: a path or `file:` URL (Node only), bytes (`Uint8Array`, `ArrayBuffer`), a `Blob`/`File`,
 * or a {@link RangeReader}.
 */
export type ParquetSource = string | URL | Uint8Array | ArrayBuffer | Blob | RangeReader;

/** @internal An open source: ranged reads plus `close()`. */
export interface OpenSource {
  readonly byteLength: number;
  read(start: number, end: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

function toBytes(b: Uint8Array | ArrayBuffer): Uint8Array {
  return b instanceof Uint8Array ? b : new Uint8Array(b);
}

function isRangeReader(s: unknown): s is RangeReader {
  return typeof s === 'object' && s !== null && typeof (s as RangeReader).read === 'function' && typeof (s as RangeReader).byteLength === 'number';
}

/** @internal Checks a source's type up front (a `TypeError` names what was passed). */
export function checkSource(source: unknown, where: string): asserts source is ParquetSource {
  if (
    typeof source === 'string' ||
    source instanceof URL ||
    source instanceof Uint8Array ||
    source instanceof ArrayBuffer ||
    (typeof Blob !== 'undefined' && source instanceof Blob) ||
    isRangeReader(source)
  ) {
    return;
  }
  throw new TypeError(
    `${where}: source must be a path, a file: URL, a Uint8Array, an ArrayBuffer, a Blob or a {byteLength, read(start, end)} range reader, got ${describe(source)}`,
  );
}

/** @internal Opens a source for ranged reads. Paths are opened with `node:fs/promises` (a dynamic import). */
export async function openSource(source: ParquetSource): Promise<OpenSource> {
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) {
    const bytes = toBytes(source);
    return { byteLength: bytes.length, read: async (s, e) => bytes.subarray(s, e), close: async () => {} };
  }
  if (typeof Blob !== 'undefined' && source instanceof Blob) {
    return {
      byteLength: source.size,
      read: async (s, e) => new Uint8Array(await source.slice(s, e).arrayBuffer()),
      close: async () => {},
    };
  }
  if (typeof source === 'string' || source instanceof URL) {
    const fs = await import('node:fs/promises');
    const fh = await fs.open(source, 'r');
    try {
      const { size } = await fh.stat();
      return {
        byteLength: size,
        read: async (s, e) => {
          const buf = new Uint8Array(e - s);
          let got = 0;
          while (got < buf.length) {
            const { bytesRead } = await fh.read(buf, got, buf.length - got, s + got);
            if (bytesRead === 0) break;
            got += bytesRead;
          }
          return got === buf.length ? buf : buf.subarray(0, got);
        },
        close: () => fh.close(),
      };
    } catch (e) {
      await fh.close();
      throw e;
    }
  }
  const r = source as RangeReader;
  return {
    byteLength: r.byteLength,
    read: async (s, e) => toBytes(await r.read(s, e)),
    close: async () => {},
  };
}
