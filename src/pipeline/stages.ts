/**
 * The push chain a pipeline runs as. A source pushes single items (`push`) or whole chunks
 * (`pushChunk(a, s, e)`, a range of an array or TypedArray) into the first stage; each stage pushes on to the
 * next; the last one is a sink. A `false` return means "stop": the source is then closed.
 *
 * Consecutive `map`/`filter`/`tap` stages become one {@link Fused} stage that runs a generated kernel per
 * chunk (see `kernels.ts`), writing into a reused Float64Array (numbers) or JS array (anything else), or
 * straight into a reducing sink.
 *
 * @internal
 * @packageDocumentation
 */
import { throwType } from '../errors.js';
import { isIterable } from './iter-util.js';
import { fnKeyOf, isNumberKind, kernel, kernelState, kindOf, type ArrayKind, type Kernel, type KernelState, type SinkKind } from './kernels.js';

/** @internal One link of the push chain. */
export interface Receiver {
  /** Called once before the source is read; false if nothing is wanted (e.g. `take(0)`). */
  start(): boolean;
  /** One item; false to stop. */
  push(v: unknown): boolean;
  /** Items `a[s..e)`; `stable` if `a` is not a scratch buffer (views of it stay valid). False to stop. */
  pushChunk(a: ArrayLike<unknown>, s: number, e: number, stable: boolean): boolean;
  /** The source ended (or was stopped): flush and forward. */
  end(): void;
}

/** @internal A sink whose reduction a {@link Fused} kernel can run inline. */
export interface InlineSink extends Receiver {
  /** The kernel sink kind to use now, or null to receive chunks instead. */
  inline(): SinkKind | null;
  /** Extra function passed after the stage callbacks (the reducer), if any. */
  readonly extraFn: ((...args: never[]) => unknown) | null;
  readonly state: KernelState;
}

/** @internal True if `r` can take an inline reduction. */
export function isInlineSink(r: Receiver): r is InlineSink {
  return typeof (r as Partial<InlineSink>).inline === 'function';
}

/** @internal Stage descriptors kept by a Pipeline; instantiated fresh for every run. */
export type StageSpec =
  | { readonly op: 'map' | 'filter' | 'tap' | 'takeWhile' | 'dropWhile'; readonly fn: (x: never) => unknown }
  | { readonly op: 'flatMap'; readonly fn: (x: never) => unknown }
  | { readonly op: 'take' | 'drop' | 'batch' | 'chunks'; readonly n: number };

/** @internal Instantiates the chain for `specs` ending in `sink`. */
export function buildChain(specs: readonly StageSpec[], sink: Receiver, chunkSize: number): Receiver {
  let next = sink;
  let i = specs.length - 1;
  while (i >= 0) {
    const spec = specs[i]!;
    if (spec.op === 'map' || spec.op === 'filter' || spec.op === 'tap') {
      let j = i;
      while (j > 0) {
        const p = specs[j - 1]!.op;
        if (p !== 'map' && p !== 'filter' && p !== 'tap') break;
        j--;
      }
      let codes = '';
      const fns: ((x: never) => unknown)[] = [];
      for (let k = j; k <= i; k++) {
        const s = specs[k] as { op: 'map' | 'filter' | 'tap'; fn: (x: never) => unknown };
        codes += s.op === 'map' ? 'M' : s.op === 'filter' ? 'F' : 'T';
        fns.push(s.fn);
      }
      next = new Fused(codes as string, fns, next, chunkSize);
      i = j - 1;
      continue;
    }
    switch (spec.op) {
      case 'take':
        next = new Take(spec.n, next);
        break;
      case 'drop':
        next = new Drop(spec.n, next);
        break;
      case 'takeWhile':
        next = new TakeWhile(spec.fn as (x: unknown) => unknown, next);
        break;
      case 'dropWhile':
        next = new DropWhile(spec.fn as (x: unknown) => unknown, next);
        break;
      case 'batch':
        next = new Batch(spec.n, next);
        break;
      case 'chunks':
        next = new Chunks(spec.n, next);
        break;
      case 'flatMap':
        next = new FlatMap(spec.fn as (x: unknown) => unknown, next);
        break;
    }
    i--;
  }
  return next;
}

