/**
 * Schema inference of readCsv / readCsvStore (pandas `read_csv` without dtypes): the rules per column, a
 * partial schema (named fields fixed, the rest inferred), `columns`, NA tokens (`naValues`,
 * `keepDefaultNa`), `inferRows`, the error for a later value that breaks an inferred type (with the schema to
 * pass instead), and the property that `store.schema`, passed back, reads the same store. A pandas oracle
 * (optional) checks the inferred types on messy files.
 */
import { spawnSync } from 'node:child_process';
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { CsvError, readCsv, readCsvStore, RecordStore, ValueError, writeCsv, type Schema } from '../../src/index.js';

const load = (text: string, options: Parameters<typeof readCsvStore>[1] = {}): RecordStore<Schema> => readCsvStore(text, options) as RecordStore<Schema>;
const types = (s: RecordStore<Schema>): Record<string, unknown> => Object.fromEntries(Object.entries(s.schema).map(([k, v]) => [k, (v as { type: string }).type]));

describe('inferred types', () => {
  test('each rule: int32, float64 beyond int32, int64 past 2^53, decimals, bool, date, timestamp, category, utf8, all-missing', () => {
    const csv = [
      'i,wide,id,x,b,d,t,cat,txt,empty',
      '1,3000000000,9007199254740993,1.5,True,2001-01-01,2001-01-01 00:47,a,alpha,',
      '-2,1,1,2,False,2001-01-02,2001-01-01T00:47:05Z,a,beta,NA',
      ',2,2,,true,,2001/01/01 00:47,b,gamma,',
      '4,3,3,1e3,false,2001-01-04,2001-01-01,a,delta,',
    ].join('\n');
    const s = load(csv);
    expect(types(s)).toEqual({ i: 'int32', wide: 'float64', id: 'int64', x: 'float64', b: 'bool', d: 'date', t: 'timestamp', cat: 'category', txt: 'utf8', empty: 'float64' });
    for (const spec of Object.values(s.schema)) expect(spec).toMatchObject({ nullable: true });
    expect(s.getField(2, 'i')).toBeNull();
    expect(s.getField(0, 'id')).toBe(9007199254740993n);
    expect(s.getField(0, 'wide')).toBe(3000000000);
    expect(s.getField(1, 't')).toBe(Date.UTC(2001, 0, 1, 0, 47, 5));
    expect((s.column('cat') as unknown as { categories: string[] }).categories).toEqual(['a', 'b']);
  });
  test('category when distinct values are at most 50% of the non-missing sample, else utf8', () => {
    expect(types(load('c\na\nb\na\nb\n'))).toEqual({ c: 'category' });
    expect(types(load('c\na\nb\nc\na\n'))).toEqual({ c: 'utf8' });
  });
  test('any column name: spaces, index, duplicates and empty headers as pandas names them', () => {
    const s = load('Airport Name,index,a,a,\nOslo,1,2,3,4\n');
    expect(s.fields).toEqual(['Airport Name', 'index', 'a', 'a.1', 'Unnamed: 4']);
    expect(s.getField(0, 'Airport Name')).toBe('Oslo');
  });
  test('a partial schema fixes the fields it names; the other columns are inferred; columns selects', () => {
    const csv = 'a,b,c\n1,x,2.5\n2,y,3\n';
    const s = load(csv, { schema: { a: 'int8' } });
    expect(s.schema).toEqual({ a: 'int8', b: { type: 'utf8', nullable: true }, c: { type: 'float64', nullable: true } });
    const t = load(csv, { schema: { a: 'int8' }, columns: ['a', 'c'] });
    expect(t.fields).toEqual(['a', 'c']);
    expect(load(csv, { columns: ['c'] }).toObjects()).toEqual([{ c: 2.5 }, { c: 3 }]);
  });
  test('without a header the columns are named 0, 1, …', () => {
    expect(load('1,x\n2,y\n', { header: false }).toObjects()).toEqual([
      { 0: 1, 1: 'x' },
      { 0: 2, 1: 'y' },
    ]);
  });
  test("a float field's NA tokens are its own: naValues read as NaN or null, keepDefaultNa: false makes NA an error (pandas)", () => {
    const f64 = { x: 'float64' } as const;
    const nf64 = { x: { type: 'float64', nullable: true } } as const;
    const f32 = { x: 'float32' } as const;
    const xs = (s: RecordStore<Schema>) => Array.from(s.column('x') as ArrayLike<number>);
    // naValues add tokens: NaN in a float field, null in a nullable one (they were a parse error before)
    expect(xs(load('x\n-\n1.5\n', { schema: f64, naValues: ['-'] }))).toEqual([NaN, 1.5]);
    expect(xs(load('x\n-\n1.5\n', { schema: f32, naValues: ['-'] }))).toEqual([NaN, 1.5]);
    expect(load('x\n-\n1.5\n', { schema: nf64, naValues: ['-'] }).toObjects()).toEqual([{ x: null }, { x: 1.5 }]);
    // the default tokens, as before
    expect(xs(load('x,y\nNA,1\n,2\nnull,3\n1.5,4\n', { schema: f64 }))).toEqual([NaN, NaN, NaN, 1.5]);
    // keepDefaultNa: false: NA and null are not numbers (pandas: "could not convert string to float: 'NA'")
    expect(() => load('x\nNA\n1.5\n', { schema: f64, keepDefaultNa: false })).toThrow(/cannot parse "NA" as float64/);
    expect(() => load('x\nnull\n', { schema: nf64, keepDefaultNa: false })).toThrow(/cannot parse "null" as float64/);
    // ...while nan in any case is a float's own spelling of NaN (Python's float()), and an NA token of the field stays one
    expect(xs(load('x\nnan\nNaN\n-nan\n', { schema: f64, keepDefaultNa: false }))).toEqual([NaN, NaN, NaN]);
    expect(load('x\nNaN\n-\n', { schema: nf64, keepDefaultNa: false, naValues: ['-'] }).toObjects()).toEqual([{ x: NaN }, { x: null }]);
  });

  test('naValues adds tokens; keepDefaultNa: false keeps only them', () => {
    expect(load('a\n1\n-\n', { naValues: ['-'] }).toObjects()).toEqual([{ a: 1 }, { a: null }]);
    const s = load('a,b\nNA,1\nx,-\n', { naValues: ['-'], keepDefaultNa: false });
    expect(types(s)).toEqual({ a: 'utf8', b: 'int32' });
    expect(s.toObjects()).toEqual([
      { a: 'NA', b: 1 },
      { a: 'x', b: null },
    ]);
  });
  test('readCsv chunks without a schema; chunk.schema shows what was chosen', () => {
    const chunks = [...readCsv('a,b\n1,x\n2,y\n3,x\n', { chunkSize: 2 })];
    expect(chunks.map((c) => c.length)).toEqual([2, 1]);
    expect(chunks[0]!.schema).toEqual({ a: { type: 'int32', nullable: true }, b: { type: 'utf8', nullable: true } });
  });
});

