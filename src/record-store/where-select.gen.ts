// GENERATED FILE, DO NOT EDIT. Made by scripts/gen-kernels.mjs from scripts/templates/where-select.mjs;
// change the template and run `npm run gen` (test/internal/generated.test.ts fails when this file is stale).
/**
 * Select and refine kernels of the fused `filter(conditions)` (where-select.ts clones them per dtype).
 * @internal
 * @packageDocumentation
 */

/** The values of a numeric column. @internal */
export type Values = ArrayLike<number | bigint>;

/** Appends to `keep` from `k` the rows of `[lo, hi)` where `x === v`; returns the new count. @internal */
export function selectEq(a: Values, lo: number, hi: number, v: number | bigint, keep: Uint32Array, k: number): number {
  let i = lo;
  for (; i + 8 <= hi; i += 8) {
    const x0 = a[i]!;
    const x1 = a[i + 1]!;
    const x2 = a[i + 2]!;
    const x3 = a[i + 3]!;
    const x4 = a[i + 4]!;
    const x5 = a[i + 5]!;
    const x6 = a[i + 6]!;
    const x7 = a[i + 7]!;
    const t0 = +(x0 === v);
    const t1 = +(x1 === v);
    const t2 = +(x2 === v);
    const t3 = +(x3 === v);
    const t4 = +(x4 === v);
    const t5 = +(x5 === v);
    const t6 = +(x6 === v);
    const t7 = +(x7 === v);
    keep[k] = i;
    k += t0;
    keep[k] = i + 1;
    k += t1;
    keep[k] = i + 2;
    k += t2;
    keep[k] = i + 3;
    k += t3;
    keep[k] = i + 4;
    k += t4;
    keep[k] = i + 5;
    k += t5;
    keep[k] = i + 6;
    k += t6;
    keep[k] = i + 7;
    k += t7;
  }
  for (; i < hi; i++) {
    const x = a[i]!;
    keep[k] = i;
    k += +(x === v);
  }
  return k;
}

/** Keeps, in order, the rows of `keep[from, to)` where `x === v`, compacted from `from`; returns the new end. @internal */
export function refineEq(a: Values, v: number | bigint, keep: Uint32Array, from: number, to: number): number {
  let k = from;
  let j = from;
  for (; j + 8 <= to; j += 8) {
    const r0 = keep[j]!;
    const r1 = keep[j + 1]!;
    const r2 = keep[j + 2]!;
    const r3 = keep[j + 3]!;
    const r4 = keep[j + 4]!;
    const r5 = keep[j + 5]!;
    const r6 = keep[j + 6]!;
    const r7 = keep[j + 7]!;
    const x0 = a[r0]!;
    const x1 = a[r1]!;
    const x2 = a[r2]!;
    const x3 = a[r3]!;
    const x4 = a[r4]!;
    const x5 = a[r5]!;
    const x6 = a[r6]!;
    const x7 = a[r7]!;
    const t0 = +(x0 === v);
    const t1 = +(x1 === v);
    const t2 = +(x2 === v);
    const t3 = +(x3 === v);
    const t4 = +(x4 === v);
    const t5 = +(x5 === v);
    const t6 = +(x6 === v);
    const t7 = +(x7 === v);
    keep[k] = r0;
    k += t0;
    keep[k] = r1;
    k += t1;
    keep[k] = r2;
    k += t2;
    keep[k] = r3;
    k += t3;
    keep[k] = r4;
    k += t4;
    keep[k] = r5;
    k += t5;
    keep[k] = r6;
    k += t6;
    keep[k] = r7;
    k += t7;
  }
  for (; j < to; j++) {
    const r = keep[j]!;
    const x = a[r]!;
    keep[k] = r;
    k += +(x === v);
  }
  return k;
}

