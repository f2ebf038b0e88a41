/**
 * `compactly/arrow`: Apache Arrow interop. `apache-arrow` is an optional peer dependency, imported only here.
 *
 * - {@link toArrow} / {@link toRecordBatch}: Vector → arrow `Vector`, Categorical → `Dictionary`,
 *   RecordStore → `Table` / `RecordBatch`, sharing numeric memory.
 * - {@link fromArrow}: the reverse, zero-copy where the Arrow layout allows.
 * - {@link toIPC} / {@link fromIPC}: whole tables to and from IPC bytes (stream or file format).
 * - {@link writeIPC} / {@link writeIPCBytes}: RecordStore chunks → one IPC stream, with dictionary deltas.
 * - {@link readIPC}: an IPC stream (bytes, byte chunks, a `RecordBatchReader`) → RecordStore chunks.
 *
 * @packageDocumentation
 */
// ARROW-EXPORTS
export { toArrow, toRecordBatch } from './to-arrow.js';
export type { CategoricalArrowType, DictionaryIndex, ToArrow } from './to-arrow.js';
export { fromArrow } from './from-arrow.js';
export type { FromArrowVector } from './from-arrow.js';
export type { FromArrowOptions } from './columns.js';
export { arrowTypeOf, dtypeOfArrowType } from './types.js';
export type { ArrowTypeOf, DTypeOfArrow } from './types.js';
export { toIPC, fromIPC, readIPC } from './ipc.js';
export type { IPCSource, ToIPCOptions } from './ipc.js';
export type { ByteSource } from './ipc-source.js';
export { writeIPC, writeIPCBytes } from './ipc-write.js';
export type { IndexType, WriteIPCOptions } from './ipc-write.js';
export type { AnyCategorical, AnyRecordStore, AnyVector } from './core.js';
