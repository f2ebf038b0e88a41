import { describe, expect, test } from 'vitest';
import { AttributeError, BufferError, IndexError, OverflowError, ValueError } from '../../src/errors.js';
import { EXPORT_BUFFER } from '../../src/internal/exports.js';
import { recordStore, RecordStore, type RecordView } from '../../src/record-store.js';
import { throwsLike } from '../_support/throws.js';
import { nodeOnlyTest } from '../_support/runtime.js';

const xyz = () => recordStore({ x: 'float64', y: 'int32', z: 'uint8' });

describe('recordStore(schema): schema parsing', () => {
  test('dtypes, typecodes, vectors, defaults; schema is normalized and frozen', () => {
    const s = recordStore({ a: 'd', b: 'int16', pos: ['f', 3], w: { type: 'B', default: 7 } });
    expect(s.fields).toEqual(['a', 'b', 'pos', 'w']);
    expect(s.schema).toEqual({ a: 'float64', b: 'int16', pos: ['float32', 3], w: { type: 'uint8', default: 7 } });
    expect(Object.isFrozen(s.schema)).toBe(true);
    expect(s.length).toBe(0);
    expect(s.capacity).toBe(0);
    expect(recordStore(s.schema).schema).toEqual(s.schema);
  });

  test('entries form keeps order and detects duplicates', () => {
    const s = recordStore([
      ['b', 'int8'],
      ['a', 'float64'],
    ] as const);
    expect(s.fields).toEqual(['b', 'a']);
    throwsLike(
      () =>
        recordStore([
          ['a', 'int8'],
          ['a', 'int16'],
        ] as never),
      ValueError,
      RangeError,
      /duplicate/,
    );
  });

  test('bad names, unknown dtypes and bad specs', () => {
    throwsLike(() => recordStore({ '': 'int8' }), ValueError, RangeError, /non-empty/);
    throwsLike(() => recordStore([[5, 'int8']] as never), TypeError, TypeError, /must be strings/);
    throwsLike(() => recordStore(new Map([[Symbol('x'), 'int8']]) as never), TypeError, TypeError, /must be strings/);
    throwsLike(() => recordStore({ x: 'int128' as never }), ValueError, RangeError, /bad dtype/);
    throwsLike(() => recordStore({ x: 'l' as never }), ValueError, RangeError, /platform/);
    throwsLike(() => recordStore({}), ValueError, RangeError, /at least one/);
    throwsLike(() => recordStore({ x: ['float32', 0] }), ValueError, RangeError, /vector size/);
    throwsLike(() => recordStore({ x: ['float32', 1.5] }), ValueError, RangeError);
    throwsLike(() => recordStore({ x: ['category' as never, 2] }), ValueError, RangeError);
    throwsLike(() => recordStore({ x: 5 as never }), TypeError, TypeError);
    throwsLike(() => recordStore({ x: { default: 1 } as never }), TypeError, TypeError, /type/);
    throwsLike(() => recordStore({ x: { type: 'int8', dflt: 1 } as never }), ValueError, RangeError, /unknown field option/);
    throwsLike(() => recordStore(null as never), TypeError, TypeError);
    throwsLike(() => recordStore('x' as never), TypeError, TypeError);
  });

  test('defaults are validated at schema time', () => {
    throwsLike(() => recordStore({ x: { type: 'uint8', default: 300 } }), OverflowError, RangeError);
    throwsLike(() => recordStore({ x: { type: 'uint8', default: 'a' } }), TypeError, TypeError);
    throwsLike(() => recordStore({ x: { type: 'category', default: 3 } }), TypeError, TypeError);
    throwsLike(() => recordStore({ x: { type: ['int8', 2], default: [1] } }), ValueError, RangeError);
  });

  test('capacity option', () => {
    const s = recordStore({ x: 'float64' }, { capacity: 100 });
    expect(s.capacity).toBe(100);
    expect(s.byteLength).toBe(800);
    throwsLike(() => recordStore({ x: 'float64' }, { capacity: -1 }), ValueError, RangeError);
    throwsLike(() => recordStore({ x: 'float64' }, { capacity: 1.5 }), TypeError, TypeError);
  });
});

