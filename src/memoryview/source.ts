/**
 * Resolving what `memoryview(source)` looks at: one byte region of one buffer, its initial format, and the
 * owner's export lock if the source is an exporter (Vector, RecordStore column).
 *
 * @internal
 * @packageDocumentation
 */
import { describe, throwType } from '../errors.js';
import { EXPORT_BUFFER, isBufferExporter } from '../internal/exports.js';
import type { ExportLock } from '../internal/exports.js';
import type { Region } from './accessors.js';
import { formatOfDType } from './formats.js';
import type { Format } from './formats.js';
import { NATIVE_FLOAT16 } from './float16.js';

/** What a fresh view starts from. @internal */
export interface Origin {
  readonly obj: object;
  readonly region: Region;
  readonly format: Format;
  readonly readonly: boolean;
  readonly lock: ExportLock | null;
}

/** The format of a TypedArray instance (`Uint8ClampedArray` reads as `'B'`), or `undefined`. @internal */
export function formatOfView(v: ArrayBufferView): Format | undefined {
  if (v instanceof Uint8Array || v instanceof Uint8ClampedArray || v instanceof DataView) return 'B';
  if (v instanceof Float64Array) return 'd';
  if (v instanceof Int32Array) return 'i';
  if (v instanceof Float32Array) return 'f';
  if (v instanceof Int8Array) return 'b';
  if (v instanceof Int16Array) return 'h';
  if (v instanceof Uint16Array) return 'H';
  if (v instanceof Uint32Array) return 'I';
  if (v instanceof BigInt64Array) return 'q';
  if (v instanceof BigUint64Array) return 'Q';
  if (NATIVE_FLOAT16 !== undefined && v instanceof (NATIVE_FLOAT16 as unknown as typeof Uint16Array)) return 'e';
  return undefined;
}

function region(buffer: ArrayBufferLike, start: number, byteLength: number): Region {
  return { buffer, start, byteLength, dv: undefined, u8: undefined };
}

function isArrayBufferLike(x: unknown): x is ArrayBufferLike {
  return (
    x instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer === 'function' && x instanceof SharedArrayBuffer) ||
    Object.prototype.toString.call(x) === '[object ArrayBuffer]' ||
    Object.prototype.toString.call(x) === '[object SharedArrayBuffer]'
  );
}

/** Python's `memoryview: a bytes-like object is required, not 'list'`. @internal */
export function throwNotBytesLike(what: string, x: unknown): never {
  const kind = x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x === 'object' ? describe(x) : typeof x;
  throwType(`${what}: a bytes-like object is required, not ${kind}`);
}

/**
 * Resolves a non-MemoryView source. Exporters are asked for their buffer (which may throw, e.g. for an
 * unknown RecordStore field); the caller acquires the returned lock.
 * @throws `TypeError` if `source` exports no buffer, or `field` is given for a source without fields.
 * @internal
 */
export function resolveSource(source: unknown, field: string | undefined): Origin {
  if (isBufferExporter(source)) {
    const exp = source[EXPORT_BUFFER](field);
    const a = exp.array;
    return {
      obj: source,
      region: region(a.buffer, a.byteOffset, a.byteLength),
      format: exp.format ?? formatOfDType(exp.dtype),
      readonly: exp.readonly,
      lock: exp.lock,
    };
  }
  if (field !== undefined) {
    throwType(`memoryview: option field ${describe(field)} applies to a RecordStore, not to ${describe(source)}`);
  }
  if (ArrayBuffer.isView(source)) {
    const format = formatOfView(source);
    if (format === undefined) throwNotBytesLike('memoryview', source);
    // Respect byteOffset/byteLength: Node Buffers are slices of a shared pool.
    return {
      obj: source,
      region: region(source.buffer, source.byteOffset, source.byteLength),
      format,
      readonly: false,
      lock: null,
    };
  }
  if (isArrayBufferLike(source)) {
    return { obj: source, region: region(source, 0, source.byteLength), format: 'B', readonly: false, lock: null };
  }
  return throwNotBytesLike('memoryview', source);
}

/** True if the buffer can change size under a view (resizable ArrayBuffer, growable SharedArrayBuffer). @internal */
export function isResizable(buffer: ArrayBufferLike): boolean {
  const b = buffer as { resizable?: boolean; growable?: boolean };
  return b.resizable === true || b.growable === true;
}