/** Appends to `keep` from `k` the rows of `[lo, hi)` where `x !== v` (true for NaN, as IEEE and pandas); returns the new count. @internal */
export function selectNe(a: Values, lo: number, hi: number, v: number | bigint, keep: Uint32Array, k: number): number {
  let i = lo;
  for (; i + 8 <= hi; i += 8) {
    const x0 = a[i]!;
    const x1 = a[i + 1]!;
    const x2 = a[i + 2]!;
    const x3 = a[i + 3]!;
    const x4 = a[i + 4]!;
    const x5 = a[i + 5]!;
    const x6 = a[i + 6]!;
    const x7 = a[i + 7]!;
    const t0 = +(x0 !== v);
    const t1 = +(x1 !== v);
    const t2 = +(x2 !== v);
    const t3 = +(x3 !== v);
    const t4 = +(x4 !== v);
    const t5 = +(x5 !== v);
    const t6 = +(x6 !== v);
    const t7 = +(x7 !== v);
    keep[k] = i;
    k += t0;
    keep[k] = i + 1;
    k += t1;
    keep[k] = i + 2;
    k += t2;
    keep[k] = i + 3;
    k += t3;
    keep[k] = i + 4;
    k += t4;
    keep[k] = i + 5;
    k += t5;
    keep[k] = i + 6;
    k += t6;
    keep[k] = i + 7;
    k += t7;
  }
  for (; i < hi; i++) {
    const x = a[i]!;
    keep[k] = i;
    k += +(x !== v);
  }
  return k;
}

/** Keeps, in order, the rows of `keep[from, to)` where `x !== v` (true for NaN, as IEEE and pandas), compacted from `from`; returns the new end. @internal */
export function refineNe(a: Values, v: number | bigint, keep: Uint32Array, from: number, to: number): number {
  let k = from;
  let j = from;
  for (; j + 8 <= to; j += 8) {
    const r0 = keep[j]!;
    const r1 = keep[j + 1]!;
    const r2 = keep[j + 2]!;
    const r3 = keep[j + 3]!;
    const r4 = keep[j + 4]!;
    const r5 = keep[j + 5]!;
    const r6 = keep[j + 6]!;
    const r7 = keep[j + 7]!;
    const x0 = a[r0]!;
    const x1 = a[r1]!;
    const x2 = a[r2]!;
    const x3 = a[r3]!;
    const x4 = a[r4]!;
    const x5 = a[r5]!;
    const x6 = a[r6]!;
    const x7 = a[r7]!;
    const t0 = +(x0 !== v);
    const t1 = +(x1 !== v);
    const t2 = +(x2 !== v);
    const t3 = +(x3 !== v);
    const t4 = +(x4 !== v);
    const t5 = +(x5 !== v);
    const t6 = +(x6 !== v);
    const t7 = +(x7 !== v);
    keep[k] = r0;
    k += t0;
    keep[k] = r1;
    k += t1;
    keep[k] = r2;
    k += t2;
    keep[k] = r3;
    k += t3;
    keep[k] = r4;
    k += t4;
    keep[k] = r5;
    k += t5;
    keep[k] = r6;
    k += t6;
    keep[k] = r7;
    k += t7;
  }
  for (; j < to; j++) {
    const r = keep[j]!;
    const x = a[r]!;
    keep[k] = r;
    k += +(x !== v);
  }
  return k;
}

/** Appends to `keep` from `k` the rows of `[lo, hi)` where `x < v`; returns the new count. @internal */
export function selectLt(a: Values, lo: number, hi: number, v: number | bigint, keep: Uint32Array, k: number): number {
  let i = lo;
  for (; i + 8 <= hi; i += 8) {
    const x0 = a[i]!;
    const x1 = a[i + 1]!;
    const x2 = a[i + 2]!;
    const x3 = a[i + 3]!;
    const x4 = a[i + 4]!;
    const x5 = a[i + 5]!;
    const x6 = a[i + 6]!;
    const x7 = a[i + 7]!;
    const t0 = +(x0 < v);
    const t1 = +(x1 < v);
    const t2 = +(x2 < v);
    const t3 = +(x3 < v);
    const t4 = +(x4 < v);
    const t5 = +(x5 < v);
    const t6 = +(x6 < v);
    const t7 = +(x7 < v);
    keep[k] = i;
    k += t0;
    keep[k] = i + 1;
    k += t1;
    keep[k] = i + 2;
    k += t2;
    keep[k] = i + 3;
    k += t3;
    keep[k] = i + 4;
    k += t4;
    keep[k] = i + 5;
    k += t5;
    keep[k] = i + 6;
    k += t6;
    keep[k] = i + 7;
    k += t7;
  }
  for (; i < hi; i++) {
    const x = a[i]!;
    keep[k] = i;
    k += +(x < v);
  }
  return k;
}

