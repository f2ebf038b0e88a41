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

const typecheckOk = step('typecheck', npx, ['tsc', '--noEmit']);
if (typecheckOk) passed++;
else failed++;

const buildOk = step('build', npx, ['tsup']);
if (buildOk) passed++;
else failed++;

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

if (buildOk) {
  const benchOk = step('bench smoke (tiny)', process.execPath, ['dist/bench/cli.js', '--size', 'tiny', '--time', '5']);
  if (benchOk) passed++;
  else failed++;
} else {
  failed++;
  failures.push('bench smoke skipped: build failed');
}

// The published package: npm pack, install the tarball offline into a fresh project, run `npx compactly-bench`
// there at tiny size, and import it as ESM and CJS (scripts/pack-test.mjs).
if (step('pack test (npx compactly-bench from the tarball)', process.execPath, ['scripts/pack-test.mjs'])) passed++;
else failed++;

if (failures.length) process.stdout.write(`\nfailed steps: ${failures.join('; ')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && failures.length === 0 ? 0 : 1);
