// Names this entry point in the API reference (TypeDoc's @module); the code is in src/index.ts.
/**
 * `compactly`: the five capabilities (Vector, RecordStore, Categorical, MemoryView, pipelines), dtypes and
 * errors. Zero runtime dependencies; runs in Node ≥ 20 and browsers.
 * @module compactly
 */
export * from '../../src/index.js';
