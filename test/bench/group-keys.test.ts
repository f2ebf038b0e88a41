import { describe, expect, test } from 'vitest';
import { keyRatios, keyStore } from '../../bench/group-keys.js';

describe('bench/group-keys.ts', () => {
  test('the store has ~170 b categories per a category; a tiny run checks the sums and times every case', () => {
    const s = keyStore(20_000);
    expect(s.length).toBe(20_000);
    const { groups, cases } = keyRatios(20_000, 1);
    expect(groups).toBeGreaterThan(10_000);
    expect(groups).toBeLessThanOrEqual(300 * 170);
    expect(cases.map((c) => c.name)).toHaveLength(12);
    for (const c of cases) expect(c.rounds).toHaveLength(1);
  });
});
