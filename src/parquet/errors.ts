/**
 * ParquetError: a damaged or unsupported Parquet file, located by column, row group and byte offset.
 *
 * @packageDocumentation
 */
import { ValueError } from '../errors.js';

/** Where in a file a {@link ParquetError} happened (each part present when known). */
export interface ParquetErrorLocation {
  /** The column (dotted path in the schema). */
  readonly column?: string | undefined;
  /** The 0-based row group. */
  readonly rowGroup?: number | undefined;
  /** The byte offset in the file where the bad page, header or footer starts. */
  readonly offset?: number | undefined;
}

/**
 * A Parquet file that cannot be read (truncated, corrupted footer or page, a page that fails to decompress)
 * or uses a type or encoding compactly does not read. A {@link ValueError}, so `instanceof RangeError` holds.
 * The message starts with the location: `column "x", row group 2, byte offset 4096: …`. No partial store
 * is ever returned: the read that hits the damage throws.
 */
export class ParquetError extends ValueError {
  /** `'ParquetError'`. */
  override name = 'ParquetError';
  /** The column, if known. */
  readonly column: string | undefined;
  /** The row group, if known. */
  readonly rowGroup: number | undefined;
  /** The byte offset in the file, if known. */
  readonly offset: number | undefined;
  /**
   * Makes the error; the message is prefixed with the location.
   * @param message - what is wrong.
   * @param where - column, row group and byte offset, each optional.
   */
  constructor(message: string, where: ParquetErrorLocation = {}) {
    const parts: string[] = [];
    if (where.column !== undefined) parts.push(`column ${JSON.stringify(where.column)}`);
    if (where.rowGroup !== undefined) parts.push(`row group ${where.rowGroup}`);
    if (where.offset !== undefined) parts.push(`byte offset ${where.offset}`);
    super(parts.length > 0 ? `${parts.join(', ')}: ${message}` : message);
    this.column = where.column;
    this.rowGroup = where.rowGroup;
    this.offset = where.offset;
  }
}

/** @internal Throws a {@link ParquetError} (out of line, for hot paths). */
export function throwParquet(message: string, where: ParquetErrorLocation = {}): never {
  throw new ParquetError(message, where);
}

/** @internal The message of any thrown value. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
