/**
 * Schema inference classifies the sample on bytes (csv-infer-kind.ts, csv-infer.ts's ColumnTally). The model
 * here is the classification it replaced, on JS strings with regular expressions: each value's kind and each
 * column's type must be the same as the string model's, on edge cases (signs, `-0`, exponents, `0x1F`, `nan`,
 * `inf`, 2^53 and 2^63 boundaries, dates with and without times, bools, NA tokens with `naValues` and
 * `keepDefaultNa: false`, multibyte text, `""` escapes) and on generated cells and columns (fast-check).
 */
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { ESCAPED, NaMatcher } from '../../src/pipeline/csv-bytes.js';
import { ColumnTally, naTokens, type InferredType } from '../../src/pipeline/csv-infer.js';
import { intOfBytes, KIND, kindOfBytes } from '../../src/pipeline/csv-infer-kind.js';

// ---- the string model (the classification before bytes) ----
const INT = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INF = /^[+-]?(?:inf|Inf|INF|infinity|Infinity|INFINITY)$/;
const BOOL = new Set(['True', 'False', 'true', 'false', 'TRUE', 'FALSE']);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})([-/])(\d{2})\2(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;
type Kind = 'int' | 'float' | 'bool' | 'date' | 'timestamp' | 'text';

function modelDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

function modelKind(v: string): Kind {
  if (INT.test(v)) return 'int';
  if (FLOAT.test(v) || INF.test(v)) return 'float';
  if (BOOL.has(v)) return 'bool';
  let m = DATE.exec(v);
  if (m !== null) return modelDay(+m[1]!, +m[2]!, +m[3]!) ? 'date' : 'text';
  m = DATETIME.exec(v);
  if (m !== null) return modelDay(+m[1]!, +m[3]!, +m[4]!) && +m[5]! < 24 && +m[6]! < 60 && (m[7] === undefined || +m[7] < 60) ? 'timestamp' : 'text';
  return 'text';
}

function modelType(values: readonly string[], na: ReadonlySet<string>): InferredType {
  const count = { int: 0, float: 0, bool: 0, date: 0, timestamp: 0, text: 0 };
  const distinct = new Set<string>();
  let lo = 0n;
  let hi = 0n;
  let ints = 0;
  for (const v of values) {
    if (na.has(v)) continue;
    distinct.add(v);
    const k = modelKind(v);
    count[k]++;
    if (k === 'int') {
      const b = BigInt(v);
      if (ints === 0 || b < lo) lo = b;
      if (ints === 0 || b > hi) hi = b;
      ints++;
    }
  }
  const present = values.filter((v) => !na.has(v)).length;
  if (present === 0) return 'float64';
  if (count.text === 0) {
    if (count.int === present) {
      if (lo >= -(2n ** 31n) && hi < 2n ** 31n) return 'int32';
      if (lo >= -(2n ** 53n) && hi <= 2n ** 53n) return 'float64';
      if (lo >= -(2n ** 63n) && hi < 2n ** 63n) return 'int64';
      if (lo >= 0n && hi < 2n ** 64n) return 'uint64';
      return 'utf8';
    }
    if (count.int + count.float === present) return lo >= -(2n ** 53n) && hi <= 2n ** 53n ? 'float64' : 'utf8';
    if (count.bool === present) return 'bool';
    if (count.date === present) return 'date';
    if (count.date + count.timestamp === present) return 'timestamp';
  }
  return distinct.size <= present * 0.5 ? 'category' : 'utf8';
}

// ---- the byte classification ----
const enc = new TextEncoder();
const KIND_NAMES: Record<number, Kind> = { [KIND.INT]: 'int', [KIND.FLOAT]: 'float', [KIND.BOOL]: 'bool', [KIND.DATE]: 'date', [KIND.STAMP]: 'timestamp', [KIND.TEXT]: 'text' };

/** The kind of `v` read from the middle of a larger buffer (bytes either side must not be read). */
function byteKind(v: string): Kind {
  const bytes = enc.encode(v);
  const b = new Uint8Array(bytes.length + 8).fill(0x35); // '5' either side: a read past the bounds would change the answer
  b.set(bytes, 4);
  return KIND_NAMES[kindOfBytes(b, 4, 4 + bytes.length)]!;
}

/** The type a ColumnTally finds for `values` (as tokenizer fields: a value with `"` in it arrives escaped). */
function byteType(values: readonly string[], na: NaMatcher): InferredType {
  const t = new ColumnTally(na);
  for (const v of values) {
    const escaped = v.includes('"');
    const bytes = enc.encode(escaped ? v.replaceAll('"', '""') : v);
    const b = new Uint8Array(bytes.length + 4).fill(0x37);
    b.set(bytes, 2);
    t.add(b, 2, 2 + bytes.length, escaped ? ESCAPED : 0, 0x22);
  }
  return t.type();
}

const EDGE = [
  '',
  '0',
  '-0',
  '+0',
  '+5',
  '-',
  '+',
  '007',
  ' 1',
  '1 ',
  '1e5',
  '1E-5',
  '1e',
  '1e+',
  'e5',
  '.5',
  '5.',
  '.',
  '-.5e+3',
  '1.2.3',
  '0x1F',
  '1_000',
  '١٢٣', // Arabic-Indic digits: not \d
  'nan',
  'NaN',
  'inf',
  '-inf',
  '+Infinity',
  'INFINITY',
  'infinite',
  'Inf ',
  'True',
  'false',
  'TRUE',
  'tRUE',
  'yes',
  '2147483647',
  '2147483648',
  '-2147483648',
  '-2147483649',
  '9007199254740992',
  '9007199254740993',
  '-9007199254740992',
  '-9007199254740993',
  '9223372036854775807',
  '9223372036854775808',
  '-9223372036854775808',
  '-9223372036854775809',
  '18446744073709551615',
  '18446744073709551616',
  '000000000000000000000000001',
  '2001-01-01',
  '2000-02-29',
  '1900-02-29',
  '2001-02-29',
  '2001-13-01',
  '2001-00-10',
  '2001-04-31',
  '2001/01/01',
  '2001-1-01',
  '2001-01-01T00:47',
  '2001-01-01 00:47:05',
  '2001-01-01T00:47:05.123Z',
  '2001-01-01T00:47:05.Z',
  '2001-01-01T00:47:05+01',
  '2001-01-01T00:47:05+0130',
  '2001-01-01T00:47:05-01:30',
  '2001-01-01T00:47:05+01:3',
  '2001-01-01T00:47:05+013',
  '2001-01-01T00:47+01:30',
  '2001/01/01 00:47',
  '2001/01-01 00:47',
  '2001-01-01T24:00',
  '2001-01-01T23:60',
  '2001-01-01T23:59:60',
  '2001-01-01T0:47',
  '2001-01-01T00:4',
  '2001-01-01T00',
  '2001-01-01T',
  '2001-01-01x00:47',
  '2001-01-01T00:47Zx',
  '2001-01-01T00:47:5',
  'NA',
  'N/A',
  'null',
  'None',
  '-nan',
  'héllo',
  '😀',
  'a"b',
  '""',
];

describe('kindOfBytes agrees with the string classification', () => {
  test('on edge cases', () => {
    for (const v of EDGE) expect([v, byteKind(v)]).toEqual([v, modelKind(v)]);
  });

  const digits = fc.string({ unit: fc.constantFrom('0', '1', '5', '9'), minLength: 1, maxLength: 22 });
  const numberLike = fc
    .tuple(
      fc.constantFrom('', '+', '-'),
      fc.option(digits, { nil: '' }),
      fc.constantFrom('', '.'),
      fc.option(digits, { nil: '' }),
      fc.constantFrom('', 'e', 'E', 'e-', 'e+'),
      fc.option(digits, { nil: '' }),
    )
    .map((p) => p.join(''));
  const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
  const dateLike = fc
    .tuple(
      fc.integer({ min: 1890, max: 2410 }).map(String),
      fc.constantFrom('-', '/'),
      two,
      fc.constantFrom('-', '/'),
      two,
      fc.constantFrom('', 'T', ' ', 'x'),
      two,
      fc.constantFrom(':', ''),
      two,
      fc.constantFrom('', ':00', ':59', ':60', ':5', ':05.5', ':05.'),
      fc.constantFrom('', 'Z', '+01', '-0130', '+01:30', '+1', '+01:3', 'Zx'),
    )
    .map(([y, s1, m, s2, d, t, hh, c, mm, ss, tz]) => (t === '' ? `${y}${s1}${m}${s2}${d}` : `${y}${s1}${m}${s2}${d}${t}${hh}${c}${mm}${ss}${tz}`));
  const anyText = fc.string({ unit: fc.constantFrom('1', '-', '+', '.', 'e', 'E', ':', 'T', ' ', 'Z', '/', 'i', 'n', 'f', 'a', 'é', '😀'), maxLength: 12 });
  const cell = fc.oneof(numberLike, dateLike, anyText, fc.constantFrom(...EDGE), fc.string());

  propTest.prop([cell], { numRuns: 3000 })('on generated cells', (v) => {
    expect(byteKind(v)).toBe(modelKind(v));
  });

  propTest.prop([fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), fc.constantFrom('', '+', '0', '00')])('intOfBytes reads an integer exactly', (n, pad) => {
    const text = n < 0n ? `-${pad.replace('+', '')}${-n}` : `${pad}${n}`;
    const b = enc.encode(text);
    const v = intOfBytes(b, 0, b.length);
    expect(BigInt(v)).toBe(n);
    if (typeof v === 'number') expect(Number.isSafeInteger(v)).toBe(true);
  });
});

