/**
 * Arrow IPC schema validation: walks a `Schema` flatbuffer (Schema.fbs) completely, with every
 * vector, string and table checked against the metadata's bytes, every type tag and type parameter
 * checked against the Arrow specification, and the field tree bounded in depth and in size, before
 * any of it reaches apache-arrow. The result is the small layout tree that {@link checkBatch} uses to
 * check each record batch's field nodes and buffers.
 *
 * Why: apache-arrow trusts the schema. A single flipped bit can turn a children count into 67 million,
 * and the decoder allocates per claimed child until the process runs out of heap (docs/reliability.md).
 *
 * @packageDocumentation
 */
import { describe } from '../errors.js';
import { type FlatReader, throwMalformed } from './flatbuffer.js';

/** Arrow type tags (`Type` union of Schema.fbs). */
export const Tag = {
  Null: 1,
  Int: 2,
  FloatingPoint: 3,
  Binary: 4,
  Utf8: 5,
  Bool: 6,
  Decimal: 7,
  Date: 8,
  Time: 9,
  Timestamp: 10,
  Interval: 11,
  List: 12,
  Struct: 13,
  Union: 14,
  FixedSizeBinary: 15,
  FixedSizeList: 16,
  Map: 17,
  Duration: 18,
  LargeBinary: 19,
  LargeUtf8: 20,
  LargeList: 21,
  RunEndEncoded: 22,
  BinaryView: 23,
  Utf8View: 24,
  ListView: 25,
  LargeListView: 26,
} as const;
/** An Arrow type tag. */
export type Tag = (typeof Tag)[keyof typeof Tag];

const TAG_NAMES = [
  'NONE',
  'Null',
  'Int',
  'FloatingPoint',
  'Binary',
  'Utf8',
  'Bool',
  'Decimal',
  'Date',
  'Time',
  'Timestamp',
  'Interval',
  'List',
  'Struct',
  'Union',
  'FixedSizeBinary',
  'FixedSizeList',
  'Map',
  'Duration',
  'LargeBinary',
  'LargeUtf8',
  'LargeList',
  'RunEndEncoded',
  'BinaryView',
  'Utf8View',
  'ListView',
  'LargeListView',
];

/** Nesting deeper than this is rejected (Arrow C++ limits nesting to 64 as well). */
export const MAX_SCHEMA_DEPTH = 64;

/** @internal The layout of one field: how many buffers its nodes take, how big they must be. */
export interface LayoutField {
  readonly name: string;
  readonly tag: Tag;
  /**
   * Bytes per value of the data buffer: a fixed width for primitives, `0.125` for Bool, the index
   * width for a dictionary-encoded field, `4` / `8` for the offsets of Utf8/Binary/List/Map (and
   * their Large variants), `16` for views, `0` when there is no data buffer (Null, Struct,
   * FixedSizeList).
   */
  readonly width: number;
  /** `'fixed'` data buffer, `'offsets'` + data bytes, `'list'` offsets + child, `'view'`, or `'none'`. */
  readonly kind: 'none' | 'fixed' | 'bits' | 'offsets' | 'list' | 'fixedList' | 'struct' | 'view';
  /** FixedSizeList size. */
  readonly listSize: number;
  /** The dictionary id when the field is dictionary-encoded (its batch data is then the index column only). */
  readonly dictionaryId: number | undefined;
  readonly children: readonly LayoutField[];
}

/** @internal A validated schema. */
export interface LayoutSchema {
  readonly fields: readonly LayoutField[];
  /** Dictionary id → the value field (the type of the dictionary batches with that id). */
  readonly dictionaries: ReadonlyMap<number, LayoutField>;
}

interface Walk {
  readonly fb: FlatReader;
  readonly at: number;
  /** Fields left to visit: the tree may not have more fields than its bytes can hold (no shared or cyclic references). */
  budget: number;
  readonly dictionaries: Map<number, LayoutField>;
}

function bad(w: Walk, path: string, what: string): never {
  return throwMalformed(w.at, `schema field ${path}: ${what}`);
}

/**
 * @internal Validates the `Schema` table at `schema` and returns its layout tree.
 * @param at - byte offset of the message (or footer) for error messages.
 * @throws {@link compactly!ValueError} naming the offset for anything malformed; `TypeError` for a
 *   well-formed type compactly cannot read at all (Union, RunEndEncoded, list views).
 */
