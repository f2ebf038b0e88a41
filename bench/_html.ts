/**
 * The HTML page (`--html FILE`): the chart inline, then the summary and every suite's tables. One
 * self-contained file, no scripts, readable offline.
 */
import { environmentLine, escapeXml, memoryTable, renderHtml, speedTable, summaryTable } from './_report.js';
import { memoryMethod, type BenchReport } from './_schema.js';
import { renderSvg } from './_svg.js';

/** The stylesheet of the report page (also the `--browser` page's). */
export const HTML_STYLE = `body{font:14px/1.45 Helvetica,Arial,sans-serif;color:#1f2933;max-width:1020px;margin:24px auto;padding:0 16px}
table{border-collapse:collapse;margin:8px 0 20px}th,td{padding:3px 10px;border-bottom:1px solid #e2e8f0;text-align:left}
th{background:#f5f7fa}.num{text-align:right;font-variant-numeric:tabular-nums}.note{color:#9c4221}svg{max-width:100%;height:auto}`;

/** The report's body: the intro, the chart inline, the summary and every suite's tables (one string of HTML). */
export function renderReportBody(report: BenchReport): string {
  const o = report.options;
  const body: string[] = [
    '<h1>compactly benchmark report</h1>',
    `<p>${escapeXml(environmentLine(report.environment))}; ${escapeXml(report.environment.date)}; compactly ${escapeXml(report.compactly)}.<br>`,
    `${o.rows.toLocaleString('en-US')} rows per case (size ${o.size}), ${o.repeat} round(s) per task, memory: ${memoryMethod(report)}.</p>`,
    renderSvg(report).replace(/^<svg /, '<svg '),
    '<h2>Summary</h2>',
    renderHtml(summaryTable(report.summary)),
    ...report.noise.notes.map((n) => `<p class="note">Noise: ${escapeXml(n)}</p>`),
  ];
  for (const s of report.suites) {
    body.push(`<h2>${escapeXml(s.title)}</h2>`);
    if (s.speed.length) body.push(renderHtml(speedTable(s.speed)));
    if (s.memory.length) body.push(renderHtml(memoryTable(s.memory)));
    for (const n of s.notes) body.push(`<p class="note">${escapeXml(n)}</p>`);
  }
  for (const e of report.errors) body.push(`<p class="note">Failed: ${escapeXml(e.suite)}: ${escapeXml(e.message)}</p>`);
  return body.join('\n');
}

/** Renders the report as a standalone HTML page. */
export function renderHtmlReport(report: BenchReport): string {
  return `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>compactly benchmark report</title>\n<style>${HTML_STYLE}</style>\n</head>\n<body>\n${renderReportBody(report)}\n</body>\n</html>\n`;
}
