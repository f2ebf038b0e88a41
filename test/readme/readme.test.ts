import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const tour = readFileSync(new URL('../../docs/examples/readme-tour.ts', import.meta.url), 'utf8');

describe('README', () => {
  test('states the two commands that do everything on a fresh machine', () => {
    expect(readme).toContain('npm ci && npm run bench -- --quick');
    expect(readme).toContain('npm ci && npm test');
  });
  test('the tour is docs/examples/readme-tour.ts (minus its imports) and it runs', async () => {
    const body = tour.split('\n').slice(3).join('\n').trimEnd();
    expect(readme).toContain(body);
    await import('../../docs/examples/readme-tour.js');
  });
  test('links a docs page for every capability that exists', () => {
    for (const m of readme.matchAll(/\]\((docs\/[a-z-]+\.md)\)/g)) {
      expect(() => readFileSync(new URL(`../../${m[1]}`, import.meta.url)), m[1]).not.toThrow();
    }
  });
});
