/**
 * Command-line options of `compactly-bench`: parsing, validation and the usage text. The per-size plans
 * live in bench/_plan.ts (re-exported here), which the browser page imports too.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SIZE_ROWS, type Size } from './_harness.js';
import { SIZES, SIZE_PLANS } from './_plan.js';
import { REPORT_WIDTH, wrapText } from './_report.js';

export { SIZES, SIZE_PLANS, taskTimeMs, type SizePlan } from './_plan.js';

/** Everything the user asked for. */
export interface Options {
  suites: string[];
  size: Size;
  rows: number;
  /** Fixed timed window per task, ms; 0 = derived from the size plan. */
  time: number;
  repeat: number;
  memoryRuns: number;
  memory: boolean;
  list: boolean;
  /** Only run every task once against its baseline (no timing, no memory): do the suites agree at this size? */
  check: boolean;
  /** Use every dtype, format and code width through the hot methods before timing (a mixed process). */
  mixed: boolean;
  help: boolean;
  /** Progress display: `auto` = a bar on a terminal, plain lines otherwise. */
  progress: 'auto' | 'bar' | 'plain' | 'none';
  json?: string;
  md?: string;
  svg?: string;
  html?: string;
  /** `--browser`: serve the suites to a browser page (`serve`), or run them in a local headless Chromium. */
  browser?: 'serve' | 'headless';
  /** `--chromium PATH` for `--browser=headless` (default: found on the PATH). */
  chromium?: string;
  /** `--port N` for `--browser` (default: a free port). */
  port?: number;
  /** `--screenshot FILE`: a PNG of the finished page (`--browser=headless`). */
  screenshot?: string;
}

/** A bad command line: print the message and the usage, exit 2. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
}

/** An output file that cannot be written: print the message (no usage), exit 2, before anything runs. */
export class OutputError extends Error {
  override readonly name: string = 'OutputError';
}

/** The usage text, listing the valid suites, in lines of at most 100 columns. */
export function usage(suites: readonly string[]): string {
  const rows = SIZES.map((s) => `${s} ${SIZE_ROWS[s].toLocaleString('en-US')}`).join(', ');
  return [
    'usage: compactly-bench [suite ...] [options]',
    '       compactly-bench FILE [--rows N] [--columns a,b] [--json/--md/--svg/--html FILE]',
    '                      your own CSV, Parquet or Arrow IPC file: plain objects vs compactly (inferred',
    '                      schema) vs downcast(), with the schema to paste',
    '                      (docs/benchmarks.md#benchmark-your-own-file)',
    '',
    `suites:   ${suites.join(', ') || '(none registered)'}   (default: all of them)`,
    '',
    'options:',
    '  --quick             same as --size quick: about a minute for all suites on 2 cores',
    `  --size S            ${SIZES.join(' | ')} (default: default)`,
    `                      rows: ${rows}`,
    '  --rows N            rows per case (a positive integer); overrides the rows of --size. Alone, it',
    '                      runs as the smallest size with that many rows (--rows 1000 runs as tiny)',
    '  --repeat N          time every task N times and report medians and the spread (default 1)',
    '  --memory-runs N     runs per memory case, median reported (default 1 at tiny/quick, else 3)',
    '  --no-memory         skip the memory measurements',
    '  --time MS           fixed timed window per task, ms (default: derived from the size budget)',
    '  --json FILE         write the results as JSON (schema "compactly-bench/1", see docs/benchmarks.md)',
    '  --md FILE           write the report as Markdown',
    '  --svg FILE          write the chart (bytes per item and speedup per capability) as SVG',
    '  --html FILE         write the report and the chart as one HTML page',
    '  --progress MODE     auto | bar | plain | none (progress goes to stderr; default auto)',
    '  --check             only check every task against its baseline at this size (no timing, no memory)',
    '  --mixed             time every speed case fresh, then use every dtype, format and code width through',
    '                      the hot methods as a real program does (shared call sites then see every',
    '                      TypedArray type) and time them again: fresh and mixed ratios side by side',
    '  --browser           serve the suites on 127.0.0.1 and print the URL: the page runs them in your browser',
    '  --browser=headless  run them in a local headless Chromium and print the report here (needs',
    '                      playwright-core or puppeteer-core installed; nothing is downloaded)',
    '  --chromium PATH     the Chromium for --browser=headless (default: chromium/google-chrome on the PATH)',
    '  --port N            the port for --browser (default: a free one)',
    '  --screenshot FILE   with --browser=headless: save a PNG of the finished page',
    '  --list              list the suites and exit',
    '  -h, --help          show this help',
  ]
    .flatMap((l) => wrapText(l, REPORT_WIDTH, ' '.repeat(l.startsWith('  -') || l.startsWith('    ') ? 22 : 10)))
    .join('\n');
}

function positiveInt(flag: string, v: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n <= 0) {
    throw new UsageError(`${flag} must be a positive integer, got "${v}"`);
  }
  return n;
}

