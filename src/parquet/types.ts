/**
 * The one table between Parquet column types and compactly field types, both directions.
 *
 * Reading: every flat column gets a {@link ColumnKind} from its physical and logical type; {@link fieldSpecOf}
 * turns a kind into the RecordStore field spec. Writing: {@link parquetColumnOf} turns a store field into a
 * Parquet schema element.
 *
 * @packageDocumentation
 */
import type { FileMetaData, SchemaElement } from 'hyparquet';
import type { DType } from '../dtype.js';
import { NotImplementedError } from '../errors.js';
import type { FieldSpec } from '../record-store.js';
import { ParquetError } from './errors.js';

/** What a Parquet column holds, in compactly's terms. */
export type ColumnKind = DType | 'bool' | 'date' | 'timestamp' | 'string';

/** @internal A column to read: where it is, what it is, how it lands in a store. */
export interface ColumnPlan {
  /** The field name in the store (the top-level column name). */
  readonly name: string;
  /** Index of the column chunk in each row group. */
  readonly leaf: number;
  readonly element: SchemaElement;
  readonly physical: NonNullable<SchemaElement['type']>;
  readonly kind: ColumnKind;
  /** Timestamps: how many units in one millisecond (1 MILLIS, 1000 MICROS, 1e6 NANOS). */
  readonly perMs: number;
  /** OPTIONAL in the schema (definition level 1). */
  readonly optional: boolean;
  /** Some row group may hold a null (OPTIONAL and the statistics do not rule nulls out). */
  readonly mayHaveNulls: boolean;
  /** String columns: `'category'` (every chunk read is dictionary-encoded) or `'utf8'` (plain text). */
  readonly strings: 'category' | 'utf8';
  /** The store field spec the column is read into. */
  readonly spec: FieldSpec;
}

const INT_KIND: Record<string, ColumnKind> = {
  '8true': 'int8',
  '8false': 'uint8',
  '16true': 'int16',
  '16false': 'uint16',
  '32true': 'int32',
  '32false': 'uint32',
  '64true': 'int64',
  '64false': 'uint64',
};
const CONVERTED_INT: Record<string, ColumnKind> = {
  INT_8: 'int8',
  UINT_8: 'uint8',
  INT_16: 'int16',
  UINT_16: 'uint16',
  INT_32: 'int32',
  UINT_32: 'uint32',
  INT_64: 'int64',
  UINT_64: 'uint64',
};
const PER_MS = { MILLIS: 1, MICROS: 1000, NANOS: 1_000_000 } as const;

/** @internal The kind of a flat column, or the reason compactly cannot read it. */
export function kindOf(el: SchemaElement): { kind: ColumnKind; perMs: number } | string {
  const lt = el.logical_type;
  const ct = el.converted_type;
  switch (el.type) {
    case 'BOOLEAN':
      return { kind: 'bool', perMs: 1 };
    case 'FLOAT':
      return { kind: 'float32', perMs: 1 };
    case 'DOUBLE':
      return { kind: 'float64', perMs: 1 };
    case 'INT32':
    case 'INT64': {
      if (lt?.type === 'DATE' || ct === 'DATE') {
        return el.type === 'INT32' ? { kind: 'date', perMs: 1 } : 'DATE stored as INT64';
      }
      if (lt?.type === 'TIMESTAMP') return { kind: 'timestamp', perMs: PER_MS[lt.unit] };
      if (ct === 'TIMESTAMP_MILLIS') return { kind: 'timestamp', perMs: 1 };
      if (ct === 'TIMESTAMP_MICROS') return { kind: 'timestamp', perMs: 1000 };
      if (lt?.type === 'DECIMAL' || ct === 'DECIMAL') return `DECIMAL(${el.precision ?? '?'}, ${el.scale ?? '?'})`;
      if (lt?.type === 'TIME' || ct === 'TIME_MILLIS' || ct === 'TIME_MICROS') return 'TIME';
      if (lt?.type === 'INTEGER') {
        const k = INT_KIND[`${lt.bitWidth}${lt.isSigned}`];
        return k === undefined ? `INTEGER(${lt.bitWidth}, ${lt.isSigned})` : { kind: k, perMs: 1 };
      }
      if (ct !== undefined && CONVERTED_INT[ct] !== undefined) return { kind: CONVERTED_INT[ct]!, perMs: 1 };
      if (ct !== undefined) return ct;
      return { kind: el.type === 'INT32' ? 'int32' : 'int64', perMs: 1 };
    }
    case 'BYTE_ARRAY':
      if (lt?.type === 'STRING' || lt?.type === 'ENUM' || lt?.type === 'JSON' || ct === 'UTF8' || ct === 'ENUM' || ct === 'JSON') {
        return { kind: 'string', perMs: 1 };
      }
      return 'BYTE_ARRAY without a string logical type (binary)';
    default:
      return String(el.type);
  }
}

