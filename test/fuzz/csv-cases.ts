/**
 * CSV differential fuzzing against the public readCsv API: random files (quoted fields holding
 * separators, quotes and CR / LF / CRLF line breaks, multi-byte UTF-8, mixed line endings, a float64
 * column) are read whole, as random string chunks and as random byte chunks (cut inside UTF-8
 * sequences too), and compared with a plain reference parser (RFC 4180, as Python's csv module reads
 * well-formed files; the runner also checks the model against Python when python3 exists).
 * Malformed files (a ragged record, text after a closing quote, an unterminated quote) must raise
 * CsvError, and with `onError: 'skip'` give exactly the other records.
 */
import { spawnSync } from 'node:child_process';
import { readCsv } from '../../src/pipeline.js';
import { type Rng, cut, rng } from './_rng.js';

/** One generated case. */
export interface CsvCase {
  readonly text: string;
  readonly types: readonly ('category' | 'float64')[];
  /** The records (header excluded) as the model reads them. */
  readonly rows: readonly (readonly string[])[];
  /** How the file was damaged (undefined: well-formed), and which record (0-based, header excluded). */
  readonly damage: { readonly kind: 'ragged' | 'after-quote' | 'unterminated'; readonly record: number } | undefined;
}

const CHARS = ['x', 'y', 'z', 'é', '€', '😀', '1', ' ', ',', '"', '\n', '\r', 'q'];
const EOLS = ['\n', '\r\n', '\r'];

function field(r: Rng): string {
  let s = '';
  const n = r.int(6);
  for (let i = 0; i < n; i++) s += r.pick(CHARS);
  return s;
}

function number(r: Rng): string {
  const forms = [
    () => String(r.int(1000) - 500),
    () => (r.next() * 2000 - 1000).toFixed(r.int(6)),
    () => `${r.int(9) + 1}e${r.int(40) - 20}`,
    () => String(r.next()),
    () => `-0.${r.int(100000)}`,
  ];
  return r.pick(forms)();
}

