/**
 * Public types of RecordStore: record views and cursors, column and aggregate types.
 *
 * @packageDocumentation
 */
import type { Categorical } from '../categorical.js';
import type { ArrayOf, DTypeLike, DTypeOfArray, ResolveDType, TypedArray } from '../dtype.js';
import type { AggOp } from './group-by.js';
import type { FieldValue, ObjectOf, RecordOf, TypeOfSpec } from './schema.js';
import type { Utf8Column } from './utf8-column.js';
import type { NullableColumn } from './from-columns.js';

/** Options of {@link recordStore}. */
export interface RecordStoreOptions {
  /** Records to allocate room for up front (default 0: the first push allocates 8). */
  readonly capacity?: number | undefined;
}

/** Members every record view has besides its fields. */
export type RecordViewMembers<S> = {
  /** The row this view reads and writes (read-only on a view; movable on a cursor). */
  readonly index: number;
  /** A detached plain copy of the record (vector fields copied; date and timestamp fields as `Date`s). */
  toObject(): ObjectOf<S>;
  /** Same as `toObject()`, so `JSON.stringify(view)` shows the fields (bigints still need a replacer). */
  toJSON(): ObjectOf<S>;
};

/**
 * A record view: typed getters/setters over row `index` of the store (`view.x += 1` writes the column).
 * Non-extensible: writing an unknown name throws {@link AttributeError}.
 */
export type RecordView<S> = RecordOf<S> & RecordViewMembers<S>;

/** A movable record view: one object for a whole scan (`while (c.next()) sum += c.x`). */
export type RecordCursor<S> = RecordOf<S> & {
  /** Current row (`-1` before the first `next()`); assigning moves the cursor (negative counts from the end). */
  index: number;
  /** Moves to row `i` (negative counts from the end); returns the cursor. @throws {@link IndexError} */
  moveTo(i: number): RecordCursor<S>;
  /** Moves to the next row; `false` (and parked past the end) when there is none. */
  next(): boolean;
  /** Back before the first row. */
  reset(): RecordCursor<S>;
  /** A detached plain copy of the current record. */
  toObject(): ObjectOf<S>;
  /** Same as `toObject()`. */
  toJSON(): ObjectOf<S>;
};

/** What {@link RecordStore.column} returns for a field type (distributes over unions). */
export type ColumnOfFieldType<T> = T extends 'category'
  ? Categorical<string>
  : T extends 'utf8' | 'string'
    ? Utf8Column
    : T extends 'bool'
      ? Uint8Array
      : T extends 'date'
        ? Int32Array
        : T extends 'timestamp'
          ? Float64Array
          : T extends DTypeLike
            ? ArrayOf[ResolveDType<T>]
            : T extends readonly [infer D extends DTypeLike, number]
              ? ArrayOf[ResolveDType<D>]
              : never;

/** What {@link RecordStore.column} returns for a field: its TypedArray (alias), or its Categorical. */
export type ColumnOf<F> = ColumnOfFieldType<TypeOfSpec<F>>;

/** Field names of a schema. */
export type FieldName<S> = keyof S & string;

/** Options of {@link RecordStore.sortBy}. */
export interface SortOptions {
  /** Sort descending (one flag, or one per key). Stable either way; NaN and missing sort last. */
  readonly descending?: boolean | readonly boolean[] | undefined;
}

/** One aggregate of {@link GroupBy.agg}: `[op, field]`, or `['count']` for rows per group. */
export type AggSpecOf<S> = readonly [AggOp, FieldName<S>] | readonly ['count'];

/** The field type an aggregate produces. */
export type AggResultType<S, A> = A extends readonly ['count', ...unknown[]]
  ? 'uint32'
  : A extends readonly ['mean', unknown]
    ? 'float64'
    : A extends readonly ['sum', infer F extends keyof S]
      ? FieldValue<S[F]> extends bigint
        ? TypeOfSpec<S[F]>
        : 'float64'
      : A extends readonly [AggOp, infer F extends keyof S]
        ? TypeOfSpec<S[F]>
        : never;

/** The schema of `groupBy(keys).agg(spec)`: the keys' types, then one field per output. */
export type AggSchema<S, K extends keyof S, A> = { readonly [P in K]: TypeOfSpec<S[P]> } & {
  readonly [O in keyof A]: AggResultType<S, A[O]>;
};

/** Column inputs {@link RecordStore.fromColumns} accepts. */
export type ColumnInput =
  | TypedArray
  | Categorical<string>
  | Utf8Column
  | NullableColumn
  | readonly (number | null)[]
  | readonly (bigint | null)[]
  | readonly (string | null)[]
  | readonly (boolean | null)[]
  | readonly (Date | null)[];

/** The schema {@link RecordStore.fromColumns} infers from column types. */
export type ColumnsSchema<C> = {
  readonly [K in keyof C]: C[K] extends TypedArray
    ? DTypeOfArray<C[K]>
    : C[K] extends Utf8Column
      ? 'utf8'
      : C[K] extends Categorical<string> | readonly (string | null)[]
        ? 'category'
        : C[K] extends readonly bigint[]
          ? 'int64'
          : 'float64';
};
