/**
 * Which test files run in the browser: every `*.test.ts` under the capability folders whose source does not
 * need Node (no `node:` import, no file read next to the test, no child process, no compactly/node). The
 * rule is read from the files themselves, so a new capability test runs in Chromium unless it needs Node.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The capability folders (and top-level files) whose tests should also pass in a browser. */
export const BROWSER_DIRS: readonly string[] = ['vector', 'record-store', 'categorical', 'memoryview', 'pipeline', 'arrow', 'parquet', 'internal', '.'];

/** What makes a test file Node-only, with the reason printed by `npm test`. */
const NEEDS_NODE: readonly (readonly [RegExp, string])[] = [
  [/from ['"]node:/, 'imports a node: module'],
  [/\bprocess\.(?!env\.FC_(SEED|RUNS)\b)/, 'uses process'],
  [/\bimport\.meta\.(url|dirname|filename)\b/, 'reads files next to the test'],
  [/src\/node\b/, 'tests compactly/node'],
  [/\/dist\//, 'tests the built package'],
  [/\bvi\.mock\(/, 'mocks a module (a vi.mock factory that throws fails the browser runner)'],
];

export interface TestFile {
  /** Path relative to the repository root. */
  readonly file: string;
  /** Why it stays in Node, or undefined if it runs in the browser. */
  readonly nodeOnly?: string;
}

/** Every candidate test file, with the reason it is Node-only where it is. */
export function classifyTestFiles(root = resolve(import.meta.dirname, '../..')): TestFile[] {
  const out: TestFile[] = [];
  for (const d of BROWSER_DIRS) {
    const dir = join(root, 'test', d);
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.test.ts')) continue;
      const path = join(dir, name);
      const src = readFileSync(path, 'utf8');
      const hit = NEEDS_NODE.find(([re]) => re.test(src));
      out.push({ file: relative(root, path), ...(hit ? { nodeOnly: hit[1] } : {}) });
    }
  }
  return out;
}

/** The files that run in Chromium. */
export function browserTestFiles(root?: string): TestFile[] {
  return classifyTestFiles(root).filter((f) => f.nodeOnly === undefined);
}
