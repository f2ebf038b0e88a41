/**
 * Regression tests for the CSV rows of the reliability audit (issue 19: rows 3, 6–10 and the minor CSV items),
 * each built from its reproduction, and the byte reader's number exactness against `Number(text)`.
 */
import { fc, test as propTest } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { CsvError, MAX_CSV_CHUNK_SIZE, MAX_CSV_FIELD_SIZE, readCsv, ValueError } from '../../src/index.js';
import { ByteTokenizer } from '../../src/pipeline/csv-tokenizer.js';
import { errorOf, rejectionOf } from './_helpers.js';

const objects = (text: string, schema: Record<string, unknown>, opts: Record<string, unknown> = {}) =>
  [...readCsv(text, { schema: schema as never, ...opts })].flatMap((c) => c.toObjects());

async function* pieces<T>(parts: Iterable<T>): AsyncGenerator<T> {
  for (const p of parts) yield p;
}

describe('issue 19 row 3: skip resynchronises on record boundaries', () => {
  test('a malformed record spanning lines is skipped whole (no fabricated row)', () => {
    const r = readCsv('a,b\n1,x\n"2"z,"multi\n9,line"\n3,d\n', { schema: { a: 'int32', b: 'category' }, onError: 'skip' });
    expect([...r].flatMap((c) => c.toObjects())).toEqual([
      { a: 1, b: 'x' },
      { a: 3, b: 'd' },
    ]);
    expect(r.skippedRows).toBe(1);
  });
  test('under throw, the error names the record start; the next record after it keeps its own line', () => {
    const e = errorOf(() => objects('a,b\n1,x\n"2"z,"multi\n9,line"\n3,d\n', { a: 'int32', b: 'category' })) as CsvError;
    expect(e).toBeInstanceOf(CsvError);
    expect([e.line, e.column]).toEqual([3, 1]);
    const skipped = readCsv('a,b\n"2"z,"m\n9"\n3,\n4,d\n', { schema: { a: 'int32', b: 'int32' }, onError: 'skip' });
    expect([...skipped].flatMap((c) => c.toObjects())).toEqual([]);
    expect(skipped.skippedRows).toBe(3);
  });
});

describe('issue 19 row 6: linear time whatever the field length', () => {
  test('a long field fed in 64 KiB pieces is scanned O(n) bytes in total', () => {
    for (const size of [1 << 21, 1 << 23]) {
      const tok = new ByteTokenizer(44, 34, MAX_CSV_FIELD_SIZE);
      const piece = new Uint8Array(65536).fill(120);
      tok.push(Uint8Array.of(97, 10));
      let rows = 0;
      for (let sent = 0; sent < size; sent += piece.length) {
        tok.push(piece);
        const b = tok.scan();
        if (b !== null) rows += b.nrows;
      }
      tok.push(Uint8Array.of(10));
      tok.end();
      for (let b = tok.scan(); b !== null; b = tok.scan()) rows += b.nrows;
      expect(rows).toBe(2);
      expect(tok.scannedBytes).toBeLessThan(4 * size); // a rescan per piece would be size^2 / 65536 / 2
    }
  });
  test('a scan stopped by maxRows lets the next scan go on at once, over only the rows asked for', () => {
    const tok = new ByteTokenizer(44, 34, MAX_CSV_FIELD_SIZE);
    tok.push(new TextEncoder().encode('a,b\n1,2\n3,4\n5,6\n'));
    expect(tok.scan(1)!.nrows).toBe(1);
    expect(tok.offset).toBe(4);
    expect(tok.scan(2)!.nrows).toBe(2); // not held back as if an incomplete row waited for more bytes
    expect(tok.scan()!.nrows).toBe(1);
  });
  test('the reader gives the long field back whole', async () => {
    const n = 3 << 20;
    const parts = ['a\n', ...Array.from({ length: n / 65536 }, () => 'x'.repeat(65536)), '\n'];
    const out: unknown[] = [];
    for await (const c of readCsv(pieces(parts), { schema: { a: 'category' } })) out.push(...c.column('a').toArray());
    expect(out).toHaveLength(1);
    expect((out[0] as string).length).toBe(n);
  });
});