describe('push / extend', () => {
  test('push returns the index and grows', () => {
    const s = xyz();
    expect(s.push({ x: 1.5, y: -2, z: 3 })).toBe(0);
    expect(s.push({ x: 2.5, y: 4, z: 255 })).toBe(1);
    expect(s.length).toBe(2);
    expect(s.capacity).toBe(8);
    for (let i = 0; i < 20; i++) s.push({ x: i, y: i, z: i });
    expect(s.length).toBe(22);
    expect(s.capacity).toBe(32);
    expect(s.toObjects()[1]).toEqual({ x: 2.5, y: 4, z: 255 });
  });

  test('missing field without default → TypeError; defaults fill in', () => {
    const s = recordStore({ x: 'float64', w: { type: 'int8', default: -1 } });
    throwsLike(() => s.push({ w: 1 } as never), TypeError, TypeError, /"x" is missing/);
    s.push({ x: 1 });
    s.push({ x: 2, w: undefined });
    s.push({ x: 3, w: 5 });
    expect(Array.from(s.column('w'))).toEqual([-1, -1, 5]);
  });

  test('bad values: store unchanged', () => {
    const s = xyz();
    s.push({ x: 1, y: 1, z: 1 });
    const before = s.toObjects();
    throwsLike(() => s.push({ x: 1, y: 2 ** 31, z: 1 }), OverflowError, RangeError, /int32 value 2147483648 out of range/);
    throwsLike(() => s.push({ x: 1, y: 1, z: -1 }), OverflowError, RangeError, /uint8/);
    throwsLike(() => s.push({ x: '1' as never, y: 1, z: 1 }), TypeError, TypeError);
    throwsLike(() => s.push({ x: 1, y: 1.5, z: 1 }), TypeError, TypeError);
    throwsLike(() => s.push({ x: 1, y: true as never, z: 1 }), TypeError, TypeError);
    throwsLike(() => s.push(null as never), TypeError, TypeError);
    expect(s.length).toBe(1);
    expect(s.toObjects()).toEqual(before);
  });

  test('keys not in the schema are ignored by push', () => {
    const s = recordStore({ x: 'int8' });
    s.push({ x: 1, extra: 'ignored' } as never);
    expect(s.toObjects()).toEqual([{ x: 1 }]);
  });

  test('extend is atomic, also mid-batch', () => {
    const s = recordStore({ x: 'float64', y: 'int8', kind: 'category' });
    s.push({ x: 0, y: 0, kind: 'a' });
    const cap = s.capacity;
    const col = s.column('x');
    throwsLike(
      () =>
        s.extend([
          { x: 1, y: 1, kind: 'b' },
          { x: 2, y: 2, kind: 'c' },
          { x: 3, y: 300, kind: 'd' },
        ]),
      OverflowError,
      RangeError,
      /row 2 field "y"/,
    );
    throwsLike(
      () =>
        s.extend([
          { x: 1, y: 1, kind: 'b' },
          { x: 2, y: 2, kind: 5 as never },
        ]),
      TypeError,
      TypeError,
      /row 1/,
    );
    throwsLike(() => s.extend([{ x: 1, y: 1, kind: 'b' }, 7 as never]), TypeError, TypeError, /row 1/);
    expect(s.length).toBe(1);
    expect(s.capacity).toBe(cap);
    expect(s.column('x')).toEqual(col);
    expect(s.column('kind').categories).toEqual(['a']);
    s.extend([
      { x: 1, y: 1, kind: 'b' },
      { x: 2, y: 2, kind: null },
    ]);
    expect(s.toObjects()).toEqual([
      { x: 0, y: 0, kind: 'a' },
      { x: 1, y: 1, kind: 'b' },
      { x: 2, y: 2, kind: null },
    ]);
    throwsLike(() => s.extend(5 as never), TypeError, TypeError);
  });

  test('extend from a generator and from another store', () => {
    const s = recordStore({ x: 'int16' });
    s.extend(
      (function* () {
        for (let i = 0; i < 5; i++) yield { x: i };
      })(),
    );
    const t = recordStore({ x: 'int16' });
    t.extend(s);
    expect(Array.from(t.column('x'))).toEqual([0, 1, 2, 3, 4]);
    s.extend([]);
    expect(s.length).toBe(5);
  });

  test('int64 fields take bigint or safe-integer numbers and read bigint', () => {
    const s = recordStore({ id: 'int64', u: 'Q' });
    s.push({ id: 5, u: 2n ** 64n - 1n });
    s.push({ id: -(2n ** 63n), u: 0 });
    expect(s.get(0).id).toBe(5n);
    expect(s.getField(0, 'u')).toBe(2n ** 64n - 1n);
    throwsLike(() => s.push({ id: 2n ** 63n, u: 0 }), OverflowError, RangeError);
    throwsLike(() => s.push({ id: 1.5, u: 0 }), TypeError, TypeError);
    throwsLike(() => s.push({ id: 2 ** 60, u: 0 }), TypeError, TypeError, /unsafe/);
    expect(s.length).toBe(2);
  });

  test('vector fields: exact length, validated elements', () => {
    const s = recordStore({ pos: ['float32', 3], c: ['uint8', 2] });
    s.push({ pos: [1, 2, 3], c: new Uint8Array([4, 5]) });
    throwsLike(() => s.push({ pos: [1, 2], c: [1, 2] }), ValueError, RangeError, /exactly 3/);
    throwsLike(() => s.push({ pos: [1, 2, 3], c: [1, 256] }), OverflowError, RangeError, /\[1\]/);
    throwsLike(() => s.push({ pos: 5 as never, c: [1, 2] }), TypeError, TypeError);
    expect(s.length).toBe(1);
    expect(Array.from(s.get(0).pos)).toEqual([1, 2, 3]);
    expect(s.column('pos')).toHaveLength(3);
  });
});

