/** Test helpers: tracked generators that record how far they were read and whether they were closed. */

export interface Tracked<T> {
  readonly it: Generator<T, void, undefined>;
  readonly log: { pulled: number; closed: boolean; finished: boolean };
}

/** A generator over `items` that records pulls and whether its `finally` ran by an early close. */
export function tracked<T>(items: Iterable<T>): Tracked<T> {
  const log = { pulled: 0, closed: false, finished: false };
  function* g(): Generator<T, void, undefined> {
    let done = false;
    try {
      for (const x of items) {
        log.pulled++;
        yield x;
      }
      done = true;
      log.finished = true;
    } finally {
      if (!done) log.closed = true;
    }
  }
  return { it: g(), log };
}

export interface TrackedAsync<T> {
  readonly it: AsyncGenerator<T, void, undefined>;
  readonly log: { pulled: number; closed: boolean; finished: boolean };
}

/**
 * Async twin of {@link tracked}: the same tracked generator, awaited once before each item. An early close
 * of the async generator closes the inner one (`for…of` calls its `return()`), which sets `closed`.
 */
export function trackedAsync<T>(items: Iterable<T>): TrackedAsync<T> {
  const { it: inner, log } = tracked(items);
  async function* g(): AsyncGenerator<T, void, undefined> {
    for (const x of inner) {
      await Promise.resolve();
      yield x;
    }
  }
  return { it: g(), log };
}

/** Endless naturals. */
export function* naturals(): Generator<number, never, undefined> {
  for (let i = 0; ; i++) yield i;
}

/** Collects an async iterable. */
export async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** Expects `fn` to throw an error of `cls` that is also an instance of the built-in `base`. */
export function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

/** Async twin of {@link errorOf}. */
export async function rejectionOf(p: Promise<unknown> | (() => Promise<unknown>)): Promise<unknown> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}
