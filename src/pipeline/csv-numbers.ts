/**
 * Numbers parsed straight from the CSV bytes, without a string per field. Floats take Clinger's fast path
 * (≤ 15 significant digits and a power of ten ≤ 22: one exact multiply or divide of two exact doubles, so the
 * result is the correctly rounded value, bit for bit what `Number(text)` gives) — a plain `-?d*.d*` of ≤ 15
 * digits in a loop small enough to be inlined into the column kernels (23 against 38 ns a value before, on a
 * loaded machine), the rest (spaces, '+', exponents, leading zeros past 15 digits) in a general one; any other
 * validated decimal falls back to `Number()` on the decoded slice. Integers are accumulated exactly (≤ 15 digits fit a double
 * exactly; longer ones go through `Number()`/`BigInt()` of the slice).
 *
 * @internal
 * @packageDocumentation
 */

const POW10 = new Float64Array(23);
for (let i = 0, p = 1; i < 23; i++, p *= 10) POW10[i] = p;

/** Returned by the parsers for "not a number of this kind". */
export const NOT_A_NUMBER = -1;

function slice(b: Uint8Array, s: number, e: number): string {
  let v = '';
  for (let i = s; i < e; i++) v += String.fromCharCode(b[i]!);
  return v;
}

const INF_WORDS = ['inf', '+inf', '-inf', 'infinity', '+infinity', '-infinity'];

function infinityOf(b: Uint8Array, s: number, e: number): number {
  if (e - s > 9) return 0;
  const w = slice(b, s, e).toLowerCase();
  const k = INF_WORDS.indexOf(w);
  return k < 0 ? 0 : w.charCodeAt(0) === 45 ? -Infinity : Infinity;
}

/**
 * @internal Parses `b[s..e)` (spaces and tabs around it ignored) as a float into `out[0]`: NaN for `nan` in any
 * case, ±Infinity for inf words. Returns false if it is not a number (an empty field or an NA token such as
 * `NA`: the kernel reads those by the field's NA tokens).
 */
export function parseFloatBytes(b: Uint8Array, s: number, e: number, out: Float64Array): boolean {
  // The common case inline (small enough to be inlined into the column kernels): an optional '-', then at most
  // 15 digits with at most one '.' among them, nothing around them. The digits fit a double exactly and the
  // power of ten is ≤ 10^15, so one division of two exact doubles gives the correctly rounded value, bit for
  // bit Number(text)'s. Anything else (spaces, '+', an exponent, more digits, words) takes the general path.
  let i = s;
  const neg = i < e && b[i] === 45;
  if (neg) i++;
  const ds = i;
  let dot = -1;
  let v = 0;
  while (i < e) {
    const d = b[i]! - 48;
    if (d >= 0 && d <= 9) v = v * 10 + d;
    else if (d !== -2 || dot >= 0) break;
    else dot = i;
    i++;
  }
  const n = dot < 0 ? i - ds : i - ds - 1;
  if (i === e && n > 0 && n <= 15) {
    if (dot >= 0) v /= POW10[i - dot - 1]!;
    out[0] = neg ? -v : v;
    return true;
  }
  return parseFloatGeneral(b, s, e, out);
}

