/**
 * `compactly/node`: Node-only helpers (files and Node streams as pipeline sources).
 * @packageDocumentation
 */
// NODE-EXPORTS
export {};
