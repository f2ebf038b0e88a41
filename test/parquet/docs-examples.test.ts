/** Runs every docs/examples/parquet-*.ts and scale-out-*.ts file and checks its page embeds it verbatim. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const dir = new URL('../../docs/examples/', import.meta.url);
const pages: [RegExp, string][] = [
  [/^parquet-.*\.ts$/, 'parquet.md'],
  [/^scale-out-.*\.ts$/, 'scale-out.md'],
];
const files = readdirSync(fileURLToPath(dir))
  .flatMap((f) => pages.filter(([re]) => re.test(f)).map(([, page]) => [f, page] as const))
  .sort();

test('there are parquet and scale-out examples', () => {
  expect(files.length).toBeGreaterThanOrEqual(3);
});

test.each(files)('docs/examples/%s runs and is embedded in docs/%s', async (file, page) => {
  await import(new URL(file, dir).href);
  const doc = readFileSync(new URL(`../../docs/${page}`, import.meta.url), 'utf8');
  expect(doc).toContain(readFileSync(new URL(file, dir), 'utf8').trim());
});
