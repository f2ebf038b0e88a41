/**
 * `MemoryView.cast(format, shape?)`: Python's rules for the format and shape of the cast view (C-contiguous
 * views only, 1-D ↔ N-D, one side a byte format, the byte size kept) and their errors.
 * @internal
 * @packageDocumentation
 */
import { describe, throwType, throwValue } from '../errors.js';
import { FORMATS, isByteFormat, parseFormat, type Format, type FormatLike } from './formats.js';
import { product } from './layout.js';

/**
 * The format character and shape of a cast of a view of `fromChar` (spelled `fromFormat`) and shape `from`.
 * @throws `TypeError`/{@link ValueError} as CPython's `memoryview.cast`.
 * @internal
 */
export function castLayout(
  fromChar: Format,
  fromFormat: string,
  from: readonly number[],
  fromItemsize: number,
  format: FormatLike,
  shape: readonly number[] | undefined,
): { char: Format; shape: number[] } {
  const ndim = from.length;
  const n = product(from);
  if ((shape !== undefined || ndim !== 1) && n === 0) {
    throwType('memoryview: cannot cast view with zeros in shape or strides');
  }
  if (shape !== undefined) {
    if (!Array.isArray(shape)) throwType(`shape must be a list or a tuple (an array), not ${describe(shape)}`);
    if (shape.length > 64) throwValue('memoryview: number of dimensions must not exceed 64');
    if (ndim !== 1 && shape.length !== 1) throwType('memoryview: cast must be 1D -> ND or ND -> 1D');
  }
  const char = parseFormat(format);
  if (!isByteFormat(fromChar) && !isByteFormat(char)) {
    throwType(`memoryview: cannot cast between two non-byte formats ('${fromFormat}' → '${format}'); cast to 'B' first`);
  }
  const itemsize = FORMATS[char].itemsize;
  const nbytes = n * fromItemsize;
  if (nbytes % itemsize !== 0) throwType(`memoryview: length is not a multiple of itemsize (${nbytes} bytes, itemsize ${itemsize})`);
  let newShape: number[];
  if (shape === undefined) newShape = [nbytes / itemsize];
  else {
    newShape = new Array<number>(shape.length);
    for (let k = 0; k < shape.length; k++) {
      const d: unknown = shape[k];
      if (typeof d !== 'number' || !Number.isInteger(d)) throwType(`memoryview.cast(): elements of shape must be integers, got ${describe(d)}`);
      if (d <= 0) throwValue(`memoryview.cast(): elements of shape must be integers > 0, got ${d}`);
      newShape[k] = d;
    }
    if (product(newShape) * itemsize !== nbytes) {
      throwType(`memoryview: product(shape) * itemsize != buffer size ([${newShape.join(', ')}] * ${itemsize} != ${nbytes})`);
    }
  }
  return { char, shape: newShape };
}
