/**
 * Encodes one column of a row group (slices of one or more chunks) into a Parquet column chunk: PLAIN pages
 * for numbers, a dictionary page plus RLE_DICTIONARY pages for categoricals, min/max/null-count statistics.
 *
 * @packageDocumentation
 */
import type { ColumnMetaData, Encoding, PageHeader, Statistics } from 'hyparquet';
import { ByteWriter } from 'hyparquet-writer';
import { writePageHeader } from 'hyparquet-writer/src/datapage.js';
import type { Categorical } from '../categorical.js';
import type { RecordStore, Schema } from '../record-store.js';
import { bitWidthOf, Bytes, encodeHybrid } from './rle.js';
import { byteCompare, ChunkStats, pageRows, plainPage, startPage } from './encode-values.js';
import type { WriteColumn } from './types.js';

/** A page compressor: `'UNCOMPRESSED'` passes bytes through. */
export interface PageCodec {
  readonly name: 'UNCOMPRESSED' | 'SNAPPY' | 'GZIP' | 'ZSTD';
  compress(bytes: Uint8Array): Uint8Array | Promise<Uint8Array>;
}

/** @internal Rows `[start, end)` of a chunk. */
export interface Piece {
  readonly store: RecordStore<Schema>;
  readonly start: number;
  readonly end: number;
}

/** @internal An encoded column chunk: its bytes (to write in order) and its metadata (offsets relative to 0). */
export interface EncodedChunk {
  readonly parts: Uint8Array[];
  readonly byteLength: number;
  readonly meta: ColumnMetaData;
  /** Offset of the data pages relative to the chunk start (the dictionary page, if any, is at 0). */
  readonly dataOffset: number;
  readonly hasDictionary: boolean;
}

/** Rows per data page. */
const PAGE_ROWS = 1 << 16;
const utf8 = new TextEncoder();

class ChunkOut {
  parts: Uint8Array[] = [];
  length = 0;
  uncompressed = 0;
  constructor(readonly codec: PageCodec) {}

  async page(header: Omit<PageHeader, 'compressed_page_size' | 'uncompressed_page_size'>, body: Uint8Array): Promise<void> {
    const compressed = this.codec.name === 'UNCOMPRESSED' ? body : await this.codec.compress(body);
    const w = new ByteWriter(64);
    writePageHeader(w, { ...header, uncompressed_page_size: body.length, compressed_page_size: compressed.length } as PageHeader);
    const h = w.getBytes();
    this.parts.push(h, compressed);
    this.length += h.length + compressed.length;
    this.uncompressed += h.length + body.length;
  }
}

/** @internal Encodes one column over `pieces` (their rows, in order). */
export async function encodeColumn(col: WriteColumn, pieces: readonly Piece[], codec: PageCodec): Promise<EncodedChunk> {
  const out = new ChunkOut(codec);
  let rows = 0;
  for (const p of pieces) rows += p.end - p.start;
  const encodings: Encoding[] = [];
  let statistics: Statistics;
  let dataOffset = 0;
  let hasDictionary = false;
  if (col.source === 'category') {
    // Row-group dictionary: the union of the pieces' categories; per-piece code maps.
    const index = new Map<string, number>();
    const dict: string[] = [];
    const maps: Int32Array[] = [];
    for (const p of pieces) {
      const c = p.store.column(col.name as never) as unknown as Categorical<string>;
      const cats = c.categories;
      const m = new Int32Array(cats.length);
      for (let i = 0; i < cats.length; i++) {
        const s = String(cats[i]);
        let g = index.get(s);
        if (g === undefined) {
          g = dict.length;
          dict.push(s);
          index.set(s, g);
        }
        m[i] = g;
      }
      maps.push(m);
    }
    const encoded = dict.map((s) => utf8.encode(s));
    const body = new Bytes(16 + encoded.reduce((a, b) => a + b.length + 4, 0));
    for (const b of encoded) {
      body.int32(b.length);
      body.append(b);
    }
    await out.page({ type: 'DICTIONARY_PAGE', dictionary_page_header: { num_values: dict.length, encoding: 'PLAIN' } }, body.view());
    hasDictionary = true;
    dataOffset = out.length;
    encodings.push('PLAIN', 'RLE', 'RLE_DICTIONARY');
    const used = new Uint8Array(dict.length);
    const bw = bitWidthOf(dict.length - 1);
    let nulls = 0;
    for (let pi = 0; pi < pieces.length; pi++) {
      const p = pieces[pi]!;
      const codes = (p.store.column(col.name as never) as unknown as Categorical<string>).codes;
      const m = maps[pi]!;
      for (let s = p.start; s < p.end; s += PAGE_ROWS) {
        const e = Math.min(p.end, s + PAGE_ROWS);
        const n = e - s;
        const defs = new Int32Array(n);
        const vals = new Int32Array(n);
        let nn = 0;
        for (let i = 0; i < n; i++) {
          const k = codes[s + i]!;
          if (k >= 0) {
            defs[i] = 1;
            const g = m[k]!;
            vals[nn++] = g;
            used[g] = 1;
          }
        }
        nulls += n - nn;
        const page = startPage({ s, e, defs, dense: null, nn }, n);
        page.byte(bw);
        encodeHybrid(page, vals, 0, nn, bw);
        await out.page(
          { type: 'DATA_PAGE', data_page_header: { num_values: n, encoding: 'RLE_DICTIONARY', definition_level_encoding: 'RLE', repetition_level_encoding: 'RLE' } },
          page.view(),
        );
      }
    }
    let min: Uint8Array | undefined;
    let max: Uint8Array | undefined;
    for (let g = 0; g < dict.length; g++) {
      if (used[g] === 0) continue;
      const b = encoded[g]!;
      if (min === undefined || byteCompare(b, min) < 0) min = b;
      if (max === undefined || byteCompare(b, max) > 0) max = b;
    }
    statistics = min === undefined ? { null_count: BigInt(nulls) } : { null_count: BigInt(nulls), min_value: min as never, max_value: max as never };
  } else {
    encodings.push('PLAIN', 'RLE');
    const stats = new ChunkStats();
    for (const p of pieces) {
      const column = p.store.column(col.name as never) as unknown;
      const bm = col.nullable ? p.store.validity(col.name as never) : null;
      for (let s = p.start; s < p.end; s += PAGE_ROWS) {
        const e = Math.min(p.end, s + PAGE_ROWS);
        const body = plainPage(col, column, pageRows(col.nullable, bm, s, e), stats);
        await out.page({ type: 'DATA_PAGE', data_page_header: { num_values: e - s, encoding: 'PLAIN', definition_level_encoding: 'RLE', repetition_level_encoding: 'RLE' } }, body);
      }
    }
    statistics = stats.result();
  }
  const meta: ColumnMetaData = {
    type: col.element.type!,
    encodings,
    path_in_schema: [col.name],
    codec: codec.name,
    num_values: BigInt(rows),
    total_uncompressed_size: BigInt(out.uncompressed),
    total_compressed_size: BigInt(out.length),
    data_page_offset: 0n,
    statistics,
  };
  return { parts: out.parts, byteLength: out.length, meta, dataOffset, hasDictionary };
}
