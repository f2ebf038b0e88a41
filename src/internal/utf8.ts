/**
 * UTF-8 helpers shared by RecordStore's utf8 fields, the CSV reader and the Arrow entry: encode a JS string
 * into a byte buffer, decode a byte range, validate a byte range (with the offset of the first bad byte),
 * and compare or hash byte ranges without decoding them.
 *
 * @internal
 * @packageDocumentation
 */

const encoder = /* @__PURE__ */ new TextEncoder();
const decoder = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: false });

/**
 * UTF-8 byte length of a well-formed string (surrogate pairs count 4). O(length).
 * @internal
 */
export function utf8Length(s: string): number {
  const n = s.length;
  let b = n;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) b += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      b += 2; // 2 UTF-16 units -> 4 bytes
      i++;
    } else b += 2;
  }
  return b;
}

/**
 * Writes `s` as UTF-8 into `bytes` at `pos` (the caller made room: {@link utf8Length}); returns the new
 * position. An ASCII loop for short strings, `TextEncoder.encodeInto` otherwise.
 * @internal
 */
export function encodeUtf8Into(s: string, bytes: Uint8Array, pos: number): number {
  const n = s.length;
  if (n <= 32) {
    let j = 0;
    for (; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c > 0x7f) break;
      bytes[pos + j] = c;
    }
    if (j === n) return pos + n;
  }
  return pos + encoder.encodeInto(s, bytes.subarray(pos)).written;
}

/** Decodes `bytes[start, end)` as UTF-8 (an ASCII loop for short ranges). @internal */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  const len = end - start;
  if (len <= 24) {
    let s = '';
    for (let i = start; i < end; i++) {
      const c = bytes[i]!;
      if (c > 0x7f) return decoder.decode(bytes.subarray(start, end));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return decoder.decode(bytes.subarray(start, end));
}

/**
 * The offset of the first byte of `bytes[start, end)` that is not part of well-formed UTF-8 (overlong forms,
 * surrogates and code points past U+10FFFF are ill-formed, as the Unicode standard says), or -1 if the range
 * is valid. O(end - start).
 * @internal
 */
export function invalidUtf8At(bytes: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const c = bytes[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= end) return i; // truncated sequence
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k]!;
      if ((b & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** True if `a[as, ae)` and `b[bs, be)` hold the same bytes. @internal */
export function bytesEqual(a: Uint8Array, as: number, ae: number, b: Uint8Array, bs: number, be: number): boolean {
  const n = ae - as;
  if (n !== be - bs) return false;
  for (let k = 0; k < n; k++) if (a[as + k] !== b[bs + k]) return false;
  return true;
}

/** Compares two byte ranges (unsigned lexicographic: UTF-8 order is code point order, as Python's `str`). @internal */
export function compareBytes(a: Uint8Array, as: number, ae: number, b: Uint8Array, bs: number, be: number): number {
  const la = ae - as;
  const lb = be - bs;
  const n = la < lb ? la : lb;
  for (let k = 0; k < n; k++) {
    const d = a[as + k]! - b[bs + k]!;
    if (d !== 0) return d;
  }
  return la - lb;
}

/** FNV-1a hash of `bytes[start, end)` (32 bits). @internal */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}
