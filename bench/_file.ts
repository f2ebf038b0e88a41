/**
 * File mode: `compactly-bench <file>` answers "what would compactly save on *my* file?". It loads the file in
 * fresh child processes (bench/_file-child.ts) as plain objects, as a compactly store with the inferred
 * schema, after `downcast()`, and (with apache-arrow installed) as an Arrow table; then prints each way's load
 * time, bytes per row held, peak RSS, a scan and a groupBy, the schemas to paste, and a per-column memory
 * table (pandas' `memory_usage(deep=True)`, before and after downcasting). Rendering is bench/_file-report.ts.
 */
import { spawn } from 'node:child_process';
import { accessSync, closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { checkOutputs, OutputError, UsageError } from './_options.js';
import { childArgs, OBJECTS_HEAP_ENV, STREAM_BYTES_ENV, WAYS, type FileChildOptions, type FileChildResult, type FileFormat, type Way } from './_file-child.js';
import type { Io } from './_main.js';
import { environment } from './_environment.js';
import { FILE_SCHEMA, renderFileReport, writeFileOutputs, type FileReport, type WayOutcome } from './_file-report.js';

const RUN_ORDER: readonly Way[] = ['compactly', 'downcast', 'objects', 'arrow'];

/** Options that take a value (so a value that happens to be a file is not taken for the data file). */
const VALUED = new Set([
  '--size',
  '--rows',
  '--repeat',
  '--memory-runs',
  '--time',
  '--json',
  '--md',
  '--svg',
  '--html',
  '--progress',
  '--chromium',
  '--port',
  '--screenshot',
  '--columns',
]);

/**
 * The data file named on the command line, if any: an argument that is not an option, an option's value or a
 * suite name, and is an existing path (or looks like one: it has a `/`, `\` or a file extension).
 */
export function fileArgument(argv: readonly string[], suites: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      if (VALUED.has(a)) i++;
      continue;
    }
    if (suites.includes(a)) continue;
    if (exists(a) || /[/\\]|\.[A-Za-z0-9]{1,8}$/.test(a)) return a;
  }
  return undefined;
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** File-mode options. */
export interface FileOptions {
  readonly file: string;
  readonly rows: number;
  readonly columns: readonly string[];
  readonly json?: string | undefined;
  readonly md?: string | undefined;
  readonly svg?: string | undefined;
  readonly html?: string | undefined;
  readonly progress: boolean;
}

/** Parses the command line of file mode (UsageError on a bad one). */
export function parseFileArgs(argv: readonly string[], file: string): FileOptions {
  let rows = 0;
  let columns: string[] = [];
  const out: { json?: string; md?: string; svg?: string; html?: string } = {};
  let progress = true;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === file) continue;
    if (a === '--rows') {
      const v = value();
      rows = Number(v);
      if (!Number.isInteger(rows) || rows < 1) throw new UsageError(`--rows must be a positive integer, got ${JSON.stringify(v)}`);
    } else if (a === '--columns') {
      columns = value()
        .split(',')
        .map((c) => c.trim())
        .filter((c) => c !== '');
      if (columns.length === 0) throw new UsageError('--columns needs at least one column name');
    } else if (a === '--json' || a === '--md' || a === '--svg' || a === '--html') out[a.slice(2) as 'json'] = value();
    else if (a === '--progress') progress = value() !== 'none';
    else if (a === '--quick' || a === '--no-memory') continue;
    else throw new UsageError(`${a} is not an option of file mode (compactly-bench <file> [--rows N] [--columns a,b] [--json/--md/--svg/--html FILE] [--progress none])`);
  }
  return { file, rows, columns, ...out, progress };
}

/**
 * What the file holds, by its first bytes: Parquet (`PAR1`), Arrow IPC (the file format's `ARROW1`, or a
 * stream's first message: the continuation marker `FF FF FF FF`, which no UTF-8 text starts with), else CSV.
 */
export function formatOf(head: Uint8Array): FileFormat {
  const text = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 6)).toString('latin1');
  if (text.startsWith('PAR1')) return 'parquet';
  if (text === 'ARROW1' || (head.length >= 8 && head[0] === 0xff && head[1] === 0xff && head[2] === 0xff && head[3] === 0xff)) return 'arrow';
  return 'csv';
}

/** {@link formatOf} of the file at `path`. */
export function fileFormat(path: string): FileFormat {
  const head = Buffer.alloc(8);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, head, 0, 8, 0);
  } finally {
    closeSync(fd);
  }
  return formatOf(head.subarray(0, n));
}

/** A one-line reason the file cannot be benchmarked, or undefined when it looks like CSV, Parquet or Arrow IPC. */
export function checkFile(path: string): string | undefined {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) return `${path} is not a file`;
    size = st.size;
    accessSync(path, constants.R_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `${path}: no such file` : code === 'EACCES' ? `${path}: permission denied` : `${path}: cannot read it (${code ?? String(e)})`;
  }
  if (size === 0) return `${path} is empty: nothing to load`;
  const head = Buffer.alloc(Math.min(size, 65_536));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (formatOf(head) !== 'csv') return undefined;
  if (head.includes(0)) return `${path} looks binary (a NUL byte in its first ${head.length.toLocaleString('en-US')} bytes), not CSV`;
  // Invalid UTF-8 in the head (a sequence cut at the end of the sample is fine).
  let end = head.length;
  if (end < size) while (end > 0 && end > head.length - 4 && (head[end - 1]! & 0xc0) === 0x80) end--;
  if (end < size && end > 0 && head[end - 1]! >= 0xc0) end--;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
  } catch {
    return `${path} is not UTF-8 text (its first ${head.length.toLocaleString('en-US')} bytes do not decode), not CSV`;
  }
  return undefined;
}

