/**
 * Python-named error classes. Each extends the JavaScript built-in that JS users already catch,
 * so `instanceof RangeError` / `instanceof TypeError` work, while `err.name` keeps the Python name
 * (`'IndexError'`), shown by `String(err)` and in stack traces.
 *
 * Wrong *types* throw the built-in `TypeError`; these classes cover the rest. Messages name the
 * value, the limit and the structure (`uint8 value 300 out of range [0, 255]`).
 *
 * @packageDocumentation
 */

/**
 * A value does not fit the dtype it is written to (Python `OverflowError`).
 * @example
 * ```ts
 * vector('int8').push(128); // OverflowError: int8 value 128 out of range [-128, 127]
 * ```
 */
export class OverflowError extends RangeError {}

/** An index is outside `[-length, length)`, or `pop()` was called on an empty structure (Python `IndexError`). */
export class IndexError extends RangeError {}

/**
 * The right type with a bad value: a value not found by `index`/`remove`, an unknown dtype, a size or shape
 * mismatch, bad categories, use of a released view (Python `ValueError`).
 */
export class ValueError extends RangeError {}

/** Unknown or read-only field on a record view (Python `AttributeError`); a `TypeError` for JS callers. */
export class AttributeError extends TypeError {}

/** A length-changing or reallocating operation while memory views are exported (Python `BufferError`). */
export class BufferError extends Error {}

/** A feature Python also leaves unimplemented (for instance N-D memoryview slicing). */
export class NotImplementedError extends Error {}

// Each class's `name` is the Python exception name, set once on its prototype as the built-in errors carry
// theirs (`RangeError.prototype.name`): writable, not enumerable, in place before the constructor runs, so
// `String(err)`, `err.stack` and `util.inspect` show it, and a minifier that renames the classes cannot change
// it. One table instead of a `name` field written out in each class.
for (const [E, name] of [
  [OverflowError, 'OverflowError'],
  [IndexError, 'IndexError'],
  [ValueError, 'ValueError'],
  [AttributeError, 'AttributeError'],
  [BufferError, 'BufferError'],
  [NotImplementedError, 'NotImplementedError'],
] as const) {
  Object.defineProperty(E.prototype, 'name', { value: name, writable: true, configurable: true, enumerable: false });
}

// ---------------------------------------------------------------------------------------------
// Never-returning throw helpers. Hot methods call these out of line so that the inline fast path
// stays small enough for V8 to inline (docs/internals/performance.md, "Out-of-line throws").
// ---------------------------------------------------------------------------------------------

/** @internal Formats a value for an error message (strings quoted, bigint with `n`). */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  const tag = (value as { constructor?: { name?: string } }).constructor?.name;
  return tag ? `a ${tag}` : 'an object';
}

/** @internal */
export function throwIndex(index: number, length: number, what: string): never {
  throw new IndexError(`${what} index ${describe(index)} out of range for length ${length}`);
}

/** @internal */
export function throwValue(message: string): never {
  throw new ValueError(message);
}

/** @internal */
export function throwType(message: string): never {
  throw new TypeError(message);
}

/** @internal */
export function throwOverflow(message: string): never {
  throw new OverflowError(message);
}

/** @internal */
export function throwAttribute(message: string): never {
  throw new AttributeError(message);
}

/** @internal */
export function throwBuffer(message: string): never {
  throw new BufferError(message);
}
