/**
 * RecordStore schemas: what a user writes (`{x: 'float64', kind: 'category', pos: ['float32', 3]}`), the
 * record types TypeScript infers from it, and the validated internal form the store is built on.
 *
 * @packageDocumentation
 */
import { DTYPES, resolveDType, type ArrayOf, type DType, type DTypeInfo, type DTypeLike, type InputOf, type ResolveDType, type ValueOf } from '../dtype.js';
import { describe, throwType, throwValue } from '../errors.js';
import { checkScalar } from './field-values.js';

// --- what users write --------------------------------------------------------------------------

/** A fixed-size vector field: `[dtype, n]` stores `n` elements of `dtype` per record (`pos: ['float32', 3]`). */
export type VectorFieldType = readonly [DTypeLike, number];

/**
 * The scalar types that are not dtypes: `'utf8'` (alias `'string'`: UTF-8 bytes + Int32 offsets, as Arrow's
 * Utf8), `'bool'` (a Uint8Array of 0/1), `'date'` (Int32 days since 1970-01-01) and `'timestamp'` (Float64
 * milliseconds since 1970-01-01T00:00:00Z).
 */
export type ScalarFieldType = 'utf8' | 'string' | 'bool' | 'date' | 'timestamp';

/**
 * The type of one field: a dtype or typecode, `'category'` (a Categorical column of strings), a
 * {@link ScalarFieldType}, or `[dtype, n]`.
 */
export type FieldType = DTypeLike | 'category' | ScalarFieldType | VectorFieldType;

/**
 * A field given as an object: `{type: 'float64', default: 0}` (used by `push`/`extend` when the field is
 * absent), `{type: 'int32', nullable: true}` (accepts `null`; absent means `null` unless a default is given).
 */
export interface FieldWithDefault<T extends FieldType = FieldType> {
  /** The field's type. */
  readonly type: T;
  /** Value used when a pushed object lacks the field (validated when the schema is made). */
  readonly default?: unknown;
  /**
   * The field takes `null` (a validity bitmap in Arrow's layout, made at the first null; the value slot of a
   * null holds 0). Not for vector fields. Category fields always take `null`.
   */
  readonly nullable?: boolean;
}

/** One schema entry: a {@link FieldType} or a {@link FieldWithDefault}. */
export type FieldSpec = FieldType | FieldWithDefault;

/** A schema: field name → {@link FieldSpec}, in declaration order. */
export type Schema = { readonly [name: string]: FieldSpec };

/** A schema given as `[name, spec]` entries (duplicates are detected: `ValueError`). */
export type SchemaEntries = readonly (readonly [string, FieldSpec])[];

/** The {@link Schema} an entries list stands for. */
export type EntriesToSchema<E extends SchemaEntries> = { readonly [P in E[number] as P[0]]: P[1] };

/** The type part of a field spec. */
export type TypeOfSpec<F> = F extends {
  /** The field type of a `{type, default}` spec. */
  readonly type: infer T;
}
  ? T
  : F;

/**
 * Per field type, what it reads back as (`value`) and what a write to it accepts (`input`); distributes over
 * unions. The one table {@link ValueOfFieldType} and {@link InputOfFieldType} read.
 */
export type FieldTypeIO<T> = T extends 'category'
  ? { value: string | null; input: string | null }
  : T extends 'utf8' | 'string'
    ? { value: string; input: string }
    : T extends 'bool'
      ? { value: boolean; input: boolean }
      : T extends 'date' | 'timestamp'
        ? { value: number; input: number | Date | string }
        : T extends DTypeLike
          ? { value: ValueOf<ResolveDType<T>>; input: InputOf<ResolveDType<T>> }
          : T extends readonly [infer D extends DTypeLike, number]
            ? { value: ArrayOf[ResolveDType<D>]; input: ArrayLike<InputOf<ResolveDType<D>>> }
            : never;

/** The value a field type reads back as (distributes over unions). */
export type ValueOfFieldType<T> = FieldTypeIO<T>['value'];

/** What a write to a field type accepts (distributes over unions). */
export type InputOfFieldType<T> = FieldTypeIO<T>['input'];

/** `T | null` for a nullable field spec, `T` otherwise. */
export type OrNull<F, T> = F extends {
  /** Set on a nullable field. */
  readonly nullable: true;
}
  ? T | null
  : T;

