/**
 * The RLE / bit-packed hybrid encoding of Parquet (definition levels, dictionary indices, booleans), decoded
 * into and encoded from Int32Arrays with no per-value allocation.
 *
 * @packageDocumentation
 */

/** @internal Thrown for a run that would overrun the page or the expected count (damaged data). */
export class RleError extends Error {}

function fail(msg: string): never {
  throw new RleError(msg);
}

/**
 * @internal Decodes `count` values of `bitWidth` bits from `bytes[pos, end)` into `out[0, count)`.
 * @returns the byte position after the last run read.
 * @throws {@link RleError} when the runs end before `count` values or overrun `end`.
 */
export function decodeHybrid(bytes: Uint8Array, pos: number, end: number, bitWidth: number, out: Int32Array, count: number): number {
  if (bitWidth === 0) {
    out.fill(0, 0, count);
    return pos;
  }
  if (bitWidth > 32) fail(`bit width ${bitWidth} > 32`);
  const byteWidth = (bitWidth + 7) >> 3;
  const mask = bitWidth === 32 ? -1 : (1 << bitWidth) - 1;
  let n = 0;
  while (n < count) {
    // ULEB128 run header.
    let header = 0;
    let shift = 0;
    for (;;) {
      if (pos >= end) fail(`run header past the end of the data (${n} of ${count} values read)`);
      const b = bytes[pos++]!;
      header += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
      shift += 7;
      if (shift > 35) fail('run header varint too long');
    }
    if (header % 2 === 0) {
      // RLE run: one value repeated.
      const len = header / 2;
      if (pos + byteWidth > end) fail('RLE run value past the end of the data');
      let v = 0;
      for (let k = 0; k < byteWidth; k++) v |= bytes[pos + k]! << (8 * k);
      pos += byteWidth;
      const stop = Math.min(count, n + len);
      out.fill(v & mask, n, stop);
      n = stop;
    } else {
      // Bit-packed run of groups of 8 values.
      const groups = (header - 1) / 2;
      const bytesNeeded = groups * bitWidth;
      const avail = end - pos;
      const take = Math.min(groups * 8, count - n);
      if (Math.ceil((take * bitWidth) / 8) > avail) fail('bit-packed run past the end of the data');
      if (bitWidth === 1) {
        for (let i = 0; i < take; i++) out[n + i] = (bytes[pos + (i >> 3)]! >> (i & 7)) & 1;
      } else {
        let bitPos = 0;
        for (let i = 0; i < take; i++) {
          let v = 0;
          let got = 0;
          let bp = bitPos;
          while (got < bitWidth) {
            const byte = bytes[pos + (bp >> 3)]!;
            const off = bp & 7;
            const bits = Math.min(8 - off, bitWidth - got);
            v |= ((byte >> off) & ((1 << bits) - 1)) << got;
            got += bits;
            bp += bits;
          }
          out[n + i] = v;
          bitPos += bitWidth;
        }
      }
      n += take;
      pos += Math.min(bytesNeeded, avail);
    }
  }
  return pos;
}

/** @internal A growable byte buffer for the writer. */
export class Bytes {
  buf: Uint8Array;
  length = 0;
  constructor(capacity = 1024) {
    this.buf = new Uint8Array(capacity);
  }
  ensure(extra: number): void {
    const need = this.length + extra;
    if (need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const b = new Uint8Array(cap);
    b.set(this.buf.subarray(0, this.length));
    this.buf = b;
  }
  byte(v: number): void {
    this.ensure(1);
    this.buf[this.length++] = v;
  }
  varint(v: number): void {
    this.ensure(10);
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.length++] = v;
  }
  int32(v: number): void {
    this.ensure(4);
    const b = this.buf;
    const p = this.length;
    b[p] = v;
    b[p + 1] = v >>> 8;
    b[p + 2] = v >>> 16;
    b[p + 3] = v >>> 24;
    this.length = p + 4;
  }
  append(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
  }
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

/** @internal Bits needed for values in [0, max]. */
export function bitWidthOf(max: number): number {
  return max <= 0 ? 0 : 32 - Math.clz32(max);
}

/**
 * @internal Encodes `values[start, end)` (each in [0, 2^bitWidth)) with the hybrid encoding: runs of 8 or
 * more equal values as RLE runs, the rest bit-packed in groups of 8 (the last group zero-padded).
 */
export function encodeHybrid(out: Bytes, values: ArrayLike<number>, start: number, end: number, bitWidth: number): void {
  if (bitWidth === 0) {
    if (end > start) {
      out.varint((end - start) * 2);
    }
    return;
  }
  const byteWidth = (bitWidth + 7) >> 3;
  let i = start;
  while (i < end) {
    // Length of the run of equal values at i.
    const v = values[i]!;
    let j = i + 1;
    while (j < end && values[j] === v) j++;
    if (j - i >= 8) {
      out.varint((j - i) * 2);
      out.ensure(byteWidth);
      for (let k = 0; k < byteWidth; k++) out.buf[out.length++] = (v >>> (8 * k)) & 0xff;
      i = j;
      continue;
    }
    // Bit-pack groups of 8 until a run of >= 8 equal values starts at a group boundary.
    let groupsEnd = i;
    while (groupsEnd < end) {
      groupsEnd = Math.min(end, groupsEnd + 8);
      if (groupsEnd >= end) break;
      const w = values[groupsEnd]!;
      let r = groupsEnd + 1;
      while (r < end && r - groupsEnd < 8 && values[r] === w) r++;
      if (r - groupsEnd >= 8) break;
    }
    const n = groupsEnd - i;
    const groups = Math.ceil(n / 8);
    out.varint(groups * 2 + 1);
    const nbytes = groups * bitWidth;
    out.ensure(nbytes);
    const buf = out.buf;
    const base = out.length;
    buf.fill(0, base, base + nbytes);
    let bitPos = 0;
    for (let k = 0; k < n; k++) {
      let v2 = values[i + k]!;
      let left = bitWidth;
      let bp = bitPos;
      while (left > 0) {
        const off = bp & 7;
        const bits = Math.min(8 - off, left);
        const at = base + (bp >> 3);
        buf[at] = buf[at]! | ((v2 & ((1 << bits) - 1)) << off);
        v2 >>>= bits;
        left -= bits;
        bp += bits;
      }
      bitPos += bitWidth;
    }
    out.length = base + nbytes;
    i = groupsEnd;
  }
}
