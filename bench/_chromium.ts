/**
 * Finding a local Chromium (the Debian `chromium` package, or Chrome) and the flags it runs with here.
 * Shared by `compactly-bench --browser=headless`, the browser test configuration and `npm test`.
 * No browser is ever downloaded: a machine without one gets `undefined` and a reason.
 */
import { statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Executable names tried on the PATH, in order. */
export const CHROMIUM_NAMES: readonly string[] = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** Where a Chromium was found, or why none was. */
export type ChromiumLookup = { readonly path: string; readonly from: string } | { readonly path: undefined; readonly why: string };

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * Finds Chromium: `explicit` (e.g. `--chromium PATH`) first, then `$CHROMIUM_PATH`, then the {@link CHROMIUM_NAMES}
 * on `$PATH`. An explicit path that does not exist is an error (`path: undefined` with the reason), never a fallback.
 */
export function findChromium(explicit?: string, env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  if (explicit !== undefined) return isFile(explicit) ? { path: explicit, from: 'given' } : { path: undefined, why: `${explicit} does not exist or is not a file` };
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) return isFile(fromEnv) ? { path: fromEnv, from: '$CHROMIUM_PATH' } : { path: undefined, why: `CHROMIUM_PATH=${fromEnv} does not exist` };
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of CHROMIUM_NAMES) {
    for (const d of dirs) {
      const p = join(d, name);
      if (isFile(p)) return { path: p, from: '$PATH' };
    }
  }
  return { path: undefined, why: `no ${CHROMIUM_NAMES.join('/')} on $PATH and no $CHROMIUM_PATH (Debian: apt-get install -y chromium)` };
}

/**
 * Flags for a headless Chromium on this kind of machine (root, no GPU, no network but loopback): no sandbox,
 * no first run, no background traffic. Playwright adds `--headless` and a fresh `--user-data-dir` itself (it
 * refuses a `--user-data-dir` in `args`).
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
