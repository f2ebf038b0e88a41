// Names this entry point in the API reference (TypeDoc's @module); the code is in src/node/index.ts.
/**
 * `compactly/node`: Node-only helpers: files and Node streams as pipeline sources (`readCsv` of a path or
 * stream, `readLines`).
 * @module compactly/node
 */
export * from '../../src/node/index.js';
