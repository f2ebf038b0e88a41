/**
 * RecordStore: struct-of-arrays records standing in for Python's `__slots__` (one TypedArray per field),
 * usable as a small columnar dataframe (`filter`, `sortBy`, `select`, `groupBy().agg()`).
 *
 * @packageDocumentation
 */
import { describe, throwAttribute, throwType, throwValue } from '../errors.js';
import { normalizeIndex } from '../internal/bounds.js';
import { EXPORT_BUFFER, type BufferExport } from '../internal/exports.js';
import type { TypedArray } from '../dtype.js';
import { appendRows, appendStore } from './append.js';
import { newCategory } from './categories.js';
import { checkCapacity, checkFieldValue, fieldNames } from './checks.js';
import { checkSameSchema, concatColumns } from './concat.js';
import { downcastParts } from './downcast.js';
import { assignedColumns, deriveColumns, type DerivedSchema, type DeriveSpec } from './derive.js';
import { checkIndices, rowsOfTests, rowsWhere } from './filter.js';
import { rowsOfMask } from './masks.js';
import { columnsToParts } from './from-columns.js';
import { formatTable, type TableFormatOptions } from './format.js';
import { inferObjectsSchema } from './infer.js';
import { joinParts, type JoinOptions } from './join.js';
import { fieldNullCount, fieldValidity } from './nulls.js';
import { clearRows, removeRow, swapRemoveRow } from './remove.js';
import { topRowsOf } from './select-top.js';
import { identity, takeColumns, type ColumnParts } from './take.js';
import { nullKeyColumns, pairValueCounts, type CountableStore, type StoreValueCountsOptions } from './value-counts.js';
import { checkWhereOp, maskOf, type WhereOp } from './where.js';
import { conditionTests, isConditionList, rowTest, type Condition } from './where-types.js';
import { readValue, writeValue } from './field-values.js';
import { Utf8Data } from './utf8-data.js';
import { aggregate, type AggOp } from './group-by.js';
import { memoryUsage, storeByteLength, storeNbytes, type RecordStoreMemoryUsage } from './memory.js';
import { columnOf, exportField } from './column.js';
import { IDX, rowKit, type RowKit } from './record-view.js';
import {
  parseSchema,
  type EntriesToSchema,
  type FieldInfo,
  type FieldInput,
  type FieldSpec,
  type FieldValue,
  type ParsedSchema,
  type RecordInput,
  type ObjectOf,
  type RecordPatch,
  type Schema,
  type SchemaEntries,
} from './schema.js';
import { argsortByKeys, argsortWith, parseSortKeys } from './sort-by.js';
import { allocColumns, reserveRows, shrinkRows, StoreData } from './store-data.js';
import type { AggSchema, AggSpecOf, ColumnOf, ColumnInput, ColumnsSchema, FieldName, RecordCursor, RecordStoreOptions, RecordView, SortOptions } from './types.js';

// --- internals ---------------------------------------------------------------------------------------------

/**
 * Passed as the schema, makes the constructor adopt the StoreData given as its options (the verbs' results).
 * Module-private: nothing outside this module can make a store that way.
 */
const ADOPT: unique symbol = Symbol('RecordStore.adopt');

/** A store over columns already built and checked (the result of a verb). */
function fromParts(schema: ParsedSchema, parts: ColumnParts, length: number): RecordStore<Schema> {
  const d = new StoreData(schema, parts.cols, length, parts.valid);
  d.length = length;
  return new RecordStore<Schema>(ADOPT as never, d as never);
}

// --- the store ---------------------------------------------------------------------------------------------

/**
 * Records stored as struct-of-arrays: one plain TypedArray per numeric field (all sharing one capacity), a
 * {@link Categorical} per `'category'` field, `n` elements per record for a `[dtype, n]` vector field.
 *
 * @remarks
 * **Python mapping.** A class with `__slots__` (or `@dataclass(slots=True)`): fixed fields, no per-record
 * dict. Records are views (`get(i)`), or one movable {@link RecordStore.cursor}; writing an unknown name
 * throws {@link AttributeError}. Unlike slots, fields are **typed** and every write is validated as a Vector
 * write (`TypeError` for a wrong type, {@link OverflowError} out of range); bulk writes validate the whole
 * batch first, so a failed `extend` leaves the store unchanged. Columns are always initialised, so Python's
 * "slot declared but never set" `AttributeError` has no equivalent.
 *
 * **Memory.** `byteLength` = Σ capacity × itemsize × n (+ categoricals); 3 float64 fields cost 24 B per
 * record against ~106 B as plain objects (docs/internals/performance.md, "Object layout").
 *
 * **Aliasing.** {@link RecordStore.column} aliases a column; it goes **stale** when the store reallocates
 * (growth past `capacity`, `reserve`, `shrinkToFit`): read it again after pushing. Record views and cursors
 * hold the store, not the columns, so they stay valid (they are positions: after `remove` a view at `i` sees
 * the next record). A `memoryview(store, {field})` is tracked instead: while one is exported, every
 * length-changing or reallocating operation throws {@link BufferError}.
 *
 * **Verbs** (`filter`, `sortBy`, `select`, `groupBy().agg()`, `head`, `take`, `copy`) return a **new**
 * RecordStore that shares nothing with this one.
 *
 * @example
 * ```ts
 * const pts = recordStore({ x: 'float64', y: 'float64', kind: 'category' });
 * pts.push({ x: 1, y: 2, kind: 'a' });
 * const p = pts.get(0);
 * p.x += 1;                      // writes the x column
 * pts.column('x');               // Float64Array [2]  (alias)
 * ```
 */
export class RecordStore<S extends Schema = Schema> implements Iterable<RecordView<S>> {
  readonly #d: StoreData;
  readonly #kit: RowKit;

