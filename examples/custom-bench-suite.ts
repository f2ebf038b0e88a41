/**
 * Example: benchmark your own shape of data with compactly-bench's harness. A module exporting `SUITES`
 * (name → async loader of a Suite) replaces the built-in suites when named by COMPACTLY_BENCH_SUITES:
 *
 *   COMPACTLY_BENCH_SUITES=examples/custom-bench-suite.ts npx tsx bench/cli.ts --quick
 *   COMPACTLY_BENCH_SUITES=./my-suites.mjs npx compactly-bench --quick        (with the published package)
 *
 * Every task is checked against the baseline before it is timed; memory cases run in fresh children.
 * In your code, import from 'compactly' instead of the source path used here.
 */
import { recordStore } from '../src/index.js';
import type { Suite } from '../bench/_harness.js';

function trades(rows: number): { price: number; qty: number }[] {
  return Array.from({ length: rows }, (_, i) => ({ price: (i % 1000) * 0.25, qty: i % 100 }));
}

const suite: Suite = {
  name: 'trades',
  title: 'My trades table',
  speed: ({ rows }) => {
    const objs = trades(rows);
    const store = recordStore({ price: 'float64', qty: 'int32' });
    store.extend(objs);
    const price = store.column('price');
    const qty = store.column('qty');
    return [
      {
        name: 'notional (sum of price × qty)',
        baseline: {
          name: 'array of objects',
          fn: () => {
            let s = 0;
            for (let i = 0; i < objs.length; i++) s += objs[i]!.price * objs[i]!.qty;
            return s;
          },
        },
        tasks: [
          {
            name: 'RecordStore columns',
            fn: () => {
              let s = 0;
              for (let i = 0; i < price.length; i++) s += price[i]! * qty[i]!;
              return s;
            },
          },
        ],
      },
    ];
  },
  memory: () => [
    {
      name: '{price: float64, qty: int32}',
      unit: 'trade',
      baseline: { name: 'array of objects', build: (n) => trades(n) },
      cases: [
        {
          name: 'RecordStore',
          build: (n) => {
            const s = recordStore({ price: 'float64', qty: 'int32' }, { capacity: n });
            s.extend(trades(n));
            return s;
          },
        },
      ],
    },
  ],
  headline: { speed: 'notional (sum of price × qty)', memory: '{price: float64, qty: int32}' },
};

/** The registry compactly-bench loads from this module. */
export const SUITES = { trades: async () => suite };
