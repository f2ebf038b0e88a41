/**
 * `memoryUsage()`: bytes per field, and what the same records would cost as an array of plain objects
 * (an estimate from V8's object layout, docs/internals/performance.md "Object layout"; like `df.memory_usage(deep=True)`).
 *
 * @packageDocumentation
 */
import type { TypedArray } from '../dtype.js';
import { usageRecord, withAliases, type MemoryUsage } from '../internal/memory-usage.js';
import type { FieldInfo } from './schema.js';
import type { CategoryColumn, StoreData } from './store-data.js';
import type { Utf8Data } from './utf8-data.js';
import { bitmapBytes } from './validity.js';

/** Memory of one field. */
export interface FieldMemory {
  /** Field name. */
  readonly field: string;
  /** Its type as in the schema (`'float64'`, `'category'`, `'float32[3]'`, `'utf8'`, `'date'`), `?` after a nullable one. */
  readonly type: string;
  /** Bytes held now (capacity slack, the validity bitmap and, for a category, the dictionary included). */
  readonly byteLength: number;
  /**
   * Logical bytes: `length × itemsize × n` (codes plus 8 per category for a category field; offsets plus text
   * for a utf8 field), plus `ceil(length / 8)` for a bitmap.
   */
  readonly nbytes: number;
  /**
   * Estimated bytes of this field's values in an array of plain objects (its 8 B property slot plus boxed
   * numbers, bigints, vectors and strings; category strings counted once), by the model of {@link ObjectsEstimate};
   * the per-object header and array slot are not any one field's, so the fields sum to less than `objects.bytes`.
   */
  readonly objectBytes: number;
}

/** The estimate of the same records as an array of plain objects. */
export interface ObjectsEstimate {
  /** Estimated bytes of `length` plain objects in an array. */
  readonly bytes: number;
  /** `bytes / length` (0 when empty). */
  readonly bytesPerItem: number;
  /** @deprecated `bytes / length`: use `bytesPerItem`. */
  readonly bytesPerRecord: number;
  /** How it was estimated. */
  readonly model: string;
}

/**
 * What {@link RecordStore.memoryUsage} returns: the common {@link MemoryUsage} fields (bytes; items are records;
 * `byteLength`/`nbytes` equal the store's), one entry per field and the plain-objects estimate.
 */
export interface RecordStoreMemoryUsage extends MemoryUsage {
  /** One entry per field, in schema order. */
  readonly fields: readonly FieldMemory[];
  /** The plain-objects estimate. */
  readonly objects: ObjectsEstimate;
  /** `objects.bytes / byteLength`: how many times smaller the store is (0 when empty). */
  readonly ratio: number;
  /** @deprecated `byteLength / length`: use `bytesPerItem`. */
  readonly bytesPerRecord: number;
}

/** The layout model of the estimate, quoted in the result. @internal */
export const OBJECT_MODEL =
  'V8 (Node 20, x64, no pointer compression), as measured by the record-store memory benchmark: 8 B array slot + 24 B object header + 8 B per field; ' +
  '+16 B per boxed double (non-integer, -0 or outside int32), +24 B per bigint, +48 + 8n B per number[] vector, ' +
  'category strings shared (counted once). An estimate: V8 may lay objects out differently (dictionary mode, slack).';

function boxedDoubles(a: ArrayLike<number>, n: number): number {
  let boxed = 0;
  for (let i = 0; i < n; i++) {
    const v = a[i]!;
    if ((v | 0) !== v || (v === 0 && 1 / v < 0)) boxed++;
  }
  return boxed;
}

/** Logical bytes of one field (bitmap included). @internal */
export function fieldNbytes(d: StoreData, f: FieldInfo): number {
  const n = d.length;
  const col = d.cols[f.index]!;
  const bits = d.valid[f.index] === null ? 0 : bitmapBytes(n);
  if (f.kind === 'category') return (col as CategoryColumn).nbytes;
  if (f.kind === 'utf8') return 4 * (n + 1) + (col as Utf8Data).offsets[n]! + bits;
  return n * f.size * f.info.bytes + bits;
}

/** @internal */
export function memoryUsage(d: StoreData): RecordStoreMemoryUsage {
  const n = d.length;
  const fields: FieldMemory[] = [];
  let byteLength = 0;
  let nbytes = 0;
  let objects = n * (8 + 24);
  for (const f of d.schema.fields) {
    const col = d.cols[f.index]!;
    const objects0 = objects;
    objects += 8 * n;
    let b: number;
    let nb: number;
    let type: string;
    const bm = d.valid[f.index];
    if (f.kind === 'category') {
      const cat = col as CategoryColumn;
      b = cat.byteLength;
      nb = cat.nbytes;
      type = 'category';
      for (const c of cat.categories) objects += typeof c === 'string' ? 24 + Math.ceil(c.length / 8) * 8 : 0;
    } else if (f.kind === 'utf8') {
      const u = col as Utf8Data;
      b = u.byteLength + (bm == null ? 0 : bm.byteLength);
      nb = fieldNbytes(d, f);
      type = f.nullable ? 'utf8?' : 'utf8';
      // One string per row: a 24 B header and the characters rounded to 8 (one byte each for Latin-1 text).
      const o = u.offsets;
      for (let i = 0; i < n; i++) objects += 24 + Math.ceil((o[i + 1]! - o[i]!) / 8) * 8;
    } else {
      const a = col as TypedArray;
      b = a.byteLength + (bm == null ? 0 : bm.byteLength);
      nb = fieldNbytes(d, f);
      type = `${f.typeName}${f.nullable ? '?' : ''}`;
      if (f.kind === 'vector') objects += n * (48 + 8 * f.size);
      else if (f.info.bigint) objects += n * 24;
      else if (f.kind !== 'bool' && f.kind !== 'date' && (f.dtype === 'float64' || f.dtype === 'float32' || f.dtype === 'uint32')) {
        objects += 16 * boxedDoubles(a as ArrayLike<number>, n);
      }
    }
    fields.push(Object.freeze({ field: f.name, type, byteLength: b, nbytes: nb, objectBytes: objects - objects0 }));
    byteLength += b;
    nbytes += nb;
  }
  return usageRecord<RecordStoreMemoryUsage, 'bytesPerRecord'>(
    { length: n, capacity: d.capacity, byteLength, nbytes },
    {
      fields: Object.freeze(fields),
      objects: withAliases<ObjectsEstimate>({ bytes: objects, bytesPerItem: n === 0 ? 0 : objects / n, model: OBJECT_MODEL }, { bytesPerRecord: 'bytesPerItem' }),
      ratio: n === 0 || byteLength === 0 ? 0 : objects / byteLength,
    },
    { bytesPerRecord: 'bytesPerItem' },
  );
}

/** `RecordStore.byteLength`: every column at full capacity, the bitmaps, and the categoricals (codes and dictionaries). @internal */
export function storeByteLength(d: StoreData): number {
  let b = 0;
  for (const c of d.cols) b += c.byteLength;
  for (const v of d.valid) if (v !== null) b += v.byteLength;
  return b;
}

/** `RecordStore.nbytes`: the logical bytes of every field. @internal */
export function storeNbytes(d: StoreData): number {
  let b = 0;
  for (const f of d.schema.fields) b += fieldNbytes(d, f);
  return b;
}
