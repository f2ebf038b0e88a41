/**
 * Dense codes of a utf8 column, for `groupBy` and `sortBy`: equal strings get equal codes, found by hashing
 * their UTF-8 bytes (FNV-1a, open addressing) — no string is decoded. Codes are then renumbered in byte
 * order, which is code point order (Python's `str` order, what pandas sorts by).
 *
 * @internal
 * @packageDocumentation
 */
import { bytesEqual, compareBytes, hashBytes } from '../internal/utf8.js';

/** @internal */
export interface Utf8Codes {
  /** Code of each row in `[0, k)`, ascending with the value; `-1` for a null row. */
  readonly codes: Int32Array;
  /** Distinct non-null values. */
  readonly k: number;
  /** First row holding each code, in code order. */
  readonly reps: Uint32Array;
}

/**
 * Dense codes of the first `n` rows of a utf8 column. O(bytes) expected for hashing, plus O(k log k)
 * comparisons to order the `k` distinct values.
 * @internal
 */
export function utf8Codes(offsets: Int32Array, bytes: Uint8Array, validity: Uint8Array | null, n: number): Utf8Codes {
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1); // provisional code in each slot
  const first: number[] = []; // first row of each provisional code
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (validity !== null && (validity[i >>> 3]! & (1 << (i & 7))) === 0) {
      codes[i] = -1;
      continue;
    }
    const a = offsets[i]!;
    const b = offsets[i + 1]!;
    let h = hashBytes(bytes, a, b) & mask;
    for (;;) {
      const c = slots[h]!;
      if (c < 0) {
        slots[h] = first.length;
        codes[i] = first.length;
        first.push(i);
        break;
      }
      const r = first[c]!;
      if (bytesEqual(bytes, offsets[r]!, offsets[r + 1]!, bytes, a, b)) {
        codes[i] = c;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  const k = first.length;
  const order = Array.from({ length: k }, (_, c) => c).sort((x, y) => {
    const rx = first[x]!;
    const ry = first[y]!;
    return compareBytes(bytes, offsets[rx]!, offsets[rx + 1]!, bytes, offsets[ry]!, offsets[ry + 1]!);
  });
  const rank = new Int32Array(k);
  const reps = new Uint32Array(k);
  for (let r = 0; r < k; r++) {
    rank[order[r]!] = r;
    reps[r] = first[order[r]!]!;
  }
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    if (c >= 0) codes[i] = rank[c]!;
  }
  return { codes, k, reps };
}
