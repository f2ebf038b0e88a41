/**
 * Record views, cursors and the per-schema row code (push, batch validation, toObject), generated once per
 * schema layout.
 *
 * A record view is a flyweight `{store data, index}` object whose fields are getters/setters on a generated
 * prototype (no Proxy per record). Each accessor is its own function (distinct source text, so V8 keeps
 * separate type feedback per field and dtype). The prototype chain ends in one shared sentinel whose `set`
 * trap turns a write of an unknown name into an `AttributeError` (Python's `__slots__` rule); known fields
 * never reach it. Views are *not* made non-extensible: `Object.preventExtensions` cost ~30 ns a view (most of
 * a `get(i)`) and keeps V8 from scalar-replacing a view in a hot loop, and plain assignment of an unknown
 * name already throws through the sentinel (only `Object.defineProperty` on a view can still add a
 * property, which no Python-faithful code path does). A view is two in-object fields (store data, index),
 * defined as class fields (a plain assignment would reach the sentinel), so `for (const r of store)` and `get(i).x`
 * can be inlined and the view elided (bench/record-store.bench.ts, "scan-sum x" and "for…of sum x"). A
 * throw written inline in an accessor would stop that (V8's escape analysis gives up on the view), which is
 * one more reason every throw here is an out-of-line helper.
 *
 * Environments that forbid `new Function` (strict CSP) get an equivalent closure-based kit: same behaviour,
 * slower accessors (internal/codegen.ts decides which).
 *
 * @internal
 * @packageDocumentation
 */
import type { DType, TypedArray } from '../dtype.js';
import { describe, throwAttribute, throwType } from '../errors.js';
import { normalizeIndex } from '../internal/bounds.js';
import { generate, onCodegenReset } from '../internal/codegen.js';
import { checkVectorValue, fieldValue, putField, type FieldInfo, type ParsedSchema } from './schema.js';
import { appendValue, checkScalar, objectValue, readValue, writeValue } from './field-values.js';
import { badRow, grow, locked, pushOwned, staleView, writeCategory, type CategoryColumn, type StoreData } from './store-data.js';

/** Key of a view's store data. @internal */
export const DATA: unique symbol = Symbol('compactly.record.data');
/** Key of a view's row index. @internal */
export const IDX: unique symbol = Symbol('compactly.record.index');
const FIELDS: unique symbol = Symbol('compactly.record.fields');
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

/** The shared end of every view prototype chain: unknown writes throw AttributeError. */
const SEALED: object = new Proxy(Object.create(Object.prototype) as object, {
  set(_target, key, _value, receiver: { [FIELDS]?: readonly string[] }): boolean {
    const fields = receiver[FIELDS];
    return throwAttribute(`record has no field ${describe(key)}${fields ? ` (fields: ${fields.join(', ')})` : ''}; records are fixed like __slots__: add the field to the schema`);
  },
});

/** What the store does with one schema layout. @internal */
export interface RowKit {
  /** Record view class: `new View(data, index)`. */
  readonly View: new (d: StoreData, i: number) => object;
  /** Cursor class: `new Cursor(data)`, positioned before the first row. */
  readonly Cursor: new (d: StoreData) => object;
  /**
   * Iterator class of `for (const r of store)`: a new view per step (views stay valid after the loop). A
   * class rather than a generator, and one per schema so its `new RecordView` is monomorphic: V8 inlines
   * `next()` and can scalar-replace both the step result and the view. `next()` has exactly one allocation
   * site for each (V8's escape analysis gives up on a phi of two allocations), so the final step's `value`
   * is a view past the end rather than `undefined` (for…of never reads it).
   */
  readonly Rows: new (d: StoreData) => Iterator<object> & Iterable<object>;
  /** Validates one object and appends it; returns its index. */
  readonly push: (d: StoreData, o: unknown) => number;
  /**
   * Validates `m` objects into per-field temporaries (TypedArrays for numeric/vector fields, value lists for
   * category fields) without touching the store.
   */
  readonly validate: (objs: ArrayLike<unknown>, m: number, tmp: unknown[]) => void;
  /** A detached plain object of row `i` (vector fields copied). */
  readonly toObject: (d: StoreData, i: number) => Record<string, unknown>;
  /**
   * The `get(i)` of a store over `d`: a closure per store, kept as the store's own `get`, so a loop over one
   * store calls one function whose `new RecordView` is monomorphic (V8 inlines both and can scalar-replace the
   * view) however many schemas the process uses; a shared `RecordStore.prototype.get` would see every
   * schema's view class and allocate each view.
   */
  readonly viewAt: (d: StoreData) => (i: number) => object;
  /**
   * The `forEach(fn)` of a store over `d`, kept as the store's own `forEach` as {@link RowKit.viewAt} is: a new
   * view per row (valid after the loop), one `new RecordView` site per schema and one function per store, small
   * enough for V8 to inline into the caller together with `fn`, and then to elide the view.
   */
  readonly eachOf: (d: StoreData) => (this: unknown, fn: (view: object, i: number, store: unknown) => void) => void;
}

