/**
 * The one place that generates code at run time (`new Function`). Every generated-code path in compactly goes
 * through {@link generate} or {@link cloneFunction} and comes with an equivalent closure path, taken when the
 * environment forbids code generation from strings: `node --disallow-code-generation-from-strings`, a browser
 * page whose Content-Security-Policy lacks `'unsafe-eval'`, or an edge runtime without `eval`.
 *
 * Whether `new Function` works is probed once, on first use, and cached. Per-dtype kernels that can be written
 * ahead of time are not generated here at all: they are emitted at build time into checked-in `*.gen.ts` files
 * (scripts/gen-kernels.mjs; docs/internals/design.md, "One specialisation mechanism").
 *
 * @internal
 * @packageDocumentation
 */

let probed: boolean | undefined;
let forced: boolean | undefined;
const resets: (() => void)[] = [];

function probe(): boolean {
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    return (new Function('return 1') as () => number)() === 1;
  } catch {
    return false;
  }
}

/**
 * True when code may be generated from strings here: the cached probe, unless a test switched code generation
 * off with {@link setCodegen}. @internal
 */
export function codegenAvailable(): boolean {
  if (forced === false) return false;
  return (probed ??= probe());
}

/**
 * `new Function(...params, body)` when code generation is available, otherwise `fallback()` (which must
 * behave identically). A generation that still fails with an `EvalError` (a policy that changed after the
 * probe) also takes the fallback; any other error (a bug in the generated text) is rethrown. @internal
 */
export function generate<F>(params: readonly string[], body: string, fallback: () => F): F {
  if (!codegenAvailable()) return fallback();
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    return new Function(...params, body) as F;
  } catch (e) {
    if (!(e instanceof EvalError)) throw e;
    probed = false;
    return fallback();
  }
}

/**
 * A copy of `fn` compiled separately from its source text, tagged with `tag` in a comment so that V8 keeps
 * its own type feedback (and its own eval-cache entry) for it; `fn` itself when code generation is not
 * available. `fn` must be self-contained: it may reference no variable outside its own body. @internal
 */
export function cloneFunction<F extends (...args: never[]) => unknown>(fn: F, tag: string): F {
  const tagText = tag.replace(/\*\//g, '* /');
  const make = generate<(() => F) | null>([], `'use strict'; return (${fn.toString()}) /* compactly ${tagText} */`, () => null);
  return make === null ? fn : make();
}

/**
 * For tests: `false` forces the closure paths as if code generation were forbidden, `undefined` returns to the
 * probe. Clears every cache of generated code (callers register theirs with {@link onCodegenReset}). @internal
 */
export function setCodegen(on: false | undefined): void {
  forced = on;
  for (const reset of resets) reset();
}

/** Registers a cache-clearing callback run by {@link setCodegen}. @internal */
export function onCodegenReset(reset: () => void): void {
  resets.push(reset);
}
