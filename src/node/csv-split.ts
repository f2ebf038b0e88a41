/**
 * Quote-aware record boundaries for the parallel CSV reader: where a block of a file can be cut so that every
 * record lies whole in one block. The walk follows the tokenizer's grammar exactly (a quote opens a quoted field
 * only at a field start; inside, `""` is an escaped quote and a lone quote closes; LF, CR and CRLF end records),
 * and visits only the quote bytes (`indexOf`, native), so a file without quotes costs two native scans per block.
 *
 * @internal
 * @packageDocumentation
 */

const LF = 10;
const CR = 13;

/**
 * @internal The offset just after the last record end in `b[0..len)` (which starts at a record start), or -1 if
 * no record ends there. A CR as the last byte is not taken (an LF may follow in the next read).
 */
export function lastRecordEnd(b: Uint8Array, len: number, delimiter: number, quote: number): number {
  const v = b.subarray(0, len);
  // Outside-quote segments [segs[2i], segs[2i+1]): only there can a line end end a record.
  const segs: number[] = [];
  let inside = false;
  let segStart = 0;
  let p = 0;
  for (;;) {
    const q = v.indexOf(quote, p);
    if (q < 0) break;
    if (!inside) {
      const prev = q === 0 ? LF : v[q - 1]!;
      if (prev === delimiter || prev === LF || prev === CR) {
        segs.push(segStart, q);
        inside = true;
      }
      p = q + 1;
    } else if (q + 1 >= len) break; // a quote at the very end: escape or close is unknown yet; stay inside
    else if (v[q + 1] === quote) p = q + 2;
    else {
      inside = false;
      segStart = q + 1;
      p = q + 1;
    }
  }
  if (!inside) segs.push(segStart, len);
  for (let i = segs.length - 2; i >= 0; i -= 2) {
    const s = segs[i]!;
    let e = segs[i + 1]!;
    while (e > s) {
      const seg = v.subarray(s, e);
      const nl = Math.max(seg.lastIndexOf(LF), seg.lastIndexOf(CR));
      if (nl < 0) break;
      const at = s + nl;
      if (v[at] === CR && at + 1 >= len) {
        e = at; // maybe half of a CRLF: look for an earlier end
        continue;
      }
      return at + 1;
    }
  }
  return -1;
}
