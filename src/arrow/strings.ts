/**
 * UTF-8 string columns: building an Arrow `Utf8` dictionary from category strings, and decoding
 * Arrow string data (`Utf8`, `LargeUtf8`, views) back to JS strings.
 *
 * @packageDocumentation
 */
import { type Data, type DataType, Type, Utf8, Vector, makeData } from 'apache-arrow';
import { decodeUtf8 } from '../internal/utf8.js';

const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * @internal Builds one Arrow `Utf8` `Data` holding `strings` in order (offsets + UTF-8 bytes).
 * @remarks O(total characters); allocates the offsets (4 B per string) and the bytes once.
 */
export function utf8Data(strings: readonly string[]): Data<Utf8> {
  const n = strings.length;
  const offsets = new Int32Array(n + 1);
  let upper = 0;
  for (let i = 0; i < n; i++) upper += strings[i]!.length * 3;
  let bytes = new Uint8Array(upper);
  let pos = 0;
  for (let i = 0; i < n; i++) {
    const s = strings[i]!;
    const len = s.length;
    let ascii = true;
    for (let j = 0; j < len; j++) {
      const c = s.charCodeAt(j);
      if (c > 0x7f) {
        ascii = false;
        break;
      }
      bytes[pos + j] = c;
    }
    if (ascii) pos += len;
    else pos += encoder.encodeInto(s, bytes.subarray(pos)).written;
    offsets[i + 1] = pos;
  }
  if (pos < upper) bytes = bytes.slice(0, pos);
  return makeData({ type: new Utf8(), length: n, nullCount: 0, valueOffsets: offsets, data: bytes });
}

/** @internal True for the Arrow string types compactly can read (`Utf8`, `LargeUtf8`, `Utf8View`). */
export function isStringType(type: DataType): boolean {
  return type.typeId === Type.Utf8 || type.typeId === Type.LargeUtf8 || type.typeId === Type.Utf8View;
}

/**
 * @internal Decodes every element of a string `Data` chunk (`null` where the validity bitmap says so).
 * `Utf8` and `LargeUtf8` are decoded directly (their offsets are already relative to the chunk's slice);
 * `Utf8View` goes through arrow's own getter.
 * @remarks O(total bytes); allocates the result array and one string per element.
 */
export function stringsOf(data: Data): (string | null)[] {
  const n = data.length;
  const out = new Array<string | null>(n);
  const t = data.type.typeId;
  const hasNulls = data.nullCount > 0;
  if (t === Type.Utf8 || t === Type.LargeUtf8) {
    const bytes = data.values as Uint8Array;
    if (t === Type.Utf8) {
      const offs = data.valueOffsets as Int32Array;
      for (let i = 0; i < n; i++) out[i] = hasNulls && !data.getValid(i) ? null : decodeUtf8(bytes, offs[i]!, offs[i + 1]!);
    } else {
      const offs = data.valueOffsets as unknown as BigInt64Array;
      for (let i = 0; i < n; i++) {
        out[i] = hasNulls && !data.getValid(i) ? null : decodeUtf8(bytes, Number(offs[i]!), Number(offs[i + 1]!));
      }
    }
    return out;
  }
  const v = new Vector([data]);
  for (let i = 0; i < n; i++) out[i] = hasNulls && !data.getValid(i) ? null : (v.get(i) as string);
  return out;
}
