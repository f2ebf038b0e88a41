/**
 * Which tests run in Chromium (test/browser/select.ts) and how a Chromium is found (bench/_chromium.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CHROMIUM_NAMES, findChromium } from '../../bench/_chromium.js';
import { BROWSER_DIRS, browserTestFiles, classifyTestFiles } from './select.js';

const root = mkdtempSync(join(tmpdir(), 'compactly-select-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('browser test selection', () => {
  test('a test file that needs Node stays in Node, with the reason', () => {
    for (const d of BROWSER_DIRS) mkdirSync(join(root, 'test', d), { recursive: true });
    const w = (f: string, src: string): void => writeFileSync(join(root, 'test', f), src);
    w('vector/plain.test.ts', "import { vector } from '../../src/vector.js';\n");
    w('vector/fs.test.ts', "import { readFileSync } from 'node:fs';\n");
    w('vector/file.test.ts', "const u = new URL('./x.json', import.meta.url);\n");
    w('vector/proc.test.ts', 'const v = process.version;\n');
    w('vector/seed.test.ts', 'const s = process.env.FC_SEED;\n');
    w('pipeline/node.test.ts', "import { readCsvFile } from '../../src/node/index.js';\n");
    w('vector/helper.ts', "import { readFileSync } from 'node:fs';\n");
    w('vector/mock.test.ts', "vi.mock('x', () => { throw new Error('absent'); });\n");
    const all = classifyTestFiles(root);
    const why = Object.fromEntries(all.map((f) => [f.file, f.nodeOnly ?? 'browser']));
    expect(why).toEqual({
      'test/vector/file.test.ts': 'reads files next to the test',
      'test/vector/fs.test.ts': 'imports a node: module',
      'test/vector/plain.test.ts': 'browser',
      'test/vector/proc.test.ts': 'uses process',
      'test/vector/mock.test.ts': 'mocks a module (a vi.mock factory that throws fails the browser runner)',
      'test/vector/seed.test.ts': 'browser',
      'test/pipeline/node.test.ts': 'tests compactly/node',
    });
    expect(browserTestFiles(root).map((f) => f.file)).toEqual(['test/vector/plain.test.ts', 'test/vector/seed.test.ts']);
  });

  test('the real selection covers every capability and leaves the Node-only files out', () => {
    const files = browserTestFiles().map((f) => f.file);
    for (const d of ['vector', 'record-store', 'categorical', 'memoryview', 'pipeline', 'arrow', 'parquet']) {
      expect(
        files.some((f) => f.startsWith(`test/${d}/`)),
        d,
      ).toBe(true);
    }
    expect(files).not.toContain('test/exports.test.ts');
    expect(files.some((f) => f.includes('docs-examples'))).toBe(false);
  });
});

describe('findChromium', () => {
  test('an explicit path must exist; no fallback to the PATH', () => {
    expect(findChromium(join(root, 'nope'))).toEqual({ path: undefined, why: `${join(root, 'nope')} does not exist or is not a file` });
  });

  test('$CHROMIUM_PATH, then the names on $PATH; none found says why', () => {
    const bin = join(root, 'bin');
    mkdirSync(bin, { recursive: true });
    writeFileSync(join(bin, 'chromium-browser'), '');
    expect(findChromium(undefined, { PATH: bin })).toEqual({ path: join(bin, 'chromium-browser'), from: '$PATH' });
    expect(findChromium(undefined, { PATH: bin, CHROMIUM_PATH: join(bin, 'chromium-browser') }).path).toBe(join(bin, 'chromium-browser'));
    expect(findChromium(undefined, { PATH: bin, CHROMIUM_PATH: join(bin, 'x') })).toEqual({ path: undefined, why: `CHROMIUM_PATH=${join(bin, 'x')} does not exist` });
    const none = findChromium(undefined, { PATH: join(root, 'empty') });
    expect(none.path).toBeUndefined();
    expect('why' in none && none.why).toContain(CHROMIUM_NAMES.join('/'));
  });
});
