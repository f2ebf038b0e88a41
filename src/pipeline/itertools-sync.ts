/**
 * Synchronous itertools kernels. Each takes iterators already obtained (arguments were checked eagerly by
 * `itertools.ts`) and follows CPython's consumption exactly. Closing rule: the source is closed (`return()`)
 * when the consumer exits early or a callback throws; it is left open when the function stops on its own
 * (Python leaves a shared iterator usable: `takewhile` then continues at the failing item's successor).
 *
 * @internal
 * @packageDocumentation
 */
import { throwType, throwValue } from '../errors.js';
import { closeIterator, isIterable, notIterable, sameValueZero } from './iter-util.js';

/** @internal Closes `it` while another error is in flight: an error from `return()` must not mask it. */
export function closeQuietly(it: Iterator<unknown>): void {
  try {
    closeIterator(it);
  } catch {
    // the original error wins, as in `for…of`
  }
}

/**
 * @internal The closing rule of the generators here, in one place. A generator over a source makes one guard,
 * runs its loop in `try`, and ends with `catch (e) { throw guard.fail(e); } finally { guard.close(); }`; it sets
 * `guard.open = false` when it stops on its own (the source is exhausted, or Python leaves it usable). Then:
 * an error (a callback's, the source's) closes the source quietly, so the error is the one that propagates;
 * an early exit of the consumer (`return()`) closes it; stopping on its own leaves it as it is. The guard costs
 * nothing per item (bench/itertools.ts).
 */
export class SourceGuard {
  open = true;
  constructor(readonly it: Iterator<unknown>) {}
  /** Closes the source quietly if still open; returns `e` to rethrow. */
  fail(e: unknown): unknown {
    if (this.open) closeQuietly(this.it);
    this.open = false;
    return e;
  }
  /** Closes the source if still open (an early exit). */
  close(): void {
    if (this.open) closeIterator(this.it);
  }
}

/** @internal CPython's islice state machine; `stop === -1` means no stop. */
export function* isliceSync<T>(it: Iterator<T>, start: number, stop: number, step: number): Generator<T, void, undefined> {
  let cnt = 0;
  let next = start;
  const guard = new SourceGuard(it);
  try {
    for (;;) {
      while (cnt < next) {
        if (it.next().done) return void (guard.open = false);
        cnt++;
      }
      if (stop !== -1 && cnt >= stop) return void (guard.open = false);
      const r = it.next();
      if (r.done) return void (guard.open = false);
      cnt++;
      next += step;
      if (stop !== -1 && next > stop) next = stop;
      yield r.value;
    }
  } catch (e) {
    throw guard.fail(e);
  } finally {
    guard.close();
  }
}

/** @internal `chain(...its)`: each iterable is opened only when reached. */
export function* chainSync<T>(its: readonly Iterable<T>[]): Generator<T, void, undefined> {
  for (const x of its) yield* x;
}

/** @internal `chain.fromIterable(its)`: the outer iterable is consumed lazily; a non-iterable element is a lazy TypeError. */
export function* chainFromSync<T>(outer: Iterator<Iterable<T>>): Generator<T, void, undefined> {
  const guard = new SourceGuard(outer);
  try {
    for (;;) {
      const r = outer.next();
      if (r.done) return void (guard.open = false);
      if (!isIterable(r.value)) notIterable(r.value, 'chain.fromIterable', 'element');
      yield* r.value;
    }
  } catch (e) {
    throw guard.fail(e);
  } finally {
    guard.close();
  }
}

/** @internal `batched(it, n, {strict})`: arrays of `n`; a short last batch is a lazy ValueError under `strict`. */
export function* batchedSync<T>(it: Iterator<T>, n: number, strict: boolean): Generator<T[], void, undefined> {
  const guard = new SourceGuard(it);
  try {
    for (;;) {
      const batch: T[] = [];
      while (batch.length < n) {
        const r = it.next();
        if (r.done) {
          guard.open = false;
          if (batch.length === 0) return;
          if (strict) throwValue(`batched(): incomplete batch (${batch.length} of ${n} items)`);
          yield batch;
          return;
        }
        batch.push(r.value);
      }
      yield batch;
    }
  } catch (e) {
    throw guard.fail(e);
  } finally {
    guard.close();
  }
}

const NO_KEY: unique symbol = Symbol('no key');
const DONE: IteratorReturnResult<undefined> = Object.freeze({ value: undefined, done: true });

/**
 * @internal `groupby`: consecutive runs of equal keys (SameValueZero). The groups share the source: advancing the
 * outer iterator empties the group handed out before, as in CPython.
 */
export class GroupBySync<T, K> implements IterableIterator<[K, IterableIterator<T>]> {
  readonly #it: Iterator<T>;
  readonly #key: (x: T) => K;
  #tgt: K | typeof NO_KEY = NO_KEY;
  #cur: K | typeof NO_KEY = NO_KEY;
  #value: T | undefined;
  #id: object = {};
  #exhausted = false;
  #closed = false;

