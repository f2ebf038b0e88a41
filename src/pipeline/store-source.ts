/**
 * RecordStore as a pipeline source (rows through one moving cursor, or zero-copy RecordStore chunks) and
 * the `toStore(schema)` sink.
 *
 * @internal
 * @packageDocumentation
 */
import { Categorical } from '../categorical.js';
import type { TypedArray } from '../dtype.js';
import { RecordStore, type Schema } from '../record-store.js';
import type { Sink } from './sinks.js';
import type { SyncSource } from './sources.js';
import type { Receiver } from './stages.js';

/** @internal Rows of a store through one cursor, `chunkSize` rows per step. */
export class StoreRowSource implements SyncSource {
  readonly #store: RecordStore<Schema>;
  readonly #size: number;
  #cursor: ReturnType<RecordStore<Schema>['cursor']> | null = null;
  constructor(store: RecordStore<Schema>, chunkSize: number) {
    this.#store = store;
    this.#size = chunkSize;
  }
  step(r: Receiver): boolean {
    const c = (this.#cursor ??= this.#store.cursor());
    for (let k = 0; k < this.#size; k++) {
      if (!c.next()) return false;
      if (!r.push(c)) return false;
    }
    return true;
  }
  close(): void {}
}

/** @internal Zero-copy RecordStore chunks of `chunkSize` rows: each adopts subarrays of the source's columns. */
export class StoreChunkSource implements SyncSource {
  readonly #store: RecordStore<Schema>;
  readonly #size: number;
  #pos = 0;
  constructor(store: RecordStore<Schema>, chunkSize: number) {
    this.#store = store;
    this.#size = chunkSize;
  }
  step(r: Receiver): boolean {
    const st = this.#store;
    const n = st.length;
    const s = this.#pos;
    if (s >= n) return false;
    const e = Math.min(n, s + this.#size);
    this.#pos = e;
    return r.push(storeSlice(st, s, e)) && e < n;
  }
  close(): void {}
}

/** @internal A RecordStore over rows `[s, e)` of `st`, sharing its memory (columns adopted as subarrays). */
export function storeSlice(st: RecordStore<Schema>, s: number, e: number): RecordStore<Schema> {
  const schema = st.schema as Schema;
  const cols: Record<string, TypedArray | Categorical<string>> = {};
  for (const name of st.fields) {
    const col = st.column(name) as unknown as TypedArray | Categorical<string>;
    if (col instanceof Categorical) {
      cols[name] = Categorical.fromCodes(col.codes.subarray(s, e), col.categories, { ordered: col.ordered }) as Categorical<string>;
    } else {
      const per = st.length === 0 ? 1 : col.length / st.length;
      cols[name] = col.subarray(s * per, e * per) as TypedArray;
    }
  }
  return RecordStore.fromColumns(cols, schema) as RecordStore<Schema>;
}

/** @internal `toStore(schema)`: rows are pushed (validated); RecordStore items (chunks) are appended whole. */
export class StoreSink implements Sink<RecordStore<Schema>> {
  readonly #store: RecordStore<Schema>;
  constructor(store: RecordStore<Schema>) {
    this.#store = store;
  }
  start(): boolean {
    return true;
  }
  push(v: unknown): boolean {
    if (v instanceof RecordStore) this.#store.extend(v as never);
    else this.#store.push(v as never);
    return true;
  }
  pushChunk(a: ArrayLike<unknown>, s: number, e: number): boolean {
    for (let i = s; i < e; i++) this.push(a[i]);
    return true;
  }
  end(): void {}
  result(): RecordStore<Schema> {
    return this.#store;
  }
}
