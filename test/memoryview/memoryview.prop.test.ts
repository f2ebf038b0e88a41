/**
 * Properties against a reference model: every item read through a view equals the one decoded from the
 * bytes with a DataView at the position computed by plain index arithmetic; writes land at those bytes;
 * slices of slices compose like Python's.
 */
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { memoryview } from '../../src/index.js';
import type { Format, MemoryView } from '../../src/index.js';

const LE = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;
const FORMATS: Format[] = ['b', 'B', 'h', 'H', 'i', 'I', 'q', 'Q', 'f', 'd', 'e', '?', 'c'];
const SIZE: Record<Format, number> = { b: 1, B: 1, c: 1, '?': 1, h: 2, H: 2, e: 2, i: 4, I: 4, f: 4, q: 8, Q: 8, d: 8 };

/** binary16 decoded from first principles (independent of src/memoryview/float16.ts). */
function halfRef(h: number): number {
  const s = h >> 15 ? -1 : 1;
  const e = (h >> 10) & 31;
  const f = h & 1023;
  if (e === 0) return s * f * 2 ** -24;
  if (e === 31) return f ? NaN : s * Infinity;
  return s * (1 + f / 1024) * 2 ** (e - 15);
}

function refRead(dv: DataView, p: number, c: Format): unknown {
  switch (c) {
    case 'b':
      return dv.getInt8(p);
    case 'B':
      return dv.getUint8(p);
    case 'h':
      return dv.getInt16(p, LE);
    case 'H':
      return dv.getUint16(p, LE);
    case 'i':
      return dv.getInt32(p, LE);
    case 'I':
      return dv.getUint32(p, LE);
    case 'q':
      return dv.getBigInt64(p, LE);
    case 'Q':
      return dv.getBigUint64(p, LE);
    case 'f':
      return dv.getFloat32(p, LE);
    case 'd':
      return dv.getFloat64(p, LE);
    case 'e':
      return halfRef(dv.getUint16(p, LE));
    case '?':
      return dv.getUint8(p) !== 0;
    case 'c':
      return Uint8Array.of(dv.getUint8(p));
  }
}

/** CPython's slice.indices + range, written out plainly (the model; not src/internal/bounds.ts). */
function pySlice<T>(xs: readonly T[], start: number | null, stop: number | null, step: number | null): T[] {
  const n = xs.length;
  const st = step ?? 1;
  const adj = (v: number | null, dflt: number, lo: number, hi: number): number => {
    if (v === null) return dflt;
    let x = v < 0 ? v + n : v;
    if (x < lo) x = lo;
    if (x > hi) x = hi;
    return x;
  };
  const out: T[] = [];
  if (st > 0) {
    const a = adj(start, 0, 0, n);
    const b = adj(stop, n, 0, n);
    for (let i = a; i < b; i += st) out.push(xs[i]!);
  } else {
    const a = adj(start, n - 1, -1, n - 1);
    const b = adj(stop, -1, -1, n - 1);
    for (let i = a; i > b; i += st) out.push(xs[i]!);
  }
  return out;
}

const sliceArb = fc.record({
  start: fc.option(fc.integer({ min: -20, max: 20 }), { nil: null }),
  stop: fc.option(fc.integer({ min: -20, max: 20 }), { nil: null }),
  step: fc.option(
    fc.integer({ min: -4, max: 4 }).filter((s) => s !== 0),
    { nil: null },
  ),
});

/** A random buffer, a region inside it at any (possibly unaligned) offset, and a format. */
const setupArb = fc.record({
  pad: fc.integer({ min: 0, max: 9 }),
  bytes: fc.uint8Array({ minLength: 0, maxLength: 96 }),
  format: fc.constantFrom(...FORMATS),
  slices: fc.array(sliceArb, { maxLength: 3 }),
});

interface Setup {
  buffer: ArrayBuffer;
  region: Uint8Array;
  view: MemoryView;
  positions: number[]; // byte position in `buffer` of each item (the model)
  format: Format;
}

