/**
 * The closure kit used where `new Function` is forbidden (strict CSP): same behaviour as the generated one.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AttributeError, IndexError, OverflowError } from '../../src/errors.js';
import { recordStore } from '../../src/record-store.js';
import { setCodegen } from '../../src/internal/codegen.js';

beforeAll(() => setCodegen(false));
afterAll(() => setCodegen(undefined));

describe('RecordStore without code generation', () => {
  const schema = { x: 'float64', n: { type: 'int8', default: 1 }, kind: 'category', p: ['uint8', 2] } as const;

  test('push, views, cursor, toObject', () => {
    const s = recordStore(schema);
    expect(s.push({ x: 1.5, kind: 'a', p: [1, 2] })).toBe(0);
    s.push({ x: 2.5, n: -3, kind: null, p: [3, 4] });
    const r = s.get(1);
    expect(r.toObject()).toEqual({ x: 2.5, n: -3, kind: null, p: new Uint8Array([3, 4]) });
    r.x = 9;
    r.kind = 'new';
    r.p = new Uint8Array([7, 7]);
    expect(s.toObjects()[1]).toEqual({ x: 9, n: -3, kind: 'new', p: new Uint8Array([7, 7]) });
    expect(() => ((r as unknown as Record<string, number>).zz = 1)).toThrow(AttributeError);
    expect(() => ((r as unknown as { index: number }).index = 0)).toThrow(AttributeError);
    expect(() => (r.n = 200)).toThrow(OverflowError);
    const c = s.cursor();
    let sum = 0;
    while (c.next()) sum += c.x;
    expect(sum).toBe(10.5);
    expect(() => c.x).toThrow(IndexError);
    expect(c.moveTo(0).kind).toBe('a');
    c.reset();
    expect(c.index).toBe(-1);
    c.index = -1;
    expect(c.index).toBe(1);
    expect(JSON.parse(JSON.stringify(s.get(0)))).toEqual({ x: 1.5, n: 1, kind: 'a', p: { 0: 1, 1: 2 } });
  });

  test('errors leave the store unchanged', () => {
    const s = recordStore(schema);
    s.push({ x: 1, kind: 'a', p: [1, 2] });
    expect(() => s.push({ x: 1, kind: 'a', p: [1, 256] })).toThrow(OverflowError);
    expect(() => s.push({ kind: 'a', p: [1, 2] } as never)).toThrow(TypeError);
    expect(() => s.push({ x: 1, kind: 3 as never, p: [1, 2] })).toThrow(TypeError);
    expect(() =>
      s.extend([
        { x: 1, kind: 'b', p: [1, 2] },
        { x: 1, n: 128, kind: 'c', p: [1, 2] },
      ]),
    ).toThrow(/row 1/);
    expect(() => s.push(5 as never)).toThrow(TypeError);
    expect(s.length).toBe(1);
    expect(s.column('kind').categories).toEqual(['a']);
    s.extend([{ x: 2, kind: 'b', p: [3, 4] }]);
    expect(s.length).toBe(2);
  });
});