function quote(s: string, r: Rng): string {
  const must = /[,"\r\n]/.test(s);
  const maybe = must || r.next() < 0.15;
  // An empty field stays unquoted: readCsv reads a quoted "" as the text '' (an unquoted empty field is null).
  return maybe && s !== '' ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The case `index` of run `seed`. */
export function csvCase(seed: number, index: number): CsvCase & { r: Rng } {
  const r = rng(seed, index);
  const ncols = 2 + r.int(3);
  const types = Array.from({ length: ncols }, () => (r.next() < 0.3 ? 'float64' : 'category') as 'category' | 'float64');
  const nrows = r.int(10);
  const rows: string[][] = [];
  for (let i = 0; i < nrows; i++) rows.push(types.map((t) => (t === 'float64' ? number(r) : field(r))));
  const damaged = nrows > 0 && r.next() < 0.3;
  const damage = damaged ? { kind: r.pick(['ragged', 'after-quote', 'unterminated'] as const), record: r.int(nrows) } : undefined;
  if (damage?.kind === 'unterminated') damage.record = nrows - 1;
  let text = types.map((_, k) => `c${k}`).join(',') + r.pick(EOLS);
  for (let i = 0; i < nrows; i++) {
    let cells = rows[i]!.map((s) => quote(s, r));
    if (damage?.record === i) {
      if (damage.kind === 'ragged') {
        cells = cells.slice(0, -1);
        if (cells.join(',') === '') cells = ['x']; // not a blank line (blank lines are skipped, not ragged)
      } else if (damage.kind === 'after-quote') {
        const k = r.int(ncols);
        cells[k] = `"${rows[i]![k]!.replace(/"/g, '""')}"z`;
      } else cells[ncols - 1] = `"${rows[i]![ncols - 1]!.replace(/"/g, '""')}`;
    }
    text += cells.join(',');
    if (i < nrows - 1 || r.next() < 0.7) text += damage?.kind === 'unterminated' && i === nrows - 1 ? '' : r.pick(EOLS);
  }
  return { text, types, rows, damage, r };
}

/** A field as readCsv reports it: `null` for an empty category field, a number for float64. */
function cell(s: string, t: 'category' | 'float64'): string | number | null {
  if (t === 'float64') return Number(s);
  return s === '' ? null : s;
}

/** What readCsv must give for the case (the damaged record left out: `onError: 'skip'`). */
export function expected(c: CsvCase): Record<string, unknown>[] {
  return c.rows.filter((_, i) => c.damage?.record !== i).map((row) => Object.fromEntries(row.map((s, k) => [`c${k}`, cell(s, c.types[k]!)])));
}

type Source = string | AsyncIterable<string | Uint8Array>;

async function read(source: Source, c: CsvCase, onError: 'throw' | 'skip'): Promise<{ rows?: Record<string, unknown>[]; error?: string }> {
  const schema = Object.fromEntries(c.types.map((t, k) => [`c${k}`, t]));
  try {
    const rows: Record<string, unknown>[] = [];
    for await (const chunk of readCsv(source, { schema, onError, chunkSize: 4 })) rows.push(...(chunk.toObjects() as Record<string, unknown>[]));
    return { rows };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

async function* pieces<T>(xs: T[]): AsyncGenerator<T> {
  for (const x of xs) yield x;
}

/** Runs the case through readCsv (whole, string chunks, byte chunks; raise and skip); returns what broke. */
export async function checkCsv(c: CsvCase, r: Rng): Promise<string | undefined> {
  const want = JSON.stringify(expected(c));
  const sources: [string, () => Source][] = [
    ['whole', () => c.text],
    ['string chunks', () => pieces(cut(c.text, r, 8))],
    ['byte chunks', () => pieces(cut(new TextEncoder().encode(c.text), r, 8))],
  ];
  for (const [name, src] of sources) {
    const raised = await read(src(), c, 'throw');
    if (c.damage === undefined) {
      if (raised.error !== undefined) return `${name}: readCsv threw ${raised.error} on a well-formed file`;
      if (JSON.stringify(raised.rows) !== want) return `${name}: rows differ from the reference model: ${JSON.stringify(raised.rows)} vs ${want}`;
    } else {
      if (raised.error === undefined) return `${name}: readCsv read a file with ${c.damage.kind} record ${c.damage.record} without error`;
      if (!raised.error.startsWith('CsvError')) return `${name}: a ${c.damage.kind} record raised ${raised.error}, not CsvError`;
      const skipped = await read(src(), c, 'skip');
      // An unterminated quote swallows the rest of the file: readCsv raises even when skipping (as pandas'
      // "EOF inside string"); the other damages must be skipped record by record.
      if (skipped.error !== undefined && !(c.damage.kind === 'unterminated' && skipped.error.startsWith('CsvError'))) {
        return `${name}: onError 'skip' threw ${skipped.error}`;
      }
      if (skipped.error !== undefined) continue;
      if (JSON.stringify(skipped.rows) !== want) {
        return `${name}: onError 'skip' of a ${c.damage.kind} record gave ${JSON.stringify(skipped.rows)}, want ${want}`;
      }
    }
  }
  return undefined;
}

/**
 * Python's csv module on `texts` (rows of strings, header and blank lines dropped), in one python3
 * process; `undefined` when python3 is absent.
 */
export function pythonRows(texts: readonly string[]): string[][][] | undefined {
  const script = [
    'import csv, io, json, sys',
    'out = []',
    'for t in json.load(sys.stdin):',
    '    rows = [r for r in csv.reader(io.StringIO(t, newline=""))]',
    '    out.append([r for r in rows[1:] if r != []])',
    'json.dump(out, sys.stdout)',
  ].join('\n');
  const res = spawnSync('python3', ['-c', script], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (res.error !== undefined || res.status !== 0) return undefined;
  return JSON.parse(res.stdout) as string[][][];
}
