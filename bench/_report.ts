/**
 * Turns results into reports: the environment, number and ratio formatting, the per-suite speed and
 * memory tables, the summary (one line per capability), the noise assessment, and their renderings as
 * aligned text (terminal), Markdown (`--md`) and HTML tables (`--html`).
 */
import type { MemoryRow, SpeedRow, Suite } from './_harness.js';

/** The machine a report was made on. */
export interface Environment {
  node: string;
  v8: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  arch: string;
  /** 1-minute load average when the run started (0 where the OS has none, e.g. Windows). */
  loadavg: number;
  /**
   * Share of one core the benchmark process got in a ~250 ms busy probe when the run started (0..1; absent
   * for a browser run): below ~0.9, other processes were competing for the CPU right then.
   */
  cpuShare?: number;
  /** ISO date of the run. */
  date: string;
  /**
   * The browser that ran the suites (its user agent), for a report made on the `compactly-bench --browser`
   * page; absent for a Node run. `node` and `v8` then name the browser's engine as far as the page can tell.
   */
  browser?: string;
}

/**
 * One line naming the machine: `Node v20.20.2 (V8 11.3), AMD EPYC, 2 cores, 24 GiB, Linux 6.1 x64`, or for a
 * browser run `Chrome/131.0.0.0 (browser page), 8 cores, 8 GiB, Linux x86_64`.
 */
export function environmentLine(env: Environment): string {
  if (env.browser !== undefined) {
    return `${env.browser} (browser page), ${env.cores} cores, ${env.memoryGiB ? `${env.memoryGiB} GiB` : 'memory size unknown'}, ${env.os} ${env.arch}`.replace(/ $/, '');
  }
  return `Node ${env.node} (V8 ${env.v8}), ${env.cpu}, ${env.cores} cores, ${env.memoryGiB} GiB, ${env.os} ${env.arch}`;
}

/** Everything measured for one suite. */
export interface SuiteReport {
  name: string;
  title: string;
  /** Notes the suite recorded (skipped comparisons, …) and failed memory measurements. */
  notes: string[];
  /** Wall time of the suite (checks, timing and memory children), ms. */
  elapsedMs: number;
  /** The timed window of each task, ms. */
  taskMs: number;
  headline: Suite['headline'];
  speed: SpeedRow[];
  memory: MemoryRow[];
}

/** One line of the summary: a capability's headline speed and memory ratios (null where not measured). */
export interface SummaryRow {
  suite: string;
  title: string;
  speedCase: string | null;
  task: string | null;
  /** The plain-JS baseline task of the headline case. */
  baselineTask: string | null;
  /** task ops/s ÷ baseline ops/s (> 1 is faster). */
  speedRatio: number | null;
  memoryGroup: string | null;
  unit: string | null;
  memoryCase: string | null;
  /** The plain-JS baseline structure of the headline memory group. */
  memoryBaseline: string | null;
  baselineBytesPerItem: number | null;
  bytesPerItem: number | null;
  /** baseline bytes ÷ case bytes (> 1 is smaller). */
  memoryRatio: number | null;
}

/** Whether the figures look trustworthy, and why not. */
export interface Noise {
  noisy: boolean;
  notes: string[];
}

/** Relative margin of error (%) above which a task is flagged as noisy. */
export const NOISY_RME = 10;
/** Spread across `--repeat` rounds (%) above which a task is flagged as noisy. */
export const NOISY_SPREAD = 25;
/** Below this share of a core in the start-up probe, other processes were competing (see Environment.cpuShare). */
export const COMPETED_SHARE = 0.9;

/** Spread across memory runs (%) above which a memory case is flagged. */
export const NOISY_MEMORY_SPREAD = 5;

/** Formats a ratio's number: `3.2`, `12.6`, `6,400`, `0.05`. */
export function ratioNumber(r: number): string {
  if (!Number.isFinite(r)) return '?';
  if (r >= 100) return Math.round(r).toLocaleString('en-US');
  if (r >= 0.1) return r.toFixed(1);
  return r.toPrecision(1);
}

/** A speed ratio (task ops/s ÷ baseline ops/s) as `3.2x faster`, `1.0x` or `1.7x slower` (never a bare `0.6x`). */
export function speedRatioText(r: number): string {
  if (!Number.isFinite(r) || r <= 0) return '?';
  const s = ratioNumber(r);
  if (s === '1.0') return '1.0x';
  return r > 1 ? `${s}x faster` : ratioNumber(1 / r) === '1.0' ? '1.0x' : `${ratioNumber(1 / r)}x slower`;
}