/** Keeps, in order, the rows of `keep[from, to)` where `x < v`, compacted from `from`; returns the new end. @internal */
export function refineLt(a: Values, v: number | bigint, keep: Uint32Array, from: number, to: number): number {
  let k = from;
  let j = from;
  for (; j + 8 <= to; j += 8) {
    const r0 = keep[j]!;
    const r1 = keep[j + 1]!;
    const r2 = keep[j + 2]!;
    const r3 = keep[j + 3]!;
    const r4 = keep[j + 4]!;
    const r5 = keep[j + 5]!;
    const r6 = keep[j + 6]!;
    const r7 = keep[j + 7]!;
    const x0 = a[r0]!;
    const x1 = a[r1]!;
    const x2 = a[r2]!;
    const x3 = a[r3]!;
    const x4 = a[r4]!;
    const x5 = a[r5]!;
    const x6 = a[r6]!;
    const x7 = a[r7]!;
    const t0 = +(x0 < v);
    const t1 = +(x1 < v);
    const t2 = +(x2 < v);
    const t3 = +(x3 < v);
    const t4 = +(x4 < v);
    const t5 = +(x5 < v);
    const t6 = +(x6 < v);
    const t7 = +(x7 < v);
    keep[k] = r0;
    k += t0;
    keep[k] = r1;
    k += t1;
    keep[k] = r2;
    k += t2;
    keep[k] = r3;
    k += t3;
    keep[k] = r4;
    k += t4;
    keep[k] = r5;
    k += t5;
    keep[k] = r6;
    k += t6;
    keep[k] = r7;
    k += t7;
  }
  for (; j < to; j++) {
    const r = keep[j]!;
    const x = a[r]!;
    keep[k] = r;
    k += +(x < v);
  }
  return k;
}

/** Appends to `keep` from `k` the rows of `[lo, hi)` where `x <= v`; returns the new count. @internal */
export function selectLe(a: Values, lo: number, hi: number, v: number | bigint, keep: Uint32Array, k: number): number {
  let i = lo;
  for (; i + 8 <= hi; i += 8) {
    const x0 = a[i]!;
    const x1 = a[i + 1]!;
    const x2 = a[i + 2]!;
    const x3 = a[i + 3]!;
    const x4 = a[i + 4]!;
    const x5 = a[i + 5]!;
    const x6 = a[i + 6]!;
    const x7 = a[i + 7]!;
    const t0 = +(x0 <= v);
    const t1 = +(x1 <= v);
    const t2 = +(x2 <= v);
    const t3 = +(x3 <= v);
    const t4 = +(x4 <= v);
    const t5 = +(x5 <= v);
    const t6 = +(x6 <= v);
    const t7 = +(x7 <= v);
    keep[k] = i;
    k += t0;
    keep[k] = i + 1;
    k += t1;
    keep[k] = i + 2;
    k += t2;
    keep[k] = i + 3;
    k += t3;
    keep[k] = i + 4;
    k += t4;
    keep[k] = i + 5;
    k += t5;
    keep[k] = i + 6;
    k += t6;
    keep[k] = i + 7;
    k += t7;
  }
  for (; i < hi; i++) {
    const x = a[i]!;
    keep[k] = i;
    k += +(x <= v);
  }
  return k;
}

/** Keeps, in order, the rows of `keep[from, to)` where `x <= v`, compacted from `from`; returns the new end. @internal */
export function refineLe(a: Values, v: number | bigint, keep: Uint32Array, from: number, to: number): number {
  let k = from;
  let j = from;
  for (; j + 8 <= to; j += 8) {
    const r0 = keep[j]!;
    const r1 = keep[j + 1]!;
    const r2 = keep[j + 2]!;
    const r3 = keep[j + 3]!;
    const r4 = keep[j + 4]!;
    const r5 = keep[j + 5]!;
    const r6 = keep[j + 6]!;
    const r7 = keep[j + 7]!;
    const x0 = a[r0]!;
    const x1 = a[r1]!;
    const x2 = a[r2]!;
    const x3 = a[r3]!;
    const x4 = a[r4]!;
    const x5 = a[r5]!;
    const x6 = a[r6]!;
    const x7 = a[r7]!;
    const t0 = +(x0 <= v);
    const t1 = +(x1 <= v);
    const t2 = +(x2 <= v);
    const t3 = +(x3 <= v);
    const t4 = +(x4 <= v);
    const t5 = +(x5 <= v);
    const t6 = +(x6 <= v);
    const t7 = +(x7 <= v);
    keep[k] = r0;
    k += t0;
    keep[k] = r1;
    k += t1;
    keep[k] = r2;
    k += t2;
    keep[k] = r3;
    k += t3;
    keep[k] = r4;
    k += t4;
    keep[k] = r5;
    k += t5;
    keep[k] = r6;
    k += t6;
    keep[k] = r7;
    k += t7;
  }
  for (; j < to; j++) {
    const r = keep[j]!;
    const x = a[r]!;
    keep[k] = r;
    k += +(x <= v);
  }
  return k;
}