  constructor(it: Iterator<T>, key: (x: T) => K) {
    this.#it = it;
    this.#key = key;
  }

  next(): IteratorResult<[K, IterableIterator<T>]> {
    if (this.#closed) return DONE;
    this.#id = {};
    while (this.#cur === NO_KEY || (this.#tgt !== NO_KEY && sameValueZero(this.#cur, this.#tgt))) {
      if (!this.#pull()) {
        this.#closed = true;
        return DONE;
      }
    }
    this.#tgt = this.#cur;
    return { value: [this.#cur, this.#group(this.#cur, this.#id)], done: false };
  }

  /** Pulls one item and computes its key; false at the end of the source. */
  #pull(): boolean {
    if (this.#exhausted) return false;
    const r = this.#it.next();
    if (r.done) {
      this.#exhausted = true;
      return false;
    }
    let k: K;
    try {
      k = this.#key(r.value);
    } catch (e) {
      this.#exhausted = this.#closed = true;
      closeQuietly(this.#it);
      throw e;
    }
    this.#value = r.value;
    this.#cur = k;
    return true;
  }

  *#group(tgt: K, id: object): Generator<T, void, undefined> {
    while (this.#id === id && sameValueZero(this.#cur, tgt)) {
      yield this.#value as T;
      if (this.#id !== id || !this.#pull()) return;
    }
  }

  return(): IteratorResult<[K, IterableIterator<T>]> {
    this.#id = {};
    if (!this.#closed) {
      this.#closed = true;
      if (!this.#exhausted) {
        this.#exhausted = true;
        closeIterator(this.#it);
      }
    }
    return DONE;
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/** @internal `accumulate(it, fn, {initial})`: the running fold, `initial` first. */
export function* accumulateSync<T, A>(it: Iterator<T>, fn: (acc: A, x: T) => A, hasInitial: boolean, initial: A | undefined): Generator<A, void, undefined> {
  const guard = new SourceGuard(it);
  try {
    let total: A;
    if (hasInitial) {
      total = initial as A;
      yield total;
    } else {
      const r = it.next();
      if (r.done) return void (guard.open = false);
      total = r.value as unknown as A;
      yield total;
    }
    for (;;) {
      const r = it.next();
      if (r.done) return void (guard.open = false);
      total = fn(total, r.value);
      yield total;
    }
  } catch (e) {
    throw guard.fail(e);
  } finally {
    guard.close();
  }
}

/** @internal `takewhile`: consumes and drops the first failing item, then stops without closing the source. */
export function* takewhileSync<T>(pred: (x: T) => unknown, it: Iterator<T>): Generator<T, void, undefined> {
  const guard = new SourceGuard(it);
  try {
    for (;;) {
      const r = it.next();
      if (r.done || !pred(r.value)) return void (guard.open = false);
      yield r.value;
    }
  } catch (e) {
    throw guard.fail(e);
  } finally {
    guard.close();
  }
}

/** @internal `dropwhile`: skips while the predicate holds, then yields everything (the predicate is not called again). */
export function* dropwhileSync<T>(pred: (x: T) => unknown, it: Iterator<T>): Generator<T, void, undefined> {
  const guard = new SourceGuard(it);
  try {
    for (;;) {
      const r = it.next();
      if (r.done) return void (guard.open = false);
      if (!pred(r.value)) {
        yield r.value;
        break;
      }
    }
    for (;;) {
      const r = it.next();
      if (r.done) return void (guard.open = false);
      yield r.value;
    }
  } catch (e) {
    throw guard.fail(e);
  } finally {
    guard.close();
  }
}

/** One buffered item of a tee; the list is shared, so it holds only what the slowest tee has not read. */
interface Link<T> {
  value: T | undefined;
  next: Link<T> | null;
}

/** @internal State shared by the iterators of one `tee`. */
export class TeeState<T> {
  readonly it: Iterator<T>;
  done = false;
  live: number;
  constructor(it: Iterator<T>, n: number) {
    this.it = it;
    this.live = n;
  }
}

/** @internal One of `tee`'s iterators: reads the shared list, pulling the source when it is at the end. */
export class TeeSync<T> implements IterableIterator<T> {
  readonly #s: TeeState<T>;
  #link: Link<T>;
  #closed = false;

  constructor(s: TeeState<T>, head: Link<T>) {
    this.#s = s;
    this.#link = head;
  }

  /** @internal Makes `n` tees over `it`. */
  static make<T>(it: Iterator<T>, n: number): TeeSync<T>[] {
    const s = new TeeState(it, n);
    const head: Link<T> = { value: undefined, next: null };
    return Array.from({ length: n }, () => new TeeSync(s, head));
  }

  next(): IteratorResult<T> {
    if (this.#closed) return DONE;
    let link = this.#link.next;
    if (link === null) {
      const s = this.#s;
      if (s.done) return DONE;
      const r = s.it.next();
      if (r.done) {
        s.done = true;
        return DONE;
      }
      link = { value: r.value, next: null };
      this.#link.next = link;
    }
    this.#link = link;
    return { value: link.value as T, done: false };
  }

  /** Closes this tee; the source is closed when every tee of the group has been closed early. */
  return(): IteratorResult<T> {
    if (!this.#closed) {
      this.#closed = true;
      this.#link = { value: undefined, next: null };
      const s = this.#s;
      if (--s.live === 0 && !s.done) {
        s.done = true;
        closeIterator(s.it);
      }
    }
    return DONE;
  }

  [Symbol.iterator](): this {
    return this;
  }
}

/** @internal `zipLongest`: pads exhausted inputs with `fill` until all are exhausted. */
export function* zipLongestSync<F>(its: Iterator<unknown>[], fill: F): Generator<unknown[], void, undefined> {
  const n = its.length;
  const done = new Array<boolean>(n).fill(false);
  let active = n;
  try {
    if (n === 0) return;
    for (;;) {
      const row = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        if (done[i]) {
          row[i] = fill;
          continue;
        }
        const r = its[i]!.next();
        if (r.done) {
          done[i] = true;
          row[i] = fill;
          if (--active === 0) return;
        } else row[i] = r.value;
      }
      yield row;
    }
  } catch (e) {
    for (let i = 0; i < n; i++) if (!done[i]) closeQuietly(its[i]!);
    done.fill(true);
    throw e;
  } finally {
    for (let i = 0; i < n; i++) if (!done[i]) closeIterator(its[i]!);
  }
}

/** @internal `pairwise`: overlapping pairs. */
export function* pairwiseSync<T>(it: Iterator<T>): Generator<[T, T], void, undefined> {
  let open = true;
  try {
    let r = it.next();
    if (r.done) return void (open = false);
    let prev = r.value;
    for (;;) {
      r = it.next();
      if (r.done) return void (open = false);
      const cur = r.value;
      yield [prev, cur];
      prev = cur;
    }
  } finally {
    if (open) closeIterator(it);
  }
}

/** @internal `compress`: data items whose selector is truthy; stops at the shorter input (data is read first). */
export function* compressSync<T>(data: Iterator<T>, sel: Iterator<unknown>): Generator<T, void, undefined> {
  let dataOpen = true;
  let selOpen = true;
  try {
    for (;;) {
      const d = data.next();
      if (d.done) {
        dataOpen = false;
        return;
      }
      const s = sel.next();
      if (s.done) {
        selOpen = false;
        return;
      }
      if (s.value) yield d.value;
    }
  } finally {
    // Whichever input ended first is done; the other is left as Python leaves it (open, position kept),
    // unless the consumer left early: then both are closed.
    if (dataOpen && selOpen) {
      closeIterator(data);
      closeIterator(sel);
    }
  }
}

/** @internal `starmap(fn, it)`: `fn(...args)`; a non-iterable element is a TypeError. */
export function* starmapSync<R>(fn: (...args: never[]) => R, it: Iterator<unknown>): Generator<R, void, undefined> {
  const guard = new SourceGuard(it);
  try {
    for (;;) {
      const r = it.next();
      if (r.done) return void (guard.open = false);
      const args = r.value;
      if (!isIterable(args)) notIterable(args, 'starmap', 'element');
      yield fn(...(Array.from(args) as never[]));
    }
  } catch (e) {
    throw guard.fail(e);
  } finally {
    guard.close();
  }
}

/** @internal `count(start, step)`: infinite; float steps accumulate as in Python. */
export function* countSync(start: number | bigint, step: number | bigint): Generator<number | bigint, never, undefined> {
  let n = start as number;
  const d = step as number;
  for (;;) {
    yield n;
    n += d;
  }
}

/** @internal `enumerate(it, start)`: `[index, item]` pairs. */
export function* enumerateSync<T>(it: Iterator<T>, start: number): Generator<[number, T], void, undefined> {
  let open = true;
  let i = start;
  try {
    for (;;) {
      const r = it.next();
      if (r.done) return void (open = false);
      yield [i++, r.value];
    }
  } finally {
    if (open) closeIterator(it);
  }
}

/** @internal Checks `count`'s arguments: both numbers or both bigints. */
export function checkCountArgs(start: unknown, step: unknown): void {
  const ok = (typeof start === 'number' && typeof step === 'number') || (typeof start === 'bigint' && typeof step === 'bigint');
  if (!ok) throwType(`count(): start and step must both be numbers or both bigints, got ${typeof start} and ${typeof step}`);
}
