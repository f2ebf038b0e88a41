/**
 * Asynchronous itertools kernels: the same state machines as `itertools-sync.ts`, awaiting the source.
 * Sync iterables given to an async function are adapted (values are not awaited).
 *
 * @internal
 * @packageDocumentation
 */
import { throwValue } from '../errors.js';
import { closeAsyncIterator, isAsyncIterable, isIterable, notIterable, sameValueZero } from './iter-util.js';

/** @internal An async iterator over a sync or async iterable. */
export function asyncIteratorOf<T>(x: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> {
  if (isAsyncIterable(x) && !isIterable(x)) return x[Symbol.asyncIterator]();
  if (isIterable(x)) {
    const it = x[Symbol.iterator]();
    return {
      next: () => Promise.resolve(it.next()),
      return: (v?: unknown) => Promise.resolve(typeof it.return === 'function' ? it.return(v) : { value: v, done: true }),
    } as AsyncIterator<T>;
  }
  return (x as AsyncIterable<T>)[Symbol.asyncIterator]();
}

/** @internal Closes `it` while another error is in flight. */
export async function closeQuietlyAsync(it: AsyncIterator<unknown>): Promise<void> {
  try {
    await closeAsyncIterator(it);
  } catch {
    // the original error wins
  }
}

/** @internal {@link SourceGuard} for the async generators: the same closing rule, awaiting `return()`. */
export class AsyncSourceGuard {
  open = true;
  constructor(readonly it: AsyncIterator<unknown>) {}
  /** Closes the source quietly if still open; resolves to `e` to rethrow. */
  async fail(e: unknown): Promise<unknown> {
    if (this.open) await closeQuietlyAsync(this.it);
    this.open = false;
    return e;
  }
  /** Closes the source if still open (an early exit). */
  async close(): Promise<void> {
    if (this.open) await closeAsyncIterator(this.it);
  }
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ value: undefined, done: true });

/** @internal */
export async function* isliceAsync<T>(it: AsyncIterator<T>, start: number, stop: number, step: number): AsyncGenerator<T, void, undefined> {
  let cnt = 0;
  let next = start;
  const guard = new AsyncSourceGuard(it);
  try {
    for (;;) {
      while (cnt < next) {
        if ((await it.next()).done) return void (guard.open = false);
        cnt++;
      }
      if (stop !== -1 && cnt >= stop) return void (guard.open = false);
      const r = await it.next();
      if (r.done) return void (guard.open = false);
      cnt++;
      next += step;
      if (stop !== -1 && next > stop) next = stop;
      yield r.value;
    }
  } catch (e) {
    throw await guard.fail(e);
  } finally {
    await guard.close();
  }
}

/** @internal */
export async function* chainAsync<T>(its: readonly (Iterable<T> | AsyncIterable<T>)[]): AsyncGenerator<T, void, undefined> {
  for (const x of its) {
    const it = asyncIteratorOf(x);
    let open = true;
    try {
      for (;;) {
        const r = await it.next();
        if (r.done) {
          open = false;
          break;
        }
        yield r.value;
      }
    } finally {
      if (open) await closeAsyncIterator(it);
    }
  }
}

/** @internal */
export async function* chainFromAsync<T>(outer: AsyncIterator<Iterable<T> | AsyncIterable<T>>): AsyncGenerator<T, void, undefined> {
  const guard = new AsyncSourceGuard(outer);
  try {
    for (;;) {
      const r = await outer.next();
      if (r.done) return void (guard.open = false);
      if (!isIterable(r.value) && !isAsyncIterable(r.value)) notIterable(r.value, 'chain.fromIterable', 'element');
      yield* chainAsync([r.value]);
    }
  } catch (e) {
    throw await guard.fail(e);
  } finally {
    await guard.close();
  }
}