/** Appends to `keep` from `k` the rows of `[lo, hi)` where `x > v`; returns the new count. @internal */
export function selectGt(a: Values, lo: number, hi: number, v: number | bigint, keep: Uint32Array, k: number): number {
  let i = lo;
  for (; i + 8 <= hi; i += 8) {
    const x0 = a[i]!;
    const x1 = a[i + 1]!;
    const x2 = a[i + 2]!;
    const x3 = a[i + 3]!;
    const x4 = a[i + 4]!;
    const x5 = a[i + 5]!;
    const x6 = a[i + 6]!;
    const x7 = a[i + 7]!;
    const t0 = +(x0 > v);
    const t1 = +(x1 > v);
    const t2 = +(x2 > v);
    const t3 = +(x3 > v);
    const t4 = +(x4 > v);
    const t5 = +(x5 > v);
    const t6 = +(x6 > v);
    const t7 = +(x7 > v);
    keep[k] = i;
    k += t0;
    keep[k] = i + 1;
    k += t1;
    keep[k] = i + 2;
    k += t2;
    keep[k] = i + 3;
    k += t3;
    keep[k] = i + 4;
    k += t4;
    keep[k] = i + 5;
    k += t5;
    keep[k] = i + 6;
    k += t6;
    keep[k] = i + 7;
    k += t7;
  }
  for (; i < hi; i++) {
    const x = a[i]!;
    keep[k] = i;
    k += +(x > v);
  }
  return k;
}

/** Keeps, in order, the rows of `keep[from, to)` where `x > v`, compacted from `from`; returns the new end. @internal */
export function refineGt(a: Values, v: number | bigint, keep: Uint32Array, from: number, to: number): number {
  let k = from;
  let j = from;
  for (; j + 8 <= to; j += 8) {
    const r0 = keep[j]!;
    const r1 = keep[j + 1]!;
    const r2 = keep[j + 2]!;
    const r3 = keep[j + 3]!;
    const r4 = keep[j + 4]!;
    const r5 = keep[j + 5]!;
    const r6 = keep[j + 6]!;
    const r7 = keep[j + 7]!;
    const x0 = a[r0]!;
    const x1 = a[r1]!;
    const x2 = a[r2]!;
    const x3 = a[r3]!;
    const x4 = a[r4]!;
    const x5 = a[r5]!;
    const x6 = a[r6]!;
    const x7 = a[r7]!;
    const t0 = +(x0 > v);
    const t1 = +(x1 > v);
    const t2 = +(x2 > v);
    const t3 = +(x3 > v);
    const t4 = +(x4 > v);
    const t5 = +(x5 > v);
    const t6 = +(x6 > v);
    const t7 = +(x7 > v);
    keep[k] = r0;
    k += t0;
    keep[k] = r1;
    k += t1;
    keep[k] = r2;
    k += t2;
    keep[k] = r3;
    k += t3;
    keep[k] = r4;
    k += t4;
    keep[k] = r5;
    k += t5;
    keep[k] = r6;
    k += t6;
    keep[k] = r7;
    k += t7;
  }
  for (; j < to; j++) {
    const r = keep[j]!;
    const x = a[r]!;
    keep[k] = r;
    k += +(x > v);
  }
  return k;
}

