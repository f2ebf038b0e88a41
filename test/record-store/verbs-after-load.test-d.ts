import { expectTypeOf, test } from 'vitest';
import { recordStore } from '../../src/record-store.js';

test('derive infers the new fields from the functions or their types', () => {
  const s = recordStore({ x: 'float64', k: 'category' });
  const d = s.derive({ y: (r) => r.x * 2, tag: (r) => (r.x > 0 ? 'pos' : 'neg'), n: { type: 'int16', fn: () => 1 } });
  expectTypeOf(d.getField(0, 'y')).toEqualTypeOf<number>();
  expectTypeOf(d.getField(0, 'tag')).toEqualTypeOf<string | null>();
  expectTypeOf(d.getField(0, 'n')).toEqualTypeOf<number>();
  expectTypeOf(d.getField(0, 'k')).toEqualTypeOf<string | null>();
  expectTypeOf(s.where('x', '>', 1)).toEqualTypeOf<Uint8Array>();
});
