/**
 * The mutable state one RecordStore shares with its record views and cursors: the columns, the length,
 * the capacity and the export lock. Views hold this object (not the columns), so they stay correct across
 * reallocations.
 *
 * @internal
 * @packageDocumentation
 */
import type { TypedArray } from '../dtype.js';
import { IndexError, describe, throwType } from '../errors.js';
import { ExportLock, throwExported } from '../internal/exports.js';
import { OWNER } from '../internal/owner.js';
import { grownCapacity, reallocate } from '../internal/growth.js';
import type { FieldInfo, ParsedSchema } from './schema.js';
import { Utf8Data } from './utf8-data.js';
import { resizeBitmap } from './validity.js';

/**
 * What a RecordStore needs from a Categorical column (the contract of `src/categorical.ts`).
 * @internal
 */
export interface CategoryColumn {
  readonly length: number;
  readonly capacity: number;
  readonly byteLength: number;
  readonly nbytes: number;
  readonly codes: Int8Array | Int16Array | Int32Array;
  readonly categories: readonly (string | number)[];
  readonly ordered: boolean;
  reserve(n: number): unknown;
  shrinkToFit(): unknown;
  clear(): unknown;
  copy(): CategoryColumn;
  push(v: unknown): unknown;
  extend(values: readonly unknown[]): unknown;
  assertExtendable(values: readonly unknown[]): void;
  get(i: number): string | number | null;
  set(i: number, v: unknown): unknown;
  codeOf(v: unknown): number;
  take(indices: ArrayLike<number>): CategoryColumn;
  /** `take` of indices in `[0, length)` by construction (no check). */
  takeUnchecked(indices: ArrayLike<number>): CategoryColumn;
  /** A column over `codes` (in range, this column's code width) sharing this one's categories. */
  withCodesUnchecked(codes: Int8Array | Int16Array | Int32Array): CategoryColumn;
  removeAt(i: number): unknown;
  swapRemoveAt(i: number): unknown;
  /** The owner mark (src/internal/owner.ts): set while a store owns the column. */
  [OWNER]: string | undefined;
}

/**
 * The store's own `push` into its Categorical column `c`, lifting the owner mark for that call only
 * (the Categorical's public resizing methods throw BufferError while a store owns it).
 * @internal
 */
export function pushOwned(c: CategoryColumn, v: unknown): void {
  const owner = c[OWNER];
  c[OWNER] = undefined;
  try {
    c.push(v);
  } finally {
    c[OWNER] = owner;
  }
}

/** As {@link pushOwned}, for the store's other resizes of a Categorical column. @internal */
export function resizeOwned(c: CategoryColumn, op: 'extend' | 'removeAt' | 'swapRemoveAt' | 'clear', arg?: unknown): void {
  const owner = c[OWNER];
  c[OWNER] = undefined;
  try {
    if (op === 'extend') c.extend(arg as readonly unknown[]);
    else if (op === 'removeAt') c.removeAt(arg as number);
    else if (op === 'swapRemoveAt') c.swapRemoveAt(arg as number);
    else c.clear();
  } finally {
    c[OWNER] = owner;
  }
}

/** One stored column: a TypedArray of `capacity × size` elements, a Categorical, or utf8 storage. @internal */
export type Column = TypedArray | CategoryColumn | Utf8Data;

/** @internal */
export class StoreData {
  /** Records stored. */
  length = 0;
  /** Records the numeric columns can hold without reallocating. */
  capacity: number;
  /** One column per field, in schema order. */
  cols: Column[];
  /** Live buffer exports (memoryviews) of any column. */
  readonly lock = new ExportLock();
  /** Bytes of one record over the numeric columns (drives the growth policy). */
  readonly rowBytes: number;
  /** Per field: its validity bitmap (`capacity` bits), or `null` while it has had no null. */
  valid: (Uint8Array | null)[];

