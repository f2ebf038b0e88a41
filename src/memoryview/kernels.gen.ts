// GENERATED FILE, DO NOT EDIT. Made by scripts/gen-kernels.mjs from scripts/templates/memoryview-kernels.mjs;
// change the template and run `npm run gen` (test/internal/generated.test.ts fails when this file is stale).
/**
 * The per-view `get`/`set` kernels of MemoryView: one function object per format and path, assigned to the
 * view once at construction, so every call site and every element load inside stays monomorphic
 * (docs/internals/performance.md, "Monomorphic kernels").
 *
 * - **contiguous** (`c*`): a 1-D view whose items are adjacent and aligned reads a TypedArray of exactly its
 *   items; the array's own bounds check is the fast-path check (an out-of-range, negative, fractional or NaN
 *   index reads `undefined` and falls to the slow path, which also reports release and detachment).
 * - **typed strided** (`t*`): an aligned strided or reversed 1-D view of a dtype format reads a TypedArray at
 *   element `base + i*step`.
 * - **strided** (`s*`): any other 1-D view (unaligned, or `e ? c` strided) reads a DataView at byte
 *   `base + i*step`, native byte order.
 * - N-D and 0-d views use the view's slow path directly.
 *
 * Every kernel falls back to `_slowGet`/`_slowSet`, which throw Python's errors out of line.
 *
 * @internal
 * @packageDocumentation
 */
import { FORMATS } from './formats.js';
import type { Format } from './formats.js';
import { NATIVE_FLOAT16, decodeHalf } from './float16.js';
import { LITTLE_ENDIAN } from './accessors.js';

const LE = LITTLE_ENDIAN;
const NATIVE_F16 = NATIVE_FLOAT16 !== undefined;

/** The fields and slow paths a kernel uses (TS-private members of MemoryView). @internal */
export interface Hot {
  /** TypedArray of exactly the items (contiguous) or the region's DataView (strided). */
  _mem: unknown;
  /** Byte position of item 0 in the DataView (strided). */
  _base: number;
  /** Byte stride (strided). */
  _step: number;
  /** Items readable on the fast path (0 when released or over a resizable buffer). */
  _n: number;
  /** Items writable on the fast path (0 when read-only, released or over a resizable buffer). */
  _w: number;
  /** The format as spelled, for messages. */
  _fmt: string;
  _slowGet(index: unknown): unknown;
  _slowSet(index: unknown, value: unknown): void;
}

/** A getter kernel. @internal */
export type GetKernel = (this: Hot, index: unknown) => unknown;
/** A setter kernel. @internal */
export type SetKernel = (this: Hot, index: unknown, value: unknown) => void;

