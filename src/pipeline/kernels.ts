/**
 * Chunk kernels: one generated loop per (stage shape, source array kind, sink), so each loop is monomorphic in
 * its array type and calls the stage callbacks directly (docs/internals/performance.md, "Monomorphic kernels" and
 * "Fused chunk loops").
 *
 * A kernel runs the fused `map`/`filter`/`tap` stages over `a[s..e)` and stores each surviving value into
 * its sink: a Float64Array buffer (`'f64'`), a JS array (`'arr'`), or an inline reducer (`'sum'`, `'count'`,
 * `'min'`, `'max'`, `'reduce'`, and `'reduce1'` whose first item seeds the fold). Number-only sinks check `typeof v === 'number'` after each map (and on
 * input for `number[]` sources); a non-number stops the loop with the position, the stage and the value in
 * `st` (a "bail"), so the caller continues on the generic path without calling any callback twice.
 *
 * Kernels are generated through internal/codegen.ts; where code generation is forbidden (strict CSP,
 * `--disallow-code-generation-from-strings`) an equivalent closure loop runs instead.
 *
 * @internal
 * @packageDocumentation
 */
import { generate, onCodegenReset } from '../internal/codegen.js';

/** Stage codes of a fused segment: `M` map, `F` filter, `T` tap. */
export type OpCode = 'M' | 'F' | 'T';

/** Where a kernel stores surviving values. */
export type SinkKind = 'f64' | 'arr' | 'sum' | 'count' | 'min' | 'max' | 'reduce' | 'reduce1';

/** Mutable state a kernel reads and writes (accumulator, count, and bail position). */
export interface KernelState {
  /** Accumulator (sum, min, max, reduce). */
  acc: unknown;
  /** Items the reducer has seen so far. */
  n: number;
  /** Index of the element that bailed, or -1. */
  bailI: number;
  /** Stage index whose output was not a number (-1: the input itself). */
  bailOp: number;
  /** The offending value. */
  bailV: unknown;
}

/** A generated chunk loop: returns the output position after the chunk. */
export type Kernel = (
  a: ArrayLike<unknown>,
  s: number,
  e: number,
  out: { [i: number]: unknown } | null,
  m: number,
  fns: readonly ((...args: never[]) => unknown)[],
  st: KernelState,
) => number;

/** One class, so every state object shares one hidden class (the kernels' property stores stay monomorphic). */
class State implements KernelState {
  acc: unknown = 0;
  n = 0;
  bailI = -1;
  bailOp = -1;
  bailV: unknown = undefined;
}

/** @internal Fresh kernel state. */
export function kernelState(): KernelState {
  return new State();
}

/** Array kinds, each a separate kernel: the ten TypedArrays and plain arrays. */
export type ArrayKind =
  | 'Int8Array'
  | 'Uint8Array'
  | 'Uint8ClampedArray'
  | 'Int16Array'
  | 'Uint16Array'
  | 'Int32Array'
  | 'Uint32Array'
  | 'Float32Array'
  | 'Float64Array'
  | 'BigInt64Array'
  | 'BigUint64Array'
  | 'Array';

const NUMERIC_TYPED = new Set<string>(['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array']);

/** @internal The kernel kind of an array-like: its TypedArray class name, `'Array'` for anything else. */
export function kindOf(a: ArrayLike<unknown>): ArrayKind {
  if (ArrayBuffer.isView(a)) {
    const name = Object.getPrototypeOf(Object.getPrototypeOf(a)) === TYPED_PROTO ? (a.constructor as { name: string }).name : '';
    if (NUMERIC_TYPED.has(name) || name === 'BigInt64Array' || name === 'BigUint64Array') return name as ArrayKind;
  }
  return 'Array';
}
const TYPED_PROTO: object = Object.getPrototypeOf(Int8Array.prototype) as object;

/** @internal True for TypedArray kinds whose elements are `number`s. */
export function isNumberKind(kind: ArrayKind): boolean {
  return NUMERIC_TYPED.has(kind);
}

const NUMBER_SINKS = new Set<SinkKind>(['f64', 'sum', 'min', 'max']);
const cache = new Map<string, Kernel>();
onCodegenReset(() => cache.clear());

/** Kernels kept at most; past it the cache starts over (a program has few distinct pipeline shapes). */
const CACHE_LIMIT = 512;

/**
 * @internal Returns the kernel for `codes` over arrays of `kind` into `sink`, for callbacks whose source text is
 * `fnKey`; generated once and cached. Keying by the callbacks' text gives every distinct pipeline its own
 * kernel: one kernel shared by pipelines with different callbacks sees its call sites go polymorphic, deopts,
 * and V8 eventually stops optimizing it (docs/internals/performance.md, "One callback per call site"). Closures re-created from the same source (a
 * pipeline built inside a function called repeatedly) share one kernel and stay fast. Every generated
 * source carries its key as a comment, so V8's eval cache cannot merge two kernels either.
 */
export function kernel(codes: string, kind: ArrayKind, sink: SinkKind, fnKey = ''): Kernel {
  const key = `${codes}|${kind}|${sink}|${fnKey}`;
  let k = cache.get(key);
  if (k === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    k = compile(codes, kind, sink, key);
    cache.set(key, k);
  }
  return k;
}

/** @internal The cache key part for a list of callbacks: their source texts. */
export function fnKeyOf(fns: readonly unknown[]): string {
  let key = '';
  for (let i = 0; i < fns.length; i++) key += `${i === 0 ? '' : '\u0000'}${String(fns[i])}`;
  return key;
}