/** A memory ratio (baseline bytes ÷ case bytes) as `4.4x smaller`, `1.0x` or `1.3x larger`. */
export function memoryRatioText(r: number): string {
  if (!Number.isFinite(r) || r <= 0) return '?';
  const s = ratioNumber(r);
  if (s === '1.0') return '1.0x';
  return r > 1 ? `${s}x smaller` : `${ratioNumber(1 / r)}x larger`;
}

/** `3.2x faster` / `1.3x slower` / `baseline` for a speed row. */
export function speedRatio(row: SpeedRow): string {
  return row.baseline ? 'baseline' : speedRatioText(row.ratio);
}

/** `4.4x smaller` / `1.3x larger` / `baseline` for a memory row. */
export function memoryRatio(row: MemoryRow): string {
  return row.baseline ? 'baseline' : memoryRatioText(row.ratio);
}

/** Compact number formatting: `1.23M`, `45.6k`, `789`, `12.3`, `1.23`. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1e6) return `${(x / 1e6).toFixed(2)}M`;
  if (a >= 1e4) return `${(x / 1e3).toFixed(1)}k`;
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

/** A duration given in ms, with a unit that keeps 3 significant digits: `812 ns`, `12.3 µs`, `4.56 ms`, `1.20 s`. */
export function fmtTime(ms: number): string {
  if (!Number.isFinite(ms)) return '?';
  const three = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  if (ms >= 1000) return `${three(ms / 1000)} s`;
  if (ms >= 1) return `${three(ms)} ms`;
  if (ms >= 1e-3) return `${three(ms * 1e3)} µs`;
  return `${three(ms * 1e6)} ns`;
}

/** Bytes per item: two decimals below 1000. */
export function fmtBytes(b: number): string {
  if (!Number.isFinite(b)) return '?';
  return Math.abs(b) >= 1000 ? Math.round(b).toLocaleString('en-US') : b.toFixed(2);
}

/** A table as rows of cells; rendered as aligned text, Markdown or HTML. */
export interface Table {
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Columns aligned right (numbers). */
  readonly right?: readonly number[];
  /**
   * Text columns that may wrap onto continuation lines when the table is wider than the terminal (names of
   * cases and tasks). The other columns (numbers and ratios) never wrap, so no row loses its figures.
   */
  readonly wrap?: readonly number[];
}

/** Width of the terminal report when stdout is not a terminal (CI logs, pipes, files). */
export const REPORT_WIDTH = 100;

/** A wrapped column is never made narrower than this. */
const MIN_WRAP_WIDTH = 8;

/**
 * Breaks `text` into lines of at most `width` characters at spaces (a word longer than a line is cut);
 * continuation lines start with `indent` (counted in the width).
 */
export function wrapText(text: string, width: number, indent = ''): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  const lead = /^ */.exec(text)![0];
  let cur = lead;
  let empty = true;
  const limit = (): number => (lines.length === 0 ? width : Math.max(1, width - indent.length));
  const push = (): void => {
    lines.push((lines.length === 0 ? cur : indent + cur).trimEnd());
    cur = '';
    empty = true;
  };
  for (let word of text.slice(lead.length).split(' ')) {
    if (!empty && cur.length + 1 + word.length <= limit()) {
      cur += ` ${word}`;
      continue;
    }
    if (!empty) push();
    while (cur.length + word.length > limit()) {
      const take = Math.max(1, limit() - cur.length);
      cur += word.slice(0, take);
      word = word.slice(take);
      push();
    }
    cur += word;
    empty = false;
  }
  if (!empty) push();
  return lines;
}