const ck = {
  b: FORMATS.b.check,
  B: FORMATS.B.check,
  h: FORMATS.h.check,
  H: FORMATS.H.check,
  i: FORMATS.i.check,
  I: FORMATS.I.check,
  q: FORMATS.q.check,
  Q: FORMATS.Q.check,
  f: FORMATS.f.check,
  d: FORMATS.d.check,
  e: FORMATS.e.check,
  bool: FORMATS['?'].check,
  c: FORMATS.c.check,
} as const;
// --- contiguous: a TypedArray of exactly the items ---------------------------------------------------
function cg_b(this: Hot, i: unknown): unknown {
  if (typeof i === 'number') {
    const v = (this._mem as Int8Array)[i];
    if (v !== undefined) return v;
  }
  return this._slowGet(i);
}
function cs_b(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as Int8Array;
  if (typeof i === 'number' && i >>> 0 === i && i < a.length) a[i] = ck.b(x, this._fmt) as number;
  else this._slowSet(i, x);
}
function cg_B(this: Hot, i: unknown): unknown {
  if (typeof i === 'number') {
    const v = (this._mem as Uint8Array)[i];
    if (v !== undefined) return v;
  }
  return this._slowGet(i);
}
function cs_B(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as Uint8Array;
  if (typeof i === 'number' && i >>> 0 === i && i < a.length) a[i] = ck.B(x, this._fmt) as number;
  else this._slowSet(i, x);
}
function cg_h(this: Hot, i: unknown): unknown {
  if (typeof i === 'number') {
    const v = (this._mem as Int16Array)[i];
    if (v !== undefined) return v;
  }
  return this._slowGet(i);
}
function cs_h(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as Int16Array;
  if (typeof i === 'number' && i >>> 0 === i && i < a.length) a[i] = ck.h(x, this._fmt) as number;
  else this._slowSet(i, x);
}
function cg_H(this: Hot, i: unknown): unknown {
  if (typeof i === 'number') {
    const v = (this._mem as Uint16Array)[i];
    if (v !== undefined) return v;
  }
  return this._slowGet(i);
}
function cs_H(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as Uint16Array;
  if (typeof i === 'number' && i >>> 0 === i && i < a.length) a[i] = ck.H(x, this._fmt) as number;
  else this._slowSet(i, x);
}
function cg_i(this: Hot, i: unknown): unknown {
  if (typeof i === 'number') {
    const v = (this._mem as Int32Array)[i];
    if (v !== undefined) return v;
  }
  return this._slowGet(i);
}
function cs_i(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as Int32Array;
  if (typeof i === 'number' && i >>> 0 === i && i < a.length) a[i] = ck.i(x, this._fmt) as number;
  else this._slowSet(i, x);
}
function cg_I(this: Hot, i: unknown): unknown {
  if (typeof i === 'number') {
    const v = (this._mem as Uint32Array)[i];
    if (v !== undefined) return v;
  }
  return this._slowGet(i);
}
function cs_I(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as Uint32Array;
  if (typeof i === 'number' && i >>> 0 === i && i < a.length) a[i] = ck.I(x, this._fmt) as number;
  else this._slowSet(i, x);
}
function cg_q(this: Hot, i: unknown): unknown {
  if (typeof i === 'number') {
    const v = (this._mem as BigInt64Array)[i];
    if (v !== undefined) return v;
  }
  return this._slowGet(i);
}
function cs_q(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as BigInt64Array;
  if (typeof i === 'number' && i >>> 0 === i && i < a.length) a[i] = ck.q(x, this._fmt) as bigint;
  else this._slowSet(i, x);
}
function cg_Q(this: Hot, i: unknown): unknown {
  if (typeof i === 'number') {
    const v = (this._mem as BigUint64Array)[i];
    if (v !== undefined) return v;
  }
  return this._slowGet(i);
}
function cs_Q(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as BigUint64Array;
  if (typeof i === 'number' && i >>> 0 === i && i < a.length) a[i] = ck.Q(x, this._fmt) as bigint;
  else this._slowSet(i, x);
}
function cg_f(this: Hot, i: unknown): unknown {
  if (typeof i === 'number') {
    const v = (this._mem as Float32Array)[i];
    if (v !== undefined) return v;
  }
  return this._slowGet(i);
}
function cs_f(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as Float32Array;
  if (typeof i === 'number' && i >>> 0 === i && i < a.length) a[i] = ck.f(x, this._fmt) as number;
  else this._slowSet(i, x);
}
function cg_d(this: Hot, i: unknown): unknown {
  if (typeof i === 'number') {
    const v = (this._mem as Float64Array)[i];
    if (v !== undefined) return v;
  }
  return this._slowGet(i);
}
function cs_d(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as Float64Array;
  if (typeof i === 'number' && i >>> 0 === i && i < a.length) a[i] = ck.d(x, this._fmt) as number;
  else this._slowSet(i, x);
}
function cg_e(this: Hot, i: unknown): unknown {
  if (typeof i === 'number') {
    const v = (this._mem as Uint16Array)[i];
    if (v !== undefined) return NATIVE_F16 ? v : decodeHalf(v);
  }
  return this._slowGet(i);
}
function cs_e(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as Uint16Array;
  if (typeof i === 'number' && i >>> 0 === i && i < a.length) {
    const bits = ck.e(x, this._fmt) as number;
    a[i] = NATIVE_F16 ? decodeHalf(bits) : bits;
  } else this._slowSet(i, x);
}
function cg_bool(this: Hot, i: unknown): unknown {
  if (typeof i === 'number') {
    const v = (this._mem as Uint8Array)[i];
    if (v !== undefined) return v !== 0;
  }
  return this._slowGet(i);
}
function cs_bool(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as Uint8Array;
  if (typeof i === 'number' && i >>> 0 === i && i < a.length) a[i] = ck.bool(x, this._fmt) as number;
  else this._slowSet(i, x);
}
function cg_c(this: Hot, i: unknown): unknown {
  if (typeof i === 'number') {
    const v = (this._mem as Uint8Array)[i];
    if (v !== undefined) return Uint8Array.of(v);
  }
  return this._slowGet(i);
}
function cs_c(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as Uint8Array;
  if (typeof i === 'number' && i >>> 0 === i && i < a.length) a[i] = ck.c(x, this._fmt) as number;
  else this._slowSet(i, x);
}