describe('ColumnTally finds the type the string inference found', () => {
  const na = (naValues: string[], keepDefault: boolean): [NaMatcher, Set<string>] => {
    const tokens = naTokens(naValues, keepDefault);
    return [new NaMatcher(tokens), new Set(tokens)];
  };

  test('on edge-case columns', () => {
    const [m, s] = na([], true);
    const columns = [
      [],
      ['', 'NA'],
      ['1', '2', '2147483648'],
      ['1', '9007199254740993'],
      ['-9223372036854775809', '1'],
      ['18446744073709551615', '1'],
      ['18446744073709551616'],
      ['1', '1.5', '9007199254740993'],
      ['1', 'inf', '-0'],
      ['True', 'false', ''],
      ['2001-01-01', '2001-01-01T00:47'],
      ['2001-01-01', '2001-02-30'],
      ['a', 'a', 'b', 'b'],
      ['a', 'b', 'c', 'a'],
      ['"a"', '"a"', 'a', 'a'],
      ['é', 'é', '😀', '😀', 'NaN'],
      ['1', '0x1F'],
    ];
    for (const c of columns) expect([c, byteType(c, m)]).toEqual([c, modelType(c, s)]);
    const [m2, s2] = na(['-'], false);
    for (const c of [
      ['NA', '1', '-'],
      ['nan', '1.5'],
      ['', '1'],
      ['null', 'null', 'x', 'x'],
      ['-', '-'],
    ])
      expect([c, byteType(c, m2)]).toEqual([c, modelType(c, s2)]);
  });

  const value = fc.oneof(
    fc.constantFrom(...EDGE),
    fc.integer({ min: -300, max: 300 }).map(String),
    fc.bigInt({ min: -(2n ** 65n), max: 2n ** 65n }).map(String),
    fc.double({ noNaN: true }).map(String),
    fc.constantFrom('a', 'b', 'c', 'é', '😀', 'x"y', 'NA', '-', ''),
  );
  propTest.prop([fc.array(value, { maxLength: 40 }), fc.subarray(['-', 'x', 'NA', '1']), fc.boolean()], { numRuns: 1500 })(
    'on generated columns and NA settings',
    (values, naValues, keepDefault) => {
      const [m, s] = na(naValues, keepDefault);
      expect(byteType(values, m)).toBe(modelType(values, s));
    },
  );

  test('a short row counts as empty fields (pad), once', () => {
    const t = new ColumnTally(new NaMatcher(['']));
    t.add(enc.encode('1'), 0, 1, 0, 0x22);
    t.pad(3);
    t.pad(3);
    expect(t.cells).toBe(3);
    expect(t.type()).toBe('int32');
    const u = new ColumnTally(new NaMatcher([]));
    u.add(enc.encode('1'), 0, 1, 0, 0x22);
    u.pad(3);
    expect(u.type()).toBe(modelType(['1', '', ''], new Set()));
  });
});
