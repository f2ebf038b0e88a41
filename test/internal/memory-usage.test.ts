/**
 * One `memoryUsage()` shape across the structures: the common {@link MemoryUsage} fields agree with the
 * structure's own `length`/`byteLength`/`nbytes`, and renamed fields stay readable as deprecated aliases.
 */
import { describe, expect, test } from 'vitest';
import { categorical, memoryview, recordStore, vector, type MemoryUsage } from '../../src/index.js';
import { usageRecord } from '../../src/internal/memory-usage.js';

const COMMON = ['length', 'capacity', 'byteLength', 'nbytes', 'bytesPerItem'];

function checkCommon(u: MemoryUsage, x: { length: number; nbytes: number; byteLength?: number }): void {
  expect(Object.keys(u).slice(0, 5)).toEqual(COMMON);
  expect(u.length).toBe(x.length);
  expect(u.nbytes).toBe(x.nbytes);
  if (x.byteLength !== undefined) expect(u.byteLength).toBe(x.byteLength);
  expect(u.capacity).toBeGreaterThanOrEqual(u.length);
  expect(u.bytesPerItem).toBe(u.length === 0 ? 0 : u.byteLength / u.length);
  expect(Object.isFrozen(u)).toBe(true);
}

describe('memoryUsage(): the common fields first, on every structure', () => {
  test('Vector', () => {
    const v = vector('int16', [1, 2, 3], { capacity: 8 });
    checkCommon(v.memoryUsage(), v);
    checkCommon(vector('uint8').memoryUsage(), { length: 0, nbytes: 0, byteLength: 0 });
  });

  test('Categorical', () => {
    const c = categorical(['a', 'b', 'a']);
    checkCommon(c.memoryUsage(), c);
  });

  test('RecordStore and its Utf8Column', () => {
    const s = recordStore({ x: 'float64', name: 'utf8', k: 'category' });
    s.push({ x: 1, name: 'ab', k: 'u' });
    s.push({ x: 2, name: 'cde', k: 'v' });
    checkCommon(s.memoryUsage(), s);
    const col = s.column('name');
    const u = col.memoryUsage();
    checkCommon(u, { length: 2, nbytes: col.nbytes, byteLength: col.nbytes });
    expect(u.bytesPerRow).toBe(u.bytesPerItem); // deprecated alias
    checkCommon(s.column('k').memoryUsage(), s.column('k'));
  });

  test('MemoryView: a view owns nothing, and says what it keeps reachable', () => {
    const buf = new Float64Array(100);
    const m = memoryview(buf.subarray(10, 20));
    const u = m.memoryUsage();
    checkCommon(u, { length: 10, nbytes: 80, byteLength: 80 });
    expect(u.region).toBe(80);
    expect(u.buffer).toBe(800);
    const strided = m.slice(0, 10, 3);
    checkCommon(strided.memoryUsage(), { length: 4, nbytes: 32, byteLength: 32 });
    m.release();
    expect(() => m.memoryUsage()).toThrow(/released/);
  });
});

describe('usageRecord', () => {
  interface Demo extends MemoryUsage {
    readonly extra: number;
    /** @deprecated */
    readonly old: number;
  }
  test('extras follow the common fields; aliases read the current field and are not enumerable', () => {
    const u = usageRecord<Demo, 'old'>({ length: 4, capacity: 8, byteLength: 64, nbytes: 32 }, { extra: 7 }, { old: 'nbytes' });
    expect(Object.keys(u)).toEqual([...COMMON, 'extra']);
    expect(u.bytesPerItem).toBe(16);
    expect(u.old).toBe(32);
    expect(JSON.stringify(u)).not.toContain('old');
  });
});
