/**
 * `compactly-bench`: runs the benchmark suites and prints one table per suite, then a summary.
 * See `compactly-bench --help` and docs/benchmarks.md.
 *
 * The memory measurements re-run this script as `--child`; the environment variable
 * `COMPACTLY_BENCH_SUITES` may name a module whose `SUITES` export replaces the built-in registry
 * (used by the tests; also a way to benchmark your own shapes of data with the same harness).
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { main, type Registry } from './_main.js';
import { SUITES } from './suites.js';

const SCRIPT = fileURLToPath(import.meta.url);

async function registry(): Promise<Registry> {
  const file = process.env.COMPACTLY_BENCH_SUITES;
  if (!file) return SUITES;
  const mod = (await import(pathToFileURL(resolve(file)).href)) as { SUITES?: Registry };
  if (!mod.SUITES) throw new Error(`COMPACTLY_BENCH_SUITES=${file} does not export SUITES`);
  return mod.SUITES;
}

// `compactly-bench | head`: a closed stdout ends the program quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

registry()
  .then((r) => main(process.argv.slice(2), r, SCRIPT))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`compactly-bench: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
