#!/usr/bin/env node
// Proves that `npx compactly-bench` works from the published package: builds into a temporary copy of the
// package (never touching ./dist), `npm pack`s it, installs the tarball offline into a fresh project
// (compactly has no runtime dependencies; apache-arrow is an optional peer), and runs the CLI there:
//   npx compactly-bench --size tiny --no-memory vector      (speed tables + summary)
//   npx compactly-bench --size tiny vector --json r.json    (memory children re-run the installed bin)
// Also imports the installed package both as ESM and with require(), and type-checks small consumer projects
// against the installed declarations (skipLibCheck off, no @types/node, no apache-arrow): node16 ESM and CJS,
// bundler, a browser setup (lib es2022 + dom, types []), plain lib es2022, esnext.disposable (`using` on a
// MemoryView), and compactly/node with @types/node.
// Usage: node scripts/pack-test.mjs [--keep] [--use-dist] [--types-only] [suite]   (exit 0 when everything works)
// --types-only skips the CLI runs (only the consumer type checks and imports).
// --use-dist packs the ./dist that was just built (npm test builds it first) instead of building again.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const useDist = args.includes('--use-dist');
const typesOnly = args.includes('--types-only');
const suite = args.find((a) => !a.startsWith('-')) ?? 'vector';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tmp = mkdtempSync(join(tmpdir(), 'compactly-pack-'));
const pkgDir = join(tmp, 'package');
const project = join(tmp, 'project');
let failed = false;

function run(name, cmd, cmdArgs, cwd, check = () => undefined, expectCode = 0) {
  process.stdout.write(`\n=== pack-test: ${name}\n$ ${cmd} ${cmdArgs.join(' ')}   (in ${cwd})\n`);
  const r = spawnSync(cmd, cmdArgs, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(
    (r.stderr ?? '')
      .split('\n')
      .filter((l) => !l.includes('Unknown user config "nodedir"'))
      .join('\n'),
  );
  const why = r.status !== expectCode ? `exit ${r.status ?? r.signal}, expected ${expectCode}` : check(r.stdout ?? '');
  if (why) {
    process.stdout.write(`\npack-test FAILED at "${name}": ${why}\n`);
    failed = true;
  }
  return !why;
}

const tsc = join(root, 'node_modules/typescript/bin/tsc');

/** What every consumer project compiles: the core entry's main types, used as a newcomer would. */
const CONSUMER_CODE = `import { categorical, memoryview, pipeline, readCsv, recordStore, vector, OverflowError, type RecordOf } from 'compactly';
const v = vector('int16', [3, 1, 2]);
const n: number = v.get(0);
const big = vector('int64', [1n]);
const b: bigint = big.get(0);
const store = recordStore({ x: 'float64', kind: 'category' });
store.push({ x: 1, kind: 'a' });
const row: RecordOf<typeof store.schema> = store.get(0).toObject();
const xs: Float64Array = store.column('x');
const c = categorical(['a', 'b', null]);
const m = memoryview(v);
m.release();
const total: number = pipeline(new Float64Array([1, 2])).map((x) => x * 2).sum();
for (const chunk of readCsv('a\\n1\\n', { schema: { a: 'uint8' } })) chunk.length;
export const out = [n, b, row, xs, c.length, total, OverflowError];
`;

/** Consumer setups: [directory, package.json type, compilerOptions, extra source]. */
const CONSUMERS = [
  ['node16-esm', 'module', { module: 'node16', moduleResolution: 'node16', lib: ['es2022'] }, ''],
  ['node16-cjs', 'commonjs', { module: 'node16', moduleResolution: 'node16', lib: ['es2022'] }, ''],
  ['bundler', 'module', { module: 'esnext', moduleResolution: 'bundler', lib: ['es2022'] }, ''],
  [
    'browser',
    'module',
    { module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'dom'], types: [] },
    `const stream = new ReadableStream<number>({ start(ctl) { ctl.enqueue(1); ctl.close(); } });
export const fromStream: Promise<number> = pipeline(stream).sum();
export const csvFromStream = readCsv(new ReadableStream<Uint8Array>(), { schema: { a: 'uint8' } });
import { writeCsv } from 'compactly';
export const csvToStream: Promise<unknown> = writeCsv(store, new WritableStream<Uint8Array>());
`,
  ],
  [
    'disposable',
    'module',
    { module: 'esnext', moduleResolution: 'bundler', lib: ['es2022', 'esnext.disposable'], types: [] },
    `export function disposed(): number {
  using view = memoryview(new Uint8Array(4));
  const d: Disposable = view;
  return d === view ? view.nbytes : 0;
}
`,
  ],
  [
    'node-entry',
    'module',
    { module: 'node16', moduleResolution: 'node16', lib: ['es2022'], types: ['node'], typeRoots: [join(root, 'node_modules/@types')] },
    `import { readCsv as readCsvFile } from 'compactly/node';
export const fromFile = readCsvFile('data.csv', { schema: { a: 'uint8' } });
`,
  ],
];

