#!/usr/bin/env node
// `npm test`: typecheck (sources, tests and type tests) + lint (eslint.config.mjs, and Prettier's check) + build + vitest (unit, property, types, exports of the built package) + the
// capability tests again in headless Chromium (skipped, loudly, when no Chromium is found) + a benchmark
// smoke run at tiny size + the packed-tarball test. Ends with one plain line `N passed, N failed`; exits
// non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let passed = 0;
let failed = 0;
const failures = [];

// Vitest's and tsup's colours ignore whether the output is a terminal (they look at TERM): in CI and logs,
// NO_COLOR keeps escape codes out of every step.
const plain = process.stdout.isTTY ? {} : { NO_COLOR: '1' };

function step(name, cmd, args, env = {}) {
  process.stdout.write(`\n=== ${name}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...plain, ...env } });
  const ok = r.status === 0;
  if (!ok) failures.push(`${name} (exit ${r.status ?? r.signal})`);
  return ok;
}

/** A step that counts as one test in the closing line. */
function checkStep(name, cmd, args) {
  const ok = step(name, cmd, args);
  if (ok) passed++;
  else failed++;
  return ok;
}

checkStep('typecheck', npx, ['tsc', '--noEmit']);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
checkStep('lint', npm, ['run', 'lint', '--silent']); // eslint, then prettier --check (npm run format fixes it)
const buildOk = checkStep('build', npm, ['run', 'build', '--silent']);

const dir = mkdtempSync(join(tmpdir(), 'compactly-test-'));

/** A vitest run whose tests count one by one in the closing line (JSON reporter into `dir`). */
function vitestStep(name, args = []) {
  const report = join(dir, `${name.replace(/\W+/g, '-')}.json`);
  const ok = step(name, npx, ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
    if (!ok && (r.numFailedTests ?? 0) === 0) failed++; // a suite failed to load, or vitest itself failed
  } else if (!ok) {
    failed++;
  }
  return ok;
}

vitestStep('vitest');

// The capability tests again, from source, in headless Chromium (vitest.browser.config.ts). No browser is
// downloaded: without a local Chromium the step is skipped and says so loudly (`.ci/run` installs one).
const { findChromium } = await tsImport('../bench/_chromium.ts', import.meta.url);
const chromium = findChromium();
let browserSkipped;
if (chromium.path) {
  vitestStep('vitest in Chromium', ['--config', 'vitest.browser.config.ts']);
} else {
  browserSkipped = `BROWSER TESTS SKIPPED: ${chromium.why}. The capability tests ran in Node only; the strict-CSP page (test/browser/csp-page.test.ts) and the browser benchmark page (test/bench/browser.test.ts) were not checked.`;
  const bar = '!'.repeat(100);
  process.stdout.write(`\n${bar}\n!!! ${browserSkipped}\n${bar}\n`);
}
rmSync(dir, { recursive: true, force: true });

// The built CLI at tiny size; then the published package: npm pack of the dist just built, installed offline
// into a fresh project, running `npx compactly-bench` there and imported as ESM and CJS (scripts/pack-test.mjs).
if (buildOk) {
  checkStep('bench smoke (tiny)', process.execPath, ['dist/bench/cli.js', '--size', 'tiny', '--time', '5']);
  checkStep('pack test (npx compactly-bench from the tarball)', process.execPath, ['scripts/pack-test.mjs', '--use-dist']);
} else {
  failed += 2;
  failures.push('bench smoke and pack test skipped: build failed');
}

if (browserSkipped) process.stdout.write(`\n!!! ${browserSkipped}\n`);
if (failures.length) process.stdout.write(`\nfailed steps: ${failures.join('; ')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && failures.length === 0 ? 0 : 1);