/** Appends to `keep` from `k` the rows of `[lo, hi)` where `x >= v`; returns the new count. @internal */
export function selectGe(a: Values, lo: number, hi: number, v: number | bigint, keep: Uint32Array, k: number): number {
  let i = lo;
  for (; i + 8 <= hi; i += 8) {
    const x0 = a[i]!;
    const x1 = a[i + 1]!;
    const x2 = a[i + 2]!;
    const x3 = a[i + 3]!;
    const x4 = a[i + 4]!;
    const x5 = a[i + 5]!;
    const x6 = a[i + 6]!;
    const x7 = a[i + 7]!;
    const t0 = +(x0 >= v);
    const t1 = +(x1 >= v);
    const t2 = +(x2 >= v);
    const t3 = +(x3 >= v);
    const t4 = +(x4 >= v);
    const t5 = +(x5 >= v);
    const t6 = +(x6 >= v);
    const t7 = +(x7 >= v);
    keep[k] = i;
    k += t0;
    keep[k] = i + 1;
    k += t1;
    keep[k] = i + 2;
    k += t2;
    keep[k] = i + 3;
    k += t3;
    keep[k] = i + 4;
    k += t4;
    keep[k] = i + 5;
    k += t5;
    keep[k] = i + 6;
    k += t6;
    keep[k] = i + 7;
    k += t7;
  }
  for (; i < hi; i++) {
    const x = a[i]!;
    keep[k] = i;
    k += +(x >= v);
  }
  return k;
}

/** Keeps, in order, the rows of `keep[from, to)` where `x >= v`, compacted from `from`; returns the new end. @internal */
export function refineGe(a: Values, v: number | bigint, keep: Uint32Array, from: number, to: number): number {
  let k = from;
  let j = from;
  for (; j + 8 <= to; j += 8) {
    const r0 = keep[j]!;
    const r1 = keep[j + 1]!;
    const r2 = keep[j + 2]!;
    const r3 = keep[j + 3]!;
    const r4 = keep[j + 4]!;
    const r5 = keep[j + 5]!;
    const r6 = keep[j + 6]!;
    const r7 = keep[j + 7]!;
    const x0 = a[r0]!;
    const x1 = a[r1]!;
    const x2 = a[r2]!;
    const x3 = a[r3]!;
    const x4 = a[r4]!;
    const x5 = a[r5]!;
    const x6 = a[r6]!;
    const x7 = a[r7]!;
    const t0 = +(x0 >= v);
    const t1 = +(x1 >= v);
    const t2 = +(x2 >= v);
    const t3 = +(x3 >= v);
    const t4 = +(x4 >= v);
    const t5 = +(x5 >= v);
    const t6 = +(x6 >= v);
    const t7 = +(x7 >= v);
    keep[k] = r0;
    k += t0;
    keep[k] = r1;
    k += t1;
    keep[k] = r2;
    k += t2;
    keep[k] = r3;
    k += t3;
    keep[k] = r4;
    k += t4;
    keep[k] = r5;
    k += t5;
    keep[k] = r6;
    k += t6;
    keep[k] = r7;
    k += t7;
  }
  for (; j < to; j++) {
    const r = keep[j]!;
    const x = a[r]!;
    keep[k] = r;
    k += +(x >= v);
  }
  return k;
}

/** Appends to `keep` from `k` the rows of `[lo, hi)` where NaN (`x !== x`; `v` is unused: one signature); returns the new count. @internal */
export function selectNaN(a: Values, lo: number, hi: number, _v: number | bigint, keep: Uint32Array, k: number): number {
  let i = lo;
  for (; i + 8 <= hi; i += 8) {
    const x0 = a[i]!;
    const x1 = a[i + 1]!;
    const x2 = a[i + 2]!;
    const x3 = a[i + 3]!;
    const x4 = a[i + 4]!;
    const x5 = a[i + 5]!;
    const x6 = a[i + 6]!;
    const x7 = a[i + 7]!;
    const t0 = +(x0 !== x0);
    const t1 = +(x1 !== x1);
    const t2 = +(x2 !== x2);
    const t3 = +(x3 !== x3);
    const t4 = +(x4 !== x4);
    const t5 = +(x5 !== x5);
    const t6 = +(x6 !== x6);
    const t7 = +(x7 !== x7);
    keep[k] = i;
    k += t0;
    keep[k] = i + 1;
    k += t1;
    keep[k] = i + 2;
    k += t2;
    keep[k] = i + 3;
    k += t3;
    keep[k] = i + 4;
    k += t4;
    keep[k] = i + 5;
    k += t5;
    keep[k] = i + 6;
    k += t6;
    keep[k] = i + 7;
    k += t7;
  }
  for (; i < hi; i++) {
    const x = a[i]!;
    keep[k] = i;
    k += +(x !== x);
  }
  return k;
}