const FAST: Readonly<Record<DType, (v: string) => string>> = {
  float64: (v) => `typeof ${v} === 'number'`,
  float32: (v) => `typeof ${v} === 'number'`,
  int8: (v) => `typeof ${v} === 'number' && (${v} << 24 >> 24) === ${v}`,
  uint8: (v) => `typeof ${v} === 'number' && (${v} & 255) === ${v}`,
  int16: (v) => `typeof ${v} === 'number' && (${v} << 16 >> 16) === ${v}`,
  uint16: (v) => `typeof ${v} === 'number' && (${v} & 65535) === ${v}`,
  int32: (v) => `typeof ${v} === 'number' && (${v} | 0) === ${v}`,
  uint32: (v) => `typeof ${v} === 'number' && (${v} >>> 0) === ${v}`,
  int64: (v) => `typeof ${v} === 'bigint' && ${v} >= -9223372036854775808n && ${v} <= 9223372036854775807n`,
  uint64: (v) => `typeof ${v} === 'bigint' && ${v} >= 0n && ${v} <= 18446744073709551615n`,
};

function where(f: FieldInfo, row: number, op: string): string {
  return `RecordStore.${op}${row >= 0 ? ` row ${row}` : ''} field ${describe(f.name)}`;
}

/** Helpers the generated code calls out of line (throws and rare paths). */
function helpers(schema: ParsedSchema) {
  const fields = schema.fields;
  return {
    stale: staleView,
    locked,
    grow,
    badRow,
    slow(k: number, v: unknown, row: number, op: string): unknown {
      const f = fields[k]!;
      return f.info.check(v, where(f, row, op));
    },
    vec(k: number, v: unknown, row: number, op: string): TypedArray {
      const f = fields[k]!;
      return checkVectorValue(v, f.info, f.size, where(f, row, op));
    },
    catBad(k: number, v: unknown, row: number, op: string): never {
      return throwType(`${where(fields[k]!, row, op)}: a category field takes a string or null, got ${describe(v)}`);
    },
    missing(k: number, row: number, op: string): never {
      return throwType(`${where(fields[k]!, row, op)} is missing and the schema gives no default`);
    },
    notCallback(fn: unknown): never {
      return throwType(`RecordStore.forEach: expected a function, got ${describe(fn)}`);
    },
    readonlyIndex(): never {
      return throwAttribute("a record view's index is read-only (use store.cursor() for a movable view)");
    },
    normIndex(i: number, d: StoreData): number {
      return normalizeIndex(i, d.length, 'RecordStore cursor');
    },
    rowIndex(i: number, d: StoreData): number {
      return normalizeIndex(i, d.length, 'RecordStore');
    },
    inspect(view: Record<PropertyKey, unknown>, _depth: number, opts: unknown, inspect?: (x: unknown, o: unknown) => string): string {
      const d = view[DATA] as StoreData;
      const i = view[IDX] as number;
      if (i < 0 || i >= d.length) return `Record <not on a row: index ${i}>`;
      const obj = (view as { toObject(): unknown }).toObject();
      return `Record ${inspect ? inspect(obj, opts) : JSON.stringify(obj)}`;
    },
    field: fieldValue,
    catSet: writeCategory,
    catPush: pushOwned,
    // Nullable fields and the utf8/bool/date/timestamp kinds go through these (field-values.ts).
    check(k: number, v: unknown, row: number, op: string): unknown {
      const f = fields[k]!;
      return checkScalar(f.kind, f.dtype, f.nullable, v, where(f, row, op));
    },
    read(k: number, d: StoreData, i: number): unknown {
      return readValue(d, fields[k]!, i);
    },
    obj(k: number, d: StoreData, i: number): unknown {
      return objectValue(d, fields[k]!, i);
    },
    write(k: number, d: StoreData, i: number, v: unknown): void {
      writeValue(d, fields[k]!, i, v);
    },
    append(k: number, d: StoreData, n: number, v: unknown): void {
      appendValue(d, fields[k]!, n, v);
    },
  };
}

