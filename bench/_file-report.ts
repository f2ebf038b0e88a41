/**
 * File mode's report: the ways table (load, bytes per row, peak RSS, scan, groupBy, ratios to plain objects),
 * the inferred and downcast schemas as TypeScript to paste (with why each type), and the per-column memory
 * table; as terminal text (≤ 100 columns), Markdown, HTML, SVG and JSON (`compactly-bench-file/1`).
 */
import { writeFileSync } from 'node:fs';
import type { ColumnReport, FileChildResult, FileFormat, Way } from './_file-child.js';
import type { Io } from './_main.js';
import { environmentLine, escapeXml, fmtBytes, fmtTime, memoryRatioText, renderHtml, renderMarkdown, renderText, speedRatioText, type Environment, type Table } from './_report.js';

/** The JSON schema name of a file-mode report. */
export const FILE_SCHEMA = 'compactly-bench-file/1';

/** How one way went: measured, stopped part-way (how far it got), or skipped (why). */
export interface WayOutcome {
  readonly way: Way;
  readonly result?: FileChildResult | undefined;
  readonly stopped?: string | undefined;
  readonly skipped?: string | undefined;
}

/** Everything file mode measured. */
export interface FileReport {
  readonly schema: typeof FILE_SCHEMA;
  readonly file: string;
  readonly format: FileFormat;
  readonly fileBytes: number;
  readonly environment: Environment;
  readonly options: { readonly rows: number; readonly columns: readonly string[] };
  /** The text column grouped by and the numeric column scanned ('' = none in the file). */
  readonly key: string;
  readonly value: string;
  readonly ways: readonly WayOutcome[];
  readonly elapsedMs: number;
}

const WAY_NAMES: Record<Way, string> = { objects: 'plain objects', compactly: 'compactly', downcast: 'compactly + downcast()', arrow: 'apache-arrow' };

const IDENT = /^[A-Za-z_$][\w$]*$/;