/**
 * The value a field reads back as: `number`, `bigint` (64-bit ints), `string | null` (category), `string`
 * (utf8), `boolean`, a day or millisecond number (date, timestamp), or a TypedArray (vector field); `| null`
 * when the field is nullable.
 */
export type FieldValue<F> = OrNull<F, ValueOfFieldType<TypeOfSpec<F>>>;

/** What `toObject()` gives for a field type: a `Date` for date and timestamp fields, else the value read. */
export type ObjectValueOfFieldType<T> = T extends 'date' | 'timestamp' ? Date : ValueOfFieldType<T>;

/** What `toObject()` gives for a field (`| null` when nullable). */
export type FieldObjectValue<F> = OrNull<F, ObjectValueOfFieldType<TypeOfSpec<F>>>;

/** What a write to a field accepts: 64-bit fields also take safe-integer numbers, vector fields any array-like of `n` values. */
export type FieldInput<F> = OrNull<F, InputOfFieldType<TypeOfSpec<F>>>;

/** Keys of `S` whose spec has a default. */
export type DefaultedKeys<S> = {
  [K in keyof S]: S[K] extends {
    /** The default of a `{type, default}` spec. */
    readonly default: unknown;
  }
    ? K
    : S[K] extends {
          /** Nullable fields default to null. */
          readonly nullable: true;
        }
      ? K
      : never;
}[keyof S];

/**
 * The record type of a schema: what `get(i)` views expose and what `toObject()` returns. For the generic
 * `Schema` (fields unknown at compile time) it is `{[field: string]: unknown}`.
 */
export type RecordOf<S> = string extends keyof S ? { [field: string]: unknown } : { -readonly [K in keyof S as ViewKey<K>]: FieldValue<S[K]> };

/** The record-view and cursor members and `Object.prototype` names (fields so named are not view properties). */
type ViewMember =
  | 'index'
  | 'toObject'
  | 'toJSON'
  | 'toString'
  | 'moveTo'
  | 'next'
  | 'reset'
  | 'constructor'
  | '__proto__'
  | 'hasOwnProperty'
  | 'isPrototypeOf'
  | 'propertyIsEnumerable'
  | 'toLocaleString'
  | 'valueOf'
  | '__defineGetter__'
  | '__defineSetter__'
  | '__lookupGetter__'
  | '__lookupSetter__';
type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
/** ASCII characters that cannot occur in an identifier (non-ASCII names are not checked at the type level). */
type NonIdentifierChar =
  | ' '
  | '-'
  | '.'
  | ','
  | ':'
  | ';'
  | '/'
  | '\\'
  | '('
  | ')'
  | '['
  | ']'
  | '{'
  | '}'
  | '<'
  | '>'
  | '='
  | '+'
  | '*'
  | '&'
  | '|'
  | '!'
  | '?'
  | '@'
  | '#'
  | '%'
  | '^'
  | '~'
  | '`'
  | "'"
  | '"'
  | '\t'
  | '\n';
/** `K` when a field so named is a property of record views (an identifier, not a view member), else `never`. */
type ViewKey<K> = K extends string ? (K extends ViewMember | '' ? never : K extends `${Digit}${string}` | `${string}${NonIdentifierChar}${string}` ? never : K) : never;

/** What `toObject()`/`toObjects()` return: the record with date and timestamp fields as `Date`s. */
export type ObjectOf<S> = string extends keyof S ? { [field: string]: unknown } : { -readonly [K in keyof S]: FieldObjectValue<S[K]> };

/** What `push`/`extend` accept: every field without a default is required (any object for the generic `Schema`). */
export type RecordInput<S> = string extends keyof S
  ? { readonly [field: string]: unknown }
  : { [K in Exclude<keyof S, DefaultedKeys<S>>]: FieldInput<S[K]> } & {
      [K in DefaultedKeys<S>]?: FieldInput<S[K]> | undefined;
    };

/** A partial record for `set(i, partial)`. */
export type RecordPatch<S> = string extends keyof S ? { readonly [field: string]: unknown } : { [K in keyof S]?: FieldInput<S[K]> | undefined };

// --- the validated internal form -----------------------------------------------------------------

/**
 * How a field is stored: `number` (a dtype), `vector`, `category`, `utf8` (a Utf8 column), and the
 * TypedArray-backed scalars `bool` (uint8), `date` (int32), `timestamp` (float64). @internal
 */
