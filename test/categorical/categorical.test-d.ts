/** Type tests: what the factories infer. */
import { expectTypeOf, test } from 'vitest';
import { Categorical, categorical, type CodeArray } from '../../src/categorical.js';

test('string and number literals widen to string / number columns', () => {
  expectTypeOf(categorical(['a', 'b'])).toEqualTypeOf<Categorical<string>>();
  expectTypeOf(categorical([1, 2, null])).toEqualTypeOf<Categorical<number>>();
  expectTypeOf(categorical([], { categories: ['lo', 'hi'] })).toEqualTypeOf<Categorical<string>>();
  expectTypeOf(categorical<string>()).toEqualTypeOf<Categorical<string>>();
  expectTypeOf(Categorical.fromCodes([0], ['x'])).toEqualTypeOf<Categorical<string>>();
});

test('members are typed by the category type', () => {
  const c = categorical(['a']);
  expectTypeOf(c.get(0)).toEqualTypeOf<string | null>();
  expectTypeOf(c.categories).toEqualTypeOf<readonly string[]>();
  expectTypeOf(c.codes).toEqualTypeOf<CodeArray>();
  expectTypeOf(c.valueCounts()).toEqualTypeOf<Map<string | null, number>>();
  expectTypeOf(c.eq('a')).toEqualTypeOf<Uint8Array>();
  expectTypeOf(c.toArray()).toEqualTypeOf<(string | null)[]>();
  expectTypeOf(c.renameCategories([1])).toEqualTypeOf<Categorical<number>>();
  expectTypeOf(c.take([0])).toEqualTypeOf<Categorical<string>>();
  // @ts-expect-error a number is not a category of a string column
  c.push(1);
  // @ts-expect-error nor is a boolean
  c.set(0, true);
});
