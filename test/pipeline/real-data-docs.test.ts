/** Runs docs/examples/real-data.ts and checks docs/real-data.md embeds it verbatim. */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

test('docs/examples/real-data.ts runs and is embedded in docs/real-data.md', async () => {
  const file = new URL('../../docs/examples/real-data.ts', import.meta.url);
  await import(file.href);
  expect(readFileSync(new URL('../../docs/real-data.md', import.meta.url), 'utf8')).toContain(readFileSync(file, 'utf8').trim());
});
