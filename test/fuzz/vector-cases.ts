/**
 * Vector / MemoryView differential programs: random sequences of array.array operations (append, extend,
 * insert, pop, remove, index, count, reverse, item and slice get/set/delete) and memoryview reads and
 * writes (tolist, cast('B'), strided slices, item set) on every typecode, with edge and hostile values
 * (range ends and one past, fractions, NaN, -0, infinities, 2^64). CPython runs the same programs
 * (test/vector/python-oracle-programs.py); each step must give the same value or the same error class,
 * and leave the same array.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { memoryview } from '../../src/memoryview.js';
import { vector } from '../../src/vector.js';
import { type Rng, rng } from './_rng.js';

/** A value as JSON: numbers, or `{big}` / `{f}` for what JSON cannot hold. */
export type Enc = number | { big: string } | { f: string } | Enc[] | null;

/** One program. */
export interface Program {
  readonly code: string;
  readonly init: Enc[];
  readonly ops: [string, Enc[]][];
}

const RANGES: Record<string, [bigint, bigint]> = {
  b: [-128n, 127n],
  B: [0n, 255n],
  h: [-32768n, 32767n],
  H: [0n, 65535n],
  i: [-(2n ** 31n), 2n ** 31n - 1n],
  I: [0n, 2n ** 32n - 1n],
  q: [-(2n ** 63n), 2n ** 63n - 1n],
  Q: [0n, 2n ** 64n - 1n],
};
const CODES = ['b', 'B', 'h', 'H', 'i', 'I', 'q', 'Q', 'f', 'd'];

function encInt(v: bigint): Enc {
  return v > 2n ** 53n || v < -(2n ** 53n) ? { big: String(v) } : Number(v);
}

/** A value for `code`: in range when `valid`, else anything hostile too. */
function value(code: string, r: Rng, valid: boolean): Enc {
  const range = RANGES[code];
  if (range === undefined) {
    const xs: Enc[] = [0.5, { f: '-0' }, 3, 1e-45, 2 ** 24 + 1, -1.25, 1e38];
    if (!valid) xs.push({ f: 'nan' }, { f: 'inf' }, { f: '-inf' }, 1e300, -1e300, { big: String(2n ** 64n) });
    return r.pick(xs);
  }
  const [lo, hi] = range;
  const span = hi - lo;
  const xs: Enc[] = [encInt(lo), encInt(hi), 0, 1, encInt(lo + (BigInt(r.int(1 << 30)) * span) / BigInt(1 << 30))];
  if (!valid) xs.push(encInt(lo - 1n), encInt(hi + 1n), 1.5, { f: 'nan' }, encInt(2n ** 64n), -1);
  return r.pick(xs);
}

function bound(r: Rng, n: number): Enc {
  return r.next() < 0.3 ? null : r.int(2 * n + 5) - n - 2;
}

/** Program `index` of run `seed`. */
export function program(seed: number, index: number): Program {
  const r = rng(seed, index);
  const code = r.pick(CODES);
  const init = Array.from({ length: r.int(7) }, () => value(code, r, true));
  let n = init.length;
  const ops: [string, Enc[]][] = [];
  const steps = 4 + r.int(8);
  for (let s = 0; s < steps; s++) {
    const op = r.pick([
      'append',
      'extend',
      'insert',
      'pop',
      'remove',
      'index',
      'count',
      'reverse',
      'get',
      'set',
      'slice',
      'setSlice',
      'deleteSlice',
      'mvList',
      'mvBytes',
      'mvSlice',
      'mvSet',
    ]);
    const valid = r.next() < 0.7;
    const step = (): Enc => r.pick([null, 1, 2, -1, -3, 1, 0].slice(0, r.next() < 0.05 ? 7 : 6));
    switch (op) {
      case 'append':
        ops.push([op, [value(code, r, valid)]]);
        n++;
        break;
      case 'extend': {
        const xs = Array.from({ length: r.int(4) }, () => value(code, r, valid));
        ops.push([op, [xs]]);
        n += xs.length;
        break;
      }
      case 'insert':
        ops.push([op, [r.int(2 * n + 5) - n - 2, value(code, r, valid)]]);
        n++;
        break;
      case 'pop':
        ops.push([op, r.next() < 0.5 ? [] : [r.int(2 * n + 3) - n - 1]]);
        break;
      case 'remove':
      case 'index':
      case 'count':
        ops.push([op, [value(code, r, valid)]]);
        break;
      case 'get':
        ops.push([op, [r.int(2 * n + 3) - n - 1]]);
        break;
      case 'set':
      case 'mvSet':
        ops.push([op, [r.int(2 * n + 3) - n - 1, value(code, r, valid)]]);
        break;
      case 'slice':
      case 'deleteSlice':
      case 'mvSlice':
        ops.push([op, [bound(r, n), bound(r, n), step()]]);
        break;
      case 'setSlice':
        ops.push([op, [bound(r, n), bound(r, n), step(), Array.from({ length: r.int(4) }, () => value(code, r, valid))]]);
        break;
      default:
        ops.push([op, []]);
    }
  }
  return { code, init, ops };
}

function dec(code: string, v: Enc): unknown {
  if (v === null) return null;
  if (Array.isArray(v)) return v.map((x) => dec(code, x));
  const big = code === 'q' || code === 'Q';
  if (typeof v === 'object') {
    if ('big' in v) return big ? BigInt(v.big) : Number(v.big);
    return { nan: Number.NaN, '-0': -0, inf: Infinity, '-inf': -Infinity }[v.f];
  }
  return big && Number.isInteger(v) ? BigInt(v) : v;
}

