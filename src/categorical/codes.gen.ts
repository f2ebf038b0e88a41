// GENERATED FILE, DO NOT EDIT. Made by scripts/gen-kernels.mjs from scripts/templates/categorical-codes.mjs;
// change the template and run `npm run gen` (test/internal/generated.test.ts fails when this file is stale).
/**
 * Per-code-width kernels of Categorical, one distinct function per code array type (Int8Array, Int16Array,
 * Int32Array), emitted from scripts/templates/categorical-codes.mjs so that each stays monomorphic
 * (docs/internals/performance.md, "Monomorphic kernels"). The dispatchers in codes.ts pick one per call, never
 * per element.
 *
 * @internal
 * @packageDocumentation
 */

// --- int8 codes (Int8Array) -------------------------------------------------------------------

/** out[i] = lo <= codes[i] <= hi, for i < n. @internal */
export function rangeMask8(codes: Int8Array, n: number, lo: number, hi: number, out: Uint8Array): void {
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    out[i] = +(c >= lo) & +(c <= hi);
  }
}

/** counts[codes[i] + 1]++, for i < n (slot 0 counts missing). @internal */
export function bincount8(codes: Int8Array, n: number, counts: Float64Array): void {
  for (let i = 0; i < n; i++) counts[codes[i]! + 1]!++;
}

/** out[i] = table[codes[i] + 1], for i < n. @internal */
export function recode8(codes: Int8Array, n: number, table: Int32Array, out: Int8Array | Int16Array | Int32Array): void {
  for (let i = 0; i < n; i++) out[i] = table[codes[i]! + 1]!;
}

/** codes[i] = table[codes[i] + 1], for i < n. @internal */
export function recodeInPlace8(codes: Int8Array, n: number, table: Int32Array): void {
  for (let i = 0; i < n; i++) codes[i] = table[codes[i]! + 1]!;
}

/** out[j] = codes[idx[j]], for j < idx.length, four a step (the four loads overlap, then the four stores). @internal */
export function gather8(codes: Int8Array, idx: ArrayLike<number>, out: Int8Array): void {
  const m = idx.length;
  let j = 0;
  for (; j + 4 <= m; j += 4) {
    const a = codes[idx[j]!]!;
    const b = codes[idx[j + 1]!]!;
    const c = codes[idx[j + 2]!]!;
    const d = codes[idx[j + 3]!]!;
    out[j] = a;
    out[j + 1] = b;
    out[j + 2] = c;
    out[j + 3] = d;
  }
  for (; j < m; j++) out[j] = codes[idx[j]!]!;
}

/** out = [smallest code, largest code, smallest code >= 0] among the first n. @internal */
export function extremes8(codes: Int8Array, n: number, out: Int32Array): void {
  let lo = 0x7fffffff;
  let hi = -0x80000000;
  let loValid = 0x7fffffff;
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    if (c < lo) lo = c;
    if (c > hi) hi = c;
    if (c >= 0 && c < loValid) loValid = c;
  }
  out[0] = lo;
  out[1] = hi;
  out[2] = loValid;
}

/**
 * True when each of the first n codes lies in [-1, k): branch-free, one OR of two signs per code (a code
 * below -1 makes c + 1 negative, one past the top makes k - 1 - c negative). @internal
 */
export function inRange8(codes: Int8Array, n: number, k: number): boolean {
  const top = k - 1;
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    acc |= (top - c) | (c + 1);
  }
  return acc >= 0;
}

/** Writes the distinct codes among the first n to out in order of first appearance; returns how many. @internal */
export function firstOccurrences8(codes: Int8Array, n: number, seen: Uint8Array, out: Int32Array): number {
  const all = seen.length;
  let m = 0;
  for (let i = 0; i < n && m < all; i++) {
    const c = codes[i]! + 1;
    if (seen[c] === 0) {
      seen[c] = 1;
      out[m++] = c - 1;
    }
  }
  return m;
}

// --- int16 codes (Int16Array) -----------------------------------------------------------------

/** out[i] = lo <= codes[i] <= hi, for i < n. @internal */
export function rangeMask16(codes: Int16Array, n: number, lo: number, hi: number, out: Uint8Array): void {
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    out[i] = +(c >= lo) & +(c <= hi);
  }
}

/** counts[codes[i] + 1]++, for i < n (slot 0 counts missing). @internal */
export function bincount16(codes: Int16Array, n: number, counts: Float64Array): void {
  for (let i = 0; i < n; i++) counts[codes[i]! + 1]!++;
}

/** out[i] = table[codes[i] + 1], for i < n. @internal */
export function recode16(codes: Int16Array, n: number, table: Int32Array, out: Int8Array | Int16Array | Int32Array): void {
  for (let i = 0; i < n; i++) out[i] = table[codes[i]! + 1]!;
}

/** codes[i] = table[codes[i] + 1], for i < n. @internal */
export function recodeInPlace16(codes: Int16Array, n: number, table: Int32Array): void {
  for (let i = 0; i < n; i++) codes[i] = table[codes[i]! + 1]!;
}

