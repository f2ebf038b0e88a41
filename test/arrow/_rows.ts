/** Test helper: a store's rows as plain objects of read values (`getField`), for comparing with a model. */
import type { RecordStore } from '../../src/record-store.js';

/** Every row as `{field: getField(row, field)}`. */
export function rowsOfAny(s: RecordStore): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (let k = 0; k < s.length; k++) out.push(Object.fromEntries(s.fields.map((f) => [f, s.getField(k, f)])));
  return out;
}