export type FieldKind = 'number' | 'vector' | 'category' | 'utf8' | 'bool' | 'date' | 'timestamp';

/**
 * The type part of a field spec: `{type, default?, nullable?}` gives its `type`, anything else is already
 * a type. The one helper for every verb that rebuilds a schema (join, valueCounts, groupBy, writeCsv). @internal
 */
export function fieldType(spec: FieldSpec): FieldType {
  return typeof spec === 'object' && spec !== null && !Array.isArray(spec) ? (spec as FieldWithDefault).type : (spec as FieldType);
}

/** One validated field. @internal */
export interface FieldInfo {
  readonly name: string;
  /** The field is a property of record views (an identifier that shadows no view member). */
  readonly prop: boolean;
  /** Position in the schema (and in the store's column list). */
  readonly index: number;
  readonly kind: FieldKind;
  /**
   * Element dtype of the backing TypedArray (`uint8` for bool, `int32` for date, `float64` for timestamp;
   * `'int32'`/`'uint8'` placeholders for category and utf8 fields, whose storage is an object).
   */
  readonly dtype: DType;
  readonly info: DTypeInfo;
  /** Elements per record: `n` for a vector field, 1 otherwise. */
  readonly size: number;
  readonly hasDefault: boolean;
  /** Takes `null` through a validity bitmap (never set for category fields: their codes hold missing). */
  readonly nullable: boolean;
  /** The type name as users write it, normalized (`'int32'`, `'utf8'`, `'date'`, `'category'`, `'float32[3]'`). */
  readonly typeName: string;
  /** The validated default (a checked value, a copied TypedArray for a vector field, string/null for category). */
  readonly default: unknown;
  /** The normalized user-facing spec (`'float64'`, `['float32', 3]`, `'category'`, or `{type, default}`). */
  readonly spec: FieldSpec;
}

/** A validated schema. @internal */
export interface ParsedSchema {
  readonly fields: readonly FieldInfo[];
  readonly byName: ReadonlyMap<string, FieldInfo>;
  readonly names: readonly string[];
  /** The normalized schema, frozen (typecodes resolved, defaults kept): valid input to `recordStore`. */
  readonly normalized: Schema;
  /** A string identifying the layout and defaults (generated code is cached on it). */
  readonly signature: string;
}

/**
 * Names that are record-view or cursor members, `Object.prototype` members, or `__proto__`: a field may take
 * one (any non-empty string is a field name, as a pandas column label), but it is then not a property of
 * record views — read and write it with `getField`/`setField`. @internal
 */
