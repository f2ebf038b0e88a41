/**
 * Imports the *built* package (run `npm run build` first; `npm test` does) as ESM and with `require`,
 * through the package's own `exports` map.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const require = createRequire(import.meta.url);
const built = existsSync(new URL('../dist/index.js', import.meta.url));

/** The built ESM modules an entry loads (the ESM build is one module per source file), as paths. */
function builtModules(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(join(dirname(file), m[1]!));
    }
  };
  visit(fileURLToPath(new URL(`../dist/${entry}`, import.meta.url)));
  return [...seen];
}
/** Specifiers kept in variables: the package resolves to itself through its `exports` map only once built. */
const CORE_ENTRY: string = 'compactly';
const ARROW_ENTRY: string = 'compactly/arrow';
const NODE_ENTRY: string = 'compactly/node';
const PARQUET_ENTRY: string = 'compactly/parquet';

/** Runtime exports of `compactly/parquet` (ESM only: hyparquet is ESM-only). */
const PARQUET = [
  'DEFAULT_ROW_GROUP_ROWS',
  'HIVE_NULL',
  'ParquetBytesReader',
  'ParquetError',
  'ParquetReader',
  'loadParquet',
  'parquetInfo',
  'readDataset',
  'readParquet',
  'writeDataset',
  'writeParquet',
];

/** Every runtime export of the core entry; each capability appends its names. */
const CORE = [
  'AttributeError',
  'BufferError',
  'DTYPES',
  'DTYPE_NAMES',
  'IndexError',
  'NotImplementedError',
  'OverflowError',
  'ValueError',
  'checkValue',
  'dtypeInfo',
  'dtypeOfArray',
  'isDType',
  'isTypeCode',
  'resolveDType',
  'widensTo',
  // the pipeline capability and the rest of the core entry
  'AsyncPipeline',
  'CsvError',
  'CsvReader',
  'CsvTextReader',
  'DEFAULT_CHUNK_SIZE',
  'DEFAULT_CSV_CHUNK_SIZE',
  'MAX_CSV_CHUNK_SIZE',
  'MAX_CSV_FIELD_SIZE',
  'Pipeline',
  'accumulate',
  'batched',
  'chain',
  'compress',
  'count',
  'dropwhile',
  'enumerate',
  'groupby',
  'islice',
  'pairwise',
  'pipeline',
  'readCsv',
  'starmap',
  'takewhile',
  'tee',
  'zipLongest',
  'MemoryView',
  'memoryview',
  'Categorical',
  'categorical',
  'Vector',
  'vector',
  'GroupBy',
  'RecordStore',
  'recordStore',
  'maskAnd',
  'maskNot',
  'maskOr',
  'csvBytes',
  'readCsvStore',
  'Utf8Column',
  'writeCsv',
];

/** Runtime exports of `compactly/arrow`. */
const ARROW: string[] = [
  // ARROW-EXPORT-NAMES
  'arrowTypeOf',
  'dtypeOfArrowType',
  'fromArrow',
  'fromIPC',
  'readIPC',
  'toArrow',
  'toIPC',
  'toRecordBatch',
  'writeIPC',
  'writeIPCBytes',
];

/** Runtime exports of `compactly/node`. */
const NODE: string[] = [
  // NODE-EXPORT-NAMES
  'PARALLEL_CSV_MIN_BYTES',
  'readCsv',
  'readLines',
  'readCsvStore',
  'writeCsv',
];

describe.skipIf(!built)('the built package', () => {
  test('ESM import of compactly exposes exactly the documented names', async () => {
    const m = (await import(CORE_ENTRY)) as Record<string, unknown>;
    expect(Object.keys(m).sort()).toEqual([...CORE].sort());
  });
  test('require(compactly) exposes the same names', () => {
    const m = require(CORE_ENTRY) as Record<string, unknown>;
    expect(
      Object.keys(m)
        .filter((k) => k !== '__esModule')
        .sort(),
    ).toEqual([...CORE].sort());
    expect(new (m.OverflowError as new (s: string) => Error)('x')).toBeInstanceOf(RangeError);
  });
  test('compactly/arrow and compactly/node, as ESM and CJS', async () => {
    const a = (await import(ARROW_ENTRY)) as Record<string, unknown>;
    expect(Object.keys(a).sort()).toEqual([...ARROW].sort());
    expect(
      Object.keys(require(ARROW_ENTRY) as object)
        .filter((k) => k !== '__esModule')
        .sort(),
    ).toEqual([...ARROW].sort());
    const n = (await import(NODE_ENTRY)) as Record<string, unknown>;
    expect(Object.keys(n).sort()).toEqual([...NODE].sort());
    expect(
      Object.keys(require(NODE_ENTRY) as object)
        .filter((k) => k !== '__esModule')
        .sort(),
    ).toEqual([...NODE].sort());
  });
  test('compactly/arrow shares the core classes with compactly (one copy per module format)', async () => {
    const core = require(CORE_ENTRY) as typeof import('../src/index.js');
    const arrow = require(ARROW_ENTRY) as typeof import('../src/arrow/index.js');
    const back = arrow.fromArrow(arrow.toArrow(core.vector('int16', [1, -2, 3])));
    expect(back).toBeInstanceOf(core.Vector);
    const esmCore = (await import(CORE_ENTRY)) as typeof import('../src/index.js');
    const esmArrow = (await import(ARROW_ENTRY)) as typeof import('../src/arrow/index.js');
    expect(esmArrow.fromArrow(esmArrow.toArrow(esmCore.categorical(['a', 'b'])))).toBeInstanceOf(esmCore.Categorical);
  });
  test('compactly/parquet (ESM) shares the core classes and imports no node: module statically', async () => {
    const p = (await import(PARQUET_ENTRY)) as typeof import('../src/parquet/index.js');
    expect(Object.keys(p).sort()).toEqual([...PARQUET].sort());
    const core = (await import(CORE_ENTRY)) as typeof import('../src/index.js');
    const s = core.RecordStore.fromColumns({ x: new Int16Array([1, 2]) });
    expect(await p.loadParquet(await p.writeParquet(s))).toBeInstanceOf(core.RecordStore);
    for (const f of builtModules('parquet/index.js')) expect(readFileSync(f, 'utf8'), f).not.toMatch(/^import[^;]*["']node:/m);
  });
  test('package.json is exported', () => {
    expect((require('compactly/package.json') as { name: string }).name).toBe('compactly');
  });
  test('the core entry does not import apache-arrow or node: modules', () => {
    // The ESM build is one module per source file: every module outside the optional entries, and the CJS bundle.
    const core = builtModules('index.js');
    expect(core.length).toBeGreaterThan(10);
    for (const f of [...core, fileURLToPath(new URL('../dist/index.cjs', import.meta.url))]) {
      expect(readFileSync(f, 'utf8'), f).not.toMatch(/apache-arrow|from ["']node:|require\(["']node:/);
    }
  });
});

test('the exports test ran against a build', () => {
  // `npm test` builds first; a missing dist means the exports tests above were skipped.
  expect(built || process.env.COMPACTLY_ALLOW_NO_BUILD === '1').toBe(true);
});
