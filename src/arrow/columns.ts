/**
 * One Arrow column (a type and its chunks) → the arrays of one compactly column. Pure conversion: it
 * builds new arrays or returns views of the Arrow buffers and never mutates its input, so a failure
 * in any column leaves nothing half-converted.
 *
 * @packageDocumentation
 */
import { type Data, type DataType, type Dictionary, type FixedSizeList, Precision, Type } from 'apache-arrow';
import { type DType, DTYPES, type TypedArray } from '../dtype.js';
import { describe, ValueError } from '../errors.js';
import { describeArrowType, dtypeOfArrowType } from './types.js';
import { isStringType, stringsOf } from './strings.js';
import { firstNullRow, isValid, totalLength, totalNulls } from './chunks.js';
import { type ScalarColumn, boolColumn, dateColumn, nullableValues, timestampColumn, utf8Column } from './columns-scalar.js';
import { type DecodedDictionary, allocCodesFor, appendValues, categoriesOf, isSignedIndex, recodeChunk, throwBadIndex } from './dictionary.js';

/** Options of {@link fromArrow}, {@link fromIPC} and {@link readIPC}. */
export interface FromArrowOptions {
  /**
   * What `Utf8` / `LargeUtf8` / `Utf8View` columns become: `'utf8'` (default: a `utf8` field, the offsets
   * and bytes of a single `Utf8` chunk adopted), `'category'` (a Categorical, categories sorted as
   * `categorical(values)` and pandas infer them, nulls missing) or `'error'` (a `TypeError` naming the column).
   */
  readonly strings?: 'utf8' | 'category' | 'error';
  /**
   * What to do with nulls in numeric columns: `'null'` (default: a nullable field that shares the Arrow
   * validity bitmap), `'nan'` (float columns get `NaN`; 8–32-bit integer and Bool columns become `float64`
   * with `NaN`, as pandas does; 64-bit integer columns throw, since `float64` cannot hold them exactly) or
   * `'error'` (a `ValueError` naming the column and the first null row). A standalone numeric `Vector` has
   * no validity, so `'null'` is `'error'` there.
   */
  readonly nulls?: 'null' | 'nan' | 'error';
  /** Copy numeric data instead of aliasing the Arrow buffers (default `false`). */
  readonly copy?: boolean;
}

/** @internal Options with defaults applied. */
export interface Opts {
  readonly strings: 'utf8' | 'category' | 'error';
  readonly nulls: 'null' | 'nan' | 'error';
  readonly copy: boolean;
  /** Converting a standalone Vector (no validity, no string field): nulls are errors unless `'nan'`. */
  readonly standalone?: boolean;
}

/** @internal Applies defaults and checks option values. */
export function normalizeOptions(o: FromArrowOptions | undefined): Opts {
  const strings = o?.strings ?? 'utf8';
  const nulls = o?.nulls ?? 'null';
  if (strings !== 'utf8' && strings !== 'error' && strings !== 'category') {
    throw new ValueError(`bad strings option ${describe(strings)} (must be 'utf8', 'category' or 'error')`);
  }
  if (nulls !== 'null' && nulls !== 'error' && nulls !== 'nan') throw new ValueError(`bad nulls option ${describe(nulls)} (must be 'null', 'nan' or 'error')`);
  return { strings, nulls, copy: o?.copy === true };
}

/** @internal A converted column. */
export type Column =
  | ScalarColumn
  | { readonly kind: 'numeric'; readonly dtype: DType; readonly array: TypedArray; readonly copied: boolean; readonly validity?: undefined }
  | { readonly kind: 'vector'; readonly dtype: DType; readonly size: number; readonly array: TypedArray; readonly copied: boolean }
  | {
      readonly kind: 'category';
      readonly codes: Int8Array | Int16Array | Int32Array;
      readonly categories: (string | number)[];
      readonly ordered: boolean;
      readonly copied: boolean;
    };

