/**
 * Calendar dates and timestamps as numbers: days since 1970-01-01 (a `'date'` field) and milliseconds since
 * 1970-01-01T00:00:00Z (a `'timestamp'` field), proleptic Gregorian, always UTC.
 *
 * The parsers read a byte range (ASCII), so the CSV reader can call them on its input bytes without making a
 * string; {@link parseDateText}/{@link parseTimestampText} copy a short string into a scratch buffer first.
 * Accepted: ISO 8601 as Python's `datetime.fromisoformat` reads it in its common forms (`2001-01-01`,
 * `2001-01-01T00:47`, `2001-01-01 00:47:05.123456`, `…Z`, `…+05:30`, `…-0800`, `…+05`) and the slash form
 * `2001/01/01 00:47`. Fractions beyond microseconds are truncated (as Python does); a time without an offset
 * is UTC, never local time. Invalid text or an impossible date gives NaN.
 *
 * @internal
 * @packageDocumentation
 */

/** Days of the JS `Date` range (±8.64e15 ms): the range of a `'date'` value. @internal */
export const MAX_DAYS = 100_000_000;
/** Milliseconds of the JS `Date` range: the range of a `'timestamp'` value. @internal */
export const MAX_MS = 8.64e15;
/** Milliseconds per day. @internal */
export const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's `days_from_civil`). @internal */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function digits(b: Uint8Array, at: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = b[at + k]! - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** Parses `YYYY-MM-DD` or `YYYY/MM/DD` at `s` (exactly 10 bytes); days, or NaN. */
function datePart(b: Uint8Array, s: number): number {
  const sep = b[s + 4];
  if ((sep !== 45 && sep !== 47) || b[s + 7] !== sep) return NaN;
  const y = digits(b, s, 4);
  const m = digits(b, s + 5, 2);
  const d = digits(b, s + 8, 2);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  return daysFromCivil(y, m, d);
}

/**
 * Parses `b[s, e)` (spaces around are ignored) as a date: days since the epoch, or NaN.
 * @internal
 */
export function parseDate(b: Uint8Array, s: number, e: number): number {
  while (s < e && isSpace(b[s]!)) s++;
  while (e > s && isSpace(b[e - 1]!)) e--;
  return e - s === 10 ? datePart(b, s) : NaN;
}

/**
 * Parses `b[s, e)` (spaces around are ignored) as a timestamp: milliseconds since the epoch (UTC; an offset,
 * if given, is applied), or NaN. A date alone is its midnight.
 * @internal
 */
export function parseTimestamp(b: Uint8Array, s: number, e: number): number {
  while (s < e && isSpace(b[s]!)) s++;
  while (e > s && isSpace(b[e - 1]!)) e--;
  if (e - s < 10) return NaN;
  const days = datePart(b, s);
  if (days !== days) return NaN;
  let i = s + 10;
  if (i === e) return days * MS_PER_DAY;
  const t = b[i]!;
  if (t !== 84 && t !== 32 && t !== 116) return NaN; // 'T', ' ', 't'
  i++;
  if (e - i < 5 || b[i + 2] !== 58) return NaN;
  const hh = digits(b, i, 2);
  const mm = digits(b, i + 3, 2);
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59) return NaN;
  i += 5;
  let ss = 0;
  let frac = 0; // microseconds
  if (i < e && b[i] === 58) {
    if (e - i < 3) return NaN;
    ss = digits(b, i + 1, 2);
    if (ss < 0 || ss > 59) return NaN;
    i += 3;
    if (i < e && (b[i] === 46 || b[i] === 44)) {
      i++;
      const f0 = i;
      let scale = 100000;
      while (i < e) {
        const c = b[i]! - 48;
        if (c < 0 || c > 9) break;
        frac += c * scale;
        scale = Math.floor(scale / 10);
        i++;
      }
      if (i === f0) return NaN;
    }
  }
  let offset = 0; // minutes east of UTC
  if (i < e) {
    const c = b[i]!;
    if (c === 90 || c === 122) {
      i++; // Z
    } else if (c === 43 || c === 45) {
      const sign = c === 45 ? -1 : 1;
      i++;
      const oh = digits(b, i, 2);
      if (e - i < 2 || oh < 0 || oh > 23) return NaN;
      i += 2;
      let om = 0;
      if (i < e) {
        if (b[i] === 58) i++;
        if (e - i < 2) return NaN;
        om = digits(b, i, 2);
        if (om < 0 || om > 59) return NaN;
        i += 2;
      }
      offset = sign * (oh * 60 + om);
    } else return NaN;
  }
  if (i !== e) return NaN;
  return days * MS_PER_DAY + ((hh * 60 + mm - offset) * 60 + ss) * 1000 + frac / 1000;
}

const SCRATCH = new Uint8Array(64);

function toScratch(text: string): number {
  const n = text.length;
  if (n > SCRATCH.length) return -1;
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c > 0x7f) return -1;
    SCRATCH[k] = c;
  }
  return n;
}

/** {@link parseDate} of a string. @internal */
export function parseDateText(text: string): number {
  const n = toScratch(text);
  return n < 0 ? NaN : parseDate(SCRATCH, 0, n);
}

/** {@link parseTimestamp} of a string. @internal */
export function parseTimestampText(text: string): number {
  const n = toScratch(text);
  return n < 0 ? NaN : parseTimestamp(SCRATCH, 0, n);
}

/** `YYYY-MM-DD` of a day number (JS's extended `±YYYYYY` years outside 0000–9999). @internal */
export function formatDate(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, -14);
}

/** ISO 8601 of a timestamp in UTC (`2001-01-01T00:47:00.000Z`). @internal */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}
