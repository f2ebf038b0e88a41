/**
 * `CsvError`: a bad CSV row, an unterminated quote, a field over the size limit or invalid UTF-8, naming the place.
 * @packageDocumentation
 */
import { ValueError } from '../errors.js';

/**
 * A bad CSV row or an unterminated quote: a {@link ValueError} (so a `RangeError`) that names the place.
 * `line` is the 1-based physical line where the row starts (the header is line 1; LF, CR and CRLF each end one
 * line, inside quoted fields too); `column` the 1-based field.
 */
export class CsvError extends ValueError {
  /** `'CsvError'`. */
  override name = 'CsvError';
  /** 1-based line where the bad row starts. */
  readonly line: number;
  /** 1-based column (field position in the row). */
  readonly column: number;
  /** The schema field of that column, if any. */
  readonly field: string | undefined;
  /**
   * Makes the error; the message is prefixed with `line L, column C ("field"): `.
   * @param message - what is wrong.
   * @param line - 1-based line.
   * @param column - 1-based column.
   * @param field - the schema field, if known.
   */
  constructor(message: string, line: number, column: number, field?: string) {
    super(`line ${line}, column ${column}${field === undefined ? '' : ` (${JSON.stringify(field)})`}: ${message}`);
    this.line = line;
    this.column = column;
    this.field = field;
  }
}
