/**
 * `compactly-bench`: runs the benchmark suites and prints one table per suite, then a summary.
 *
 *   compactly-bench [suite ...] [--quick | --size quick|default|large|tiny] [--rows N]
 *                   [--json FILE] [--md FILE] [--time MS] [--no-memory] [--list]
 */
import { accessSync, constants, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIZE_ROWS, type MemoryRow, type Size, type SpeedRow, type Suite, type SuiteContext } from './_harness.js';
import { runChild } from './_memory.js';
import { environment, fmt, memoryTable, renderMarkdown, renderText, speedTable, type Table } from './_report.js';
import { runMemory, runSpeed } from './_run.js';
import { SUITES } from './suites.js';

const SCRIPT = fileURLToPath(import.meta.url);
const SIZES: readonly Size[] = ['tiny', 'quick', 'default', 'large'];
const TIME_MS: Readonly<Record<Size, number>> = { tiny: 10, quick: 120, default: 600, large: 1500 };

interface Options {
  suites: string[];
  size: Size;
  rows: number;
  json?: string;
  md?: string;
  time: number;
  memory: boolean;
  list: boolean;
}

class UsageError extends Error {}

function usage(): string {
  return [
    'usage: compactly-bench [suite ...] [options]',
    '',
    `suites:   ${Object.keys(SUITES).join(', ') || '(none registered)'}  (default: all)`,
    'options:',
    '  --quick               same as --size quick (about a minute on 2 cores)',
    `  --size S              one of ${SIZES.join(', ')} (rows: ${SIZES.map((s) => `${s} ${SIZE_ROWS[s]}`).join(', ')})`,
    '  --rows N              rows per case (a positive integer), overrides --size',
    '  --json FILE           write the results as JSON (schema "compactly-bench/1")',
    '  --md FILE             write the tables as Markdown',
    '  --time MS             time budget per task in ms',
    '  --no-memory           skip the memory measurements',
    '  --list                list the suites and exit',
  ].join('\n');
}

