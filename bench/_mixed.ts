/**
 * `--mixed`: before anything is timed, use every dtype, memoryview format and Categorical code width through
 * the hot methods (get, set, push and the unchecked twins of Vector, MemoryView, Categorical and RecordStore),
 * as a real program does. A kernel whose call sites then see ten TypedArray types shows its mixed-process
 * speed instead of the fresh-process figure. Returns a checksum of what it read, so that the work is
 * observable (and so that a test can run it and check the results).
 */
import { categorical, DTYPES, memoryview, recordStore, vector, type DType } from '../src/index.js';

const FORMATS = ['b', 'B', 'h', 'H', 'i', 'I', 'q', 'Q', 'f', 'd', 'e', '?', 'c'] as const;

/** One value of `dtype` from a small integer (bigint for 64-bit dtypes). */
function valueOf(dtype: DType, i: number): number | bigint {
  return DTYPES[dtype].bigint ? BigInt(i) : i;
}

/** Runs the hot methods over every dtype, format and code width `rounds` times; returns a checksum. */
export function exerciseEveryDtype(rounds = 3, n = 2_000): number {
  let sum = 0;
  const dtypes = Object.keys(DTYPES) as DType[];
  for (let r = 0; r < rounds; r++) {
    for (const dt of dtypes) {
      const v = vector(dt);
      for (let i = 0; i < n; i++) v.push(valueOf(dt, i & 63) as never);
      for (let i = 0; i < n; i++) v.set(i, valueOf(dt, (i + 1) & 63) as never);
      for (let i = 0; i < n; i++) v.setUnchecked(i, v.getUnchecked(i) as never);
      for (let i = 0; i < n; i++) sum += Number(v.get(i));
      const m = memoryview(v);
      for (let i = 0; i < n; i++) m.set(i, m.get(i) as never);
      for (let i = 0; i < n; i++) sum += Number(m.get(i));
      m.release();
      const s = recordStore({ x: dt, y: 'float64' });
      for (let i = 0; i < n; i++) s.push({ x: valueOf(dt, i & 63) as never, y: i });
      for (let i = 0; i < n; i++) sum += Number(s.get(i).x) + Number(s.getField(i, 'x'));
      for (const row of s) sum += Number(row.x);
    }
    for (const f of FORMATS) {
      const m = memoryview(new Uint8Array(64 * 8)).cast(f);
      for (let i = 0; i < m.length; i++) m.set(i, (f === 'c' ? new Uint8Array([i & 127]) : f === '?' ? (i & 1) === 1 : f === 'q' || f === 'Q' ? BigInt(i & 63) : i & 63) as never);
      for (let i = 0; i < m.length; i++) {
        const x = m.get(i);
        sum += x instanceof Uint8Array ? x[0]! : Number(x);
      }
    }
    // code widths: int8 (few categories), int16 (past 127), int32 (past 32767)
    for (const k of [10, 300, 40_000]) {
      const c = categorical<string>();
      for (let i = 0; i < Math.max(n, k); i++) c.push(`c${i % k}`);
      for (let i = 0; i < n; i++) c.set(i, c.get((i * 7) % c.length));
      for (let i = 0; i < n; i++) sum += c.get(i)!.length;
    }
  }
  return sum;
}
