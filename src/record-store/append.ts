/**
 * Bulk appends (`RecordStore.extend`): the whole batch is validated into temporaries before anything is
 * written, so a failed extend leaves the store as it was; a store with the same fields is appended column
 * by column.
 * @internal
 */
import { isSpecial, type RowKit } from './record-view.js';
import { appendValue } from './field-values.js';
import { grow, locked, resizeOwned, type CategoryColumn, type StoreData } from './store-data.js';

/**
 * Appends `m` rows (plain objects) to `d`, atomically: validated by the per-schema `kit.validate` first.
 * @internal
 */
export function appendRows(d: StoreData, kit: RowKit, rows: ArrayLike<unknown>): void {
  const m = rows.length;
  if (m === 0) return; // as Vector.extend: an empty extend changes nothing, so an export lock allows it
  if (d.lock.count !== 0) locked(d, 'extend');
  const fields = d.schema.fields;
  const tmp: unknown[] = fields.map((f) => (f.kind === 'category' || isSpecial(f) ? new Array<unknown>(m) : f.info.alloc(m * f.size)));
  kit.validate(rows, m, tmp);
  for (const f of fields) if (f.kind === 'category') (d.cols[f.index] as CategoryColumn).assertExtendable(tmp[f.index] as unknown[]);
  const n = d.length;
  if (n + m > d.capacity) grow(d, n + m);
  for (const f of fields) {
    const col = d.cols[f.index]!;
    if (f.kind === 'category') resizeOwned(col as CategoryColumn, 'extend', tmp[f.index]);
    else if (isSpecial(f)) {
      const vals = tmp[f.index] as unknown[];
      for (let j = 0; j < m; j++) appendValue(d, f, n + j, vals[j]);
    } else (col as Float64Array).set(tmp[f.index] as Float64Array, n * f.size);
  }
  d.length = n + m;
}

/**
 * `extend(store)` column by column when `s` has the same fields (names, kinds, dtypes): numbers are
 * copied with one `set` per column and categories appended by value (no record objects, unlike
 * {@link appendRows}). Returns false, changing nothing, when the schemas differ.
 * @internal
 */
export function appendStore(d: StoreData, s: StoreData): boolean {
  const fields = d.schema.fields;
  if (s.schema.fields.length !== fields.length) return false;
  for (const f of fields) {
    const g = s.schema.fields.find((x) => x.name === f.name);
    if (g === undefined || g.kind !== f.kind || g.dtype !== f.dtype || g.size !== f.size) return false;
    if (f.kind !== 'number' && f.kind !== 'vector' && f.kind !== 'category') return false;
  }
  const m = s.length;
  if (m === 0) return true;
  if (d.lock.count !== 0) locked(d, 'extend');
  const values: unknown[][] = [];
  for (const f of fields) {
    if (f.kind !== 'category') continue;
    const c = s.cols[s.schema.fields.find((x) => x.name === f.name)!.index] as CategoryColumn;
    const codes = c.codes;
    const cats = c.categories;
    const v = new Array<unknown>(m);
    for (let i = 0; i < m; i++) {
      const k = codes[i]!;
      v[i] = k < 0 ? null : cats[k];
    }
    (d.cols[f.index] as CategoryColumn).assertExtendable(v);
    values[f.index] = v;
  }
  const n = d.length;
  if (n + m > d.capacity) grow(d, n + m);
  for (const f of fields) {
    const col = d.cols[f.index]!;
    if (f.kind === 'category') resizeOwned(col as CategoryColumn, 'extend', values[f.index]);
    else {
      const from = s.cols[s.schema.fields.find((x) => x.name === f.name)!.index] as Float64Array;
      (col as Float64Array).set(from.subarray(0, m * f.size), n * f.size);
    }
  }
  d.length = n + m;
  return true;
}