// --- strided: the region's DataView at byte base + i*step, native byte order -------------------------
function sg_b(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) return (this._mem as DataView).getInt8(this._base + i * this._step);
  return this._slowGet(i);
}
function ss_b(this: Hot, i: unknown, x: unknown): void {
  if (typeof i === 'number' && i >>> 0 === i && i < this._w) {
    (this._mem as DataView).setInt8(this._base + i * this._step, ck.b(x, this._fmt) as number);
  } else this._slowSet(i, x);
}
function sg_B(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) return (this._mem as DataView).getUint8(this._base + i * this._step);
  return this._slowGet(i);
}
function ss_B(this: Hot, i: unknown, x: unknown): void {
  if (typeof i === 'number' && i >>> 0 === i && i < this._w) {
    (this._mem as DataView).setUint8(this._base + i * this._step, ck.B(x, this._fmt) as number);
  } else this._slowSet(i, x);
}
function sg_h(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) return (this._mem as DataView).getInt16(this._base + i * this._step, LE);
  return this._slowGet(i);
}
function ss_h(this: Hot, i: unknown, x: unknown): void {
  if (typeof i === 'number' && i >>> 0 === i && i < this._w) {
    (this._mem as DataView).setInt16(this._base + i * this._step, ck.h(x, this._fmt) as number, LE);
  } else this._slowSet(i, x);
}
function sg_H(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) return (this._mem as DataView).getUint16(this._base + i * this._step, LE);
  return this._slowGet(i);
}
function ss_H(this: Hot, i: unknown, x: unknown): void {
  if (typeof i === 'number' && i >>> 0 === i && i < this._w) {
    (this._mem as DataView).setUint16(this._base + i * this._step, ck.H(x, this._fmt) as number, LE);
  } else this._slowSet(i, x);
}
function sg_i(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) return (this._mem as DataView).getInt32(this._base + i * this._step, LE);
  return this._slowGet(i);
}
function ss_i(this: Hot, i: unknown, x: unknown): void {
  if (typeof i === 'number' && i >>> 0 === i && i < this._w) {
    (this._mem as DataView).setInt32(this._base + i * this._step, ck.i(x, this._fmt) as number, LE);
  } else this._slowSet(i, x);
}
function sg_I(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) return (this._mem as DataView).getUint32(this._base + i * this._step, LE);
  return this._slowGet(i);
}
function ss_I(this: Hot, i: unknown, x: unknown): void {
  if (typeof i === 'number' && i >>> 0 === i && i < this._w) {
    (this._mem as DataView).setUint32(this._base + i * this._step, ck.I(x, this._fmt) as number, LE);
  } else this._slowSet(i, x);
}
function sg_q(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) return (this._mem as DataView).getBigInt64(this._base + i * this._step, LE);
  return this._slowGet(i);
}
function ss_q(this: Hot, i: unknown, x: unknown): void {
  if (typeof i === 'number' && i >>> 0 === i && i < this._w) {
    (this._mem as DataView).setBigInt64(this._base + i * this._step, ck.q(x, this._fmt) as bigint, LE);
  } else this._slowSet(i, x);
}
function sg_Q(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) return (this._mem as DataView).getBigUint64(this._base + i * this._step, LE);
  return this._slowGet(i);
}
function ss_Q(this: Hot, i: unknown, x: unknown): void {
  if (typeof i === 'number' && i >>> 0 === i && i < this._w) {
    (this._mem as DataView).setBigUint64(this._base + i * this._step, ck.Q(x, this._fmt) as bigint, LE);
  } else this._slowSet(i, x);
}
function sg_f(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) return (this._mem as DataView).getFloat32(this._base + i * this._step, LE);
  return this._slowGet(i);
}
function ss_f(this: Hot, i: unknown, x: unknown): void {
  if (typeof i === 'number' && i >>> 0 === i && i < this._w) {
    (this._mem as DataView).setFloat32(this._base + i * this._step, ck.f(x, this._fmt) as number, LE);
  } else this._slowSet(i, x);
}
function sg_d(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) return (this._mem as DataView).getFloat64(this._base + i * this._step, LE);
  return this._slowGet(i);
}
function ss_d(this: Hot, i: unknown, x: unknown): void {
  if (typeof i === 'number' && i >>> 0 === i && i < this._w) {
    (this._mem as DataView).setFloat64(this._base + i * this._step, ck.d(x, this._fmt) as number, LE);
  } else this._slowSet(i, x);
}
function sg_e(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) return decodeHalf((this._mem as DataView).getUint16(this._base + i * this._step, LE));
  return this._slowGet(i);
}
function ss_e(this: Hot, i: unknown, x: unknown): void {
  if (typeof i === 'number' && i >>> 0 === i && i < this._w) {
    (this._mem as DataView).setUint16(this._base + i * this._step, ck.e(x, this._fmt) as number, LE);
  } else this._slowSet(i, x);
}
function sg_bool(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) return (this._mem as DataView).getUint8(this._base + i * this._step) !== 0;
  return this._slowGet(i);
}
function ss_bool(this: Hot, i: unknown, x: unknown): void {
  if (typeof i === 'number' && i >>> 0 === i && i < this._w) {
    (this._mem as DataView).setUint8(this._base + i * this._step, ck.bool(x, this._fmt) as number);
  } else this._slowSet(i, x);
}
function sg_c(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) return Uint8Array.of((this._mem as DataView).getUint8(this._base + i * this._step));
  return this._slowGet(i);
}
function ss_c(this: Hot, i: unknown, x: unknown): void {
  if (typeof i === 'number' && i >>> 0 === i && i < this._w) {
    (this._mem as DataView).setUint8(this._base + i * this._step, ck.c(x, this._fmt) as number);
  } else this._slowSet(i, x);
}

