/**
 * The header row of a CSV input, read before the reader starts (when `rename` or `columns` must be checked
 * against it): the same byte tokenizer as the reader, fed the first pieces of the source until the header is
 * in; the pieces are kept by the caller so that the reader is fed them again (nothing is read twice from the
 * source itself).
 *
 * Also the header names as pandas makes them: a repeated name gets `.1`, `.2`, … (`a`, `a.1`), an empty one
 * `Unnamed: N` (N = its 0-based position).
 *
 * @internal
 * @packageDocumentation
 */
import { fieldString } from './csv-bytes.js';
import { CsvError } from './csv-error.js';
import { ByteTokenizer } from './csv-tokenizer.js';

/** What the sampler saw. @internal */
export interface CsvSample {
  /** The header row's fields as in the file, or `null` when the input ended before one. */
  readonly header: readonly string[] | null;
}

/** An incremental header reader: push pieces until {@link Sampler.full}, then {@link Sampler.sample}. @internal */
export class Sampler {
  readonly #tok: ByteTokenizer;
  readonly #quote: number;
  #header: string[] | null = null;
  #ended = false;

  constructor(delimiter: string, quote: string, fieldSizeLimit: number) {
    this.#quote = quote.charCodeAt(0);
    this.#tok = new ByteTokenizer(delimiter.charCodeAt(0), this.#quote, fieldSizeLimit);
  }

  /** True once the header is read (or the input ended). */
  get full(): boolean {
    return this.#ended || this.#header !== null;
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
    if (this.full) return;
    const b = this.#tok.scan();
    if (b === null) return;
    if (b.nrows > 0) {
      const col = b.badRows.get(0);
      if (col !== undefined) throw new CsvError('unexpected character after a closing quote in the header', b.rowLine[0]!, col);
      const row: string[] = [];
      for (let f = b.rowStart[0]!; f < b.rowStart[1]!; f++) row.push(fieldString(b.bytes, b.starts[f]!, b.ends[f]!, b.flags[f]!, this.#quote));
      this.#header = row;
    } else if (b.fatal !== null) {
      // A fatal error (unterminated quote, bad UTF-8, oversized field) is left for the reader, which raises it
      // with the same position when it reaches that place.
      this.#ended = true;
    }
  }

  /** What was read. */
  sample(): CsvSample {
    return { header: this.#header };
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
