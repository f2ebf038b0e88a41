/**
 * A streaming RFC 4180 tokenizer over UTF-8 **bytes**: pieces of any size go in (split anywhere, inside
 * characters too), and complete rows come out in batches of field boundaries into one byte buffer — no JS
 * string per line or field. Handles quoted fields, escaped quotes (`""`), delimiters and newlines in quotes,
 * LF / CR / CRLF line ends (each one line, inside quotes too), blank lines (skipped), a leading BOM.
 *
 * Linear time whatever the field lengths: an incomplete row at the end of the buffer is rescanned only once
 * the buffer has at least doubled since the last attempt, so a row of n bytes costs O(n) in total.
 * The grammar after a closing quote follows Python's `csv` (non-strict): the row is marked bad, and the
 * rest of the field runs to the next delimiter or line end, so a bad record still ends where Python's does
 * and `onError: 'skip'` resumes on a record boundary, never inside a quoted field.
 *
 * @internal
 * @packageDocumentation
 */
import { ESCAPED, invalidUtf8At, QUOTED } from './csv-bytes.js';

/** Default and largest `fieldSizeLimit` of readCsv, in bytes (2^28 = 256 MiB: a field decodes to a JS string). */
export const MAX_CSV_FIELD_SIZE = 2 ** 28;

/** Bytes a new buffer reserves beyond what arrived (text sources are also encoded in blocks of this size). */
export const CSV_BLOCK_BYTES = 1 << 20;

/** Kinds of fatal tokenizer errors (they end the input; `onError: 'skip'` does not skip them). */
export const FATAL_UNTERMINATED = 1;
export const FATAL_FIELD_SIZE = 2;
export const FATAL_UTF8 = 3;

/** @internal A fatal error found by the tokenizer, raised after the rows before it were consumed. */
export interface TokenFatal {
  readonly kind: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * @internal Rows tokenized from one buffer: row `r` has fields `rowStart[r]` to `rowStart[r+1]-1`; field `k`
 * is `bytes[starts[k]..ends[k])` (unescape `""` when `flags[k] & ESCAPED`). Valid until the next `push`/`scan`.
 */
export interface TokenBatch {
  bytes: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  flags: Uint8Array;
  /** First field of each row; `rowStart[nrows]` is the field count. */
  rowStart: Int32Array;
  /** 1-based physical line where each row starts. */
  rowLine: Int32Array;
  nrows: number;
  /** Rows with a character after a closing quote: row index → 1-based column (sparse; usually empty). */
  badRows: Map<number, number>;
  /** A fatal error after the last row of this batch, or null. */
  fatal: TokenFatal | null;
}

const LF = 10;
const CR = 13;

/** @internal The tokenizer. */
export class ByteTokenizer {
  readonly #d: number;
  readonly #q: number;
  readonly #limit: number;
  /** Byte class of the unquoted scan: 1 for the delimiter, CR and LF; 2 for bytes ≥ 0x80 (UTF-8 to check); else 0. */
  readonly #cls: Uint8Array;
  #buf: Uint8Array;
  #len = 0;
  #pos = 0;
  /** Stream offset of `#buf[0]` (for UTF-8 error positions). */
  #base: number;
  #line: number;
  #final = false;
  #first = true;
  /** Do not scan before this many unconsumed bytes are buffered (twice the incomplete row of the last scan). */
  #need = 0;
  #fatal: TokenFatal | null = null;
  readonly #batch: TokenBatch;
  /** Bytes examined by all scans so far (rescans of an incomplete row included): a linear-time witness. */
  scannedBytes = 0;