/** @internal */
export async function* batchedAsync<T>(it: AsyncIterator<T>, n: number, strict: boolean): AsyncGenerator<T[], void, undefined> {
  const guard = new AsyncSourceGuard(it);
  try {
    for (;;) {
      const batch: T[] = [];
      while (batch.length < n) {
        const r = await it.next();
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
    throw await guard.fail(e);
  } finally {
    await guard.close();
  }
}

const NO_KEY: unique symbol = Symbol('no key');

/** @internal Async `groupby`; calls are serialised so the outer and group iterators never race on the source. */
export class GroupByAsync<T, K> implements AsyncIterableIterator<[K, AsyncIterableIterator<T>]> {
  readonly #it: AsyncIterator<T>;
  readonly #key: (x: T) => K;
  #tgt: K | typeof NO_KEY = NO_KEY;
  #cur: K | typeof NO_KEY = NO_KEY;
  #value: T | undefined;
  #id: object = {};
  #exhausted = false;
  #closed = false;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(it: AsyncIterator<T>, key: (x: T) => K) {
    this.#it = it;
    this.#key = key;
  }

  #serial<R>(fn: () => Promise<R>): Promise<R> {
    const p = this.#queue.then(fn, fn);
    this.#queue = p.catch(() => undefined);
    return p;
  }

  next(): Promise<IteratorResult<[K, AsyncIterableIterator<T>]>> {
    return this.#serial(async () => {
      if (this.#closed) return DONE;
      this.#id = {};
      while (this.#cur === NO_KEY || sameValueZero(this.#cur, this.#tgt)) {
        if (!(await this.#pull())) {
          this.#closed = true;
          return DONE;
        }
      }
      this.#tgt = this.#cur;
      return { value: [this.#cur, this.#group(this.#cur, this.#id)] as [K, AsyncIterableIterator<T>], done: false as const };
    });
  }

  async #pull(): Promise<boolean> {
    if (this.#exhausted) return false;
    const r = await this.#it.next();
    if (r.done) {
      this.#exhausted = true;
      return false;
    }
    let k: K;
    try {
      k = this.#key(r.value);
    } catch (e) {
      this.#exhausted = this.#closed = true;
      await closeQuietlyAsync(this.#it);
      throw e;
    }
    this.#value = r.value;
    this.#cur = k;
    return true;
  }

  #group(tgt: K, id: object): AsyncIterableIterator<T> {
    let first = true;
    let ended = false;
    const step = async (): Promise<IteratorResult<T>> => {
      if (ended || this.#id !== id) return DONE;
      if (!first && !(await this.#pull())) return ((ended = true), DONE);
      first = false;
      if (this.#id !== id || !sameValueZero(this.#cur, tgt)) return ((ended = true), DONE);
      return { value: this.#value as T, done: false };
    };
    const group: AsyncIterableIterator<T> = {
      next: () => this.#serial(step),
      return: async () => ((ended = true), DONE),
      [Symbol.asyncIterator]: () => group,
    };
    return group;
  }

  return(): Promise<IteratorResult<[K, AsyncIterableIterator<T>]>> {
    return this.#serial(async () => {
      this.#id = {};
      if (!this.#closed) {
        this.#closed = true;
        if (!this.#exhausted) {
          this.#exhausted = true;
          await closeAsyncIterator(this.#it);
        }
      }
      return DONE;
    });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** @internal */
export async function* accumulateAsync<T, A>(it: AsyncIterator<T>, fn: (acc: A, x: T) => A, hasInitial: boolean, initial: A | undefined): AsyncGenerator<A, void, undefined> {
  const guard = new AsyncSourceGuard(it);
  try {
    let total: A;
    if (hasInitial) {
      total = initial as A;
      yield total;
    } else {
      const r = await it.next();
      if (r.done) return void (guard.open = false);
      total = r.value as unknown as A;
      yield total;
    }
    for (;;) {
      const r = await it.next();
      if (r.done) return void (guard.open = false);
      total = fn(total, r.value);
      yield total;
    }
  } catch (e) {
    throw await guard.fail(e);
  } finally {
    await guard.close();
  }
}

/** @internal */
export async function* takewhileAsync<T>(pred: (x: T) => unknown, it: AsyncIterator<T>): AsyncGenerator<T, void, undefined> {
  const guard = new AsyncSourceGuard(it);
  try {
    for (;;) {
      const r = await it.next();
      if (r.done || !pred(r.value)) return void (guard.open = false);
      yield r.value;
    }
  } catch (e) {
    throw await guard.fail(e);
  } finally {
    await guard.close();
  }
}

/** @internal */
export async function* dropwhileAsync<T>(pred: (x: T) => unknown, it: AsyncIterator<T>): AsyncGenerator<T, void, undefined> {
  const guard = new AsyncSourceGuard(it);
  try {
    for (;;) {
      const r = await it.next();
      if (r.done) return void (guard.open = false);
      if (!pred(r.value)) {
        yield r.value;
        break;
      }
    }
    for (;;) {
      const r = await it.next();
      if (r.done) return void (guard.open = false);
      yield r.value;
    }
  } catch (e) {
    throw await guard.fail(e);
  } finally {
    await guard.close();
  }
}

interface Link<T> {
  value: T | undefined;
  next: Link<T> | null;
}

class TeeAsyncState<T> {
  readonly it: AsyncIterator<T>;
  done = false;
  live: number;
  tail: Link<T>;
  pending: Promise<void> | null = null;
  constructor(it: AsyncIterator<T>, n: number, head: Link<T>) {
    this.it = it;
    this.live = n;
    this.tail = head;
  }
  fetch(): Promise<void> {
    if (this.pending === null) {
      this.pending = (async () => {
        try {
          const r = await this.it.next();
          if (r.done) this.done = true;
          else {
            const link: Link<T> = { value: r.value, next: null };
            this.tail.next = link;
            this.tail = link;
          }
        } finally {
          this.pending = null;
        }
      })();
    }
    return this.pending;
  }
}

/** @internal One async tee; concurrent `next()` calls share one pull of the source. */
export class TeeAsync<T> implements AsyncIterableIterator<T> {
  readonly #s: TeeAsyncState<T>;
  #link: Link<T>;
  #closed = false;

  private constructor(s: TeeAsyncState<T>, head: Link<T>) {
    this.#s = s;
    this.#link = head;
  }

  /** @internal Makes `n` tees over `it`. */
  static make<T>(it: AsyncIterator<T>, n: number): TeeAsync<T>[] {
    const head: Link<T> = { value: undefined, next: null };
    const s = new TeeAsyncState(it, n, head);
    return Array.from({ length: n }, () => new TeeAsync(s, head));
  }

  async next(): Promise<IteratorResult<T>> {
    for (;;) {
      if (this.#closed) return DONE;
      const link = this.#link.next;
      if (link !== null) {
        this.#link = link;
        return { value: link.value as T, done: false };
      }
      if (this.#s.done) return DONE;
      await this.#s.fetch();
    }
  }

  async return(): Promise<IteratorResult<T>> {
    if (!this.#closed) {
      this.#closed = true;
      this.#link = { value: undefined, next: null };
      const s = this.#s;
      if (--s.live === 0 && !s.done) {
        s.done = true;
        await closeAsyncIterator(s.it);
      }
    }
    return DONE;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** @internal */
export async function* zipLongestAsync<F>(its: AsyncIterator<unknown>[], fill: F): AsyncGenerator<unknown[], void, undefined> {
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
        const r = await its[i]!.next();
        if (r.done) {
          done[i] = true;
          row[i] = fill;
          if (--active === 0) return;
        } else row[i] = r.value;
      }
      yield row;
    }
  } catch (e) {
    for (let i = 0; i < n; i++) if (!done[i]) await closeQuietlyAsync(its[i]!);
    done.fill(true);
    throw e;
  } finally {
    for (let i = 0; i < n; i++) if (!done[i]) await closeAsyncIterator(its[i]!);
  }
}

/** @internal */
export async function* pairwiseAsync<T>(it: AsyncIterator<T>): AsyncGenerator<[T, T], void, undefined> {
  let open = true;
  try {
    let r = await it.next();
    if (r.done) return void (open = false);
    let prev = r.value;
    for (;;) {
      r = await it.next();
      if (r.done) return void (open = false);
      const cur = r.value;
      yield [prev, cur];
      prev = cur;
    }
  } finally {
    if (open) await closeAsyncIterator(it);
  }
}

/** @internal */
export async function* compressAsync<T>(data: AsyncIterator<T>, sel: AsyncIterator<unknown>): AsyncGenerator<T, void, undefined> {
  let dataOpen = true;
  let selOpen = true;
  try {
    for (;;) {
      const d = await data.next();
      if (d.done) {
        dataOpen = false;
        return;
      }
      const s = await sel.next();
      if (s.done) {
        selOpen = false;
        return;
      }
      if (s.value) yield d.value;
    }
  } finally {
    if (dataOpen && selOpen) {
      await closeAsyncIterator(data);
      await closeAsyncIterator(sel);
    }
  }
}

/** @internal */
export async function* starmapAsync<R>(fn: (...args: never[]) => R, it: AsyncIterator<unknown>): AsyncGenerator<R, void, undefined> {
  const guard = new AsyncSourceGuard(it);
  try {
    for (;;) {
      const r = await it.next();
      if (r.done) return void (guard.open = false);
      const args = r.value;
      if (!isIterable(args)) notIterable(args, 'starmap', 'element');
      yield fn(...(Array.from(args) as never[]));
    }
  } catch (e) {
    throw await guard.fail(e);
  } finally {
    await guard.close();
  }
}

/** @internal */
export async function* enumerateAsync<T>(it: AsyncIterator<T>, start: number): AsyncGenerator<[number, T], void, undefined> {
  let open = true;
  let i = start;
  try {
    for (;;) {
      const r = await it.next();
      if (r.done) return void (open = false);
      yield [i++, r.value];
    }
  } finally {
    if (open) await closeAsyncIterator(it);
  }
}
