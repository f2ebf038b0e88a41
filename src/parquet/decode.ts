/**
 * Decodes one flat column chunk (dictionary page + data pages, v1 or v2) into TypedArrays: numbers straight
 * into their array, strings as dictionary codes (no string per row for dictionary-encoded pages).
 *
 * Page headers are parsed and pages decompressed by hyparquet; levels, PLAIN and dictionary values are
 * decoded here into TypedArrays. The rarer encodings (DELTA_*, BYTE_STREAM_SPLIT) use hyparquet's decoders.
 *
 * @packageDocumentation
 */
import type { ColumnMetaData, Compressors, PageHeader } from 'hyparquet';
import { parquetHeader } from 'hyparquet/src/column.js';
import { decompressPage } from 'hyparquet/src/datapage.js';
import { deltaBinaryUnpack, deltaByteArray, deltaLengthByteArray } from 'hyparquet/src/delta.js';
import { byteStreamSplit } from 'hyparquet/src/encoding.js';
import { messageOf, ParquetError } from './errors.js';
import { decodeHybrid } from './rle.js';
import type { ColumnPlan } from './types.js';

/** @internal The physical values of one column chunk. */
export type PhysicalArray = Int32Array | BigInt64Array | Float32Array | Float64Array | Uint8Array;

/** @internal One decoded column chunk. */
export interface DecodedColumn {
  /** Numbers (by physical type: INT32, INT64, FLOAT, DOUBLE, BOOLEAN as 0/1); `null` for strings. */
  readonly values: PhysicalArray | null;
  /** Strings: dictionary codes, `-1` for null. */
  readonly codes: Int32Array | null;
  /** Strings: the dictionary (the chunk's dictionary page, plus any value met in a PLAIN page). */
  readonly dict: string[] | null;
  /** Plain text (`plan.strings === 'utf8'`): `n + 1` offsets into {@link DecodedColumn.bytes}; else `null`. */
  readonly offsets: Int32Array | null;
  /** Plain text: the UTF-8 bytes of the rows (as in the file: not validated here). */
  readonly bytes: Uint8Array | null;
  /** 1 per valid row, 0 per null; `null` when the chunk has no null. */
  readonly valid: Uint8Array | null;
  readonly nullCount: number;
}

/** Largest page compactly decompresses (1 GiB): a corrupted size field cannot make it allocate more. */
const MAX_PAGE = 1 << 30;
const utf8 = new TextDecoder();

class ChunkDecoder {
  readonly plan: ColumnPlan;
  readonly n: number;
  readonly values: PhysicalArray | null;
  readonly codes: Int32Array | null;
  dict: string[] | null = null;
  dictIndex: Map<string, number> | null = null;
  numDict: PhysicalArray | null = null;
  valid: Uint8Array | null = null;
  nullCount = 0;
  row = 0;
  /** Plain text: offsets, bytes (grown by doubling) and the raw dictionary (bytes + value bounds). */
  readonly offsets: Int32Array | null;
  bytes: Uint8Array;
  dictBytes: Uint8Array | null = null;
  dictBounds: Int32Array | null = null;

  constructor(plan: ColumnPlan, n: number) {
    this.plan = plan;
    this.n = n;
    const text = plan.kind === 'string' && plan.strings === 'utf8';
    this.values = plan.kind === 'string' ? null : allocPhysical(plan.physical, n);
    this.codes = plan.kind === 'string' && !text ? new Int32Array(n) : null;
    this.offsets = text ? new Int32Array(n + 1) : null;
    this.bytes = new Uint8Array(text ? Math.min(n * 8, 1 << 20) : 0);
  }

  /** Room for `more` bytes past `at`. */
  room(at: number, more: number): Uint8Array {
    const need = at + more;
    if (need > this.bytes.length) {
      if (need > 0x7fffffff) throw new Error(`more than 2^31 - 1 bytes of text in one column chunk`);
      const next = new Uint8Array(Math.min(Math.max(need, this.bytes.length * 2), 0x7fffffff));
      next.set(this.bytes.subarray(0, at));
      this.bytes = next;
    }
    return this.bytes;
  }

  /** The output array (values or codes) that a page's dense values go to. */
  get out(): PhysicalArray {
    return (this.values ?? this.codes)!;
  }
}

