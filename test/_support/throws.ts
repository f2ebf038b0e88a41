/**
 * Shared assertion for error tests: the thrown value is checked against both the library's error class and
 * the JS built-in it extends (docs/internals/design.md, "Conventions": errors keep Python's class and JS's base class).
 */
import { expect } from 'vitest';

/**
 * Asserts `fn` throws an instance of `cls` that is also an instance of the JS built-in `base`, and, when given,
 * that its message matches `pattern`.
 * @returns the thrown error, for further checks.
 */
export function throwsLike(fn: () => unknown, cls: new (...a: never[]) => Error, base: new (...a: never[]) => Error, pattern?: RegExp): Error {
  let err: unknown;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err, 'expected a throw').toBeInstanceOf(cls);
  expect(err).toBeInstanceOf(base);
  if (pattern) expect((err as Error).message).toMatch(pattern);
  return err as Error;
}
