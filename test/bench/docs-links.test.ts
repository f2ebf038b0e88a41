/** Every relative link of the docs pages this package owns (index, benchmarks) points at a file that exists. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const DOCS = resolve(import.meta.dirname, '../../docs');

function links(page: string): string[] {
  const text = readFileSync(join(DOCS, page), 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/.test(l) && !l.startsWith('#'));
}

describe.each(['index.md', 'benchmarks.md'])('docs/%s', (page) => {
  it('links only to files that exist', () => {
    const missing = links(page).filter((l) => !existsSync(resolve(dirname(join(DOCS, page)), l.split('#')[0]!)));
    expect(missing).toEqual([]);
  });
});

describe('docs/index.md', () => {
  it('links every capability page and the API reference', () => {
    const l = links('index.md');
    for (const p of ['vector.md', 'record-store.md', 'categorical.md', 'memoryview.md', 'pipelines.md', 'arrow.md', 'benchmarks.md', 'api/README.md']) {
      expect(l).toContain(p);
    }
  });
});