export const RESERVED_FIELD_NAMES: ReadonlySet<string> = new Set([
  'index',
  'toObject',
  'toJSON',
  'toString',
  'moveTo',
  'next',
  'reset',
  'constructor',
  '__proto__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'valueOf',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u;

/**
 * Validates a field name: any non-empty string. TypeError for a non-string, ValueError for `''`. @internal
 */
export function checkFieldName(name: unknown): string {
  if (typeof name !== 'string') throwType(`RecordStore field names must be strings, got ${describe(name)}`);
  if (name.length === 0) throwValue('RecordStore field names must be non-empty strings, got ""');
  return name;
}

/**
 * True when a field is a property of record views: its name is an identifier that shadows no view member
 * (see {@link RESERVED_FIELD_NAMES}). Other names work through `getField`/`setField` and every verb. @internal
 */
export function isViewProperty(name: string): boolean {
  return IDENTIFIER.test(name) && !RESERVED_FIELD_NAMES.has(name);
}

/** Field names `Object.prototype` answers for (`constructor`, `__proto__`, `toString`, …): read only as own properties. */
function inherited(name: string): boolean {
  return name in Object.prototype;
}

/**
 * `o[name]` for a field name of a user object (a row, a column map): a name that `Object.prototype` has
 * (`constructor`, `toString`, `__proto__`) counts only as an own property, so `{}` has no field `constructor`.
 * @internal
 */
export function fieldValue(o: object, name: string): unknown {
  if (inherited(name) && !Object.prototype.hasOwnProperty.call(o, name)) return undefined;
  return (o as Record<string, unknown>)[name];
}

/** `o[name] = v` as an own data property, also for `__proto__` (a plain assignment would set the prototype). @internal */
export function putField(o: object, name: string, v: unknown): void {
  if (name === '__proto__') Object.defineProperty(o, name, { value: v, writable: true, enumerable: true, configurable: true });
  else (o as Record<string, unknown>)[name] = v;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

const SCALARS: Readonly<Record<string, { kind: FieldKind; dtype: DType; type: FieldType }>> = {
  utf8: { kind: 'utf8', dtype: 'uint8', type: 'utf8' },
  string: { kind: 'utf8', dtype: 'uint8', type: 'utf8' },
  bool: { kind: 'bool', dtype: 'uint8', type: 'bool' },
  date: { kind: 'date', dtype: 'int32', type: 'date' },
  timestamp: { kind: 'timestamp', dtype: 'float64', type: 'timestamp' },
};

/** True for the kinds stored as one plain TypedArray (numbers, vectors, bool, date, timestamp). @internal */
export function isTyped(f: FieldInfo): boolean {
  return f.kind !== 'category' && f.kind !== 'utf8';
}

function parseType(name: string, raw: unknown): { kind: FieldKind; dtype: DType; size: number; type: FieldType } {
  if (raw === 'category') return { kind: 'category', dtype: 'int32', size: 1, type: 'category' };
  if (typeof raw === 'string' && Object.prototype.hasOwnProperty.call(SCALARS, raw)) return { ...SCALARS[raw]!, size: 1 };
  if (typeof raw === 'string') {
    const dtype = resolveDType(raw);
    return { kind: 'number', dtype, size: 1, type: dtype };
  }
  if (Array.isArray(raw)) {
    if (raw.length !== 2) throwValue(`field ${describe(name)}: a vector field is [dtype, n], got an array of length ${raw.length}`);
    const [d, n] = raw as [unknown, unknown];
    if (d === 'category' || (typeof d === 'string' && Object.prototype.hasOwnProperty.call(SCALARS, d))) {
      throwValue(`field ${describe(name)}: vector fields hold numbers; ${describe(d)} cannot be a vector element`);
    }
    if (typeof d !== 'string') throwType(`field ${describe(name)}: vector element dtype must be a string, got ${describe(d)}`);
    const dtype = resolveDType(d);
    if (typeof n !== 'number') throwType(`field ${describe(name)}: vector size must be a number, got ${describe(n)}`);
    if (!Number.isInteger(n) || n < 1 || n > 65536) {
      throwValue(`field ${describe(name)}: vector size must be an integer in [1, 65536], got ${describe(n)}`);
    }
    return { kind: 'vector', dtype, size: n, type: Object.freeze([dtype, n] as const) };
  }
  return throwType(
    `field ${describe(name)}: a field type is a dtype or typecode, 'category', 'utf8', 'bool', 'date', 'timestamp', [dtype, n] or {type, default, nullable}; got ${describe(raw)}`,
  );
}

function checkDefault(name: string, kind: FieldKind, dtype: DType, size: number, nullable: boolean, value: unknown): unknown {
  const where = `default of field ${describe(name)}`;
  if (kind === 'vector') return checkVectorValue(value, DTYPES[dtype], size, where);
  return checkScalar(kind, dtype, nullable, value, where);
}

/**
 * Validates a vector-field value (an array-like of exactly `size` values for `info`) and returns a new
 * TypedArray holding them. @internal
 */
export function checkVectorValue(value: unknown, info: DTypeInfo, size: number, where: string): ArrayOf[DType] {
  if (typeof value !== 'object' || value === null || typeof (value as ArrayLike<unknown>).length !== 'number') {
    throwType(`${where}: a [${info.dtype}, ${size}] vector field takes an array-like of ${size} values, got ${describe(value)}`);
  }
  const src = value as ArrayLike<unknown>;
  if (src.length !== size) {
    throwValue(`${where}: a [${info.dtype}, ${size}] vector field takes exactly ${size} values, got ${src.length}`);
  }
  const out = info.alloc(size);
  const check = info.check;
  for (let j = 0; j < size; j++) (out as unknown as unknown[])[j] = check(src[j], `${where}[${j}]`);
  return out;
}

function defaultRepr(v: unknown): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (ArrayBuffer.isView(v)) return `[${Array.from(v as unknown as ArrayLike<unknown>, defaultRepr).join(',')}]`;
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  return JSON.stringify(v);
}

/**
 * Parses and validates a schema (object or `[name, spec]` entries).
 * @throws {@link ValueError} for a duplicate or empty field name, an unknown dtype, an empty schema, or a bad
 *   vector size. `TypeError` for a malformed spec or a default of the wrong type.
 * @throws {@link OverflowError} for a default out of its dtype's range.
 * @internal
 */
export function parseSchema(schema: unknown): ParsedSchema {
  let entries: (readonly [unknown, unknown])[];
  if (Array.isArray(schema)) {
    entries = schema.map((e: unknown, k) => {
      if (!Array.isArray(e) || e.length !== 2) throwType(`schema entry ${k} must be a [name, spec] pair, got ${describe(e)}`);
      return e as unknown as readonly [unknown, unknown];
    });
  } else if (schema instanceof Map) {
    entries = [...(schema as Map<unknown, unknown>).entries()];
  } else if (isPlainObject(schema)) {
    entries = Object.keys(schema).map((k) => [k, schema[k]] as const);
  } else {
    return throwType(`a RecordStore schema is an object of field → type (or [name, type] entries), got ${describe(schema)}`);
  }
  if (entries.length === 0) throwValue('a RecordStore schema needs at least one field');
  const fields: FieldInfo[] = [];
  const byName = new Map<string, FieldInfo>();
  const normalized: Record<string, FieldSpec> = {};
  const sig: string[] = [];
  for (const [rawName, rawSpec] of entries) {
    const name = checkFieldName(rawName);
    if (byName.has(name)) throwValue(`duplicate RecordStore field name ${describe(name)}`);
    let hasDefault = false;
    let dflt: unknown = undefined;
    let typeRaw: unknown = rawSpec;
    let nullableRaw = false;
    if (isPlainObject(rawSpec)) {
      if (!('type' in rawSpec)) throwType(`field ${describe(name)}: a field object needs a 'type' ({type, default})`);
      for (const k of Object.keys(rawSpec)) {
        if (k !== 'type' && k !== 'default' && k !== 'nullable') {
          throwValue(`field ${describe(name)}: unknown field option ${describe(k)} (valid: type, default, nullable)`);
        }
      }
      typeRaw = rawSpec.type;
      hasDefault = 'default' in rawSpec;
      dflt = rawSpec.default;
      if (rawSpec.nullable !== undefined) {
        if (typeof rawSpec.nullable !== 'boolean') throwType(`field ${describe(name)}: nullable must be a boolean, got ${describe(rawSpec.nullable)}`);
        nullableRaw = rawSpec.nullable;
      }
    }
    const { kind, dtype, size, type } = parseType(name, typeRaw);
    if (nullableRaw && kind === 'vector') throwValue(`field ${describe(name)}: vector fields cannot be nullable`);
    const nullable = nullableRaw && kind !== 'category';
    const explicitDefault = hasDefault;
    const value = hasDefault ? checkDefault(name, kind, dtype, size, nullable, dflt) : nullable ? null : undefined;
    if (nullable) hasDefault = true; // absent means null unless a default is given
    const shown = ArrayBuffer.isView(value) ? (value as unknown as { slice(): unknown }).slice() : value;
    const spec: FieldSpec =
      explicitDefault || nullableRaw ? Object.freeze({ type, ...(explicitDefault ? { default: shown } : {}), ...(nullableRaw ? { nullable: true } : {}) }) : type;
    const typeName = kind === 'vector' ? `${dtype}[${size}]` : kind === 'number' ? dtype : kind;
    const f: FieldInfo = Object.freeze({
      name,
      prop: isViewProperty(name),
      index: fields.length,
      kind,
      dtype,
      info: DTYPES[dtype] as DTypeInfo,
      size,
      hasDefault,
      nullable,
      typeName,
      default: value,
      spec,
    });
    fields.push(f);
    byName.set(name, f);
    putField(normalized, name, spec);
    sig.push(`${JSON.stringify(name)}:${typeName}${nullable ? '?' : ''}${hasDefault ? `=${defaultRepr(value)}` : ''}`);
  }
  return Object.freeze({
    fields: Object.freeze(fields),
    byName,
    names: Object.freeze(fields.map((f) => f.name)),
    normalized: Object.freeze(normalized),
    signature: sig.join(';'),
  });
}
