/**
 * store.downcast() against a plain model: the same records (values and nulls), each numeric field in the
 * smallest dtype that holds its non-null values (pandas `to_numeric(downcast=…)`), other fields untouched,
 * and the source store unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordStore, recordStore } from '../../src/index.js';

const INT_ORDER: readonly [string, number, number][] = [
  ['int8', -128, 127],
  ['uint8', 0, 255],
  ['int16', -32768, 32767],
  ['uint16', 0, 65535],
  ['int32', -(2 ** 31), 2 ** 31 - 1],
  ['uint32', 0, 2 ** 32 - 1],
];

/** The model: the smallest integer dtype holding every non-null value (int8 for none). */
function smallestInt(values: readonly (number | null)[], own: string): string {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return 'int8';
  const lo = Math.min(...present);
  const hi = Math.max(...present);
  for (const [d, a, b] of INT_ORDER) if (lo >= a && hi <= b) return d;
  return own;
}

function float32Fits(values: readonly (number | null)[]): boolean {
  return values.every((v) => v === null || Number.isNaN(v) || Math.fround(v) === v);
}

const intValue = fc.oneof(fc.integer({ min: -200, max: 300 }), fc.integer({ min: -40000, max: 70000 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }));
const floatValue = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map((k) => k / 4),
  fc.double({ noNaN: false }),
);

describe('RecordStore.downcast', () => {
  it('keeps every record and null, and picks the smallest dtype per field (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.option(intValue, { freq: 5 }), intValue, fc.option(floatValue, { freq: 5 }), fc.constantFrom('a', 'b', null)), { maxLength: 60 }),
        (rows) => {
          const schema = {
            n: { type: 'int32', nullable: true },
            m: 'int32',
            x: { type: 'float64', nullable: true },
            k: 'category',
          } as const;
          const s = recordStore(schema);
          for (const [n, m, x, k] of rows) s.push({ n, m, x, k });
          const before = s.toObjects();
          const d = s.downcast();
          expect(s.toObjects()).toEqual(before);
          expect(s.schema).toEqual(schema);
          expect(d.toObjects()).toEqual(before);
          const ns = rows.map((r) => r[0]);
          const ms = rows.map((r) => r[1]);
          const xs = rows.map((r) => r[2]);
          expect(d.schema.n).toEqual({ type: smallestInt(ns, 'int32'), nullable: true });
          expect(d.schema.m).toBe(smallestInt(ms, 'int32'));
          expect(d.schema.x).toEqual({ type: float32Fits(xs) ? 'float32' : 'float64', nullable: true });
          expect(d.schema.k).toBe('category');
          for (const f of ['n', 'x'] as const) expect(d.nullCount(f)).toBe(s.nullCount(f));
        },
      ),
    );
  });

  const uintValue = fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 70000 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }));
  const shortValue = fc.oneof(fc.integer({ min: -130, max: 260 }), fc.integer({ min: -32768, max: 32767 }));
  it('unsigned, int16, int8 and vector sources too, nullable or not (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.option(uintValue, { freq: 4 }), shortValue, fc.option(fc.integer({ min: -128, max: 127 }), { freq: 4 }), fc.tuple(shortValue, shortValue)), {
          maxLength: 60,
        }),
        (rows) => {
          const schema = { u: { type: 'uint32', nullable: true }, w: 'int16', b: { type: 'int8', nullable: true }, v: ['int16', 2] } as const;
          const s = recordStore(schema);
          for (const [u, w, b, v] of rows) s.push({ u, w, b, v });
          const d = s.downcast();
          const plain = (x: RecordStore): unknown[] => x.toObjects().map((r) => ({ ...r, v: Array.from(r.v as ArrayLike<number>) }));
          expect(plain(d)).toEqual(plain(s));
          expect(d.schema.u).toEqual({
            type: smallestInt(
              rows.map((r) => r[0]),
              'uint32',
            ),
            nullable: true,
          });
          expect(d.schema.w).toBe(
            smallestInt(
              rows.map((r) => r[1]),
              'int16',
            ),
          );
          expect(d.schema.b).toEqual({
            type: smallestInt(
              rows.map((r) => r[2]),
              'int8',
            ),
            nullable: true,
          });
          expect(d.schema.v).toEqual([
            smallestInt(
              rows.flatMap((r) => r[3]),
              'int16',
            ),
            2,
          ]);
        },
      ),
    );
  });

  it('ignores whatever an adopted column holds under its nulls', () => {
    const values = Int32Array.from([5, 1_000_000, 7]);
    const validity = Uint8Array.from([0b101]);
    const s = RecordStore.fromColumns({ v: { values, validity } }, { v: { type: 'int32', nullable: true } });
    const d = s.downcast();
    expect(d.schema.v).toEqual({ type: 'int8', nullable: true });
    expect(d.toObjects()).toEqual([{ v: 5 }, { v: null }, { v: 7 }]);
  });

  it('shrinks vector fields and 64-bit fields whose values fit, and copies the rest', () => {
    const s = RecordStore.fromColumns({ p: Float64Array.from([0.5, 1, 2, 3]), big: BigInt64Array.from([1n, -2n]), t: ['x', 'yy'] }, { p: ['float64', 2], big: 'int64', t: 'utf8' });
    const d = s.downcast();
    expect(d.schema).toEqual({ p: ['float32', 2], big: 'int8', t: 'utf8' });
    expect(d.toObjects().map((r) => [Array.from(r.p as ArrayLike<number>), r.big, r.t])).toEqual([
      [[0.5, 1], 1, 'x'],
      [[2, 3], -2, 'yy'],
    ]);
    d.setField(0, 't', 'changed');
    expect(s.getField(0, 't')).toBe('x');
  });

  it('keeps a 64-bit field whose range no 32-bit integer dtype holds (it does not become float64)', () => {
    const s = RecordStore.fromColumns({ big: BigInt64Array.from([-1n, 2n ** 31n]), u: BigUint64Array.from([0n, 2n ** 32n - 1n]) }, { big: 'int64', u: 'uint64' });
    expect(s.downcast().schema).toEqual({ big: 'int64', u: 'uint32' });
  });

  it('keeps the type of a field with a default', () => {
    const s = recordStore({ v: { type: 'int32', default: 7 }, w: 'int32' });
    s.push({ v: 1, w: 1 });
    const d = s.downcast();
    expect(d.schema).toEqual({ v: { type: 'int32', default: 7 }, w: 'int8' });
    expect(d.toObjects()).toEqual([{ v: 1, w: 1 }]);
  });

  it('is a copy when nothing shrinks', () => {
    const s = RecordStore.fromColumns({ v: Int8Array.from([1, 2]) }, { v: 'int8' });
    const d = s.downcast();
    expect(d).not.toBe(s);
    expect(d.column('v')).not.toBe(s.column('v'));
    expect(d.toObjects()).toEqual(s.toObjects());
  });
});
