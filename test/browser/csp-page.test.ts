/**
 * The packed package under a strict Content-Security-Policy in headless Chromium: `npm pack` of the built dist,
 * the tarball unpacked and served on 127.0.0.1 with `Content-Security-Policy: script-src 'self'` (no
 * `unsafe-eval`: `new Function` throws), and test/browser/csp-smoke.ts run on that page against the tarball's
 * ESM build. Every capability must work there, fused pipelines and per-schema record views included.
 *
 * The page loads the ESM files that the packed package.json's `exports` map names for `compactly` and
 * `compactly/arrow`, exactly as packed. The one thing a browser
 * cannot do without a bundler or an (inline, hence CSP-blocked) import map is resolve the bare peer import
 * `'apache-arrow'`: the server points it at apache-arrow bundled into one ESM file, as a bundler would.
 *
 * Needs a Chromium (skipped, loudly, without one; `npm test` and .ci/run see to it) and a build (`npm test`
 * builds first; test/exports.test.ts fails a run without one).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, resolve } from 'node:path';
import { build, transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findChromium } from '../../bench/_chromium.js';
import { launchHeadless, waitInPage, type Headless } from '../../bench/_headless.js';
import { mediaType, serveLocal, type Served } from '../../bench/_serve.js';
import type { SmokeReport } from './csp-smoke.js';

const root = resolve(import.meta.dirname, '../..');
const chromium = findChromium();
const built = existsSync(join(root, 'dist/index.js'));
const CSP = "script-src 'self'";

if (chromium.path === undefined) {
  process.stderr.write(`\n!!! test/browser/csp-page.test.ts SKIPPED: no Chromium (${chromium.why})\n\n`);
}

/** npm pack of ./dist (with package.json and README) into `dir`; returns the unpacked package directory. */
function packAndUnpack(dir: string): string {
  const pkg = join(dir, 'package-src');
  mkdirSync(pkg);
  for (const f of ['package.json', 'README.md']) cpSync(join(root, f), join(pkg, f));
  cpSync(join(root, 'dist'), join(pkg, 'dist'), { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const packed = spawnSync(npm, ['pack', pkg, '--pack-destination', dir, '--silent'], { encoding: 'utf8' });
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error('npm pack made no tarball');
  const site = join(dir, 'site');
  mkdirSync(site);
  const untar = spawnSync('tar', ['-xzf', join(dir, tgz), '-C', site], { encoding: 'utf8' });
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);
  return join(site, 'package');
}

/** The ESM file the unpacked package's `exports` map gives for `entry` (`.`, `./arrow`), as a URL path on the page. */
function esmEntry(pkg: string, entry: string): string {
  const exp = (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
  const file = exp[entry]?.import.default;
  if (!file) throw new Error(`package.json exports has no ESM entry for "${entry}"`);
  return `/pkg/${file.replace(/^\.\//, '')}`;
}

const page = (core: string, arrow: string): string => `<!doctype html>
<html lang="en" data-core="${core}" data-arrow="${arrow}"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>compactly under a strict CSP</title>
<script type="module" src="/smoke.js"></script></head>
<body><h1>compactly under <code>${CSP}</code></h1></body></html>
`;

describe.skipIf(!chromium.path || !built)(`the packed ESM build under Content-Security-Policy: ${CSP}`, () => {
  let dir: string;
  let served: Served;
  let browser: Headless;
  let report: SmokeReport;
  let arrowRewrites = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'compactly-csp-'));
    const pkg = packAndUnpack(dir);
    const html = page(esmEntry(pkg, '.'), esmEntry(pkg, './arrow'));
    const smoke = (await transform(readFileSync(join(import.meta.dirname, 'csp-smoke.ts'), 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' })).code;
    const arrow = await build({
      stdin: { contents: "export * from 'apache-arrow';", resolveDir: root },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    const vendor = arrow.outputFiles[0]!.text;
    served = await serveLocal(
      (path) => {
        if (path === '/') return { type: 'text/html; charset=utf-8', body: html };
        if (path === '/smoke.js') return { type: mediaType(path), body: smoke };
        if (path === '/vendor/apache-arrow.js') return { type: mediaType(path), body: vendor };
        if (!path.startsWith('/pkg/')) return undefined;
        const file = normalize(join(pkg, path.slice('/pkg/'.length)));
        if (!file.startsWith(pkg) || !existsSync(file)) return undefined;
        let body = readFileSync(file, 'utf8');
        if (path.endsWith('.js')) {
          body = body.replace(/from\s*(['"])apache-arrow\1/g, () => {
            arrowRewrites++;
            return "from '/vendor/apache-arrow.js'";
          });
        }
        return { type: mediaType(path), body };
      },
      { 'Content-Security-Policy': CSP },
    );
    browser = await launchHeadless(chromium.path!);
    await browser.page.goto(served.url);
    report = await waitInPage(
      browser.page,
      () => (window as unknown as { __compactlySmoke?: SmokeReport }).__compactlySmoke,
      () => true,
      60_000,
      'the smoke page',
    );
    const shot = process.env.COMPACTLY_SCREENSHOT_DIR;
    if (shot) await browser.page.screenshot({ path: join(shot, 'csp-page.png'), fullPage: true });
    writeFileSync(join(dir, 'report.json'), JSON.stringify(report, null, 2));
    process.stdout.write(
      `strict-CSP page (${browser.driver}):\n${report.results.map((r) => `  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.error ? ` — ${r.error}` : ''}`).join('\n')}\n` +
        `  CSP violations reported by the page: ${report.violations.length ? report.violations.join('; ') : 'none'}\n`,
    );
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the page ran every check, with the CSP in force and no page errors', () => {
    expect(report.results.length).toBeGreaterThanOrEqual(12);
    expect(report.results[0]).toEqual({ name: 'the page forbids code generation (new Function throws EvalError)', ok: true });
    expect(browser.errors.filter((e) => !/Content Security Policy|unsafe-eval/i.test(e))).toEqual([]);
    expect(arrowRewrites, "compactly/arrow imports 'apache-arrow' (a peer, resolved for the page)").toBeGreaterThan(0);
  });

  test('every capability works from the tarball under the strict CSP', () => {
    expect(report.results.filter((r) => !r.ok)).toEqual([]);
  });

  test('fused pipelines run on their closure path there', () => {
    const fused = report.results.filter((r) => r.name.startsWith('pipeline: fused'));
    expect(fused.map((r) => r.ok)).toEqual([true, true]);
  });
});
