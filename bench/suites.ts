/**
 * The registry of benchmark suites, one per capability, in report order.
 */
import type { Suite } from './_harness.js';

/** Loads a suite module lazily so `compactly-bench vector` only pays for what it runs. */
export const SUITES: Readonly<Record<string, () => Promise<Suite>>> = {
  // one line per suite, in the order the CLI runs and reports them
  vector: async () => (await import('./vector.bench.js')).suite,
  'record-store': async () => (await import('./record-store.bench.js')).suite,
  categorical: async () => (await import('./categorical.bench.js')).suite,
  memoryview: async () => (await import('./memoryview.bench.js')).suite,
  pipeline: async () => (await import('./pipeline.bench.js')).suite,
  arrow: async () => (await import('./arrow.bench.js')).suite,
  verbs: async () => (await import('./verbs.bench.js')).suite,
  parquet: async () => (await import('./parquet.bench.js')).suite,
};
