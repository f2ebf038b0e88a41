/** `extend(store)` of a store with the same schema goes column by column; it must equal extending by objects. */
import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { RecordStore, recordStore } from '../../src/index.js';

const schema = { k: 'category', x: 'float64', n: 'int16', v: ['uint8', 2] } as const;
const rowArb = fc.record({
  k: fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: null }),
  x: fc.double(),
  n: fc.integer({ min: -32768, max: 32767 }),
  v: fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })),
});

test.prop([fc.array(rowArb, { maxLength: 20 }), fc.array(rowArb, { maxLength: 20 })])('extend(store) equals extend(store.toObjects())', (a, b) => {
  const fast = RecordStore.fromObjects(a as never, schema);
  const slow = RecordStore.fromObjects(a as never, schema);
  const src = RecordStore.fromObjects(b as never, schema);
  fast.extend(src);
  slow.extend(src.toObjects());
  expect(fast.toObjects()).toEqual(slow.toObjects());
  expect(fast.length).toBe(a.length + b.length);
});

test.prop([fc.array(rowArb, { maxLength: 5 })])('a store with other fields goes through the object path: same outcome as its objects', (a) => {
  const dst = recordStore({ k: 'category', x: 'float64' });
  const ref = recordStore({ k: 'category', x: 'float64' });
  const src = RecordStore.fromObjects(a as never, schema);
  const outcome = (f: () => void): string => {
    try {
      f();
      return 'ok';
    } catch (e) {
      return (e as Error).constructor.name;
    }
  };
  expect(outcome(() => dst.extend(src as never))).toBe(outcome(() => ref.extend(src.toObjects() as never)));
  expect(dst.toObjects()).toEqual(ref.toObjects());
});