describe('issue 19 row 7: UTF-8 cut at the end of the input', () => {
  test('a ValueError naming the byte offset, not a raw TypeError', async () => {
    const e = await rejectionOf(async () => {
      for await (const _ of readCsv([Uint8Array.of(0x61, 0x0a, 0x78, 0xc3)], { schema: { a: 'category' } })) void _;
    });
    expect(e).toBeInstanceOf(ValueError);
    expect(e).toBeInstanceOf(CsvError);
    expect((e as Error).message).toMatch(/invalid UTF-8 at byte offset 3/);
    expect([(e as CsvError).line, (e as CsvError).column]).toEqual([2, 1]);
  });
  test('mid-stream too, with its offset (an ignored column as well)', async () => {
    const e = await rejectionOf(async () => {
      for await (const _ of readCsv([Uint8Array.of(0x61, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0xff, 0x0a)], { schema: { a: 'int8' }, columns: ['a'] })) void _;
    });
    expect((e as Error).message).toMatch(/line 2, column 2: invalid UTF-8 at byte offset 6/);
  });
});

describe('issue 19 row 8: chunkSize upper bound; chunk memory sized by what arrives', () => {
  test('a chunkSize above MAX_CSV_CHUNK_SIZE fails eagerly', () => {
    for (const cs of [2 ** 32, 4e8, MAX_CSV_CHUNK_SIZE + 1]) {
      const e = errorOf(() => readCsv('a\n1\n', { schema: { a: 'int32' }, chunkSize: cs }));
      expect(e).toBeInstanceOf(ValueError);
      expect((e as Error).message).toMatch(/chunkSize.*16777216/);
    }
  });
  test('a 2-row file with the largest chunkSize allocates for 2 rows, not for chunkSize', () => {
    const [chunk] = [...readCsv('a,k\n1,x\n2,y\n', { schema: { a: 'float64', k: 'category' }, chunkSize: MAX_CSV_CHUNK_SIZE })];
    expect(chunk!.length).toBe(2);
    expect(chunk!.column('a').buffer.byteLength).toBeLessThanOrEqual(16);
    expect(chunk!.byteLength).toBeLessThan(4096);
  });
});

describe('issue 19 row 9: CR, LF and CRLF give the same line numbers', () => {
  test.each(['\n', '\r', '\r\n'])('line end %j', (eol) => {
    const text = ['a,b', '1,"x', 'y', 'z"', '2', ''].join(eol);
    const e = errorOf(() => objects(text, { a: 'int32', b: 'category' })) as CsvError;
    expect(e).toBeInstanceOf(CsvError);
    expect(e.line).toBe(5);
  });
});