function allocPhysical(physical: string, n: number): PhysicalArray {
  switch (physical) {
    case 'INT32':
      return new Int32Array(n);
    case 'INT64':
      return new BigInt64Array(n);
    case 'FLOAT':
      return new Float32Array(n);
    case 'DOUBLE':
      return new Float64Array(n);
    case 'BOOLEAN':
      return new Uint8Array(n);
    default:
      throw new Error(`physical type ${physical} is not read`);
  }
}

function widthOf(physical: string): number {
  return physical === 'INT64' || physical === 'DOUBLE' ? 8 : 4;
}

/**
 * @internal Decodes a column chunk of `numRows` rows from `bytes` (the chunk's bytes, starting at file offset
 * `base`). Every failure becomes a {@link ParquetError} naming the column, the row group and the byte offset
 * of the page that failed.
 */
export function decodeColumnChunk(
  bytes: Uint8Array,
  base: number,
  plan: ColumnPlan,
  meta: ColumnMetaData,
  numRows: number,
  rowGroup: number,
  compressors: Compressors | undefined,
): DecodedColumn {
  const d = new ChunkDecoder(plan, numRows);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const reader = { view, offset: 0 };
  let pageStart = 0;
  try {
    while (d.row < numRows) {
      pageStart = reader.offset;
      if (reader.offset >= bytes.length) throw new Error(`the column chunk ends after ${d.row} of ${numRows} rows`);
      let header: PageHeader;
      try {
        header = parquetHeader(reader);
      } catch (e) {
        throw new Error(`unreadable page header (${messageOf(e)})`);
      }
      const csize = header.compressed_page_size;
      const usize = header.uncompressed_page_size;
      if (!(csize >= 0) || reader.offset + csize > bytes.length) {
        throw new Error(`page of ${String(csize)} bytes runs past the end of the column chunk (${bytes.length - reader.offset} left)`);
      }
      if (!(usize >= 0) || usize > MAX_PAGE) throw new Error(`page claims ${String(usize)} uncompressed bytes`);
      const raw = bytes.subarray(reader.offset, reader.offset + csize);
      reader.offset += csize;
      if (header.type === 'DICTIONARY_PAGE') {
        const page = decompress(raw, usize, meta, compressors);
        readDictionary(d, page, header.dictionary_page_header?.num_values ?? 0);
      } else if (header.type === 'DATA_PAGE') {
        const h = header.data_page_header;
        if (h === undefined) throw new Error('data page without its header');
        checkCount(d, h.num_values);
        const page = decompress(raw, usize, meta, compressors);
        let pos = 0;
        let defs: Int32Array | null = null;
        if (plan.optional) {
          if (page.length < 4) throw new Error('data page too short for its definition levels');
          const len = page[0]! | (page[1]! << 8) | (page[2]! << 16) | (page[3]! << 24);
          if (len < 0 || 4 + len > page.length) throw new Error(`definition levels of ${len} bytes run past the page`);
          defs = new Int32Array(h.num_values);
          decodeHybrid(page, 4, 4 + len, 1, defs, h.num_values);
          pos = 4 + len;
        }
        readValues(d, page, pos, h.encoding, h.num_values, defs);
      } else if (header.type === 'DATA_PAGE_V2') {
        const h = header.data_page_header_v2;
        if (h === undefined) throw new Error('data page v2 without its header');
        checkCount(d, h.num_values);
        const rl = h.repetition_levels_byte_length;
        const dl = h.definition_levels_byte_length;
        if (!(rl >= 0 && dl >= 0) || rl + dl > raw.length) throw new Error('levels run past the page');
        let defs: Int32Array | null = null;
        if (plan.optional && dl > 0) {
          defs = new Int32Array(h.num_values);
          decodeHybrid(raw, rl, rl + dl, 1, defs, h.num_values);
        }
        const body = raw.subarray(rl + dl);
        const page = h.is_compressed === false ? body : decompress(body, usize - rl - dl, meta, compressors);
        readValues(d, page, 0, h.encoding, h.num_values, defs);
      } else {
        // INDEX_PAGE or unknown: skip.
      }
    }
  } catch (e) {
    if (e instanceof ParquetError) throw e;
    throw new ParquetError(messageOf(e), { column: plan.name, rowGroup, offset: base + pageStart });
  }
  const offsets = d.offsets;
  const text = offsets === null ? null : d.bytes.subarray(0, offsets[numRows]!);
  return { values: d.values, codes: d.codes, dict: d.dict, offsets, bytes: text, valid: d.valid, nullCount: d.nullCount };
}

