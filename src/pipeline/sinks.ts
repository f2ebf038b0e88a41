/**
 * Terminal stages of a pipeline: reducers (sum, count, min, max, mean, reduce) that a fused kernel can run
 * inline, and collectors (toArray, forEach, first, valueCounts, the iteration queue).
 *
 * @internal
 * @packageDocumentation
 */
import { throwType, throwValue } from '../errors.js';
import { fnKeyOf, isNumberKind, kernel, kernelState, kindOf, type KernelState, type SinkKind } from './kernels.js';
import type { InlineSink, Receiver } from './stages.js';

/** @internal A receiver with a final result. */
export interface Sink<R> extends Receiver {
  result(): R;
}

const NO_FNS: readonly never[] = [];

function badOperands(op: string, a: unknown, b: unknown): never {
  throwType(`unsupported operand type(s) for ${op}: '${typeof a}' and '${typeof b}'`);
}

/** Base of the reducers: typed chunks go through a kernel; anything else item by item. */
abstract class Reducer<R> implements InlineSink, Sink<R> {
  readonly state: KernelState = kernelState();
  readonly extraFn: ((...args: never[]) => unknown) | null = null;
  /** Set when an item the typed kernel cannot take arrived: every later item goes through `add`. */
  protected generic = false;
  protected abstract readonly kind: SinkKind;
  /** Whether the kernel needs numbers (sum/min/max) or takes anything (count/reduce). */
  protected numbersOnly = true;

  start(): boolean {
    return true;
  }
  inline(): SinkKind | null {
    return this.generic ? null : this.kind;
  }
  push(v: unknown): boolean {
    this.add(v);
    return true;
  }
  pushChunk(a: ArrayLike<unknown>, s: number, e: number): boolean {
    const kind = kindOf(a);
    if (!this.generic && (!this.numbersOnly || isNumberKind(kind) || kind === 'Array')) {
      const st = this.state;
      const fns = this.extraFn === null ? NO_FNS : [this.extraFn];
      kernel('', kind, this.kind, this.extraFn === null ? '' : fnKeyOf(fns))(a, s, e, null, 0, fns, st);
      if (st.bailI < 0) return true;
      s = st.bailI;
    }
    this.generic = true;
    for (let i = s; i < e; i++) this.add(a[i]);
    return true;
  }
  end(): void {}
  protected abstract add(v: unknown): void;
  abstract result(): R;
}

/** @internal `sum()`: left-to-right, as Python's `sum` (so the result does not depend on chunking). */
export class SumSink extends Reducer<number | bigint> {
  protected readonly kind = 'sum';
  override inline(): SinkKind | null {
    return this.generic || typeof this.state.acc !== 'number' ? null : 'sum';
  }
  protected add(v: unknown): void {
    const st = this.state;
    this.generic = true;
    const acc = st.acc;
    if (typeof v === 'number' && typeof acc === 'number') st.acc = acc + v;
    else if (typeof v === 'bigint' && (typeof acc === 'bigint' || st.n === 0)) st.acc = (st.n === 0 ? 0n : (acc as bigint)) + v;
    else badOperands('+', acc, v);
    st.n++;
  }
  result(): number | bigint {
    return this.state.acc as number | bigint;
  }
}

/** @internal `mean()`: sum / count; ValueError when empty. */
export class MeanSink extends SumSink {
  override result(): number {
    const st = this.state;
    if (st.n === 0) throwValue('mean() requires at least one data point (the pipeline is empty)');
    return Number(st.acc) / st.n;
  }
}

/** @internal `count()`. */
export class CountSink extends Reducer<number> {
  protected readonly kind = 'count';
  protected override numbersOnly = false;
  override push(): boolean {
    this.state.n++;
    return true;
  }
  override pushChunk(_a: ArrayLike<unknown>, s: number, e: number): boolean {
    this.state.n += e - s;
    return true;
  }
  protected add(): void {
    this.state.n++;
  }
  result(): number {
    return this.state.n;
  }
}

function comparable(a: unknown, b: unknown): boolean {
  const ta = typeof a;
  const tb = typeof b;
  if (ta === 'number' || ta === 'bigint') return tb === 'number' || tb === 'bigint';
  return ta === 'string' && tb === 'string';
}