/** True for fields whose values go through the field-values helpers (not a plain dtype, vector or category). @internal */
export function isSpecial(f: FieldInfo): boolean {
  return f.nullable || (f.kind !== 'number' && f.kind !== 'vector' && f.kind !== 'category');
}

type Helpers = ReturnType<typeof helpers>;

let generation = 0;
const KITS = new Map<string, RowKit>();
onCodegenReset(() => KITS.clear());

/**
 * The row kit for a schema, generated on first use (the closure kit where code generation is forbidden) and
 * cached by layout signature.
 * @internal
 */
export function rowKit(schema: ParsedSchema): RowKit {
  let kit = KITS.get(schema.signature);
  if (kit === undefined) {
    kit = generateKit(schema);
    if (KITS.size >= 512) KITS.clear();
    KITS.set(schema.signature, kit);
  }
  return kit;
}

// --- code generation ---------------------------------------------------------------------------------

function readField(f: FieldInfo, v: string, row: string, op: string): string {
  const k = f.index;
  const dflt = f.hasDefault ? `${v} = D${k};` : `H.missing(${k}, ${row}, '${op}');`;
  // A name Object.prototype has (constructor, __proto__, …) is read as an own property only (schema.ts fieldValue).
  const key = JSON.stringify(f.name);
  const get = f.name in Object.prototype ? `H.field(o, ${key})` : `o[${key}]`;
  const head = `let ${v} = ${get}; if (${v} === undefined) ${dflt}`;
  if (isSpecial(f)) return `${head} else ${v} = H.check(${k}, ${v}, ${row}, '${op}');`;
  if (f.kind === 'category') {
    return `${head} else if (${v} !== null && typeof ${v} !== 'string') H.catBad(${k}, ${v}, ${row}, '${op}');`;
  }
  if (f.kind === 'vector') {
    return `${head} else ${v} = H.vec(${k}, ${v}, ${row}, '${op}');`;
  }
  return `${head} else if (!(${FAST[f.dtype](v)})) ${v} = H.slow(${k}, ${v}, ${row}, '${op}');`;
}