describe('get / record views', () => {
  test('getters, setters, index, toObject, negative indexes', () => {
    const s = xyz();
    s.push({ x: 1.5, y: 2, z: 3 });
    s.push({ x: 4.5, y: 5, z: 6 });
    const r = s.get(-1);
    expect(r.index).toBe(1);
    expect(r.x).toBe(4.5);
    r.x += 1;
    r.y = -7;
    expect(s.getField(1, 'x')).toBe(5.5);
    expect(s.getField(1, 'y')).toBe(-7);
    const o = r.toObject();
    expect(o).toEqual({ x: 5.5, y: -7, z: 6 });
    r.x = 0;
    expect(o.x).toBe(5.5); // detached
    expect(JSON.parse(JSON.stringify(r))).toEqual({ x: 0, y: -7, z: 6 });
  });

  test('get out of range → IndexError, never undefined', () => {
    const s = xyz();
    s.push({ x: 1, y: 1, z: 1 });
    throwsLike(() => s.get(1), IndexError, RangeError);
    throwsLike(() => s.get(-2), IndexError, RangeError);
    throwsLike(() => s.get(0.5), TypeError, TypeError);
  });

  test('views reject unknown writes with AttributeError (through the prototype sentinel)', () => {
    const s = xyz();
    s.push({ x: 1, y: 1, z: 1 });
    const r = s.get(0);
    throwsLike(() => ((r as unknown as Record<string, number>).w = 1), AttributeError, TypeError, /no field "w".*fields: x, y, z/);
    throwsLike(() => ((r as unknown as { index: number }).index = 3), AttributeError, TypeError, /read-only/);
    for (const v of [...s, s.cursor(), s.get(-1)]) {
      throwsLike(() => ((v as unknown as Record<string, number>).w = 1), AttributeError, TypeError, /no field "w"/);
      expect('w' in v).toBe(false);
    }
    expect(Object.keys(r)).toEqual([]);
  });

  test('writes through views are validated like Vector', () => {
    const s = xyz();
    s.push({ x: 1, y: 1, z: 1 });
    const r = s.get(0);
    throwsLike(() => (r.z = 256), OverflowError, RangeError, /uint8 value 256/);
    throwsLike(() => (r.y = 1.5), TypeError, TypeError);
    throwsLike(() => (r.x = '2' as never), TypeError, TypeError);
    expect(r.toObject()).toEqual({ x: 1, y: 1, z: 1 });
  });

  test('a view stays valid across reallocation; a stale position throws', () => {
    const s = xyz();
    s.push({ x: 1, y: 1, z: 1 });
    const r = s.get(0);
    for (let i = 0; i < 100; i++) s.push({ x: i, y: i, z: i });
    r.x = 42;
    expect(s.getField(0, 'x')).toBe(42);
    s.clear();
    throwsLike(() => r.x, IndexError, RangeError);
  });

  test('category and vector fields through views', () => {
    const s = recordStore({ kind: 'category', pos: ['int16', 2] });
    s.push({ kind: 'a', pos: [1, 2] });
    const r = s.get(0);
    expect(r.kind).toBe('a');
    r.kind = 'new';
    expect(r.kind).toBe('new');
    expect(s.column('kind').categories).toEqual(['a', 'new']);
    r.kind = null;
    expect(r.kind).toBeNull();
    throwsLike(() => (r.kind = 3 as never), TypeError, TypeError);
    const p = r.pos;
    p[0] = 9; // alias of the record's elements
    expect(Array.from(s.get(0).pos)).toEqual([9, 2]);
    r.pos = new Int16Array([7, 8]);
    expect(Array.from(p)).toEqual([7, 8]);
    throwsLike(() => (r.pos = [1, 2, 3] as never), ValueError, RangeError);
    throwsLike(() => (r.pos = [1, 70000] as never), OverflowError, RangeError);
  });
});

