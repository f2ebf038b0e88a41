/**
 * Arrow IPC record-batch validation against a validated schema ({@link parseSchema}): the batch must
 * have exactly one field node per field and exactly the buffers the Arrow layout gives each type,
 * every node length within {@link MAX_NODE_LENGTH}, every buffer big enough for its node's length,
 * every offsets buffer non-decreasing and within its data, every child long enough for its parent.
 * What passes can be handed to apache-arrow without it reading past a buffer or allocating for
 * lengths the bytes do not hold.
 *
 * @packageDocumentation
 */
import { type FlatReader, throwMalformed } from './flatbuffer.js';
import { type LayoutField, Tag } from './ipc-schema.js';
import { describe } from '../errors.js';

/** Longest field node accepted (rows of a batch, or items of a child): 2^31 − 1, as Arrow's 32-bit offsets. */
export const MAX_NODE_LENGTH = 2 ** 31 - 1;

interface Cursor {
  readonly fb: FlatReader;
  readonly at: number;
  readonly what: string;
  readonly body: DataView;
  readonly compressed: boolean;
  readonly nodes: { readonly first: number; readonly count: number };
  readonly buffers: { readonly first: number; readonly count: number };
  readonly variadic: { readonly first: number; readonly count: number };
  node: number;
  buffer: number;
  variadicIndex: number;
}

interface Region {
  readonly offset: number;
  readonly length: number;
}

function bad(c: Cursor, what: string): never {
  return throwMalformed(c.at, `${c.what}: ${what}`);
}

/**
 * @internal Checks the `RecordBatch` table at `batch` (a record batch, or the data of a dictionary batch)
 * against `fields`.
 * @param body - the message body (buffers are relative to it; already checked to lie inside it).
 * @returns the batch length.
 * @throws {@link compactly!ValueError} naming the message offset.
 */
export function checkBatch(fb: FlatReader, batch: number, fields: readonly LayoutField[], body: Uint8Array, at: number, what: string): number {
  const rows = fb.fieldI64(batch, 0, 0);
  const compression = fb.fieldTable(batch, 3);
  if (compression !== 0) {
    const codec = fb.fieldU8(compression, 0, 0);
    const method = fb.fieldU8(compression, 1, 0);
    if (codec > 1 || method !== 0) throwMalformed(at, `${what}: unknown body compression (codec ${codec}, method ${method})`);
  }
  const c: Cursor = {
    fb,
    at,
    what,
    body: new DataView(body.buffer, body.byteOffset, body.byteLength),
    compressed: compression !== 0,
    nodes: fb.vector(batch, 1, 16),
    buffers: fb.vector(batch, 2, 16),
    variadic: fb.vector(batch, 4, 8),
    node: 0,
    buffer: 0,
    variadicIndex: 0,
  };
  if (rows < 0 || rows > MAX_NODE_LENGTH) bad(c, `batch length ${rows} outside [0, ${MAX_NODE_LENGTH}]`);
  for (const f of fields) {
    const len = visit(c, f);
    if (len !== rows) bad(c, `column ${describe(f.name)} has ${len} row(s) but the batch has ${rows}`);
  }
  if (c.node !== c.nodes.count) bad(c, `${c.nodes.count} field nodes where the schema has ${c.node}`);
  if (c.buffer !== c.buffers.count) bad(c, `${c.buffers.count} buffers where the schema's layout has ${c.buffer}`);
  if (c.variadicIndex !== c.variadic.count) {
    bad(c, `${c.variadic.count} variadic buffer counts where the schema has ${c.variadicIndex} view column(s)`);
  }
  return rows;
}

function nextNode(c: Cursor, f: LayoutField): { length: number; nulls: number } {
  if (c.node >= c.nodes.count) bad(c, `no field node left for field ${describe(f.name)} (${c.nodes.count} nodes)`);
  const p = c.nodes.first + 16 * c.node++;
  const length = c.fb.i64(p);
  const nulls = c.fb.i64(p + 8);
  if (length < 0 || length > MAX_NODE_LENGTH) bad(c, `field ${describe(f.name)} length ${length} outside [0, ${MAX_NODE_LENGTH}]`);
  if (nulls < 0 || nulls > length) bad(c, `field ${describe(f.name)} null count ${nulls} outside [0, ${length}]`);
  return { length, nulls };
}

function nextBuffer(c: Cursor, f: LayoutField): Region {
  if (c.buffer >= c.buffers.count) bad(c, `no buffer left for field ${describe(f.name)} (${c.buffers.count} buffers)`);
  const p = c.buffers.first + 16 * c.buffer++;
  // Offset and length were checked against the body by scanMessage.
  return { offset: c.fb.i64(p), length: c.fb.i64(p + 8) };
}