function build(s: { pad: number; bytes: Uint8Array; format: Format; slices: { start: number | null; stop: number | null; step: number | null }[] }): Setup {
  const size = SIZE[s.format];
  const usable = s.bytes.length - (s.bytes.length % size);
  const buffer = new ArrayBuffer(s.pad + usable + 5);
  const region = new Uint8Array(buffer, s.pad, usable);
  region.set(s.bytes.subarray(0, usable));
  let view = memoryview(region).cast(s.format) as MemoryView;
  let positions = Array.from({ length: usable / size }, (_, k) => s.pad + k * size);
  for (const sl of s.slices) {
    view = view.slice(sl.start, sl.stop, sl.step);
    positions = pySlice(positions, sl.start, sl.stop, sl.step);
  }
  return { buffer, region, view, positions, format: s.format };
}

describe('MemoryView against a DataView reference', () => {
  test.prop([setupArb])('every item read through a (sliced, cast, unaligned) view equals the DataView reference', (s) => {
    const { buffer, view, positions, format } = build(s);
    const dv = new DataView(buffer);
    const expected = positions.map((p) => refRead(dv, p, format));
    expect(view.length).toBe(positions.length);
    expect(view.shape).toEqual([positions.length]);
    expect(view.nbytes).toBe(positions.length * SIZE[format]);
    expect(view.toList()).toEqual(expected);
    for (let i = 0; i < positions.length; i++) {
      expect(view.get(i)).toEqual(expected[i]);
      expect(view.get(i - positions.length)).toEqual(expected[i]);
    }
    expect([...view]).toEqual(expected);
    // strides: consecutive positions differ by the stride
    if (positions.length > 1) expect(view.strides[0]).toBe(positions[1]! - positions[0]!);
    // toBytes is the concatenation of each item's bytes
    const size = SIZE[format];
    const bytes = new Uint8Array(buffer);
    const packed = positions.flatMap((p) => Array.from(bytes.subarray(p, p + size)));
    expect(Array.from(view.toBytes())).toEqual(packed);
    expect(view.hex()).toBe(packed.map((b) => b.toString(16).padStart(2, '0')).join(''));
    expect(() => view.get(positions.length)).toThrow(RangeError);
    expect(() => view.get(-positions.length - 1)).toThrow(RangeError);
  });

  test.prop([setupArb, fc.nat(), fc.integer({ min: 0, max: 2 ** 32 - 1 })])('a write through a view lands at the model position and nowhere else', (s, at, seed) => {
    const { buffer, view, positions, format } = build(s);
    fc.pre(positions.length > 0);
    const i = at % positions.length;
    const before = new Uint8Array(buffer).slice();
    const size = SIZE[format];
    // A representable value for the format, and the bytes it must produce.
    const scratch = new DataView(new ArrayBuffer(8));
    let value: unknown;
    switch (format) {
      case 'b':
        value = (seed % 256) - 128;
        scratch.setInt8(0, value as number);
        break;
      case 'B':
        value = seed % 256;
        scratch.setUint8(0, value as number);
        break;
      case 'h':
        value = (seed % 65536) - 32768;
        scratch.setInt16(0, value as number, LE);
        break;
      case 'H':
        value = seed % 65536;
        scratch.setUint16(0, value as number, LE);
        break;
      case 'i':
        value = seed - 2 ** 31;
        scratch.setInt32(0, value as number, LE);
        break;
      case 'I':
        value = seed;
        scratch.setUint32(0, value as number, LE);
        break;
      case 'q':
        value = BigInt(seed) * -(2n ** 31n) - 7n;
        scratch.setBigInt64(0, value as bigint, LE);
        break;
      case 'Q':
        value = BigInt(seed) * 2n ** 32n + 5n;
        scratch.setBigUint64(0, value as bigint, LE);
        break;
      case 'f':
        value = Math.fround(seed / 7);
        scratch.setFloat32(0, value as number, LE);
        break;
      case 'd':
        value = seed / 7 - 1e6;
        scratch.setFloat64(0, value as number, LE);
        break;
      case 'e': {
        let h = seed % 65536;
        if ((h & 0x7c00) === 0x7c00) h &= 0x83ff; // avoid inf/NaN exponents
        value = halfRef(h);
        scratch.setUint16(0, h, LE);
        break;
      }
      case '?':
        value = seed % 2 === 0;
        scratch.setUint8(0, value ? 1 : 0);
        break;
      case 'c':
        value = Uint8Array.of(seed % 256);
        scratch.setUint8(0, seed % 256);
        break;
    }
    view.set(i, value as never);
    const after = new Uint8Array(buffer);
    const p = positions[i]!;
    const want = before.slice();
    want.set(new Uint8Array(scratch.buffer, 0, size), p);
    expect(Array.from(after)).toEqual(Array.from(want));
    expect(view.get(i)).toEqual(refRead(new DataView(buffer), p, format));
  });

  test.prop([setupArb, sliceArb])('setSlice equals the model assignment (overlap included)', (s, sl) => {
    const { buffer, view, positions, format } = build(s);
    const dst = pySlice(positions, sl.start, sl.stop, sl.step);
    // source: a reversed slice of the same view, of the right length when possible
    const src = view.slice(null, null, -1).slice(0, dst.length);
    fc.pre(src.length === dst.length);
    const size = SIZE[format];
    const bytes = new Uint8Array(buffer);
    const srcBytes = pySlice(positions.slice().reverse(), 0, dst.length, 1).map((p) => bytes.slice(p, p + size));
    const want = bytes.slice();
    dst.forEach((p, k) => want.set(srcBytes[k]!, p));
    view.setSlice(sl.start, sl.stop, sl.step, src);
    expect(Array.from(new Uint8Array(buffer))).toEqual(Array.from(want));
  });
});

