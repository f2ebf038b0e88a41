/**
 * Microbenchmarks of the V8 rules compactly's code relies on (docs/internals/performance.md cites each one
 * with the figure measured). Each rule times two variants of the same loop in this process and prints the
 * ratio (variant / reference; below 1 means the variant is slower), median of `--rounds` rounds.
 *
 *     npx tsx bench/v8-rules.ts [rule ...] [--rounds N] [--n N]
 *
 * Rules: polymorphic, closure-factory, out-of-line-throw, for-of, resizable-buffer, private-field,
 * branch-free-compare, polymorphic-callback. Ratios measured in one run are
 * robust to machine load; absolute times are not.
 */

type Sum = (a: ArrayLike<number>, n: number) => number;

/** Median of the times of `rounds` calls of `fn` (each call timed alone), in ms. */
function timeMs(fn: () => unknown, rounds: number): number {
  const t: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return t[t.length >> 1]!;
}

let sink = 0;

/** Two loops of one rule: `ref` and `variant`, timed alternately after a warm-up. */
interface Rule {
  readonly name: string;
  readonly ref: string;
  readonly variant: string;
  readonly setup: (n: number) => { ref: () => number; variant: () => number };
}

// Fresh, identical functions per rule, so the type feedback of one rule does not leak into another.
function sumA(a: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i]!;
  return s;
}
function sumB(a: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i]!;
  return s;
}
function makeSum(): Sum {
  return (a, n) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i]!;
    return s;
  };
}
function sumC(a: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i]!;
  return s;
}
function sumD(a: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i]!;
  return s;
}

/** A resizable ArrayBuffer (Node 20's lib typings lack the options argument). */
function resizable(bytes: number, maxByteLength: number): ArrayBuffer {
  return new (ArrayBuffer as unknown as new (n: number, o: { maxByteLength: number }) => ArrayBuffer)(bytes, { maxByteLength });
}

function fill(n: number): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = (i % 97) * 0.5;
  return a;
}

/** Every array kind a generic kernel could meet: the TypedArrays and a plain array. */
function otherKinds(): ArrayLike<number>[] {
  const src = [1, 2, 3, 4];
  return [
    Int8Array.from(src),
    Uint8Array.from(src),
    Int16Array.from(src),
    Uint16Array.from(src),
    Int32Array.from(src),
    Uint32Array.from(src),
    Float32Array.from(src),
    src.slice(),
    new Float64Array(resizable(32, 64)),
  ];
}

class Col {
  constructor(
    readonly data: Float64Array,
    readonly length: number,
  ) {}
  getInline(i: number): number {
    if (i < 0 || i >= this.length) throw new RangeError(`index ${i} out of range for a column of length ${this.length}`);
    return this.data[i]!;
  }
  getOutOfLine(i: number): number {
    if (i < 0 || i >= this.length) throwRange(i, this.length);
    return this.data[i]!;
  }
}
function throwRange(i: number, n: number): never {
  throw new RangeError(`index ${i} out of range for a column of length ${n}`);
}

/** A column whose hot field is a #private field, and its twin with a plain property. */
class PrivateCol {
  readonly #a: Float64Array;
  constructor(a: Float64Array) {
    this.#a = a;
  }
  get(i: number): number {
    return this.#a[i]!;
  }
}
class PlainCol {
  readonly a: Float64Array;
  constructor(a: Float64Array) {
    this.a = a;
  }
  get(i: number): number {
    return this.a[i]!;
  }
}

/** Pseudo-random doubles in [0, 1) (a fixed LCG: branch predictors cannot learn them). */
function noise(n: number): Float64Array {
  const a = new Float64Array(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    a[i] = x / 4294967296;
  }
  return a;
}
function maskFlag(a: Float64Array, v: number, out: Uint8Array): number {
  for (let i = 0; i < a.length; i++) out[i] = +(a[i]! > v);
  return out[a.length >> 1]!;
}
function maskBranch(a: Float64Array, v: number, out: Uint8Array): number {
  for (let i = 0; i < a.length; i++) out[i] = a[i]! > v ? 1 : 0;
  return out[a.length >> 1]!;
}

/** A loop calling a callback per element; the `Poly` twin is also fed eight other callbacks. */
function mapSumMono(a: Float64Array, fn: (x: number) => number): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += fn(a[i]!);
  return s;
}
function mapSumPoly(a: Float64Array, fn: (x: number) => number): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += fn(a[i]!);
  return s;
}

