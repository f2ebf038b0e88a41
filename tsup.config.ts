import { defineConfig } from 'tsup';

/** Optional peers stay external (esbuild also leaves their subpaths, e.g. hyparquet/src/column.js, external). */
const PEERS = ['apache-arrow', 'hyparquet', 'hyparquet-writer', 'hyparquet-compressors', '@hpcc-js/wasm-zstd'];
/** The package entries (compactly, compactly/arrow, compactly/node, compactly/parquet). */
const ENTRIES = { index: 'src/index.ts', arrow: 'src/arrow/index.ts', node: 'src/node/index.ts', parquet: 'src/parquet/index.ts' };

// `dist/` is emptied by `npm run build` before tsup runs (no `clean` here: the configs build in parallel and one
// config's clean would race another's output).
//
// No source maps in the package: the ESM build is one unminified file per source module (same paths as src/,
// types stripped), and the CJS build is unminified, so stack traces already point at readable code; the maps
// were 2.2 MB of the 3.9 MB unpacked tarball (measured) for no extra information.
export default defineConfig([
  {
    // The ESM library, unbundled: one dist/<path>.js per src/<path>.ts, so a bundler drops every module an app
    // does not import (`"sideEffects": false`); a bundled file would keep whatever it cannot prove pure
    // (test/bundle-size.test.ts holds the vector-only budget).
    entry: ['src/**/*.ts'],
    bundle: false,
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node20',
  },
  {
    // CommonJS: bundled per entry, sharing one copy of each class between entries (`instanceof` across
    // compactly and compactly/arrow); parquet is ESM-only. compactly/node's CSV worker is its own file
    // (dist/csv-worker.cjs beside dist/node.cjs; the ESM build has dist/node/csv-worker.js beside its caller).
    entry: { index: ENTRIES.index, arrow: ENTRIES.arrow, node: ENTRIES.node, 'csv-worker': 'src/node/csv-worker.ts' },
    format: ['cjs'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node20',
    external: PEERS,
    treeshake: true,
    splitting: true,
    // import.meta.url in the CJS build (compactly/node finds dist/csv-worker.cjs beside itself).
    shims: true,
  },
  {
    // Declarations: dist/<entry>.d.ts and .d.cts, bundled per entry. `stripInternal` drops every declaration tagged
    // `@internal` (the `_` members, the faces' exports for sibling entries), so the typings are the public API only;
    // test/dts-surface.test.ts checks the built files.
    entry: ENTRIES,
    format: ['esm', 'cjs'],
    dts: { only: true, compilerOptions: { stripInternal: true } },
    clean: false,
    target: 'node20',
    external: PEERS,
  },
  {
    // The benchmark CLI (`compactly-bench`): one self-contained ESM file; optional peers stay external. Its
    // parallel CSV reads start dist/csv-worker.js, beside the shared chunk that holds src/node/csv-parallel.ts.
    entry: { 'bench/cli': 'bench/cli.ts', 'csv-worker': 'src/node/csv-worker.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    // Optional peers, and what --browser loads only when asked (esbuild only when run from source).
    external: ['apache-arrow', 'arquero', 'papaparse', 'csv-parse', 'esbuild', 'playwright-core', 'playwright', 'puppeteer-core'],
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // The `compactly-bench --browser` page script (served by the CLI): ESM for browsers; each suite is a chunk
    // loaded when it runs, so the arrow suite's import of apache-arrow (an import map) touches nothing else.
    entry: { index: 'bench/_browser-page.ts' },
    outDir: 'dist/bench/browser',
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'es2022',
    platform: 'browser',
    splitting: true,
    external: ['apache-arrow', 'arquero', 'papaparse', 'csv-parse', /^node:/],
  },
]);