function compile(codes: string, kind: ArrayKind, sink: SinkKind, key: string): Kernel {
  const numeric = NUMBER_SINKS.has(sink);
  const lines: string[] = [];
  lines.push(`// compactly chunk kernel [${key.replace(/\*\//g, '* /').replace(/[\r\n\u2028\u2029]/g, ' ')}]`);
  lines.push('"use strict";');
  for (let j = 0; j < codes.length; j++) lines.push(`const f${j} = fns[${j}];`);
  if (sink === 'reduce' || sink === 'reduce1') lines.push(`const fr = fns[${codes.length}];`);
  lines.push('const n0 = st.n; const m0 = m;');
  lines.push('let acc = st.acc;');
  lines.push('st.bailI = -1;');
  lines.push('let i = s;');
  lines.push('for (; i < e; i++) {');
  lines.push('  let v = a[i];');
  if (numeric && kind === 'Array') lines.push("  if (typeof v !== 'number') { st.bailI = i; st.bailOp = -1; st.bailV = v; break; }");
  for (let j = 0; j < codes.length; j++) {
    const c = codes[j];
    if (c === 'F') lines.push(`  if (!f${j}(v)) continue;`);
    else if (c === 'T') lines.push(`  f${j}(v);`);
    else {
      lines.push(`  v = f${j}(v);`);
      if (numeric) lines.push(`  if (typeof v !== 'number') { st.bailI = i; st.bailOp = ${j}; st.bailV = v; break; }`);
    }
  }
  switch (sink) {
    case 'f64':
    case 'arr':
      lines.push('  out[m++] = v;');
      break;
    case 'sum':
      lines.push('  acc += v; m++;');
      break;
    case 'count':
      lines.push('  m++;');
      break;
    case 'min':
      lines.push('  if (n0 === 0 && m === m0) acc = v; else if (v < acc) acc = v;');
      lines.push('  m++;');
      break;
    case 'max':
      lines.push('  if (n0 === 0 && m === m0) acc = v; else if (v > acc) acc = v;');
      lines.push('  m++;');
      break;
    case 'reduce':
      lines.push('  acc = fr(acc, v); m++;');
      break;
    case 'reduce1':
      lines.push('  if (n0 === 0 && m === m0) acc = v; else acc = fr(acc, v);');
      lines.push('  m++;');
      break;
  }
  lines.push('}');
  lines.push('st.acc = acc;');
  lines.push('st.n = n0 + (m - m0);');
  lines.push('return m;');
  return generate<Kernel>(['a', 's', 'e', 'out', 'm', 'fns', 'st'], lines.join('\n'), () => closureKernel(codes, kind, sink));
}

/**
 * The same loop as {@link compile}'s generated text, as a closure (where code generation is forbidden): one
 * function for every pipeline shape, so its call sites are polymorphic and it runs slower, with the same
 * results, callback calls (each with `this` undefined) and bail positions.
 */
function closureKernel(codes: string, kind: ArrayKind, sink: SinkKind): Kernel {
  const numeric = NUMBER_SINKS.has(sink);
  const checkInput = numeric && kind === 'Array';
  const nc = codes.length;
  const ops: number[] = [];
  for (let j = 0; j < nc; j++) ops.push(codes[j] === 'F' ? OP_FILTER : codes[j] === 'T' ? OP_TAP : OP_MAP);
  const sk = SINK_CODES[sink];
  return (a, s, e, out, m, fns, st) => {
    const fr = (sk === S_REDUCE || sk === S_REDUCE1 ? fns[nc] : undefined) as ((acc: unknown, v: unknown) => unknown) | undefined;
    const n0 = st.n;
    const m0 = m;
    let acc = st.acc as number;
    st.bailI = -1;
    let i = s;
    items: for (; i < e; i++) {
      let v = a[i];
      if (checkInput && typeof v !== 'number') {
        st.bailI = i;
        st.bailOp = -1;
        st.bailV = v;
        break;
      }
      for (let j = 0; j < nc; j++) {
        const f = fns[j] as (x: unknown) => unknown;
        const op = ops[j];
        if (op === OP_FILTER) {
          if (!f(v)) continue items;
        } else if (op === OP_TAP) f(v);
        else {
          v = f(v);
          if (numeric && typeof v !== 'number') {
            st.bailI = i;
            st.bailOp = j;
            st.bailV = v;
            break items;
          }
        }
      }
      switch (sk) {
        case S_STORE:
          out![m++] = v;
          break;
        case S_SUM:
          acc += v as number;
          m++;
          break;
        case S_COUNT:
          m++;
          break;
        case S_MIN:
          if (n0 === 0 && m === m0) acc = v as number;
          else if ((v as number) < acc) acc = v as number;
          m++;
          break;
        case S_MAX:
          if (n0 === 0 && m === m0) acc = v as number;
          else if ((v as number) > acc) acc = v as number;
          m++;
          break;
        case S_REDUCE:
          acc = fr!(acc, v) as number;
          m++;
          break;
        default:
          if (n0 === 0 && m === m0) acc = v as number;
          else acc = fr!(acc, v) as number;
          m++;
      }
    }
    st.acc = acc;
    st.n = n0 + (m - m0);
    return m;
  };
}

const OP_MAP = 0;
const OP_FILTER = 1;
const OP_TAP = 2;
const S_STORE = 0;
const S_SUM = 1;
const S_COUNT = 2;
const S_MIN = 3;
const S_MAX = 4;
const S_REDUCE = 5;
const S_REDUCE1 = 6;
const SINK_CODES: Readonly<Record<SinkKind, number>> = { f64: S_STORE, arr: S_STORE, sum: S_SUM, count: S_COUNT, min: S_MIN, max: S_MAX, reduce: S_REDUCE, reduce1: S_REDUCE1 };