function key(name: string): string {
  return IDENT.test(name) ? name : JSON.stringify(name);
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function mb(b: number): string {
  return `${(b / 1048576).toFixed(b >= 1048576 * 100 ? 0 : 1)} MB`;
}

/** Why a column got its type: its range, distinct count and nulls. */
export function reason(c: ColumnReport, rows: number): string {
  const parts: string[] = [];
  if (c.min !== undefined && c.max !== undefined) parts.push(`${c.min} … ${c.max}`);
  if (c.type === 'category') parts.push(`${count(c.distinct ?? 0)} distinct in ${count(rows)} rows: repeats`);
  else if (c.type === 'utf8') parts.push(`${count(c.distinct ?? 0)} distinct in ${count(rows)} rows: free text`);
  else if (c.type === 'bool') parts.push('true/false');
  parts.push(c.nulls ? `${count(c.nulls)} null${c.nulls === 1 ? '' : 's'}` : 'no nulls seen');
  return parts.join(', ');
}

/** A field spec as TypeScript source. */
function specSource(spec: unknown): string {
  if (typeof spec === 'string') return `'${spec}'`;
  const o = spec as Record<string, unknown>;
  return `{ ${Object.entries(o)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? `'${v}'` : JSON.stringify(v)}`)
    .join(', ')} }`;
}

/**
 * The schema as TypeScript to paste into `readCsv`/`readCsvStore` (`const schema = {…} as const;`), one field
 * per line with why that type as a comment.
 */
export function schemaSource(name: string, schema: Readonly<Record<string, unknown>>, columns: readonly ColumnReport[] | undefined, rows: number): string {
  const byName = new Map((columns ?? []).map((c) => [c.name, c]));
  const lines = Object.entries(schema).map(([field, spec]) => {
    const c = byName.get(field);
    return `  ${key(field)}: ${specSource(spec)},${c ? ` // ${reason(c, rows)}` : ''}`;
  });
  return [`const ${name} = {`, ...lines, '} as const;'].join('\n');
}

function result(r: FileReport, way: Way): FileChildResult | undefined {
  return r.ways.find((w) => w.way === way)?.result;
}

/** One row per way: load, bytes/row held, peak RSS, scan, groupBy. */
export function waysTable(r: FileReport): Table {
  const rows = r.ways.map((w) => {
    const x = w.result;
    if (x === undefined) return [WAY_NAMES[w.way], w.skipped ? 'skipped' : 'stopped', '', '', '', ''];
    return [
      WAY_NAMES[w.way],
      fmtTime(x.loadMs),
      fmtBytes(x.rows ? x.bytesHeld / x.rows : 0),
      mb(x.peakRssBytes),
      x.scanMs === null ? '–' : fmtTime(x.scanMs),
      x.groupByMs === null ? '–' : fmtTime(x.groupByMs),
    ];
  });
  return { head: ['way', 'load', 'B/row held', 'peak RSS', `scan`, `groupBy`], rows, right: [1, 2, 3, 4, 5] };
}

/** compactly (and downcast) against plain objects, in words: `8.1x smaller`, `load 2.3x faster`. */
export function ratioLines(r: FileReport, wrap = false): string[] {
  const base = result(r, 'objects');
  const out: string[] = [];
  for (const way of ['compactly', 'downcast', 'arrow'] as const) {
    const x = result(r, way);
    if (x === undefined || base === undefined) continue;
    const parts = [`memory ${memoryRatioText(base.bytesHeld / base.rows / (x.bytesHeld / x.rows))}`, `load ${speedRatioText(base.loadMs / x.loadMs)}`];
    if (x.scanMs !== null && base.scanMs !== null) parts.push(`scan ${speedRatioText(base.scanMs / x.scanMs)}`);
    if (x.groupByMs !== null && base.groupByMs !== null) parts.push(`groupBy ${speedRatioText(base.groupByMs / x.groupByMs)}`);
    if (wrap) out.push(`${WAY_NAMES[way]} vs plain objects:`, `  ${parts.join(', ')}`);
    else out.push(`${WAY_NAMES[way]} vs plain objects: ${parts.join(', ')}`);
  }
  return out;
}

function short(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

/** Per column: its type before and after downcast, and bytes per row as objects, compactly and downcast. */
export function columnTable(r: FileReport, width = Infinity): Table | undefined {
  const c = result(r, 'compactly')?.columns;
  if (c === undefined) return undefined;
  const d = new Map((result(r, 'downcast')?.columns ?? []).map((x) => [x.name, x]));
  const rows = c.map((x) => {
    const y = d.get(x.name);
    return [
      short(x.name, width),
      `${x.type}${x.nullable ? '?' : ''}`,
      y ? `${y.type}${y.nullable ? '?' : ''}` : '',
      fmtBytes(x.objectBytesPerRow),
      fmtBytes(x.bytesPerRow),
      y ? fmtBytes(y.bytesPerRow) : '',
      count(x.nulls),
    ];
  });
  const sum = (f: (x: ColumnReport) => number, xs: readonly ColumnReport[]): string => fmtBytes(xs.reduce((a, x) => a + f(x), 0));
  const dc = [...d.values()];
  rows.push(['(all columns)', '', '', sum((x) => x.objectBytesPerRow, c), sum((x) => x.bytesPerRow, c), dc.length ? sum((x) => x.bytesPerRow, dc) : '', '']);
  return { head: ['column', 'type', 'downcast', 'objects B/row', 'compactly', 'downcast', 'nulls'], rows, right: [3, 4, 5, 6] };
}

function headline(r: FileReport): string {
  const rows = result(r, 'compactly')?.rows ?? r.ways.find((w) => w.result)?.result?.rows ?? 0;
  return `${r.file}: ${mb(r.fileBytes)}, ${count(rows)} rows${r.options.rows ? ` (first ${count(r.options.rows)})` : ''}${r.options.columns.length ? `, columns ${r.options.columns.join(', ')}` : ''}`;
}

function whatLines(r: FileReport): string[] {
  const lines: string[] = [];
  for (const w of r.ways) {
    if (w.result) lines.push(`${WAY_NAMES[w.way]}: ${w.result.label}`);
    else if (w.stopped) lines.push(`${WAY_NAMES[w.way]}: stopped: ${w.stopped}`);
    else if (w.skipped) lines.push(`${WAY_NAMES[w.way]}: skipped: ${w.skipped}`);
    for (const n of w.result?.notes ?? []) lines.push(`${WAY_NAMES[w.way]}: ${n}`);
  }
  lines.push(
    r.value === '' ? 'scan: no numeric column' : `scan: sum of ${r.value} (median of 5)`,
    r.key === '' ? 'groupBy: no text column to group by' : `groupBy: by ${r.key} (the most repetitive text column), count${r.value ? ` and mean of ${r.value}` : ''} (median of 3)`,
    'B/row held: heap + external after full GCs, over rows loaded; peak RSS: the whole child process',
    "objects B/row per column: RecordStore.memoryUsage()'s layout estimate (measured total above)",
  );
  return lines;
}

function schemas(r: FileReport): string[] {
  const c = result(r, 'compactly');
  const d = result(r, 'downcast');
  const out: string[] = [];
  const how =
    r.format === 'parquet'
      ? "the file's own schema (readParquet)"
      : r.format === 'arrow'
        ? "the file's own schema (readIPC)"
        : 'inferred (readCsvStore(path) gives this; pass it as `schema` to fix it)';
  if (c?.schema) out.push(`// ${how}\n${schemaSource('schema', c.schema, c.columns, c.rows)}`);
  if (d?.schema) out.push(`// after store.downcast()\n${schemaSource('small', d.schema, d.columns, d.rows)}`);
  return out;
}