/** @internal Rows of a converted column. */
export function columnRows(c: Column): number {
  if (c.kind === 'category') return c.codes.length;
  if (c.kind === 'vector') return c.array.length / c.size;
  if (c.kind === 'utf8') return c.offsets.length - 1;
  return c.array.length;
}

/** @internal Cache of decoded dictionaries, keyed by the dictionary's first `Data` chunk (streams). */
export interface DictionaryCache {
  get(first: Data): { chunks: readonly Data[]; values: (string | number | null)[] } | undefined;
  set(first: Data, entry: { chunks: readonly Data[]; values: (string | number | null)[] }): void;
}

const SUPPORTED = 'supported: Int8…Int64, Uint8…Uint64, Float16/32/64, Bool, Date32/Date64, Timestamp, Utf8/LargeUtf8/Utf8View, Dictionary<Utf8 | numeric>, FixedSizeList<numeric>';

/** @internal Converts one column. */
export function convertColumn(name: string, type: DataType, chunks: readonly Data[], opts: Opts, cache?: DictionaryCache): Column {
  for (const c of chunks) checkChunk(name, c);
  const dtype = dtypeOfArrowType(type);
  if (dtype !== undefined) return numericColumn(name, type, dtype, chunks, opts);
  switch (type.typeId) {
    case Type.Float: // Float16 (the only precision dtypeOfArrowType leaves)
      if ((type as DataType & { precision: Precision }).precision === Precision.HALF) return halfColumn(name, chunks, opts);
      break;
    case Type.Bool:
      return opts.standalone === true || (opts.nulls !== 'null' && totalNulls(chunks) > 0) ? boolColumnNaN(name, chunks, opts) : boolColumn(chunks);
    case Type.Date:
      return dateColumn(name, type, chunks, opts.copy);
    case Type.Timestamp:
      return timestampColumn(name, type, chunks);
    case Type.Dictionary:
      return dictionaryColumn(name, type as Dictionary, chunks, opts.copy, cache);
    case Type.FixedSizeList:
      return fixedSizeListColumn(name, type as FixedSizeList, chunks, opts);
    default:
      break;
  }
  if (isStringType(type)) {
    if (opts.strings === 'category') return stringColumn(chunks);
    if (opts.strings === 'utf8') return utf8Column(name, chunks, opts.copy);
    throw new TypeError(
      `column ${describe(name)} has Arrow type ${describeArrowType(type)} and {strings: 'error'} was given; pass {strings: 'utf8'} or {strings: 'category'} to load it`,
    );
  }
  throw new TypeError(`column ${describe(name)} has Arrow type ${describeArrowType(type)}, which compactly cannot hold (${SUPPORTED})`);
}

function throwNulls(name: string, type: DataType, chunks: readonly Data[], why: string): never {
  throw new ValueError(`column ${describe(name)} (${describeArrowType(type)}) has ${totalNulls(chunks)} null(s), the first at row ${firstNullRow(chunks)}; ${why}`);
}

const NULLS_HINT = "a compactly Vector has no nulls: pass {nulls: 'nan'} to read them as NaN, or convert the Table (a nullable field)";