/** Keeps, in order, the rows of `keep[from, to)` where NaN (`x !== x`; `v` is unused: one signature), compacted from `from`; returns the new end. @internal */
export function refineNaN(a: Values, _v: number | bigint, keep: Uint32Array, from: number, to: number): number {
  let k = from;
  let j = from;
  for (; j + 8 <= to; j += 8) {
    const r0 = keep[j]!;
    const r1 = keep[j + 1]!;
    const r2 = keep[j + 2]!;
    const r3 = keep[j + 3]!;
    const r4 = keep[j + 4]!;
    const r5 = keep[j + 5]!;
    const r6 = keep[j + 6]!;
    const r7 = keep[j + 7]!;
    const x0 = a[r0]!;
    const x1 = a[r1]!;
    const x2 = a[r2]!;
    const x3 = a[r3]!;
    const x4 = a[r4]!;
    const x5 = a[r5]!;
    const x6 = a[r6]!;
    const x7 = a[r7]!;
    const t0 = +(x0 !== x0);
    const t1 = +(x1 !== x1);
    const t2 = +(x2 !== x2);
    const t3 = +(x3 !== x3);
    const t4 = +(x4 !== x4);
    const t5 = +(x5 !== x5);
    const t6 = +(x6 !== x6);
    const t7 = +(x7 !== x7);
    keep[k] = r0;
    k += t0;
    keep[k] = r1;
    k += t1;
    keep[k] = r2;
    k += t2;
    keep[k] = r3;
    k += t3;
    keep[k] = r4;
    k += t4;
    keep[k] = r5;
    k += t5;
    keep[k] = r6;
    k += t6;
    keep[k] = r7;
    k += t7;
  }
  for (; j < to; j++) {
    const r = keep[j]!;
    const x = a[r]!;
    keep[k] = r;
    k += +(x !== x);
  }
  return k;
}

/** Appends to `keep` from `k` the rows of `[lo, hi)` where not NaN (`x === x`); returns the new count. @internal */
export function selectNotNaN(a: Values, lo: number, hi: number, _v: number | bigint, keep: Uint32Array, k: number): number {
  let i = lo;
  for (; i + 8 <= hi; i += 8) {
    const x0 = a[i]!;
    const x1 = a[i + 1]!;
    const x2 = a[i + 2]!;
    const x3 = a[i + 3]!;
    const x4 = a[i + 4]!;
    const x5 = a[i + 5]!;
    const x6 = a[i + 6]!;
    const x7 = a[i + 7]!;
    const t0 = +(x0 === x0);
    const t1 = +(x1 === x1);
    const t2 = +(x2 === x2);
    const t3 = +(x3 === x3);
    const t4 = +(x4 === x4);
    const t5 = +(x5 === x5);
    const t6 = +(x6 === x6);
    const t7 = +(x7 === x7);
    keep[k] = i;
    k += t0;
    keep[k] = i + 1;
    k += t1;
    keep[k] = i + 2;
    k += t2;
    keep[k] = i + 3;
    k += t3;
    keep[k] = i + 4;
    k += t4;
    keep[k] = i + 5;
    k += t5;
    keep[k] = i + 6;
    k += t6;
    keep[k] = i + 7;
    k += t7;
  }
  for (; i < hi; i++) {
    const x = a[i]!;
    keep[k] = i;
    k += +(x === x);
  }
  return k;
}

