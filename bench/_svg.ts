/**
 * The chart (`--svg FILE`): a small, dependency-free SVG writer. Top: one row per capability with its
 * headline memory (bytes per item, baseline vs compactly) and speedup (log scale around 1x). Below: every
 * speed task and every memory case, so nothing is hidden behind the headline.
 *
 * Why not a library: the CLI ships as one self-contained file with zero runtime dependencies. Vega renders
 * SVG without a browser but pulls in ~30 packages; Observable Plot and Chartist need a DOM (jsdom).
 * Horizontal bars and a log axis are ~200 lines of string building.
 */
import type { MemoryRow, SpeedRow } from './_harness.js';
import { environmentLine, escapeXml, fmtBytes, memoryRatioText, shortTitle, speedRatioText } from './_report.js';
import { memoryMethod, type BenchReport } from './_schema.js';

const WIDTH = 980;
const FONT = "font-family='Helvetica, Arial, sans-serif'";
const GREY = '#9aa3ad';
const INK = '#1f2933';
const MUTED = '#5f6b7a';
const FASTER = '#2f855a';
const SLOWER = '#c05621';
const COMPACT = '#2b6cb0';
const REFERENCE = '#b7c4d1';

/** Text element; `s` is escaped. */
function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x='${r(x)}' y='${r(y)}' ${attrs}>${escapeXml(s)}</text>`;
}

function rect(x: number, y: number, w: number, h: number, fill: string): string {
  return `<rect x='${r(x)}' y='${r(y)}' width='${r(Math.max(0, w))}' height='${r(h)}' fill='${fill}' rx='2'/>`;
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string, extra = ''): string {
  return `<line x1='${r(x1)}' y1='${r(y1)}' x2='${r(x2)}' y2='${r(y2)}' stroke='${stroke}' ${extra}/>`;
}

const r = (x: number): string => (Math.round(x * 10) / 10).toString();

/** Shortens `s` to about `max` characters. */
function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** A log-scale axis from `lo` to `hi` (powers of ten) mapped onto [x0, x1]. */
export function logScale(ratios: readonly number[], x0: number, x1: number): { at: (v: number) => number; ticks: number[] } {
  const finite = ratios.filter((v) => Number.isFinite(v) && v > 0);
  const lo = 10 ** Math.floor(Math.log10(Math.min(0.5, ...finite)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(2, ...finite)));
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  const ticks: number[] = [];
  for (let e = a; e <= b + 1e-9; e++) ticks.push(10 ** e);
  return { at: (v) => x0 + ((Math.log10(Math.min(hi, Math.max(lo, v))) - a) / (b - a)) * (x1 - x0), ticks };
}

function tickLabel(v: number): string {
  return v >= 1 ? `${v.toLocaleString('en-US')}x` : `${v}x`;
}

/** Axis ticks and the 1x line of a log-scale speed panel between y0 and y1. */
function speedAxis(scale: ReturnType<typeof logScale>, y0: number, y1: number): string[] {
  const out: string[] = [];
  const t = scale.ticks;
  // Label every decade if there is room (about 48 px per label), else every other one (1x always).
  const room = t.length > 1 ? Math.abs(scale.at(t[1]!) - scale.at(t[0]!)) : Infinity;
  const every = room >= 48 ? 1 : 2;
  const one = t.indexOf(1);
  t.forEach((v, i) => {
    const x = scale.at(v);
    out.push(line(x, y0, x, y1, v === 1 ? INK : '#e2e8f0', v === 1 ? "stroke-width='1.5'" : ''));
    if ((i - one) % every === 0) out.push(text(x, y1 + 14, tickLabel(v), `${FONT} font-size='11' fill='${MUTED}' text-anchor='middle'`));
  });
  return out;
}

/** One speed bar from 1x to `ratio`, with its label. */
function speedBar(scale: ReturnType<typeof logScale>, y: number, h: number, ratio: number, color: string | undefined): string[] {
  if (!Number.isFinite(ratio) || ratio <= 0) return [text(scale.at(1) + 6, y + h - 2, 'not measured', `${FONT} font-size='11' fill='${MUTED}'`)];
  const x1 = scale.at(1);
  const x = scale.at(ratio);
  const fill = color ?? (ratio >= 1 ? FASTER : SLOWER);
  const label = speedRatioText(ratio);
  const out = [rect(Math.min(x, x1), y, Math.abs(x - x1), h, fill)];
  out.push(
    ratio >= 1
      ? text(x + 5, y + h - 2, label, `${FONT} font-size='12' font-weight='bold' fill='${fill}'`)
      : text(x - 5, y + h - 2, label, `${FONT} font-size='12' font-weight='bold' fill='${fill}' text-anchor='end'`),
  );
  return out;
}

/** Baseline bar above, compactly's below, on the row's own scale (the larger of the two is full width). */
function memoryBars(x0: number, width: number, y: number, base: number | null, mine: number | null, ratio: number | null, unit: string): string[] {
  if (base === null || mine === null) return [text(x0, y + 16, 'not measured', `${FONT} font-size='11' fill='${MUTED}'`)];
  const max = Math.max(base, mine, 1e-9);
  const wb = (Math.max(0, base) / max) * width;
  const wm = (Math.max(0, mine) / max) * width;
  return [
    rect(x0, y, wb, 11, GREY),
    text(x0 + wb + 5, y + 10, `${fmtBytes(base)} B`, `${FONT} font-size='11' fill='${MUTED}'`),
    rect(x0, y + 14, wm, 11, COMPACT),
    text(x0 + wm + 5, y + 24, `${fmtBytes(mine)} B/${unit}${ratio === null ? '' : ` · ${memoryRatioText(ratio)}`}`, `${FONT} font-size='12' font-weight='bold' fill='${COMPACT}'`),
  ];
}

/** Renders the whole chart as a standalone SVG document. */
export function renderSvg(report: BenchReport): string {
  const parts: string[] = [];
  let y = 34;
  parts.push(text(24, y, 'compactly vs plain JavaScript', `${FONT} font-size='22' font-weight='bold' fill='${INK}'`));
  y += 22;
  const o = report.options;
  parts.push(
    text(
      24,
      y,
      `${o.rows.toLocaleString('en-US')} rows per case · ${environmentLine(report.environment)} · ${report.environment.date.slice(0, 10)}`,
      `${FONT} font-size='12' fill='${MUTED}'`,
    ),
  );
  y += 18;
  parts.push(
    text(
      24,
      y,
      `compactly ${report.compactly} · ${o.repeat} round${o.repeat > 1 ? 's' : ''} per task · memory: ${memoryMethod(report)}${report.noise.noisy ? ' · the machine looked noisy (see the report)' : ''}`,
      `${FONT} font-size='12' fill='${report.noise.noisy ? SLOWER : MUTED}'`,
    ),
  );

  // Headline panel: one row per capability.
  const labelW = 250;
  const memX = 24 + labelW;
  const memW = 250;
  const spX0 = memX + memW + 150;
  const spX1 = WIDTH - 120;
  y += 34;
  parts.push(text(24, y, 'Headline per capability', `${FONT} font-size='15' font-weight='bold' fill='${INK}'`));
  parts.push(text(memX, y, 'Memory per item (shorter is better)', `${FONT} font-size='12' font-weight='bold' fill='${INK}'`));
  parts.push(text(spX0 - 60, y, 'Speed vs plain JS (log scale)', `${FONT} font-size='12' font-weight='bold' fill='${INK}'`));
  y += 8;
  parts.push(rect(memX, y, 10, 10, GREY), text(memX + 14, y + 9, 'plain JS baseline', `${FONT} font-size='11' fill='${MUTED}'`));
  parts.push(rect(memX + 120, y, 10, 10, COMPACT), text(memX + 134, y + 9, 'compactly', `${FONT} font-size='11' fill='${MUTED}'`));
  y += 18;
  const rowH = 44;
  const sum = report.summary;
  const headScale = logScale(
    sum.map((s) => s.speedRatio ?? NaN),
    spX0,
    spX1,
  );
  const top = y;
  const axis = speedAxis(headScale, top - 4, top + Math.max(1, sum.length) * rowH);
  parts.push(...axis);
  for (const s of sum) {
    // "Vector vs number[]" → "Vector"; the baseline is named by the grey bar and the case line below.
    parts.push(text(24, y + 14, clip(shortTitle(s.title), 30), `${FONT} font-size='13' font-weight='bold' fill='${INK}'`));
    if (s.speedCase) parts.push(text(24, y + 30, clip(`${s.speedCase} › ${s.task ?? ''}`, 42), `${FONT} font-size='10.5' fill='${MUTED}'`));
    parts.push(...memoryBars(memX, memW - 40, y + 4, s.baselineBytesPerItem, s.bytesPerItem, s.memoryRatio, s.unit ?? 'item'));
    parts.push(...speedBar(headScale, y + 9, 16, s.speedRatio ?? NaN, undefined));
    y += rowH;
  }
  if (sum.length === 0) {
    parts.push(text(24, y + 16, 'no suites were run', `${FONT} font-size='12' fill='${MUTED}'`));
    y += rowH;
  }
  y += 22;

  // Every speed task.
  const tasks: SpeedRow[] = report.suites.flatMap((s) => s.speed.filter((t) => !t.baseline));
  if (tasks.length) {
    y += 16;
    parts.push(
      text(
        24,
        y,
        'Every speed case: each task vs its plain-JS baseline (log scale; pale = reference point, not compactly)',
        `${FONT} font-size='15' font-weight='bold' fill='${INK}'`,
      ),
    );
    y += 14;
    const x0 = 24 + 470;
    const scale = logScale(
      tasks.map((t) => t.ratio),
      x0,
      WIDTH - 110,
    );
    const h = 20;
    const start = y;
    let suite = '';
    const rows: string[] = [];
    for (const t of tasks) {
      if (t.suite !== suite) {
        suite = t.suite;
        rows.push(text(24, y + 14, report.suites.find((s) => s.name === suite)?.title ?? suite, `${FONT} font-size='12' font-weight='bold' fill='${INK}'`));
        y += h;
      }
      rows.push(text(36, y + 13, clip(`${t.case} › ${t.task}`, 74), `${FONT} font-size='11' fill='${t.reference ? MUTED : INK}'`));
      rows.push(...speedBar(scale, y + 4, 12, t.ratio, t.reference ? REFERENCE : undefined));
      y += h;
    }
    parts.push(...speedAxis(scale, start, y), ...rows);
    y += 30;
  }

  // Every memory case.
  const mem: MemoryRow[] = report.suites.flatMap((s) => s.memory);
  if (mem.length) {
    y += 10;
    parts.push(text(24, y, 'Every memory case: bytes per item (grey = baseline of its group, pale = reference point)', `${FONT} font-size='15' font-weight='bold' fill='${INK}'`));
    y += 12;
    const x0 = 24 + 470;
    const w = WIDTH - x0 - 190;
    let group = '';
    let base: MemoryRow | undefined;
    for (const m of mem) {
      if (`${m.suite}/${m.group}` !== group) {
        group = `${m.suite}/${m.group}`;
        base = mem.find((x) => x.suite === m.suite && x.group === m.group && x.baseline);
        parts.push(text(24, y + 14, `${m.group} (per ${m.unit})`, `${FONT} font-size='12' font-weight='bold' fill='${INK}'`));
        y += 20;
      }
      const max = Math.max(...mem.filter((x) => x.suite === m.suite && x.group === m.group).map((x) => x.bytesPerItem), 1e-9);
      const bw = (Math.max(0, m.bytesPerItem) / max) * w;
      parts.push(text(36, y + 13, clip(m.case, 74), `${FONT} font-size='11' fill='${m.reference ? MUTED : INK}'`));
      parts.push(rect(x0, y + 4, bw, 12, m.baseline ? GREY : m.reference ? REFERENCE : COMPACT));
      const label = m.baseline || base === undefined ? `${fmtBytes(m.bytesPerItem)} B` : `${fmtBytes(m.bytesPerItem)} B · ${memoryRatioText(m.ratio)}`;
      parts.push(text(x0 + bw + 5, y + 14, label, `${FONT} font-size='11' ${m.baseline || m.reference ? `fill='${MUTED}'` : `font-weight='bold' fill='${COMPACT}'`}`));
      y += 20;
    }
    y += 16;
  }
  const height = Math.ceil(y + 10);
  return [
    `<svg xmlns='http://www.w3.org/2000/svg' width='${WIDTH}' height='${height}' viewBox='0 0 ${WIDTH} ${height}' role='img'>`,
    `<title>compactly benchmark: bytes per item and speedup per capability vs plain JavaScript</title>`,
    `<rect width='100%' height='100%' fill='#ffffff'/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