function generateKit(schema: ParsedSchema): RowKit {
  const fields = schema.fields;
  const id = `${++generation}`;
  const lines: string[] = [`'use strict'; /* compactly RecordStore row kit #${id}: ${schema.signature.replace(/\*\//g, '*\\/')} */`];
  for (const f of fields) if (f.hasDefault) lines.push(`const D${f.index} = INFOS[${f.index}].default;`);

  // View class
  const members: string[] = [];
  for (const f of fields) {
    if (!f.prop) continue; // not an identifier, or a view member: getField/setField only
    const k = f.index;
    const key = `[${JSON.stringify(f.name)}]`;
    const pre = `const d = this[DATA], i = this[IDX]; if ((i >>> 0) >= d.length) H.stale(i, d);`;
    if (isSpecial(f)) {
      members.push(`get ${key}() { /* ${id}.${k} */ ${pre} return H.read(${k}, d, i); }`);
      members.push(`set ${key}(v) { /* ${id}.${k} */ ${pre} H.write(${k}, d, i, H.check(${k}, v, -1, 'set')); }`);
    } else if (f.kind === 'number') {
      members.push(`get ${key}() { /* ${id}.${k} */ ${pre} return d.cols[${k}][i]; }`);
      members.push(`set ${key}(v) { /* ${id}.${k} */ ${pre} if (!(${FAST[f.dtype]('v')})) v = H.slow(${k}, v, -1, 'set'); d.cols[${k}][i] = v; }`);
    } else if (f.kind === 'vector') {
      const n = f.size;
      members.push(`get ${key}() { /* ${id}.${k} */ ${pre} return d.cols[${k}].subarray(i * ${n}, i * ${n} + ${n}); }`);
      members.push(`set ${key}(v) { /* ${id}.${k} */ ${pre} d.cols[${k}].set(H.vec(${k}, v, -1, 'set'), i * ${n}); }`);
    } else {
      members.push(`get ${key}() { /* ${id}.${k} */ ${pre} return d.cols[${k}].get(i); }`);
      members.push(`set ${key}(v) { /* ${id}.${k} */ ${pre} if (v !== null && typeof v !== 'string') H.catBad(${k}, v, -1, 'set'); H.catSet(d.cols[${k}], i, v); }`);
    }
  }
  lines.push(`class RecordView {
  [DATA]; [IDX];
  constructor(d, i) { this[DATA] = d; this[IDX] = i; }
  get index() { return this[IDX]; }
  set index(v) { H.readonlyIndex(); }
  toObject() { const d = this[DATA], i = this[IDX]; if ((i >>> 0) >= d.length) H.stale(i, d); return toObject(d, i); }
  toJSON() { return this.toObject(); }
  [INSPECT](depth, opts, inspect) { return H.inspect(this, depth, opts, inspect); }
  ${members.join('\n  ')}
}`);
  lines.push(`class RecordCursor extends RecordView {
  constructor(d) { super(d, -1); }
  get index() { return this[IDX]; }
  set index(i) { this[IDX] = H.normIndex(i, this[DATA]); }
  moveTo(i) { const d = this[DATA]; this[IDX] = typeof i === 'number' && (i >>> 0) === i && i < d.length ? i : H.normIndex(i, d); return this; }
  next() { const i = this[IDX] + 1, n = this[DATA].length; if (i < n) { this[IDX] = i; return true; } this[IDX] = n; return false; }
  reset() { this[IDX] = -1; return this; }
}`);

  // toObject
  const props = fields.map((f) => {
    const k = f.index;
    const key = `[${JSON.stringify(f.name)}]`; // computed: also an own property for '__proto__'
    if (isSpecial(f)) return `${key}: H.obj(${k}, d, i)`;
    if (f.kind === 'number') return `${key}: c[${k}][i]`;
    if (f.kind === 'vector') return `${key}: c[${k}].slice(i * ${f.size}, i * ${f.size} + ${f.size})`;
    return `${key}: c[${k}].get(i)`;
  });
  lines.push(`function toObject(d, i) { /* ${id} */ const c = d.cols; return { ${props.join(', ')} }; }`);

  // push: validate every field into locals, then grow, then write (categories first: they are the only
  // writes that could still fail, and then nothing else has been written).
  const reads = fields.map((f) => readField(f, `v${f.index}`, '-1', 'push'));
  const catWrites = fields.filter((f) => f.kind === 'category').map((f) => `H.catPush(c[${f.index}], v${f.index});`);
  const specialWrites = fields.filter(isSpecial).map((f) => `H.append(${f.index}, d, n, v${f.index});`);
  const numWrites = fields
    .filter((f) => f.kind !== 'category' && !isSpecial(f))
    .map((f) => (f.kind === 'number' ? `c[${f.index}][n] = v${f.index};` : `c[${f.index}].set(v${f.index}, n * ${f.size});`));
  lines.push(`function push(d, o) { /* ${id} */
  if (d.lock.count !== 0) H.locked(d, 'push');
  if (typeof o !== 'object' || o === null) H.badRow(o, -1);
  ${reads.join('\n  ')}
  const n = d.length;
  if (n >= d.capacity) H.grow(d, n + 1);
  const c = d.cols;
  ${catWrites.join(' ')}
  ${specialWrites.join(' ')}
  ${numWrites.join(' ')}
  d.length = n + 1;
  return n;
}`);

  // validate: rows → temporaries
  const vreads = fields.map((f) => readField(f, `v${f.index}`, 'j', 'extend'));
  const vwrites = fields.map((f) => {
    const k = f.index;
    if (f.kind === 'number') return `t${k}[j] = v${k};`;
    if (f.kind === 'vector') return `t${k}.set(v${k}, j * ${f.size});`;
    return `t${k}[j] = v${k};`;
  });
  lines.push(`function validate(objs, m, tmp) { /* ${id} */
  ${fields.map((f) => `const t${f.index} = tmp[${f.index}];`).join(' ')}
  for (let j = 0; j < m; j++) {
    const o = objs[j];
    if (typeof o !== 'object' || o === null) H.badRow(o, j);
    ${vreads.join('\n    ')}
    ${vwrites.join(' ')}
  }
}`);
  lines.push(`Object.defineProperty(RecordView.prototype, FIELDS, { value: NAMES });`);
  lines.push(`Object.setPrototypeOf(RecordView.prototype, SEALED);`);
  lines.push(`class Rows {
  constructor(d) { this.d = d; this.i = 0; }
  next() { const d = this.d, i = this.i, done = i >= d.length; this.i = done ? d.length : i + 1; return { value: new RecordView(d, i), done }; }
  [Symbol.iterator]() { return this; }
}`);
  lines.push(`function viewAt(d) {
  return function get(i) { return new RecordView(d, typeof i === 'number' && (i >>> 0) === i && i < d.length ? i : H.rowIndex(i, d)); };
}`);
  lines.push(`function eachOf(d) {
  return function forEach(fn) {
    if (typeof fn !== 'function') H.notCallback(fn);
    const n = d.length;
    for (let i = 0; i < n && i < d.length; i++) fn(new RecordView(d, i), i, this);
  };
}`);
  lines.push(`return { View: RecordView, Cursor: RecordCursor, Rows, push, validate, toObject, viewAt, eachOf };`);
  const factory = generate<((...args: unknown[]) => RowKit) | null>(['DATA', 'IDX', 'FIELDS', 'NAMES', 'SEALED', 'INSPECT', 'H', 'INFOS'], lines.join('\n'), () => null);
  if (factory === null) return closureKit(schema);
  return factory(DATA, IDX, FIELDS, schema.names, SEALED, INSPECT, helpers(schema), schema.fields);
}