/** Parses the command line; throws {@link UsageError} on anything unknown or malformed. */
export function parseArgs(argv: readonly string[], suites: readonly string[]): Options {
  const o: Options = {
    suites: [],
    size: 'default',
    rows: 0,
    time: 0,
    repeat: 1,
    memoryRuns: 0,
    memory: true,
    list: false,
    check: false,
    mixed: false,
    help: false,
    progress: 'auto',
  };
  let rows = 0;
  let sizeGiven: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i]!;
    let inline: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      inline = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined || (v.startsWith('--') && v.length > 2)) throw new UsageError(`${a} needs a value`);
      return v;
    };
    switch (a) {
      case '--quick':
        if (sizeGiven !== undefined && sizeGiven !== 'quick') throw new UsageError(`--quick contradicts --size ${sizeGiven}`);
        sizeGiven = 'quick';
        o.size = 'quick';
        break;
      case '--size': {
        const s = value();
        if (!(SIZES as readonly string[]).includes(s)) throw new UsageError(`unknown size "${s}" (valid: ${SIZES.join(', ')})`);
        if (sizeGiven !== undefined && sizeGiven !== s) throw new UsageError(`--size ${s} contradicts --${sizeGiven === 'quick' ? 'quick' : `size ${sizeGiven}`}`);
        sizeGiven = s;
        o.size = s as Size;
        break;
      }
      case '--rows':
        rows = positiveInt(a, value());
        break;
      case '--repeat':
        o.repeat = positiveInt(a, value());
        break;
      case '--memory-runs':
        o.memoryRuns = positiveInt(a, value());
        break;
      case '--time':
        o.time = positiveInt(a, value());
        break;
      case '--no-memory':
        o.memory = false;
        break;
      case '--json':
      case '--md':
      case '--svg':
      case '--html':
        o[a.slice(2) as 'json' | 'md' | 'svg' | 'html'] = resolve(value());
        break;
      case '--progress': {
        const p = value();
        if (p !== 'auto' && p !== 'bar' && p !== 'plain' && p !== 'none') {
          throw new UsageError(`unknown progress mode "${p}" (valid: auto, bar, plain, none)`);
        }
        o.progress = p;
        break;
      }
      case '--list':
        o.list = true;
        break;
      case '--browser':
        if (inline !== undefined && inline !== 'headless') throw new UsageError(`--browser takes no value or =headless, got "${inline}"`);
        o.browser = inline === undefined ? 'serve' : 'headless';
        inline = undefined;
        break;
      case '--chromium':
        o.chromium = resolve(value());
        break;
      case '--port': {
        const port = positiveInt(a, value());
        if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
        o.port = port;
        break;
      }
      case '--screenshot':
        o.screenshot = resolve(value());
        break;
      case '--check':
        o.check = true;
        break;
      case '--mixed':
        o.mixed = true;
        break;
      case '--help':
      case '-h':
        o.help = true;
        break;
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
        if (!suites.includes(a)) {
          throw new UsageError(`unknown suite "${a}" (valid: ${suites.join(', ') || 'none registered'})`);
        }
        if (!o.suites.includes(a)) o.suites.push(a);
    }
    if (
      inline !== undefined &&
      !['--size', '--rows', '--repeat', '--memory-runs', '--time', '--json', '--md', '--svg', '--html', '--progress', '--chromium', '--port', '--screenshot'].includes(a)
    ) {
      throw new UsageError(`${a} takes no value`);
    }
  }
  if (o.browser !== 'headless' && (o.chromium !== undefined || o.screenshot !== undefined)) {
    throw new UsageError(`${o.chromium !== undefined ? '--chromium' : '--screenshot'} needs --browser=headless`);
  }
  if (o.browser === undefined && o.port !== undefined) throw new UsageError('--port needs --browser');
  if (o.browser !== undefined && o.check) throw new UsageError('--check runs in Node only (drop --browser)');
  if (o.browser !== undefined && o.mixed) throw new UsageError('--mixed runs in Node only (drop --browser)');
  // `--rows` alone works like the smallest size that has that many rows: `--rows 1000` is a tiny run (its
  // time budget and memory runs), not a default one on fewer rows.
  if (rows > 0 && sizeGiven === undefined) o.size = SIZES.find((s) => SIZE_ROWS[s] >= rows) ?? 'large';
  o.rows = rows || SIZE_ROWS[o.size];
  o.memoryRuns ||= SIZE_PLANS[o.size].memoryRuns;
  if (o.suites.length === 0) o.suites = [...suites];
  return o;
}

/** Checks every output file given (`--json`, `--md`, `--svg`, `--html`) with {@link checkWritable}. */
export function checkOutputs(o: {
  readonly json?: string | undefined;
  readonly md?: string | undefined;
  readonly svg?: string | undefined;
  readonly html?: string | undefined;
}): void {
  for (const k of ['json', 'md', 'svg', 'html'] as const) {
    const f = o[k];
    if (f !== undefined) checkWritable(`--${k}`, f);
  }
}

/**
 * Throws a plain message if `file` cannot be written (missing directory, not a directory, no permission,
 * or `file` is a directory). Writes nothing: runs before any benchmark so a long run never ends in EACCES.
 */
export function checkWritable(flag: string, file: string): void {
  const dir = dirname(file);
  const fail = (why: string): never => {
    throw new OutputError(`cannot write ${flag} ${file}: ${why}`);
  };
  if (!existsSync(dir)) fail(`directory ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) fail(`${dir} is not a directory`);
  if (existsSync(file)) {
    if (statSync(file).isDirectory()) fail('it is a directory');
    try {
      accessSync(file, constants.W_OK);
    } catch {
      fail('permission denied');
    }
  } else {
    try {
      accessSync(dir, constants.W_OK);
    } catch {
      fail(`directory ${dir} is not writable`);
    }
  }
}