/**
 * @internal The store field spec a column is read into: the field type of the same layout (integers of every
 * width, `float32`/`float64`, `'bool'`, `'date'` (INT32 days), `'timestamp'` (Float64 ms, UTC), `'utf8'` for
 * plain text, `'category'` for dictionary-encoded text), `{type, nullable: true}` when the column may hold a
 * null (OPTIONAL and the footer statistics do not rule nulls out). A category field holds nulls as missing codes.
 */
export function fieldSpecOf(kind: ColumnKind, mayHaveNulls: boolean, strings: 'category' | 'utf8' = 'category'): FieldSpec {
  const type = kind === 'string' ? strings : kind;
  if (type === 'category') return 'category';
  return mayHaveNulls ? { type, nullable: true } : type;
}

/**
 * @internal `'category'` when every chunk of a string column in `groups` is dictionary-encoded (a dictionary
 * page, and no data page of another encoding where the footer lists the page encodings), else `'utf8'`.
 */
export function stringsOf(meta: FileMetaData, leaf: number, groups: readonly number[]): 'category' | 'utf8' {
  for (const g of groups) {
    const m = meta.row_groups[g]?.columns[leaf]?.meta_data;
    if (m === undefined) continue;
    const dictEnc = m.encodings.some((e) => e === 'RLE_DICTIONARY' || e === 'PLAIN_DICTIONARY');
    if (m.dictionary_page_offset === undefined && !dictEnc) return 'utf8';
    const stats = m.encoding_stats;
    if (stats !== undefined) {
      for (const st of stats) {
        if (st.page_type !== 'DICTIONARY_PAGE' && st.encoding !== 'RLE_DICTIONARY' && st.encoding !== 'PLAIN_DICTIONARY' && st.count > 0) return 'utf8';
      }
    } else if (!dictEnc) return 'utf8';
  }
  return 'category';
}

function dotted(path: readonly string[]): string {
  return path.join('.');
}

/**
 * @internal Plans the columns to read (all top-level columns, or `columns` in the order given).
 * @throws {@link ParquetError} for an unknown column name; `NotImplementedError` for a nested column or an
 *   unsupported type among those to read (the message names the column and says to project it away).
 */
export function planColumns(meta: FileMetaData, columns?: readonly string[], groups?: readonly number[]): ColumnPlan[] {
  const schema = meta.schema;
  // Walk the schema tree: top-level children of the root, counting leaves.
  const top: { name: string; el: SchemaElement; leaf: number; nested: boolean; leaves: number }[] = [];
  let i = 1;
  let leaf = 0;
  const rootChildren = schema[0]?.num_children ?? 0;
  for (let c = 0; c < rootChildren; c++) {
    const el = schema[i];
    if (el === undefined) throw new ParquetError('the schema in the footer ends early');
    const start = leaf;
    const countSub = (): void => {
      const e = schema[i++];
      if (e === undefined) throw new ParquetError('the schema in the footer ends early');
      const k = e.num_children ?? 0;
      if (k === 0) leaf++;
      for (let j = 0; j < k; j++) countSub();
    };
    countSub();
    top.push({ name: el.name, el, leaf: start, nested: (el.num_children ?? 0) > 0 || el.repetition_type === 'REPEATED', leaves: leaf - start });
  }
  const byName = new Map(top.map((t) => [t.name, t]));
  const wanted = columns ?? top.map((t) => t.name);
  const seen = new Set<string>();
  const plans: ColumnPlan[] = [];
  for (const name of wanted) {
    const t = byName.get(name);
    if (t === undefined) {
      throw new ParquetError(`no column ${JSON.stringify(name)} in the file (columns: ${top.map((x) => JSON.stringify(x.name)).join(', ')})`);
    }
    if (seen.has(name)) throw new ParquetError(`column ${JSON.stringify(name)} is requested twice`);
    seen.add(name);
    if (t.nested) {
      throw new NotImplementedError(`column ${JSON.stringify(name)} is nested (list, map or struct); compactly reads flat columns only (leave it out with {columns: [...]})`);
    }
    const k = kindOf(t.el);
    if (typeof k === 'string') {
      throw new NotImplementedError(`column ${JSON.stringify(name)} has type ${k}, which compactly does not read (leave it out with {columns: [...]})`);
    }
    const optional = t.el.repetition_type !== 'REQUIRED';
    let mayHaveNulls = false;
    if (optional) {
      for (const rg of meta.row_groups) {
        const nc = rg.columns[t.leaf]?.meta_data?.statistics?.null_count;
        if (nc === undefined || nc > 0n) {
          mayHaveNulls = true;
          break;
        }
      }
    }
    const strings = k.kind === 'string' ? stringsOf(meta, t.leaf, groups ?? meta.row_groups.map((_, g) => g)) : 'category';
    plans.push({
      name,
      leaf: t.leaf,
      element: t.el,
      physical: t.el.type!,
      kind: k.kind,
      perMs: k.perMs,
      optional,
      mayHaveNulls,
      strings,
      spec: fieldSpecOf(k.kind, mayHaveNulls, strings),
    });
  }
  return plans;
}

