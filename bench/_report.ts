/**
 * Formats results: plain-text tables for the terminal, Markdown for `--md`, and the environment line.
 */
import os from 'node:os';
import type { MemoryRow, SpeedRow } from './_harness.js';

/** The machine a report was made on. */
export interface Environment {
  node: string;
  v8: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  arch: string;
  date: string;
}

/** Reads the environment of this process. */
export function environment(): Environment {
  const cpus = os.cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    arch: process.arch,
    date: new Date().toISOString(),
  };
}

/** `3.2x faster` / `0.8x` / `baseline`. */
export function speedRatio(row: SpeedRow): string {
  if (row.baseline) return 'baseline';
  return row.ratio >= 1 ? `${fmt(row.ratio)}x faster` : `${fmt(row.ratio)}x`;
}

/** `4.3x smaller` / `0.9x` / `baseline`. */
export function memoryRatio(row: MemoryRow): string {
  if (row.baseline) return 'baseline';
  return row.ratio >= 1 ? `${fmt(row.ratio)}x smaller` : `${fmt(row.ratio)}x`;
}

/** Compact number formatting for tables. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1e6) return `${(x / 1e6).toFixed(2)}M`;
  if (a >= 1e4) return `${(x / 1e3).toFixed(1)}k`;
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

/** A table as rows of cells; rendered as aligned text or Markdown. */
export interface Table {
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Columns aligned right (numbers). */
  readonly right?: readonly number[];
}

/** Aligned plain-text rendering. */
export function renderText(t: Table): string {
  const widths = t.head.map((h, i) => Math.max(h.length, ...t.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (t.right?.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(t.head), widths.map((w) => '-'.repeat(w)).join('  '), ...t.rows.map(line)].join('\n');
}

/** GitHub-flavoured Markdown rendering. */
export function renderMarkdown(t: Table): string {
  const sep = t.head.map((_, i) => (t.right?.includes(i) ? '---:' : '---'));
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(t.head), line(sep), ...t.rows.map(line)].join('\n');
}

/** The speed table of one suite. */
export function speedTable(rows: readonly SpeedRow[]): Table {
  return {
    head: ['case', 'task', 'ops/s', 'median ms', '± %', 'vs baseline'],
    right: [2, 3, 4],
    rows: rows.map((r) => [r.case, r.task, fmt(r.hz), r.p50.toFixed(3), r.rme.toFixed(1), speedRatio(r)]),
  };
}

/** The memory table of one suite. */
export function memoryTable(rows: readonly MemoryRow[]): Table {
  return {
    head: ['stored', 'structure', 'bytes/item', 'total MB', 'vs baseline'],
    right: [2, 3],
    rows: rows.map((r) => [
      `${r.group} (per ${r.unit})`,
      r.case,
      r.bytesPerItem.toFixed(2),
      (r.bytes / 1e6).toFixed(2),
      memoryRatio(r),
    ]),
  };
}
