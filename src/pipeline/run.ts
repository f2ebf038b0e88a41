/**
 * Running a pipeline: the stage chain built for one run is driven by the source into a sink (`runSync`,
 * `runAsync`), or pulled a chunk's results at a time by an iterator (`iterateSync`, `iterateAsync`). Each pair
 * is a deliberate sync/async twin (the async one awaits the source's `step` and `close`). The source is
 * closed on every exit, the first error winning.
 *
 * @internal
 * @packageDocumentation
 */
import { ArraySink, type Sink } from './sinks.js';
import type { AsyncSource, SyncSource } from './sources.js';
import { buildChain } from './stages.js';
import type { Plan } from './plan.js';

/** Runs `plan` over a fresh `open()` into `sink`; the source is closed on every exit. @internal */
export function runSync<R>(open: () => SyncSource, plan: Plan, sink: Sink<R>): R {
  const head = buildChain(plan.specs, sink, plan.chunkSize);
  const src = open();
  try {
    if (head.start()) while (src.step(head));
    head.end();
  } catch (e) {
    try {
      src.close();
    } catch {
      // the original error wins
    }
    throw e;
  }
  src.close();
  return sink.result();
}

/** {@link runSync} over an async source (the deliberate async twin). @internal */
export async function runAsync<R>(open: () => AsyncSource, plan: Plan, sink: Sink<R>): Promise<R> {
  const head = buildChain(plan.specs, sink, plan.chunkSize);
  const src = open();
  try {
    if (head.start()) while (await src.step(head));
    head.end();
  } catch (e) {
    try {
      await src.close();
    } catch {
      // the original error wins
    }
    throw e;
  }
  await src.close();
  return sink.result();
}

/** Iterates the items of `plan` over a fresh `open()`, a chunk's results at a time; `return()` closes the source. @internal */
export function* iterateSync<T>(open: () => SyncSource, plan: Plan): Generator<T, void, undefined> {
  const q = new ArraySink();
  const head = buildChain(plan.specs, q, plan.chunkSize);
  const src = open();
  let more = head.start();
  let ended = false;
  try {
    for (;;) {
      const out = q.out;
      if (out.length > 0) {
        q.out = [];
        for (let i = 0; i < out.length; i++) yield out[i] as T;
        continue;
      }
      if (ended) return;
      if (more) more = src.step(head);
      if (!more) {
        head.end();
        ended = true;
      }
    }
  } finally {
    src.close();
  }
}

/** {@link iterateSync} over an async source (the deliberate async twin). @internal */
export async function* iterateAsync<T>(open: () => AsyncSource, plan: Plan): AsyncGenerator<T, void, undefined> {
  const q = new ArraySink();
  const head = buildChain(plan.specs, q, plan.chunkSize);
  const src = open();
  let more = head.start();
  let ended = false;
  try {
    for (;;) {
      const out = q.out;
      if (out.length > 0) {
        q.out = [];
        for (let i = 0; i < out.length; i++) yield out[i] as T;
        continue;
      }
      if (ended) return;
      if (more) more = await src.step(head);
      if (!more) {
        head.end();
        ended = true;
      }
    }
  } finally {
    await src.close();
  }
}