function checkCount(d: ChunkDecoder, numValues: number): void {
  if (!(numValues > 0) || d.row + numValues > d.n) {
    throw new Error(`data page of ${String(numValues)} values after ${d.row} of ${d.n} rows`);
  }
}

function decompress(raw: Uint8Array, size: number, meta: ColumnMetaData, compressors: Compressors | undefined): Uint8Array {
  if (meta.codec === 'UNCOMPRESSED') {
    if (raw.length !== size) throw new Error(`uncompressed page of ${raw.length} bytes, header says ${size}`);
    return raw;
  }
  try {
    return decompressPage(raw, size, meta.codec, compressors);
  } catch (e) {
    throw new Error(`${meta.codec} page fails to decompress (${messageOf(e)})`);
  }
}

function readDictionary(d: ChunkDecoder, page: Uint8Array, count: number): void {
  const plan = d.plan;
  if (!(count >= 0)) throw new Error(`dictionary of ${String(count)} values`);
  if (d.offsets !== null) {
    // Plain text: keep the dictionary as bytes and value bounds (start, end) — no string made.
    if (count * 4 > page.length) throw new Error(`dictionary of ${count} strings in ${page.length} bytes`);
    const bounds = new Int32Array(2 * count);
    let pos = 0;
    for (let i = 0; i < count; i++) {
      const len = readLen(page, pos);
      bounds[2 * i] = pos + 4;
      bounds[2 * i + 1] = pos + 4 + len;
      pos += 4 + len;
    }
    d.dictBytes = page;
    d.dictBounds = bounds;
  } else if (plan.kind === 'string') {
    if (count * 4 > page.length) throw new Error(`dictionary of ${count} strings in ${page.length} bytes`);
    const dict = new Array<string>(count);
    let pos = 0;
    for (let i = 0; i < count; i++) {
      const len = readLen(page, pos);
      pos += 4;
      dict[i] = utf8.decode(page.subarray(pos, pos + len));
      pos += len;
    }
    d.dict = dict;
    d.dictIndex = null;
  } else {
    const w = plan.physical === 'BOOLEAN' ? 1 : widthOf(plan.physical);
    if (count * w > page.length) throw new Error(`dictionary of ${count} values in ${page.length} bytes`);
    const arr = allocPhysical(plan.physical, count);
    copyPlain(arr, page, 0, count, w);
    d.numDict = arr;
  }
}

function readLen(page: Uint8Array, pos: number): number {
  if (pos + 4 > page.length) throw new Error('byte array length past the end of the page');
  const len = (page[pos]! | (page[pos + 1]! << 8) | (page[pos + 2]! << 16) | (page[pos + 3]! << 24)) >>> 0;
  if (pos + 4 + len > page.length) throw new Error(`byte array of ${len} bytes runs past the end of the page`);
  return len;
}

/** Copies `count` fixed-width little-endian values (the platform's order: all JS engines run little-endian). */
function copyPlain(dst: PhysicalArray, page: Uint8Array, pos: number, count: number, w: number): void {
  if (pos + count * w > page.length) throw new Error(`${count} values need ${count * w} bytes, the page has ${page.length - pos}`);
  new Uint8Array(dst.buffer, dst.byteOffset, count * w).set(page.subarray(pos, pos + count * w));
}

