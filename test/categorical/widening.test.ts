/**
 * Widening: codes go Int8 → Int16 → Int32 as categories are added, with no data loss, across the
 * 127/128 code boundary (Int8 holds codes up to 127: 128 categories) and the 32767/32768 one.
 * This is where apache-arrow and flechette silently corrupt (arrow-js' Dictionary<Utf8, Int8> builder reads index 200 as -56; docs/arrow.md).
 */
import { describe, expect, test } from 'vitest';
import { Categorical, categorical } from '../../src/categorical.js';

const names = (k: number, prefix = 'c') => Array.from({ length: k }, (_, i) => `${prefix}${i}`);

describe('push crossing the Int8 limit', () => {
  test('codes 126, 127 stay Int8; code 128 widens to Int16; every value reads back', () => {
    const c = categorical<string>();
    const model: string[] = [];
    const all = names(300);
    for (let i = 0; i < all.length; i++) {
      // each new category followed by a repeat of an early one, so old codes must survive the copy
      c.push(all[i]!);
      c.push(all[i % 7]!);
      model.push(all[i]!, all[i % 7]!);
      if (i === 126 || i === 127) expect(c.codesDType).toBe('int8');
      if (i === 128) expect(c.codesDType).toBe('int16');
    }
    expect(c.toArray()).toEqual(model);
    expect(c.codeOf('c200')).toBe(200);
    expect(c.get(400)).toBe('c200'); // arrow reads -56 here
    expect(Array.from(c.codes).every((x) => x >= 0 && x < 300)).toBe(true);
  });
  test('exactly 128 categories stay Int8 with code 127', () => {
    const c = categorical(names(128));
    expect(c.codesDType).toBe('int8');
    expect(Math.max(...Array.from(c.codes))).toBe(127);
    c.push('c127');
    expect(c.codesDType).toBe('int8');
    c.push('new');
    expect(c.codesDType).toBe('int16');
    expect(c.get(-1)).toBe('new');
    expect(c.codeOf('new')).toBe(128);
  });
  test('extend across the boundary in one batch, then with missing values', () => {
    const c = categorical(names(100));
    c.extend([...names(100, 'x'), null, 'c5']);
    expect(c.codesDType).toBe('int16');
    expect(c.length).toBe(202);
    expect(c.get(199)).toBe('x99');
    expect(c.get(200)).toBeNull();
    expect(c.get(201)).toBe('c5');
  });
  test('set and comparisons keep working after the widening', () => {
    const c = categorical<string>();
    for (const s of names(200)) c.push(s);
    c.set(0, 'c199');
    expect(c.get(0)).toBe('c199');
    const mask = c.eq('c199');
    expect(mask[0]).toBe(1);
    expect(mask[199]).toBe(1);
    expect(mask.reduce((a, b) => a + b, 0)).toBe(2);
    expect(c.valueCounts().get('c199')).toBe(2);
  });
});

describe('push crossing the Int16 limit', () => {
  test('codes 32766, 32767 stay Int16; code 32768 widens to Int32', () => {
    const c = categorical<number>();
    for (let i = 0; i < 32768; i++) c.push(i);
    expect(c.codesDType).toBe('int16');
    expect(c.codeOf(32767)).toBe(32767);
    c.push(0);
    expect(c.codesDType).toBe('int16');
    c.push(32768);
    expect(c.codesDType).toBe('int32');
    c.push(32769);
    expect(c.length).toBe(32771);
    const arr = c.toArray();
    for (let i = 0; i < 32768; i++) if (arr[i] !== i) throw new Error(`value ${i} read back as ${arr[i]}`);
    expect(arr.slice(-3)).toEqual([0, 32768, 32769]);
    expect(c.get(32767)).toBe(32767);
  });
  test('categorical() from 32767, 32768, 32769 distinct values', () => {
    for (const [k, dtype] of [
      [32767, 'int16'],
      [32768, 'int16'],
      [32769, 'int32'],
    ] as const) {
      const values = Array.from({ length: k }, (_, i) => k - 1 - i); // reverse order: sorting recodes
      const c = categorical(values);
      expect(c.codesDType).toBe(dtype);
      expect(c.get(0)).toBe(k - 1);
      expect(c.codes[0]).toBe(k - 1);
      expect(c.get(-1)).toBe(0);
    }
  });
});

describe('widening in derived Categoricals', () => {
  test('addCategories, setCategories and renameCategories choose the width from the new count', () => {
    const c = categorical(['a', 'b']);
    expect(c.addCategories(names(126)).codesDType).toBe('int8');
    expect(c.addCategories(names(127)).codesDType).toBe('int16');
    const wide = categorical(names(200));
    expect(wide.removeCategories(names(72)).codesDType).toBe('int8');
    expect(wide.removeUnusedCategories().codesDType).toBe('int16');
    expect(wide.setCategories(names(3)).codesDType).toBe('int8');
    expect(wide.setCategories(names(3)).toArray().slice(0, 4)).toEqual(['c0', 'c1', 'c2', null]);
  });
  test('fromCodes picks Int16 for 129 categories and keeps code 128', () => {
    const c = Categorical.fromCodes([128, 0, -1], names(129));
    expect(c.codesDType).toBe('int16');
    expect(c.get(0)).toBe('c128');
  });
  test('take and copy of a wide Categorical keep its width', () => {
    const c = categorical(names(40000));
    expect(c.take([39999]).codesDType).toBe('int32');
    expect(c.take([39999]).get(0)).toBe('c39999');
    expect(c.copy().codesDType).toBe('int32');
  });
});
