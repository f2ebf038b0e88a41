/**
 * The header row and the first rows of a CSV input, read before the reader starts (to match the schema,
 * `rename` and `columns` against the header, and to infer the types the schema leaves out): the same byte
 * tokenizer as the reader, fed the first pieces of the source until the header and `inferRows` rows are in;
 * the pieces are kept by the caller so that the reader is fed them again (nothing is read twice from the
 * source itself).
 *
 * Also the header names as pandas makes them: a repeated name gets `.1`, `.2`, … (`a`, `a.1`), an empty one
 * `Unnamed: N` (N = its 0-based position).
 *
 * @internal
 * @packageDocumentation
 */
import { fieldString, type NaMatcher } from './csv-bytes.js';
import { CsvError } from './csv-error.js';
import { ColumnTally, tallyRows, widestRow, type InferredType } from './csv-infer.js';
import { ByteTokenizer } from './csv-tokenizer.js';

/** What the sampler saw. @internal */
export interface CsvSample {
  /** The header row's fields as in the file, or `null` without one (or when the input ended before it). */
  readonly header: readonly string[] | null;
  /** How many data rows were sampled (as many as the sampler was asked for, or the whole input if shorter). */
  readonly rows: number;
  /** The widest sampled data row's field count. */
  readonly width: number;
  /** The inferred type of column `j` (0-based, in the file) from the sampled rows (a short row's missing cells count as empty fields). */
  typeOf(j: number): InferredType;
}

/**
 * An incremental header and row reader: push pieces until {@link Sampler.full}, then {@link Sampler.sample}.
 * `wantRows(header)` says how many data rows to read once the header is known (0: the header alone). The data
 * rows are not kept: each column's values are counted on their bytes as they come ({@link ColumnTally}).
 * @internal
 */
export class Sampler {
  readonly #tok: ByteTokenizer;
  readonly #quote: number;
  readonly #wantRows: (header: readonly string[] | null) => number;
  #want: number;
  #awaitHeader: boolean;
  #header: string[] | null = null;
  readonly #na: NaMatcher;
  readonly #tallies: ColumnTally[] = [];
  #rows = 0;
  #ended = false;

  constructor(delimiter: string, quote: string, fieldSizeLimit: number, header: boolean, na: NaMatcher, wantRows: (header: readonly string[] | null) => number) {
    this.#quote = quote.charCodeAt(0);
    this.#na = na;
    this.#tok = new ByteTokenizer(delimiter.charCodeAt(0), this.#quote, fieldSizeLimit);
    this.#awaitHeader = header;
    this.#wantRows = wantRows;
    this.#want = header ? 0 : wantRows(null);
  }

  /** True once the header and the wanted rows are read (or the input ended). */
  get full(): boolean {
    return this.#ended || (!this.#awaitHeader && this.#rows >= this.#want);
  }

  /** Feeds UTF-8 bytes. */
  push(bytes: Uint8Array): void {
    this.#tok.push(bytes);
    this.#drain();
  }

  /** Marks the end of the input. */
  end(): void {
    this.#tok.end();
    this.#drain();
    this.#ended = true;
  }

  #drain(): void {
    for (;;) {
      if (this.full) return;
      // Only the rows still wanted are tokenized (a big first piece is not scanned whole for its header).
      const b = this.#tok.scan(this.#awaitHeader ? 1 : this.#want - this.#rows);
      if (b === null) return;
      let r = 0;
      if (this.#awaitHeader && b.nrows > 0) {
        const row: string[] = [];
        for (let f = b.rowStart[0]!; f < b.rowStart[1]!; f++) row.push(fieldString(b.bytes, b.starts[f]!, b.ends[f]!, b.flags[f]!, this.#quote));
        const col = b.badRows.get(0);
        if (col !== undefined) throw new CsvError('unexpected character after a closing quote in the header', b.rowLine[0]!, col);
        this.#header = row;
        this.#awaitHeader = false;
        this.#want = this.#wantRows(row);
        r = 1;
      }
      const n = Math.min(b.nrows, r + this.#want - this.#rows);
      if (n > r) {
        const tallies = this.#tallies;
        const width = widestRow(b.rowStart, r, n);
        while (tallies.length < width) tallies.push(new ColumnTally(this.#na));
        tallyRows(tallies, b, r, n, this.#quote);
        this.#rows += n - r;
      }
      // A fatal error (unterminated quote, bad UTF-8, oversized field) is left for the reader, which raises it
      // with the same position when it reaches that place.
      if (b.fatal !== null) {
        this.#ended = true;
        return;
      }
    }
  }

  /** What was read. */
  sample(): CsvSample {
    const rows = this.#rows;
    const tallies = this.#tallies;
    const na = this.#na;
    return {
      header: this.#header,
      rows,
      width: tallies.length,
      typeOf(j: number): InferredType {
        const t = tallies[j] ?? new ColumnTally(na);
        t.pad(rows);
        return t.type();
      },
    };
  }
}

/** pandas' names for a header row: repeats get `.1`, `.2`; empty names `Unnamed: N`. @internal */
export function mangleHeader(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const taken = new Set<string>();
  const out = raw.map((h, i) => (h === '' ? `Unnamed: ${i}` : h));
  for (const h of out) taken.add(h);
  return out.map((h) => {
    const k = seen.get(h);
    if (k === undefined) {
      seen.set(h, 0);
      return h;
    }
    let j = k + 1;
    while (taken.has(`${h}.${j}`)) j++;
    seen.set(h, j);
    const name = `${h}.${j}`;
    taken.add(name);
    return name;
  });
}
