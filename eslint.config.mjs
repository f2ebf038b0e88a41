// `npm run lint`: ESLint 9 (flat config) with typescript-eslint's type-aware parser. A small rule set, each rule
// chosen because it catches a real bug rather than a style preference (docs/internals/design.md, "Linting"):
// promises nobody awaits or that land where a callback's return is ignored, unused code, `any`, string eval
// outside internal/codegen.ts, and a handful of core-JS mistakes. Formatting is Prettier's (.prettierrc.json), not a rule here.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'docs/api/**', '**/*.gen.ts.tmp'],
  },
  {
    // The scripts (plain ESM run by Node): the core rules, and unused code, which tsc does not check here.
    files: ['**/*.mjs'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-undef': 'off',
      'no-unreachable': 'error',
      'no-fallthrough': 'error',
      'no-dupe-keys': 'error',
      'no-self-assign': 'error',
      'use-isnan': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      // Promises: a forgotten await loses errors and ordering; an async callback where a void one is expected
      // (forEach, an event handler) runs unawaited.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // Escape hatches. (Unused code in .ts files is tsc's noUnusedLocals/noUnusedParameters, a step of `npm test`:
      // tsc counts an import used by a TSDoc {@link} and a type parameter a merged declaration must repeat, which
      // @typescript-eslint/no-unused-vars reports as unused.)
      '@typescript-eslint/no-explicit-any': 'error',
      // Code generation from strings goes through src/internal/codegen.ts only (docs/internals/design.md).
      '@typescript-eslint/no-implied-eval': 'error',
      // Core JS mistakes (not no-self-compare: `x !== x` is the NaN test the kernels use).
      'no-self-assign': 'error',
      'no-dupe-keys': 'error',
      'no-dupe-else-if': 'error',
      'no-duplicate-case': 'error',
      'no-unreachable': 'error',
      'no-unsafe-finally': 'error',
      'no-fallthrough': 'error',
      'use-isnan': 'error',
      'valid-typeof': 'error',
      'no-cond-assign': ['error', 'except-parens'],
      // Loose equality only where it is the point (bigint vs number by value), with a disable comment saying so.
      eqeqeq: ['error', 'smart'],
      'no-constant-binary-expression': 'error',
    },
  },
);
