// A plain-JS fake suite for tests that run the bundled CLI (which cannot import TypeScript), e.g.
// scripts/bench-report.mjs. Same shape as the Suite interface of bench/_harness.ts.
const plain = (n) => Array.from({ length: n }, (_, i) => i % 7);

export const SUITES = {
  js: async () => ({
    name: 'js',
    title: 'Fake JS suite vs plain arrays',
    speed: ({ rows }) => {
      const a = plain(rows);
      const t = Float64Array.from(a);
      return [
        {
          name: 'sum',
          baseline: {
            name: 'array loop',
            fn: () => {
              let s = 0;
              for (let i = 0; i < a.length; i++) s += a[i];
              return s;
            },
          },
          tasks: [
            {
              name: 'typed loop',
              fn: () => {
                let s = 0;
                for (let i = 0; i < t.length; i++) s += t[i];
                return s;
              },
            },
          ],
        },
      ];
    },
    memory: () => [
      {
        name: 'doubles',
        unit: 'element',
        baseline: { name: 'number[]', build: (n) => Array.from({ length: n }, (_, i) => i * 0.5) },
        cases: [{ name: 'Float64Array', build: (n) => new Float64Array(n) }],
      },
    ],
    headline: { speed: 'sum', memory: 'doubles' },
  }),
};