describe('bad input', () => {
  test('a later value that breaks an inferred type: CsvError naming line, column, value, type and the schema to pass', () => {
    const csv = 'id,v\n' + Array.from({ length: 20 }, (_, i) => `${i},${i}`).join('\n') + '\n20,2.5\n';
    const e = (() => {
      try {
        load(csv, { inferRows: 5 });
      } catch (err) {
        return err as CsvError;
      }
      throw new Error('no error');
    })();
    expect(e).toBeInstanceOf(CsvError);
    expect([e.line, e.column, e.field]).toEqual([22, 2, 'v']);
    expect(e.message).toContain('cannot parse "2.5" as int32');
    expect(e.message).toContain('inferred from the first 5 rows');
    const schema = JSON.parse(e.message.slice(e.message.indexOf('pass schema: ') + 13, -1)) as Schema;
    expect(schema).toEqual({ id: { type: 'int32', nullable: true }, v: { type: 'float64', nullable: true } });
    expect(load(csv, { schema, inferRows: 5 }).getField(20, 'v')).toBe(2.5); // the suggested schema reads it
  });
  test('the chunks before the bad value are intact', () => {
    const got: number[] = [];
    expect(() => {
      for (const c of readCsv('a\n1\n2\n3\nx\n', { inferRows: 2, chunkSize: 2 })) got.push(...(c.column('a') as Int32Array));
    }).toThrow(CsvError);
    expect(got).toEqual([1, 2]);
  });
  test('inferRows must be a positive integer', () => {
    for (const n of [0, -1, 1.5, NaN]) expect(() => readCsv('a\n1\n', { inferRows: n })).toThrow(ValueError);
    expect(() => readCsv('a\n1\n', { inferRows: '10' as unknown as number })).toThrow(TypeError);
  });
  test('rename naming a column the file lacks; columns with a duplicate or unknown name; bad naValues', () => {
    expect(() => load('a,b\n1,2\n', { rename: { c: 'x' } })).toThrow(/rename names "c", which is not a column/);
    expect(() => load('a,b\n1,2\n', { columns: ['a', 'a'] })).toThrow(ValueError);
    expect(() => load('a,b\n1,2\n', { columns: ['z'] })).toThrow(/columns names "z"/);
    expect(() => load('a\n1\n', { naValues: [1] as unknown as string[] })).toThrow(TypeError);
  });
  test('an empty input without a schema has no columns to infer', () => {
    expect(() => load('')).toThrow(/no columns to parse/);
  });
});

// --- round trip: the inferred schema, passed back, reads the same store ------------------------------------

