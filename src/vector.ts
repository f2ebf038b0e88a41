/**
 * Vector (array.array): a growable, checked, typed array of one dtype.
 * The implementation lives in `vector/`; this module is its public face.
 * @packageDocumentation
 */
export * from './vector/vector.js';
