// Template of src/pipeline/csv-columns.gen.ts: the CSV reader's conversion kernels, one monomorphic loop per
// parsed field type (each dtype, with its array type and range, then bool, date, timestamp), from tokenized
// fields into a ColumnTarget. The shared helpers (nullRow, the byte parsers of bools and dates) and the
// utf8 kernel live in src/pipeline/csv-columns.ts; csv-block.ts dispatches once per column per batch.

/**
 * The kernels: one per dtype (from the dtype table: float64, float32, each integer dtype with its range as
 * literals, int64/uint64 as bigints), then bool, date and timestamp. \`parse\` sets \`v\` (the value to store) and
 * \`ok\` (whether it is one) from the field \`b[s..e)\`; \`out\` is the column's array type, \`zero\` the slot value
 * of a null.
 */
function kernels(dtypes) {
  // A field's NA tokens (f.na: pandas' defaults and naValues, or naValues alone with keepDefaultNa: false) are
  // NaN in a float field, null in a nullable one; the parser itself reads only the spellings of NaN (nan, NaN).
  const FLOAT =
    'const parsed = parseFloatBytes(b, s, e, NUM);\n    const v = parsed ? NUM[0]! : NaN;\n    const ok = parsed ? v === v || !nullable || !f.na.has(b, s, e) : !nullable && f.na.has(b, s, e);';
  const fromDtype = dtypes.map((d) => {
    const base = { key: d.dtype, name: `convert${d.Name}`, out: d.Array, zero: d.zero };
    if (!d.integer) return { ...base, what: `${d.dtype} (the field's NA tokens read as NaN, or as null in a nullable field)`, parse: FLOAT };
    if (d.bigint)
      return {
        ...base,
        what: `${d.dtype} (a bigint in [${d.min}, ${d.max}])`,
        parse: `const v = parseBigIntBytes(b, s, e);\n    const ok = v !== undefined && v >= ${d.min} && v <= ${d.max};`,
      };
    return {
      ...base,
      what: `${d.dtype} (an integer in [${d.min}, ${d.max}])`,
      parse: `const v = parseIntBytes(b, s, e, NUM) ? NUM[0]! : NaN;\n    const ok = v >= ${d.min} && v <= ${d.max};`,
    };
  });
  return [
    ...fromDtype,
    { key: 'bool', name: 'convertBool', out: 'Uint8Array', zero: '0', what: "bool (pandas' spellings)", parse: 'const v = parseBoolBytes(b, s, e);\n    const ok = v >= 0;' },
    { key: 'date', name: 'convertDate', out: 'Int32Array', zero: '0', what: 'date (days since the epoch)', parse: 'const v = parseDateField(b, s, e);\n    const ok = v === v;' },
    {
      key: 'timestamp',
      name: 'convertTimestamp',
      out: 'Float64Array',
      zero: '0',
      what: 'timestamp (ms since the epoch, UTC)',
      parse: 'const v = parseTimestamp(b, s, e);\n    const ok = v >= -MAX_MS && v <= MAX_MS;',
    },
  ];
}

function kernel(k) {
  return `
/** Converts a column of ${k.what}. @internal */
export function ${k.name}(batch: TokenBatch, idx: Int32Array, n: number, f: FieldPlan, p: number, t: ColumnTarget, at: number, bad: Uint8Array | null): number {
  const b = batch.bytes;
  const starts = batch.starts;
  const ends = batch.ends;
  const rowStart = batch.rowStart;
  const col = f.csv;
  const out = t.cols[p] as ${k.out};
  const nullable = f.nullable;
  let bm: Uint8Array | null = t.valid[p] ?? null;
  let first = -1;
  for (let k = 0; k < n; k++) {
    const fi = rowStart[idx[k]!]! + col;
    const r = at + k;
    const s = starts[fi]!;
    const e = ends[fi]!;
    ${k.parse}
    if (ok) {
      out[r] = v;
      if (bm !== null) bm[r >>> 3] = bm[r >>> 3]! | (1 << (r & 7));
      continue;
    }
    if (nullable && f.na.has(b, s, e)) {
      out[r] = ${k.zero};
      bm = nullRow(t, p, r);
      continue;
    }
    if (first < 0) first = k;
    if (bad === null) return k;
    bad[k] = 1;
  }
  return first;
}
`;
}

export default {
  output: 'src/pipeline/csv-columns.gen.ts',
  render(ctx) {
    const ks = kernels(ctx.dtypes);
    return `/**
 * The conversion kernels of the CSV reader, one monomorphic loop per parsed field type (each dtype, bool, date,
 * timestamp), and {@link CONVERTERS}, the kernel of each type name. Each returns the first row index k that
 * failed, or -1; with a \`bad\` mask it marks every failing row and goes on. A nullable field's NA token is a
 * null (its slot 0, its validity bit cleared); the bit of every value written is set once the field has a
 * bitmap. The NA check runs only where the value did not parse, so the common path pays one null test of the
 * bitmap.
 *
 * @internal
 * @packageDocumentation
 */
import { MAX_MS, parseTimestamp } from '../internal/dates.js';
import type { ColumnTarget, FieldPlan } from './csv-block.js';
import { nullRow, parseBoolBytes, parseDateField } from './csv-columns.js';
import { parseBigIntBytes, parseFloatBytes, parseIntBytes } from './csv-numbers.js';
import type { TokenBatch } from './csv-tokenizer.js';

const NUM = new Float64Array(1);

/** @internal A conversion kernel: rows \`idx[0..n)\` of \`batch\`, column \`f.csv\`, into plan field \`p\` of \`t\` from row \`at\`. */
export type ColumnKernel = (batch: TokenBatch, idx: Int32Array, n: number, f: FieldPlan, p: number, t: ColumnTarget, at: number, bad: Uint8Array | null) => number;
${ks.map(kernel).join('')}
/** @internal The kernel of each parsed field type, by dtype or type name. */
export const CONVERTERS: Readonly<Record<string, ColumnKernel>> = {
${ks.map((k) => `  ${k.key}: ${k.name},`).join('\n')}
};
`;
  },
};
