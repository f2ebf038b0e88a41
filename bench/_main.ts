/**
 * The `compactly-bench` program: parses the command line, runs the suites of a registry with progress,
 * prints the tables and the summary, and writes the JSON / Markdown / SVG / HTML outputs.
 * `bench/cli.ts` calls {@link main} with the real registry; tests call it with fake suites.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SIZE_ROWS, type Size, type SpeedRow, type Suite, type SuiteContext } from './_harness.js';
import { runChild } from './_memory.js';
import { exerciseEveryDtype } from './_mixed.js';
import { OutputError, SIZE_PLANS, SIZES, UsageError, checkOutputs, parseArgs, usage, type Options } from './_options.js';
import { createProgress, type ProgressStream } from './_progress.js';
import { fileArgument, fileMain } from './_file.js';
import { environment } from './_environment.js';
import {
  REPORT_WIDTH,
  assessNoise,
  environmentLine,
  legendLines,
  legendMarkdown,
  memoryTable,
  renderMarkdown,
  renderText,
  speedTable,
  summarize,
  summaryTable,
  summaryTextTable,
  wrapText,
  type Environment,
  type SuiteReport,
} from './_report.js';
import { checkCases, countTasks, runSuite } from './_run.js';
import { SCHEMA, memoryMethod, toJson, type BenchReport } from './_schema.js';
import { renderHtmlReport } from './_html.js';
import { renderSvg } from './_svg.js';

/** Suite loaders by CLI name, in report order. */
export type Registry = Readonly<Record<string, () => Promise<Suite>>>;

/** Where the program writes. */
export interface Io {
  readonly stdout: ProgressStream;
  readonly stderr: ProgressStream;
}