function needBytes(c: Cursor, f: LayoutField, r: Region, bytes: number, what: string): void {
  // A compressed buffer's size says nothing of its decoded size (apache-arrow's codec decodes it).
  if (!c.compressed && r.length < bytes) {
    bad(c, `field ${describe(f.name)} needs ${bytes} bytes of ${what} but its buffer has ${r.length}`);
  }
}

/**
 * Checks `count + 1` offsets of `width` bytes at `r`: non-decreasing, from >= 0; returns the last
 * (the length its data or child must have). Without compression only (the body is then the data).
 */
function checkOffsets(c: Cursor, f: LayoutField, r: Region, count: number, width: number): number {
  if (c.compressed || count === 0) return 0;
  let prev = -1;
  for (let i = 0; i <= count; i++) {
    const p = r.offset + width * i;
    const v = width === 4 ? c.body.getInt32(p, true) : Number(c.body.getBigInt64(p, true));
    if (!(v >= 0 && v >= prev && v <= Number.MAX_SAFE_INTEGER)) {
      bad(c, `field ${describe(f.name)} offset ${i} is ${v} after ${prev} (offsets must start at 0 or more and not decrease)`);
    }
    prev = v;
  }
  return prev;
}

function visit(c: Cursor, f: LayoutField): number {
  const { length, nulls } = nextNode(c, f);
  if (f.tag === Tag.Null) return length;
  const validity = nextBuffer(c, f);
  if (nulls > 0) needBytes(c, f, validity, Math.ceil(length / 8), 'validity bitmap');
  switch (f.kind) {
    case 'fixed':
    case 'bits':
      needBytes(c, f, nextBuffer(c, f), Math.ceil(length * f.width), 'values');
      break;
    case 'offsets': {
      const offsets = nextBuffer(c, f);
      const data = nextBuffer(c, f);
      if (length > 0) {
        needBytes(c, f, offsets, (length + 1) * f.width, 'offsets');
        const last = checkOffsets(c, f, offsets, length, f.width);
        needBytes(c, f, data, last, 'string/binary data');
      }
      break;
    }
    case 'list': {
      const offsets = nextBuffer(c, f);
      if (length > 0) needBytes(c, f, offsets, (length + 1) * f.width, 'offsets');
      const last = length > 0 ? checkOffsets(c, f, offsets, length, f.width) : 0;
      const items = visit(c, f.children[0]!);
      if (!c.compressed && items < last) bad(c, `field ${describe(f.name)} offsets reach ${last} but its child has ${items} item(s)`);
      break;
    }
    case 'fixedList': {
      const items = visit(c, f.children[0]!);
      if (items < length * f.listSize) {
        bad(c, `field ${describe(f.name)} of ${length} list(s) of ${f.listSize} needs ${length * f.listSize} items, its child has ${items}`);
      }
      break;
    }
    case 'struct':
      for (const child of f.children) {
        const n = visit(c, child);
        if (n < length) bad(c, `field ${describe(f.name)} has ${length} row(s) but its child ${describe(child.name)} has ${n}`);
      }
      break;
    case 'view':
      checkViews(c, f, length);
      break;
    case 'none':
      break;
  }
  return length;
}

/** Utf8View / BinaryView: 16-byte views, then as many data buffers as the batch's next variadic count. */
function checkViews(c: Cursor, f: LayoutField, length: number): void {
  const views = nextBuffer(c, f);
  needBytes(c, f, views, 16 * length, 'views');
  if (c.variadicIndex >= c.variadic.count) bad(c, `no variadic buffer count left for view field ${describe(f.name)}`);
  const n = c.fb.i64(c.variadic.first + 8 * c.variadicIndex++);
  if (n < 0 || n > c.buffers.count - c.buffer) bad(c, `field ${describe(f.name)} claims ${n} variadic buffers`);
  const data: Region[] = [];
  for (let k = 0; k < n; k++) data.push(nextBuffer(c, f));
  if (c.compressed) return;
  for (let i = 0; i < length; i++) {
    const p = views.offset + 16 * i;
    const len = c.body.getInt32(p, true);
    if (len < 0) bad(c, `field ${describe(f.name)} view ${i} has length ${len}`);
    if (len <= 12) continue;
    const k = c.body.getInt32(p + 8, true);
    const off = c.body.getInt32(p + 12, true);
    const r = data[k];
    if (r === undefined || off < 0 || off + len > r.length) {
      bad(c, `field ${describe(f.name)} view ${i} (buffer ${k}, offset ${off}, length ${len}) lies outside its data buffers`);
    }
  }
}
