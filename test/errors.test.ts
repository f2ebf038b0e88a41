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
    expect(e.stack?.split('\n')[0]).toBe(`${name}: msg`);
    expect(e).toBeInstanceOf(Cls);
    // As the built-ins: the name sits on the prototype (not an own, enumerable field), and can be overwritten.
    expect(Object.keys(e)).toEqual([]);
    expect(Object.getOwnPropertyDescriptor(Cls.prototype, 'name')).toMatchObject({ value: name, enumerable: false, writable: true });
    e.name = 'Custom';
    expect(String(e)).toBe('Custom: msg');
    expect(new Cls('again').name).toBe(name);
  });
  test('BufferError and NotImplementedError are not RangeErrors or TypeErrors', () => {
    expect(new BufferError('x')).not.toBeInstanceOf(RangeError);
    expect(new NotImplementedError('x')).not.toBeInstanceOf(TypeError);
  });
});