describe('issue 19 row 10: field size limit', () => {
  test('a field over fieldSizeLimit is a CsvError with line and column', () => {
    const e = errorOf(() => objects('a,b\n1,2\n3,' + 'x'.repeat(5000) + '\n', { a: 'int32', b: 'category' }, { fieldSizeLimit: 1000 })) as CsvError;
    expect(e).toBeInstanceOf(CsvError);
    expect([e.line, e.column, e.field]).toEqual([3, 2, 'b']);
    expect(e.message).toMatch(/field size limit \(1000 bytes/);
    expect(objects('a\n' + 'x'.repeat(1000) + '\n', { a: 'category' }, { fieldSizeLimit: 1000 })).toHaveLength(1);
    expect(errorOf(() => objects('a\n"' + 'x'.repeat(1001) + '"\n', { a: 'category' }, { fieldSizeLimit: 1000 }))).toBeInstanceOf(CsvError);
  });
  test('raised while the field is still arriving, before memory balloons', async () => {
    let pulled = 0;
    function* endless(): Generator<string> {
      yield 'a\n';
      for (;;) {
        pulled++;
        yield 'x'.repeat(65536);
      }
    }
    const e = await rejectionOf(async () => {
      for await (const _ of readCsv(endless(), { schema: { a: 'category' }, fieldSizeLimit: 1 << 20 })) void _;
    });
    expect(e).toBeInstanceOf(CsvError);
    expect(pulled).toBeLessThanOrEqual(2 * 16 + 1);
  });
  test('the limit is validated eagerly and documented as MAX_CSV_FIELD_SIZE', () => {
    expect(MAX_CSV_FIELD_SIZE).toBe(2 ** 28);
    for (const v of [0, 1.5, MAX_CSV_FIELD_SIZE + 1, '9']) expect(errorOf(() => readCsv('a', { schema: { a: 'int8' }, fieldSizeLimit: v as number }))).toBeInstanceOf(ValueError);
  });
});

describe('issue 19 minor CSV items', () => {
  test("'NA' (and pandas' other NA tokens) in a category column read as missing; quoted, they are text", () => {
    expect(objects('k\nNA\nx\nN/A\nnull\n"NA"\nNAB\n', { k: 'category' })).toEqual([{ k: null }, { k: 'x' }, { k: null }, { k: null }, { k: 'NA' }, { k: 'NAB' }]);
  });
  test('a quoted NA seen first stays text, and the same token unquoted later is still missing (after the table grows too)', () => {
    expect(objects('k\n"NA"\nNA\n"NA"\n', { k: 'category' })).toEqual([{ k: 'NA' }, { k: null }, { k: 'NA' }]);
    const many = Array.from({ length: 300 }, (_, i) => `v${i}`);
    const rows = objects(`k\n"NA"\n${many.join('\n')}\nNA\n"NA"\nv7\n`, { k: 'category' });
    expect(rows.map((r) => r.k)).toEqual(['NA', ...many, null, 'NA', 'v7']);
  });
  test('category values sharing their first 12 bytes (and lengths around 12) keep apart', () => {
    const vals = ['https://www.a', 'https://www.b', 'https://www.', 'https://www', 'https://www.aa', 'https://www.a\u00e9', 'abcdefghijkl', 'abcdefghijklm', 'abcdefghijkm'];
    const order = [0, 1, 2, 3, 4, 5, 6, 7, 8, 4, 0, 8, 2, 6, 7, 5, 3, 1];
    expect(objects(`k\n${order.map((i) => vals[i]).join('\n')}\n`, { k: 'category' }).map((r) => r.k)).toEqual(order.map((i) => vals[i]));
  });
  test("with onError: 'skip' a malformed header throws instead of being skipped", () => {
    const e = errorOf(() => objects('a,"b"x\n1,2\n3,4\n', { a: 'int32' }, { onError: 'skip' })) as CsvError;
    expect(e).toBeInstanceOf(CsvError);
    expect([e.line, e.column]).toEqual([1, 2]);
    expect(e.message).toMatch(/header/);
  });
});

describe('numbers parsed from bytes equal Number(text) bit for bit', () => {
  const same = (texts: string[]) => {
    const got = Array.from([...readCsv('x\n' + texts.join('\n') + '\n', { schema: { x: 'float64' } })][0]!.column('x'));
    for (let i = 0; i < texts.length; i++) expect(Object.is(got[i], Number(texts[i]))).toBe(true);
  };
  propTest.prop([fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 50 })])('doubles printed by String()', (xs) => {
    same(xs.map((x) => (Object.is(x, -0) ? '-0' : String(x))));
  });
  const digits = fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '7', '9'), minLength: 1, maxLength: 25 });
  const decimal = fc
    .tuple(
      fc.constantFrom('', '-', '+'),
      digits,
      fc.option(digits),
      fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '-', '+'), fc.integer({ min: 0, max: 340 }))),
    )
    .map(([sign, int, frac, exp]) => `${sign}${int}${frac === null ? '' : '.' + frac}${exp === null ? '' : exp[0] + exp[1] + String(exp[2])}`);
  propTest.prop([fc.array(decimal, { minLength: 1, maxLength: 50 })])('random decimal texts (long mantissas, big exponents)', (xs) => {
    same(xs);
  });
  // The inline fast path (a sign, ≤ 15 digits, one optional '.') and its edges: '.5', '5.', leading zeros, 15 and
  // 16 digits (16 leave the fast path), fraction-only digits.
  const few = fc.string({ unit: fc.constantFrom('0', '0', '1', '4', '5', '9'), maxLength: 17 });
  const plain = fc
    .tuple(fc.constantFrom('', '-'), few, fc.boolean(), few)
    .filter(([, int, dot, frac]) => int.length + (dot ? frac.length : 0) > 0)
    .map(([sign, int, dot, frac]) => `${sign}${int}${dot ? '.' + frac : ''}`);
  propTest.prop([fc.array(plain, { minLength: 1, maxLength: 50 })])('plain decimals around the 15-digit fast path', (xs) => {
    same(xs);
  });
  test('fast-path edges', () => {
    same(['.5', '5.', '-.5', '-0', '-0.0', '0.1', '000000000000000.1', '999999999999999', '9999999999999999', '0.000000000000001', '123456789012345.6', '-9007199254740993']);
  });
  propTest.prop([fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 1, maxLength: 50 })])('int32 texts', (xs) => {
    const got = Array.from([...readCsv('x\n' + xs.join('\n') + '\n', { schema: { x: 'int32' } })][0]!.column('x'));
    expect(got).toEqual(xs);
  });
});