export function parseSchema(fb: FlatReader, schema: number, at: number): LayoutSchema {
  const w: Walk = { fb, at, budget: Math.floor(fb.size / 8) + 1, dictionaries: new Map() };
  const endianness = fb.fieldI16(schema, 0, 0);
  if (endianness !== 0) {
    return throwMalformed(at, endianness === 1 ? 'big-endian Arrow data is not supported' : `unknown endianness ${endianness}`);
  }
  checkKeyValues(w, schema, 2, 'schema');
  const features = fb.vector(schema, 3, 8);
  for (let i = 0; i < features.count; i++) fb.i64(features.first + 8 * i);
  const fields = fieldsOf(w, schema, 1, '', 0);
  const seen = new Set<string>();
  for (const f of fields) {
    if (seen.has(f.name)) return throwMalformed(at, `schema has the field name ${describe(f.name)} twice; RecordStore field names are unique`);
    seen.add(f.name);
  }
  return { fields, dictionaries: w.dictionaries };
}

function checkKeyValues(w: Walk, table: number, id: number, path: string): void {
  const kv = w.fb.vector(table, id, 4);
  for (let i = 0; i < kv.count; i++) {
    const t = w.fb.deref(kv.first + 4 * i);
    if (w.fb.string(t, 0) === undefined) bad(w, path, `custom metadata entry ${i} has no key`);
    w.fb.string(t, 1);
  }
}

function fieldsOf(w: Walk, table: number, id: number, parent: string, depth: number): LayoutField[] {
  const v = w.fb.vector(table, id, 4);
  if (v.count > w.budget) bad(w, parent || '(root)', `${v.count} children claimed in ${w.fb.size} bytes of metadata`);
  const out: LayoutField[] = [];
  for (let i = 0; i < v.count; i++) out.push(fieldAt(w, w.fb.deref(v.first + 4 * i), parent, depth));
  return out;
}

function fieldAt(w: Walk, f: number, parent: string, depth: number): LayoutField {
  const fb = w.fb;
  if (--w.budget < 0) bad(w, parent, 'the field tree is larger than its metadata (shared or cyclic references)');
  if (depth >= MAX_SCHEMA_DEPTH) bad(w, parent, `nested more than ${MAX_SCHEMA_DEPTH} levels deep`);
  const name = fb.string(f, 0) ?? '';
  const path = parent === '' ? describe(name) : `${parent}.${describe(name)}`;
  checkKeyValues(w, f, 6, path);
  const tag = fb.fieldU8(f, 2, 0);
  if (tag === 0 || tag >= TAG_NAMES.length) bad(w, path, `unknown type tag ${tag}`);
  const type = fb.fieldTable(f, 3);
  const children = fieldsOf(w, f, 5, path, depth + 1);
  const value = layoutOf(w, path, name, tag as Tag, type, children);
  const dict = fb.fieldTable(f, 4);
  if (dict === 0) return value;
  const id = fb.fieldI64(dict, 0, 0);
  const indexType = fb.fieldTable(dict, 1);
  let indexWidth = 4;
  if (indexType !== 0) {
    const bits = fb.fieldI32(indexType, 0, 0);
    if (bits !== 8 && bits !== 16 && bits !== 32 && bits !== 64) bad(w, path, `dictionary index bit width ${bits}`);
    indexWidth = bits / 8;
  }
  const kind = fb.fieldI16(dict, 3, 0);
  if (kind !== 0) bad(w, path, `unknown dictionary kind ${kind}`);
  const prev = w.dictionaries.get(id);
  if (prev === undefined) w.dictionaries.set(id, value);
  return { name, tag: tag as Tag, width: indexWidth, kind: 'fixed', listSize: 0, dictionaryId: id, children: [] };
}

function need(w: Walk, path: string, tag: Tag, children: readonly LayoutField[], n: number): void {
  if (children.length !== n) bad(w, path, `type ${TAG_NAMES[tag]} has ${children.length} child field(s), not ${n}`);
}

function unitOf(w: Walk, path: string, type: number, id: number, dflt: number, max: number, what: string): number {
  const u = type === 0 ? dflt : w.fb.fieldI16(type, id, dflt);
  if (u < 0 || u > max) bad(w, path, `unknown ${what} ${u}`);
  return u;
}

