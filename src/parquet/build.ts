/**
 * Decoded column chunks → RecordStore columns (the layouts of {@link fieldSpecOf}), and the concatenation of
 * chunks into one store for whole-file loading (categories merged, codes remapped: no string per row).
 *
 * @packageDocumentation
 */
import { Categorical, type CodeArray } from '../categorical.js';
import type { TypedArray } from '../dtype.js';
import { RecordStore, type FieldSpec, type Schema } from '../record-store.js';
import type { DecodedColumn } from './decode.js';
import { ParquetError, messageOf } from './errors.js';
import type { ColumnPlan } from './types.js';

/** @internal Narrowest signed code array holding codes in [-1, k). */
export function narrowCodes(codes: Int32Array, k: number): CodeArray {
  if (k <= 127) {
    const out = new Int8Array(codes.length);
    out.set(codes);
    return out;
  }
  if (k <= 32767) {
    const out = new Int16Array(codes.length);
    out.set(codes);
    return out;
  }
  return codes;
}

function nanWhereNull(out: Float64Array | Float32Array, valid: Uint8Array | null): void {
  if (valid === null) return;
  for (let i = 0; i < out.length; i++) if (valid[i] === 0) out[i] = NaN;
}

function narrowed<T extends Int8Array | Uint8Array | Int16Array | Uint16Array>(out: T, v: Int32Array): T {
  out.set(v);
  return out;
}

/** @internal One decoded chunk as the store column of its plan's field spec. */
export function storeColumn(plan: ColumnPlan, d: DecodedColumn, rowGroup: number): TypedArray | Categorical<string> {
  if (d.codes !== null) {
    const dict = d.dict ?? [];
    try {
      return Categorical.fromCodes(narrowCodes(d.codes, dict.length), dict) as Categorical<string>;
    } catch (e) {
      throw new ParquetError(`bad dictionary (${messageOf(e)})`, { column: plan.name, rowGroup });
    }
  }
  const v = d.values!;
  const n = v.length;
  if (plan.kind === 'timestamp') {
    const src = v as BigInt64Array;
    const out = new Float64Array(n);
    const per = plan.perMs;
    for (let i = 0; i < n; i++) out[i] = Number(src[i]!) / per;
    nanWhereNull(out, d.valid);
    return out;
  }
  if (plan.spec === 'float64' && !(v instanceof Float64Array)) {
    // An integer, bool or date column that may hold nulls (pandas's rule: float64 with NaN).
    const out = new Float64Array(n);
    if (v instanceof BigInt64Array) {
      const unsigned = plan.kind === 'uint64';
      for (let i = 0; i < n; i++) out[i] = unsigned ? Number(BigInt.asUintN(64, v[i]!)) : Number(v[i]!);
    } else if (plan.kind === 'uint32') {
      out.set(new Uint32Array(v.buffer, v.byteOffset, n));
    } else out.set(v as Int32Array | Uint8Array | Float32Array);
    nanWhereNull(out, d.valid);
    return out;
  }
  if (v instanceof Float64Array || v instanceof Float32Array) {
    nanWhereNull(v, d.valid);
    return v;
  }
  switch (plan.spec) {
    case 'int8':
      return narrowed(new Int8Array(n), v as Int32Array);
    case 'uint8':
      return v instanceof Uint8Array ? v : narrowed(new Uint8Array(n), v as Int32Array);
    case 'int16':
      return narrowed(new Int16Array(n), v as Int32Array);
    case 'uint16':
      return narrowed(new Uint16Array(n), v as Int32Array);
    case 'uint32':
      return new Uint32Array(v.buffer, v.byteOffset, n);
    case 'uint64':
      return new BigUint64Array(v.buffer, v.byteOffset, n);
    default:
      return v as Int32Array | BigInt64Array;
  }
}

/** @internal The store schema of a plan, as entries (field order = the plans'). */
export function schemaOf(plans: readonly ColumnPlan[]): [string, FieldSpec][] {
  return plans.map((p) => [p.name, p.spec]);
}

/** @internal A store over built columns. */
export function makeStore(plans: readonly ColumnPlan[], cols: readonly (TypedArray | Categorical<string>)[]): RecordStore<Schema> {
  const data: Record<string, TypedArray | Categorical<string>> = {};
  for (let i = 0; i < plans.length; i++) data[plans[i]!.name] = cols[i]!;
  return RecordStore.fromColumns(data as never, schemaOf(plans) as never) as unknown as RecordStore<Schema>;
}

/**
 * @internal Concatenates chunks with one schema into one store: numeric columns copied once, category
 * columns with merged categories (first-seen order) and remapped codes.
 */
export function concatStores(chunks: readonly RecordStore<Schema>[], schema: readonly [string, FieldSpec][]): RecordStore<Schema> {
  let total = 0;
  for (const c of chunks) total += c.length;
  const data: Record<string, TypedArray | Categorical<string>> = {};
  for (const [name, spec] of schema) {
    if (spec === 'category') {
      const merged = new Map<string, number>();
      const cats: string[] = [];
      const codes = new Int32Array(total);
      let at = 0;
      for (const c of chunks) {
        const col = c.column(name as never) as unknown as Categorical<string>;
        const map = new Int32Array(col.categories.length);
        col.categories.forEach((s, i) => {
          let g = merged.get(s);
          if (g === undefined) {
            g = cats.length;
            cats.push(s);
            merged.set(s, g);
          }
          map[i] = g;
        });
        const src = col.codes;
        for (let i = 0; i < src.length; i++) {
          const k = src[i]!;
          codes[at + i] = k < 0 ? -1 : map[k]!;
        }
        at += src.length;
      }
      data[name] = Categorical.fromCodes(narrowCodes(codes, cats.length), cats) as Categorical<string>;
    } else {
      const first = chunks[0]!.column(name as never) as unknown as TypedArray;
      const out = new (first.constructor as new (n: number) => TypedArray)(total);
      let at = 0;
      for (const c of chunks) {
        const col = c.column(name as never) as unknown as TypedArray;
        out.set(col as never, at);
        at += col.length;
      }
      data[name] = out;
    }
  }
  return RecordStore.fromColumns(data as never, schema as never) as unknown as RecordStore<Schema>;
}
