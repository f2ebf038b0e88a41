// Names this entry point in the API reference (TypeDoc's @module); the code is in src/arrow/index.ts.
/**
 * `compactly/arrow`: Apache Arrow interop (`toArrow`, `fromArrow`, IPC). `apache-arrow` is an optional peer
 * dependency that only this entry imports.
 * @module compactly/arrow
 */
export * from '../../src/arrow/index.js';