/** {@link parseFloatBytes} for any other input: spaces, '+', exponents, long mantissas, nan and inf words. */
function parseFloatGeneral(b: Uint8Array, s: number, e: number, out: Float64Array): boolean {
  while (s < e && (b[s] === 32 || b[s] === 9)) s++;
  while (e > s && (b[e - 1] === 32 || b[e - 1] === 9)) e--;
  let i = s;
  let c = i < e ? b[i]! : 0;
  let neg = false;
  if (c === 45 || c === 43) {
    neg = c === 45;
    i++;
  }
  let mant = 0;
  let digits = 0; // significant digits taken into mant
  let exp = 0;
  let any = false;
  let exact = true;
  let dot = false;
  // The integer digits, a '.', the fraction digits: past 15 significant digits an integer digit raises the
  // exponent and a fraction digit is dropped (either makes the value inexact unless it is 0).
  while (i < e) {
    c = b[i]! - 48;
    if (c < 0 || c > 9) {
      if (c !== -2 || dot) break;
      dot = true;
      i++;
      continue;
    }
    any = true;
    if (digits < 15) {
      if (mant !== 0 || c !== 0) {
        mant = mant * 10 + c;
        digits++;
      }
      if (dot) exp--;
    } else {
      if (!dot) exp++;
      if (c !== 0) exact = false;
    }
    i++;
  }
  if (!any) {
    if (e - i === 3 && (b[i]! | 32) === 110 && (b[i + 1]! | 32) === 97 && (b[i + 2]! | 32) === 110) {
      out[0] = NaN; // nan, NaN, NAN, -nan (Python's float() spellings); other NA tokens are the field's to judge
      return true;
    }
    const inf = infinityOf(b, s, e);
    out[0] = inf;
    return inf !== 0;
  }
  if (i < e) {
    c = b[i]!;
    if (c !== 101 && c !== 69) return false;
    i++;
    let eneg = false;
    if (i < e) {
      c = b[i]!;
      if (c === 45 || c === 43) {
        eneg = c === 45;
        i++;
      }
    }
    let ev = 0;
    const es = i;
    while (i < e) {
      c = b[i]! - 48;
      if (c < 0 || c > 9) return false;
      if (ev < 100000) ev = ev * 10 + c;
      i++;
    }
    if (i === es) return false;
    exp += eneg ? -ev : ev;
  }
  if (exact && exp >= -22 && exp <= 22) {
    const v = exp < 0 ? mant / POW10[-exp]! : mant * POW10[exp]!;
    out[0] = neg ? -v : v;
    return true;
  }
  out[0] = Number(slice(b, s, e));
  return true;
}

/**
 * @internal Parses `b[s..e)` (spaces and tabs around it ignored) as an integer into `out[0]`. Returns false if
 * it is not one. Values past 2^53 are rounded as `Number()` rounds them (the caller range-checks).
 */
export function parseIntBytes(b: Uint8Array, s: number, e: number, out: Float64Array): boolean {
  // The common case inline (small enough to be inlined into the column kernels): an optional '-' and at most
  // 15 digits, nothing around them; anything else (spaces, '+', long or bad input) takes the general path.
  let i = s;
  const neg = i < e && b[i] === 45;
  if (neg) i++;
  const ds = i;
  let v = 0;
  while (i < e) {
    const d = b[i]! - 48;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
    i++;
  }
  if (i === e && i > ds && i - ds <= 15) {
    out[0] = neg ? -v : v;
    return true;
  }
  return parseIntGeneral(b, s, e, out);
}

function parseIntGeneral(b: Uint8Array, s: number, e: number, out: Float64Array): boolean {
  while (s < e && (b[s] === 32 || b[s] === 9)) s++;
  while (e > s && (b[e - 1] === 32 || b[e - 1] === 9)) e--;
  if (s === e) return false;
  let i = s;
  let c = b[i]!;
  let neg = false;
  if (c === 45 || c === 43) {
    neg = c === 45;
    i++;
    if (i === e) return false;
  }
  const ds = i;
  let v = 0;
  while (i < e) {
    c = b[i]! - 48;
    if (c < 0 || c > 9) return false;
    v = v * 10 + c;
    i++;
  }
  if (e - ds > 15) v = Number(slice(b, ds, e));
  out[0] = neg ? -v : v;
  return true;
}

/** @internal Parses `b[s..e)` as a bigint (spaces and tabs around it ignored); `undefined` if not an integer. */
export function parseBigIntBytes(b: Uint8Array, s: number, e: number): bigint | undefined {
  while (s < e && (b[s] === 32 || b[s] === 9)) s++;
  while (e > s && (b[e - 1] === 32 || b[e - 1] === 9)) e--;
  if (s === e) return undefined;
  let i = s;
  if (b[i] === 45 || b[i] === 43) i++;
  if (i === e) return undefined;
  for (let k = i; k < e; k++) {
    const c = b[k]! - 48;
    if (c < 0 || c > 9) return undefined;
  }
  return BigInt(slice(b, s, e));
}
