/**
 * The fuzzers' seeded generator (mulberry32): every case is a pure function of (seed, case index),
 * so any failure replays from the two numbers it prints.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** One element of `xs`. */
  pick<T>(xs: readonly T[]): T;
}

/** A generator for case `index` of run `seed`. */
export function rng(seed: number, index = 0): Rng {
  let a = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul(index | 0, 0x85ebca77) ^ 0x6d2b79f5) >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
  };
}

/** `x` cut into consecutive pieces of 1 to `max` elements (random sizes): how the fuzzers feed chunked readers. */
export function cut<T extends { readonly length: number; slice(start: number, end: number): T }>(x: T, r: Rng, max: number): T[] {
  const out: T[] = [];
  for (let at = 0; at < x.length;) {
    const n = 1 + r.int(max);
    out.push(x.slice(at, at + n));
    at += n;
  }
  return out;
}