/** @internal The dotted name of a column chunk's path. */
export function columnName(path: readonly string[] | undefined, fallback: string): string {
  return path === undefined ? fallback : dotted(path);
}

// --- writing -------------------------------------------------------------------------------------

/** @internal A store field as a Parquet column. */
export interface WriteColumn {
  readonly name: string;
  readonly element: SchemaElement;
  /** How the values are laid out: a numeric dtype, a category (dictionary-encoded strings), or a scalar field type. */
  readonly source: DType | 'category' | 'utf8' | 'bool' | 'date' | 'timestamp';
  /** OPTIONAL with definition levels (a nullable field or a category). */
  readonly nullable: boolean;
}

const INT_LOGICAL: Partial<Record<DType, { converted: NonNullable<SchemaElement['converted_type']> }>> = {
  int8: { converted: 'INT_8' },
  uint8: { converted: 'UINT_8' },
  int16: { converted: 'INT_16' },
  uint16: { converted: 'UINT_16' },
  uint32: { converted: 'UINT_32' },
  uint64: { converted: 'UINT_64' },
};

/**
 * @internal The Parquet column for a store field: numbers as INT32/INT64/FLOAT/DOUBLE (narrow integers with
 * their converted type), `category` → dictionary-encoded BYTE_ARRAY STRING, `utf8` → BYTE_ARRAY STRING,
 * `bool` → BOOLEAN, `date` → INT32 DATE, `timestamp` → INT64 TIMESTAMP(MILLIS, isAdjustedToUTC); a nullable
 * field (and every category) is OPTIONAL, the rest REQUIRED.
 * @throws `NotImplementedError` for a fixed-size vector field (no flat Parquet equivalent).
 */
export function parquetColumnOf(name: string, spec: FieldSpec): WriteColumn {
  const obj = typeof spec === 'object' && spec !== null && !Array.isArray(spec);
  const type = obj ? (spec as { type: unknown }).type : spec;
  const nullable = obj && (spec as { nullable?: unknown }).nullable === true;
  const repetition_type = nullable ? 'OPTIONAL' : 'REQUIRED';
  if (Array.isArray(type)) {
    throw new NotImplementedError(
      `field ${JSON.stringify(name)} is a fixed-size vector field; writeParquet writes flat columns only (select() the other fields, or split it into one field per element)`,
    );
  }
  switch (type) {
    case 'category':
      return {
        name,
        source: 'category',
        nullable: true,
        element: { name, type: 'BYTE_ARRAY', repetition_type: 'OPTIONAL', converted_type: 'UTF8', logical_type: { type: 'STRING' } },
      };
    case 'utf8':
    case 'string':
      return { name, source: 'utf8', nullable, element: { name, type: 'BYTE_ARRAY', repetition_type, converted_type: 'UTF8', logical_type: { type: 'STRING' } } };
    case 'bool':
      return { name, source: 'bool', nullable, element: { name, type: 'BOOLEAN', repetition_type } };
    case 'date':
      return { name, source: 'date', nullable, element: { name, type: 'INT32', repetition_type, converted_type: 'DATE', logical_type: { type: 'DATE' } } };
    case 'timestamp':
      return {
        name,
        source: 'timestamp',
        nullable,
        element: { name, type: 'INT64', repetition_type, converted_type: 'TIMESTAMP_MILLIS', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' } },
      };
    default:
      break;
  }
  const d = type as DType;
  if (d === 'float32') return { name, source: d, nullable, element: { name, type: 'FLOAT', repetition_type } };
  if (d === 'float64') return { name, source: d, nullable, element: { name, type: 'DOUBLE', repetition_type } };
  const il = INT_LOGICAL[d];
  const physical = d === 'int64' || d === 'uint64' ? 'INT64' : 'INT32';
  if (il === undefined) return { name, source: d, nullable, element: { name, type: physical, repetition_type } };
  // Only the converted type (INT_8 … UINT_64), which every reader maps: hyparquet-writer 0.17 serializes the
  // INTEGER logical type's bitWidth as a thrift i32 where the spec says i8, and DuckDB rejects that footer.
  return { name, source: d, nullable, element: { name, type: physical, repetition_type, converted_type: il.converted } };
}
