import { defineConfig } from 'vitest/config';

// Two projects run the same suite: `node` as usual, and `no-codegen` in processes started with
// `--disallow-code-generation-from-strings` (as a strict-CSP page or an edge runtime without eval), so every
// capability is tested on internal/codegen.ts's closure paths too.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/_support/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          // Type tests (test/**/*.test-d.ts) are checked by `tsc --noEmit` (tsconfig.json includes test/; a failed
          // expectTypeOf is a compile error), the first step of `npm test`. Vitest's own typecheck mode stays off:
          // it repeats that work and prints an "experimental feature" banner on every run. VITEST_TYPECHECK=1 turns
          // it on.
          typecheck: { enabled: process.env.VITEST_TYPECHECK === '1', include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        extends: true,
        test: {
          name: 'no-codegen',
          execArgv: ['--disallow-code-generation-from-strings'],
          // These files build their fixtures with apache-arrow's builders (vectorFromArray, tableFromArrays of
          // plain arrays), which call `new Function` themselves (apache-arrow's createIsValidFunction): the
          // third-party fixture code fails there, not compactly. compactly/arrow's own paths run under the flag
          // in the other arrow test files.
          // The fuzzers (test/fuzz) run their cases in child processes of their own, the same in both projects.
          // The Chromium tests (test/browser/, test/bench/browser.test.ts) run compactly in the browser, not in this
          // process: the strict-CSP page already forbids code generation there, so they run in `node` only.
          exclude: [
            'test/arrow/vector.test.ts',
            'test/arrow/store.test.ts',
            'test/arrow/types-built.test.ts',
            'test/arrow/docs-examples.test.ts',
            'test/fuzz/**',
            'test/browser/**',
            'test/bench/browser.test.ts',
          ],
        },
      },
    ],
  },
});