/** Keeps, in order, the rows of `keep[from, to)` where not NaN (`x === x`), compacted from `from`; returns the new end. @internal */
export function refineNotNaN(a: Values, _v: number | bigint, keep: Uint32Array, from: number, to: number): number {
  let k = from;
  let j = from;
  for (; j + 8 <= to; j += 8) {
    const r0 = keep[j]!;
    const r1 = keep[j + 1]!;
    const r2 = keep[j + 2]!;
    const r3 = keep[j + 3]!;
    const r4 = keep[j + 4]!;
    const r5 = keep[j + 5]!;
    const r6 = keep[j + 6]!;
    const r7 = keep[j + 7]!;
    const x0 = a[r0]!;
    const x1 = a[r1]!;
    const x2 = a[r2]!;
    const x3 = a[r3]!;
    const x4 = a[r4]!;
    const x5 = a[r5]!;
    const x6 = a[r6]!;
    const x7 = a[r7]!;
    const t0 = +(x0 === x0);
    const t1 = +(x1 === x1);
    const t2 = +(x2 === x2);
    const t3 = +(x3 === x3);
    const t4 = +(x4 === x4);
    const t5 = +(x5 === x5);
    const t6 = +(x6 === x6);
    const t7 = +(x7 === x7);
    keep[k] = r0;
    k += t0;
    keep[k] = r1;
    k += t1;
    keep[k] = r2;
    k += t2;
    keep[k] = r3;
    k += t3;
    keep[k] = r4;
    k += t4;
    keep[k] = r5;
    k += t5;
    keep[k] = r6;
    k += t6;
    keep[k] = r7;
    k += t7;
  }
  for (; j < to; j++) {
    const r = keep[j]!;
    const x = a[r]!;
    keep[k] = r;
    k += +(x === x);
  }
  return k;
}

/** Appends to `keep` from `k` the rows of `[lo, hi)` where the category code answers 1 in `table` (`table[0]`: the missing code -1); returns the new count. @internal */
export function selectCodes(a: ArrayLike<number>, lo: number, hi: number, table: Uint8Array, keep: Uint32Array, k: number): number {
  let i = lo;
  for (; i + 8 <= hi; i += 8) {
    const x0 = a[i]!;
    const x1 = a[i + 1]!;
    const x2 = a[i + 2]!;
    const x3 = a[i + 3]!;
    const x4 = a[i + 4]!;
    const x5 = a[i + 5]!;
    const x6 = a[i + 6]!;
    const x7 = a[i + 7]!;
    const t0 = table[x0 + 1]!;
    const t1 = table[x1 + 1]!;
    const t2 = table[x2 + 1]!;
    const t3 = table[x3 + 1]!;
    const t4 = table[x4 + 1]!;
    const t5 = table[x5 + 1]!;
    const t6 = table[x6 + 1]!;
    const t7 = table[x7 + 1]!;
    keep[k] = i;
    k += t0;
    keep[k] = i + 1;
    k += t1;
    keep[k] = i + 2;
    k += t2;
    keep[k] = i + 3;
    k += t3;
    keep[k] = i + 4;
    k += t4;
    keep[k] = i + 5;
    k += t5;
    keep[k] = i + 6;
    k += t6;
    keep[k] = i + 7;
    k += t7;
  }
  for (; i < hi; i++) {
    const x = a[i]!;
    keep[k] = i;
    k += table[x + 1]!;
  }
  return k;
}

/** Keeps, in order, the rows of `keep[from, to)` where the category code answers 1 in `table` (`table[0]`: the missing code -1), compacted from `from`; returns the new end. @internal */
export function refineCodes(a: ArrayLike<number>, table: Uint8Array, keep: Uint32Array, from: number, to: number): number {
  let k = from;
  let j = from;
  for (; j + 8 <= to; j += 8) {
    const r0 = keep[j]!;
    const r1 = keep[j + 1]!;
    const r2 = keep[j + 2]!;
    const r3 = keep[j + 3]!;
    const r4 = keep[j + 4]!;
    const r5 = keep[j + 5]!;
    const r6 = keep[j + 6]!;
    const r7 = keep[j + 7]!;
    const x0 = a[r0]!;
    const x1 = a[r1]!;
    const x2 = a[r2]!;
    const x3 = a[r3]!;
    const x4 = a[r4]!;
    const x5 = a[r5]!;
    const x6 = a[r6]!;
    const x7 = a[r7]!;
    const t0 = table[x0 + 1]!;
    const t1 = table[x1 + 1]!;
    const t2 = table[x2 + 1]!;
    const t3 = table[x3 + 1]!;
    const t4 = table[x4 + 1]!;
    const t5 = table[x5 + 1]!;
    const t6 = table[x6 + 1]!;
    const t7 = table[x7 + 1]!;
    keep[k] = r0;
    k += t0;
    keep[k] = r1;
    k += t1;
    keep[k] = r2;
    k += t2;
    keep[k] = r3;
    k += t3;
    keep[k] = r4;
    k += t4;
    keep[k] = r5;
    k += t5;
    keep[k] = r6;
    k += t6;
    keep[k] = r7;
    k += t7;
  }
  for (; j < to; j++) {
    const r = keep[j]!;
    const x = a[r]!;
    keep[k] = r;
    k += table[x + 1]!;
  }
  return k;
}

