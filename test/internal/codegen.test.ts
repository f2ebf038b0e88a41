/**
 * internal/codegen.ts: the probe matches what the process allows (the `no-codegen` vitest project runs this
 * file under `--disallow-code-generation-from-strings`), and every caller gets an equivalent closure path.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { cloneFunction, codegenAvailable, generate, setCodegen } from '../../src/internal/codegen.js';
import { pipeline } from '../../src/pipeline.js';
import { vector } from '../../src/vector.js';

// In a browser page (vitest browser mode) there is no process: code generation is allowed there.
const forbidden = typeof process !== 'undefined' && process.execArgv.includes('--disallow-code-generation-from-strings');

afterEach(() => setCodegen(undefined));

describe('codegen', () => {
  test('the probe reflects the process flag', () => {
    expect(codegenAvailable()).toBe(!forbidden);
    // the flag really forbids it in this process: nothing else is fooling the probe
    let evalWorks = true;
    try {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval
      new Function('return 1');
    } catch (e) {
      expect(e).toBeInstanceOf(EvalError);
      evalWorks = false;
    }
    expect(evalWorks).toBe(!forbidden);
  });

  test('generate compiles when allowed and falls back otherwise', () => {
    const add = generate<(a: number, b: number) => number>(['a', 'b'], 'return a + b;', () => (a, b) => -(a + b));
    expect(add(2, 3)).toBe(forbidden ? -5 : 5);
    setCodegen(false);
    expect(codegenAvailable()).toBe(false);
    const add2 = generate<(a: number, b: number) => number>(['a', 'b'], 'return a + b;', () => (a, b) => -(a + b));
    expect(add2(2, 3)).toBe(-5);
  });

  test('generate rethrows errors other than EvalError (a bug in the generated text)', () => {
    if (forbidden) return expect(generate(['a'], 'return (', () => 1)).toBe(1);
    expect(() => generate(['a'], 'return (', () => 1)).toThrow(SyntaxError);
  });

  test('cloneFunction returns a separate copy when allowed, the function itself otherwise', () => {
    function twice(x: number): number {
      return 2 * x;
    }
    const c = cloneFunction(twice, 'test');
    expect(c(4)).toBe(8);
    expect(c === twice).toBe(forbidden);
    setCodegen(false);
    expect(cloneFunction(twice, 'test')).toBe(twice);
  });

  test('pipeline kernels: closure path gives the same results and bails at the same item', () => {
    const run = () => {
      const v = vector('float64', [1, 2, 3, 4, 5, 6]);
      const seen: number[] = [];
      const r = {
        sum: pipeline(v)
          .map((x) => x * 2)
          .filter((x) => x > 4)
          .sum(),
        min: pipeline(v)
          .map((x) => x - 3)
          .min(),
        max: pipeline(v)
          .map((x) => x - 3)
          .max(),
        count: pipeline(v)
          .filter((x) => x % 2 === 0)
          .count(),
        reduce: pipeline(v).reduce((a, x) => a * x, 1),
        tapped: pipeline(v)
          .tap((x) => seen.push(x))
          .map((x) => x + 1)
          .toArray(),
        mixed: pipeline([1, 2, 'x', 4] as unknown[])
          .map((x) => (typeof x === 'number' ? x * 10 : x))
          .toArray(),
        bail: pipeline(v)
          .map((x) => (x === 3 ? `s${x}` : x))
          .toArray(),
        thisArg: pipeline(v)
          .map(function (this: unknown, x) {
            return this === undefined ? x : -1;
          })
          .toArray(),
        seen,
      };
      return r;
    };
    const generated = run();
    setCodegen(false);
    const closure = run();
    expect(closure).toEqual(generated);
    expect(closure.sum).toBe(6 + 8 + 10 + 12);
    expect(closure.thisArg).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