const cellText = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String),
  fc.constantFrom('True', 'False', '2001-01-01', '2001-01-01 00:47', '', 'NA', 'x', 'y', 'hello, "w"'),
);
const column = fc.oneof(
  fc.array(fc.integer({ min: -1e6, max: 1e6 }).map(String), { minLength: 1 }),
  fc.array(fc.constantFrom('True', 'False', ''), { minLength: 1 }),
  fc.array(fc.constantFrom('2001-01-01', '1999-12-31', 'NA'), { minLength: 1 }),
  fc.array(fc.constantFrom('2001-01-01 00:47', '2001-01-01T00:47:05.5Z', ''), { minLength: 1 }),
  fc.array(cellText, { minLength: 1 }),
);
const quote = (s: string): string => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

describe('round trip', () => {
  propTest.prop([fc.array(column, { minLength: 2, maxLength: 5 }) /* one column: a null row would be a blank line */, fc.integer({ min: 1, max: 50 })], { numRuns: 80 })(
    'store.schema passed back as schema gives the same store (and the types agree with a plain reference)',
    (cols, inferRows) => {
      const n = Math.min(...cols.map((c) => c.length));
      const header = cols.map((_, j) => `c${j}`).join(',');
      const csv = header + '\n' + Array.from({ length: n }, (_, i) => cols.map((c) => quote(c[i]!)).join(',')).join('\n') + '\n';
      let s: RecordStore<Schema>;
      try {
        s = load(csv, { inferRows });
      } catch (e) {
        expect(e).toBeInstanceOf(CsvError); // a value past the sample that breaks the inferred type
        expect((e as Error).message).toMatch(/inferred from the first/);
        return;
      }
      const again = load(csv, { schema: s.schema });
      expect(again.schema).toEqual(s.schema);
      expect(again.toObjects()).toEqual(s.toObjects());
      // and what writeCsv makes of it reads back the same with that schema
      expect(load(writeCsv(s), { schema: s.schema }).toObjects()).toEqual(s.toObjects());
    },
  );
});

// --- the pandas oracle ------------------------------------------------------------------------------------------

const PANDAS = '/usr/bin/python3';
const hasPandas = spawnSync(PANDAS, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0;
if (!hasPandas) console.log('note: pandas not installed (apt-get install -y python3-pandas); the pandas oracle for inferred types is skipped');

describe.skipIf(!hasPandas)('inferred types against pandas.read_csv', () => {
  test('messy files: the same kind of column (integer, float, bool, datetime, text) and the same missing counts', () => {
    const files = [
      'Airport Name,delay,code,when,ok,notes\nOslo Gardermoen,12,OSL,2001-01-01 00:47,True,first\nRome FCO,,FCO,2001-01-02 13:00,False,\n"Paris, CDG",-3,CDG,,True,"said ""hi"""\nOslo Gardermoen,7,OSL,2001-01-03 08:15,,late\n',
      'index,x,y,day\n0,1.5,NA,2020-02-29\n1,2,7,2020-03-01\n2,nan,8,\n3,1e3,,2020-03-03\n',
      'id,big,flag,s\n1,9007199254740993,true,a\n2,9007199254740994,false,a\n3,1,true,b\n4,2,false,a\n',
    ];
    const script = [
      'import io, json, sys',
      'import pandas as pd',
      'out = []',
      'for t in json.load(sys.stdin):',
      '    df = pd.read_csv(io.StringIO(t))',
      '    cols = {}',
      '    for c in df.columns:',
      '        s = df[c]',
      '        k = s.dtype.kind',
      '        if k == "O":',
      '            try:',
      '                pd.to_datetime(s.dropna(), format="ISO8601" if pd.__version__ >= "2" else None)',
      '                k = "M"',
      '            except Exception:',
      '                pass',
      '        cols[c] = [k, int(s.isna().sum())]',
      '    out.append(cols)',
      'json.dump(out, sys.stdout)',
    ].join('\n');
    const p = spawnSync(PANDAS, ['-c', script], { input: JSON.stringify(files), encoding: 'utf8' });
    expect(p.status, p.stderr).toBe(0);
    const py = JSON.parse(p.stdout) as Record<string, [string, number]>[];
    const kindOf = (t: string): string => ({ int32: 'i', int64: 'i', float64: 'f', bool: 'b', date: 'M', timestamp: 'M', category: 'O', utf8: 'O' })[t]!;
    files.forEach((f, i) => {
      const s = load(f);
      for (const [name, [kind, nulls]] of Object.entries(py[i]!)) {
        const t = (s.schema[name] as { type: string }).type;
        // pandas has no nullable int without dtypes: a column of ints with a blank is float64 there ('f').
        const ours = kindOf(t) === 'i' && s.nullCount(name as never) > 0 ? 'f' : kindOf(t);
        // pandas' bool column with a blank is object there.
        const theirs = kind === 'O' && t === 'bool' ? 'b' : kind;
        expect(`${name}: ${ours}`, f).toBe(`${name}: ${theirs}`);
        expect(s.nullCount(name as never), `${name} nulls`).toBe(nulls);
      }
    });
  });
});
