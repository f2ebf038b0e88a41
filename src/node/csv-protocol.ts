/**
 * Messages between the parallel CSV reader and its workers.
 * @internal
 * @packageDocumentation
 */
import type { TypedArray } from '../dtype.js';
import type { RowError, TokenFatal, Utf8Target } from '../pipeline.js';

/** @internal Sent once: how to read (the schema and the header's column layout). */
export interface WorkerInit {
  readonly type: 'init';
  readonly schema: unknown;
  readonly delimiter: number;
  readonly quote: number;
  readonly skip: boolean;
  readonly fieldSizeLimit: number;
  readonly csvToPlan: number[];
  /** The missing-value tokens. */
  readonly naTokens: readonly string[];
  /** The fields whose types were inferred, from `inferRows` rows. */
  readonly inferred: string[];
  readonly inferRows: number;
}

/** @internal A block of whole records: `buffer` (transferred) holds `length` bytes from stream offset `offset`. */
export interface BlockRequest {
  readonly type: 'block';
  readonly id: number;
  readonly buffer: ArrayBuffer;
  readonly length: number;
  readonly offset: number;
  /** Column buffers of blocks already stacked (transferred), for this block's columns. */
  readonly recycle: ArrayBuffer[];
}

/** @internal A converted block; `error`/`fatal` lines are relative to the block (its first line is 1). */
export interface BlockResult {
  readonly id: number;
  readonly n: number;
  readonly cols: (TypedArray | null)[];
  readonly codes: (Int32Array | null)[];
  readonly values: (string[] | null)[];
  /** Stream offset just after the block. */
  readonly end: number;
  /** utf8 fields: offsets and text bytes (transferred). */
  readonly utf8: (Utf8Target | null)[];
  /** Validity bitmaps of nullable fields that met a null (transferred). */
  readonly valid: (Uint8Array | null)[];
  /** Line ends in the block. */
  readonly lines: number;
  readonly skipped: number;
  readonly error: RowError | null;
  readonly fatal: TokenFatal | null;
  /** The request's buffer, handed back (transferred) for the next block read (null: already reused). */
  readonly input: ArrayBuffer | null;
}
