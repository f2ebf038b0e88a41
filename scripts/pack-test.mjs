#!/usr/bin/env node
// Proves that `npx compactly-bench` works from the published package: builds into a temporary copy of the
// package (never touching ./dist), `npm pack`s it, installs the tarball offline into a fresh project
// (compactly has no runtime dependencies; apache-arrow is an optional peer), and runs the CLI there:
//   npx compactly-bench --size tiny --no-memory vector      (speed tables + summary)
//   npx compactly-bench --size tiny vector --json r.json    (memory children re-run the installed bin)
// Also imports the installed package both as ESM and with require().
// Usage: node scripts/pack-test.mjs [--keep] [--use-dist] [suite]   (exit 0 when everything works)
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
  process.stderr.write((r.stderr ?? '').split('\n').filter((l) => !l.includes('Unknown user config "nodedir"')).join('\n'));
  const why = r.status !== expectCode ? `exit ${r.status ?? r.signal}, expected ${expectCode}` : check(r.stdout ?? '');
  if (why) {
    process.stdout.write(`\npack-test FAILED at "${name}": ${why}\n`);
    failed = true;
  }
  return !why;
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
  if (ok) {
    run('npx compactly-bench (speed only)', npx, ['--no-install', 'compactly-bench', '--size', 'tiny', '--no-memory', '--progress', 'plain', suite], project, (out) =>
      out.includes('## Summary') && out.includes('vs baseline') ? undefined : 'no table or summary in the output',
    );
    run('npx compactly-bench (with memory children, JSON out)', npx, ['--no-install', 'compactly-bench', '--size', 'tiny', '--progress', 'none', '--json', 'r.json', suite], project, () => {
      const j = JSON.parse(readFileSync(join(project, 'r.json'), 'utf8'));
      if (j.schema !== 'compactly-bench/1') return `bad schema ${j.schema}`;
      if (j.compactly === 'unknown') return 'the installed CLI did not find its package.json';
      return j.suites.length === 1 ? undefined : 'the suite did not run';
    });
    run('npx compactly-bench with a bad option exits 2', npx, ['--no-install', 'compactly-bench', '--no-such-option'], project, () => undefined, 2);
    run('import the installed package (ESM and require)', process.execPath, ['--input-type=module', '-e', [
      "import * as esm from 'compactly';",
      "import { createRequire } from 'node:module';",
      "const cjs = createRequire(import.meta.url)('compactly');",
      "if (Object.keys(esm).length === 0 || Object.keys(cjs).length === 0) throw new Error('empty exports');",
      "console.log('exports:', Object.keys(esm).length);",
    ].join('\n')], project);
  }
} finally {
  if (keep) process.stdout.write(`\nkept ${tmp}\n`);
  else rmSync(tmp, { recursive: true, force: true });
}
process.stdout.write(`\npack-test: ${failed ? 'FAILED' : 'ok'}\n`);
process.exit(failed ? 1 : 0);