describe('getField / setField / set', () => {
  test('unknown field → AttributeError', () => {
    const s = xyz();
    s.push({ x: 1, y: 1, z: 1 });
    throwsLike(() => s.getField(0, 'nope' as never), AttributeError, TypeError, /no field "nope"/);
    throwsLike(() => s.setField(0, 'nope' as never, 1 as never), AttributeError, TypeError);
    throwsLike(() => s.set(0, { nope: 1 } as never), AttributeError, TypeError);
    throwsLike(() => s.column('nope' as never), AttributeError, TypeError);
    throwsLike(() => s.getField(0, 5 as never), TypeError, TypeError);
  });

  test('setField validates and writes', () => {
    const s = xyz();
    s.push({ x: 1, y: 1, z: 1 });
    s.setField(-1, 'z', 200);
    expect(s.getField(0, 'z')).toBe(200);
    throwsLike(() => s.setField(0, 'z', 300), OverflowError, RangeError);
    throwsLike(() => s.setField(1, 'z', 3), IndexError, RangeError);
    expect(s.getField(0, 'z')).toBe(200);
  });

  test('set(i, partial) is atomic', () => {
    const s = xyz();
    s.push({ x: 1, y: 1, z: 1 });
    s.set(0, { x: 2, z: 9 });
    expect(s.get(0).toObject()).toEqual({ x: 2, y: 1, z: 9 });
    throwsLike(() => s.set(0, { x: 3, z: 999 }), OverflowError, RangeError);
    throwsLike(() => s.set(0, { x: 3, q: 1 } as never), AttributeError, TypeError);
    throwsLike(() => s.set(0, null as never), TypeError, TypeError);
    expect(s.get(0).toObject()).toEqual({ x: 2, y: 1, z: 9 });
  });
});

describe('remove / swapRemove / clear', () => {
  const filled = () => {
    const s = recordStore({ x: 'int32', kind: 'category', p: ['int8', 2] });
    for (let i = 0; i < 5; i++) s.push({ x: i, kind: `k${i % 2}`, p: [i, -i] });
    return s;
  };
  test('remove keeps order', () => {
    const s = filled();
    s.remove(1);
    s.remove(-1);
    expect(s.toObjects().map((o) => o.x)).toEqual([0, 2, 3]);
    expect(s.toObjects().map((o) => o.kind)).toEqual(['k0', 'k0', 'k1']);
    expect(Array.from(s.column('p'))).toEqual([0, 0, 2, -2, 3, -3]);
    throwsLike(() => s.remove(3), IndexError, RangeError);
  });
  test('swapRemove moves the last record in', () => {
    const s = filled();
    s.swapRemove(0);
    expect(s.toObjects().map((o) => o.x)).toEqual([4, 1, 2, 3]);
    expect(s.getField(0, 'kind')).toBe('k0');
    expect(Array.from(s.get(0).p)).toEqual([4, -4]);
    s.swapRemove(-1);
    expect(s.toObjects().map((o) => o.x)).toEqual([4, 1, 2]);
    throwsLike(() => recordStore({ x: 'int8' }).swapRemove(0), IndexError, RangeError);
  });
  test('clear keeps capacity', () => {
    const s = filled();
    const cap = s.capacity;
    s.clear();
    expect(s.length).toBe(0);
    expect(s.capacity).toBe(cap);
    expect(s.column('kind').length).toBe(0);
    s.push({ x: 1, kind: 'z', p: [1, 1] });
    expect(s.toObjects()).toHaveLength(1);
  });
});