/** Type-checks each consumer project in `project` (where the tarball is installed) with the repository's tsc. */
function typeCheckConsumers() {
  for (const [name, type, options, extra] of CONSUMERS) {
    const dir = join(project, name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `consumer-${name}`, private: true, type })}\n`);
    writeFileSync(join(dir, 'index.ts'), `${CONSUMER_CODE}${extra}`);
    const compilerOptions = { target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [], ...options };
    writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify({ compilerOptions, files: ['index.ts'] }, null, 2)}\n`);
    run(`type-check a ${name} consumer (${JSON.stringify(options)})`, process.execPath, [tsc, '-p', dir], project);
  }
}

/** --use-dist: packs the ./dist already built instead of building again. */
function copyBuiltDist() {
  if (!existsSync(join(root, 'dist/bench/cli.js'))) {
    process.stdout.write('\npack-test FAILED: --use-dist but ./dist/bench/cli.js does not exist (run npm run build)\n');
    failed = true;
    return false;
  }
  cpSync(join(root, 'dist'), join(pkgDir, 'dist'), { recursive: true });
  return true;
}

try {
  mkdirSync(pkgDir);
  mkdirSync(project);
  for (const f of ['package.json', 'README.md']) if (existsSync(join(root, f))) copyFileSync(join(root, f), join(pkgDir, f));
  const ok =
    (useDist
      ? copyBuiltDist()
      : run('build into a temporary package (tsup --out-dir)', npx, ['tsup', '--out-dir', join(pkgDir, 'dist')], root, () =>
          existsSync(join(pkgDir, 'dist/bench/cli.js')) ? undefined : 'dist/bench/cli.js was not built',
        )) &&
    run('npm pack', npm, ['pack', pkgDir, '--pack-destination', tmp], tmp) &&
    (() => {
      const tgz = readdirSync(tmp).find((f) => /^compactly-.*\.tgz$/.test(f));
      if (!tgz) {
        process.stdout.write('pack-test FAILED: no tarball\n');
        failed = true;
        return false;
      }
      writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'pack-test-project', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`);
      return run('install the tarball offline', npm, ['install', '--offline', '--no-audit', '--no-fund', join(tmp, tgz)], project);
    })();
  if (ok && !typesOnly) {
    run('npx compactly-bench (speed only)', npx, ['--no-install', 'compactly-bench', '--size', 'tiny', '--no-memory', '--progress', 'plain', suite], project, (out) =>
      out.includes('## Summary') && out.includes('vs baseline') ? undefined : 'no table or summary in the output',
    );
    run(
      'npx compactly-bench (with memory children, JSON out)',
      npx,
      ['--no-install', 'compactly-bench', '--size', 'tiny', '--progress', 'none', '--json', 'r.json', suite],
      project,
      () => {
        const j = JSON.parse(readFileSync(join(project, 'r.json'), 'utf8'));
        if (j.schema !== 'compactly-bench/1') return `bad schema ${j.schema}`;
        if (j.compactly === 'unknown') return 'the installed CLI did not find its package.json';
        return j.suites.length === 1 ? undefined : 'the suite did not run';
      },
    );
    run(
      'npx compactly-bench arrow without apache-arrow: skipped with a note, exit 0',
      npx,
      ['--no-install', 'compactly-bench', '--size', 'tiny', '--no-memory', '--progress', 'none', 'arrow'],
      project,
      (out) => (out.includes('note: suite arrow skipped: it needs apache-arrow') ? undefined : 'no skip note for the arrow suite'),
    );
    run('npx compactly-bench with a bad option exits 2', npx, ['--no-install', 'compactly-bench', '--no-such-option'], project, () => undefined, 2);
  }
  if (ok) {
    typeCheckConsumers();
    run(
      'import the installed package (ESM and require)',
      process.execPath,
      [
        '--input-type=module',
        '-e',
        [
          "import * as esm from 'compactly';",
          "import { createRequire } from 'node:module';",
          "const cjs = createRequire(import.meta.url)('compactly');",
          "if (Object.keys(esm).length === 0 || Object.keys(cjs).length === 0) throw new Error('empty exports');",
          "console.log('exports:', Object.keys(esm).length);",
        ].join('\n'),
      ],
      project,
    );
  }
} finally {
  if (keep) process.stdout.write(`\nkept ${tmp}\n`);
  else rmSync(tmp, { recursive: true, force: true });
}
process.stdout.write(`\npack-test: ${failed ? 'FAILED' : 'ok'}\n`);
process.exit(failed ? 1 : 0);