/** The widths that fit `t` into `width`: numbers and ratios keep theirs, headers and wrapped columns give. */
function fitWidths(t: Table, width: number): number[] {
  const cells = (i: number): number => Math.max(0, ...t.rows.map((r) => (r[i] ?? '').length));
  const natural = t.head.map((h, i) => Math.max(h.length, cells(i)));
  const gaps = 2 * (t.head.length - 1);
  const total = (ws: readonly number[]): number => ws.reduce((a, b) => a + b, gaps);
  if (total(natural) <= width) return natural;
  // First let long headers wrap over narrower figures (`bytes/item (baseline → compactly)` over `28.98`).
  const longestWord = (s: string): number => Math.max(...s.split(' ').map((w) => w.length));
  const ws = [...natural];
  const fixed = ws.map((_, i) => i).filter((i) => !t.wrap?.includes(i));
  const least = (i: number): number => Math.max(cells(i), longestWord(t.head[i]!));
  for (const i of fixed.sort((a, b) => natural[b]! - least(b) - (natural[a]! - least(a)))) {
    if (total(ws) <= width) break;
    ws[i] = least(i);
  }
  // Then narrow the widest wrappable column, one character at a time, until the table fits.
  const wrap = (t.wrap ?? []).filter((i) => i < ws.length);
  while (total(ws) > width) {
    let widest = -1;
    for (const i of wrap) if (ws[i]! > MIN_WRAP_WIDTH && (widest < 0 || ws[i]! > ws[widest]!)) widest = i;
    if (widest < 0) break; // as narrow as it goes: the figures still print whole, the line is longer
    ws[widest]!--;
  }
  return ws;
}

/**
 * Aligned plain-text rendering within `width` columns (default: no limit). When the table is wider, long
 * headers and the `wrap` columns continue on indented lines below their row; figures and ratios stay whole
 * on the row's first line.
 */
export function renderText(t: Table, width = Infinity): string {
  const widths = fitWidths(t, width);
  const block = (cells: readonly string[], indent = '  '): string[] => {
    const parts = cells.map((c, i) => (c.length <= widths[i]! ? [c] : wrapText(c, widths[i]!, indent)));
    const height = Math.max(1, ...parts.map((p) => p.length));
    const lines: string[] = [];
    for (let k = 0; k < height; k++) {
      lines.push(
        parts
          .map((p, i) => {
            const c = p[k] ?? '';
            return t.right?.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!);
          })
          .join('  ')
          .trimEnd(),
      );
    }
    return lines;
  };
  return [...block(t.head, ''), widths.map((w) => '-'.repeat(w)).join('  '), ...t.rows.flatMap((r) => block(r))].join('\n');
}

/** GitHub-flavoured Markdown rendering. */
export function renderMarkdown(t: Table): string {
  const sep = t.head.map((_, i) => (t.right?.includes(i) ? '---:' : '---'));
  const line = (cells: readonly string[]): string => `| ${cells.map((c) => c.replace(/\|/g, '\\|') || ' ').join(' | ')} |`;
  return [line(t.head), line(sep), ...t.rows.map(line)].join('\n');
}