function layoutOf(w: Walk, path: string, name: string, tag: Tag, type: number, children: LayoutField[]): LayoutField {
  const fb = w.fb;
  const leaf = (width: number, kind: LayoutField['kind'] = 'fixed'): LayoutField => {
    need(w, path, tag, children, 0);
    return { name, tag, width, kind, listSize: 0, dictionaryId: undefined, children };
  };
  const nested = (width: number, kind: LayoutField['kind'], listSize = 0): LayoutField => ({
    name,
    tag,
    width,
    kind,
    listSize,
    dictionaryId: undefined,
    children,
  });
  switch (tag) {
    case Tag.Null:
      return leaf(0, 'none');
    case Tag.Int: {
      const bits = type === 0 ? 0 : fb.fieldI32(type, 0, 0);
      if (bits !== 8 && bits !== 16 && bits !== 32 && bits !== 64) bad(w, path, `Int bit width ${bits}`);
      return leaf(bits / 8);
    }
    case Tag.FloatingPoint:
      return leaf([2, 4, 8][unitOf(w, path, type, 0, 0, 2, 'floating-point precision')]!);
    case Tag.Binary:
    case Tag.Utf8:
      return leaf(4, 'offsets');
    case Tag.LargeBinary:
    case Tag.LargeUtf8:
      return leaf(8, 'offsets');
    case Tag.Bool:
      return leaf(0.125, 'bits');
    case Tag.Decimal: {
      const bits = type === 0 ? 128 : fb.fieldI32(type, 2, 128);
      if (bits !== 32 && bits !== 64 && bits !== 128 && bits !== 256) bad(w, path, `Decimal bit width ${bits}`);
      return leaf(bits / 8);
    }
    case Tag.Date:
      return leaf(unitOf(w, path, type, 0, 1, 1, 'date unit') === 0 ? 4 : 8);
    case Tag.Time: {
      const unit = unitOf(w, path, type, 0, 1, 3, 'time unit');
      const bits = type === 0 ? 32 : fb.fieldI32(type, 1, 32);
      if (bits !== (unit <= 1 ? 32 : 64)) bad(w, path, `Time bit width ${bits} for unit ${unit}`);
      return leaf(bits / 8);
    }
    case Tag.Timestamp:
      unitOf(w, path, type, 0, 0, 3, 'time unit');
      if (type !== 0) fb.string(type, 1);
      return leaf(8);
    case Tag.Duration:
      unitOf(w, path, type, 0, 1, 3, 'time unit');
      return leaf(8);
    case Tag.Interval:
      return leaf([4, 8, 16][unitOf(w, path, type, 0, 0, 2, 'interval unit')]!);
    case Tag.FixedSizeBinary: {
      const width = type === 0 ? 0 : fb.fieldI32(type, 0, 0);
      if (width < 1) bad(w, path, `FixedSizeBinary byte width ${width}`);
      return leaf(width);
    }
    case Tag.BinaryView:
    case Tag.Utf8View:
      return leaf(16, 'view');
    case Tag.List:
    case Tag.Map:
      need(w, path, tag, children, 1);
      if (tag === Tag.Map && (children[0]!.tag !== Tag.Struct || children[0]!.children.length !== 2)) {
        bad(w, path, 'a Map needs one Struct child of two fields');
      }
      return nested(4, 'list');
    case Tag.LargeList:
      need(w, path, tag, children, 1);
      return nested(8, 'list');
    case Tag.FixedSizeList: {
      need(w, path, tag, children, 1);
      const size = type === 0 ? -1 : fb.fieldI32(type, 0, -1);
      if (size < 0) bad(w, path, `FixedSizeList size ${size}`);
      return nested(0, 'fixedList', size);
    }
    case Tag.Struct:
      return nested(0, 'struct');
    default:
      // Union, RunEndEncoded, ListView, LargeListView: well-formed Arrow, but nothing compactly can hold.
      throw new TypeError(
        `column ${path} has Arrow type ${TAG_NAMES[tag]}, which compactly cannot hold (it reads numeric, boolean, string, dictionary and fixed-size-list columns)`,
      );
  }
}
