/**
 * A streaming RFC 4180 tokenizer: text goes in (in pieces of any size, split anywhere), complete rows come
 * out as field boundaries into the text, with no per-field allocation. Handles quoted fields, escaped quotes
 * (`""`), delimiters and newlines inside quotes, CRLF / LF / CR line ends, fields and rows spanning pieces,
 * blank lines (skipped), and reports malformed rows with their line and column.
 *
 * @internal
 * @packageDocumentation
 */

/** Field flag: the field was quoted (bounds exclude the quotes). */
export const QUOTED = 1;
/** Field flag: the quoted field contains escaped quotes (`""`) to unescape. */
export const ESCAPED = 2;

/** @internal Receives rows from the tokenizer. */
export interface RowSink {
  /**
   * One row: field `k` is `text.slice(starts[k], ends[k])` (unescape `""` when `flags[k] & ESCAPED`).
   * @param line - 1-based physical line where the row starts.
   * @returns false to pause the tokenizer after this row.
   */
  row(text: string, starts: Int32Array, ends: Int32Array, flags: Uint8Array, n: number, line: number): boolean;
  /** A malformed row: throw, or return to skip it (the tokenizer resumes at the next line). */
  badRow(line: number, column: number, message: string): void;
  /** A quoted field was still open at the end of the input (always fatal). */
  unterminated(line: number, column: number): never;
}

/** @internal The tokenizer. */
export class CsvTokenizer {
  readonly #d: number;
  readonly #q: number;
  readonly #qs: string;
  readonly #sink: RowSink;
  #buf = '';
  #pos = 0;
  #line = 1;
  #final = false;
  #pending: string[] = [];
  #pendingLen = 0;
  /** Do not rescan before this many characters are buffered (a long incomplete row waits for more text). */
  #need = 0;
  #starts = new Int32Array(16);
  #ends = new Int32Array(16);
  #flags = new Uint8Array(16);
  #first = true;

  constructor(delimiter: string, quote: string, sink: RowSink) {
    this.#d = delimiter.charCodeAt(0);
    this.#q = quote.charCodeAt(0);
    this.#qs = quote;
    this.#sink = sink;
  }

  /** Appends text (any split point is fine). A leading UTF-8 BOM of the first piece is dropped. */
  push(text: string): void {
    if (this.#first && text.length > 0) {
      this.#first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.length === 0) return;
    this.#pending.push(text);
    this.#pendingLen += text.length;
  }

  /** Marks the end of the input: the last row may end without a newline. */
  end(): void {
    this.#final = true;
  }

  /** True when everything pushed has been consumed and `end()` was called. */
  get done(): boolean {
    return this.#final && this.#pos >= this.#buf.length && this.#pendingLen === 0;
  }

  #fill(): void {
    if (this.#pendingLen === 0) return;
    const rest = this.#buf.length - this.#pos;
    if (!this.#final && rest + this.#pendingLen < this.#need) return;
    const head = this.#pos < this.#buf.length ? this.#buf.slice(this.#pos) : '';
    this.#buf = head + (this.#pending.length === 1 ? this.#pending[0]! : this.#pending.join(''));
    this.#pending = [];
    this.#pendingLen = 0;
    this.#pos = 0;
  }

  #grow(): void {
    const n = this.#starts.length * 2;
    const s = new Int32Array(n);
    s.set(this.#starts);
    const e = new Int32Array(n);
    e.set(this.#ends);
    const f = new Uint8Array(n);
    f.set(this.#flags);
    this.#starts = s;
    this.#ends = e;
    this.#flags = f;
  }

  /**
   * Emits complete rows until the buffered text has no complete row left or the sink pauses.
   * @returns true if the sink paused (call again to continue).
   */
  scan(): boolean {
    this.#fill();
    const text = this.#buf;
    const len = text.length;
    const final = this.#final && this.#pendingLen === 0;
    const D = this.#d;
    const Q = this.#q;
    const qs = this.#qs;
    const sink = this.#sink;
    let pos = this.#pos;
    let line = this.#line;
    rows: while (pos < len) {
      const rowLine = line;
      let extra = 0;
      let nf = 0;
      let bad = '';
      let badCol = 0;
      fields: for (;;) {
        if (nf === this.#starts.length) this.#grow();
        let c = pos < len ? text.charCodeAt(pos) : -1;
        if (c === Q) {
          let p = pos + 1;
          let esc = 0;
          let q: number;
          for (;;) {
            q = text.indexOf(qs, p);
            if (q < 0) {
              if (final) sink.unterminated(rowLine + extra, nf + 1);
              break rows;
            }
            if (q + 1 < len) {
              if (text.charCodeAt(q + 1) === Q) {
                esc = ESCAPED;
                p = q + 2;
                continue;
              }
            } else if (!final) break rows;
            break;
          }
          extra += countLF(text, pos + 1, q);
          this.#starts[nf] = pos + 1;
          this.#ends[nf] = q;
          this.#flags[nf] = QUOTED | esc;
          nf++;
          pos = q + 1;
          if (pos >= len) break fields;
          c = text.charCodeAt(pos);
          if (c === D) {
            pos++;
            continue;
          }
          if (c === 10 || c === 13) break fields;
          bad = `unexpected character ${JSON.stringify(text[pos])} after a closing quote`;
          badCol = nf;
          break fields;
        }
        let p = pos;
        while (p < len) {
          c = text.charCodeAt(p);
          if (c === D || c === 10 || c === 13) break;
          p++;
        }
        if (p >= len && !final) break rows;
        this.#starts[nf] = pos;
        this.#ends[nf] = p;
        this.#flags[nf] = 0;
        nf++;
        pos = p;
        if (p >= len) break fields;
        if (c === D) {
          pos++;
          continue;
        }
        break fields;
      }
      if (bad !== '') {
        // Skip to the end of the physical line.
        let p = pos;
        while (p < len) {
          const c = text.charCodeAt(p);
          if (c === 10 || c === 13) break;
          p++;
        }
        if (p >= len && !final) break rows;
        pos = p;
      }
      // The row ends at a newline (or the end of the input).
      if (pos < len) {
        if (text.charCodeAt(pos) === 13) {
          if (pos + 1 < len) pos += text.charCodeAt(pos + 1) === 10 ? 2 : 1;
          else if (final) pos += 1;
          else break rows;
        } else pos += 1;
      }
      line = rowLine + 1 + extra;
      this.#pos = pos;
      this.#line = line;
      if (bad !== '') {
        sink.badRow(rowLine, badCol, bad);
        continue;
      }
      if (nf === 1 && this.#flags[0] === 0 && this.#ends[0] === this.#starts[0]) continue; // blank line
      if (!sink.row(text, this.#starts, this.#ends, this.#flags, nf, rowLine)) return true;
    }
    // Out of complete rows (this.#pos is the start of the incomplete one): wait for more text, at least
    // twice as much if one row spans the whole buffer, so a huge row is rescanned O(log n) times.
    this.#need = this.#pos === 0 ? (len - this.#pos) * 2 : 0;
    return false;
  }
}

function countLF(text: string, s: number, e: number): number {
  let n = 0;
  for (let k = text.indexOf('\n', s); k >= 0 && k < e; k = text.indexOf('\n', k + 1)) n++;
  return n;
}

/** @internal Field `k` as a string (quotes unescaped). Allocates: use only for text fields and messages. */
export function fieldText(text: string, s: number, e: number, flags: number, quote: string): string {
  const v = text.slice(s, e);
  return flags & ESCAPED ? v.split(quote + quote).join(quote) : v;
}
