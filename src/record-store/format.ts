/**
 * `toString()`: a pandas-like text table of the first rows.
 *
 * @internal
 * @packageDocumentation
 */
import type { TypedArray } from '../dtype.js';
import type { CategoryColumn, StoreData } from './store-data.js';

function cell(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'bigint') return `${v}`;
  if (ArrayBuffer.isView(v)) return `[${Array.from(v as unknown as ArrayLike<unknown>, cell).join(', ')}]`;
  const s = String(v);
  return s.length > 24 ? `${s.slice(0, 23)}…` : s;
}

/** Renders the first `maxRows` rows with an index column and a `[n rows × m fields]` footer. @internal */
export function formatTable(d: StoreData, maxRows: number): string {
  const n = d.length;
  const shown = Math.min(n, Math.max(0, maxRows));
  const fields = d.schema.fields;
  const header = ['', ...fields.map((f) => f.name)];
  const rows: string[][] = [];
  const right = fields.map((f) => f.kind !== 'category');
  for (let i = 0; i < shown; i++) {
    const row = [String(i)];
    for (const f of fields) {
      const col = d.cols[f.index]!;
      if (f.kind === 'category') row.push(cell((col as CategoryColumn).get(i)));
      else if (f.kind === 'vector') row.push(cell((col as TypedArray).subarray(i * f.size, i * f.size + f.size)));
      else row.push(cell((col as TypedArray)[i]));
    }
    rows.push(row);
  }
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const from = shown === 0 ? 1 : 0; // no index column without rows
  const line = (r: string[]): string =>
    r
      .slice(from)
      .map((s, c) => [s, c + from] as const)
      .map(([s, c]) => (c === 0 || right[c - 1] ? s.padStart(widths[c]!) : s.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  const out = [line(header), ...rows.map(line)];
  if (shown < n) out.push(`… ${n - shown} more row${n - shown === 1 ? '' : 's'}`);
  out.push(`[${n} row${n === 1 ? '' : 's'} × ${fields.length} field${fields.length === 1 ? '' : 's'}]`);
  return out.join('\n');
}