/** @internal A link that pushes on to `next`; `start` and `end` go straight through unless a stage overrides them. */
export abstract class Relay implements Receiver {
  /** The next link of the chain. */
  readonly next: Receiver;
  constructor(next: Receiver) {
    this.next = next;
  }
  start(): boolean {
    return this.next.start();
  }
  abstract push(v: unknown): boolean;
  abstract pushChunk(a: ArrayLike<unknown>, s: number, e: number, stable: boolean): boolean;
  end(): void {
    this.next.end();
  }
}

const SKIP: unique symbol = Symbol('skip');

/** @internal Fused map/filter/tap stages: one kernel call per chunk. */
export class Fused extends Relay {
  readonly #codes: string;
  readonly #fns: ((...args: never[]) => unknown)[];
  readonly #chunkSize: number;
  readonly #st: KernelState = kernelState();
  /** Set once a callback produced a non-number: numbers-only buffers are no longer used. */
  #generic = false;
  #f64: Float64Array | null = null;
  #arr: unknown[] | null = null;
  /** Kernel cache key of the callbacks (their source text), and of callbacks + an inline reducer. */
  readonly #key: string;
  #inlineKey: string | null = null;
  #inlineFns: ((...args: never[]) => unknown)[] | null = null;

  constructor(codes: string, fns: ((x: never) => unknown)[], next: Receiver, chunkSize: number) {
    super(next);
    this.#codes = codes;
    this.#fns = fns as unknown as ((...args: never[]) => unknown)[];
    this.#chunkSize = chunkSize;
    this.#key = fnKeyOf(fns);
  }