// --- typed strided: an aligned strided or reversed view reads a TypedArray at base + i*step (items) ---
function tg_b(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) {
    const v = (this._mem as Int8Array)[this._base + i * this._step];
    if (v !== undefined) return v;
  }
  return this._slowGet(i);
}
function ts_b(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as Int8Array;
  if (typeof i === 'number' && i >>> 0 === i && i < this._w && a.length !== 0) a[this._base + i * this._step] = ck.b(x, this._fmt) as number;
  else this._slowSet(i, x);
}
function tg_B(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) {
    const v = (this._mem as Uint8Array)[this._base + i * this._step];
    if (v !== undefined) return v;
  }
  return this._slowGet(i);
}
function ts_B(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as Uint8Array;
  if (typeof i === 'number' && i >>> 0 === i && i < this._w && a.length !== 0) a[this._base + i * this._step] = ck.B(x, this._fmt) as number;
  else this._slowSet(i, x);
}
function tg_h(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) {
    const v = (this._mem as Int16Array)[this._base + i * this._step];
    if (v !== undefined) return v;
  }
  return this._slowGet(i);
}
function ts_h(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as Int16Array;
  if (typeof i === 'number' && i >>> 0 === i && i < this._w && a.length !== 0) a[this._base + i * this._step] = ck.h(x, this._fmt) as number;
  else this._slowSet(i, x);
}
function tg_H(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) {
    const v = (this._mem as Uint16Array)[this._base + i * this._step];
    if (v !== undefined) return v;
  }
  return this._slowGet(i);
}
function ts_H(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as Uint16Array;
  if (typeof i === 'number' && i >>> 0 === i && i < this._w && a.length !== 0) a[this._base + i * this._step] = ck.H(x, this._fmt) as number;
  else this._slowSet(i, x);
}
function tg_i(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) {
    const v = (this._mem as Int32Array)[this._base + i * this._step];
    if (v !== undefined) return v;
  }
  return this._slowGet(i);
}
function ts_i(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as Int32Array;
  if (typeof i === 'number' && i >>> 0 === i && i < this._w && a.length !== 0) a[this._base + i * this._step] = ck.i(x, this._fmt) as number;
  else this._slowSet(i, x);
}
function tg_I(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) {
    const v = (this._mem as Uint32Array)[this._base + i * this._step];
    if (v !== undefined) return v;
  }
  return this._slowGet(i);
}
function ts_I(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as Uint32Array;
  if (typeof i === 'number' && i >>> 0 === i && i < this._w && a.length !== 0) a[this._base + i * this._step] = ck.I(x, this._fmt) as number;
  else this._slowSet(i, x);
}
function tg_q(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) {
    const v = (this._mem as BigInt64Array)[this._base + i * this._step];
    if (v !== undefined) return v;
  }
  return this._slowGet(i);
}
function ts_q(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as BigInt64Array;
  if (typeof i === 'number' && i >>> 0 === i && i < this._w && a.length !== 0) a[this._base + i * this._step] = ck.q(x, this._fmt) as bigint;
  else this._slowSet(i, x);
}
function tg_Q(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) {
    const v = (this._mem as BigUint64Array)[this._base + i * this._step];
    if (v !== undefined) return v;
  }
  return this._slowGet(i);
}
function ts_Q(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as BigUint64Array;
  if (typeof i === 'number' && i >>> 0 === i && i < this._w && a.length !== 0) a[this._base + i * this._step] = ck.Q(x, this._fmt) as bigint;
  else this._slowSet(i, x);
}
function tg_f(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) {
    const v = (this._mem as Float32Array)[this._base + i * this._step];
    if (v !== undefined) return v;
  }
  return this._slowGet(i);
}
function ts_f(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as Float32Array;
  if (typeof i === 'number' && i >>> 0 === i && i < this._w && a.length !== 0) a[this._base + i * this._step] = ck.f(x, this._fmt) as number;
  else this._slowSet(i, x);
}
function tg_d(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) {
    const v = (this._mem as Float64Array)[this._base + i * this._step];
    if (v !== undefined) return v;
  }
  return this._slowGet(i);
}
function ts_d(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as Float64Array;
  if (typeof i === 'number' && i >>> 0 === i && i < this._w && a.length !== 0) a[this._base + i * this._step] = ck.d(x, this._fmt) as number;
  else this._slowSet(i, x);
}

