/**
 * Byte-level element access for memoryviews: the region a view reads, platform endianness, and one
 * DataView reader/writer per format (explicit native byte order on every call: Python's memoryview uses
 * native order, `DataView` defaults to big-endian). Slow paths (tuples, `toList`, `equals`) use these;
 * the per-view fast `get`/`set` kernels live in `kernels.ts`.
 *
 * @internal
 * @packageDocumentation
 */
import type { Format } from './formats.js';
import { decodeHalf } from './float16.js';

/** True when the platform is little-endian (detected once). @internal */
export const LITTLE_ENDIAN: boolean = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const LE = LITTLE_ENDIAN;

/** Reads the item at byte `p` of a DataView. @internal */
export type Reader = (dv: DataView, p: number) => unknown;
/** Writes an already-checked storage value (float16 bits, bool 0/1, byte) at byte `p`. @internal */
export type Writer = (dv: DataView, p: number, v: never) => void;

/** A format's DataView reader and writer. @internal */
export interface ByteAccess {
  readonly read: Reader;
  readonly write: Writer;
}

/** DataView access per format. @internal */
export const BYTE_ACCESS: { readonly [C in Format]: ByteAccess } = {
  b: { read: (d, p) => d.getInt8(p), write: (d, p, v: number) => d.setInt8(p, v) },
  B: { read: (d, p) => d.getUint8(p), write: (d, p, v: number) => d.setUint8(p, v) },
  h: { read: (d, p) => d.getInt16(p, LE), write: (d, p, v: number) => d.setInt16(p, v, LE) },
  H: { read: (d, p) => d.getUint16(p, LE), write: (d, p, v: number) => d.setUint16(p, v, LE) },
  i: { read: (d, p) => d.getInt32(p, LE), write: (d, p, v: number) => d.setInt32(p, v, LE) },
  I: { read: (d, p) => d.getUint32(p, LE), write: (d, p, v: number) => d.setUint32(p, v, LE) },
  q: { read: (d, p) => d.getBigInt64(p, LE), write: (d, p, v: bigint) => d.setBigInt64(p, v, LE) },
  Q: { read: (d, p) => d.getBigUint64(p, LE), write: (d, p, v: bigint) => d.setBigUint64(p, v, LE) },
  f: { read: (d, p) => d.getFloat32(p, LE), write: (d, p, v: number) => d.setFloat32(p, v, LE) },
  d: { read: (d, p) => d.getFloat64(p, LE), write: (d, p, v: number) => d.setFloat64(p, v, LE) },
  e: { read: (d, p) => decodeHalf(d.getUint16(p, LE)), write: (d, p, v: number) => d.setUint16(p, v, LE) },
  '?': { read: (d, p) => d.getUint8(p) !== 0, write: (d, p, v: number) => d.setUint8(p, v) },
  c: { read: (d, p) => Uint8Array.of(d.getUint8(p)), write: (d, p, v: number) => d.setUint8(p, v) },
};

/** The memory a view was exported from: one byte region of one buffer. @internal */
export interface Region {
  readonly buffer: ArrayBufferLike;
  /** Absolute byte offset of the region in `buffer`. */
  readonly start: number;
  /** Bytes in the region. */
  readonly byteLength: number;
  /** DataView over exactly the region (made on first need). */
  dv: DataView | undefined;
  /** Uint8Array over exactly the region (made on first need). */
  u8: Uint8Array | undefined;
}

/** DataView over exactly the region. @internal */
export function regionView(r: Region): DataView {
  return (r.dv ??= new DataView(r.buffer, r.start, r.byteLength));
}

/** Uint8Array over exactly the region. @internal */
export function regionBytes(r: Region): Uint8Array {
  return (r.u8 ??= new Uint8Array(r.buffer, r.start, r.byteLength));
}
