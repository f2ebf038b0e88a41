/**
 * The checked-in `*.gen.ts` files are what their templates (scripts/templates/) make now: regenerating leaves
 * no diff. Fails with the stale files' names; `npm run gen` fixes it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { generateAll, staleFiles } from '../../scripts/gen-kernels.mjs';

interface Generated {
  file: string;
  output: string;
  text: string;
}

const root = join(import.meta.dirname, '..', '..');

/** Every `*.gen.ts` under src/. */
function genFiles(dir = join(root, 'src'), rel = 'src'): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...genFiles(join(dir, e.name), `${rel}/${e.name}`));
    else if (e.name.endsWith('.gen.ts')) out.push(`${rel}/${e.name}`);
  }
  return out;
}

describe('generated kernels', () => {
  test('regenerating leaves no diff', async () => {
    expect(await staleFiles()).toEqual([]);
  });

  test('every *.gen.ts has a template, and says so in its header', async () => {
    const all = (await generateAll()) as Generated[];
    expect(genFiles().sort()).toEqual(all.map((g) => g.output).sort());
    for (const g of all) {
      expect(readFileSync(join(root, g.output), 'utf8').startsWith(`// GENERATED FILE, DO NOT EDIT. Made by scripts/gen-kernels.mjs from ${g.file};`)).toBe(true);
    }
  });
});