/** Reads a page's values into the output at the current row, then spreads them over the nulls. */
function readValues(d: ChunkDecoder, page: Uint8Array, pos: number, encoding: string, numValues: number, defs: Int32Array | null): void {
  if (d.offsets !== null) {
    readText(d, page, pos, encoding, numValues, defs);
    return;
  }
  let nn = numValues;
  if (defs !== null) {
    nn = 0;
    for (let i = 0; i < numValues; i++) nn += defs[i]!;
  }
  const out = d.out;
  const row = d.row;
  const plan = d.plan;
  const dense = out.subarray(row, row + nn) as PhysicalArray;
  if (encoding === 'PLAIN') {
    if (plan.kind === 'string') plainStrings(d, page, pos, nn, dense as Int32Array);
    else if (plan.physical === 'BOOLEAN') unpackBits(page, pos, nn, dense as Uint8Array);
    else copyPlain(dense, page, pos, nn, widthOf(plan.physical));
  } else if (encoding === 'RLE_DICTIONARY' || encoding === 'PLAIN_DICTIONARY') {
    if (pos >= page.length && nn > 0) throw new Error('dictionary-encoded page without its bit width');
    const bw = page[pos] ?? 0;
    const idx = plan.kind === 'string' ? (dense as Int32Array) : new Int32Array(nn);
    decodeHybrid(page, pos + 1, page.length, bw, idx, nn);
    if (plan.kind === 'string') {
      const k = d.dict === null ? 0 : d.dict.length;
      for (let i = 0; i < nn; i++) if (idx[i]! >>> 0 >= k) throw new Error(`dictionary index ${idx[i]} out of range [0, ${k})`);
    } else gather(d, idx, dense);
  } else if (encoding === 'RLE' && plan.physical === 'BOOLEAN') {
    const len = readLen(page, pos);
    const tmp = new Int32Array(nn);
    decodeHybrid(page, pos + 4, pos + 4 + len, 1, tmp, nn);
    (dense as Uint8Array).set(tmp);
  } else {
    otherEncoding(d, page, pos, encoding, nn, dense);
  }
  if (defs !== null && nn < numValues) spread(d, defs, numValues, nn);
  d.row = row + numValues;
}

function gather(d: ChunkDecoder, idx: Int32Array, dense: PhysicalArray): void {
  const dict = d.numDict;
  if (dict === null) throw new Error('dictionary-encoded page without a dictionary page');
  const k = dict.length;
  const n = idx.length;
  for (let i = 0; i < n; i++) {
    const j = idx[i]!;
    if (j >>> 0 >= k) throw new Error(`dictionary index ${j} out of range [0, ${k})`);
    dense[i] = dict[j]!;
  }
}

function unpackBits(page: Uint8Array, pos: number, n: number, out: Uint8Array): void {
  if (pos + Math.ceil(n / 8) > page.length) throw new Error(`${n} booleans run past the end of the page`);
  for (let i = 0; i < n; i++) out[i] = (page[pos + (i >> 3)]! >> (i & 7)) & 1;
}

function codeOf(d: ChunkDecoder, s: string): number {
  let ix = d.dictIndex;
  if (d.dict === null) d.dict = [];
  if (ix === null) {
    ix = new Map();
    const dict = d.dict;
    for (let i = 0; i < dict.length; i++) if (!ix.has(dict[i]!)) ix.set(dict[i]!, i);
    d.dictIndex = ix;
  }
  let c = ix.get(s);
  if (c === undefined) {
    c = d.dict.length;
    d.dict.push(s);
    ix.set(s, c);
  }
  return c;
}

function plainStrings(d: ChunkDecoder, page: Uint8Array, pos: number, n: number, codes: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const len = readLen(page, pos);
    pos += 4;
    codes[i] = codeOf(d, utf8.decode(page.subarray(pos, pos + len)));
    pos += len;
  }
}

/** DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT through hyparquet. */
function otherEncoding(d: ChunkDecoder, page: Uint8Array, pos: number, encoding: string, n: number, dense: PhysicalArray): void {
  const plan = d.plan;
  const reader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: pos };
  if (encoding === 'DELTA_BINARY_PACKED' && (plan.physical === 'INT32' || plan.physical === 'INT64')) {
    deltaBinaryUnpack(reader, n, dense as Int32Array | BigInt64Array);
  } else if ((encoding === 'DELTA_LENGTH_BYTE_ARRAY' || encoding === 'DELTA_BYTE_ARRAY') && plan.kind === 'string') {
    const vals = new Array<Uint8Array>(n);
    if (encoding === 'DELTA_BYTE_ARRAY') deltaByteArray(reader, n, vals);
    else deltaLengthByteArray(reader, n, vals);
    for (let i = 0; i < n; i++) dense[i] = codeOf(d, utf8.decode(vals[i]));
  } else if (encoding === 'BYTE_STREAM_SPLIT' && plan.kind !== 'string' && plan.physical !== 'BOOLEAN') {
    const vals = byteStreamSplit(reader, n, plan.physical, undefined) as ArrayLike<number | bigint>;
    for (let i = 0; i < n; i++) dense[i] = vals[i] as never;
  } else {
    throw new Error(`encoding ${encoding} of a ${plan.physical} column is not supported`);
  }
}

