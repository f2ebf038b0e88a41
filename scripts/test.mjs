#!/usr/bin/env node
// `npm test`: typecheck + build + vitest (unit, property, types, exports of the built package) + a
// benchmark smoke run at tiny size + the packed-tarball test. Ends with one plain line `N passed, N failed`; exits non-zero on
// any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
let passed = 0;
let failed = 0;
const failures = [];

function step(name, cmd, args, env = {}) {
  process.stdout.write(`\n=== ${name}: ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
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
const buildOk = checkStep('build', npx, ['tsup']);

const dir = mkdtempSync(join(tmpdir(), 'compactly-test-'));
const report = join(dir, 'vitest.json');
const vitestOk = step('vitest', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  if (!vitestOk && (r.numFailedTests ?? 0) === 0) {
    failed++; // a suite failed to load, or vitest itself failed
  }
} else if (!vitestOk) {
  failed++;
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

if (failures.length) process.stdout.write(`\nfailed steps: ${failures.join('; ')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && failures.length === 0 ? 0 : 1);
