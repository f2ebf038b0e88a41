/**
 * Regression tests of issue 19 (adversarial audit): IPC metadata is validated before apache-arrow sees
 * it (rows 1 and 2), a valid -1 dictionary index is an error (row 5), a damaged type tag is a
 * ValueError (minor item). Each is built from the audit's reproduction.
 */
import * as A from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { ValueError } from '../../src/errors.js';
import { recordStore } from '../../src/record-store.js';
import { fromArrow, fromIPC, readIPC, toIPC } from '../../src/arrow/index.js';
import { validateIPC } from '../../src/arrow/ipc-frame.js';
import { throwsLike } from '../_support/throws.js';

/** An arrow Utf8 vector built from its buffers (apache-arrow's vectorFromArray needs code generation). */
function utf8(values: string[]): A.Vector<A.Utf8> {
  const bytes = new TextEncoder().encode(values.join(''));
  const offsets = new Int32Array(values.length + 1);
  values.forEach((v, i) => (offsets[i + 1] = offsets[i]! + new TextEncoder().encode(v).length));
  return A.makeVector(A.makeData({ type: new A.Utf8(), length: values.length, nullCount: 0, valueOffsets: offsets, data: bytes }));
}

function twoRows(): Uint8Array {
  const s = recordStore({ x: 'float64', k: 'category' });
  s.push({ x: 1, k: 'a' });
  s.push({ x: 2, k: 'b' });
  return toIPC(s);
}

async function readAllChunks(bytes: Uint8Array, size: number): Promise<number> {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.slice(i, i + size));
  let rows = 0;
  for await (const s of readIPC(parts)) rows += s.length;
  return rows;
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a rejection');
}

describe('issue 19 row 1: a damaged Schema flatbuffer is a ValueError in bounded memory', () => {
  test('b[44] ^= 1 (a children count of 67 million) is rejected, naming the offset, before apache-arrow decodes it', () => {
    const b = twoRows();
    b[44]! ^= 1;
    const err = throwsLike(() => fromIPC(b), ValueError, RangeError, /byte offset \d+: .*vector of \d+ element\(s\) runs past/);
    expect(err.message).toMatch(/malformed Arrow IPC data/);
  });

  test('every single-bit flip of the schema message: a ValueError or a TypeError naming the type, or the data apache-arrow reads', () => {
    const base = twoRows();
    const schemaEnd = 8 + new DataView(base.buffer).getInt32(4, true);
    for (let at = 0; at < schemaEnd; at++) {
      for (let bit = 0; bit < 8; bit++) {
        const b = base.slice();
        b[at]! ^= 1 << bit;
        try {
          const s = fromIPC(b, { strings: 'category' });
          expect(s.length).toBe(A.tableFromIPC(b).numRows);
        } catch (e) {
          const ok = e instanceof ValueError || (e instanceof TypeError && /Arrow type|cannot hold|categoricals hold/.test((e as Error).message));
          expect(ok, `byte ${at} bit ${bit}: ${String(e)}`).toBe(true);
        }
      }
    }
  });

  test('bytes after the end-of-stream marker are not read (apache-arrow would read them as a second stream)', () => {
    const b = twoRows();
    const tail = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0x58, 1, 2, 3, 4);
    const joined = new Uint8Array(b.length + tail.length);
    joined.set(b);
    joined.set(tail, b.length);
    expect(fromIPC(joined).toObjects()).toEqual([
      { x: 1, k: 'a' },
      { x: 2, k: 'b' },
    ]);
  });

  test('a metadata version older than V4 (buffers laid out differently) is a ValueError', () => {
    const b = twoRows();
    // Message.version is the first field of the schema message's root table: find it as apache-arrow reads it.
    const at = versionOffset(b);
    b[at] = 1;
    throwsLike(() => fromIPC(b), ValueError, RangeError, /metadata version 2/);
  });
});

/** Offset of the schema message's version field (a short holding 4 = V5). */
function versionOffset(b: Uint8Array): number {
  const v = new DataView(b.buffer, b.byteOffset);
  const meta = 8;
  const root = meta + v.getUint32(meta, true);
  const vtable = root - v.getInt32(root, true);
  return root + v.getUint16(vtable + 4, true);
}

describe('issue 19 row 2: readIPC over chunks validates as fromIPC does', () => {
  test('the row-1 input in 1-, 7- and 64-byte chunks: the same ValueError as fromIPC', async () => {
    const b = twoRows();
    b[44]! ^= 1;
    let expected = '';
    try {
      fromIPC(b);
    } catch (e) {
      expected = (e as Error).message;
    }
    for (const size of [1, 7, 64]) {
      const err = await rejection(readAllChunks(b, size));
      expect(err).toBeInstanceOf(ValueError);
      expect(err.message).toBe(expected);
    }
  });

  test('an intact stream in 1-byte chunks still reads', async () => {
    expect(await readAllChunks(twoRows(), 1)).toBe(2);
  });
});

describe('issue 19 row 5: a Dictionary index of -1 in a valid slot', () => {
  const dict = (): A.Vector => {
    const data = A.makeData({
      type: new A.Dictionary(new A.Utf8(), new A.Int8()),
      length: 3,
      nullCount: 0,
      data: Int8Array.of(0, -1, 1),
      dictionary: utf8(['a', 'b']),
    });
    return A.makeVector(data);
  };

  test('fromArrow: ValueError naming the row (it used to read as missing)', () => {
    throwsLike(() => fromArrow(dict()), ValueError, RangeError, /dictionary index -1 at row 1 is out of range for a dictionary of 2/);
  });

  test('fromIPC of a table holding it: ValueError', () => {
    const bytes = A.tableToIPC(new A.Table({ k: dict() }));
    throwsLike(() => fromIPC(bytes), ValueError, RangeError, /dictionary index -1 at row 1/);
  });

  test('-1 in a null slot is still missing, and valid indices are still adopted', () => {
    const data = A.makeData({
      type: new A.Dictionary(new A.Utf8(), new A.Int8()),
      length: 3,
      nullCount: 1,
      nullBitmap: Uint8Array.of(0b101),
      data: Int8Array.of(0, -1, 1),
      dictionary: utf8(['a', 'b']),
    });
    const c = fromArrow(A.makeVector(data)) as unknown as { toArray(): unknown[] };
    expect(c.toArray()).toEqual(['a', null, 'b']);
  });
});

describe("issue 19 minor: a type tag damaged into Null is a ValueError, not TypeError 'Arrow type Null'", () => {
  test('an Int32 column whose schema says Null: its two buffers do not fit a Null layout', () => {
    const t = new A.Table({ i: A.makeVector(Int32Array.of(1, 2, 3)) });
    const base = A.tableToIPC(t, 'stream');
    const schemaEnd = 8 + new DataView(base.buffer, base.byteOffset).getInt32(4, true);
    let found = 0;
    for (let at = 8; at < schemaEnd; at++) {
      const b = base.slice();
      b[at] = 1; // Type.Null
      let isNull = false;
      try {
        validateIPC(b.slice(0, schemaEnd)); // only a schema that passes validation may reach apache-arrow
        isNull = A.RecordBatchReader.from(b.slice(0, schemaEnd)).open().schema.fields[0]?.type.typeId === A.Type.Null;
      } catch {
        continue;
      }
      if (!isNull) continue;
      found++;
      throwsLike(() => fromIPC(b), ValueError, RangeError, /record batch: .*buffers where the schema's layout has/);
    }
    expect(found).toBeGreaterThan(0);
  });
});