const RULES: readonly Rule[] = [
  {
    name: 'polymorphic',
    ref: 'a sum kernel that only ever saw Float64Array',
    variant: 'the same kernel after it also saw 8 other array kinds',
    setup(n) {
      const a = fill(n);
      for (const k of otherKinds()) for (let r = 0; r < 50; r++) sink += sumB(k, k.length);
      return { ref: () => sumA(a, n), variant: () => sumB(a, n) };
    },
  },
  {
    name: 'closure-factory',
    ref: 'a separate function per array type',
    variant: 'closures from one factory (shared feedback), one fed Int32Array',
    setup(n) {
      const a = fill(n);
      const i32 = Int32Array.from(a);
      const f64Closure = makeSum();
      const i32Closure = makeSum();
      for (let r = 0; r < 50; r++) sink += i32Closure(i32, n);
      return { ref: () => sumC(a, n), variant: () => f64Closure(a, n) };
    },
  },
  {
    name: 'out-of-line-throw',
    ref: 'checked get(i) whose throw is in a helper',
    variant: 'checked get(i) with an inline throw new RangeError(`...`)',
    setup(n) {
      const col = new Col(fill(n), n);
      return {
        ref: () => {
          let s = 0;
          for (let i = 0; i < n; i++) s += col.getOutOfLine(i);
          return s;
        },
        variant: () => {
          let s = 0;
          for (let i = 0; i < n; i++) s += col.getInline(i);
          return s;
        },
      };
    },
  },
  {
    name: 'for-of',
    ref: 'indexed loop over a Float64Array',
    variant: 'for..of over the same Float64Array',
    setup(n) {
      const a = fill(n);
      return {
        ref: () => {
          let s = 0;
          for (let i = 0; i < a.length; i++) s += a[i]!;
          return s;
        },
        variant: () => {
          let s = 0;
          for (const x of a) s += x;
          return s;
        },
      };
    },
  },
  {
    name: 'resizable-buffer',
    ref: 'sum over a Float64Array on a plain ArrayBuffer',
    variant: 'the same sum over a length-tracking Float64Array on a resizable ArrayBuffer',
    setup(n) {
      const a = fill(n);
      const rab = resizable(n * 8, n * 16);
      const b = new Float64Array(rab);
      b.set(a);
      return { ref: () => sumC(a, n), variant: () => sumD(b, n) };
    },
  },
  {
    name: 'private-field',
    ref: 'get(i) reading a plain property',
    variant: 'the same get(i) reading a #private field',
    setup(n) {
      const a = fill(n);
      const plain = new PlainCol(a);
      const priv = new PrivateCol(a);
      return {
        ref: () => {
          let s = 0;
          for (let i = 0; i < n; i++) s += plain.get(i);
          return s;
        },
        variant: () => {
          let s = 0;
          for (let i = 0; i < n; i++) s += priv.get(i);
          return s;
        },
      };
    },
  },
  {
    name: 'branch-free-compare',
    ref: 'mask out[i] = +(a[i] > v) over random doubles',
    variant: 'the same mask with out[i] = a[i] > v ? 1 : 0',
    setup(n) {
      const a = noise(n);
      const out = new Uint8Array(n);
      return { ref: () => maskFlag(a, 0.5, out), variant: () => maskBranch(a, 0.5, out) };
    },
  },
  {
    name: 'polymorphic-callback',
    ref: 'a loop calling one callback it has only ever seen',
    variant: 'the same loop after it also called 8 other callbacks',
    setup(n) {
      const a = fill(n);
      const small = a.subarray(0, 1000);
      const others: ((x: number) => number)[] = [(x) => x + 1, (x) => x * 3, (x) => x - 2, (x) => x * x, (x) => x / 2, (x) => -x, (x) => x * 0.5 + 1, (x) => Math.abs(x)];
      for (const f of others) for (let r = 0; r < 50; r++) sink += mapSumPoly(small, f);
      const double = (x: number): number => x * 2;
      const double2 = (x: number): number => x * 2;
      return { ref: () => mapSumMono(a, double), variant: () => mapSumPoly(a, double2) };
    },
  },
];

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

const rounds = arg('--rounds', 31);
const n = arg('--n', 1_000_000);
const wanted = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const unknown = wanted.filter((w) => !RULES.some((r) => r.name === w));
if (unknown.length) {
  process.stderr.write(`unknown rule(s): ${unknown.join(', ')}; rules: ${RULES.map((r) => r.name).join(', ')}\n`);
  process.exit(2);
}
process.stdout.write(`node ${process.version}, n = ${n}, median of ${rounds} rounds\n`);
for (const rule of RULES) {
  if (wanted.length && !wanted.includes(rule.name)) continue;
  const { ref, variant } = rule.setup(n);
  for (let w = 0; w < 10; w++) sink += ref() + variant();
  const tr = timeMs(() => (sink += ref()), rounds);
  const tv = timeMs(() => (sink += variant()), rounds);
  process.stdout.write(`${rule.name}: ${(tr / tv).toFixed(2)}x  (${rule.ref}: ${tr.toFixed(2)} ms; ${rule.variant}: ${tv.toFixed(2)} ms)\n`);
}
if (sink === 0.5) process.stdout.write('\n');
