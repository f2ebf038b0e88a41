/**
 * Categorical (pandas.Categorical): dictionary-encoded columns of strings or numbers.
 * The implementation lives in `categorical/`; this module is its public face (the class module exports
 * exactly the public API: the class, its factory and the types its signatures name).
 * @packageDocumentation
 */
export * from './categorical/categorical.js';
/** @internal The code-width rule, shared with compactly/arrow's dictionary import (not re-exported by index.ts). */
export { allocCodes, codesDTypeFor } from './categorical/codes.js';