/** The compactly version next to `script` (walks up to the package.json named `compactly`). */
export function packageVersion(script: string): string {
  let dir = dirname(script);
  for (let i = 0; i < 6; i++) {
    const p = join(dir, 'package.json');
    if (existsSync(p)) {
      try {
        const pkg = JSON.parse(readFileSync(p, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'compactly' && pkg.version) return pkg.version;
      } catch {
        /* not ours */
      }
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return 'unknown';
}

function context(rows: number, size: Size, notes: string[]): SuiteContext {
  return {
    rows,
    size,
    note: (t) => {
      if (!notes.includes(t)) notes.push(t);
    },
    optional: async <T>(pkg: string): Promise<T | undefined> => {
      try {
        return (await import(pkg)) as T;
      } catch {
        return undefined;
      }
    },
  };
}

/** `--child SUITE GROUP [CASE] --rows N --size S`: measures one memory case, or every case of the group. */
async function child(argv: readonly string[], registry: Registry): Promise<number> {
  const [, suiteName, group, ...rest] = argv;
  const name = rest[0] !== undefined && !rest[0].startsWith('--') ? rest.shift() : undefined;
  const load = registry[suiteName ?? ''];
  if (!load || group === undefined) throw new Error(`bad child arguments: ${argv.join(' ')}`);
  let rows = 0;
  let size: Size = 'default';
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--rows') rows = Number(rest[++i]);
    else if (rest[i] === '--size') size = (rest[++i] ?? 'default') as Size;
  }
  if (!(SIZES as readonly string[]).includes(size)) throw new Error(`bad child size ${size}`);
  await runChild(await load(), context(rows || SIZE_ROWS[size], size, []), group, name);
  return 0;
}

/**
 * The package a failed suite load could not find, when that is the failure: Node's ERR_MODULE_NOT_FOUND /
 * MODULE_NOT_FOUND for a bare specifier (an optional peer such as apache-arrow; compactly itself has no
 * runtime dependencies). A relative path or any other error is a real failure: undefined.
 */
export function missingPackage(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return undefined;
  const m = /Cannot find (?:package|module) '([^']+)'/.exec(e instanceof Error ? e.message : String(e));
  const spec = m?.[1];
  if (spec === undefined || /^(\.|\/|[A-Za-z]:\\|file:|node:)/.test(spec)) return undefined;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The full Markdown report. */
export function renderMarkdownReport(report: BenchReport, heading = '#'): string {
  const h2 = `${heading}#`;
  const o = report.options;
  const md: string[] = [
    `${heading} compactly benchmark report`,
    '',
    `${environmentLine(report.environment)}; ${report.environment.date.slice(0, 10)}; compactly ${report.compactly}.`,
    '',
    `${o.rows.toLocaleString('en-US')} rows per case (size ${o.size}), ${o.repeat} round${o.repeat > 1 ? 's' : ''} per task, ` +
      `memory: ${memoryMethod(report)}; ` +
      `${(report.elapsedMs / 1000).toFixed(0)} s in all.`,
    '',
  ];
  md.push(legendMarkdown(), '');
  md.push(`${h2} Summary`, '', renderMarkdown(summaryTable(report.summary)), '');
  if (report.noise.noisy) md.push('> **The machine looked noisy:**', ...report.noise.notes.map((n) => `> - ${n}`), '');
  for (const s of report.suites) {
    md.push(`${h2} ${s.title}`, '');
    if (s.speed.length) md.push(renderMarkdown(speedTable(s.speed)), '');
    if (s.memory.length) md.push(renderMarkdown(memoryTable(s.memory)), '');
    for (const n of s.notes) md.push(`> ${n}`, '');
  }
  for (const sk of report.skipped ?? []) md.push(`> **Skipped:** ${sk.suite}: it ${sk.reason}.`, '');
  for (const e of report.errors) md.push(`> **Failed:** ${e.suite}: ${e.message}`, '');
  return md.join('\n');
}

/**
 * How many columns the terminal report fits in: the terminal's width, else `COLUMNS` when set (at least 40),
 * else {@link REPORT_WIDTH} (CI logs, pipes, files).
 */
export function reportWidth(stdout: Pick<ProgressStream, 'isTTY' | 'columns'>, env: Readonly<Record<string, string | undefined>> = process.env): number {
  const cols = stdout.isTTY && stdout.columns ? stdout.columns : Number(env.COLUMNS);
  return Number.isInteger(cols) && cols >= 40 ? cols : REPORT_WIDTH;
}

/** `line` wrapped at `width`, continuation lines indented under its text after `prefix` (`note: `, `## `). */
export function wrapLine(prefix: string, text: string, width: number): string {
  return wrapText(`${prefix}${text}`, width, ' '.repeat(Math.min(prefix.length, 12))).join('\n');
}

/** A speed row's identity across the fresh and the mixed run of `--mixed`. */
function speedKey(row: SpeedRow): string {
  return `${row.suite}\u0000${row.case}\u0000${row.task}`;
}

/** One suite's tables and notes as the terminal shows them, within `width` columns. */
export function printSuite(r: SuiteReport, out: (s: string) => void, width = REPORT_WIDTH): void {
  out(`\n${wrapLine('## ', `${r.title}  (${r.name}, ${(r.elapsedMs / 1000).toFixed(1)} s, ${r.taskMs} ms per task)`, width)}\n`);
  if (r.speed.length) out(renderText(speedTable(r.speed), width));
  if (r.memory.length) out(`\n${renderText(memoryTable(r.memory), width)}`);
  for (const n of r.notes) out(wrapLine('note: ', n, width));
}

/**
 * Writes the `--json/--md/--svg/--html` files asked for and says so on stderr; returns the exit code (1 if a
 * suite failed, else 0).
 */
export function writeOutputs(report: BenchReport, o: Pick<Options, 'json' | 'md' | 'svg' | 'html'>, io: Io): number {
  const written: string[] = [];
  const write = (file: string | undefined, text: () => string): void => {
    if (file === undefined) return;
    writeFileSync(file, text());
    written.push(file);
  };
  write(o.json, () => toJson(report));
  write(o.md, () => renderMarkdownReport(report));
  write(o.svg, () => renderSvg(report));
  write(o.html, () => renderHtmlReport(report));
  for (const f of written) io.stderr.write(`compactly-bench: wrote ${f}\n`);
  if (report.errors.length) {
    io.stderr.write(`compactly-bench: ${report.errors.length} suite(s) failed: ${report.errors.map((e) => e.suite).join(', ')}\n`);
    return 1;
  }
  return 0;
}

/** The summary table, noise notes and the environment line, as the terminal shows them, within `width` columns. */
export function summaryLines(report: BenchReport, width = REPORT_WIDTH): string[] {
  const lines = ['', '## Summary', '', renderText(summaryTextTable(report.summary), width)];
  if (report.noise.noisy) lines.push('', ...report.noise.notes.map((n) => wrapLine('noise: ', n, width)));
  lines.push('', wrapLine('(', `${environmentLine(report.environment)}; ${(report.elapsedMs / 1000).toFixed(1)} s)`, width));
  return lines;
}

/** `--check`: every task once against its baseline, per suite; exit 1 if any disagrees or throws. */
async function checkOnly(o: Options, registry: Registry, io: Io): Promise<number> {
  let failed = 0;
  for (const name of o.suites) {
    const t0 = Date.now();
    try {
      const suite = await registry[name]!();
      const cases = await suite.speed(context(o.rows, o.size, []));
      await checkCases(name, cases);
      io.stdout.write(
        `ok    ${name}: ${countTasks(cases)} tasks in ${cases.length} cases agree at ${o.rows.toLocaleString('en-US')} rows (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`,
      );
    } catch (e) {
      failed++;
      io.stdout.write(`FAIL  ${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
  return failed ? 1 : 0;
}

/**
 * Runs the program. Returns the exit code: 0 done, 1 a suite failed (a task disagreed with its baseline or
 * threw), 2 bad command line or an output file that cannot be written.
 */
export async function main(argv: readonly string[], registry: Registry, script: string, io: Io = process): Promise<number> {
  if (argv[0] === '--child') return child(argv, registry);
  if (argv[0] === '--file-child') return (await import('./_file-child.js')).fileChild(argv.slice(1));
  const names = Object.keys(registry);
  // `compactly-bench <file>`: what compactly would save on the user's own file (bench/_file.ts).
  const file = argv.includes('--help') || argv.includes('-h') ? undefined : fileArgument(argv, names);
  if (file !== undefined) return fileMain(argv, file, script, io);
  let o: Options;
  try {
    o = parseArgs(argv, names);
    checkOutputs(o);
  } catch (e) {
    if (e instanceof OutputError) {
      io.stderr.write(`compactly-bench: ${e.message}\n`);
      return 2;
    }
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`compactly-bench: ${e.message}\n\n${usage(names)}\n`);
    return 2;
  }
  if (o.help) {
    io.stdout.write(`${usage(names)}\n`);
    return 0;
  }
  if (o.list) {
    io.stdout.write(`${names.join('\n')}\n`);
    return 0;
  }
  if (o.check) return checkOnly(o, registry, io);
  if (o.browser !== undefined) {
    const { runBrowser } = await import('./_browser.js');
    return runBrowser(o, script, packageVersion(script), io);
  }
  const t0 = Date.now();
  const env: Environment = environment();
  const progress = createProgress(o.progress, io.stderr, t0);
  const width = reportWidth(io.stdout);
  const out = (s: string): void => {
    progress.clear();
    io.stdout.write(`${s}\n`);
  };
  const plan = SIZE_PLANS[o.size];
  out(
    wrapLine(
      'compactly-bench: ',
      `${o.suites.join(', ')} at ${o.rows.toLocaleString('en-US')} rows (size ${o.size})` +
        `${o.repeat > 1 ? `, ${o.repeat} rounds` : ''}${o.memory ? '' : ', no memory'}${o.mixed ? ', mixed process (every dtype used first)' : ''}`,
      width,
    ),
  );
  const childArgs = ['--size', o.size];
  // Two memory children at a time (one at large: each may hold gigabytes of plain objects).
  const jobs = o.size === 'large' || o.rows > 2_000_000 ? 1 : Math.max(1, Math.min(2, env.cores));
  // --mixed: time every speed case once before any dtype is exercised (the fresh figures, shown beside the
  // mixed ones), then exercise every dtype, format and code width, then run the suites as usual.
  const fresh = new Map<string, number>();
  if (o.mixed) {
    for (let i = 0; i < o.suites.length; i++) {
      const name = o.suites[i]!;
      try {
        const { report: r } = await runSuite(name, { index: i + 1, total: o.suites.length }, registry[name]!, context(o.rows, o.size, []), [], { ...o, memory: false }, progress, {
          script,
          childArgs,
          jobs,
          perGroup: false,
        });
        for (const row of r.speed) fresh.set(speedKey(row), row.ratio);
      } catch {
        // reported by the mixed run below, which meets the same failure
      }
    }
    exerciseEveryDtype();
  }
  out(wrapLine('', environmentLine(env), width));
  out(`\n${legendLines().join('\n')}`);
  const suites: SuiteReport[] = [];
  const errors: { suite: string; message: string }[] = [];
  const skipped: { suite: string; reason: string }[] = [];
  for (let i = 0; i < o.suites.length; i++) {
    const name = o.suites[i]!;
    const notes: string[] = [];
    try {
      const { report: r, memoryError } = await runSuite(name, { index: i + 1, total: o.suites.length }, registry[name]!, context(o.rows, o.size, notes), notes, o, progress, {
        script,
        childArgs,
        jobs,
        perGroup: plan.memoryChild === 'group',
      });
      // Keep the speed results; a failed memory measurement fails the run (exit 1).
      if (memoryError !== undefined) errors.push({ suite: name, message: memoryError });
      const budget = plan.suiteWallMs * o.repeat;
      if (o.size === 'quick' && o.time === 0 && r.elapsedMs > budget) {
        // For suite authors (stderr, not the report): a busy machine also gets here.
        progress.message(`${name} took ${(r.elapsedMs / 1000).toFixed(1)} s, over its quick budget of ${(budget / 1000).toFixed(1)} s`);
      }
      if (o.mixed) {
        for (const row of r.speed) {
          const f = fresh.get(speedKey(row));
          if (f !== undefined) row.freshRatio = f;
        }
      }
      suites.push(r);
      printSuite(r, out, width);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const pkg = missingPackage(e);
      if (pkg !== undefined) {
        // An optional package the suite compares against or converts to: skipped, not failed.
        const reason = `needs ${pkg}, which is not installed (optional: npm install ${pkg})`;
        skipped.push({ suite: name, reason });
        out(`\n${wrapLine('note: ', `suite ${name} skipped: it ${reason}`, width)}`);
        continue;
      }
      errors.push({ suite: name, message });
      progress.clear();
      io.stderr.write(`compactly-bench: suite ${name} failed: ${message}\n`);
    }
  }
  progress.end();
  const report: BenchReport = {
    schema: SCHEMA,
    compactly: packageVersion(script),
    environment: env,
    options: {
      suites: o.suites,
      size: o.size,
      rows: o.rows,
      repeat: o.repeat,
      memoryRuns: o.memory ? o.memoryRuns : 0,
      timeMs: o.time > 0 ? o.time : null,
    },
    suites,
    summary: suites.map(summarize),
    noise: assessNoise(suites, env, o.repeat),
    errors,
    skipped,
    elapsedMs: Date.now() - t0,
  };
  out(summaryLines(report, width).join('\n'));
  return writeOutputs(report, o, io);
}