describe('columns, cursor, iteration', () => {
  test('column is a zero-copy alias of length elements', () => {
    const s = xyz();
    s.push({ x: 1, y: 2, z: 3 });
    s.push({ x: 4, y: 5, z: 6 });
    const x = s.column('x');
    expect(x).toBeInstanceOf(Float64Array);
    expect(x.length).toBe(2);
    x[0] = 10;
    expect(s.getField(0, 'x')).toBe(10);
    expect(s.column('z')).toBeInstanceOf(Uint8Array);
  });

  test('a column alias kept across a reallocation is stale; the store stays correct', () => {
    const s = xyz();
    s.push({ x: 1, y: 2, z: 3 });
    const stale = s.column('x');
    for (let i = 0; i < 50; i++) s.push({ x: i, y: i, z: i });
    stale[0] = 999; // writes the old buffer: not seen by the store
    expect(s.getField(0, 'x')).toBe(1);
    expect(s.column('x')[0]).toBe(1);
    expect(s.column('x').length).toBe(51);
  });

  test('cursor: next, moveTo, index, reset, errors off a row', () => {
    const s = xyz();
    for (let i = 0; i < 4; i++) s.push({ x: i + 0.5, y: i, z: i });
    const c = s.cursor();
    expect(c.index).toBe(-1);
    throwsLike(() => c.x, IndexError, RangeError, /not on a row/);
    let sum = 0;
    while (c.next()) sum += c.x;
    expect(sum).toBe(8);
    expect(c.next()).toBe(false);
    throwsLike(() => c.x, IndexError, RangeError);
    expect(c.moveTo(-1).y).toBe(3);
    c.index = 1;
    expect(c.x).toBe(1.5);
    c.y = 100;
    expect(s.getField(1, 'y')).toBe(100);
    throwsLike(() => c.moveTo(4), IndexError, RangeError);
    throwsLike(() => (c.index = -5), IndexError, RangeError);
    c.reset();
    expect(c.index).toBe(-1);
    expect(c.next()).toBe(true);
    expect(c.toObject()).toEqual({ x: 0.5, y: 0, z: 0 });
    throwsLike(() => ((c as unknown as Record<string, number>).q = 1), AttributeError, TypeError);
  });

  test('forEach passes a new view per row (valid after the loop); iteration yields views; toObjects copies', () => {
    const s = xyz();
    for (let i = 0; i < 3; i++) s.push({ x: i, y: i, z: i });
    const seen: unknown[] = [];
    const recs: RecordView<typeof s.schema>[] = [];
    s.forEach((r, i, store) => {
      seen.push([r.x, i]);
      recs.push(r);
      expect(store).toBe(s);
    });
    expect(seen).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(new Set(recs).size).toBe(3);
    expect(recs.map((r) => [r.index, r.x])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    throwsLike(() => ((recs[0] as unknown as Record<string, number>).q = 1), AttributeError, TypeError);
    // the same through the shared prototype method (each store shadows it with its own)
    const viaProto: unknown[] = [];
    RecordStore.prototype.forEach.call(s, (r: RecordView<typeof s.schema>, i: number) => viaProto.push([r.x, i, r.index]));
    expect(viaProto).toEqual([
      [0, 0, 0],
      [1, 1, 1],
      [2, 2, 2],
    ]);
    throwsLike(() => RecordStore.prototype.forEach.call(s, 5 as never), TypeError, TypeError);
    // pushed during the walk: not visited
    let visits = 0;
    s.forEach(() => {
      if (visits++ === 0) s.push({ x: 9, y: 9, z: 9 });
    });
    expect(visits).toBe(3);
    s.remove(3);
    const views = [...s];
    expect(views.map((v) => v.index)).toEqual([0, 1, 2]);
    expect(views[2]!.x).toBe(2);
    // views from for…of stay valid after the loop (each step is a new view, not a moved cursor)
    const kept: RecordView<typeof s.schema>[] = [];
    for (const r of s) kept.push(r);
    expect(kept.map((v) => [v.index, v.x])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    kept[1]!.x = 5;
    expect(s.getField(1, 'x')).toBe(5);
    kept[1]!.x = 1;
    // the iterator protocol by hand: done after the last row
    const it = s[Symbol.iterator]();
    expect([it.next().done, it.next().done, it.next().done, it.next().done]).toEqual([false, false, false, true]);
    expect(it[Symbol.iterator]()).toBe(it);
    expect(s.toObjects()).toEqual([
      { x: 0, y: 0, z: 0 },
      { x: 1, y: 1, z: 1 },
      { x: 2, y: 2, z: 2 },
    ]);
    throwsLike(() => s.forEach(5 as never), TypeError, TypeError);
  });
});

describe('capacity and memory', () => {
  test('reserve, shrinkToFit, byteLength, nbytes', () => {
    const s = recordStore({ x: 'float64', y: 'int32', z: 'int16' });
    s.reserve(100);
    expect(s.capacity).toBe(100);
    expect(s.byteLength).toBe(100 * 14);
    for (let i = 0; i < 10; i++) s.push({ x: i, y: i, z: i });
    expect(s.nbytes).toBe(140);
    s.reserve(50);
    expect(s.capacity).toBe(100);
    s.shrinkToFit();
    expect(s.capacity).toBe(10);
    expect(s.byteLength).toBe(140);
    expect(s.toObjects()[9]).toEqual({ x: 9, y: 9, z: 9 });
    throwsLike(() => s.reserve(-1), ValueError, RangeError);
    throwsLike(() => s.reserve(2.5), TypeError, TypeError);
  });

  test('memoryUsage: per field and a plain-objects estimate', () => {
    const s = recordStore({ x: 'float64', y: 'float64', z: 'float64' });
    for (let i = 0; i < 100; i++) s.push({ x: i + 0.5, y: i + 0.25, z: i + 0.125 });
    s.shrinkToFit();
    const m = s.memoryUsage();
    expect(m.fields.map((f) => [f.field, f.type, f.byteLength, f.nbytes])).toEqual([
      ['x', 'float64', 800, 800],
      ['y', 'float64', 800, 800],
      ['z', 'float64', 800, 800],
    ]);
    expect(m.byteLength).toBe(2400);
    expect([m.length, m.capacity, m.nbytes, m.bytesPerItem]).toEqual([100, 100, 2400, 24]);
    expect(m.objects.bytesPerItem).toBe(104);
    // deprecated aliases of the renamed fields (scripts read them), not enumerable
    expect([m.bytesPerRecord, m.objects.bytesPerRecord]).toEqual([24, 104]);
    expect(Object.keys(m)).not.toContain('bytesPerRecord');
    expect(Object.keys(m.objects)).not.toContain('bytesPerRecord'); // 8 slot + 24 header + 3×8 fields + 3×16 boxed doubles
    // per field: its 8 B slot and its boxed doubles; header and array slot belong to no field
    expect(m.fields.map((f) => f.objectBytes)).toEqual([2400, 2400, 2400]);
    expect(m.objects.bytes - m.fields.reduce((a, f) => a + f.objectBytes, 0)).toBe(100 * 32);
    expect(m.ratio).toBeCloseTo(104 / 24);
    expect(m.objects.model).toMatch(/estimate/i);
    const ints = recordStore({ x: 'int32', y: 'int32', z: 'int32' });
    ints.push({ x: 1, y: 2, z: 3 });
    expect(ints.memoryUsage().objects.bytesPerItem).toBe(56);
    expect(recordStore({ x: 'int8' }).memoryUsage().bytesPerItem).toBe(0);
  });

  test('mutators other than push return the store, for chaining', () => {
    const s = recordStore({ x: 'int8' });
    expect(
      s
        .extend([{ x: 1 }, { x: 2 }, { x: 3 }, { x: 4 }])
        .set(0, { x: 9 })
        .remove(1)
        .swapRemove(0)
        .reserve(16)
        .shrinkToFit(),
    ).toBe(s);
    expect(s.toObjects()).toEqual([{ x: 4 }, { x: 3 }]);
    expect(s.clear().length).toBe(0);
  });
});

describe('buffer export protocol', () => {
  test('exports one numeric field; length changes and reallocation throw while locked', () => {
    const s = recordStore({ x: 'float64', kind: 'category', p: ['int8', 2] });
    s.push({ x: 1, kind: 'a', p: [1, 2] });
    const e = s[EXPORT_BUFFER]('x');
    expect(e.dtype).toBe('float64');
    expect(e.readonly).toBe(false);
    expect(Array.from(e.array as Float64Array)).toEqual([1]);
    expect(s[EXPORT_BUFFER]('p').array).toHaveLength(2);
    throwsLike(() => s[EXPORT_BUFFER]('kind'), TypeError, TypeError, /category/);
    throwsLike(() => s[EXPORT_BUFFER]('nope'), AttributeError, TypeError);
    throwsLike(() => s[EXPORT_BUFFER](), TypeError, TypeError);
    e.lock.acquire();
    const before = s.toObjects();
    throwsLike(() => s.push({ x: 2, kind: 'b', p: [1, 1] }), BufferError, Error, /memoryview/);
    throwsLike(() => s.extend([{ x: 2, kind: 'b', p: [1, 1] }]), BufferError, Error);
    throwsLike(() => s.remove(0), BufferError, Error);
    throwsLike(() => s.swapRemove(0), BufferError, Error);
    throwsLike(() => s.clear(), BufferError, Error);
    throwsLike(() => s.reserve(1000), BufferError, Error);
    throwsLike(() => s.shrinkToFit(), BufferError, Error);
    s.reserve(1); // no reallocation: allowed
    s.setField(0, 'x', 5); // writes are allowed
    expect(s.length).toBe(1);
    expect(s.toObjects()).toEqual([{ ...before[0], x: 5 }]);
    e.lock.release();
    s.push({ x: 2, kind: 'b', p: [1, 1] });
    expect(s.length).toBe(2);
  });
});

describe('fromObjects / fromColumns', () => {
  test('fromObjects infers the smallest dtypes and says so in schema', () => {
    const s = RecordStore.fromObjects([
      { a: 1, b: -1, c: 200, d: 70000, e: 0.5, f: 'x', g: 5n, h: [1, 2], i: 3e9, j: -40000 },
      { a: 2, b: 127, c: 0, d: 1, e: 1, f: null, g: -5n, h: [3, 4.5], i: 0, j: 0 },
    ]);
    expect(s.schema).toEqual({
      a: 'int8',
      b: 'int8',
      c: 'uint8',
      d: 'int32',
      e: 'float64',
      f: 'category',
      g: 'int64',
      h: ['float64', 2],
      i: 'uint32',
      j: 'int32',
    });
    expect(s.toObjects()[1]!.f).toBeNull();
    expect(RecordStore.fromObjects([{ big: 2 ** 40 }]).schema).toEqual({ big: 'float64' });
    expect(RecordStore.fromObjects([{ u: 2n ** 63n }]).schema).toEqual({ u: 'uint64' });
    expect(RecordStore.fromObjects([{ v: new Int16Array([1, 2]) }]).schema).toEqual({ v: ['int16', 2] });
  });

  test('fromObjects: absent values, errors', () => {
    const s = RecordStore.fromObjects([{ a: 1, t: 'x' }, { b: 2 }]);
    expect(s.schema).toEqual({ a: { type: 'float64', default: NaN }, t: { type: 'category', default: null }, b: { type: 'float64', default: NaN } });
    expect(s.toObjects()[1]).toEqual({ a: NaN, t: null, b: 2 });
    throwsLike(() => RecordStore.fromObjects([]), ValueError, RangeError);
    throwsLike(() => RecordStore.fromObjects([{ a: true }]), TypeError, TypeError, /boolean/);
    throwsLike(() => RecordStore.fromObjects([{ a: 1 }, { a: 'x' }]), TypeError, TypeError, /mixes/);
    throwsLike(() => RecordStore.fromObjects([{ a: [1] }, { a: [1, 2] }]), ValueError, RangeError);
    throwsLike(() => RecordStore.fromObjects([{ a: null }, { a: 1 }]), TypeError, TypeError);
    throwsLike(() => RecordStore.fromObjects([5] as never), TypeError, TypeError);
    throwsLike(() => RecordStore.fromObjects(5 as never), TypeError, TypeError);
  });

  test('fromObjects with a schema validates like extend', () => {
    const s = RecordStore.fromObjects([{ x: 1 }, { x: 2 }], { x: 'uint8' });
    expect(s.capacity).toBe(2);
    throwsLike(() => RecordStore.fromObjects([{ x: 1 }, { x: 256 }], { x: 'uint8' }), OverflowError, RangeError, /row 1/);
  });

  test('fromColumns adopts exact TypedArrays and Categoricals', async () => {
    const { categorical } = await import('../../src/categorical.js');
    const x = new Float64Array([1, 2, 3]);
    const kind = categorical(['a', 'b', 'a']);
    const s = RecordStore.fromColumns({ x, kind, n: [1, 2, 300] });
    expect(s.schema).toEqual({ x: 'float64', kind: 'category', n: 'int16' });
    expect(s.column('x')).toBe(x);
    expect(s.column('kind')).toBe(kind);
    s.setField(0, 'x', 9);
    expect(x[0]).toBe(9); // adopted: same memory
    s.push({ x: 4, kind: 'c', n: 1 });
    expect(s.length).toBe(4);
    expect(s.capacity).toBeGreaterThan(3);
  });

  test('fromColumns with a schema: converts, fills defaults, vector columns flat', () => {
    const s = RecordStore.fromColumns(
      { x: new Int8Array([1, 2]), p: new Float32Array([1, 2, 3, 4]), tag: ['a', null] },
      { x: 'float64', p: ['float32', 2], tag: 'category', w: { type: 'int8', default: 3 } },
    );
    expect(s.toObjects()).toEqual([
      { x: 1, p: new Float32Array([1, 2]), tag: 'a', w: 3 },
      { x: 2, p: new Float32Array([3, 4]), tag: null, w: 3 },
    ]);
    expect(s.column('x')).toBeInstanceOf(Float64Array);
    throwsLike(() => RecordStore.fromColumns({ x: [1, 300] }, { x: 'int8' }), OverflowError, RangeError);
    throwsLike(() => RecordStore.fromColumns({ x: [1.5] }, { x: 'int8' }), TypeError, TypeError);
  });

  test('fromColumns errors: ragged, missing, extra, unsupported', async () => {
    const { categorical } = await import('../../src/categorical.js');
    throwsLike(() => RecordStore.fromColumns({ x: new Float64Array(3), y: new Int8Array(2) }), ValueError, RangeError, /ragged/);
    throwsLike(() => RecordStore.fromColumns({ p: new Float32Array(5) }, { p: ['float32', 2] }), ValueError, RangeError, /multiple/);
    throwsLike(() => RecordStore.fromColumns({}, { x: 'int8' }), ValueError, RangeError, /no column/);
    throwsLike(() => RecordStore.fromColumns({ x: [1], y: [2] } as never, { x: 'int8' }), ValueError, RangeError, /not in the schema/);
    throwsLike(() => RecordStore.fromColumns({}), ValueError, RangeError);
    throwsLike(() => RecordStore.fromColumns({ x: new Uint8ClampedArray(2) as never }), TypeError, TypeError);
    throwsLike(() => RecordStore.fromColumns({ x: 5 as never }), TypeError, TypeError);
    throwsLike(() => RecordStore.fromColumns({ k: categorical([1, 2]) as never }), TypeError, TypeError, /strings/);
    throwsLike(() => RecordStore.fromColumns({ k: [1, 'a'] as never }), TypeError, TypeError);
  });

  nodeOnlyTest('fromColumns copies a Node Buffer (keeps kernels monomorphic)', () => {
    const b = Buffer.from([1, 2, 3]);
    const s = RecordStore.fromColumns({ b }, { b: 'uint8' });
    expect(s.column('b')).not.toBe(b);
    expect(Array.from(s.column('b'))).toEqual([1, 2, 3]);
  });
});

describe('toString', () => {
  test('a pandas-like table of the first rows', () => {
    const s = recordStore({ x: 'float64', kind: 'category', p: ['int8', 2] });
    s.push({ x: 1.5, kind: 'a', p: [1, 2] });
    s.push({ x: -10, kind: null, p: [3, 4] });
    expect(s.toString()).toBe(['       x  kind       p', '0    1.5  a     [1, 2]', '1  -10.0  null  [3, 4]', '[2 rows × 3 fields]'].join('\n'));
    expect(s.toString(1)).toContain('… 1 more row');
    expect(recordStore({ x: 'int8' }).toString()).toBe('x\n[0 rows × 1 field]');
  });
});

describe('memoryview(store, {field}) integration', () => {
  test('a live view locks length changes until released', async () => {
    const { memoryview } = await import('../../src/memoryview.js');
    const s = recordStore({ x: 'float64', kind: 'category' });
    s.push({ x: 1.5, kind: 'a' });
    s.push({ x: 2.5, kind: 'b' });
    const mv = memoryview(s, { field: 'x' });
    expect(mv.length).toBe(2);
    expect(mv.get(1)).toBe(2.5);
    mv.set(0, 9);
    expect(s.getField(0, 'x')).toBe(9);
    throwsLike(() => s.push({ x: 3, kind: 'c' }), BufferError, Error);
    throwsLike(() => s.clear(), BufferError, Error);
    expect(s.length).toBe(2);
    mv.release();
    s.push({ x: 3, kind: 'c' });
    expect(s.length).toBe(3);
    expect(() => memoryview(s, { field: 'kind' })).toThrow(TypeError);
    expect(() => memoryview(s, { field: 'nope' })).toThrow(AttributeError);
  });
});

describe('filter with a byte mask', () => {
  test('any non-zero byte keeps the row', () => {
    const s = recordStore({ i: 'int16' });
    s.extend([0, 1, 2, 3, 4].map((i) => ({ i })));
    expect(
      s
        .filter(new Uint8Array([0, 2, 255, 0, 1]))
        .toObjects()
        .map((o) => o.i),
    ).toEqual([1, 2, 4]);
    expect(s.filter(new Uint8Array(5)).length).toBe(0);
  });
});
