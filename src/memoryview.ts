/**
 * MemoryView (memoryview): zero-copy, strided, typed views over binary data.
 * The implementation lives in `memoryview/`; this module is its public face.
 * @packageDocumentation
 */
export * from './memoryview/memoryview.js';