/** Numeric column: zero-copy for one chunk without nulls, one copy otherwise. */
function numericColumn(name: string, type: DataType, dtype: DType, chunks: readonly Data[], opts: Opts): Column {
  const n = totalLength(chunks);
  const nulls = totalNulls(chunks);
  const info = DTYPES[dtype];
  if (nulls > 0) {
    if (opts.nulls === 'null' && opts.standalone !== true) {
      const v = nullableValues(dtype, chunks, opts.copy);
      return { kind: 'numeric', dtype, array: v.array, validity: v.validity, copied: v.copied };
    }
    if (opts.nulls !== 'nan') throwNulls(name, type, chunks, NULLS_HINT);
    if (info.bigint) {
      throwNulls(name, type, chunks, `NaN needs a float64 column, which cannot hold every ${dtype} value exactly`);
    }
    const out = info.integer ? new Float64Array(n) : (info.alloc(n) as Float32Array | Float64Array);
    let at = 0;
    for (const c of chunks) {
      const values = c.values as ArrayLike<number>;
      const hasNulls = c.nullCount > 0;
      for (let i = 0; i < c.length; i++) out[at + i] = hasNulls && !isValid(c, i) ? NaN : values[i]!;
      at += c.length;
    }
    return { kind: 'numeric', dtype: info.integer ? 'float64' : dtype, array: out, copied: true };
  }
  if (chunks.length === 1 && !opts.copy) {
    const values = chunks[0]!.values as TypedArray;
    return { kind: 'numeric', dtype, array: values.subarray(0, n), copied: false };
  }
  const out = info.alloc(n);
  let at = 0;
  for (const c of chunks) {
    (out as { set(a: ArrayLike<unknown>, at: number): void }).set((c.values as TypedArray).subarray(0, c.length), at);
    at += c.length;
  }
  return { kind: 'numeric', dtype, array: out, copied: true };
}

/** IEEE 754 half → number. */
function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac === 0 ? sign * Infinity : NaN;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/** Float16 → float32, one copy (exact: every half is a float32). */
function halfColumn(name: string, chunks: readonly Data[], opts: Opts): Column {
  if (totalNulls(chunks) > 0 && opts.nulls !== 'nan') throwNulls(name, chunks[0]!.type as DataType, chunks, NULLS_HINT);
  const out = new Float32Array(totalLength(chunks));
  let at = 0;
  for (const c of chunks) {
    const values = c.values as Uint16Array;
    const hasNulls = c.nullCount > 0;
    for (let i = 0; i < c.length; i++) out[at + i] = hasNulls && !isValid(c, i) ? NaN : halfToNumber(values[i]!);
    at += c.length;
  }
  return { kind: 'numeric', dtype: 'float32', array: out, copied: true };
}

/** Bool → uint8 0/1 (or float64 with NaN for nulls under `nulls: 'nan'`), one copy: a standalone Vector. */
function boolColumnNaN(name: string, chunks: readonly Data[], opts: Opts): Column {
  const nulls = totalNulls(chunks);
  if (nulls > 0 && opts.nulls !== 'nan') throwNulls(name, chunks[0]!.type as DataType, chunks, NULLS_HINT);
  const n = totalLength(chunks);
  const out = nulls > 0 ? new Float64Array(n) : new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    const bits = c.values as Uint8Array;
    const off = c.offset;
    const hasNulls = c.nullCount > 0;
    for (let i = 0; i < c.length; i++) {
      const b = off + i;
      out[at + i] = hasNulls && !isValid(c, i) ? NaN : (bits[b >> 3]! >> (b & 7)) & 1;
    }
    at += c.length;
  }
  return { kind: 'numeric', dtype: nulls > 0 ? 'float64' : 'uint8', array: out, copied: true };
}

