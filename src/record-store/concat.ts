/**
 * `RecordStore.concat(stores)` (pandas `pd.concat` of frames with one schema): every column appended in
 * store order into new buffers; category fields get the union of the stores' categories (first appearance
 * order) and their codes are recoded into it, so no string is made per row.
 *
 * @internal
 * @packageDocumentation
 */
import { allocCodes, Categorical, codesDTypeFor, type CodeArray } from '../categorical.js';
import type { TypedArray } from '../dtype.js';
import { MAX_UTF8_BYTES, Utf8Data } from './utf8-data.js';
import { appendBits, newBitmap } from './validity.js';
import { describe, throwOverflow, throwValue } from '../errors.js';
import { cloneFunction, onCodegenReset } from '../internal/codegen.js';
import type { FieldInfo, ParsedSchema } from './schema.js';
import type { CategoryColumn, Column, StoreData } from './store-data.js';

function describeField(f: FieldInfo): string {
  return `${describe(f.name)}: ${f.kind === 'vector' ? `[${f.dtype}, ${f.size}]` : f.typeName}${f.nullable ? ' (nullable)' : ''}`;
}

/** Throws ValueError naming the first difference between two schemas. @internal */
export function checkSameSchema(a: ParsedSchema, b: ParsedSchema, where: string): void {
  const n = Math.max(a.fields.length, b.fields.length);
  for (let k = 0; k < n; k++) {
    const x = a.fields[k];
    const y = b.fields[k];
    if (x === undefined || y === undefined) {
      throwValue(`${where}: field ${k} is ${y === undefined ? 'missing' : describeField(y)}, expected ${x === undefined ? 'no field' : describeField(x)}`);
    }
    if (x.name !== y.name || x.kind !== y.kind || x.dtype !== y.dtype || x.size !== y.size || x.nullable !== y.nullable) {
      throwValue(`${where}: field ${k} is ${describeField(y)}, expected ${describeField(x)}`);
    }
  }
}

/** `out[at + i] = table[src[i] + 1]` over `len` codes: one part's codes recoded into the union's. */
function recodeBase(src: ArrayLike<number>, len: number, table: Int32Array, out: Int32Array, at: number): void {
  for (let i = 0; i < len; i++) out[at + i] = table[src[i]! + 1]!;
}

type Recode = typeof recodeBase;
const RECODES = new Map<string, Recode>();
onCodegenReset(() => RECODES.clear());

/** The recode loop compiled once per (source, output) code width, so each copy sees one pair of types. */
function recodeFor(src: CodeArray, out: CodeArray): Recode {
  const key = `${src.BYTES_PER_ELEMENT}${out.BYTES_PER_ELEMENT}`;
  let k = RECODES.get(key);
  if (k === undefined) RECODES.set(key, (k = cloneFunction(recodeBase, `concat recode ${key}`)));
  return k;
}

function concatCategories(parts: readonly CategoryColumn[], total: number, unchecked: boolean): CategoryColumn {
  const cats: (string | number)[] = [];
  const index = new Map<string | number, number>();
  let ordered = parts.length > 0;
  // `categories` is a snapshot copy on every read: read each part's list once.
  const lists = parts.map((p) => p.categories);
  const first = lists[0];
  parts.forEach((p, t) => {
    const list = lists[t]!;
    for (const c of list) {
      if (!index.has(c)) {
        index.set(c, cats.length);
        cats.push(c);
      }
    }
    // Ordered only when every part is ordered over the very same category list (pandas keeps `ordered` then).
    if (!p.ordered || first === undefined || list.length !== first.length || list.some((c, i) => first[i] !== c)) ordered = false;
  });
  // Codes as narrow as the union allows (Categorical's width rule), filled part by part: a part whose
  // categories are a prefix of the union in order (chunks of one reader, the same store) is a bulk copy.
  const codes = allocCodes(codesDTypeFor(cats.length), total);
  let at = 0;
  for (let t = 0; t < parts.length; t++) {
    const p = parts[t]!;
    const list = lists[t]!;
    const len = p.length;
    const src = p.codes;
    let identity = true;
    const table = new Int32Array(list.length + 1);
    table[0] = -1;
    for (let i = 0; i < list.length; i++) {
      const c = index.get(list[i]!)!;
      table[i + 1] = c;
      if (c !== i) identity = false;
    }
    if (identity) codes.set(src.length === len ? src : src.subarray(0, len), at);
    else recodeFor(src, codes)(src, len, table, codes as unknown as Int32Array, at);
    at += len;
  }
  // The union's codes are in range when the parts' are: only a part whose codes could have been written after
  // they were checked (public concat) is scanned again.
  return (unchecked ? Categorical.fromCodesUnchecked(codes, cats, ordered) : Categorical.fromCodes(codes, cats, { ordered })) as unknown as CategoryColumn;
}

/**
 * The columns of the stores appended in order (the schemas already checked equal). `unchecked`: the category
 * codes are not scanned again (stores whose codes no one else could write, e.g. `toStore`'s CSV chunks). @internal
 */
export function concatColumns(schema: ParsedSchema, stores: readonly StoreData[], unchecked = false): { cols: Column[]; valid: (Uint8Array | null)[]; length: number } {
  let total = 0;
  for (const d of stores) total += d.length;
  const valid = schema.fields.map((f) => {
    if (!stores.some((d) => d.valid[f.index] != null)) return null;
    const bm = newBitmap(total, 0);
    let at = 0;
    for (const d of stores) {
      appendBits(bm, at, d.valid[f.index]!, d.length);
      at += d.length;
    }
    return bm;
  });
  const cols = schema.fields.map((f): Column => {
    if (f.kind === 'category')
      return concatCategories(
        stores.map((d) => d.cols[f.index] as CategoryColumn),
        total,
        unchecked,
      );
    if (f.kind === 'utf8') {
      let bytes = 0;
      for (const d of stores) bytes += (d.cols[f.index] as Utf8Data).offsets[d.length]!;
      if (bytes > MAX_UTF8_BYTES)
        throwOverflow(`RecordStore.concat: utf8 field ${describe(f.name)} would hold ${bytes} bytes, past the ${MAX_UTF8_BYTES}-byte limit of Int32 offsets`);
      const out = new Utf8Data(total, new Int32Array(total + 1), new Uint8Array(bytes));
      let row = 0;
      let pos = 0;
      for (const d of stores) {
        const u = d.cols[f.index] as Utf8Data;
        const used = u.offsets[d.length]!;
        out.bytes.set(u.bytes.subarray(0, used), pos);
        for (let i = 1; i <= d.length; i++) out.offsets[row + i] = pos + u.offsets[i]!;
        row += d.length;
        pos += used;
      }
      return out;
    }
    const out = f.info.alloc(total * f.size) as Float64Array;
    let at = 0;
    for (const d of stores) {
      const n = d.length * f.size;
      out.set((d.cols[f.index] as TypedArray as Float64Array).subarray(0, n), at);
      at += n;
    }
    return out as unknown as TypedArray;
  });
  return { cols, valid, length: total };
}