/** Escapes text for HTML and SVG. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** HTML `<table>` rendering. */
export function renderHtml(t: Table): string {
  const cell = (tag: string, c: string, i: number): string => `<${tag}${t.right?.includes(i) ? ' class="num"' : ''}>${escapeXml(c)}</${tag}>`;
  return [
    '<table>',
    `<thead><tr>${t.head.map((h, i) => cell('th', h, i)).join('')}</tr></thead>`,
    '<tbody>',
    ...t.rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`),
    '</tbody>',
    '</table>',
  ].join('\n');
}

const flag = (noisy: boolean): string => (noisy ? ' !' : '');

/** The speed table of one suite (the case name is printed on its first row only). */
export function speedTable(rows: readonly SpeedRow[]): Table {
  const repeats = rows.some((r) => r.repeats > 1);
  // `--mixed`: the fresh-process ratio beside the mixed one (the figures above it are the mixed run's).
  const fresh = rows.some((r) => r.freshRatio !== undefined);
  return {
    head: ['case', 'task', 'ops/s', 'median', '± %', ...(fresh ? ['fresh vs baseline', 'mixed vs baseline'] : ['vs baseline']), ...(repeats ? ['spread %'] : [])],
    right: [2, 3, 4, ...(repeats ? [fresh ? 7 : 6] : [])],
    wrap: [0, 1],
    rows: rows.map((r, i) => [
      i > 0 && rows[i - 1]!.case === r.case ? '' : r.case,
      r.reference ? `${r.task} (reference)` : r.task,
      fmt(r.hz),
      fmtTime(r.p50),
      `${r.rme.toFixed(1)}${flag(r.rme > NOISY_RME)}`,
      ...(fresh ? [r.baseline ? 'baseline' : r.freshRatio === undefined ? '' : speedRatioText(r.freshRatio)] : []),
      speedRatio(r),
      ...(repeats ? [`${r.spread.toFixed(0)}${flag(r.spread > NOISY_SPREAD)}`] : []),
    ]),
  };
}

/** The memory table of one suite (the group name is printed on its first row only). */
export function memoryTable(rows: readonly MemoryRow[]): Table {
  const runs = rows.some((r) => r.runs > 1);
  return {
    head: ['stored', 'structure', 'bytes/item', 'total MB', 'vs baseline', ...(runs ? ['runs', 'spread %'] : [])],
    right: runs ? [2, 3, 5, 6] : [2, 3],
    wrap: [0, 1],
    rows: rows.map((r, i) => [
      i > 0 && rows[i - 1]!.group === r.group ? '' : `${r.group} (per ${r.unit})`,
      r.reference ? `${r.case} (reference)` : r.case,
      fmtBytes(r.bytesPerItem),
      (r.bytes / 1e6).toFixed(2),
      memoryRatio(r),
      ...(runs ? [String(r.runs), `${r.spread.toFixed(1)}${flag(r.spread > NOISY_MEMORY_SPREAD)}`] : []),
    ]),
  };
}

/** The headline row of a suite (see {@link Suite.headline}). */
export function summarize(r: SuiteReport): SummaryRow {
  const h = r.headline;
  const inCase = r.speed.filter((s) => s.case === h.speed && !s.baseline);
  const task = h.task !== undefined ? inCase.find((s) => s.task === h.task) : (inCase.find((s) => !s.reference) ?? inCase[0]);
  const group = r.memory.filter((m) => m.group === h.memory);
  const base = group.find((m) => m.baseline);
  const mem = h.memoryCase !== undefined ? group.find((m) => m.case === h.memoryCase) : (group.find((m) => !m.baseline && !m.reference) ?? group.find((m) => !m.baseline));
  const num = (x: number | undefined): number | null => (x === undefined || !Number.isFinite(x) ? null : x);
  return {
    suite: r.name,
    title: r.title,
    speedCase: task ? h.speed : null,
    task: task?.task ?? null,
    baselineTask: task ? (r.speed.find((x) => x.case === h.speed && x.baseline)?.task ?? null) : null,
    speedRatio: num(task?.ratio),
    memoryGroup: mem ? (h.memory ?? null) : null,
    unit: mem?.unit ?? null,
    memoryCase: mem?.case ?? null,
    memoryBaseline: mem ? (base?.case ?? null) : null,
    baselineBytesPerItem: mem ? num(base?.bytesPerItem) : null,
    bytesPerItem: num(mem?.bytesPerItem),
    memoryRatio: num(mem?.ratio),
  };
}

/** `Vector vs number[]` → `Vector`: the capability's name, for the summary and the chart. */
export function shortTitle(title: string): string {
  return title.split(' vs ')[0]!.trim();
}

/** The summary table: one line per capability. */
export function summaryTable(rows: readonly SummaryRow[]): Table {
  return {
    head: ['capability', 'headline speed case', 'speed vs baseline', 'stored', 'bytes/item (baseline → compactly)', 'memory vs baseline'],
    right: [2, 4, 5],
    wrap: [0, 1, 3],
    rows: rows.map((s) => [
      shortTitle(s.title),
      s.speedCase === null ? '-' : `${s.speedCase} › ${s.task ?? '?'}`,
      s.speedRatio === null ? '-' : speedRatioText(s.speedRatio),
      s.memoryGroup === null ? '-' : `${s.memoryGroup} (per ${s.unit ?? 'item'})`,
      s.bytesPerItem === null ? '-' : `${s.baselineBytesPerItem === null ? '?' : fmtBytes(s.baselineBytesPerItem)} → ${fmtBytes(s.bytesPerItem)}`,
      s.memoryRatio === null ? '-' : memoryRatioText(s.memoryRatio),
    ]),
  };
}

/**
 * The summary for the terminal: two lines per capability (its headline speed case, then its headline memory
 * case with bytes per item), so the ratios stay in one narrow column and the names can wrap.
 */
export function summaryTextTable(rows: readonly SummaryRow[]): Table {
  return {
    head: ['capability', 'headline case', 'vs baseline'],
    wrap: [0, 1],
    rows: rows.flatMap((s) => [
      [shortTitle(s.title), s.speedCase === null ? 'speed: -' : `speed: ${s.speedCase} › ${s.task ?? '?'}`, s.speedRatio === null ? '-' : speedRatioText(s.speedRatio)],
      [
        '',
        s.memoryGroup === null
          ? 'memory: -'
          : `memory: ${s.memoryGroup} (per ${s.unit ?? 'item'}), ${s.baselineBytesPerItem === null ? '?' : fmtBytes(s.baselineBytesPerItem)} → ${s.bytesPerItem === null ? '?' : fmtBytes(s.bytesPerItem)} bytes`,
        s.memoryRatio === null ? '-' : memoryRatioText(s.memoryRatio),
      ],
    ]),
  };
}

/** What the ratios and the marks in the tables mean: an opening sentence and one line per mark. */
export const LEGEND: { readonly intro: string; readonly marks: readonly (readonly [string, string])[] } = {
  intro: '"vs baseline" compares each row with the first row of its case, the plain-JS way',
  marks: [
    ['!', `noisy: margin of error over ±${NOISY_RME}%, or spread over ${NOISY_SPREAD}% (memory: ${NOISY_MEMORY_SPREAD}%) across runs`],
    ['(reference)', 'a point of comparison, not compactly: another library or a hand-written loop'],
    ['(limit)', 'a raw TypedArray with no checks: the fastest or smallest possible'],
  ],
};

/** The legend for the terminal: four short lines (each under 100 columns) printed before the first table. */
export function legendLines(): string[] {
  return [`legend: ${LEGEND.intro}`, ...LEGEND.marks.map(([m, text]) => `  ${m.padEnd(11)}  ${text}`)];
}

/** The legend for Markdown: a sentence and a list. */
export function legendMarkdown(): string {
  return [`Legend: ${LEGEND.intro}.`, '', ...LEGEND.marks.map(([m, text]) => `- \`${m}\` ${text}`)].join('\n');
}