/** FixedSizeList<numeric, n> → a `[dtype, n]` field: the flat child values (zero-copy when possible). */
function fixedSizeListColumn(name: string, type: FixedSizeList, chunks: readonly Data[], opts: Opts): Column {
  const size = type.listSize;
  if (!Number.isInteger(size) || size < 1) {
    throw new TypeError(`column ${describe(name)} has Arrow type ${describeArrowType(type)}: a vector field needs a list size of at least 1`);
  }
  const childType = type.valueType as DataType;
  const dtype = dtypeOfArrowType(childType);
  if (dtype === undefined) {
    throw new TypeError(`column ${describe(name)} has Arrow type ${describeArrowType(type)}: compactly vector fields hold numeric items only (${SUPPORTED})`);
  }
  const parentNulls = totalNulls(chunks);
  const children = chunks.map((c) => c.children[0]!);
  const childNulls = totalNulls(children);
  const n = totalLength(chunks);
  if (parentNulls + childNulls === 0) {
    if (chunks.length === 1 && !opts.copy) {
      const values = children[0]!.values as TypedArray;
      return { kind: 'vector', dtype, size, array: values.subarray(0, n * size), copied: false };
    }
    const out = DTYPES[dtype].alloc(n * size);
    let at = 0;
    for (let k = 0; k < chunks.length; k++) {
      const len = chunks[k]!.length * size;
      (out as { set(a: ArrayLike<unknown>, at: number): void }).set((children[k]!.values as TypedArray).subarray(0, len), at);
      at += len;
    }
    return { kind: 'vector', dtype, size, array: out, copied: true };
  }
  if (opts.nulls !== 'nan') {
    throwNulls(name, type, parentNulls > 0 ? chunks : children, `${NULLS_HINT} (vector fields too)`);
  }
  if (DTYPES[dtype].integer) {
    throwNulls(name, type, parentNulls > 0 ? chunks : children, `NaN needs a float vector field, and this one holds ${dtype}`);
  }
  const out = DTYPES[dtype].alloc(n * size) as Float32Array | Float64Array;
  let at = 0;
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k]!;
    const child = children[k]!;
    const values = child.values as Float32Array | Float64Array;
    for (let r = 0; r < c.length; r++) {
      const rowValid = c.nullCount === 0 || isValid(c, r);
      for (let j = 0; j < size; j++) {
        const i = r * size + j;
        out[at + i] = !rowValid || (child.nullCount > 0 && !isValid(child, i)) ? NaN : values[i]!;
      }
    }
    at += c.length * size;
  }
  return { kind: 'vector', dtype, size, array: out, copied: true };
}

