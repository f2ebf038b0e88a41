/**
 * The buffer-export protocol between owners of memory (Vector, RecordStore columns) and MemoryView.
 *
 * Python's rule: while a memoryview is exported from an object, any operation that would reallocate the
 * object's buffer or change its length raises `BufferError`. Owners keep an {@link ExportLock}; MemoryView
 * acquires it when created and releases it on `release()`. Owners call `assertUnlocked` before every
 * length-changing or reallocating operation (within-capacity `push` included, as Python's array does).
 *
 * @internal
 * @packageDocumentation
 */
import { throwBuffer } from '../errors.js';
import type { DType, TypedArray } from '../dtype.js';

/** Counts live exports of one owner. @internal */
export class ExportLock {
  /** Number of unreleased exports. Read it inline on hot paths (`if (lock.count !== 0) …`). */
  count = 0;

  /** Records one more export. */
  acquire(): void {
    this.count++;
  }

  /** Records the release of one export. */
  release(): void {
    if (this.count > 0) this.count--;
  }

  /** Throws BufferError if any export is live. `what` names the structure and operation. */
  assertUnlocked(what: string): void {
    if (this.count !== 0) throwExported(what, this.count);
  }
}

/** @internal */
export function throwExported(what: string, count: number): never {
  throwBuffer(`${what}: cannot resize or reallocate while ${count} memoryview${count === 1 ? ' is' : 's are'} exported; release() them first`);
}

/**
 * What an owner hands to a MemoryView: the live elements (aliased, exactly `length` long), their dtype,
 * and the lock to acquire. @internal
 */
export interface BufferExport {
  /** The live elements, aliased (`subarray(0, length)` of the current backing array). */
  readonly array: TypedArray;
  /** dtype of `array`. */
  readonly dtype: DType;
  /** The owner's lock; the view acquires it and releases it on `release()`. */
  readonly lock: ExportLock;
  /** True if the owner forbids writes through views. */
  readonly readonly: boolean;
  /** The struct format when it is not the dtype's own (`'?'` for a RecordStore bool field). */
  readonly format?: '?';
}

/**
 * Key of the method through which an owner exports its buffer: `owner[EXPORT_BUFFER](field?)`.
 * `field` selects a column for multi-column owners (RecordStore). @internal
 */
export const EXPORT_BUFFER: unique symbol = Symbol.for('compactly.exportBuffer');

/** An object that can export a buffer to a MemoryView. @internal */
export interface BufferExporter {
  [EXPORT_BUFFER](field?: string): BufferExport;
}

/** True if `x` implements the buffer-export protocol. @internal */
export function isBufferExporter(x: unknown): x is BufferExporter {
  return typeof x === 'object' && x !== null && typeof (x as Partial<BufferExporter>)[EXPORT_BUFFER] === 'function';
}