function enc(v: unknown): Enc {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.map(enc);
  if (typeof v === 'bigint') return encInt(v);
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { f: 'nan' };
    if (v === Infinity) return { f: 'inf' };
    if (v === -Infinity) return { f: '-inf' };
    if (Object.is(v, -0)) return { f: '-0' };
    return v;
  }
  if (typeof v === 'boolean') return v ? 1 : 0;
  return String(v) as never;
}

type V = ReturnType<typeof vector<'int8'>>;
/** The MemoryView surface the programs use (values untyped: they are hostile on purpose). */
interface Mv {
  release(): void;
  toList(): unknown[];
  cast(format: 'B'): Mv;
  slice(start: number, stop: number, step: number): Mv;
  set(i: number, v: unknown): void;
}

/** Indexes and slice bounds as numbers (the decoder makes every integer a bigint for q / Q). */
const num = (x: unknown): number => (x === null || x === undefined ? (x as never) : Number(x));

function step(v: V, code: string, op: string, args: unknown[]): unknown {
  // CPython releases a derived view (cast, slice) as soon as it is unreferenced; here each is released explicitly.
  const views: { release(): void }[] = [];
  const view = <R>(fn: (m: Mv) => R): R => {
    const m = memoryview(v as never) as unknown as Mv;
    views.push(m);
    try {
      return fn(m);
    } finally {
      for (const w of views) w.release();
    }
  };
  const keep = (m: Mv): Mv => {
    views.push(m);
    return m;
  };
  const indexed = ['insert', 'pop', 'get', 'set', 'mvSet'].includes(op) ? 1 : ['slice', 'setSlice', 'deleteSlice', 'mvSlice'].includes(op) ? 3 : 0;
  const a = args.map((x, k) => (k < indexed ? num(x) : x));
  switch (op) {
    case 'append':
      v.push(a[0] as never);
      return null;
    case 'extend':
      v.extend(vector(code as 'b', a[0] as never) as never);
      return null;
    case 'insert':
      v.insert(a[0] as number, a[1] as never);
      return null;
    case 'pop':
      return a.length === 0 ? v.pop() : v.pop(a[0] as number);
    case 'remove':
      v.remove(a[0]);
      return null;
    case 'index':
      return v.index(a[0] as never);
    case 'count':
      return v.count(a[0] as never);
    case 'reverse':
      v.reverse();
      return null;
    case 'get':
      return v.get(a[0] as number);
    case 'set':
      v.set(a[0] as number, a[1] as never);
      return null;
    case 'slice':
      return v.slice(a[0] as number, a[1] as number, a[2] as number).toArray();
    case 'setSlice':
      v.setSlice(a[0] as number, a[1] as number, a[2] as number, vector(code as 'b', a[3] as never) as never);
      return null;
    case 'deleteSlice':
      v.deleteSlice(a[0] as number, a[1] as number, a[2] as number);
      return null;
    case 'mvList':
      return view((m) => m.toList());
    case 'mvBytes':
      return view((m) => keep(m.cast('B')).toList());
    case 'mvSlice':
      return view((m) => keep(m.slice(a[0] as number, a[1] as number, a[2] as number)).toList());
    case 'mvSet':
      return view((m) => {
        m.set(a[0] as number, a[1]);
        return null;
      });
    default:
      throw new Error(`unknown op ${op}`);
  }
}

/** One step's outcome, as the Python side reports it. */
interface Outcome {
  ok?: Enc;
  error?: string;
  state: Enc;
}

/** compactly's run of a program. */
export function runCompactly(p: Program): { init: string | null; steps: Outcome[] } {
  let v: V;
  try {
    v = vector(p.code as 'b', dec(p.code, p.init) as never) as unknown as V;
  } catch (e) {
    return { init: (e as Error).name, steps: [] };
  }
  const steps: Outcome[] = [];
  for (const [op, args] of p.ops) {
    let out: Outcome;
    try {
      out = { ok: enc(step(v, p.code, op, dec(p.code, args) as unknown[])), state: null };
    } catch (e) {
      out = { error: (e as Error).name, state: null };
    }
    out.state = enc(v.toArray());
    steps.push(out);
  }
  return { init: null, steps };
}

const ORACLE = fileURLToPath(new URL('../vector/python-oracle-programs.py', import.meta.url));

/** CPython's runs of the programs, or `undefined` when python3 is absent. */
export function runPython(programs: readonly Program[]): { init: string | null; steps: Outcome[] }[] | undefined {
  const res = spawnSync('python3', [ORACLE], { input: JSON.stringify(programs), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (res.error !== undefined || res.status !== 0) return undefined;
  return JSON.parse(res.stdout) as { init: string | null; steps: Outcome[] }[];
}

/** The first step where compactly and CPython differ, described; undefined when they agree. */
export function difference(p: Program, ours: ReturnType<typeof runCompactly>, theirs: ReturnType<typeof runCompactly>): string | undefined {
  if (ours.init !== theirs.init) return `array(${p.code}, init): compactly ${ours.init ?? 'ok'}, CPython ${theirs.init ?? 'ok'}`;
  for (let k = 0; k < theirs.steps.length; k++) {
    const a = JSON.stringify(ours.steps[k]);
    const b = JSON.stringify(theirs.steps[k]);
    if (a !== b) return `step ${k} ${JSON.stringify(p.ops[k])}: compactly ${a}, CPython ${b}`;
  }
  return undefined;
}
