// Template of src/memoryview/kernels.gen.ts: MemoryView's per-format get/set kernels (contiguous, strided,
// typed strided). The ten dtype formats come from the dtype table; `e`, `?` and `c` are spelled out below.
const doc = `/**
 * The per-view \`get\`/\`set\` kernels of MemoryView: one function object per format and path, assigned to the
 * view once at construction, so every call site and every element load inside stays monomorphic
 * (docs/internals/performance.md, "Monomorphic kernels").
 *
 * - **contiguous** (\`c*\`): a 1-D view whose items are adjacent and aligned reads a TypedArray of exactly its
 *   items; the array's own bounds check is the fast-path check (an out-of-range, negative, fractional or NaN
 *   index reads \`undefined\` and falls to the slow path, which also reports release and detachment).
 * - **typed strided** (\`t*\`): an aligned strided or reversed 1-D view of a dtype format reads a TypedArray at
 *   element \`base + i*step\`.
 * - **strided** (\`s*\`): any other 1-D view (unaligned, or \`e ? c\` strided) reads a DataView at byte
 *   \`base + i*step\`, native byte order.
 * - N-D and 0-d views use the view's slow path directly.
 *
 * Every kernel falls back to \`_slowGet\`/\`_slowSet\`, which throw Python's errors out of line.
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
`;

/** Every format a kernel exists for: the ten dtype formats, then float16, bool and bytes. */
function formats(dtypes) {
  const fromDType = dtypes.map((t) => ({
    key: t.typecode,
    id: t.typecode,
    Array: t.Array,
    dv: t.Array.slice(0, -'Array'.length),
    le: t.bytes > 1,
    value: t.value,
    dtype: true,
    read: (v) => v,
  }));
  return [
    ...fromDType,
    { key: 'e', id: 'e', Array: 'Uint16Array', dv: 'Uint16', le: true, value: 'number', dtype: false, read: (v) => `decodeHalf(${v})`, half: true },
    { key: "'?'", id: 'bool', Array: 'Uint8Array', dv: 'Uint8', le: false, value: 'number', dtype: false, read: (v) => `${v} !== 0` },
    { key: 'c', id: 'c', Array: 'Uint8Array', dv: 'Uint8', le: false, value: 'number', dtype: false, read: (v) => `Uint8Array.of(${v})` },
  ];
}

function contiguous(f) {
  const get = f.half ? 'NATIVE_F16 ? v : decodeHalf(v)' : f.read('v');
  const set = f.half
    ? ` {
    const bits = ck.e(x, this._fmt) as number;
    a[i] = NATIVE_F16 ? decodeHalf(bits) : bits;
  } else this._slowSet(i, x);`
    : ` a[i] = ck.${f.id}(x, this._fmt) as ${f.value};
  else this._slowSet(i, x);`;
  return `function cg_${f.id}(this: Hot, i: unknown): unknown {
  if (typeof i === 'number') {
    const v = (this._mem as ${f.Array})[i];
    if (v !== undefined) return ${get};
  }
  return this._slowGet(i);
}
function cs_${f.id}(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as ${f.Array};
  if (typeof i === 'number' && i >>> 0 === i && i < a.length)${set}
}
`;
}

function strided(f) {
  const le = f.le ? ', LE' : '';
  return `function sg_${f.id}(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) return ${f.read(`(this._mem as DataView).get${f.dv}(this._base + i * this._step${le})`)};
  return this._slowGet(i);
}
function ss_${f.id}(this: Hot, i: unknown, x: unknown): void {
  if (typeof i === 'number' && i >>> 0 === i && i < this._w) {
    (this._mem as DataView).set${f.dv}(this._base + i * this._step, ck.${f.id}(x, this._fmt) as ${f.value}${le});
  } else this._slowSet(i, x);
}
`;
}

function typedStrided(f) {
  return `function tg_${f.id}(this: Hot, i: unknown): unknown {
  if (typeof i === 'number' && i >>> 0 === i && i < this._n) {
    const v = (this._mem as ${f.Array})[this._base + i * this._step];
    if (v !== undefined) return v;
  }
  return this._slowGet(i);
}
function ts_${f.id}(this: Hot, i: unknown, x: unknown): void {
  const a = this._mem as ${f.Array};
  if (typeof i === 'number' && i >>> 0 === i && i < this._w && a.length !== 0) a[this._base + i * this._step] = ck.${f.id}(x, this._fmt) as ${f.value};
  else this._slowSet(i, x);
}
`;
}

const table = (fs, p) => fs.map((f) => `  ${f.key}: [${p}g_${f.id}, ${p}s_${f.id}],`).join('\n');

function render({ dtypes }) {
  const fs = formats(dtypes);
  const typed = fs.filter((f) => f.dtype);
  return `${doc}
const ck = {
${fs.map((f) => `  ${f.id}: FORMATS${f.key.startsWith("'") ? `[${f.key}]` : `.${f.key}`}.check,`).join('\n')}
} as const;
// --- contiguous: a TypedArray of exactly the items ---------------------------------------------------
${fs.map(contiguous).join('')}
// --- strided: the region's DataView at byte base + i*step, native byte order -------------------------
${fs.map(strided).join('')}
// --- typed strided: an aligned strided or reversed view reads a TypedArray at base + i*step (items) ---
${typed.map(typedStrided).join('')}
/** Kernels of aligned strided views of the ten dtype formats (element positions \`base + i*step\`). @internal */
export const TYPED_STRIDED_KERNELS: { readonly [C in Format]?: readonly [GetKernel, SetKernel] } = {
${table(typed, 't')}
};

// --- N-D, 0-d, read-only and released views: always the slow path -----------------------------------
function slowGet(this: Hot, i: unknown): unknown {
  return this._slowGet(i);
}
function slowSet(this: Hot, i: unknown, x: unknown): void {
  this._slowSet(i, x);
}

/** A contiguous view's TypedArray constructor per format (\`e\` reads a native Float16Array when the runtime has one). @internal */
export const CONTIGUOUS_ARRAY: {
  readonly [C in Format]: new (buffer: ArrayBufferLike, byteOffset: number, length: number) => ArrayLike<unknown>;
} = {
${fs.map((f) => `  ${f.key}: ${f.half ? '(NATIVE_FLOAT16 as unknown as typeof Uint16Array | undefined) ?? Uint16Array' : f.Array},`).join('\n')}
};

/** Kernels of contiguous views. @internal */
export const CONTIGUOUS_KERNELS: { readonly [C in Format]: readonly [GetKernel, SetKernel] } = {
${table(fs, 'c')}
};

/** Kernels of strided (or unaligned) 1-D views. @internal */
export const STRIDED_KERNELS: { readonly [C in Format]: readonly [GetKernel, SetKernel] } = {
${table(fs, 's')}
};

/** Kernels that always take the slow path. @internal */
export const SLOW_KERNELS: readonly [GetKernel, SetKernel] = [slowGet, slowSet];
`;
}

export default { output: 'src/memoryview/kernels.gen.ts', render };
