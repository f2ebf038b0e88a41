/**
 * The one shape every structure's `memoryUsage()` returns: the common fields of {@link MemoryUsage}, then the
 * capability's extras (a Vector's slack, a Categorical's dictionary, a RecordStore's fields and plain-objects
 * estimate). Renamed fields stay readable as deprecated, non-enumerable aliases, so old scripts keep working
 * while printed and compared results show the current shape only.
 *
 * @packageDocumentation
 */

/**
 * What `memoryUsage()` reports on every structure (Vector, Categorical, RecordStore, Utf8Column, MemoryView),
 * in bytes unless said otherwise; each adds its own breakdown fields.
 */
export interface MemoryUsage {
  /** Items held: elements, values, records, rows, or a view's items. */
  readonly length: number;
  /** Items the buffers hold without reallocating (`length` for a structure that cannot grow). */
  readonly capacity: number;
  /** Bytes held now, capacity slack (and a Categorical's dictionary) included: the structure's `byteLength`. */
  readonly byteLength: number;
  /** Logical bytes, `length × itemsize` and the like, as Python reports: the structure's `nbytes`. */
  readonly nbytes: number;
  /** `byteLength / length` (0 when empty). */
  readonly bytesPerItem: number;
}

/**
 * `fields` frozen, with each `aliases[old] = current` added as a non-enumerable getter of field `current` (the
 * deprecated names of renamed fields). @internal
 */
export function withAliases<U extends object>(fields: object, aliases: Readonly<Record<string, string>>): U {
  const out: Record<string, unknown> = { ...fields };
  for (const old of Object.keys(aliases)) {
    const current = aliases[old]!;
    Object.defineProperty(out, old, { get: () => out[current], enumerable: false });
  }
  return Object.freeze(out) as U;
}

/**
 * A frozen usage record: the common fields (with `bytesPerItem = byteLength / length`, 0 when empty), then the
 * extras, then the deprecated names `Old` as aliases of current fields. @internal
 */
export function usageRecord<U extends MemoryUsage, Old extends keyof U & string = never>(
  common: Omit<MemoryUsage, 'bytesPerItem'>,
  extras: Omit<U, keyof MemoryUsage | Old>,
  aliases: Readonly<Record<Old, Exclude<keyof U & string, Old>>>,
): U {
  const bytesPerItem = common.length === 0 ? 0 : common.byteLength / common.length;
  return withAliases<U>({ ...common, bytesPerItem, ...extras }, aliases);
}