  /** Runs stages `from…` on `v` one item at a time; SKIP if a filter dropped it. */
  #run(v: unknown, from: number): unknown {
    const codes = this.#codes;
    const fns = this.#fns as unknown as ((x: unknown) => unknown)[];
    for (let j = from; j < codes.length; j++) {
      const c = codes.charCodeAt(j);
      if (c === 77 /* M */) v = fns[j]!(v);
      else if (c === 70 /* F */) {
        if (!fns[j]!(v)) return SKIP;
      } else fns[j]!(v);
    }
    return v;
  }

  push(v: unknown): boolean {
    const r = this.#run(v, 0);
    return r === SKIP ? true : this.next.push(r);
  }

  pushChunk(a: ArrayLike<unknown>, s: number, e: number): boolean {
    const next = this.next;
    const kind = kindOf(a);
    if (!this.#generic && (isNumberKind(kind) || kind === 'Array')) {
      const sink = isInlineSink(next) ? next : null;
      const inline = sink === null ? null : sink.inline();
      if (sink !== null && inline !== null) {
        const st = sink.state;
        if (this.#inlineFns === null) {
          this.#inlineFns = sink.extraFn === null ? this.#fns : [...this.#fns, sink.extraFn];
          this.#inlineKey = fnKeyOf(this.#inlineFns);
        }
        const fns = this.#inlineFns;
        const k = kernel(this.#codes, kind, inline, this.#inlineKey!);
        // Reducers need numbers only for sum/min/max; count and reduce take anything.
        k(a, s, e, null, 0, fns, st);
        if (st.bailI < 0) return true;
        return this.#bail(a, st.bailI, e, st.bailOp, st.bailV);
      }
      if (kind !== 'Array') return this.#typed(a, s, e, kind);
    }
    return this.#genericChunk(a, s, e, kind);
  }

  /** Typed input, numeric output into the reused Float64Array, in pieces of at most chunkSize. */
  #typed(a: ArrayLike<unknown>, s: number, e: number, kind: ArrayKind): boolean {
    const buf = (this.#f64 ??= new Float64Array(this.#chunkSize));
    const k = kernel(this.#codes, kind, 'f64', this.#key);
    const st = this.#st;
    const next = this.next;
    for (let p = s; p < e;) {
      const q = Math.min(e, p + buf.length);
      const m = k(a, p, q, buf, 0, this.#fns, st);
      if (m > 0 && !next.pushChunk(buf, 0, m, false)) return false;
      if (st.bailI >= 0) return this.#bail(a, st.bailI, e, st.bailOp, st.bailV);
      p = q;
    }
    return true;
  }

  /** A callback returned a non-number at element `i`, stage `op`: finish it and the rest generically. */
  #bail(a: ArrayLike<unknown>, i: number, e: number, op: number, v: unknown): boolean {
    this.#generic = true;
    const r = this.#run(v, op + 1);
    if (r !== SKIP && !this.next.push(r)) return false;
    return i + 1 < e ? this.#genericChunk(a, i + 1, e, kindOf(a)) : true;
  }

  #genericChunk(a: ArrayLike<unknown>, s: number, e: number, kind: ArrayKind): boolean {
    const buf = (this.#arr ??= new Array<unknown>(this.#chunkSize));
    const k: Kernel = kernel(this.#codes, kind, 'arr', this.#key);
    const next = this.next;
    for (let p = s; p < e;) {
      const q = Math.min(e, p + buf.length);
      const m = k(a, p, q, buf, 0, this.#fns, this.#st);
      if (m > 0 && !next.pushChunk(buf, 0, m, false)) return false;
      p = q;
    }
    return true;
  }

  override end(): void {
    this.#f64 = null;
    this.#arr = null;
    this.next.end();
  }
}

/** @internal `take(n)`. */
export class Take extends Relay {
  #left: number;
  constructor(n: number, next: Receiver) {
    super(next);
    this.#left = n;
  }
  override start(): boolean {
    return this.#left > 0 && this.next.start();
  }
  push(v: unknown): boolean {
    if (this.#left <= 0) return false;
    this.#left--;
    return this.next.push(v) && this.#left > 0;
  }
  pushChunk(a: ArrayLike<unknown>, s: number, e: number, stable: boolean): boolean {
    const k = Math.min(e - s, this.#left);
    if (k <= 0) return false;
    this.#left -= k;
    return this.next.pushChunk(a, s, s + k, stable) && this.#left > 0;
  }
}

/** @internal `drop(n)`. */
export class Drop extends Relay {
  #left: number;
  constructor(n: number, next: Receiver) {
    super(next);
    this.#left = n;
  }
  push(v: unknown): boolean {
    if (this.#left > 0) {
      this.#left--;
      return true;
    }
    return this.next.push(v);
  }
  pushChunk(a: ArrayLike<unknown>, s: number, e: number, stable: boolean): boolean {
    if (this.#left > 0) {
      const k = Math.min(e - s, this.#left);
      this.#left -= k;
      s += k;
      if (s >= e) return true;
    }
    return this.next.pushChunk(a, s, e, stable);
  }
}

/** @internal `takeWhile(pred)`: stops at the first failing item (which is dropped). */
export class TakeWhile extends Relay {
  readonly #pred: (x: unknown) => unknown;
  constructor(pred: (x: unknown) => unknown, next: Receiver) {
    super(next);
    this.#pred = pred;
  }
  push(v: unknown): boolean {
    return this.#pred(v) ? this.next.push(v) : false;
  }
  pushChunk(a: ArrayLike<unknown>, s: number, e: number, stable: boolean): boolean {
    const pred = this.#pred;
    let i = s;
    while (i < e && pred(a[i])) i++;
    if (i > s && !this.next.pushChunk(a, s, i, stable)) return false;
    return i === e;
  }
}

/** @internal `dropWhile(pred)`: the predicate is not called after it first fails. */
export class DropWhile extends Relay {
  readonly #pred: (x: unknown) => unknown;
  #dropping = true;
  constructor(pred: (x: unknown) => unknown, next: Receiver) {
    super(next);
    this.#pred = pred;
  }
  push(v: unknown): boolean {
    if (this.#dropping) {
      if (this.#pred(v)) return true;
      this.#dropping = false;
    }
    return this.next.push(v);
  }
  pushChunk(a: ArrayLike<unknown>, s: number, e: number, stable: boolean): boolean {
    if (this.#dropping) {
      const pred = this.#pred;
      while (s < e && pred(a[s])) s++;
      if (s === e) return true;
      this.#dropping = false;
    }
    return this.next.pushChunk(a, s, e, stable);
  }
}

/** @internal `batch(n)`: arrays of `n` items, the last one shorter. */
export class Batch extends Relay {
  readonly #n: number;
  #cur: unknown[] = [];
  #stopped = false;
  constructor(n: number, next: Receiver) {
    super(next);
    this.#n = n;
  }
  push(v: unknown): boolean {
    const cur = this.#cur;
    cur.push(v);
    if (cur.length === this.#n) {
      this.#cur = [];
      if (!this.next.push(cur)) return !(this.#stopped = true);
    }
    return true;
  }
  pushChunk(a: ArrayLike<unknown>, s: number, e: number): boolean {
    const n = this.#n;
    let cur = this.#cur;
    for (let i = s; i < e; i++) {
      cur.push(a[i]);
      if (cur.length === n) {
        this.#cur = [];
        if (!this.next.push(cur)) return !(this.#stopped = true);
        cur = this.#cur;
      }
    }
    return true;
  }
  override end(): void {
    if (!this.#stopped && this.#cur.length > 0) {
      const cur = this.#cur;
      this.#cur = [];
      this.next.push(cur);
    }
    this.next.end();
  }
}

type AnyTyped = ArrayLike<unknown> & {
  subarray(s: number, e: number): AnyTyped;
  slice(s: number, e: number): AnyTyped;
  set(a: ArrayLike<unknown>, off: number): void;
  readonly constructor: new (n: number) => AnyTyped;
};

/**
 * @internal `chunks(size)`: regroups items into chunks of exactly `size` (the last shorter): TypedArrays for
 * typed input (zero-copy views when the input is a stable source array), arrays otherwise. Every chunk handed
 * on is either a view of the source or a new array: never a scratch buffer that changes later.
 */
export class Chunks extends Relay {
  readonly #size: number;
  #pending: AnyTyped | unknown[] | null = null;
  #fill = 0;
  #stopped = false;
  constructor(size: number, next: Receiver) {
    super(next);
    this.#size = size;
  }
  #emit(c: unknown): boolean {
    if (!this.next.push(c)) return !(this.#stopped = true);
    return true;
  }
  /** Makes the pending buffer an array (a non-typed item arrived). */
  #toArray(): unknown[] {
    const p = this.#pending;
    if (p === null) return (this.#pending = []);
    if (Array.isArray(p)) return p;
    const arr = Array.from((p as AnyTyped).subarray(0, this.#fill) as ArrayLike<unknown>);
    this.#pending = arr;
    return arr;
  }
  push(v: unknown): boolean {
    const arr = this.#toArray();
    arr.push(v);
    if (arr.length === this.#size) {
      this.#pending = null;
      return this.#emit(arr);
    }
    return true;
  }
  pushChunk(a: ArrayLike<unknown>, s: number, e: number, stable: boolean): boolean {
    const size = this.#size;
    const kind = kindOf(a);
    if (kind === 'Array' || Array.isArray(this.#pending)) {
      for (let i = s; i < e; i++) if (!this.push(a[i])) return false;
      return true;
    }
    const t = a as AnyTyped;
    while (s < e) {
      let p = this.#pending as AnyTyped | null;
      if (p !== null && p.constructor !== t.constructor) {
        // A different TypedArray kind: continue as a plain array chunk.
        for (let i = s; i < e; i++) if (!this.push(a[i])) return false;
        return true;
      }
      if (p === null && e - s >= size) {
        const c = stable ? t.subarray(s, s + size) : t.slice(s, s + size);
        s += size;
        if (!this.#emit(c)) return false;
        continue;
      }
      if (p === null) {
        p = this.#pending = new t.constructor(size);
        this.#fill = 0;
      }
      const k = Math.min(size - this.#fill, e - s);
      p.set(t.subarray(s, s + k), this.#fill);
      this.#fill += k;
      s += k;
      if (this.#fill === size) {
        this.#pending = null;
        if (!this.#emit(p)) return false;
      }
    }
    return true;
  }
  override end(): void {
    const p = this.#pending;
    if (!this.#stopped && p !== null) {
      this.#pending = null;
      if (Array.isArray(p)) {
        if (p.length > 0) this.next.push(p);
      } else if (this.#fill > 0) this.next.push((p as AnyTyped).slice(0, this.#fill));
    }
    this.next.end();
  }
}

/** @internal `flatMap(fn)`: arrays and TypedArrays returned by `fn` go on as chunks; other iterables item by item. */
export class FlatMap extends Relay {
  readonly #fn: (x: unknown) => unknown;
  constructor(fn: (x: unknown) => unknown, next: Receiver) {
    super(next);
    this.#fn = fn;
  }
  push(v: unknown): boolean {
    const r = this.#fn(v);
    if (Array.isArray(r) || (ArrayBuffer.isView(r) && !(r instanceof DataView))) {
      const a = r as ArrayLike<unknown>;
      return a.length === 0 || this.next.pushChunk(a, 0, a.length, true);
    }
    if (!isIterable(r)) throwType(`flatMap(): the callback must return an iterable, got ${r === null ? 'null' : typeof r}`);
    const next = this.next;
    for (const x of r) if (!next.push(x)) return false;
    return true;
  }
  pushChunk(a: ArrayLike<unknown>, s: number, e: number): boolean {
    for (let i = s; i < e; i++) if (!this.push(a[i])) return false;
    return true;
  }
}
