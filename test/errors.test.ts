import { describe, expect, test } from 'vitest';
import { AttributeError, BufferError, IndexError, NotImplementedError, OverflowError, ValueError } from '../src/errors.js';

describe('error classes extend the built-in JS users catch', () => {
  test.each([
    [OverflowError, RangeError, 'OverflowError'],
    [IndexError, RangeError, 'IndexError'],
    [ValueError, RangeError, 'ValueError'],
    [AttributeError, TypeError, 'AttributeError'],
    [BufferError, Error, 'BufferError'],
    [NotImplementedError, Error, 'NotImplementedError'],
  ] as const)('%o', (Cls, Base, name) => {
    const e = new Cls('msg');
    expect(e).toBeInstanceOf(Base);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe(name);
    expect(e.message).toBe('msg');
    expect(String(e)).toBe(`${name}: msg`);
  });
  test('BufferError and NotImplementedError are not RangeErrors or TypeErrors', () => {
    expect(new BufferError('x')).not.toBeInstanceOf(RangeError);
    expect(new NotImplementedError('x')).not.toBeInstanceOf(TypeError);
  });
});