describe('N-D casts', () => {
  test.prop([
    fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
    fc.constantFrom<Format>('B', 'h', 'i', 'd', 'e'),
    fc.integer({ min: 0, max: 7 }),
    fc.option(sliceArb, { nil: undefined }),
  ])('toList / get([..]) / toBytes of cast(fmt, shape) follow C-order index arithmetic', (shape, format, pad, sl) => {
    const size = SIZE[format];
    const n = shape.reduce((a, b) => a * b, 1);
    const buffer = new ArrayBuffer(pad + n * size);
    const all = new Uint8Array(buffer);
    for (let k = 0; k < all.length; k++) all[k] = (k * 37 + 11) & 255;
    let view = memoryview(new Uint8Array(buffer, pad, n * size)).cast(format, shape) as MemoryView;
    // model: positions of the C-order items, nested by shape
    const strides = shape.map((_, k) => shape.slice(k + 1).reduce((a, b) => a * b, size));
    expect(view.strides).toEqual(strides);
    let rows = Array.from({ length: shape[0]! }, (_, r) => pad + r * strides[0]!);
    if (sl !== undefined) {
      view = view.slice(sl.start, sl.stop, sl.step);
      rows = pySlice(rows, sl.start, sl.stop, sl.step);
    }
    const dv = new DataView(buffer);
    const nest = (p: number, dim: number): unknown =>
      dim === shape.length ? refRead(dv, p, format) : Array.from({ length: shape[dim]! }, (_, k) => nest(p + k * strides[dim]!, dim + 1));
    const expected = rows.map((p) => nest(p, 1));
    expect(view.shape).toEqual([rows.length, ...shape.slice(1)]);
    expect(view.toList()).toEqual(expected);
    // every element by tuple index
    const flat: [number[], unknown][] = [];
    const walk = (idx: number[], v: unknown): void => {
      if (idx.length === shape.length) flat.push([idx, v]);
      else (v as unknown[]).forEach((x, k) => walk([...idx, k], x));
    };
    expected.forEach((row, r) => walk([r], row));
    for (const [idx, v] of flat) expect(view.get(idx)).toEqual(v);
    const packed = view.toBytes();
    expect(packed.length).toBe(flat.length * size);
    if (view.cContiguous && rows.length > 0) expect(view.cast('B').toList()).toEqual(Array.from(packed));
  });
});

describe('equality', () => {
  test.prop([setupArb])('a view equals a packed copy of itself unless it holds NaN', (s) => {
    const { view, format } = build(s);
    const copy = memoryview(view.toBytes()).cast(format);
    const hasNaN = (view.toList() as unknown[]).some((x) => typeof x === 'number' && Number.isNaN(x));
    expect(view.equals(copy)).toBe(!hasNaN);
    expect(copy.equals(view)).toBe(!hasNaN);
  });
});
