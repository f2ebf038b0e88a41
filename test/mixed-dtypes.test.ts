import { describe, expect, test } from 'vitest';
import { exerciseEveryDtype } from '../bench/_mixed.js';
import { categorical, DTYPES, memoryview, recordStore, vector, type DType } from '../src/index.js';

// The hot methods in a process that has used every dtype, memoryview format and code width (what the bench's
// --mixed flag does before timing): the results must not depend on which dtypes ran before. Speed is the
// bench's business; this checks values.

const DT = Object.keys(DTYPES) as DType[];
const val = (dt: DType, i: number): number | bigint => (DTYPES[dt].bigint ? BigInt(i) : i);

describe('hot methods after every dtype was used', () => {
  test('the exerciser itself is deterministic', () => {
    expect(exerciseEveryDtype(1, 300)).toBe(exerciseEveryDtype(1, 300));
  });

  test.each(DT)('%s: Vector, MemoryView and RecordStore hot methods agree with a plain model', (dt) => {
    exerciseEveryDtype(1, 300);
    const n = 1000;
    const model: (number | bigint)[] = [];
    const v = vector(dt);
    for (let i = 0; i < n; i++) {
      const x = val(dt, (i * 7) & 127);
      model.push(x);
      expect(v.push(x as never)).toBe(i + 1);
    }
    for (let i = 0; i < n; i += 3) {
      model[i] = val(dt, i & 31);
      v.set(i, model[i] as never);
    }
    for (let i = 1; i < n; i += 5) {
      model[i] = val(dt, 100);
      v.setUnchecked(i, model[i] as never);
    }
    for (let i = 0; i < n; i++) {
      expect(v.get(i)).toBe(model[i]);
      expect(v.getUnchecked(i)).toBe(model[i]);
    }
    expect(v.get(-1)).toBe(model[n - 1]);
    const m = memoryview(v);
    for (let i = 0; i < n; i++) expect(m.get(i)).toBe(model[i]);
    m.set(2, val(dt, 9) as never);
    expect(v.get(2)).toBe(val(dt, 9));
    m.release();
    const s = recordStore({ a: dt, b: 'int8' });
    for (let i = 0; i < n; i++) s.push({ a: model[i] as never, b: i & 63 });
    let k = 0;
    for (const r of s) {
      expect(r.a).toBe(model[k]);
      expect(s.get(k).b).toBe(k & 63);
      k++;
    }
    expect(k).toBe(n);
    s.get(4).a = val(dt, 1) as never;
    expect(s.getField(4, 'a')).toBe(val(dt, 1));
  });

  test('Categorical get/set/push at every code width', () => {
    exerciseEveryDtype(1, 300);
    for (const k of [10, 300, 40_000]) {
      const c = categorical<string>();
      const model: string[] = [];
      for (let i = 0; i < Math.max(k, 500); i++) {
        c.push(`c${i % k}`);
        model.push(`c${i % k}`);
      }
      expect(c.codes.BYTES_PER_ELEMENT).toBe(k <= 127 ? 1 : k <= 32767 ? 2 : 4);
      for (let i = 0; i < 200; i++) {
        const j = (i * 13) % model.length;
        c.set(i, model[j]!);
        model[i] = model[j]!;
      }
      for (let i = 0; i < model.length; i += 17) expect(c.get(i)).toBe(model[i]);
    }
  });
});