/** Kernels of aligned strided views of the ten dtype formats (element positions `base + i*step`). @internal */
export const TYPED_STRIDED_KERNELS: { readonly [C in Format]?: readonly [GetKernel, SetKernel] } = {
  b: [tg_b, ts_b],
  B: [tg_B, ts_B],
  h: [tg_h, ts_h],
  H: [tg_H, ts_H],
  i: [tg_i, ts_i],
  I: [tg_I, ts_I],
  q: [tg_q, ts_q],
  Q: [tg_Q, ts_Q],
  f: [tg_f, ts_f],
  d: [tg_d, ts_d],
};

// --- N-D, 0-d, read-only and released views: always the slow path -----------------------------------
function slowGet(this: Hot, i: unknown): unknown {
  return this._slowGet(i);
}
function slowSet(this: Hot, i: unknown, x: unknown): void {
  this._slowSet(i, x);
}

/** A contiguous view's TypedArray constructor per format (`e` reads a native Float16Array when the runtime has one). @internal */
export const CONTIGUOUS_ARRAY: {
  readonly [C in Format]: new (buffer: ArrayBufferLike, byteOffset: number, length: number) => ArrayLike<unknown>;
} = {
  b: Int8Array,
  B: Uint8Array,
  h: Int16Array,
  H: Uint16Array,
  i: Int32Array,
  I: Uint32Array,
  q: BigInt64Array,
  Q: BigUint64Array,
  f: Float32Array,
  d: Float64Array,
  e: (NATIVE_FLOAT16 as unknown as typeof Uint16Array | undefined) ?? Uint16Array,
  '?': Uint8Array,
  c: Uint8Array,
};

/** Kernels of contiguous views. @internal */
export const CONTIGUOUS_KERNELS: { readonly [C in Format]: readonly [GetKernel, SetKernel] } = {
  b: [cg_b, cs_b],
  B: [cg_B, cs_B],
  h: [cg_h, cs_h],
  H: [cg_H, cs_H],
  i: [cg_i, cs_i],
  I: [cg_I, cs_I],
  q: [cg_q, cs_q],
  Q: [cg_Q, cs_Q],
  f: [cg_f, cs_f],
  d: [cg_d, cs_d],
  e: [cg_e, cs_e],
  '?': [cg_bool, cs_bool],
  c: [cg_c, cs_c],
};

/** Kernels of strided (or unaligned) 1-D views. @internal */
export const STRIDED_KERNELS: { readonly [C in Format]: readonly [GetKernel, SetKernel] } = {
  b: [sg_b, ss_b],
  B: [sg_B, ss_B],
  h: [sg_h, ss_h],
  H: [sg_H, ss_H],
  i: [sg_i, ss_i],
  I: [sg_I, ss_I],
  q: [sg_q, ss_q],
  Q: [sg_Q, ss_Q],
  f: [sg_f, ss_f],
  d: [sg_d, ss_d],
  e: [sg_e, ss_e],
  '?': [sg_bool, ss_bool],
  c: [sg_c, ss_c],
};

/** Kernels that always take the slow path. @internal */
export const SLOW_KERNELS: readonly [GetKernel, SetKernel] = [slowGet, slowSet];
