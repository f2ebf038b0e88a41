import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** Every ```ts / ```js block of the README, in order. */
function codeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```(?:ts|typescript|js|javascript)\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
}

/**
 * The package's own specifiers point at the sources, the only change made to the pasted code: the built package
 * is exercised from a packed tarball by scripts/pack-test.mjs, and these tests run before any build.
 */
const ENTRIES: Record<string, string> = {
  compactly: '../../src/index.ts',
  'compactly/arrow': '../../src/arrow/index.ts',
  'compactly/node': '../../src/node/index.ts',
};
function resolveOwnEntries(code: string): string {
  return code.replace(/from '(compactly(?:\/arrow|\/node)?)'/g, (_, spec: string) => {
    const target = ENTRIES[spec] as string;
    return `from '${pathToFileURL(fileURLToPath(new URL(target, import.meta.url))).href}'`;
  });
}

const dir = mkdtempSync(join(tmpdir(), 'compactly-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README', () => {
  test('states the two commands that do everything on a fresh machine', () => {
    expect(readme).toContain('npm ci && npm run bench -- --quick');
    expect(readme).toContain('npm ci && npm test');
  });

  const blocks = codeBlocks(readme);
  test('has TypeScript code to paste', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(1);
  });

  test.each(blocks.map((code, i) => [i + 1, code] as const))('code block %i runs as pasted', async (i, code) => {
    // Self-contained: every name it uses is imported in the block itself (the pasted file has nothing else).
    expect(code).toMatch(/^import /m);
    const file = join(dir, `block-${i}.ts`);
    writeFileSync(file, resolveOwnEntries(code));
    await import(pathToFileURL(file).href);
  });

  test('links a docs page for every capability that exists', () => {
    for (const m of readme.matchAll(/\]\((docs\/[a-z-]+\.md)\)/g)) {
      expect(() => readFileSync(new URL(`../../${m[1]}`, import.meta.url)), m[1]).not.toThrow();
    }
  });
});
