/**
 * Builds a RecordStore from converted Arrow columns, adopting their arrays.
 *
 * @packageDocumentation
 */
import { describe, ValueError } from '../errors.js';
import { RecordStore, Utf8Column } from '../record-store.js';
import type { FieldSpec } from '../record-store.js';
import type { Column } from './columns.js';
import { buildCategorical } from './build.js';

/**
 * @internal A store over `cols` (field order = `names`). Numeric, vector, bool, date and timestamp columns
 * are adopted by `RecordStore.fromColumns` (exact TypedArray of the field's storage type: no copy; a nullable
 * one as `{values, validity}`, the bitmap adopted too); utf8 columns as a `Utf8Column` over the offsets and
 * bytes (validated once: invalid UTF-8 is a `ValueError` naming the column and byte offset); categoricals
 * from their codes with `Categorical.fromCodes` (adopted too).
 * @throws `TypeError` for a dictionary column whose categories are numbers (category fields hold strings).
 */
export function buildStore(names: readonly string[], cols: readonly Column[]): RecordStore {
  const schema: [string, FieldSpec][] = [];
  const data: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const c = cols[i]!;
    if (c.kind === 'numeric') {
      const nullable = c.validity !== undefined && c.validity !== null;
      schema.push([name, nullable ? { type: c.dtype, nullable: true } : c.dtype]);
      data[name] = nullable ? { values: c.array, validity: c.validity } : c.array;
    } else if (c.kind === 'utf8') {
      schema.push([name, c.validity === null ? 'utf8' : { type: 'utf8', nullable: true }]);
      data[name] = withColumn(name, () => new Utf8Column(c.offsets, c.bytes, c.validity));
    } else if (c.kind === 'bool' || c.kind === 'date' || c.kind === 'timestamp') {
      schema.push([name, c.validity === null ? c.kind : { type: c.kind, nullable: true }]);
      data[name] = c.validity === null ? c.array : { values: c.array, validity: c.validity };
    } else if (c.kind === 'vector') {
      schema.push([name, [c.dtype, c.size]]);
      data[name] = c.array;
    } else {
      for (const v of c.categories) {
        if (typeof v !== 'string') {
          throw new TypeError(
            `column ${describe(name)} is a dictionary of numbers; RecordStore category fields hold strings (convert the column with fromArrow(table.getChild(${describe(name)})) for a numeric Categorical)`,
          );
        }
      }
      schema.push([name, 'category']);
      // An index out of range in adopted codes (damaged data) names the column.
      data[name] = withColumn(name, () => buildCategorical(c));
    }
  }
  return RecordStore.fromColumns(data as never, schema as never) as unknown as RecordStore;
}

/** Runs `build`, prefixing a `ValueError` (damaged data: an index out of range, invalid UTF-8) with the column. */
function withColumn<T>(name: string, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof ValueError) throw new ValueError(`column ${describe(name)}: ${e.message}`);
    throw e;
  }
}
