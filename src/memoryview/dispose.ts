/**
 * `Symbol.dispose` without naming it in the published declarations: a consumer compiling with
 * `lib: ["es2022"]` or `["es2022", "dom"]` has no `SymbolConstructor.dispose`, and a `.d.ts` that mentions it
 * fails there (TS2550). The runtime key is the real `Symbol.dispose` (or, where a runtime lacks it, the
 * `Symbol.for('Symbol.dispose')` that TypeScript's own `using` helpers fall back to); the public type gains
 * `[Symbol.dispose]()` through {@link DisposableMember} only where the consumer's lib declares it.
 *
 * @packageDocumentation
 */

/** @internal The runtime key of the dispose method. */
export const DISPOSE: unique symbol = ((Symbol as { dispose?: symbol }).dispose ?? Symbol.for('Symbol.dispose')) as never;

/**
 * `{ [Symbol.dispose](): void }` when the consumer's lib declares `Symbol.dispose` (ES2025, `esnext.disposable`,
 * or @types/node), so `using m = memoryview(x)` type-checks there; `{}` otherwise.
 */
export type DisposableMember = SymbolConstructor extends { readonly dispose: infer S extends symbol } ? { [K in S]: () => void } : {};