function positiveInt(flag: string, v: string | undefined): number {
  const n = Number(v);
  if (v === undefined || !Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive integer, got ${v ?? 'nothing'}`);
  return n;
}

function parse(argv: readonly string[]): Options {
  const o: Options = { suites: [], size: 'default', rows: 0, time: 0, memory: true, list: false };
  let rows = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--quick') o.size = 'quick';
    else if (a === '--size') {
      const s = value();
      if (!(SIZES as readonly string[]).includes(s)) throw new UsageError(`unknown size "${s}" (valid: ${SIZES.join(', ')})`);
      o.size = s as Size;
    } else if (a === '--rows') rows = positiveInt(a, value());
    else if (a === '--json') o.json = resolve(value());
    else if (a === '--md') o.md = resolve(value());
    else if (a === '--time') o.time = positiveInt(a, value());
    else if (a === '--no-memory') o.memory = false;
    else if (a === '--list') o.list = true;
    else if (a === '--help' || a === '-h') throw new UsageError('');
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (!(a in SUITES)) throw new UsageError(`unknown suite "${a}" (valid: ${Object.keys(SUITES).join(', ')})`);
    else o.suites.push(a);
  }
  o.rows = rows || SIZE_ROWS[o.size];
  o.time ||= TIME_MS[o.size];
  if (o.suites.length === 0) o.suites = Object.keys(SUITES);
  return o;
}

function checkWritable(file: string | undefined): void {
  if (file === undefined) return;
  try {
    accessSync(dirname(file), constants.W_OK);
    writeFileSync(file, '', { flag: 'a' });
  } catch (e) {
    throw new Error(`cannot write ${file}: ${(e as Error).message}`);
  }
}

function context(o: Options, notes: string[]): SuiteContext {
  return {
    rows: o.rows,
    size: o.size,
    note: (t) => notes.push(t),
    optional: async <T>(pkg: string): Promise<T | undefined> => {
      try {
        return (await import(pkg)) as T;
      } catch {
        return undefined;
      }
    },
  };
}

interface SuiteReport {
  name: string;
  title: string;
  notes: string[];
  speed: SpeedRow[];
  memory: MemoryRow[];
  headline: Suite['headline'];
}

function summary(reports: readonly SuiteReport[]): Table {
  return {
    head: ['capability', 'headline case', 'best speed vs baseline', 'headline memory', 'bytes/item', 'memory vs baseline'],
    right: [2, 4, 5],
    rows: reports.map((r) => {
      const speed = r.speed.filter((s) => s.case === r.headline.speed && !s.baseline);
      const best = speed.reduce<SpeedRow | undefined>((b, s) => (b === undefined || s.ratio > b.ratio ? s : b), undefined);
      const mem = r.memory.filter((m) => m.group === r.headline.memory && !m.baseline);
      const bestMem = mem.reduce<MemoryRow | undefined>((b, m) => (b === undefined || m.ratio > b.ratio ? m : b), undefined);
      return [
        r.title,
        r.headline.speed,
        best ? `${fmt(best.ratio)}x (${best.task})` : '-',
        r.headline.memory ?? '-',
        bestMem ? bestMem.bytesPerItem.toFixed(2) : '-',
        bestMem ? `${fmt(bestMem.ratio)}x smaller` : '-',
      ];
    }),
  };
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === '--child') {
    const [, suiteName, group, name, , rows] = argv;
    const load = SUITES[suiteName ?? ''];
    if (!load || group === undefined || name === undefined) throw new Error(`bad child arguments ${argv.join(' ')}`);
    const o: Options = { suites: [], size: 'default', rows: Number(rows), time: 0, memory: true, list: false };
    await runChild(await load(), context(o, []), group, name);
    return 0;
  }
  let o: Options;
  try {
    o = parse(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message ? `compactly-bench: ${e.message}\n\n` : ''}${usage()}\n`);
    return e.message ? 2 : 0;
  }
  if (o.list) {
    process.stdout.write(`${Object.keys(SUITES).join('\n')}\n`);
    return 0;
  }
  checkWritable(o.json);
  checkWritable(o.md);
  const env = environment();
  const envLine = `Node ${env.node} (V8 ${env.v8}), ${env.cpu}, ${env.cores} cores, ${env.memoryGiB} GiB, ${env.os} ${env.arch}`;
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const progress = (s: string) => process.stderr.write(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}\n`);
  const t0 = Date.now();
  out(`compactly-bench: ${o.suites.join(', ')} at ${o.rows} rows (${o.size}), ${o.time} ms per task`);
  out(envLine);
  const reports: SuiteReport[] = [];
  const md: string[] = [`# compactly benchmark report`, '', `${envLine}, ${env.date}`, '', `Rows per case: ${o.rows} (${o.size}).`, ''];
  for (const name of o.suites) {
    const suite = await SUITES[name]!();
    const notes: string[] = [];
    const ctx = context(o, notes);
    const runOpts = { time: o.time, warmupTime: Math.max(5, o.time / 4), script: SCRIPT, progress };
    const speed = await runSpeed(suite, ctx, runOpts);
    const memory = o.memory ? await runMemory(suite, ctx, runOpts) : [];
    reports.push({ name: suite.name, title: suite.title, notes, speed, memory, headline: suite.headline });
    out(`\n## ${suite.title}\n`);
    out(renderText(speedTable(speed)));
    if (memory.length) out(`\n${renderText(memoryTable(memory))}`);
    for (const n of notes) out(`note: ${n}`);
    md.push(`## ${suite.title}`, '', renderMarkdown(speedTable(speed)), '');
    if (memory.length) md.push(renderMarkdown(memoryTable(memory)), '');
    for (const n of notes) md.push(`> ${n}`, '');
  }
  const sum = summary(reports);
  out(`\n## Summary\n`);
  out(renderText(sum));
  md.push('## Summary', '', renderMarkdown(sum), '');
  if (o.md) writeFileSync(o.md, md.join('\n'));
  if (o.json) {
    const json = { schema: 'compactly-bench/1', environment: env, options: { size: o.size, rows: o.rows, timeMs: o.time }, suites: reports };
    writeFileSync(o.json, `${JSON.stringify(json, null, 2)}\n`);
  }
  progress(`finished${o.json ? `; wrote ${o.json}` : ''}${o.md ? `; wrote ${o.md}` : ''}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`compactly-bench: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
