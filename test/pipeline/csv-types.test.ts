/**
 * readCsv with an explicit schema fills every field type: utf8 (bytes copied, no string per cell), bool
 * (pandas' spellings), date and timestamp (ISO 8601 and `YYYY/MM/DD HH:MM`, UTC unless an offset is given),
 * and `nullable: true` on each (pandas' NA tokens read as null). Error paths name line, column, field and
 * value. A CPython oracle (`datetime.fromisoformat`) checks the date/time formats; a property checks that
 * `readCsv(writeCsv(store), {schema})` gives the store back, nulls included.
 */
import { spawnSync } from 'node:child_process';
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { CsvError, readCsvStore, recordStore, RecordStore, writeCsv, type Schema } from '../../src/index.js';
import { Utf8Column } from '../../src/record-store.js';

function store<S extends Schema>(text: string | Uint8Array, schema: S, options: { chunkSize?: number; onError?: 'throw' | 'skip' } = {}): RecordStore<S> {
  return readCsvStore(text, { schema, ...options }) as RecordStore<S>;
}
function csvError(f: () => unknown): CsvError {
  try {
    f();
  } catch (e) {
    if (e instanceof CsvError) return e;
    throw e;
  }
  throw new Error('no CsvError');
}

describe('utf8 fields', () => {
  test('text copied from the bytes: quotes unescaped, multi-byte characters, empty strings; column() is a Utf8Column', () => {
    const s = store('id,note\n1,"say ""hi"""\n2,é😀\n3,""\n4,\n5,"a,b\nc"\n', { id: 'int32', note: 'utf8' });
    expect(s.column('note')).toBeInstanceOf(Utf8Column);
    expect(s.column('note').toArray()).toEqual(['say "hi"', 'é😀', '', '', 'a,b\nc']);
    expect(s.validity('note')).toBeNull();
  });
  test("'string' is an alias; non-nullable text reads NA tokens as text", () => {
    expect(store('t\nNA\nnull\n', { t: 'string' }).column('t').toArray()).toEqual(['NA', 'null']);
  });
  test('nullable: unquoted NA tokens are null, quoted ones are text', () => {
    const s = store('t\nNA\n""\n"NA"\n\nx\n', { t: { type: 'utf8', nullable: true } }, { chunkSize: 2 });
    expect(s.column('t').toArray()).toEqual([null, '', 'NA', 'x']);
    expect(s.nullCount('t')).toBe(1);
  });
  test('invalid UTF-8 is a CsvError naming line, column and byte offset', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('id,t\n1,ok\n2,a'), 0xc3, 0x28, 10]);
    const e = csvError(() => store(bytes, { id: 'int32', t: 'utf8' }));
    expect([e.line, e.column]).toEqual([3, 2]);
    expect(e.message).toMatch(/invalid UTF-8 at byte offset 13/);
  });
  test('long fields and many chunks: the byte buffer grows', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${i},${'x'.repeat(i % 70)}é`);
    const s = store('i,t\n' + rows.join('\n'), { i: 'int32', t: 'utf8' }, { chunkSize: 700 });
    expect(s.length).toBe(3000);
    for (const i of [0, 1, 699, 700, 2999]) expect(s.getField(i, 't')).toBe(`${'x'.repeat(i % 70)}é`);
  });
});

describe('bool fields', () => {
  test("pandas' spellings: True/TRUE/true/1 and False/FALSE/false/0", () => {
    const s = store('b\nTrue\nTRUE\ntrue\n1\nFalse\nFALSE\nfalse\n0\n', { b: 'bool' });
    expect(s.toObjects().map((r) => r.b)).toEqual([true, true, true, true, false, false, false, false]);
    expect(s.column('b')).toEqual(new Uint8Array([1, 1, 1, 1, 0, 0, 0, 0]));
  });
  test('other text is a CsvError naming the value; NA in a non-nullable bool says to use nullable', () => {
    for (const v of ['yes', 'tRUE', '2', 'Tru']) expect(csvError(() => store(`b\n${v}\n`, { b: 'bool' })).message).toContain(`cannot parse "${v}" as bool`);
    expect(csvError(() => store('b\nNA\n', { b: 'bool' })).message).toMatch(/missing value "NA" in a non-nullable bool field.*nullable: true/);
    expect(store('b\nNA\nTrue\n', { b: { type: 'bool', nullable: true } }).toObjects()).toEqual([{ b: null }, { b: true }]);
  });
});

describe('date and timestamp fields', () => {
  test('dates: YYYY-MM-DD, YYYY/MM/DD, and a timestamp at midnight; day numbers', () => {
    const s = store('d\n1970-01-02\n2001/01/01\n2001-01-01 00:00:00\n1969-12-31\n', { d: 'date' });
    expect(Array.from(s.column('d'))).toEqual([1, 11323, 11323, -1]);
    expect(s.get(1).toObject().d).toEqual(new Date('2001-01-01T00:00:00Z'));
  });
  test('timestamps: ISO 8601 with T or space, seconds, fractions, Z and offsets, and the slash form; no offset is UTC', () => {
    const cases: [string, string][] = [
      ['2001-01-01T00:47:00Z', '2001-01-01T00:47:00.000Z'],
      ['2001-01-01 00:47', '2001-01-01T00:47:00.000Z'],
      ['2001/01/01 00:47', '2001-01-01T00:47:00.000Z'],
      ['2001-01-01T00:47:05.123456', '2001-01-01T00:47:05.123Z'],
      ['2001-01-01T00:47:05+05:30', '2000-12-31T19:17:05.000Z'],
      ['2001-01-01T00:47:05-0800', '2001-01-01T08:47:05.000Z'],
      ['2001-01-01', '2001-01-01T00:00:00.000Z'],
    ];
    const s = store('t\n' + cases.map((c) => c[0]).join('\n'), { t: 'timestamp' });
    expect(s.toObjects().map((r) => (r.t as Date).toISOString())).toEqual(cases.map((c) => c[1]));
  });
  test('unparsable or impossible values are a CsvError naming line, column, field and value', () => {
    const e = csvError(() => store('id,d\n1,2001-01-01\n2,2001-02-30\n', { id: 'int32', d: 'date' }));
    expect([e.line, e.column, e.field]).toEqual([3, 2, 'd']);
    expect(e.message).toContain('cannot parse "2001-02-30" as date');
    for (const v of ['2001-13-01 00:00', '2001-01-01T25:00', '01/02/2001', '2001-01-01T00:00+24:00', 'yesterday']) {
      expect(csvError(() => store(`t\n${v}\n`, { t: 'timestamp' })).message).toContain(`cannot parse "${v}" as timestamp`);
    }
    expect(csvError(() => store('d\nx\n', { d: 'date' })).message).toMatch(/cannot parse "x" as date/);
  });
  test('nullable date and timestamp: NA tokens are null', () => {
    const s = store('d,t\nNA,\n2001-01-01,2001-01-01 00:47\n', { d: { type: 'date', nullable: true }, t: { type: 'timestamp', nullable: true } });
    expect(s.toObjects()).toEqual([
      { d: null, t: null },
      { d: new Date('2001-01-01T00:00:00Z'), t: new Date('2001-01-01T00:47:00Z') },
    ]);
    expect([s.nullCount('d'), s.nullCount('t')]).toEqual([1, 1]);
  });
});

describe('nullable numeric fields', () => {
  test("every pandas NA token is null in a nullable int; validity() is Arrow's bitmap", () => {
    const tokens = ['', 'NA', 'N/A', 'n/a', 'NaN', 'nan', '-NaN', '-nan', 'NULL', 'null', 'None', '#N/A', '#NA', '<NA>', '1.#IND', '1.#QNAN', '#N/A N/A', '-1.#IND', '-1.#QNAN'];
    const s = store('k,v\n' + ['7', ...tokens].map((t) => `k,${t}`).join('\n') + '\n', { v: { type: 'int32', nullable: true } });
    expect(s.length).toBe(1 + tokens.length);
    expect(s.nullCount('v')).toBe(tokens.length);
    expect(s.getField(0, 'v')).toBe(7);
    expect(s.validity('v')![0]).toBe(1);
    expect(Array.from(s.column('v'))).toEqual(new Array(s.length).fill(0).map((_, i) => (i === 0 ? 7 : 0)));
  });
  test('nullable float64 / float32 / int64 / uint8; no nulls, no bitmap', () => {
    const s = store('a,b,c,d\n1.5,2,9007199254740993,255\nNA,,,\n', {
      a: { type: 'float64', nullable: true },
      b: { type: 'float32', nullable: true },
      c: { type: 'int64', nullable: true },
      d: { type: 'uint8', nullable: true },
    });
    expect(s.toObjects()).toEqual([
      { a: 1.5, b: 2, c: 9007199254740993n, d: 255 },
      { a: null, b: null, c: null, d: null },
    ]);
    expect(store('a\n1\n', { a: { type: 'int32', nullable: true } }).validity('a')).toBeNull();
  });
  test('an empty cell in a non-nullable int is a CsvError naming the field and saying to use nullable', () => {
    const e = csvError(() => store('id,n\n1,2\n2,\n', { id: 'int32', n: 'int32' }));
    expect([e.line, e.column, e.field]).toEqual([3, 2, 'n']);
    expect(e.message).toMatch(/missing value "" in a non-nullable int32 field \(declare it \{type: 'int32', nullable: true\}/);
  });
  test("onError: 'skip' drops a bad row and keeps the nulls around it in place", () => {
    const s = store('a,b\n1,NA\nx,2\nNA,3\n4,\n', { a: { type: 'int32', nullable: true }, b: { type: 'int32', nullable: true } }, { onError: 'skip' });
    expect(s.toObjects()).toEqual([
      { a: 1, b: null },
      { a: null, b: 3 },
      { a: 4, b: null },
    ]);
  });
});

// --- the CPython oracle ----------------------------------------------------------------------------------

const hasPython = spawnSync('python3', ['-c', 'import datetime, json'], { encoding: 'utf8' }).status === 0;
if (!hasPython) console.log('note: python3 not found; the datetime.fromisoformat oracle for date/timestamp formats is skipped');

describe.skipIf(!hasPython)('timestamps against CPython datetime.fromisoformat', () => {
  test('random ISO 8601 texts: same instant (UTC when no offset), same rejections', () => {
    const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
    const text = fc
      .tuple(
        fc.integer({ min: 1, max: 9999 }).map((y) => String(y).padStart(4, '0')),
        fc.integer({ min: 0, max: 13 }).map((m) => String(m).padStart(2, '0')),
        fc.integer({ min: 0, max: 32 }).map((d) => String(d).padStart(2, '0')),
        fc.constantFrom('T', ' '),
        two,
        two,
        fc.option(two),
        fc.option(
          fc.integer({ min: 0, max: 999999 }).map((f) =>
            String(f)
              .padStart(6, '0')
              .slice(0, 1 + (f % 6)),
          ),
        ),
        fc.constantFrom('', '+00:00', '+05:30', '-08:00', '+23:59', '-0130'),
      )
      .map(([y, m, d, sep, hh, mm, ss, frac, off]) => `${y}-${m}-${d}${sep}${hh}:${mm}${ss === null ? '' : `:${ss}${frac === null ? '' : `.${frac}`}`}${off}`);
    const texts = fc.sample(text, { numRuns: 600, seed: 12 });
    const script = [
      'import datetime, json, sys',
      'out = []',
      'for t in json.load(sys.stdin):',
      '    try:',
      '        d = datetime.datetime.fromisoformat(t)',
      '        if d.tzinfo is None: d = d.replace(tzinfo=datetime.timezone.utc)',
      '        e = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)',
      '        out.append((d - e) // datetime.timedelta(microseconds=1))',
      '    except ValueError:',
      '        out.append(None)',
      'json.dump(out, sys.stdout)',
    ].join('\n');
    const p = spawnSync('python3', ['-c', script], { input: JSON.stringify(texts), encoding: 'utf8' });
    expect(p.status, p.stderr).toBe(0);
    const py = JSON.parse(p.stdout) as (number | null)[];
    let parsed = 0;
    for (let i = 0; i < texts.length; i++) {
      const t = texts[i]!;
      let ours: number | null;
      try {
        ours = store(`t\n${t}\n`, { t: 'timestamp' }).getField(0, 't') as number;
      } catch (e) {
        if (!(e instanceof CsvError)) throw e;
        ours = null;
      }
      if (py[i] !== null) parsed++;
      // Float64 milliseconds: equal to the microseconds / 1000 within one rounding of the double.
      if (ours === null || py[i] === null) expect(ours, t).toBe(py[i]);
      else expect(Math.abs(ours - py[i]! / 1000), t).toBeLessThanOrEqual(Math.abs(py[i]! / 1000) * 2 ** -52);
    }
    expect(parsed).toBeGreaterThan(50);
  });
  test('dates: YYYY-MM-DD against date.fromisoformat', () => {
    const texts = fc.sample(
      fc
        .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
        .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      { numRuns: 400, seed: 3 },
    );
    const script =
      'import datetime, json, sys\nout = []\nfor t in json.load(sys.stdin):\n    try: out.append(datetime.date.fromisoformat(t).toordinal() - 719163)\n    except ValueError: out.append(None)\njson.dump(out, sys.stdout)';
    const p = spawnSync('python3', ['-c', script], { input: JSON.stringify(texts), encoding: 'utf8' });
    expect(p.status, p.stderr).toBe(0);
    const py = JSON.parse(p.stdout) as (number | null)[];
    texts.forEach((t, i) => {
      let ours: number | null;
      try {
        ours = store(`d\n${t}\n`, { d: 'date' }).getField(0, 'd') as number;
      } catch (e) {
        if (!(e instanceof CsvError)) throw e;
        ours = null;
      }
      expect(ours, t).toBe(py[i]);
    });
  });
});

// --- the round-trip property -------------------------------------------------------------------------------

const ALL = {
  i: 'int32',
  ni: { type: 'int32', nullable: true },
  big: { type: 'int64', nullable: true },
  f: 'float64',
  nf: { type: 'float64', nullable: true },
  u: 'utf8',
  nu: { type: 'utf8', nullable: true },
  c: 'category',
  b: 'bool',
  nb: { type: 'bool', nullable: true },
  d: 'date',
  nd: { type: 'date', nullable: true },
  t: 'timestamp',
  nt: { type: 'timestamp', nullable: true },
} as const;

const text = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'é', '😀', ',', '"', '\n', '\r', ' ', 'x', '1', 'N', 'A'), maxLength: 6 }),
  fc.constantFrom('', 'NA', 'null', 'None', 'nan', '#N/A', 'True'),
);
const orNull = <T>(a: fc.Arbitrary<T>) => fc.option(a, { freq: 4 });
const day = fc.integer({ min: -719162, max: 2932896 }); // 0001-01-01 .. 9999-12-31
const ms = fc.integer({ min: -62135596800000, max: 253402300799999 });
const row = fc.record({
  i: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  ni: orNull(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })),
  big: orNull(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })),
  f: fc.double({ noNaN: true }),
  nf: orNull(fc.double({ noNaN: true })),
  u: text,
  nu: orNull(text),
  c: orNull(text),
  b: fc.boolean(),
  nb: orNull(fc.boolean()),
  d: day,
  nd: orNull(day),
  t: ms,
  nt: orNull(ms),
});

describe('readCsv(writeCsv(store), {schema}) gives the store back', () => {
  propTest.prop([fc.array(row, { maxLength: 30 }), fc.integer({ min: 1, max: 8 })], { numRuns: 60 })('every field type, nulls included, any chunkSize', (rows, chunkSize) => {
    const s = recordStore(ALL);
    s.extend(rows);
    const back = store(writeCsv(s), ALL, { chunkSize });
    expect(back.toObjects()).toEqual(s.toObjects());
    for (const k of Object.keys(ALL) as (keyof typeof ALL)[]) expect(back.nullCount(k), k).toBe(s.nullCount(k));
  });
});

describe('NaN in a nullable float field through CSV', () => {
  test('is written as an empty field and reads back as null (CSV has one spelling for both; pandas Float64 does the same)', () => {
    const schema = { nf: { type: 'float64', nullable: true }, f: 'float64' } as const;
    const s = recordStore(schema);
    s.extend([
      { nf: NaN, f: NaN },
      { nf: null, f: 1 },
      { nf: 2.5, f: 2 },
    ]);
    expect(writeCsv(s)).toBe('nf,f\n,\n,1.0\n2.5,2.0\n');
    const back = store(writeCsv(s), schema, {});
    expect(back.toObjects()).toEqual([
      { nf: null, f: NaN },
      { nf: null, f: 1 },
      { nf: 2.5, f: 2 },
    ]);
  });
  test('naValues tokens that do not parse as numbers are nulls in nullable float fields, NaN in non-nullable ones (pandas)', () => {
    const text = 'x,y\n1.5,2\nmissing,3\n';
    const s = readCsvStore(text, { schema: { x: { type: 'float64', nullable: true }, y: 'float32' }, naValues: ['missing'] });
    expect(s.toObjects()).toEqual([
      { x: 1.5, y: 2 },
      { x: null, y: 3 },
    ]);
    expect(readCsvStore(text, { schema: { x: 'float64', y: 'float32' }, naValues: ['missing'] }).getField(1, 'x')).toBeNaN();
  });
});
