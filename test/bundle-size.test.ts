/**
 * What a browser app pays for compactly: esbuild bundles (minified, ESM, platform browser) of imports from the
 * *built* package, resolved through its `exports` map from a fresh project as an app would (run `npm run build`
 * first; `npm test` does). Prints what each bundle contains, module by module.
 *
 * Budget: `import { vector } from 'compactly'` ≤ 40 KB minified. The ESM build is one module per source file and
 * the package says `"sideEffects": false`, so a bundler keeps only the modules an import reaches; a module-level
 * statement with side effects, a registry every capability fills, or a barrel that re-exports everything would
 * pull the other capabilities in, and the list below shows it.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = existsSync(join(root, 'dist/index.js'));
const VECTOR_BUDGET = 40 * 1024;

const app = mkdtempSync(join(tmpdir(), 'compactly-bundle-'));
mkdirSync(join(app, 'node_modules'));
// The app is its own package, so a package.json in a parent of the temporary directory cannot capture the
// import of 'compactly' (a package named compactly there would resolve it to itself).
writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'bundle-size-app', private: true, type: 'module' })}\n`);
symlinkSync(root, join(app, 'node_modules/compactly'), 'dir');
afterAll(() => rmSync(app, { recursive: true, force: true }));

interface Bundle {
  readonly bytes: number;
  /** Source modules in the bundle (paths inside the package), largest first, with their minified bytes. */
  readonly modules: readonly (readonly [string, number])[];
}

async function bundle(name: string, code: string): Promise<Bundle> {
  writeFileSync(join(app, `${name}.js`), code);
  const r = await build({
    entryPoints: [join(app, `${name}.js`)],
    absWorkingDir: app,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const out = Object.values(r.metafile.outputs)[0]!;
  const modules = Object.entries(out.inputs)
    .filter(([, v]) => v.bytesInOutput > 0)
    .map(([k, v]) => {
      const abs = join(app, k);
      return [abs.startsWith(root) ? relative(root, abs).replace(/\\/g, '/') : `(app) ${relative(app, abs)}`, v.bytesInOutput] as const;
    })
    .sort((a, b) => b[1] - a[1]);
  const bytes = r.outputFiles[0]!.contents.byteLength;
  console.log(`${name}: ${(bytes / 1024).toFixed(1)} KB minified\n${modules.map(([m, b]) => `  ${String(b).padStart(7)}  ${m}`).join('\n')}`);
  return { bytes, modules };
}

describe.skipIf(!built)('browser bundle size of the built package', () => {
  test(`import { vector } from 'compactly' stays within ${VECTOR_BUDGET / 1024} KB minified and holds only Vector's modules`, async () => {
    const b = await bundle('vector-only', "import { vector } from 'compactly';\nconsole.log(vector('int8', [1, 2]).toString());\n");
    expect(b.bytes).toBeLessThanOrEqual(VECTOR_BUDGET);
    const foreign = b.modules.map(([m]) => m).filter((m) => !/^dist\/(vector|dtype|errors|internal\/)|^\(app\) |^dist\/index\.js$/.test(m));
    expect(foreign, 'modules of other capabilities in a vector-only bundle').toEqual([]);
  });

  test('every capability still bundles (the whole core entry, for comparison)', async () => {
    const b = await bundle('everything', "import * as compactly from 'compactly';\nconsole.log(compactly);\n");
    expect(b.modules.some(([m]) => m.startsWith('dist/record-store/'))).toBe(true);
    expect(b.bytes).toBeGreaterThan(VECTOR_BUDGET);
  });
});
