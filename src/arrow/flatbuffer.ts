/**
 * A bounds-checked little-endian reader over one flatbuffer inside Arrow IPC bytes: every read,
 * vector and string is checked against the flatbuffer's own extent before it is used, so damaged
 * metadata becomes a `ValueError` naming the byte offset instead of a read past the end or a huge
 * count handed on to a decoder.
 *
 * @packageDocumentation
 */
import { ValueError } from '../errors.js';

/** @internal Throws a ValueError that names the byte offset. */
export function throwMalformed(offset: number, what: string): never {
  throw new ValueError(`malformed Arrow IPC data at byte offset ${offset}: ${what}`);
}

const decoder = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: false });
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

/** @internal A bounds-checked reader over `[start, end)` of `bytes` (absolute offset `base` for `start`). */
export class FlatReader {
  readonly #view: DataView;
  readonly #start: number;
  readonly #end: number;
  /** Absolute offset of `start` in the whole input, for messages. */
  readonly #base: number;

  constructor(bytes: Uint8Array, start: number, end: number, base: number) {
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#start = start;
    this.#end = end;
    this.#base = base;
  }

  /** Bytes of the flatbuffer. */
  get size(): number {
    return this.#end - this.#start;
  }

  /** Absolute byte offset of position `pos`, for error messages. */
  at(pos: number): number {
    return this.#base + Math.max(0, pos - this.#start);
  }

  #check(pos: number, size: number): void {
    if (!(pos >= this.#start && pos + size <= this.#end) || !Number.isInteger(pos)) {
      throwMalformed(this.at(pos), 'flatbuffer reference points outside the message metadata');
    }
  }
  u8(pos: number): number {
    this.#check(pos, 1);
    return this.#view.getUint8(pos);
  }
  u16(pos: number): number {
    this.#check(pos, 2);
    return this.#view.getUint16(pos, true);
  }
  i16(pos: number): number {
    this.#check(pos, 2);
    return this.#view.getInt16(pos, true);
  }
  i32(pos: number): number {
    this.#check(pos, 4);
    return this.#view.getInt32(pos, true);
  }
  u32(pos: number): number {
    this.#check(pos, 4);
    return this.#view.getUint32(pos, true);
  }
  i64(pos: number): number {
    this.#check(pos, 8);
    const v = this.#view.getBigInt64(pos, true);
    if (v > MAX_SAFE || v < MIN_SAFE) throwMalformed(this.at(pos), `64-bit value ${v} is not a safe integer`);
    return Number(v);
  }
  /** Position of the root table. */
  root(): number {
    return this.deref(this.#start);
  }
  /** Position of field `id` of the table at `table`, or 0 if absent. */
  field(table: number, id: number): number {
    const vtable = table - this.i32(table);
    const vsize = this.u16(vtable);
    if (vsize < 4 || vsize % 2 !== 0) throwMalformed(this.at(vtable), `flatbuffer vtable of ${vsize} bytes`);
    this.#check(vtable, vsize);
    const slot = 4 + 2 * id;
    if (slot + 2 > vsize) return 0;
    const off = this.u16(vtable + slot);
    if (off === 0) return 0;
    this.#check(table + off, 1);
    return table + off;
  }
  /** Follows the offset stored at `pos` (a table, vector or string reference). */
  deref(pos: number): number {
    const target = pos + this.u32(pos);
    this.#check(target, 4);
    return target;
  }
  /** Scalar fields with their schema defaults. */
  fieldU8(table: number, id: number, dflt: number): number {
    const p = this.field(table, id);
    return p === 0 ? dflt : this.u8(p);
  }
  fieldI16(table: number, id: number, dflt: number): number {
    const p = this.field(table, id);
    return p === 0 ? dflt : this.i16(p);
  }
  fieldI32(table: number, id: number, dflt: number): number {
    const p = this.field(table, id);
    return p === 0 ? dflt : this.i32(p);
  }
  fieldI64(table: number, id: number, dflt: number): number {
    const p = this.field(table, id);
    return p === 0 ? dflt : this.i64(p);
  }
  /** The table referenced by field `id`, or 0 if absent. */
  fieldTable(table: number, id: number): number {
    const p = this.field(table, id);
    return p === 0 ? 0 : this.deref(p);
  }
  /**
   * The vector referenced by field `id` (elements of `elemSize` bytes), checked to lie wholly inside
   * the flatbuffer: its first element's position and its count (`count` 0 when absent).
   */
  vector(table: number, id: number, elemSize: number): { readonly first: number; readonly count: number } {
    const p = this.field(table, id);
    if (p === 0) return { first: 0, count: 0 };
    const vec = this.deref(p);
    const count = this.u32(vec);
    if (count * elemSize > this.#end - vec - 4) {
      throwMalformed(this.at(vec), `flatbuffer vector of ${count} element(s) runs past the ${this.size}-byte metadata`);
    }
    return { first: vec + 4, count };
  }
  /** Checks the string referenced by field `id` (if present) lies inside the flatbuffer; returns it. */
  string(table: number, id: number): string | undefined {
    const v = this.vector(table, id, 1);
    if (v.count === 0 && this.field(table, id) === 0) return undefined;
    // A flatbuffer string is NUL-terminated after its bytes.
    this.#check(v.first, v.count + 1);
    return decoder.decode(new Uint8Array(this.#view.buffer, this.#view.byteOffset + v.first, v.count));
  }
}
