/** Runs every docs/examples/vector-*.ts file and checks docs/vector.md embeds each one verbatim. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const dir = new URL('../../docs/examples/', import.meta.url);
const files = readdirSync(fileURLToPath(dir))
  .filter((f) => /^vector-.*\.ts$/.test(f))
  .sort();
const doc = readFileSync(new URL('../../docs/vector.md', import.meta.url), 'utf8');

test('there are vector examples', () => {
  expect(files.length).toBeGreaterThanOrEqual(4);
});

test.each(files)('docs/examples/%s runs and is embedded in docs/vector.md', async (file) => {
  await import(new URL(file, dir).href);
  expect(doc).toContain(readFileSync(new URL(file, dir), 'utf8').trim());
});