/** out[j] = codes[idx[j]], for j < idx.length, four a step (the four loads overlap, then the four stores). @internal */
export function gather16(codes: Int16Array, idx: ArrayLike<number>, out: Int16Array): void {
  const m = idx.length;
  let j = 0;
  for (; j + 4 <= m; j += 4) {
    const a = codes[idx[j]!]!;
    const b = codes[idx[j + 1]!]!;
    const c = codes[idx[j + 2]!]!;
    const d = codes[idx[j + 3]!]!;
    out[j] = a;
    out[j + 1] = b;
    out[j + 2] = c;
    out[j + 3] = d;
  }
  for (; j < m; j++) out[j] = codes[idx[j]!]!;
}

/** out = [smallest code, largest code, smallest code >= 0] among the first n. @internal */
export function extremes16(codes: Int16Array, n: number, out: Int32Array): void {
  let lo = 0x7fffffff;
  let hi = -0x80000000;
  let loValid = 0x7fffffff;
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    if (c < lo) lo = c;
    if (c > hi) hi = c;
    if (c >= 0 && c < loValid) loValid = c;
  }
  out[0] = lo;
  out[1] = hi;
  out[2] = loValid;
}

/**
 * True when each of the first n codes lies in [-1, k): branch-free, one OR of two signs per code (a code
 * below -1 makes c + 1 negative, one past the top makes k - 1 - c negative). @internal
 */
export function inRange16(codes: Int16Array, n: number, k: number): boolean {
  const top = k - 1;
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    acc |= (top - c) | (c + 1);
  }
  return acc >= 0;
}

/** Writes the distinct codes among the first n to out in order of first appearance; returns how many. @internal */
export function firstOccurrences16(codes: Int16Array, n: number, seen: Uint8Array, out: Int32Array): number {
  const all = seen.length;
  let m = 0;
  for (let i = 0; i < n && m < all; i++) {
    const c = codes[i]! + 1;
    if (seen[c] === 0) {
      seen[c] = 1;
      out[m++] = c - 1;
    }
  }
  return m;
}

// --- int32 codes (Int32Array) -----------------------------------------------------------------

/** out[i] = lo <= codes[i] <= hi, for i < n. @internal */
export function rangeMask32(codes: Int32Array, n: number, lo: number, hi: number, out: Uint8Array): void {
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    out[i] = +(c >= lo) & +(c <= hi);
  }
}

/** counts[codes[i] + 1]++, for i < n (slot 0 counts missing). @internal */
export function bincount32(codes: Int32Array, n: number, counts: Float64Array): void {
  for (let i = 0; i < n; i++) counts[codes[i]! + 1]!++;
}

/** out[i] = table[codes[i] + 1], for i < n. @internal */
export function recode32(codes: Int32Array, n: number, table: Int32Array, out: Int8Array | Int16Array | Int32Array): void {
  for (let i = 0; i < n; i++) out[i] = table[codes[i]! + 1]!;
}

/** codes[i] = table[codes[i] + 1], for i < n. @internal */
export function recodeInPlace32(codes: Int32Array, n: number, table: Int32Array): void {
  for (let i = 0; i < n; i++) codes[i] = table[codes[i]! + 1]!;
}

/** out[j] = codes[idx[j]], for j < idx.length, four a step (the four loads overlap, then the four stores). @internal */
export function gather32(codes: Int32Array, idx: ArrayLike<number>, out: Int32Array): void {
  const m = idx.length;
  let j = 0;
  for (; j + 4 <= m; j += 4) {
    const a = codes[idx[j]!]!;
    const b = codes[idx[j + 1]!]!;
    const c = codes[idx[j + 2]!]!;
    const d = codes[idx[j + 3]!]!;
    out[j] = a;
    out[j + 1] = b;
    out[j + 2] = c;
    out[j + 3] = d;
  }
  for (; j < m; j++) out[j] = codes[idx[j]!]!;
}

/** out = [smallest code, largest code, smallest code >= 0] among the first n. @internal */
export function extremes32(codes: Int32Array, n: number, out: Int32Array): void {
  let lo = 0x7fffffff;
  let hi = -0x80000000;
  let loValid = 0x7fffffff;
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    if (c < lo) lo = c;
    if (c > hi) hi = c;
    if (c >= 0 && c < loValid) loValid = c;
  }
  out[0] = lo;
  out[1] = hi;
  out[2] = loValid;
}

/**
 * True when each of the first n codes lies in [-1, k): branch-free, one OR of two signs per code (a code
 * below -1 makes c + 1 negative, one past the top makes k - 1 - c negative). @internal
 */
export function inRange32(codes: Int32Array, n: number, k: number): boolean {
  const top = k - 1;
  let acc = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    acc |= (top - c) | (c + 1);
  }
  return acc >= 0;
}

/** Writes the distinct codes among the first n to out in order of first appearance; returns how many. @internal */
export function firstOccurrences32(codes: Int32Array, n: number, seen: Uint8Array, out: Int32Array): number {
  const all = seen.length;
  let m = 0;
  for (let i = 0; i < n && m < all; i++) {
    const c = codes[i]! + 1;
    if (seen[c] === 0) {
      seen[c] = 1;
      out[m++] = c - 1;
    }
  }
  return m;
}
