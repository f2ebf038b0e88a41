/**
 * writeParquet with compression 'zstd' when the optional peer @hpcc-js/wasm-zstd cannot be loaded: a
 * NotImplementedError naming the package and the codecs that work without it (the module is mocked to fail).
 */
import { expect, test, vi } from 'vitest';
import { NotImplementedError } from '../../src/errors.js';
import { RecordStore } from '../../src/record-store.js';
import { writeParquet } from '../../src/parquet/index.js';

vi.mock('@hpcc-js/wasm-zstd', () => {
  throw new Error('Cannot find package @hpcc-js/wasm-zstd');
});

test('zstd without @hpcc-js/wasm-zstd: NotImplementedError naming the package; snappy still works', async () => {
  const store = RecordStore.fromColumns({ x: Float64Array.of(1, 2, 3) });
  await expect(writeParquet(store, undefined, { compression: 'zstd' })).rejects.toBeInstanceOf(NotImplementedError);
  await expect(writeParquet(store, undefined, { compression: 'zstd' })).rejects.toThrow(/needs the optional peer dependency @hpcc-js\/wasm-zstd.*use 'snappy' or 'gzip'/);
  expect((await writeParquet(store)).length).toBeGreaterThan(0);
});
