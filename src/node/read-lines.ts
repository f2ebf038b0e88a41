/**
 * `readLines(path)`: a file's lines, lazily, in constant memory (Python's `for line in open(path)`).
 *
 * @packageDocumentation
 */
import { fileBytes, type PathLike } from './file-bytes.js';

/** Options of {@link readLines}. */
export interface ReadLinesOptions {
  /** Keep each line's terminator (`\n` or `\r\n`) as Python does (default false: stripped, as Node's readline). */
  readonly keepEnds?: boolean;
}

/**
 * Reads a UTF-8 text file line by line.
 * @param path - file path or `file:` URL.
 * @param options - `{keepEnds}`.
 * @returns an async iterator of lines (a final line without a newline is included; a trailing newline does
 *   not add an empty line). Wrap it as `pipeline(readLines(path))` for the pipeline stages.
 * @throws (rejects) a Node `ENOENT`-style error if the file cannot be opened; `TypeError` for invalid UTF-8.
 * @remarks Memory is one 64 KiB piece plus the current line. `break` (or `return()`) closes the file at once.
 * @example
 * ```ts
 * for await (const line of readLines('data.txt')) if (line.startsWith('#')) break; // file closed here
 * ```
 */
export async function* readLines(path: PathLike, options: ReadLinesOptions = {}): AsyncGenerator<string, void, undefined> {
  const keep = options.keepEnds === true;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // The pending line's pieces: only each new piece is searched for a newline, so a line of n bytes read in
  // pieces costs O(n), not a rescan of the whole pending line per piece.
  let carry: string[] = [];
  for await (const bytes of fileBytes(path)) {
    const text = decoder.decode(bytes, { stream: true });
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      let line = text.slice(start, nl + 1);
      if (carry.length > 0) {
        carry.push(line);
        line = carry.join('');
        carry = [];
      }
      yield keep ? line : line.slice(0, line.length > 1 && line.charCodeAt(line.length - 2) === 13 ? -2 : -1);
      start = nl + 1;
    }
    if (start < text.length) carry.push(text.slice(start));
  }
  carry.push(decoder.decode());
  const last = carry.join('');
  if (last.length > 0) yield last;
}
