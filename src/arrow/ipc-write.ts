/**
 * Streaming RecordStore chunks as one Arrow IPC stream: the schema is fixed by the first chunk, each
 * chunk becomes a record batch, and a categorical whose categories grew since the last batch sends
 * only the new categories as a **delta** dictionary batch (a replacement dictionary when its
 * categories changed in any other way).
 *
 * apache-arrow's `RecordBatchStreamWriter` emits a delta when a batch's dictionary `Vector` extends
 * the previous one's `Data` chunks, and a replacement when its first chunk differs; the dictionary
 * vectors built here follow that rule.
 *
 * @packageDocumentation
 */
import { Dictionary, Field, type RecordBatch, RecordBatchStreamWriter, Schema, Vector as ArrowVector, type Data, type DataType, Int8, Int16, Int32, Type } from 'apache-arrow';
import { describe, ValueError } from '../errors.js';
import { type AnyCategorical, type AnyRecordStore, isCategoricalLike, isRecordStoreLike } from './core.js';
import { type BatchTypes, arrowSchemaOf, dictionaryValues, dictionaryValueType, fieldSpecKey, fieldSpecOf, storeToBatch } from './to-arrow.js';
import { asyncIteratorOf, concatBytes } from './ipc-source.js';

/** Index width of the dictionaries of a stream. */
export type IndexType = 'int8' | 'int16' | 'int32';

/** Options of {@link writeIPC}. */
export interface WriteIPCOptions {
  /**
   * Index type of every dictionary (categorical) column in the stream, fixed in the stream's schema
   * before later chunks are seen (default `'int32'`, as pyarrow and DuckDB write). A narrower type
   * saves bytes; a chunk whose categorical outgrows it is a `ValueError` naming the column.
   */
  readonly indexType?: IndexType;
}

/** Captures the writer's output per record batch instead of queueing it for an async reader. */
class CapturingWriter extends RecordBatchStreamWriter {
  #parts: Uint8Array[] = [];
  #bytes = 0;
  protected override _write(chunk: ArrayBufferView): this {
    if (this._started && chunk.byteLength > 0) {
      const b = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      this.#parts.push(b);
      this.#bytes += b.byteLength;
      this._position += b.byteLength;
    }
    return this;
  }
  /** Everything written since the last call, as one new buffer. */
  take(): Uint8Array {
    const out = new Uint8Array(this.#bytes);
    let at = 0;
    for (const p of this.#parts) {
      out.set(p, at);
      at += p.byteLength;
    }
    this.#parts = [];
    this.#bytes = 0;
    return out;
  }
}

/** Per categorical field: what the stream has sent so far. */
interface DictState {
  readonly type: Dictionary;
  categories: readonly (string | number)[];
  chunks: Data[];
  vector: ArrowVector | undefined;
}

const INDEX_LIMIT: Readonly<Record<IndexType, number>> = { int8: 128, int16: 32768, int32: 2 ** 31 };

function indexTypeFor(t: IndexType): Int8 | Int16 | Int32 {
  return t === 'int8' ? new Int8() : t === 'int16' ? new Int16() : new Int32();
}

/** Codes in the stream's index width: the categorical's own array when the width matches, else a converted copy. */
function codesAs(codes: Int8Array | Int16Array | Int32Array, t: IndexType): Int8Array | Int16Array | Int32Array {
  const want = t === 'int8' ? Int8Array : t === 'int16' ? Int16Array : Int32Array;
  if (codes instanceof want) return codes;
  const out = new want(codes.length);
  out.set(codes);
  return out;
}

function specKey(spec: unknown, name: string): string {
  return fieldSpecKey(fieldSpecOf(spec, name));
}

/** The stream state: fixed schema + dictionaries sent so far. */
class StreamState {
  readonly schema: Schema;
  readonly #specs: Map<string, string>;
  readonly #dicts = new Map<string, DictState>();
  readonly #indexType: IndexType;

  constructor(first: AnyRecordStore, indexType: IndexType) {
    this.#indexType = indexType;
    this.#specs = new Map(first.fields.map((f) => [f, specKey(first.schema[f], f)]));
    const base = arrowSchemaOf(first);
    const fields: Field[] = base.fields.map((f) => {
      const col = first.column(f.name);
      if (!isCategoricalLike(col)) return f;
      const cats = col.categories;
      const type = new Dictionary(dictionaryValueType(cats), indexTypeFor(indexType), null, col.ordered);
      this.#dicts.set(f.name, { type, categories: [], chunks: [], vector: undefined });
      return new Field(f.name, type, true);
    });
    this.schema = new Schema(fields);
  }

