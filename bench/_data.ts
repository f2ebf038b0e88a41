/**
 * Seeded data for the benchmarks: every run of a suite sees the same numbers and strings.
 */

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` floats in [0, 1) from `seed`, as a plain `number[]`. */
export function floats(n: number, seed = 1): number[] {
  const r = rng(seed);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = r();
  return out;
}

/** `n` integers in [min, max] from `seed`, as a plain `number[]`. */
export function ints(n: number, min: number, max: number, seed = 2): number[] {
  const r = rng(seed);
  const span = max - min + 1;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = min + Math.floor(r() * span);
  return out;
}

/** `k` distinct category names (`cat0`, `cat1`, …). */
export function categoryNames(k: number): string[] {
  return Array.from({ length: k }, (_, i) => `cat${i}`);
}

/** `n` strings drawn from `names`: the literal (interned) strings themselves. */
export function pickStrings(n: number, names: readonly string[], seed = 3): string[] {
  const r = rng(seed);
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = names[Math.floor(r() * names.length)]!;
  return out;
}

/**
 * `n` strings drawn from `names`, made at runtime by splitting a CSV-like text: each is a fresh
 * heap string, as when a file is parsed (32–42 bytes each in V8 instead of a pointer to one literal).
 */
export function runtimeStrings(n: number, names: readonly string[], seed = 3): string[] {
  return pickStrings(n, names, seed).join(',').split(',');
}
