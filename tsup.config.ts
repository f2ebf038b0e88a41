import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM + CJS with .d.ts / .d.cts, apache-arrow left external (optional peer).
    entry: { index: 'src/index.ts', arrow: 'src/arrow/index.ts', node: 'src/node/index.ts', parquet: 'src/parquet/index.ts', 'csv-worker': 'src/node/csv-worker.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    // Optional peers stay external (esbuild also leaves their subpaths, e.g. hyparquet/src/column.js, external).
    external: ['apache-arrow', 'hyparquet', 'hyparquet-writer', 'hyparquet-compressors'],
    treeshake: true,
    // Share one copy of each class between entries in CJS too (`instanceof` across compactly and compactly/arrow).
    splitting: true,
    // import.meta.url in the CJS build (compactly/node finds dist/csv-worker.cjs beside itself).
    shims: true,
  },
  {
    // The benchmark CLI (`compactly-bench`): one self-contained ESM file; optional peers stay external.
    entry: { 'bench/cli': 'bench/cli.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    external: ['apache-arrow', 'arquero', 'papaparse', 'csv-parse'],
    banner: { js: '#!/usr/bin/env node' },
  },
]);