/** Appends to `keep` from `k` the rows of `[lo, hi)` where the byte is non-zero (a whole-column 0/1 mask, or one block of answers); returns the new count. @internal */
export function selectBytes(a: Uint8Array, base: number, lo: number, hi: number, keep: Uint32Array, k: number): number {
  let i = lo;
  for (; i + 8 <= hi; i += 8) {
    const x0 = a[i - base]!;
    const x1 = a[i + 1 - base]!;
    const x2 = a[i + 2 - base]!;
    const x3 = a[i + 3 - base]!;
    const x4 = a[i + 4 - base]!;
    const x5 = a[i + 5 - base]!;
    const x6 = a[i + 6 - base]!;
    const x7 = a[i + 7 - base]!;
    const t0 = +(x0 !== 0);
    const t1 = +(x1 !== 0);
    const t2 = +(x2 !== 0);
    const t3 = +(x3 !== 0);
    const t4 = +(x4 !== 0);
    const t5 = +(x5 !== 0);
    const t6 = +(x6 !== 0);
    const t7 = +(x7 !== 0);
    keep[k] = i;
    k += t0;
    keep[k] = i + 1;
    k += t1;
    keep[k] = i + 2;
    k += t2;
    keep[k] = i + 3;
    k += t3;
    keep[k] = i + 4;
    k += t4;
    keep[k] = i + 5;
    k += t5;
    keep[k] = i + 6;
    k += t6;
    keep[k] = i + 7;
    k += t7;
  }
  for (; i < hi; i++) {
    const x = a[i - base]!;
    keep[k] = i;
    k += +(x !== 0);
  }
  return k;
}

/** Keeps, in order, the rows of `keep[from, to)` where the byte is non-zero (a whole-column 0/1 mask, or one block of answers), compacted from `from`; returns the new end. @internal */
export function refineBytes(a: Uint8Array, base: number, keep: Uint32Array, from: number, to: number): number {
  let k = from;
  let j = from;
  for (; j + 8 <= to; j += 8) {
    const r0 = keep[j]!;
    const r1 = keep[j + 1]!;
    const r2 = keep[j + 2]!;
    const r3 = keep[j + 3]!;
    const r4 = keep[j + 4]!;
    const r5 = keep[j + 5]!;
    const r6 = keep[j + 6]!;
    const r7 = keep[j + 7]!;
    const x0 = a[r0 - base]!;
    const x1 = a[r1 - base]!;
    const x2 = a[r2 - base]!;
    const x3 = a[r3 - base]!;
    const x4 = a[r4 - base]!;
    const x5 = a[r5 - base]!;
    const x6 = a[r6 - base]!;
    const x7 = a[r7 - base]!;
    const t0 = +(x0 !== 0);
    const t1 = +(x1 !== 0);
    const t2 = +(x2 !== 0);
    const t3 = +(x3 !== 0);
    const t4 = +(x4 !== 0);
    const t5 = +(x5 !== 0);
    const t6 = +(x6 !== 0);
    const t7 = +(x7 !== 0);
    keep[k] = r0;
    k += t0;
    keep[k] = r1;
    k += t1;
    keep[k] = r2;
    k += t2;
    keep[k] = r3;
    k += t3;
    keep[k] = r4;
    k += t4;
    keep[k] = r5;
    k += t5;
    keep[k] = r6;
    k += t6;
    keep[k] = r7;
    k += t7;
  }
  for (; j < to; j++) {
    const r = keep[j]!;
    const x = a[r - base]!;
    keep[k] = r;
    k += +(x !== 0);
  }
  return k;
}
