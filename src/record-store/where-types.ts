/**
 * `where()` over the column types beyond plain numbers: null rows of a nullable field (never match a
 * comparison; `isNull` is the bitmap), utf8 fields (equality and `in`, compared as bytes), and bool, date and
 * timestamp fields (the value is converted as a write would be, then compared as the stored number); and the
 * conditions of the fused `filter([[field, op, value], …])`, checked and bound to their columns.
 *
 * @internal
 * @packageDocumentation
 */
import { describe, throwType } from '../errors.js';
import { checkScalar } from './field-values.js';
import type { FieldInfo } from './schema.js';
import type { Column, StoreData } from './store-data.js';
import { adoptUtf8 } from './utf8-column.js';
import type { Utf8Data } from './utf8-data.js';
import { isValid } from './validity.js';
import { BlockTest, checkWhereOp, columnTest, ConstTest, MaskTest, type RowTest, type WhereOp } from './where.js';
import { refineValid } from './where-select.js';

function valuesOf(f: FieldInfo, value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value instanceof Set) return [...(value as Set<unknown>)];
  return throwType(`RecordStore.where: 'in' on field ${describe(f.name)} needs an array or Set of values, got ${describe(value)}`);
}

function utf8Mask(f: FieldInfo, d: StoreData, op: WhereOp, value: unknown): Uint8Array {
  const u = d.cols[f.index] as Utf8Data;
  const n = d.length;
  const col = adoptUtf8(u.offsets, u.bytes, d.valid[f.index]!, n);
  if (op === '==') return col.eq(checkScalar('utf8', f.dtype, false, value, `RecordStore.where field ${describe(f.name)}`) as string);
  if (op === '!=') {
    const m = col.eq(checkScalar('utf8', f.dtype, false, value, `RecordStore.where field ${describe(f.name)}`) as string);
    for (let i = 0; i < n; i++) m[i] = m[i]! === 0 && isValid(col.validity, i) ? 1 : 0;
    return m;
  }
  if (op === 'in') {
    const out = new Uint8Array(n);
    for (const v of valuesOf(f, value)) {
      const m = col.eq(checkScalar('utf8', f.dtype, false, v, `RecordStore.where field ${describe(f.name)}`) as string);
      for (let i = 0; i < n; i++) out[i] = out[i]! | m[i]!;
    }
    return out;
  }
  return throwType(`RecordStore.where: ${op} on utf8 field ${describe(f.name)}: utf8 fields compare with ==, !=, in, isNull, notNull`);
}

/**
 * Rows `[lo, lo + n)` of `inner` kept only where valid (a comparison with a null is false, as pandas' `<NA>` in
 * a filter), or, with `orNull` (`isNull`), also every null row: that OR selects through the block's answers.
 */
class ValidTest extends BlockTest {
  constructor(
    private readonly inner: RowTest,
    private readonly bm: Uint8Array,
    private readonly orNull: boolean,
  ) {
    super();
  }
  run(lo: number, n: number, out: Uint8Array): void {
    this.inner.run(lo, n, out);
    const bm = this.bm;
    // orNull: `isNull` is true on a null row; otherwise the row's answer stands only where it is valid.
    if (this.orNull) {
      for (let i = 0; i < n; i++) {
        const r = lo + i;
        out[i] = out[i]! | (((bm[r >>> 3]! >>> (r & 7)) & 1) ^ 1);
      }
    } else {
      for (let i = 0; i < n; i++) {
        const r = lo + i;
        out[i] = out[i]! & (bm[r >>> 3]! >>> (r & 7));
      }
    }
  }
  override select(lo: number, hi: number, keep: Uint32Array, k: number): number {
    if (this.orNull) return super.select(lo, hi, keep, k);
    return refineValid(this.bm, keep, k, this.inner.select(lo, hi, keep, k));
  }
  override refine(lo: number, hi: number, keep: Uint32Array, from: number, to: number): number {
    if (this.orNull) return super.refine(lo, hi, keep, from, to);
    return refineValid(this.bm, keep, from, this.inner.refine(lo, hi, keep, from, to));
  }
}

/**
 * The test of `field op value` for any field kind, checked (operator, value type) before any row is read.
 * @throws `TypeError` for a vector field or a value of the wrong type; as {@link columnTest}.
 * @internal
 */
export function rowTest(f: FieldInfo, d: StoreData, op: WhereOp, value: unknown): RowTest {
  const bm = d.valid[f.index]!;
  const nullTest = op === 'isNull' || op === 'notNull';
  let test: RowTest;
  if (f.kind === 'utf8') {
    // utf8Mask leaves nulls out itself.
    if (!nullTest) return new MaskTest(utf8Mask(f, d, op, value));
    test = new ConstTest(op === 'isNull' ? 0 : 1);
  } else {
    if (f.kind === 'bool' || f.kind === 'date' || f.kind === 'timestamp') {
      const where = `RecordStore.where field ${describe(f.name)}`;
      const conv = (v: unknown): unknown => checkScalar(f.kind, f.dtype, false, v, where);
      if (!nullTest) value = op === 'in' ? valuesOf(f, value).map(conv) : conv(value);
      f = { ...f, kind: 'number' };
    }
    test = columnTest(f, d.cols[f.index] as Column, op, value);
  }
  // pandas' nullable dtypes: a comparison with <NA> is <NA>, which a filter drops; isNull is NaN or null.
  return bm === null ? test : new ValidTest(test, bm, op === 'isNull');
}

/**
 * One condition of {@link RecordStore.filter}: `[field, op, value]`, read as {@link RecordStore.where} reads its
 * three arguments (`value` is left out for `'isNull'`/`'notNull'`).
 */
export type Condition<F extends string = string> = readonly [field: F, op: WhereOp, value?: unknown];

/** True for a list of conditions (an array whose first element is an array), as opposed to a mask. @internal */
export function isConditionList(x: unknown): x is readonly unknown[] {
  return Array.isArray(x) && x.length > 0 && Array.isArray(x[0]);
}

/**
 * Every condition checked (its shape, field, operator and value) and bound to its column, before any row is
 * read: a bad condition throws and nothing is computed. `field` looks a name up (and throws for an unknown one).
 * @internal
 */
export function conditionTests(d: StoreData, conditions: readonly unknown[], field: (name: unknown) => FieldInfo): RowTest[] {
  const tests: RowTest[] = [];
  for (let k = 0; k < conditions.length; k++) {
    const c = conditions[k];
    if (!Array.isArray(c) || c.length < 2 || c.length > 3) {
      throwType(`RecordStore.filter: condition ${k} must be [field, op, value] (or [field, 'isNull' | 'notNull']), got ${describe(c)}`);
    }
    tests.push(rowTest(field(c[0]), d, checkWhereOp(c[1]), c[2]));
  }
  return tests;
}