/** @internal `min()` / `max()`: Python's rule (keep the first, replace only on strict `<`/`>`); ValueError when empty. */
export class ExtremeSink extends Reducer<unknown> {
  protected readonly kind: 'min' | 'max';
  constructor(kind: 'min' | 'max') {
    super();
    this.kind = kind;
  }
  protected add(v: unknown): void {
    const st = this.state;
    if (st.n === 0) {
      if (!comparable(v, v)) throwType(`${this.kind}(): cannot order ${typeof v} values`);
      st.acc = v;
    } else {
      const acc = st.acc;
      if (!comparable(v, acc)) throwType(`'${this.kind === 'min' ? '<' : '>'}' not supported between '${typeof v}' and '${typeof acc}'`);
      if (this.kind === 'min' ? (v as number) < (acc as number) : (v as number) > (acc as number)) st.acc = v;
    }
    st.n++;
  }
  result(): unknown {
    if (this.state.n === 0) throwValue(`${this.kind}() arg is an empty sequence (the pipeline is empty)`);
    return this.state.acc;
  }
}

/** @internal `reduce(fn, initial?)`. */
export class ReduceSink extends Reducer<unknown> {
  protected readonly kind: 'reduce' | 'reduce1';
  override readonly extraFn: (...args: never[]) => unknown;
  protected override numbersOnly = false;
  constructor(fn: (acc: never, x: never) => unknown, hasInitial: boolean, initial: unknown) {
    super();
    this.extraFn = fn as (...args: never[]) => unknown;
    this.kind = hasInitial ? 'reduce' : 'reduce1';
    if (hasInitial) this.state.acc = initial;
  }
  protected add(v: unknown): void {
    const st = this.state;
    st.acc = this.kind === 'reduce1' && st.n === 0 ? v : (this.extraFn as (a: unknown, b: unknown) => unknown)(st.acc, v);
    st.n++;
  }
  result(): unknown {
    if (this.kind === 'reduce1' && this.state.n === 0) throwType('reduce() of an empty pipeline with no initial value');
    return this.state.acc;
  }
}

/** @internal `toArray()` and the iteration queue. */
export class ArraySink implements Sink<unknown[]> {
  out: unknown[] = [];
  readonly #st = kernelState();
  start(): boolean {
    return true;
  }
  push(v: unknown): boolean {
    this.out.push(v);
    return true;
  }
  pushChunk(a: ArrayLike<unknown>, s: number, e: number): boolean {
    kernel('', kindOf(a), 'arr')(a, s, e, this.out, this.out.length, NO_FNS, this.#st);
    return true;
  }
  end(): void {}
  result(): unknown[] {
    return this.out;
  }
}

/** @internal `forEach(fn)`. */
export class ForEachSink implements Sink<void> {
  readonly #fns: readonly ((x: never) => unknown)[];
  readonly #st = kernelState();
  #key: string | undefined;
  constructor(fn: (x: never) => unknown) {
    this.#fns = [fn];
  }
  start(): boolean {
    return true;
  }
  push(v: unknown): boolean {
    (this.#fns[0] as (x: unknown) => unknown)(v);
    return true;
  }
  pushChunk(a: ArrayLike<unknown>, s: number, e: number): boolean {
    kernel('T', kindOf(a), 'count', (this.#key ??= fnKeyOf(this.#fns)))(a, s, e, null, 0, this.#fns, this.#st);
    return true;
  }
  end(): void {}
  result(): void {}
}

/** @internal `first()`: stops the source after one item. */
export class FirstSink implements Sink<unknown> {
  #value: unknown = undefined;
  start(): boolean {
    return true;
  }
  push(v: unknown): boolean {
    this.#value = v;
    return false;
  }
  pushChunk(a: ArrayLike<unknown>, s: number, e: number): boolean {
    if (e > s) return this.push(a[s]);
    return true;
  }
  end(): void {}
  result(): unknown {
    return this.#value;
  }
}

/** @internal `valueCounts()`: a Map ordered by count, descending; ties keep first-seen order. */
export class ValueCountsSink implements Sink<Map<unknown, number>> {
  readonly #counts = new Map<unknown, number>();
  start(): boolean {
    return true;
  }
  push(v: unknown): boolean {
    const c = this.#counts;
    c.set(v, (c.get(v) ?? 0) + 1);
    return true;
  }
  pushChunk(a: ArrayLike<unknown>, s: number, e: number): boolean {
    const c = this.#counts;
    for (let i = s; i < e; i++) {
      const v = a[i];
      c.set(v, (c.get(v) ?? 0) + 1);
    }
    return true;
  }
  end(): void {}
  result(): Map<unknown, number> {
    return sortCounts(this.#counts);
  }
}

/** @internal Orders a count map by count, descending (stable). */
export function sortCounts<K>(counts: Map<K, number>): Map<K, number> {
  return new Map([...counts].sort((x, y) => y[1] - x[1]));
}
