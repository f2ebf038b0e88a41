/**
 * A file read in pieces through one `FileHandle`, closed as soon as the reader finishes, fails or is
 * abandoned early (`return()`), so a consumer's `break` releases the file descriptor at once.
 *
 * @internal
 * @packageDocumentation
 */
import { open } from 'node:fs/promises';

/** @internal Bytes read per piece (64 KiB). */
export const FILE_PIECE = 65_536;

/** A file path, or a `file:` URL. */
export type PathLike = string | URL;

/**
 * @internal Yields the file's bytes in pieces. Each piece is a **reused** buffer valid until the next `next()`
 * (the CSV and line readers decode it at once), so memory stays at one piece whatever the file size.
 */
export async function* fileBytes(path: PathLike, pieceSize = FILE_PIECE): AsyncGenerator<Uint8Array, void, undefined> {
  const fh = await open(path, 'r');
  try {
    const buf = new Uint8Array(pieceSize);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, pieceSize, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}