  constructor(
    readonly schema: ParsedSchema,
    cols: Column[],
    capacity: number,
    valid?: (Uint8Array | null)[],
  ) {
    // The store owns its Categorical columns (one owner each: a Categorical another store owns is copied).
    for (const f of schema.fields) {
      if (f.kind !== 'category') continue;
      let c = cols[f.index] as CategoryColumn;
      if (c[OWNER] !== undefined) cols[f.index] = c = c.copy();
      c[OWNER] = `owned by a RecordStore (field ${describe(f.name)})`;
    }
    this.cols = cols;
    this.capacity = capacity;
    this.valid = valid ?? schema.fields.map(() => null);
    let b = 0;
    for (const f of schema.fields) if (f.kind !== 'category') b += f.kind === 'utf8' ? 4 : f.info.bytes * f.size;
    this.rowBytes = Math.max(b, 1);
  }
}

/** Allocates empty columns for a schema. @internal */
export function allocColumns(schema: ParsedSchema, capacity: number, makeCategory: (f: FieldInfo) => CategoryColumn): Column[] {
  return schema.fields.map((f) => (f.kind === 'category' ? makeCategory(f) : f.kind === 'utf8' ? new Utf8Data(capacity) : f.info.alloc(capacity * f.size)));
}

/** Reallocates every numeric column to `capacity` records (and reserves the categoricals). @internal */
export function setCapacity(d: StoreData, capacity: number): void {
  const fields = d.schema.fields;
  const cols = d.cols;
  for (let k = 0; k < fields.length; k++) {
    const f = fields[k]!;
    const bm = d.valid[k];
    if (bm != null) d.valid[k] = resizeBitmap(bm, d.length, capacity);
    if (f.kind === 'category') (cols[k] as CategoryColumn).reserve(capacity);
    else if (f.kind === 'utf8') (cols[k] as Utf8Data).setCapacity(capacity, d.length);
    else {
      const old = cols[k] as Float64Array;
      cols[k] = reallocate(old, d.length * f.size, capacity * f.size, f.info.alloc as unknown as (n: number) => Float64Array);
    }
  }
  d.capacity = capacity;
}

/** Makes room for at least `n` records in total (`RecordStore.reserve`; `n` already checked). @internal */
export function reserveRows(d: StoreData, n: number): void {
  if (n <= d.capacity) return;
  if (d.lock.count !== 0) locked(d, 'reserve');
  setCapacity(d, n);
}

/** Releases unused capacity (`RecordStore.shrinkToFit`): capacity becomes `length`, categoricals shrink. @internal */
export function shrinkRows(d: StoreData): void {
  if (d.capacity !== d.length) {
    if (d.lock.count !== 0) locked(d, 'shrinkToFit');
    setCapacity(d, d.length);
  }
  for (let k = 0; k < d.cols.length; k++) {
    const c = d.cols[k]!;
    if (c instanceof Utf8Data) c.shrinkBytes(d.length);
    else if (!ArrayBuffer.isView(c)) c.shrinkToFit();
  }
}

/** Grows so that `needed` records fit (doubling policy). @internal */
export function grow(d: StoreData, needed: number): void {
  setCapacity(d, grownCapacity(d.capacity, needed, d.rowBytes));
}

/** Throws BufferError for a length-changing op while a column is exported. @internal */
export function locked(d: StoreData, op: string): never {
  return throwExported(`RecordStore.${op}`, d.lock.count);
}

/** Throws IndexError for a view or cursor not on a live row. @internal */
export function staleView(i: number, d: StoreData): never {
  if (i === -1) throw new IndexError('RecordStore cursor is not on a row (index -1): call next() or moveTo(i) first');
  throw new IndexError(`RecordStore record index ${i} out of range for length ${d.length} (the store shrank since the view was made, or the cursor ran past the end)`);
}

/** Throws TypeError for a non-object row. @internal */
export function badRow(o: unknown, row: number): never {
  return throwType(`RecordStore: ${row >= 0 ? `row ${row}` : 'a record'} must be an object of field values, got ${describe(o)}`);
}

/** Writes a category value at row `i`, adding it as a category first if it is new (O(1)). @internal */
export function writeCategory(cat: CategoryColumn, i: number, v: string | null): void {
  if (v !== null && cat.codeOf(v) < 0) {
    pushOwned(cat, v);
    resizeOwned(cat, 'swapRemoveAt', cat.length - 1);
  }
  cat.set(i, v);
}