/** Looks for signs that the machine was busy: high margins of error, wide spread, a high load average. */
export function assessNoise(suites: readonly SuiteReport[], env: Environment, repeat: number): Noise {
  const notes: string[] = [];
  const speed = suites.flatMap((s) => s.speed);
  const worst = <T>(xs: readonly T[], key: (x: T) => number): T | undefined => xs.reduce<T | undefined>((b, x) => (b === undefined || key(x) > key(b) ? x : b), undefined);
  const name = (r: SpeedRow): string => `${r.suite} / ${r.case} / ${r.task}`;
  const highRme = speed.filter((r) => r.rme > NOISY_RME);
  if (highRme.length) {
    const w = worst(highRme, (r) => r.rme)!;
    notes.push(`${highRme.length} of ${speed.length} timed tasks have a margin of error above ±${NOISY_RME}% (worst: ${name(w)} ±${w.rme.toFixed(1)}%).`);
  }
  const wide = speed.filter((r) => r.spread > NOISY_SPREAD);
  if (wide.length) {
    const w = worst(wide, (r) => r.spread)!;
    notes.push(`${wide.length} of ${speed.length} tasks varied by more than ${NOISY_SPREAD}% between the ${repeat} rounds (worst: ${name(w)} ${w.spread.toFixed(0)}%).`);
  }
  const mem = suites.flatMap((s) => s.memory).filter((m) => m.spread > NOISY_MEMORY_SPREAD);
  if (mem.length) {
    notes.push(`${mem.length} memory cases varied by more than ${NOISY_MEMORY_SPREAD}% between their child runs.`);
  }
  const busy = env.loadavg > env.cores * 0.7;
  const share = env.cpuShare;
  if (share !== undefined && share < COMPETED_SHARE) {
    notes.push(
      `Other processes were competing for the CPU when the run started: a busy probe got ${Math.round(share * 100)}% of a core (load average ${env.loadavg} on ${env.cores} cores).`,
    );
  } else if (busy && share === undefined) {
    notes.push(`The load average was ${env.loadavg} on ${env.cores} cores when the run started: other processes may have been competing for the CPU.`);
  }
  const noisy = notes.length > 0;
  if (noisy && busy && share !== undefined && share >= COMPETED_SHARE) {
    // Not blamed on others: the probe had the core to itself; the average still holds work that had ended.
    notes.push(
      `The load average was ${env.loadavg} on ${env.cores} cores, but a busy probe at the start got ${Math.round(share * 100)}% of a core: that load was recent work that had already ended (the 1-minute average still counts it, e.g. a test run just before), not competition.`,
    );
  }
  if (noisy) {
    notes.push(
      repeat > 1
        ? 'Treat ratios between fast kernels (under ~2 ms) as ±40%; run on an idle machine for tighter figures.'
        : 'Ratios from one round can move by ±40% on a busy machine: re-run with --repeat 3 (or more) on an idle machine and compare.',
    );
  }
  return { noisy, notes };
}