/** Utf8 → Categorical: categories sorted (as `categorical(values)` infers them), nulls missing. */
function stringColumn(chunks: readonly Data[]): Column {
  const seen = new Map<string, number>();
  const categories: string[] = [];
  const codes32 = new Int32Array(totalLength(chunks));
  let at = 0;
  for (const c of chunks) {
    const s = stringsOf(c);
    for (let i = 0; i < s.length; i++) {
      const v = s[i]!;
      if (v === null) {
        codes32[at + i] = -1;
        continue;
      }
      let code = seen.get(v);
      if (code === undefined) {
        code = categories.length;
        seen.set(v, code);
        categories.push(v);
      }
      codes32[at + i] = code;
    }
    at += c.length;
  }
  // Sorted categories, as `categorical(values)` and pandas' astype('category') infer them.
  const k = categories.length;
  const order = Array.from({ length: k }, (_, i) => i).sort((i, j) => {
    const a = categories[i]!;
    const b = categories[j]!;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const rank = new Int32Array(k);
  for (let r = 0; r < k; r++) rank[order[r]!] = r;
  const sorted = order.map((i) => categories[i]!);
  const codes = allocCodesFor(k, codes32.length);
  for (let i = 0; i < codes32.length; i++) {
    const c = codes32[i]!;
    codes[i] = c < 0 ? -1 : rank[c]!;
  }
  return { kind: 'category', codes, categories: sorted, ordered: false, copied: true };
}

/** Decodes (with the cache) the dictionary of one chunk. */
function decodeDictionary(chunk: Data, name: string, cache: DictionaryCache | undefined): (string | number | null)[] {
  const dict = chunk.dictionary;
  if (dict === undefined) throw new ValueError(`column ${describe(name)}: a dictionary-encoded chunk has no dictionary`);
  const parts = dict.data;
  const first = parts[0];
  if (cache !== undefined && first !== undefined) {
    const hit = cache.get(first);
    if (hit !== undefined) {
      let shared = 0;
      while (shared < hit.chunks.length && shared < parts.length && hit.chunks[shared] === parts[shared]) shared++;
      if (shared === hit.chunks.length) {
        if (shared === parts.length) return hit.values;
        const values = hit.values.slice();
        for (let k = shared; k < parts.length; k++) appendValues(values, parts[k]!, name);
        cache.set(first, { chunks: parts.slice(), values });
        return values;
      }
    }
  }
  const values: (string | number | null)[] = [];
  for (const p of parts) appendValues(values, p, name);
  if (cache !== undefined && first !== undefined) cache.set(first, { chunks: parts.slice(), values });
  return values;
}

/**
 * Dictionary → Categorical. One chunk whose signed Int8/16/32 indices have no nulls and whose
 * dictionary has distinct non-null values: the indices are adopted as the codes (no copy; one copy under
 * `{copy: true}`). Otherwise
 * one pass re-codes into a fresh code array (nulls → -1, unsigned or 64-bit indices converted, several
 * chunks with different dictionaries merged in order of first appearance).
 */
function dictionaryColumn(name: string, type: Dictionary, chunks: readonly Data[], copy: boolean, cache?: DictionaryCache): Column {
  const ordered = type.isOrdered === true;
  if (chunks.length === 0) return { kind: 'category', codes: new Int8Array(0), categories: [], ordered, copied: false };
  // Decode each distinct dictionary once.
  const decoded = new Map<unknown, { values: (string | number | null)[]; dict: DecodedDictionary }>();
  const perChunk: { values: (string | number | null)[]; dict: DecodedDictionary }[] = [];
  for (const c of chunks) {
    const key = c.dictionary;
    let d = decoded.get(key);
    if (d === undefined) {
      const values = decodeDictionary(c, name, cache);
      d = { values, dict: categoriesOf(values) };
      decoded.set(key, d);
    }
    perChunk.push(d);
  }
  const only = chunks.length === 1 ? chunks[0]! : undefined;
  const single = perChunk[0]!;
  if (only !== undefined && single.dict.remap === undefined && isSignedIndex(type.indices as DataType) && adoptable(only, single.values.length, name)) {
    const idx = (only.values as Int8Array | Int16Array | Int32Array).subarray(0, only.length);
    // {copy: true}: the codes own their memory (a view would keep the whole IPC message alive).
    return { kind: 'category', codes: copy ? idx.slice() : idx, categories: single.dict.categories, ordered, copied: copy };
  }
  // Merge: the categories of the dictionary with the most values first when the others are its
  // prefixes (deltas); otherwise in order of first appearance across chunks.
  let categories: (string | number)[];
  const remaps: (Int32Array | undefined)[] = [];
  const longest = prefixChain(chunks);
  if (longest !== undefined) {
    // One dictionary, or deltas of one: every chunk's dictionary is a prefix of the longest one.
    const d = decoded.get(longest)!;
    categories = d.dict.categories;
    for (let k = 0; k < chunks.length; k++) remaps.push(d.dict.remap);
  } else {
    const index = new Map<string | number, number>();
    categories = [];
    const perDict = new Map<unknown, Int32Array>();
    for (let k = 0; k < chunks.length; k++) {
      const key = chunks[k]!.dictionary;
      let m = perDict.get(key);
      if (m === undefined) {
        const values = perChunk[k]!.values;
        m = new Int32Array(values.length);
        for (let i = 0; i < values.length; i++) {
          const v = values[i]!;
          if (v === null || (typeof v === 'number' && Number.isNaN(v))) {
            m[i] = -1;
            continue;
          }
          let code = index.get(v);
          if (code === undefined) {
            code = categories.length;
            index.set(v, code);
            categories.push(v);
          }
          m[i] = code;
        }
        perDict.set(key, m);
      }
      remaps.push(m);
    }
  }
  const n = totalLength(chunks);
  const codes = allocCodesFor(categories.length, n);
  let at = 0;
  for (let k = 0; k < chunks.length; k++) {
    const c = chunks[k]!;
    recodeChunk(c, codes, at, remaps[k], perChunk[k]!.values.length, name);
    at += c.length;
  }
  return { kind: 'category', codes, categories, ordered, copied: true };
}

/**
 * The dictionary that every chunk's dictionary is a prefix of (by `Data` identity: how an IPC reader
 * represents delta dictionary batches), or `undefined` if the chunks carry unrelated dictionaries.
 */
function prefixChain(chunks: readonly Data[]): unknown {
  let longest = chunks[0]!.dictionary;
  for (const c of chunks) if ((c.dictionary?.data.length ?? 0) > (longest?.data.length ?? 0)) longest = c.dictionary;
  if (longest === undefined) return undefined;
  const parts = longest.data;
  for (const c of chunks) {
    const d = c.dictionary;
    if (d === longest) continue;
    if (d === undefined) return undefined;
    for (let k = 0; k < d.data.length; k++) if (d.data[k] !== parts[k]) return undefined;
  }
  return longest;
}

/**
 * True if a signed index chunk's indices can be adopted as codes: every valid slot holds an index in
 * `[0, size)` and every null slot holds -1 (as compactly writes them). A valid `-1` (or any index out of
 * range) is a `ValueError`, as on the re-coding path: adopting it would read as missing.
 */
function adoptable(data: Data, size: number, name: string): boolean {
  const idx = data.values as Int8Array | Int16Array | Int32Array;
  const hasNulls = data.nullCount > 0;
  let ok = true;
  for (let i = 0; i < data.length; i++) {
    const k = idx[i]!;
    if (hasNulls && !isValid(data, i)) {
      if (k !== -1) ok = false;
    } else if (!(k >= 0 && k < size)) throwBadIndex(name, i, k, size);
  }
  return ok;
}

function throwShort(name: string, data: Data, what: string, need: number, have: number): never {
  throw new ValueError(`column ${describe(name)}: Arrow data of ${data.length} row(s) needs ${need} ${what} but its buffer holds ${have} (corrupt or truncated data)`);
}

/**
 * Checks that a chunk's buffers hold what its length claims (IPC metadata is not trusted: a damaged
 * length must not turn into a huge allocation or a read past the buffer).
 */
function checkChunk(name: string, data: Data): void {
  const n = data.length;
  const bits = data.offset + n;
  if (data.nullCount > 0 && n > 0) {
    const have = data.nullBitmap?.length ?? 0;
    if (have * 8 < bits) throwShort(name, data, 'validity bits', bits, have * 8);
  }
  const t = data.type.typeId;
  if (t === Type.Int || t === Type.Float || t === Type.Dictionary) {
    const have = (data.values as ArrayLike<unknown> | undefined)?.length ?? 0;
    if (have < n) throwShort(name, data, 'values', n, have);
  } else if (t === Type.Bool) {
    const have = ((data.values as Uint8Array | undefined)?.length ?? 0) * 8;
    if (have < bits) throwShort(name, data, 'value bits', bits, have);
  } else if (t === Type.Utf8 || t === Type.LargeUtf8) {
    const have = (data.valueOffsets as ArrayLike<unknown> | undefined)?.length ?? 0;
    if (n > 0 && have < n + 1) throwShort(name, data, 'offsets', n + 1, have);
    const bytes = (data.values as Uint8Array | undefined)?.length ?? 0;
    if (n > 0) {
      const last = Number((data.valueOffsets as ArrayLike<number | bigint>)[n]);
      if (!(last <= bytes)) throwShort(name, data, 'string bytes', last, bytes);
    }
  } else if (t === Type.FixedSizeList) {
    const child = data.children[0];
    const size = (data.type as FixedSizeList).listSize;
    if (child === undefined) throwShort(name, data, 'list items', n * size, 0);
    if (child.length < n * size) throwShort(name, data, 'list items', n * size, child.length);
    checkChunk(name, child);
  }
  if (t === Type.Dictionary && data.dictionary !== undefined) {
    for (const d of data.dictionary.data) checkChunk(name, d);
  }
}