  /**
   * @param delimiter - delimiter byte. @param quote - quote byte. @param fieldSizeLimit - largest field, bytes.
   * @param firstLine - line number of the first byte (1 for a whole input). @param baseOffset - its stream offset.
   * @param bom - whether a leading UTF-8 BOM is dropped (the start of a stream; not a block inside one).
   */
  constructor(delimiter: number, quote: number, fieldSizeLimit: number, firstLine = 1, baseOffset = 0, bom = true) {
    this.#d = delimiter;
    this.#q = quote;
    this.#limit = fieldSizeLimit;
    const cls = new Uint8Array(256);
    cls.fill(2, 0x80);
    cls[delimiter] = 1;
    cls[LF] = 1;
    cls[CR] = 1;
    this.#cls = cls;
    this.#line = firstLine;
    this.#base = baseOffset;
    this.#first = bom;
    this.#buf = new Uint8Array(0);
    this.#batch = {
      bytes: this.#buf,
      starts: new Int32Array(1024),
      ends: new Int32Array(1024),
      flags: new Uint8Array(1024),
      rowStart: new Int32Array(257),
      rowLine: new Int32Array(256),
      nrows: 0,
      badRows: new Map(),
      fatal: null,
    };
  }

  /**
   * Starts a new input (a worker's next block) from line `firstLine` at stream offset `baseOffset`, with no BOM
   * check, keeping the batch arrays grown so far (a block of the same size then allocates nothing).
   */
  restart(firstLine: number, baseOffset: number): void {
    this.#buf = new Uint8Array(0);
    this.#len = 0;
    this.#pos = 0;
    this.#base = baseOffset;
    this.#line = firstLine;
    this.#final = false;
    this.#first = false;
    this.#need = 0;
    this.#fatal = null;
    this.#batch.bytes = this.#buf;
    this.#batch.nrows = 0;
    this.#batch.fatal = null;
    if (this.#batch.badRows.size > 0) this.#batch.badRows = new Map();
  }

  /** The next line number to be read. */
  get line(): number {
    return this.#line;
  }

  /** Stream offset of the first unconsumed byte. */
  get offset(): number {
    return this.#base + this.#pos;
  }

  /** Buffered, not yet consumed bytes. */
  get pending(): number {
    return this.#len - this.#pos;
  }

  /**
   * Appends bytes (copied: the caller may reuse its buffer). A leading UTF-8 BOM of the stream is dropped.
   * Invalidates the last batch.
   */
  push(bytes: Uint8Array): void {
    if (this.#first && bytes.length > 0) {
      if (bytes.length < 3 && this.#len + bytes.length < 3) {
        // Too short to tell: keep it and decide when more arrives (or at the end).
        this.#append(bytes);
        return;
      }
      this.#first = false;
      this.#append(bytes);
      this.#dropBom();
      return;
    }
    this.#append(bytes);
  }

  /**
   * Takes `bytes` as the buffer without copying when nothing is pending (the caller must not touch them
   * afterwards: a block transferred to a worker); otherwise as {@link push}.
   */
  adopt(bytes: Uint8Array): void {
    if (this.#first || this.#len > this.#pos || bytes.length === 0) {
      this.push(bytes);
      return;
    }
    this.#base += this.#pos;
    this.#buf = bytes;
    this.#pos = 0;
    this.#len = bytes.length;
  }

  #dropBom(): void {
    const b = this.#buf;
    if (this.#len - this.#pos >= 3 && b[this.#pos] === 0xef && b[this.#pos + 1] === 0xbb && b[this.#pos + 2] === 0xbf) this.#pos += 3;
  }

  #append(bytes: Uint8Array): void {
    const n = bytes.length;
    if (n === 0) return;
    const keep = this.#len - this.#pos;
    if (keep + n > this.#buf.length) {
      // Sized by what arrives: room for what is kept plus this piece, doubled for the pieces to come.
      const next = new Uint8Array(Math.max(keep + n, Math.min(2 * (keep + n), keep + CSV_BLOCK_BYTES + n)));
      next.set(this.#buf.subarray(this.#pos, this.#len));
      this.#buf = next;
    } else if (this.#pos > 0) this.#buf.copyWithin(0, this.#pos, this.#len);
    this.#base += this.#pos;
    this.#pos = 0;
    this.#len = keep;
    this.#buf.set(bytes, keep);
    this.#len = keep + n;
  }

  /** Marks the end of the input: the last row may end without a newline. */
  end(): void {
    this.#final = true;
    if (this.#first) {
      this.#first = false;
      this.#dropBom();
    }
  }

  /** True when everything pushed has been tokenized and `end()` was called (or a fatal error stopped it). */
  get done(): boolean {
    return this.#fatal !== null || (this.#final && this.#pos >= this.#len);
  }

  #fail(kind: number, line: number, column: number, message: string): void {
    this.#fatal = { kind, line, column, message };
  }

  /**
   * Tokenizes the complete rows buffered (at most `maxRows`), or returns null when there is none yet (or the
   * incomplete row has not doubled since the last attempt). Returns a batch with `nrows` 0 only with a fatal error.
   */
  scan(maxRows = 0x7fffffff): TokenBatch | null {
    if (this.#fatal !== null) return null;
    if (this.#first) return null;
    if (!this.#final && this.#len - this.#pos < this.#need) return null;
    const batch = this.#batch;
    batch.bytes = this.#buf;
    batch.nrows = 0;
    batch.fatal = null;
    if (batch.badRows.size > 0) batch.badRows = new Map();
    this.#tokenize(batch, maxRows);
    // The rows left after a scan stopped by maxRows may all be complete: the next scan may run at once.
    const tail = this.#len - this.#pos;
    this.#need = this.#final || batch.nrows >= maxRows ? 0 : 2 * tail;
    batch.fatal = this.#fatal;
    if (batch.nrows === 0 && batch.fatal === null) return null;
    return batch;
  }

  #tokenize(batch: TokenBatch, maxRows: number): void {
    const b = this.#buf;
    const end = this.#len;
    const final = this.#final;
    const D = this.#d;
    const Q = this.#q;
    const limit = this.#limit;
    const cls = this.#cls;
    let starts = batch.starts;
    let ends = batch.ends;
    let flags = batch.flags;
    let rowStart = batch.rowStart;
    let rowLines = batch.rowLine;
    let cap = starts.length;
    let nf = 0;
    let nrows = 0;
    let pos = this.#pos;
    let line = this.#line;
    let fs = pos; // start of the field being scanned (for the size limit of an incomplete row)
    rows: while (pos < end && nrows < maxRows) {
      const rowLine = line;
      const rowPos = pos;
      const rowField = nf;
      let extra = 0; // line ends inside quoted fields of this row
      let badCol = 0;
      fields: for (;;) {
        if (nf === cap) {
          cap *= 2;
          starts = grow32(starts, cap);
          ends = grow32(ends, cap);
          const f = new Uint8Array(cap);
          f.set(flags);
          flags = f;
        }
        fs = pos;
        if (pos >= end) {
          // After a delimiter at the very end.
          if (!final) {
            pos = rowPos;
            nf = rowField;
            break rows;
          }
          starts[nf] = pos;
          ends[nf] = pos;
          flags[nf++] = 0;
          break fields;
        }
        let c = b[pos]!;
        let hi = 0;
        if (c === Q) {
          let p = pos + 1;
          let esc = 0;
          for (;;) {
            while (p < end) {
              c = b[p]!;
              if (c === Q) break;
              if (c === LF) extra++;
              else if (c === CR && (p + 1 >= end || b[p + 1] !== LF)) extra++;
              hi |= c;
              p++;
            }
            if (p >= end) {
              if (final) this.#fail(FATAL_UNTERMINATED, rowLine, nf - rowField + 1, 'unterminated quoted field at the end of the input');
              else if (p - pos > limit) this.#tooLong(rowLine, nf - rowField + 1);
              pos = rowPos;
              nf = rowField;
              break rows;
            }
            if (p + 1 < end) {
              if (b[p + 1] === Q) {
                esc = ESCAPED;
                p += 2;
                continue;
              }
            } else if (!final) {
              pos = rowPos;
              nf = rowField;
              break rows;
            }
            break;
          }
          const s = pos + 1;
          pos = p + 1;
          if (pos < end) c = b[pos]!;
          if (pos >= end || c === D || c === LF || c === CR) {
            if (p - s > limit) {
              this.#tooLong(rowLine, nf - rowField + 1);
              pos = rowPos;
              nf = rowField;
              break rows;
            }
            if (hi >= 0x80 && !this.#utf8(b, s, p, rowLine, nf - rowField + 1)) {
              pos = rowPos;
              nf = rowField;
              break rows;
            }
            starts[nf] = s;
            ends[nf] = p;
            flags[nf++] = QUOTED | esc;
            if (pos >= end) break fields;
            if (c === D) {
              pos++;
              continue;
            }
            break fields;
          }
          // A character after the closing quote: the row is bad; the field runs on to a delimiter or line end.
          if (badCol === 0) badCol = nf - rowField + 1;
        }
        // The unquoted run: one table load per byte (0 = ordinary ASCII, 1 = delimiter/CR/LF, 2 = a byte ≥ 0x80).
        let p = pos;
        let k = 0;
        while (p < end && (k = cls[b[p]!]!) === 0) p++;
        while (k === 2) {
          hi = 0x80;
          p++;
          k = 0;
          while (p < end && (k = cls[b[p]!]!) === 0) p++;
        }
        if (p < end) c = b[p]!;
        if (p - fs > limit) {
          this.#tooLong(rowLine, nf - rowField + 1);
          pos = rowPos;
          nf = rowField;
          break rows;
        }
        if (p >= end && !final) {
          pos = rowPos;
          nf = rowField;
          break rows;
        }
        if (hi >= 0x80 && !this.#utf8(b, fs, p, rowLine, nf - rowField + 1)) {
          pos = rowPos;
          nf = rowField;
          break rows;
        }
        starts[nf] = pos;
        ends[nf] = p;
        flags[nf++] = 0;
        pos = p;
        if (p >= end) break fields;
        if (c === D) {
          pos++;
          continue;
        }
        break fields;
      }
      // The row ends at a line end (or the end of the input).
      if (pos < end) {
        if (b[pos] === CR) {
          if (pos + 1 < end) pos += b[pos + 1] === LF ? 2 : 1;
          else if (final) pos += 1;
          else {
            pos = rowPos;
            nf = rowField;
            break rows;
          }
        } else pos += 1;
      }
      line = rowLine + 1 + extra;
      if (nf - rowField === 1 && flags[rowField] === 0 && ends[rowField] === starts[rowField]) {
        nf = rowField; // a blank line
        continue;
      }
      if (nrows + 1 >= rowLines.length) {
        rowLines = grow32(rowLines, rowLines.length * 2);
        rowStart = grow32(rowStart, rowLines.length + 1);
      }
      if (badCol !== 0) batch.badRows.set(nrows, badCol);
      rowStart[nrows] = rowField;
      rowLines[nrows++] = rowLine;
    }
    rowStart[nrows] = nf;
    batch.rowStart = rowStart;
    batch.rowLine = rowLines;
    batch.nrows = nrows;
    batch.starts = starts;
    batch.ends = ends;
    batch.flags = flags;
    this.scannedBytes += end - this.#pos;
    this.#pos = pos;
    this.#line = line;
  }

  #tooLong(line: number, column: number): void {
    this.#fail(FATAL_FIELD_SIZE, line, column, `field larger than the field size limit (${this.#limit} bytes; see the fieldSizeLimit option)`);
  }

  #utf8(b: Uint8Array, s: number, e: number, line: number, column: number): boolean {
    const at = invalidUtf8At(b, s, e);
    if (at < 0) return true;
    this.#fail(FATAL_UTF8, line, column, `invalid UTF-8 at byte offset ${this.#base + at}`);
    return false;
  }
}

function grow32(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a.subarray(0, Math.min(a.length, n)));
  return b;
}
