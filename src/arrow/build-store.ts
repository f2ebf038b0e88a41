/**
 * Builds a RecordStore from converted Arrow columns, adopting their arrays.
 *
 * @packageDocumentation
 */
import { describe, ValueError } from '../errors.js';
import { RecordStore } from '../record-store.js';
import type { FieldSpec } from '../record-store.js';
import type { Column } from './columns.js';
import { buildCategorical } from './build.js';

/**
 * @internal A store over `cols` (field order = `names`). Numeric and vector columns are adopted by
 * `RecordStore.fromColumns` (exact TypedArray of the field's dtype: no copy); categoricals are built
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
      schema.push([name, c.dtype]);
      data[name] = c.array;
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
      try {
        data[name] = buildCategorical(c);
      } catch (e) {
        // An index out of range in adopted codes (damaged data): say which column.
        if (e instanceof ValueError) throw new ValueError(`column ${describe(name)}: ${e.message}`);
        throw e;
      }
    }
  }
  return RecordStore.fromColumns(data as never, schema as never) as unknown as RecordStore;
}
