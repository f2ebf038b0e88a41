/**
 * How a MemoryView is made: from a source (an exporter, a buffer, a TypedArray) or from its parent's
 * layout (`Init`), and the finalizer that gives back the export of a view dropped without `release()`.
 * @internal
 * @packageDocumentation
 */
import { describe, throwType } from '../errors.js';
import type { ExportLock } from '../internal/exports.js';
import type { Region } from './accessors.js';
import { FORMATS, type Format } from './formats.js';
import { isResizable, resolveSource } from './source.js';

/** Options of {@link memoryview}. */
export interface MemoryViewOptions {
  /** `true` makes the view read-only. Read-only memory (a read-only view or export) stays read-only. */
  readonly readonly?: boolean;
  /** The column to view when the source is a RecordStore (`memoryview(store, {field: 'x'})`). */
  readonly field?: string;
}

/** Shared by a view and every view derived from it: the exporter and its lock. @internal */
export interface Root {
  readonly obj: object;
  readonly lock: ExportLock | null;
  readonly resizable: boolean;
}

/** Everything a view is made of; passed to the constructor for derived views. @internal */
export class Init {
  constructor(
    readonly root: Root,
    readonly region: Region,
    readonly char: Format,
    readonly format: string,
    readonly offset: number,
    readonly shape: number[],
    readonly strides: number[],
    readonly readonly: boolean,
  ) {}
}

// Views that hold an export lock are registered so that a view dropped without release() eventually gives
// its export back (CPython releases on refcount zero). A backstop only: release() is the contract.
let finalizer: FinalizationRegistry<ExportLock> | undefined;
/** Registers a view holding an export of `lock` with the finalizer. @internal */
export function track(view: object, lock: ExportLock): void {
  finalizer ??= new FinalizationRegistry((l: ExportLock) => l.release());
  finalizer.register(view, lock, view);
}

/** Unregisters a released view (its lock is given back by `release()`). @internal */
export function untrack(view: object): void {
  finalizer?.unregister(view);
}

/** The `readonly` option, checked. @internal */
export function checkReadonlyOption(options: MemoryViewOptions | undefined): boolean | undefined {
  const readonly = options?.readonly;
  if (readonly !== undefined && typeof readonly !== 'boolean') {
    throwType(`memoryview: option readonly must be a boolean, got ${describe(readonly)}`);
  }
  return readonly;
}

/** The Init of a new view over `source` (an exporter, a buffer, a TypedArray). @internal */
export function fromSource(source: unknown, options: MemoryViewOptions | undefined): Init {
  const readonly = checkReadonlyOption(options);
  const origin = resolveSource(source, options?.field);
  if (readonly === false && origin.readonly) throwType('memoryview: cannot make a writable view of read-only memory');
  const itemsize = FORMATS[origin.format].itemsize;
  return new Init(
    { obj: origin.obj, lock: origin.lock, resizable: isResizable(origin.region.buffer) },
    origin.region,
    origin.format,
    origin.format,
    0,
    [origin.region.byteLength / itemsize],
    [itemsize],
    origin.readonly || readonly === true,
  );
}