/** The report as terminal text (lines ≤ 100 columns but the schema lines), Markdown or an HTML fragment. */
export function renderFileReport(r: FileReport, format: 'text' | 'md' | 'html'): string {
  const cols = columnTable(r, format === 'text' ? 24 : Infinity);
  if (format === 'text') {
    return [
      `compactly-bench: ${headline(r)}`,
      environmentLine(r.environment),
      '',
      renderText(waysTable(r)),
      '',
      ...ratioLines(r, true),
      '',
      ...whatLines(r).map((l) => `  ${l}`),
      ...(cols ? ['', renderText(cols)] : []),
      '',
      ...schemas(r).flatMap((s) => [s, '']),
      `(${(r.elapsedMs / 1000).toFixed(1)} s)`,
    ].join('\n');
  }
  if (format === 'md') {
    return [
      `# compactly-bench: your file`,
      '',
      headline(r),
      '',
      `${environmentLine(r.environment)}.`,
      '',
      renderMarkdown(waysTable(r)),
      '',
      ...ratioLines(r).map((l) => `- ${l}`),
      '',
      ...whatLines(r).map((l) => `> ${l}  `),
      '',
      ...(cols ? ['## Memory per column', '', renderMarkdown(cols), ''] : []),
      '## Schemas to paste',
      '',
      ...schemas(r).flatMap((s) => ['```ts', s, '```', '']),
    ].join('\n');
  }
  return [
    `<h2>${escapeXml(headline(r))}</h2>`,
    `<p>${escapeXml(environmentLine(r.environment))}</p>`,
    renderHtml(waysTable(r)),
    `<ul>${ratioLines(r)
      .map((l) => `<li>${escapeXml(l)}</li>`)
      .join('')}</ul>`,
    `<ul>${whatLines(r)
      .map((l) => `<li>${escapeXml(l)}</li>`)
      .join('')}</ul>`,
    renderFileSvg(r),
    ...(cols ? ['<h3>Memory per column</h3>', renderHtml(cols)] : []),
    '<h3>Schemas to paste</h3>',
    ...schemas(r).map((s) => `<pre>${escapeXml(s)}</pre>`),
  ].join('\n');
}

/** A bar chart of bytes per row held, one bar per way that was measured. */
export function renderFileSvg(r: FileReport): string {
  const bars = r.ways.flatMap((w) => (w.result && w.result.rows ? [{ name: WAY_NAMES[w.way], v: w.result.bytesHeld / w.result.rows }] : []));
  const max = Math.max(1, ...bars.map((b) => b.v));
  const W = 640;
  const left = 190;
  const barH = 26;
  const H = 40 + bars.length * (barH + 8);
  const rows = bars.map((b, i) => {
    const y = 32 + i * (barH + 8);
    const w = Math.max(1, ((W - left - 90) * b.v) / max);
    return (
      `<text x="${left - 8}" y="${y + 18}" text-anchor="end">${escapeXml(b.name)}</text>` +
      `<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${b.name.startsWith('compactly') ? '#2a7ae2' : '#999'}"/>` +
      `<text x="${(left + w + 6).toFixed(1)}" y="${y + 18}">${escapeXml(fmtBytes(b.v))} B/row</text>`
    );
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="13">`,
    `<text x="8" y="20" font-weight="bold">${escapeXml(`Bytes per row held: ${r.file.split(/[/\\]/).pop() ?? r.file}`)}</text>`,
    ...rows,
    '</svg>',
  ].join('\n');
}

/** Writes `--json/--md/--svg/--html` and says so on stderr. */
export function writeFileOutputs(r: FileReport, o: { json?: string | undefined; md?: string | undefined; svg?: string | undefined; html?: string | undefined }, io: Io): void {
  const write = (file: string | undefined, text: () => string): void => {
    if (file === undefined) return;
    writeFileSync(file, text());
    io.stderr.write(`compactly-bench: wrote ${file}\n`);
  };
  write(o.json, () => `${JSON.stringify(r, null, 2)}\n`);
  write(o.md, () => renderFileReport(r, 'md'));
  write(o.svg, () => renderFileSvg(r));
  write(o.html, () => `<!doctype html>\n<meta charset="utf-8">\n<title>compactly-bench: ${escapeXml(r.file)}</title>\n${renderFileReport(r, 'html')}\n`);
}
