/**
 * Arrow `Table` / `RecordBatch` → RecordStore.
 *
 * @packageDocumentation
 */
import { type Data, type DataType, RecordBatch, type Table } from 'apache-arrow';
import { describe } from '../errors.js';
import type { RecordStore } from '../record-store.js';
import { type Column, type DictionaryCache, type FromArrowOptions, columnRows, convertColumn, normalizeOptions } from './columns.js';
import { buildStore } from './build-store.js';

/** @internal The columns of one Table / RecordBatch: names, Arrow types and chunks per field. */
export interface ArrowColumns {
  readonly names: readonly string[];
  readonly types: readonly DataType[];
  readonly chunks: readonly (readonly Data[])[];
}

/** @internal Splits a Table or RecordBatch into per-field chunk lists. */
export function columnsOf(x: Table | RecordBatch): ArrowColumns {
  const fields = x.schema.fields;
  const batches: readonly RecordBatch[] = RecordBatch.isRecordBatch(x) ? [x] : (x as Table).batches;
  const names: string[] = [];
  const types: DataType[] = [];
  const chunks: Data[][] = [];
  for (let i = 0; i < fields.length; i++) {
    names.push(fields[i]!.name);
    types.push(fields[i]!.type as DataType);
    const list: Data[] = [];
    for (const b of batches) {
      const child = b.data.children[i];
      if (child !== undefined && child.length > 0) list.push(child);
    }
    // Keep one (empty) chunk for a dictionary column, so that an empty table still carries its
    // dictionary type; numeric columns need none.
    if (list.length === 0 && batches.length > 0 && batches[0]!.data.children[i] !== undefined) {
      list.push(batches[0]!.data.children[i]!);
    }
    chunks.push(list);
  }
  return { names, types, chunks };
}

/** @internal Converts every column first (so a failure leaves nothing behind), then builds the store. */
export function storeFromColumns(cols: ArrowColumns, options: FromArrowOptions | undefined, cache?: DictionaryCache): RecordStore {
  const opts = normalizeOptions(options);
  const seen = new Set<string>();
  for (const name of cols.names) {
    if (seen.has(name)) {
      throw new TypeError(`Arrow schema has the field name ${describe(name)} twice; RecordStore field names are unique`);
    }
    seen.add(name);
  }
  const converted: Column[] = [];
  for (let i = 0; i < cols.names.length; i++) {
    converted.push(convertColumn(cols.names[i]!, cols.types[i]!, cols.chunks[i]!, opts, cache));
  }
  let rows = -1;
  for (let i = 0; i < converted.length; i++) {
    const c = converted[i]!;
    const len = columnRows(c);
    if (rows === -1) rows = len;
    else if (len !== rows) {
      throw new TypeError(`Arrow column ${describe(cols.names[i])} has ${len} rows where the others have ${rows}`);
    }
  }
  return buildStore(cols.names, converted);
}
