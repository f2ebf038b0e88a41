/** Runs every docs/examples/categorical-*.ts file and checks docs/categorical.md embeds each one verbatim. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const dir = new URL('../../docs/examples/', import.meta.url);
const files = readdirSync(fileURLToPath(dir))
  .filter((f) => /^categorical-.*\.ts$/.test(f))
  .sort();
const doc = readFileSync(new URL('../../docs/categorical.md', import.meta.url), 'utf8');

test('there are categorical examples', () => {
  expect(files.length).toBeGreaterThanOrEqual(4);
});

test.each(files)('docs/examples/%s runs and is embedded in docs/categorical.md', async (file) => {
  await import(new URL(file, dir).href);
  expect(doc).toContain(readFileSync(new URL(file, dir), 'utf8').trim());
});