  /** Pinned types for one chunk, updating the dictionary state (delta / replacement). */
  pin(store: AnyRecordStore, batch: number): BatchTypes {
    const names = store.fields;
    if (names.length !== this.#specs.size || names.some((n) => !this.#specs.has(n))) {
      throw new ValueError(`writeIPC: chunk ${batch} has fields [${names.join(', ')}], but the stream's schema (from chunk 0) has [${[...this.#specs.keys()].join(', ')}]`);
    }
    const dictionaries = new Map<string, ArrowVector>();
    const codes = new Map<string, Int8Array | Int16Array | Int32Array>();
    for (const name of names) {
      const key = specKey(store.schema[name], name);
      if (key !== this.#specs.get(name)) {
        throw new ValueError(`writeIPC: field ${describe(name)} is ${key} in chunk ${batch} but ${this.#specs.get(name)} in chunk 0`);
      }
      const state = this.#dicts.get(name);
      if (state === undefined) continue;
      const cat = store.column(name) as AnyCategorical;
      this.#update(state, cat, name, batch);
      dictionaries.set(name, state.vector!);
      codes.set(name, codesAs(cat.codes, this.#indexType));
    }
    // Field order of the stream's schema, whatever order this chunk lists them in.
    return { schema: this.schema, dictionaries, codes };
  }

  #update(state: DictState, cat: AnyCategorical, name: string, batch: number): void {
    const cats = cat.categories;
    if (cat.ordered !== state.type.isOrdered) {
      throw new ValueError(`writeIPC: categorical ${describe(name)} is ${cat.ordered ? '' : 'un'}ordered in chunk ${batch}, unlike chunk 0`);
    }
    if (cats.length > INDEX_LIMIT[this.#indexType]) {
      throw new ValueError(
        `writeIPC: categorical ${describe(name)} has ${cats.length} categories in chunk ${batch}, more than an ${this.#indexType} dictionary index holds (${INDEX_LIMIT[this.#indexType]}); pass a wider {indexType}`,
      );
    }
    if (cats.length > 0 && (typeof cats[0] === 'number') !== ((state.type.dictionary as DataType).typeId === Type.Float)) {
      throw new ValueError(`writeIPC: categorical ${describe(name)} changed between string and number categories in chunk ${batch}`);
    }
    if (cats === state.categories) return;
    const prev = state.categories;
    let prefix = prev.length <= cats.length;
    for (let i = 0; prefix && i < prev.length; i++) if (prev[i] !== cats[i]) prefix = false;
    if (prefix && state.chunks.length > 0) {
      if (cats.length > prev.length) {
        state.chunks = [...state.chunks, dictionaryValues(cats.slice(prev.length), name)];
        state.vector = new ArrowVector(state.chunks);
      }
    } else {
      state.chunks = [dictionaryValues(cats, name)];
      state.vector = new ArrowVector(state.chunks);
    }
    state.categories = cats;
  }
}

/**
 * Writes RecordStore chunks as one Arrow IPC stream, yielding the bytes batch by batch: the first
 * piece holds the schema (and the first batch), each later piece one record batch preceded by any
 * dictionary batches it needs, the last the end-of-stream marker.
 *
 * Categoricals travel as dictionaries: when a categorical's categories grew between chunks (new ones
 * appended at the end, as `push` does), only the new categories are sent, as a **delta** dictionary
 * batch; when they changed otherwise, a replacement dictionary is sent. apache-arrow, pyarrow,
 * DuckDB, Polars and flechette read both.
 *
 * @param chunks - an iterable or async iterable of RecordStores with the same fields (a pipeline,
 *   a generator, an array).
 * @param options - `indexType` of the dictionaries (default `'int32'`).
 * @returns an async iterable of byte pieces; concatenated they are one IPC stream (`.arrows`).
 * @throws {@link compactly!ValueError} (while iterating) when there are no chunks, when a chunk's fields differ
 *   from the first chunk's, or a categorical outgrows `indexType`; `TypeError` for a non-RecordStore chunk.
 * @remarks Constant memory: each chunk is serialised (one copy of its bytes) and released. Numeric
 *   columns go to the writer without an intermediate copy.
 * @example
 * ```ts
 * for await (const bytes of writeIPC(pipeline(source).chunks(65536).map(toStore))) out.write(bytes);
 * ```
 */
export async function* writeIPC(chunks: Iterable<AnyRecordStore> | AsyncIterable<AnyRecordStore>, options: WriteIPCOptions = {}): AsyncGenerator<Uint8Array, void, undefined> {
  const indexType = options.indexType ?? 'int32';
  if (indexType !== 'int8' && indexType !== 'int16' && indexType !== 'int32') {
    throw new ValueError(`writeIPC: bad indexType ${describe(indexType)} (must be 'int8', 'int16' or 'int32')`);
  }
  const it = asyncIteratorOf(chunks as AsyncIterable<unknown>);
  let state: StreamState | undefined;
  const writer = new CapturingWriter();
  let n = 0;
  try {
    for (;;) {
      const r = await it.next();
      if (r.done === true) break;
      const store = r.value;
      if (!isRecordStoreLike(store)) throw new TypeError(`writeIPC: chunk ${n} is ${describe(store)}, not a RecordStore`);
      state ??= new StreamState(store, indexType);
      const batch: RecordBatch = storeToBatch(store, state.pin(store, n));
      writer.write(batch);
      n++;
      yield writer.take();
    }
  } finally {
    if (typeof it.return === 'function') await it.return();
  }
  if (state === undefined) throw new ValueError('writeIPC: no RecordStore chunks to write (an IPC stream needs a schema)');
  writer.finish();
  yield writer.take();
}

/**
 * Collects {@link writeIPC} into one `Uint8Array`: the whole IPC stream.
 * @param chunks - RecordStore chunks with the same fields.
 * @param options - as {@link writeIPC}.
 * @returns the stream bytes.
 * @throws as {@link writeIPC}.
 * @remarks Holds every batch's bytes until the end (O(total bytes)); stream {@link writeIPC} to a file
 *   for constant memory.
 * @example
 * ```ts
 * const bytes = await writeIPCBytes([storeA, storeB]);
 * ```
 */
export async function writeIPCBytes(chunks: Iterable<AnyRecordStore> | AsyncIterable<AnyRecordStore>, options?: WriteIPCOptions): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const p of writeIPC(chunks, options)) {
    parts.push(p);
    total += p.byteLength;
  }
  return concatBytes(parts, total);
}