interface ChildRun {
  result?: FileChildResult;
  code: number | null;
  signal: string | null;
  lastProgress: number;
  stderr: string;
}

function runChild(script: string, o: FileChildOptions, onProgress: (rows: number) => void): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const cap = process.env[OBJECTS_HEAP_ENV];
    const heap = cap !== undefined && (o.way === 'objects' || o.way === 'arrow') ? [`--max-old-space-size=${Number(cap)}`] : [];
    const child = spawn(process.execPath, [...process.execArgv, ...heap, '--expose-gc', '--no-flush-bytecode', script, '--file-child', ...childArgs(o)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let lastProgress = 0;
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n')) {
        const m = /^progress (\d+)$/.exec(line);
        if (m) {
          lastProgress = Number(m[1]);
          onProgress(lastProgress);
        } else if (line !== '') err += `${line}\n`;
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const line = out.trim().split('\n').pop() ?? '';
      const run: ChildRun = { code, signal, lastProgress, stderr: err.trim() };
      if (code === 0 && line.startsWith('{')) run.result = JSON.parse(line) as FileChildResult;
      resolve(run);
    });
  });
}

/** The message a failed child left: the last `Error:` line of its stderr (the reader's CsvError), else its tail. */
export function childMessage(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  const err = lines.filter((l) => /^\w*(Error|Exception)\b.*:/.test(l.trim()) || /^compactly-bench:/.test(l)).pop();
  if (/heap out of memory|Allocation failed/i.test(stderr)) return 'ran out of memory (JavaScript heap)';
  return (err ?? lines.pop() ?? 'no output').trim().replace(/^compactly-bench: /, '');
}

async function hasPackage(pkg: string): Promise<boolean> {
  try {
    await import(pkg);
    return true;
  } catch {
    return false;
  }
}

/** Runs file mode; returns the exit code (0 done, 2 a file or command line it cannot use). */
export async function fileMain(argv: readonly string[], file: string, script: string, io: Io): Promise<number> {
  let o: FileOptions;
  try {
    o = parseFileArgs(argv, file);
    checkOutputs(o);
  } catch (e) {
    if (e instanceof UsageError || e instanceof OutputError) {
      io.stderr.write(`compactly-bench: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const bad = checkFile(file);
  if (bad !== undefined) {
    io.stderr.write(`compactly-bench: ${bad}\n`);
    return 2;
  }
  const t0 = Date.now();
  const size = statSync(file).size;
  const limit = process.env[STREAM_BYTES_ENV];
  const streamed = size > (limit === undefined ? totalmem() / 2 : Number(limit));
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  const say = (s: string): void => {
    if (o.progress) io.stderr.write(s);
  };
  const format = fileFormat(file);
  const arrow = await hasPackage('apache-arrow');
  if (format === 'arrow' && !arrow) {
    io.stderr.write(`compactly-bench: ${file} is an Arrow IPC file: reading it needs apache-arrow (npm install apache-arrow; compactly/arrow's optional peer)\n`);
    return 2;
  }
  const outcomes: WayOutcome[] = [];
  let picked = { key: '', value: '' };
  // compactly first: it picks the columns the other ways scan and group by.
  for (const way of RUN_ORDER) {
    if (way === 'arrow' && (!arrow || format === 'parquet')) {
      outcomes.push({ way, skipped: format === 'parquet' ? 'apache-arrow reads no Parquet' : 'apache-arrow is not installed (optional: npm install apache-arrow)' });
      continue;
    }
    const started = Date.now();
    say(tty ? `\r\x1b[2K${way}: loading…` : `${way}: loading…\n`);
    const run = await runChild(
      script,
      { way, path: file, rows: o.rows, columns: o.columns, key: picked.key, value: picked.value, streamed: streamed && way !== 'objects' && way !== 'arrow', format },
      (rows) => {
        if (tty) say(`\r\x1b[2K${way}: ${rows.toLocaleString('en-US')} rows, ${((Date.now() - started) / 1000).toFixed(0)} s`);
      },
    );
    if (tty) say('\r\x1b[2K');
    if (run.result === undefined) {
      const oom = /heap out of memory|Allocation failed/i.test(run.stderr);
      const why = run.signal !== null && !oom ? `killed by ${run.signal}` : childMessage(run.stderr);
      if (way === 'compactly') {
        // The reader's own message (a CsvError names line, column, value and the schema to pass).
        io.stderr.write(`compactly-bench: ${file}: ${why}\n`);
        return 2;
      }
      outcomes.push({ way, stopped: `${why}${run.lastProgress ? ` after ${run.lastProgress.toLocaleString('en-US')} rows` : ''}` });
      continue;
    }
    if (way === 'compactly') picked = { key: run.result.key, value: run.result.value };
    outcomes.push({ way, result: run.result });
  }
  outcomes.sort((a, b) => WAYS.indexOf(a.way) - WAYS.indexOf(b.way));
  const report: FileReport = {
    schema: FILE_SCHEMA,
    file,
    format,
    fileBytes: size,
    environment: environment(),
    options: { rows: o.rows, columns: o.columns },
    key: picked.key,
    value: picked.value,
    ways: outcomes,
    elapsedMs: Date.now() - t0,
  };
  io.stdout.write(`${renderFileReport(report, 'text')}\n`);
  writeFileOutputs(report, o, io);
  return 0;
}

export type { Way };
