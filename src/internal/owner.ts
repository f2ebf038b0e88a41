/**
 * Ownership of a Categorical by a RecordStore: the store's `column(name)` hands out the Categorical
 * itself (an alias), but its rows must stay aligned with the store's other columns, so while a store
 * owns it the Categorical's length-changing methods throw `BufferError` (as the export lock does for
 * memoryviews). The store lifts the mark for the duration of its own resizes.
 *
 * @internal
 * @packageDocumentation
 */
import { throwBuffer } from '../errors.js';

/** Key of the owner mark: a description of the owning structure, or `undefined` when free. @internal */
export const OWNER: unique symbol = Symbol.for('compactly.owner');

/** Something a store can own. @internal */
export interface Ownable {
  [OWNER]: string | undefined;
}

/** @internal */
export function throwOwned(op: string, owner: string): never {
  throwBuffer(`${op}: this Categorical is ${owner}; it cannot change length on its own (the store's rows would misalign): resize the store, or copy() the column`);
}