  /**
   * Makes an empty store (same as {@link recordStore}).
   * @param schema - Field name → dtype or typecode, `'category'`, `[dtype, n]`, or `{type, default}`; or
   *   `[name, spec]` entries.
   * @param options - `capacity`: records to allocate up front.
   * @throws {@link ValueError} for a duplicate or empty field name, an unknown dtype, an empty schema or a bad
   *   vector size. `TypeError` for a non-string field name, a malformed spec or default.
   * @throws {@link OverflowError} for a default out of range.
   */
  constructor(schema: S | SchemaEntries, options: RecordStoreOptions = {}) {
    if ((schema as unknown) === ADOPT) this.#d = options as unknown as StoreData;
    else {
      const parsed = parseSchema(schema);
      if (typeof options !== 'object' || options === null) throwType(`recordStore: options must be an object, got ${describe(options)}`);
      const cap = options.capacity === undefined ? 0 : checkCapacity(options.capacity, 'recordStore');
      this.#d = new StoreData(parsed, allocColumns(parsed, cap, newCategory), cap);
      for (const c of this.#d.cols) if (!ArrayBuffer.isView(c) && !(c instanceof Utf8Data)) c.reserve(cap);
    }
    this.#kit = rowKit(this.#d.schema);
    // The own `get` that shadows the prototype's (see get below): one function per store, per-schema code.
    // Not enumerable: Object.keys, util.inspect and deep equality see no extra member.
    Object.defineProperty(this, 'get', { value: this.#kit.viewAt(this.#d), writable: true, configurable: true });
    // The same for forEach (a new view per row, see forEach below).
    Object.defineProperty(this, 'forEach', { value: this.#kit.eachOf(this.#d), writable: true, configurable: true });
  }

  // --- construction ---------------------------------------------------------------------------------------

  /**
   * Builds a store from plain objects. Without a schema, infers one per field: the smallest integer dtype that
   * holds every value (`int8`, `uint8`, `int16`, … `uint32`; `float64` beyond), `float64` for other numbers,
   * `int64`/`uint64` for bigints, `'category'` for strings, `[dtype, n]` for arrays of one length; a numeric
   * field absent from some objects becomes `{type: 'float64', default: NaN}`. `store.schema` shows the choice.
   * @param objs - An iterable of objects.
   * @param schema - Optional schema; keys not in it are ignored (as `push` does).
   * @returns A new store with capacity = number of objects.
   * @throws `TypeError` for a non-object row, a boolean or mixed-kind field (inference), or any error `extend`
   *   throws; {@link ValueError} when inferring from no objects.
   * @remarks O(n × fields). Category fields list categories in order of first appearance.
   * @example
   * ```ts
   * const s = RecordStore.fromObjects([{ id: 1, w: 0.5, tag: 'a' }, { id: 300, w: 1, tag: 'b' }]);
   * s.schema; // { id: 'int16', w: 'float64', tag: 'category' }
   * ```
   */
  static fromObjects<const T extends Schema>(objs: Iterable<RecordInput<T>>, schema: T): RecordStore<T>;
  static fromObjects(objs: Iterable<Readonly<Record<string, unknown>>>): RecordStore<Schema>;
  static fromObjects(objs: Iterable<unknown>, schema?: Schema | SchemaEntries): RecordStore<Schema> {
    if (typeof objs !== 'object' || objs === null || typeof (objs as Partial<Iterable<unknown>>)[Symbol.iterator] !== 'function') {
      throwType(`RecordStore.fromObjects: objs must be an iterable of objects, got ${describe(objs)}`);
    }
    const rows = Array.isArray(objs) ? (objs as unknown[]) : [...objs];
    let s = schema;
    if (s === undefined) s = inferObjectsSchema(rows);
    const store = new RecordStore<Schema>(s, { capacity: rows.length });
    store.extend(rows as Iterable<RecordInput<Schema>>);
    return store;
  }

  /**
   * Builds a store from columns. A TypedArray already of the field's dtype (an exact TypedArray, not a
   * Node `Buffer`) is **adopted without copying**: the store writes into it until its first reallocation.
   * A {@link Categorical} of strings is adopted for a category field. Other arrays are validated and copied;
   * without a schema, plain arrays are inferred as in {@link RecordStore.fromObjects}.
   * @param cols - Field name → TypedArray, Categorical, `number[]`, `bigint[]` or `(string | null)[]`.
   *   For a `[dtype, n]` field, a flat array of `length × n` values.
   * @param schema - Optional schema (field order and types); fields with defaults may be left out.
   * @returns A new store whose capacity equals its length.
   * @throws {@link ValueError} for ragged columns, no columns, a column missing for a field without default,
   *   or a column not in the schema. `TypeError` for an unsupported column or a value of the wrong type;
   *   {@link OverflowError} for a value out of range.
   * @remarks O(n) for copied columns, O(1) per adopted one.
   * @example
   * ```ts
   * const x = new Float64Array([1, 2, 3]);
   * const s = RecordStore.fromColumns({ x, kind: ['a', 'b', 'a'] });
   * s.column('x') === x; // true: adopted
   * ```
   */
  static fromColumns<const T extends Schema>(cols: { readonly [K in keyof T]?: ColumnInput }, schema: T): RecordStore<T>;
  static fromColumns<const C extends Readonly<Record<string, ColumnInput>>>(cols: C): RecordStore<ColumnsSchema<C>>;
  static fromColumns(cols: Readonly<Record<string, unknown>>, schema?: Schema | SchemaEntries): RecordStore<Schema> {
    const parts = columnsToParts(cols, schema);
    return fromParts(parts.parsed, parts, parts.length);
  }

  // --- shape and memory ----------------------------------------------------------------------------------------

  /** Field names, in schema order (frozen). */
  get fields(): readonly FieldName<S>[] {
    return this.#d.schema.names as readonly FieldName<S>[];
  }

  /**
   * The normalized schema (typecodes resolved to dtypes, defaults kept), frozen: valid input to
   * {@link recordStore}, and where {@link RecordStore.fromObjects} shows the types it inferred.
   */
  get schema(): { readonly [K in keyof S]: FieldSpec } {
    return this.#d.schema.normalized as { readonly [K in keyof S]: FieldSpec };
  }

  /** Number of records. */
  get length(): number {
    return this.#d.length;
  }

  /** Records the numeric columns hold without reallocating. */
  get capacity(): number {
    return this.#d.capacity;
  }

  /** Bytes held now: every column at full capacity, plus the categoricals (codes and dictionaries). */
  get byteLength(): number {
    return storeByteLength(this.#d);
  }

  /** Logical bytes, as Python/pandas report them: `length × itemsize × n` per numeric field, plus each categorical's `nbytes`. */
  get nbytes(): number {
    return storeNbytes(this.#d);
  }

  /**
   * Bytes per field, and an **estimate** of the same records as an array of plain objects (from the V8 layout
   * in docs/internals/performance.md, "Object layout": 8 B slot + 24 B header + 8 B per field, +16 B per boxed double, …; the
   * model string is in the result), like pandas `df.memory_usage(deep=True)`.
   * @returns A {@link RecordStoreMemoryUsage}.
   * @remarks O(length) (it counts which doubles V8 would box).
   */
  memoryUsage(): RecordStoreMemoryUsage {
    return memoryUsage(this.#d);
  }

  /**
   * Makes room for at least `n` records in total.
   * @param n - Total capacity wanted.
   * @throws `TypeError` for a non-integer; {@link ValueError} for a negative or too large `n`;
   *   {@link BufferError} if it must reallocate while a memoryview is exported.
   * @remarks O(length) when it reallocates (column aliases go stale), O(1) otherwise.
   * @returns `this`, for chaining.
   */
  reserve(n: number): this {
    reserveRows(this.#d, checkCapacity(n, 'RecordStore.reserve'));
    return this;
  }

  /**
   * Releases unused capacity (capacity becomes `length`; categoricals shrink and narrow their codes).
   * @throws {@link BufferError} if it must reallocate while a memoryview is exported.
   * @remarks O(length) when it reallocates (column aliases go stale).
   * @returns `this`, for chaining.
   */
  shrinkToFit(): this {
    shrinkRows(this.#d);
    return this;
  }

  // --- writes ----------------------------------------------------------------------------------------------

  /**
   * Appends a record.
   * @param obj - An object with every field (fields with a default may be left out or `undefined`). Keys not
   *   in the schema are ignored (so objects with extra properties load; view writes reject unknown names).
   * @returns The new record's index.
   * @throws `TypeError` for a non-object, a missing field without default, or a value of the wrong type;
   *   {@link OverflowError} out of range (the store is unchanged); {@link BufferError} while exported.
   * @remarks Amortised O(fields): the fields are validated first, then written. Per-schema generated code.
   */
  push(obj: RecordInput<S>): number {
    return this.#kit.push(this.#d, obj);
  }

  /**
   * Appends every record, atomically: the whole batch is validated (into temporaries) before anything is
   * written, so on any error the store is exactly as it was.
   * @param objs - An iterable of objects (as for {@link RecordStore.push}), or another RecordStore.
   * @throws As {@link RecordStore.push}; the message names the row.
   * @remarks O(m × fields) and O(m × record bytes) of temporaries; at most one reallocation.
   * @returns `this`, for chaining.
   */
  extend(objs: Iterable<RecordInput<S>>): this {
    if (typeof objs !== 'object' || objs === null || typeof (objs as Partial<Iterable<unknown>>)[Symbol.iterator] !== 'function') {
      throwType(`RecordStore.extend: objs must be an iterable of objects, got ${describe(objs)}`);
    }
    if (objs instanceof RecordStore && appendStore(this.#d, objs.#d)) return this;
    appendRows(this.#d, this.#kit, Array.isArray(objs) ? objs : objs instanceof RecordStore ? objs.toObjects() : [...objs]);
    return this;
  }

  /**
   * Writes several fields of record `i`, atomically (every given field is validated before any is written).
   * @param i - Index in `[-length, length)`.
   * @param partial - Field → value; fields left out are unchanged.
   * @throws {@link AttributeError} for a name not in the schema; `TypeError`/{@link OverflowError} for a bad
   *   value; {@link IndexError} out of range. Nothing is written on error.
   * @remarks O(fields given).
   * @returns `this`, for chaining.
   */
  set(i: number, partial: RecordPatch<S>): this {
    const d = this.#d;
    const j = normalizeIndex(i, d.length, 'RecordStore');
    if (typeof partial !== 'object' || partial === null) throwType(`RecordStore.set: partial must be an object of field values, got ${describe(partial)}`);
    const keys = Object.keys(partial);
    const plan: [FieldInfo, unknown][] = [];
    for (const k of keys) {
      const v = (partial as Record<string, unknown>)[k];
      if (v === undefined) continue;
      const f = this.#field(k, 'set');
      plan.push([f, checkFieldValue(f, v, `RecordStore.set field ${describe(k)}`)]);
    }
    for (const [f, v] of plan) writeValue(d, f, j, v);
    return this;
  }

  /**
   * Writes one field of record `i`.
   * @param i - Index in `[-length, length)`.
   * @param name - Field name.
   * @param value - New value (validated).
   * @throws {@link AttributeError} for an unknown field; `TypeError`/{@link OverflowError} for a bad value;
   *   {@link IndexError} out of range.
   * @remarks O(1) (O(n) for a vector field of n elements).
   */
  setField<K extends FieldName<S>>(i: number, name: K, value: FieldInput<S[K]>): void {
    const d = this.#d;
    const f = this.#field(name, 'setField');
    const j = normalizeIndex(i, d.length, 'RecordStore');
    writeValue(d, f, j, checkFieldValue(f, value, `RecordStore.setField field ${describe(name)}`));
  }

  /**
   * Removes record `i`, shifting later records down (ordered delete, like `del list[i]`).
   * @param i - Index in `[-length, length)`.
   * @throws {@link IndexError} out of range; {@link BufferError} while a memoryview is exported.
   * @remarks O((length − i) × fields) (`copyWithin`). Views of later rows now see the next record.
   * @returns `this`, for chaining.
   */
  remove(i: number): this {
    removeRow(this.#d, i);
    return this;
  }

  /**
   * Removes record `i` by moving the last record into its place (O(1); order not kept).
   * @param i - Index in `[-length, length)`.
   * @throws {@link IndexError} out of range; {@link BufferError} while a memoryview is exported.
   * @remarks O(fields).
   * @returns `this`, for chaining.
   */
  swapRemove(i: number): this {
    swapRemoveRow(this.#d, i);
    return this;
  }

  /**
   * Removes every record; capacity is kept.
   * @throws {@link BufferError} while a memoryview is exported.
   * @remarks O(1) (plus O(1) per category field).
   * @returns `this`, for chaining.
   */
  clear(): this {
    clearRows(this.#d);
    return this;
  }

  // --- reads -----------------------------------------------------------------------------------------------

  /**
   * A record view of row `i`: typed getters/setters on a per-schema prototype (`view.x += 1` writes the store).
   * @param i - Index in `[-length, length)`.
   * @returns A new view (unknown writes throw {@link AttributeError} through its prototype; the view is a
   *   two-field object, not frozen, so V8 can elide it in a hot `get(i).x` loop).
   * @throws {@link IndexError} out of range (never `undefined`).
   * @remarks O(1), one small allocation per call (none when V8 elides it); for scans use
   *   {@link RecordStore.cursor} or {@link RecordStore.column}. The view is positional: it keeps reading row
   *   `i` after removals. Each store shadows this method with an own `get` made for its schema (the same
   *   code, record-view.ts `viewAt`), so a loop over one store stays monomorphic in a process that uses many
   *   schemas and dtypes: this shared method's `new View` would see every schema's view class.
   */
  get(i: number): RecordView<S> {
    const d = this.#d;
    const j = typeof i === 'number' && i >>> 0 === i && i < d.length ? i : normalizeIndex(i, d.length, 'RecordStore');
    return new this.#kit.View(d, j) as RecordView<S>;
  }

  /**
   * One field of record `i`.
   * @param i - Index in `[-length, length)`.
   * @param name - Field name.
   * @returns The value (`bigint` for 64-bit fields, `string | null` for category, a subarray alias for a vector field).
   * @throws {@link AttributeError} for an unknown field (never `undefined`); {@link IndexError} out of range.
   * @remarks O(1).
   */
  getField<K extends FieldName<S>>(i: number, name: K): FieldValue<S[K]> {
    const d = this.#d;
    const f = this.#field(name, 'getField');
    return readValue(d, f, normalizeIndex(i, d.length, 'RecordStore')) as FieldValue<S[K]>;
  }

  /**
   * The column of a field: for a numeric field a TypedArray **alias** of exactly `length` elements (for a
   * `[dtype, n]` field, `length × n` elements, record `i` at `[i*n, i*n+n)`); for a category field the
   * store's {@link Categorical} itself.
   * @param name - Field name.
   * @returns The live column. Writes through it bypass validation.
   * @throws {@link AttributeError} for an unknown field.
   * @remarks O(1). **Stale after a reallocation** (a push past `capacity`, `reserve`, `shrinkToFit`): read
   *   it again; the store itself stays correct. The fastest way to scan a field.
   */
  column<K extends FieldName<S>>(name: K): ColumnOf<S[K]> {
    return columnOf(this.#d, this.#field(name, 'column')) as ColumnOf<S[K]>;
  }

  /**
   * The validity bitmap of a field in Arrow's layout (bit `i % 8` of byte `i >> 3` is 1 when row `i` holds a
   * value, 0 when it is null): an **alias** of `ceil(length / 8)` bytes, or `null` while the field has had
   * no null (every row valid). For a category field (whose codes hold missing values) a new bitmap computed
   * from the codes, or `null` when none is missing.
   * @param name - Field name.
   * @throws {@link AttributeError} for an unknown field.
   * @remarks O(1) (O(length) for a category field). Stale after a reallocation, like {@link RecordStore.column}.
   */
  validity<K extends FieldName<S>>(name: K): Uint8Array | null {
    return fieldValidity(this.#d, this.#field(name, 'validity'));
  }

  /**
   * The number of null rows of a field (missing values of a category field), as pandas' `isna().sum()`.
   * @param name - Field name.
   * @throws {@link AttributeError} for an unknown field.
   * @remarks O(length / 8) (a popcount of the bitmap); O(length) for a category field.
   */
  nullCount<K extends FieldName<S>>(name: K): number {
    return fieldNullCount(this.#d, this.#field(name, 'nullCount'));
  }

  /**
   * One movable record view for allocation-free scans: `while (c.next()) sum += c.x`, or `c.moveTo(i)`.
   * @returns A cursor positioned before the first row.
   * @remarks O(1). Reading a field while not on a row throws {@link IndexError}. Moving allocates nothing.
   */
  cursor(): RecordCursor<S> {
    return new this.#kit.Cursor(this.#d) as RecordCursor<S>;
  }

  /**
   * Calls `fn(record, i, store)` for each record, as `Array.prototype.forEach`. The record passed is a **new view**
   * per row, as `for…of` gives: safe to keep after the loop.
   * @param fn - Callback.
   * @remarks O(length). Records pushed during the walk are not visited; it stops early if the store shrinks.
   *   Each store has its own `forEach` made for its schema (record-view.ts `eachOf`, shadowing this method as
   *   `get` does): one small function whose `new RecordView` is monomorphic, so V8 inlines the callback into it
   *   and elides the view when the callback keeps none (bench `record-store`, "for…of sum x"). A cursor is no
   *   faster then; when the callback is not inlined (one `forEach` call site fed many different callbacks) a
   *   view costs one small allocation per row, and {@link RecordStore.cursor} is the allocation-free walk.
   */
  forEach(fn: { bivarianceHack(record: RecordView<S>, index: number, store: RecordStore<S>): void }['bivarianceHack']): void {
    if (typeof fn !== 'function') throwType(`RecordStore.forEach: expected a function, got ${describe(fn)}`);
    const d = this.#d;
    const View = this.#kit.View;
    const n = d.length;
    for (let i = 0; i < n && i < d.length; i++) fn(new View(d, i) as RecordView<S>, i, this);
  }

  /**
   * Iterates new record views (safe to keep after the loop, as `forEach`'s).
   * @remarks O(1) per step. A view per record, but a small one (two fields) made by a per-schema iterator
   *   class: in a hot `for (const r of store) s += r.x` V8 inlines the step and elides the view, so the loop
   *   runs at the speed of a loop over plain objects (bench `record-store`, "scan-sum x").
   */
  [Symbol.iterator](): IterableIterator<RecordView<S>> {
    return new this.#kit.Rows(this.#d) as IterableIterator<RecordView<S>>;
  }

  /**
   * Every record as a detached plain object (a **copy**; vector fields are copied TypedArrays).
   * @returns An array of `length` objects.
   * @remarks O(length × fields).
   */
  toObjects(): ObjectOf<S>[] {
    const d = this.#d;
    const toObject = this.#kit.toObject;
    const out = new Array<ObjectOf<S>>(d.length);
    for (let i = 0; i < d.length; i++) out[i] = toObject(d, i) as ObjectOf<S>;
    return out;
  }

  // --- verbs (each returns a new store) -------------------------------------------------------------------------

  /**
   * The records where every condition holds, where `pred(cursor, i)` is truthy, or where `mask[i]` is
   * truthy: a **new** RecordStore.
   *
   * A conjunction of comparisons (pandas `df[(df.delay > 300) & (df.distance > 2000)]`) is one call with a list
   * of conditions, `filter([['delay', '>', 300], ['distance', '>', 2000]])`: each `[field, op, value]` reads as
   * {@link RecordStore.where}'s arguments. The rows are tested 4096 at a time with no mask: the most selective
   * condition (judged on a sample of the store) lists the rows that pass, and each other condition reads only
   * the rows still listed; the order changes the speed, never the rows. Build masks with `where` and
   * {@link maskOr}/{@link maskNot} only for what a conjunction cannot say (or, not, a mask reused across calls).
   * @param pred - A non-empty array of conditions `[field, op, value]` (an array whose first element is an
   *   array), a predicate given one cursor moved along (keep `toObject()` if you store rows), or a mask of
   *   `length` booleans/0-1 values (from {@link RecordStore.where}, or e.g. `store.column('kind').eq('a')`).
   * @returns A new store (copies).
   * @throws For conditions, everything {@link RecordStore.where} throws (an {@link AttributeError} for an unknown
   *   field, a {@link ValueError} for an unknown operator, a `TypeError` for a value of the wrong type), and a
   *   `TypeError` for a condition that is not a 2- or 3-element array; all are checked before any row is read.
   *   {@link ValueError} for a mask of the wrong length; `TypeError` for anything else.
   * @remarks Conditions: O(length) for the first condition and O(rows still listed) for each other one, then
   *   one gather per column; allocates the row list (sized from the sample, grown by doubling if it was wrong)
   *   and the new columns. Predicate: O(length) calls. Mask: O(length).
   * @example
   * ```ts
   * flights.filter([['delay', '>', 300], ['origin', 'in', ['LAX', 'SFO']]]);
   * ```
   */
  filter(pred: readonly Condition<FieldName<S>>[] | { bivarianceHack(record: RecordCursor<S>, index: number): unknown }['bivarianceHack'] | ArrayLike<unknown>): RecordStore<S> {
    const d = this.#d;
    let rows: Uint32Array;
    if (typeof pred === 'function') rows = rowsWhere(d, this.cursor(), pred as (r: never, i: number) => unknown);
    else if (isConditionList(pred)) {
      const tests = conditionTests(d, pred, (name) => this.#field(name, 'filter'));
      rows = rowsOfTests(tests, d.length);
    } else if (typeof pred === 'object' && pred !== null && typeof (pred as ArrayLike<unknown>).length === 'number') rows = rowsOfMask(d, pred);
    else return throwType(`RecordStore.filter: expected conditions, a predicate or a mask, got ${describe(pred)}`);
    return fromParts(d.schema, takeColumns(d, rows), rows.length) as unknown as RecordStore<S>;
  }

  /**
   * The records at `indices`, in that order: a **new** RecordStore (pandas `take`).
   * @param indices - Row indexes (negative counts from the end; repeats allowed).
   * @returns A new store (copies).
   * @throws {@link IndexError} for an index out of range; `TypeError` for a non-integer.
   * @remarks O(m × fields).
   */
  take(indices: ArrayLike<number>): RecordStore<S> {
    const d = this.#d;
    const rows = checkIndices(d, indices, 'take');
    return fromParts(d.schema, takeColumns(d, rows), rows.length) as unknown as RecordStore<S>;
  }

  /**
   * The records sorted (stable) by one field, several fields (first most significant), or a comparator:
   * a **new** RecordStore.
   * @param key - A field name, an array of field names, or `cmp(a, b)` over two cursors (negative: a first).
   * @param options - `descending` (one flag or one per field; ignored with a comparator).
   * @returns A new sorted store (copies).
   * @throws {@link AttributeError} for an unknown field; `TypeError` for a vector field; {@link ValueError}
   *   for no keys or a `descending` list of the wrong length.
   * @remarks Fields: an LSD radix sort of an index array over typed key words (O(n) per 8/16 key bits), NaN
   *   and missing categories last; unordered categories sort by value, ordered ones by category order.
   *   Comparator: a merge sort, O(n log n) calls.
   */
  sortBy(
    key: FieldName<S> | readonly FieldName<S>[] | { bivarianceHack(a: RecordCursor<S>, b: RecordCursor<S>): number }['bivarianceHack'],
    options: SortOptions = {},
  ): RecordStore<S> {
    const d = this.#d;
    const n = d.length;
    let perm: Uint32Array;
    if (typeof key === 'function') {
      const a = this.cursor() as unknown as { [IDX]: number };
      const b = this.cursor() as unknown as { [IDX]: number };
      perm = argsortWith(n, (i, j) => {
        a[IDX] = i;
        b[IDX] = j;
        return (key as (a: unknown, b: unknown) => number)(a, b);
      });
    } else {
      const keys = parseSortKeys(key, options, (nm, op) => this.#field(nm, op));
      perm = argsortByKeys(d, keys, n);
    }
    return fromParts(d.schema, takeColumns(d, perm), n) as unknown as RecordStore<S>;
  }

  /**
   * Some fields, in the given order: a **new** RecordStore (copies).
   * @param fields - Field names (no repeats).
   * @returns A new store with those fields (defaults kept).
   * @throws {@link AttributeError} for an unknown field; {@link ValueError} for a repeat or no fields.
   * @remarks O(length × fields selected).
   */
  select<K extends FieldName<S>>(fields: readonly K[]): RecordStore<Pick<S, K>> {
    const d = this.#d;
    if (!Array.isArray(fields)) throwType(`RecordStore.select: expected an array of field names, got ${describe(fields)}`);
    const infos = fields.map((nm) => this.#field(nm, 'select'));
    const parsed = parseSchema(infos.map((f) => [f.name, f.spec] as const));
    return fromParts(parsed, takeColumns(d, identity(d.length), infos), d.length) as unknown as RecordStore<Pick<S, K>>;
  }

  /**
   * The first `n` records (negative `n`: all but the last `-n`, as pandas): a **new** RecordStore.
   * @param n - Count (default 5).
   * @returns A new store (copies).
   * @throws `TypeError` for a non-integer.
   * @remarks O(n × fields).
   */
  head(n = 5): RecordStore<S> {
    const d = this.#d;
    if (!Number.isInteger(n)) throwType(`RecordStore.head: n must be an integer, got ${describe(n)}`);
    const m = n >= 0 ? Math.min(n, d.length) : Math.max(0, d.length + n);
    return fromParts(d.schema, takeColumns(d, identity(m)), m) as unknown as RecordStore<S>;
  }

  /**
   * A copy of the store (capacity = length): a **new** RecordStore sharing nothing.
   * @returns The copy.
   * @remarks O(length × fields).
   */
  copy(): RecordStore<S> {
    return this.head(this.#d.length);
  }

  /**
   * A **new** RecordStore with every numeric field in the smallest dtype that holds its values exactly (the
   * pandas `pd.to_numeric(s, downcast=…)` step, for every column at once): integers to the narrowest of int8,
   * uint8, int16, uint16, int32, uint32 holding their range (64-bit fields too: their values then read as
   * numbers, not bigints); floats to float32 only when every value survives the round trip. Nullable fields
   * (every field `readCsvStore` infers) shrink by their non-null values and keep their validity bitmap. Other
   * fields (dates, timestamps, bools, text, categories, fields with a default) are copied as they are;
   * `store.schema` of the result shows the choices.
   * @returns A new store (copies).
   * @remarks O(length × fields): one min/max (or round-trip) pass and one conversion per shrunk field.
   * @example
   * ```ts
   * const s = RecordStore.fromColumns({ id: Int32Array.from([1, 2, 300]), w: Float64Array.from([0.5, 1.25, 2]) });
   * const small = s.downcast();
   * small.schema;                          // { id: 'int16', w: 'float32' }
   * s.byteLength - small.byteLength;       // 12 + 12 = bytes saved (3 rows × (2 + 4))
   * ```
   */
  downcast(): RecordStore<Schema> {
    const r = downcastParts(this.#d);
    return r === null ? (this.copy() as unknown as RecordStore<Schema>) : fromParts(r.schema, r.parts, this.#d.length);
  }

  /**
   * Groups records by one or more key fields, for {@link GroupBy.agg}.
   * @param keys - A field name or names. Category keys group by code (observed categories, in category
   *   order); numeric keys in ascending order; several keys lexicographically. Rows with a missing key (null,
   *   NaN) are dropped (pandas `dropna=True`).
   * @returns A {@link GroupBy}; nothing is computed until `agg`.
   * @throws {@link AttributeError} for an unknown field; `TypeError` for a vector field; {@link ValueError}
   *   for no keys or a repeat.
   */
  groupBy<K extends FieldName<S>>(keys: K | readonly K[]): GroupBy<S, K> {
    const names = fieldNames(keys, 'RecordStore.groupBy');
    if (names.length === 0) throwValue('RecordStore.groupBy: no keys');
    const infos = names.map((nm) => this.#field(nm, 'groupBy'));
    if (new Set(infos).size !== infos.length) throwValue('RecordStore.groupBy: a key is repeated');
    for (const f of infos) if (f.kind === 'vector') throwType(`RecordStore.groupBy: cannot group by vector field ${describe(f.name)}`);
    return new GroupBy<S, K>(this.#d, infos);
  }

  /**
   * A text table of the first rows (pandas-like), with a `[n rows × m fields]` footer. Float fields print as
   * pandas prints them: 6 decimal places (`precision`), trailing zeros the column shares trimmed (`1.5`,
   * `9.273655`), scientific notation for values below 10^-precision. O(maxRows × fields).
   * @param maxRows - Rows to show (default 10).
   * @param options - `precision`: decimal places for float fields (default 6, up to 20).
   * @returns The table.
   * @throws `TypeError` for a non-integer precision; {@link ValueError} for one outside [1, 20].
   */
  toString(maxRows = 10, options: TableFormatOptions = {}): string {
    return formatTable(this.#d, maxRows, options);
  }

  /** @internal Node's `util.inspect` / `console.log` show the table. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `RecordStore\n${this.toString()}`;
  }

  /**
   * The buffer-export protocol (for `memoryview(store, {field})`): the live elements of one numeric field.
   * @param field - Field name.
   * @returns `{array, dtype, lock, readonly: false}` with `array` an alias of `length × n` elements.
   * @throws `TypeError` for no field name or a category field (its codes belong to the Categorical);
   *   {@link AttributeError} for an unknown field.
   * @internal
   */
  [EXPORT_BUFFER](field?: string): BufferExport {
    const d = this.#d;
    if (field === undefined) throwType(`RecordStore exports one field at a time: pass {field} (fields: ${d.schema.names.join(', ')})`);
    return exportField(d, this.#field(field, 'memoryview'), field);
  }

  // --- verbs after loading: masks, value counts, top-n, derive/assign, concat, join ------------------------

  /**
   * A row mask of `field op value` (pandas `df.delay > 300`): one typed pass over the column, no callback
   * per row. Combine masks with {@link maskOr}/{@link maskNot}/{@link maskAnd}; keep the rows with
   * `filter(mask)`. To keep the rows where several comparisons all hold, pass them to `filter` as conditions
   * (`filter([['delay', '>', 300], ['origin', '==', 'LAX']])`): one fused pass, no masks.
   * @param field - A scalar field (number, bool, date, timestamp, category, utf8).
   * @param op - `'==' '!=' '<' '<=' '>' '>='` against one value, `'in'` against an array (or Set) of values,
   *   `'isNull'`/`'notNull'` (no value: NaN and missing categories are null).
   * @param value - A number (a bigint or safe integer for 64-bit fields), a string for a category field.
   * @returns A **new** `Uint8Array` of 0/1, one byte per row.
   * @throws {@link AttributeError} for an unknown field; `TypeError` for a vector field, a value of the wrong
   *   type, or an ordering operator on an unordered category; {@link ValueError} for an unknown operator.
   * @remarks O(length); allocates the mask. NaN compares false except `!=` (true), as pandas. Ordering
   *   operators on an ordered category compare by category order (values that are not categories throw).
   * @example
   * ```ts
   * const late = flights.where('delay', '>', 300);
   * flights.filter(maskOr(late, flights.where('origin', '==', 'LAX')));
   * ```
   */
  where(field: FieldName<S>, op: WhereOp, value?: unknown): Uint8Array {
    const d = this.#d;
    const f = this.#field(field, 'where');
    return maskOf(rowTest(f, d, checkWhereOp(op), value), d.length);
  }

  /**
   * Counts of each distinct combination of `fields` (pandas `DataFrame.value_counts`), most frequent first:
   * a **new** RecordStore with the key fields then `count` (uint32), or `proportion` (float64) with
   * `normalize`.
   * @param fields - One field name or several.
   * @param options - `normalize`: proportions of the counted rows instead of counts; `dropna` (default
   *   true): rows with a null key (missing category, NaN) are not counted; with `false` each null combination
   *   is counted too.
   * @returns A new store, one record per combination; ties keep the key order of {@link RecordStore.groupBy}.
   * @throws as {@link RecordStore.groupBy}; {@link ValueError} when a key is named `count`/`proportion`.
   * @remarks Two keys whose id ranges multiply to at most `max(length, 65536)` (two category fields, small
   *   integer ranges) are counted in one pass over the rows into a table of that size, with no per-row id;
   *   other keys group as {@link RecordStore.groupBy}. Then a stable radix sort of the counts: O(length + ids).
   * @example
   * ```ts
   * flights.valueCounts(['origin', 'destination']).head(10); // top-10 routes
   * ```
   */
  valueCounts(fields: FieldName<S> | readonly FieldName<S>[], options: StoreValueCountsOptions = {}): RecordStore<Schema> {
    const keys = fieldNames(fields, 'RecordStore.valueCounts');
    if (typeof options !== 'object' || options === null) throwType(`RecordStore.valueCounts: options must be an object, got ${describe(options)}`);
    const normalize = options.normalize ?? false;
    const dropna = options.dropna ?? true;
    if (typeof normalize !== 'boolean' || typeof dropna !== 'boolean') throwType('RecordStore.valueCounts: normalize and dropna are booleans');
    const out = normalize ? 'proportion' : 'count';
    for (const k of keys) if (k === out) throwValue(`RecordStore.valueCounts: a key field is named ${describe(out)}, the name of the output`);
    const infos = keys.map((k) => this.#field(k, 'valueCounts'));
    const pair = new Set(infos).size === infos.length ? pairValueCounts(this.#d, infos, out) : null; // a repeated key: groupBy's error
    let counted =
      pair !== null
        ? fromParts(parseSchema(pair.entries), pair, pair.length)
        : ((this as unknown as RecordStore<Schema>).groupBy(keys).agg({ [out]: ['count'] }) as RecordStore<Schema>);
    if (!dropna) {
      const nulls = nullKeyColumns(this as unknown as CountableStore, keys, out);
      counted = RecordStore.concat([counted, RecordStore.fromColumns(nulls.cols as Record<string, ColumnInput>, nulls.schema)]);
    }
    // The one-pass pair counts come sorted; anything else (or with the null combinations added) is sorted here.
    if (pair === null || !dropna) counted = counted.sortBy(out, { descending: true });
    if (!normalize) return counted;
    const c = counted.column(out) as Uint32Array;
    let total = 0;
    for (let g = 0; g < c.length; g++) total += c[g]!;
    const p = new Float64Array(c.length);
    for (let g = 0; g < c.length; g++) p[g] = c[g]! / total;
    const cols: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const k of keys) cols[k] = counted.column(k);
    cols[out] = p;
    return RecordStore.fromColumns(cols as Record<string, ColumnInput>, Object.fromEntries([...keys.map((k) => [k, counted.schema[k]!] as const), [out, 'float64']]) as Schema);
  }

  /**
   * The `n` records with the largest values of a numeric field, largest first (pandas `nlargest`, ties keep
   * the first occurrence): a **new** RecordStore.
   * @param n - How many (fewer when the store has fewer non-NaN values).
   * @param field - A numeric field.
   * @returns A new store (copies).
   * @throws {@link AttributeError} for an unknown field; `TypeError` for a category or vector field or a
   *   non-integer `n`; {@link ValueError} for a negative `n`.
   * @remarks O(length × log n) with a bounded heap (no full sort); NaN never qualifies.
   */
  nlargest(n: number, field: FieldName<S>): RecordStore<S> {
    return this.#top(n, field, false, 'nlargest');
  }

  /**
   * The `n` records with the smallest values of a numeric field, smallest first (pandas `nsmallest`).
   * @param n - How many.
   * @param field - A numeric field.
   * @returns A new store (copies).
   * @throws As {@link RecordStore.nlargest}.
   * @remarks O(length × log n); NaN never qualifies.
   */
  nsmallest(n: number, field: FieldName<S>): RecordStore<S> {
    return this.#top(n, field, true, 'nsmallest');
  }

  #top(n: number, field: FieldName<S>, smallest: boolean, op: string): RecordStore<S> {
    const d = this.#d;
    if (typeof n !== 'number' || !Number.isInteger(n)) throwType(`RecordStore.${op}: n must be an integer, got ${describe(n)}`);
    if (n < 0) throwValue(`RecordStore.${op}: n must be >= 0, got ${n}`);
    const rows = topRowsOf(d, n, this.#field(field, op), smallest, op);
    return fromParts(d.schema, takeColumns(d, rows), rows.length) as unknown as RecordStore<S>;
  }

  /**
   * A **new** RecordStore with computed fields added (arquero `derive`, pandas `df['speed'] = …`): each
   * function is called once per row with a cursor (`fn(r, i)`), and every value is checked against the
   * field's type as a write would be. A name already in the store replaces that field in place.
   * @param specs - Name → `fn(r, i)` (type inferred from the first non-null value: number → float64,
   *   bigint → int64, string → category) or `{type, fn}`.
   * @returns A new store: the existing columns **copied**, the derived ones new.
   * @throws `TypeError` naming the field and row for a value of the wrong type (and {@link OverflowError}
   *   out of range); `TypeError` for a spec that is not a function or `{type, fn}`. Nothing is changed on
   *   failure (this store is never written).
   * @remarks O(length × fields); one call per row and derived field.
   * @example
   * ```ts
   * const withSpeed = flights.derive({ speed: (r) => r.distance / r.airTime });
   * ```
   */
  derive<const D extends Readonly<Record<string, DeriveSpec<S>>>>(specs: D): RecordStore<DerivedSchema<S, D>> {
    const { added, types } = deriveColumns(specs, this.#d.length, this.cursor() as unknown as { [IDX]: number });
    return this.#withColumns(added, types) as unknown as RecordStore<DerivedSchema<S, D>>;
  }

  /**
   * A **new** RecordStore with columns added as they are (pandas `df.assign`): a TypedArray of the field's
   * dtype is **adopted** (shared with the caller, not copied); a Vector or Categorical is copied; an array is
   * converted and checked. A name already in the store replaces that field in place.
   * @param columns - Name → a TypedArray, Vector, Categorical or array of `length` values.
   * @returns A new store: the existing columns **copied**.
   * @throws {@link ValueError} for a column of the wrong length; `TypeError` for a value of the wrong type.
   * @remarks O(length × fields).
   */
  assign(columns: Readonly<Record<string, ColumnInput | { readonly array: TypedArray; readonly dtype: string }>>): RecordStore<Schema> {
    return this.#withColumns(assignedColumns(columns, this.#d.length), {});
  }

  /** This store's columns (copied) with `added` replacing or following them; `types` fixes added field types. */
  #withColumns(added: Readonly<Record<string, unknown>>, types: Readonly<Record<string, FieldSpec>>): RecordStore<Schema> {
    const base = this.copy() as unknown as RecordStore<Schema>;
    const cols: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    const entries: [string, FieldSpec | undefined][] = [];
    for (const name of base.fields) {
      const bf = base.#d.schema.byName.get(name)!;
      cols[name] = name in added ? added[name] : bf.nullable && bf.kind !== 'utf8' ? { values: base.column(name), validity: base.validity(name) } : base.column(name);
      entries.push([name, name in added ? types[name] : base.schema[name]]);
    }
    for (const name of Object.keys(added)) {
      if (base.#d.schema.byName.has(name)) continue;
      cols[name] = added[name];
      entries.push([name, types[name]]);
    }
    if (entries.every(([, t]) => t !== undefined)) return RecordStore.fromColumns(cols as Record<string, ColumnInput>, entries as unknown as Schema);
    // Some added columns carry their own type (TypedArray, Categorical, array): infer just those.
    const inferred = RecordStore.fromColumns(Object.fromEntries(entries.filter(([, t]) => t === undefined).map(([k]) => [k, cols[k]])) as Record<string, ColumnInput>);
    const full = entries.map(([k, t]) => [k, t ?? inferred.schema[k]!] as const);
    for (const [k] of entries) if (types[k] === undefined && k in added) cols[k] = inferred.column(k);
    return RecordStore.fromColumns(cols as Record<string, ColumnInput>, full as unknown as Schema);
  }

  /**
   * Stores stacked in order (pandas `pd.concat`): a **new** RecordStore. Every store must have the same fields
   * (names, order and types); category fields get the union of the categories (in order of first appearance)
   * and stay ordered only when every part is ordered over the same categories.
   * @param stores - The stores (at least one).
   * @returns A new store (copies).
   * @throws {@link ValueError} naming the first difference between schemas, or for no stores; `TypeError` for
   *   a non-store.
   * @remarks O(total rows × fields): one memcpy per numeric column part, one recode pass per category part.
   */
  static concat<T extends Schema>(stores: readonly RecordStore<T>[]): RecordStore<T> {
    return RecordStore.concatUnchecked(stores, false);
  }

  /**
   * @internal {@link RecordStore.concat}; with `unchecked`, the category codes of the stores are not scanned again
   * (`toStore` of readCsv chunks, which no one else holds: their codes are in range by construction).
   */
  static concatUnchecked<T extends Schema>(stores: readonly RecordStore<T>[], unchecked = true): RecordStore<T> {
    if (!Array.isArray(stores)) throwType(`RecordStore.concat: expected an array of stores, got ${describe(stores)}`);
    if (stores.length === 0) throwValue('RecordStore.concat: no stores to concatenate');
    const ds = stores.map((s, i) => (s instanceof RecordStore ? s.#d : throwType(`RecordStore.concat: item ${i} is not a RecordStore, got ${describe(s)}`)));
    const schema = ds[0]!.schema;
    ds.forEach((d, i) => checkSameSchema(schema, d.schema, `RecordStore.concat: store ${i}`));
    const parts = concatColumns(schema, ds, unchecked);
    return fromParts(schema, parts, parts.length) as unknown as RecordStore<T>;
  }

  /**
   * Joins with another store on key fields (pandas `merge`): a **new** RecordStore with this store's fields,
   * then the other's non-key fields (names on both sides get `suffixes`). Keys match by value: category and
   * utf8 keys by string (utf8 by its UTF-8 bytes, never decoded), numbers by value, bools, dates and
   * timestamps with their own kind; nulls (a null row, a missing category, NaN) never match; duplicate keys
   * give every pair.
   * @param other - The right store.
   * @param options - `on` (key field or fields, in both stores), `how` (`'inner'` default, `'left'`,
   *   `'right'`, `'outer'`), `suffixes` (default `['_x', '_y']`).
   * @returns A new store (copies). Row order as pandas: left order for inner/left (matches in right order),
   *   right order for right, sorted by key for outer. A field of the side a row lacks is null in a
   *   nullable field of the same type (an `int32` field becomes `{type: 'int32', nullable: true}`; a category
   *   field gets a missing category; a vector field, which cannot be nullable, NaN in a float vector). A key
   *   is taken from whichever side has the row (a utf8 field when one side's key is utf8; float64 when two
   *   numeric key dtypes differ).
   * @throws {@link AttributeError} for a key missing on either side; `TypeError` for keys of incompatible types
   *   (a string against a number, a date against a timestamp, int64 against uint64) or a vector key;
   *   {@link ValueError} for bad options or a suffixed name that collides.
   * @remarks O(left + right + output): a typed hash join over dense key ids (no per-row object).
   */
  join(other: RecordStore<Schema>, options: JoinOptions): RecordStore<Schema> {
    if (!(other instanceof RecordStore)) throwType(`RecordStore.join: other must be a RecordStore, got ${describe(other)}`);
    const j = joinParts(this.#d, other.#d, options);
    const joined = fromParts(parseSchema(j.entries), j, j.length);
    return j.sortOn === null ? joined : joined.sortBy(j.sortOn);
  }

  #field(name: unknown, op: string): FieldInfo {
    const schema = this.#d.schema;
    if (typeof name !== 'string') throwType(`RecordStore.${op}: field names are strings, got ${describe(name)}`);
    const f = schema.byName.get(name);
    if (f === undefined) throwAttribute(`RecordStore.${op}: no field ${describe(name)} (fields: ${schema.names.join(', ')})`);
    return f;
  }
}

/**
 * Records grouped by key fields (from {@link RecordStore.groupBy}).
 */
export class GroupBy<S extends Schema, K extends FieldName<S>> {
  readonly #d: StoreData;
  readonly #keys: readonly FieldInfo[];

  /** @internal */
  constructor(d: StoreData, keys: readonly FieldInfo[]) {
    this.#d = d;
    this.#keys = keys;
  }

  /** The key fields. */
  get keys(): readonly K[] {
    return this.#keys.map((f) => f.name as K);
  }

  /**
   * Aggregates each group: a **new** RecordStore with the key fields first (category keys stay categorical),
   * then one field per output.
   * @param spec - Output name → `[op, field]` with op `'sum' | 'mean' | 'min' | 'max' | 'count' | 'first' |
   *   'last'`, or `['count']` for rows per group. NaN (and missing categories) are skipped as pandas does:
   *   `sum` of none is 0, `mean`/`min`/`max`/`first`/`last` of none is NaN (null for a category).
   * @returns A new store, one record per group. Types: `sum` → float64 (int64/uint64 for 64-bit fields,
   *   checked: {@link OverflowError}), `mean` → float64, `count` → uint32, others keep the field's type.
   * @throws {@link AttributeError} for an unknown field; {@link ValueError} for an unknown op, an output named
   *   like a key, or no outputs; `TypeError` for `sum`/`mean` of a category, `min`/`max` of an unordered
   *   category, or a vector field other than count/first/last.
   * @remarks O(n) per key (radix sort for numeric keys) plus one typed kernel pass per output.
   * @example
   * ```ts
   * store.groupBy('kind').agg({ total: ['sum', 'x'], n: ['count'] });
   * ```
   */
  agg<const A extends Readonly<Record<string, AggSpecOf<S>>>>(spec: A): RecordStore<AggSchema<S, K, A>> {
    const parts = aggregate(this.#d, this.#keys, spec as Readonly<Record<string, readonly [AggOp, string] | readonly ['count']>>);
    return fromParts(parseSchema(parts.entries), parts, parts.length) as unknown as RecordStore<AggSchema<S, K, A>>;
  }
}

/**
 * Makes an empty {@link RecordStore}: struct-of-arrays records for a schema.
 * @param schema - Field name → dtype or typecode (`'float64'`, `'i'`), `'category'`, `[dtype, n]` (a
 *   fixed-size vector field), or `{type, default}`; or `[name, spec]` entries.
 * @param options - `capacity`: records to allocate up front.
 * @returns A new empty store. TypeScript infers the record type (`get(i).x` is `number`; an int64 field
 *   `bigint`; a category field `string | null`; a vector field a TypedArray).
 * A field name is any non-empty string; one that is an identifier and shadows no view member (`index`,
 * `toObject`, `constructor`, `__proto__`, …) is also a property of record views, the others are read with
 * `getField`/`setField`.
 * @throws {@link ValueError} for a duplicate or empty field name, an unknown dtype, an empty schema or a bad
 *   vector size; `TypeError` for a non-string field name, a malformed spec or default; {@link OverflowError}
 *   for a default out of range.
 * @remarks O(fields); generates the per-schema record code once per layout (cached).
 * @example
 * ```ts
 * const particles = recordStore({ pos: ['float32', 3], mass: { type: 'float64', default: 1 }, kind: 'category' });
 * const i = particles.push({ pos: [0, 1, 2], kind: 'dust' });
 * particles.get(i).mass; // 1
 * ```
 */
export function recordStore<const S extends Schema>(schema: S, options?: RecordStoreOptions): RecordStore<S>;
export function recordStore<const E extends SchemaEntries>(schema: E, options?: RecordStoreOptions): RecordStore<EntriesToSchema<E>>;
export function recordStore(schema: Schema | SchemaEntries, options?: RecordStoreOptions): RecordStore<Schema> {
  return new RecordStore<Schema>(schema, options);
}