/**
 * Plain text: the page's values appended to the chunk's bytes, row by row (a null row gets an empty range and
 * a 0 in `valid`). PLAIN and dictionary pages copy bytes, never making a string.
 */
function readText(d: ChunkDecoder, page: Uint8Array, pos: number, encoding: string, numValues: number, defs: Int32Array | null): void {
  const offsets = d.offsets!;
  const row = d.row;
  let nn = numValues;
  if (defs !== null) {
    nn = 0;
    for (let i = 0; i < numValues; i++) nn += defs[i]!;
  }
  let at = offsets[row]!;
  let k = 0; // dense value index
  const next = (len: number, src: Uint8Array, start: number): void => {
    d.room(at, len).set(src.subarray(start, start + len), at);
    at += len;
  };
  if (encoding === 'PLAIN') {
    for (let i = 0; i < numValues; i++) {
      if (defs === null || defs[i] === 1) {
        const len = readLen(page, pos);
        next(len, page, pos + 4);
        pos += 4 + len;
      }
      offsets[row + i + 1] = at;
    }
  } else if (encoding === 'RLE_DICTIONARY' || encoding === 'PLAIN_DICTIONARY') {
    const dict = d.dictBytes;
    const bounds = d.dictBounds;
    if (dict === null || bounds === null) throw new Error('dictionary-encoded page without a dictionary page');
    if (pos >= page.length && nn > 0) throw new Error('dictionary-encoded page without its bit width');
    const idx = new Int32Array(nn);
    decodeHybrid(page, pos + 1, page.length, page[pos] ?? 0, idx, nn);
    const size = bounds.length >> 1;
    for (let i = 0; i < numValues; i++) {
      if (defs === null || defs[i] === 1) {
        const j = idx[k++]!;
        if (j >>> 0 >= size) throw new Error(`dictionary index ${j} out of range [0, ${size})`);
        next(bounds[2 * j + 1]! - bounds[2 * j]!, dict, bounds[2 * j]!);
      }
      offsets[row + i + 1] = at;
    }
  } else if (encoding === 'DELTA_LENGTH_BYTE_ARRAY' || encoding === 'DELTA_BYTE_ARRAY') {
    const reader = { view: new DataView(page.buffer, page.byteOffset, page.byteLength), offset: pos };
    const vals = new Array<Uint8Array>(nn);
    if (encoding === 'DELTA_BYTE_ARRAY') deltaByteArray(reader, nn, vals);
    else deltaLengthByteArray(reader, nn, vals);
    for (let i = 0; i < numValues; i++) {
      if (defs === null || defs[i] === 1) {
        const v = vals[k++]!;
        next(v.length, v, 0);
      }
      offsets[row + i + 1] = at;
    }
  } else {
    throw new Error(`encoding ${encoding} of a BYTE_ARRAY column is not supported`);
  }
  if (defs !== null && nn < numValues) {
    if (d.valid === null) d.valid = new Uint8Array(d.n).fill(1);
    for (let i = 0; i < numValues; i++) if (defs[i] !== 1) d.valid[row + i] = 0;
    d.nullCount += numValues - nn;
  }
  d.row = row + numValues;
}

/** Moves the `nn` dense values at the current row to their rows (from the end: in place), nulls get 0 / -1. */
function spread(d: ChunkDecoder, defs: Int32Array, numValues: number, nn: number): void {
  const row = d.row;
  if (d.valid === null) d.valid = new Uint8Array(d.n).fill(1);
  const valid = d.valid;
  const out = d.out;
  const nullFill = d.codes !== null ? -1 : out instanceof BigInt64Array ? 0n : 0;
  let j = row + nn - 1;
  for (let i = numValues - 1; i >= 0; i--) {
    if (defs[i] === 1) out[row + i] = out[j--]!;
    else {
      out[row + i] = nullFill as never;
      valid[row + i] = 0;
    }
  }
  d.nullCount += numValues - nn;
}
