/**
 * Any column name (issue 14 item 1, RecordStore side): a field name is any non-empty string; identifiers that
 * shadow no view member are view properties, every name works through getField/setField and the verbs. Run
 * with the generated row kit and with the closure kit (no `new Function`).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { AttributeError, ValueError } from '../../src/errors.js';
import { RecordStore, recordStore } from '../../src/record-store.js';
import { setCodegen } from '../../src/internal/codegen.js';

afterEach(() => setCodegen(undefined));

const NAMES = ['Airport Name', 'index', 'constructor', '__proto__', 'toString', 'a*/b', 'x"y', '1st', 'délai', '日付', '😀 emoji', 'e\u0301', 'a-b.c', 'next'];

for (const codegen of [true, false]) {
  describe(`field names (${codegen ? 'generated kit' : 'closure kit'})`, () => {
    const setup = (): void => setCodegen(codegen ? undefined : false);

    test('every name through push, getField/setField, toObject, column, select, sortBy, groupBy/agg', () => {
      setup();
      const schema: [string, string][] = NAMES.map((n, k) => [n, k % 2 === 0 ? 'float64' : 'int32']);
      schema.push(['kind', 'category']);
      const s = recordStore(schema as never) as unknown as RecordStore;
      const row = (i: number): Record<string, unknown> => {
        const o: Record<string, unknown> = {};
        NAMES.forEach((n, k) => Object.defineProperty(o, n, { value: i * 10 + k, enumerable: true }));
        o.kind = i % 2 === 0 ? 'even' : 'odd';
        return o;
      };
      for (let i = 0; i < 4; i++) s.push(row(i));
      s.extend([row(4), row(5)]);
      expect(s.length).toBe(6);
      NAMES.forEach((n, k) => {
        expect(s.getField(5, n)).toBe(50 + k);
        expect(Array.from(s.column(n) as ArrayLike<number>)).toEqual([0, 1, 2, 3, 4, 5].map((i) => i * 10 + k));
      });
      s.setField(0, 'Airport Name', -1);
      s.setField(0, '__proto__', -2);
      expect(s.getField(0, 'Airport Name')).toBe(-1);
      expect(s.getField(0, '__proto__')).toBe(-2);
      const o = s.get(0).toObject();
      expect(Object.keys(o)).toEqual([...NAMES, 'kind']);
      expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(o, '__proto__')?.value).toBe(-2);
      expect(o['Airport Name']).toBe(-1);
      expect(o.constructor).toBe(2); // the own field value: NAMES[2], row 0
      const sel = s.select(['__proto__', 'Airport Name', '日付']);
      expect(sel.fields).toEqual(['__proto__', 'Airport Name', '日付']);
      expect(sel.getField(1, '日付')).toBe(19);
      const sorted = s.sortBy('Airport Name', { descending: true });
      expect(Array.from(sorted.column('Airport Name') as Float64Array)).toEqual([50, 40, 30, 20, 10, -1]);
      const g = s.groupBy(['kind', 'constructor']).agg({ 'total delay': ['sum', 'Airport Name'], n: ['count'] });
      expect(g.fields).toEqual(['kind', 'constructor', 'total delay', 'n']);
      expect(g.length).toBe(6);
      const g2 = s.groupBy('kind').agg({ 'sum of index': ['sum', 'index'], ['__proto__']: ['max', '__proto__'] } as never);
      expect(g2.fields).toEqual(['kind', 'sum of index', '__proto__']);
      expect(Array.from(g2.column('sum of index') as Float64Array)).toEqual([63, 93]);
      expect(Array.from(g2.column('__proto__') as Int32Array)).toEqual([43, 53]);
      expect(Object.getOwnPropertyDescriptor(g2.get(1).toObject(), '__proto__')?.value).toBe(53);
      // a store made from its own schema and columns round-trips
      const back = RecordStore.fromColumns(Object.fromEntries(s.fields.map((n) => [n, s.column(n)])) as never, s.schema as never);
      expect(back.toObjects()).toEqual(s.toObjects());
      expect(recordStore(s.schema as never).fields).toEqual(s.fields);
    });

    test('identifier names that shadow nothing are view properties; the others are not', () => {
      setup();
      const s = recordStore([
        ['delay', 'float64'],
        ['Airport Name', 'float64'],
        ['index', 'int32'],
        ['constructor', 'int32'],
        ['__proto__', 'int32'],
        ['日付', 'int32'],
      ] as never) as unknown as RecordStore;
      s.push({ delay: 1.5, 'Airport Name': 2.5, index: 7, ['constructor' as string]: 8, 日付: 9, ...JSON.parse('{"__proto__": 10}') });
      const r = s.get(0) as unknown as Record<string, unknown>;
      expect(r.delay).toBe(1.5);
      expect(r['日付']).toBe(9);
      expect(r.index).toBe(0); // the row index, not the field
      expect(r['Airport Name']).toBeUndefined();
      expect(typeof r.constructor).toBe('function');
      expect(s.getField(0, 'index')).toBe(7);
      expect(s.getField(0, 'constructor')).toBe(8);
      expect(s.getField(0, '__proto__')).toBe(10);
      expect(() => (r['Airport Name'] = 3)).toThrow(AttributeError);
      r.日付 = 11;
      expect(s.getField(0, '日付')).toBe(11);
      let total = 0;
      for (const row of s) total += (row as unknown as { delay: number }).delay;
      expect(total).toBe(1.5);
    });

    test('a name Object.prototype has counts only as an own property of a row', () => {
      setup();
      const s = recordStore([['constructor', 'int32']] as never) as unknown as RecordStore;
      expect(() => s.push({})).toThrow(/missing/);
      const d = recordStore([['toString', { type: 'int32', default: 4 }]] as never) as unknown as RecordStore;
      d.push({});
      expect(d.getField(0, 'toString')).toBe(4);
      expect(() => RecordStore.fromColumns({} as never, [['valueOf', 'int32']] as never)).toThrow(ValueError);
      const inferred = RecordStore.fromObjects([JSON.parse('{"__proto__": 1, "a b": 2}') as Record<string, unknown>]);
      expect(inferred.fields).toEqual(['__proto__', 'a b']);
      expect(inferred.getField(0, '__proto__')).toBe(1);
    });

    test('empty and non-string names', () => {
      setup();
      expect(() => recordStore({ '': 'int8' })).toThrow(ValueError);
      expect(() => recordStore([[1, 'int8']] as never)).toThrow(TypeError);
      expect(() => recordStore([[null, 'int8']] as never)).toThrow(/must be strings/);
      const s = recordStore({ x: 'int8' });
      expect(() => s.derive({ '': () => 1 })).toThrow(ValueError);
      expect(() => s.assign({ '': new Int8Array(0) })).toThrow(ValueError);
    });

    test('random Unicode names round-trip through push, getField and toObject', () => {
      setup();
      fc.assert(
        fc.property(fc.uniqueArray(fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), fc.integer(), (names, v) => {
          const s = recordStore(names.map((n) => [n, 'float64']) as never) as unknown as RecordStore;
          const o: Record<string, unknown> = {};
          names.forEach((n, k) => Object.defineProperty(o, n, { value: v + k, enumerable: true }));
          s.push(o);
          names.forEach((n, k) => expect(s.getField(0, n)).toBe(v + k));
          const back = s.get(0).toObject();
          expect(Object.keys(back).sort()).toEqual([...names].sort());
          names.forEach((n, k) => expect(Object.getOwnPropertyDescriptor(back, n)?.value).toBe(v + k));
        }),
        { numRuns: 30 },
      );
    });
  });
}