// --- closure fallback (no `new Function`) ------------------------------------------------------------

function closureKit(schema: ParsedSchema): RowKit {
  const H: Helpers = helpers(schema);
  const fields = schema.fields;
  const checkNumber = (f: FieldInfo, v: unknown, row: number, op: string): unknown => H.slow(f.index, v, row, op);
  function read(f: FieldInfo, o: Record<string, unknown>, row: number, op: string): unknown {
    let v = fieldValue(o, f.name);
    if (v === undefined) return f.hasDefault ? f.default : H.missing(f.index, row, op);
    if (isSpecial(f)) return H.check(f.index, v, row, op);
    if (f.kind === 'category') {
      if (v !== null && typeof v !== 'string') H.catBad(f.index, v, row, op);
    } else if (f.kind === 'vector') v = H.vec(f.index, v, row, op);
    else v = checkNumber(f, v, row, op);
    return v;
  }
  function toObject(d: StoreData, i: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const c = d.cols[f.index]!;
      if (isSpecial(f)) putField(out, f.name, objectValue(d, f, i));
      else if (f.kind === 'number') putField(out, f.name, (c as TypedArray)[i]);
      else if (f.kind === 'vector') putField(out, f.name, (c as TypedArray).slice(i * f.size, i * f.size + f.size));
      else putField(out, f.name, (c as CategoryColumn).get(i));
    }
    return out;
  }
  type V = { [DATA]: StoreData; [IDX]: number };
  const at = (self: V): [StoreData, number] => {
    const d = self[DATA];
    const i = self[IDX];
    if (i >>> 0 >= d.length) H.stale(i, d);
    return [d, i];
  };
  class RecordView {
    [DATA]: StoreData;
    [IDX]: number;
    constructor(d: StoreData, i: number) {
      this[DATA] = d;
      this[IDX] = i;
    }
    get index(): number {
      return this[IDX];
    }
    set index(_v: number) {
      H.readonlyIndex();
    }
    toObject(): Record<string, unknown> {
      const [d, i] = at(this);
      return toObject(d, i);
    }
    toJSON(): Record<string, unknown> {
      return this.toObject();
    }
  }
  for (const f of fields) {
    if (!f.prop) continue; // not an identifier, or a view member: getField/setField only
    const k = f.index;
    Object.defineProperty(RecordView.prototype, f.name, {
      get(this: V) {
        const [d, i] = at(this);
        const c = d.cols[k]!;
        if (isSpecial(f)) return readValue(d, f, i);
        if (f.kind === 'number') return (c as TypedArray)[i];
        if (f.kind === 'vector') return (c as TypedArray).subarray(i * f.size, i * f.size + f.size);
        return (c as CategoryColumn).get(i);
      },
      set(this: V, v: unknown) {
        const [d, i] = at(this);
        const c = d.cols[k]!;
        if (isSpecial(f)) writeValue(d, f, i, H.check(k, v, -1, 'set'));
        else if (f.kind === 'number') (c as unknown as unknown[])[i] = checkNumber(f, v, -1, 'set');
        else if (f.kind === 'vector') (c as TypedArray).set(H.vec(k, v, -1, 'set') as never, i * f.size);
        else {
          if (v !== null && typeof v !== 'string') H.catBad(k, v, -1, 'set');
          writeCategory(c as CategoryColumn, i, v as string | null);
        }
      },
      enumerable: false,
      configurable: false,
    });
  }
  Object.defineProperty(RecordView.prototype, INSPECT, {
    value(this: V, depth: number, opts: unknown, inspect?: (x: unknown, o: unknown) => string) {
      return H.inspect(this as never, depth, opts, inspect);
    },
  });
  Object.defineProperty(RecordView.prototype, FIELDS, { value: schema.names });
  Object.setPrototypeOf(RecordView.prototype, SEALED);
  class RecordCursor extends RecordView {
    constructor(d: StoreData) {
      super(d, -1);
    }
    override get index(): number {
      return this[IDX];
    }
    override set index(i: number) {
      this[IDX] = H.normIndex(i, this[DATA]);
    }
    moveTo(i: number): this {
      this[IDX] = H.normIndex(i, this[DATA]);
      return this;
    }
    next(): boolean {
      const n = this[DATA].length;
      const i = this[IDX] + 1;
      if (i < n) {
        this[IDX] = i;
        return true;
      }
      this[IDX] = n;
      return false;
    }
    reset(): this {
      this[IDX] = -1;
      return this;
    }
  }
  function push(d: StoreData, o: unknown): number {
    if (d.lock.count !== 0) H.locked(d, 'push');
    if (typeof o !== 'object' || o === null) H.badRow(o, -1);
    const vals = fields.map((f) => read(f, o as Record<string, unknown>, -1, 'push'));
    const n = d.length;
    if (n >= d.capacity) H.grow(d, n + 1);
    for (const f of fields) if (f.kind === 'category') pushOwned(d.cols[f.index] as CategoryColumn, vals[f.index]);
    for (const f of fields) {
      const c = d.cols[f.index] as TypedArray;
      if (isSpecial(f)) appendValue(d, f, n, vals[f.index]);
      else if (f.kind === 'number') (c as unknown as unknown[])[n] = vals[f.index];
      else if (f.kind === 'vector') c.set(vals[f.index] as never, n * f.size);
    }
    d.length = n + 1;
    return n;
  }
  function validate(objs: ArrayLike<unknown>, m: number, tmp: unknown[]): void {
    for (let j = 0; j < m; j++) {
      const o = objs[j];
      if (typeof o !== 'object' || o === null) H.badRow(o, j);
      for (const f of fields) {
        const v = read(f, o as Record<string, unknown>, j, 'extend');
        const t = tmp[f.index] as unknown[] | TypedArray;
        if (f.kind === 'vector') (t as TypedArray).set(v as never, j * f.size);
        else (t as unknown[])[j] = v;
      }
    }
  }
  class Rows {
    i = 0;
    constructor(readonly d: StoreData) {}
    next(): IteratorResult<object> {
      const d = this.d;
      const i = this.i;
      const done = i >= d.length;
      this.i = done ? d.length : i + 1;
      return { value: new RecordView(d, i), done } as IteratorResult<object>;
    }
    [Symbol.iterator](): this {
      return this;
    }
  }
  function viewAt(d: StoreData): (i: number) => object {
    return (i: number) => new RecordView(d, typeof i === 'number' && i >>> 0 === i && i < d.length ? i : H.rowIndex(i, d));
  }
  function eachOf(d: StoreData): (this: unknown, fn: (view: object, i: number, store: unknown) => void) => void {
    return function forEach(this: unknown, fn: (view: object, i: number, store: unknown) => void): void {
      if (typeof fn !== 'function') H.notCallback(fn);
      const n = d.length;
      for (let i = 0; i < n && i < d.length; i++) fn(new RecordView(d, i), i, this);
    };
  }
  return { View: RecordView, Cursor: RecordCursor, Rows, push, validate, toObject, viewAt, eachOf };
}
