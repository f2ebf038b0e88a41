/**
 * The `toVector(dtype)` sink: typed chunks are appended in bulk through `Vector.extend` (validated, atomic per
 * chunk); single items through `push`.
 *
 * @internal
 * @packageDocumentation
 */
import type { DType } from '../dtype.js';
import { Vector } from '../vector.js';
import type { Sink } from './sinks.js';

type Sliceable = ArrayLike<unknown> & { subarray?: (s: number, e: number) => ArrayLike<unknown>; slice(s: number, e: number): ArrayLike<unknown> };

/** @internal */
export class VectorSink<D extends DType> implements Sink<Vector<D>> {
  readonly #v: Vector<D>;
  constructor(dtype: D) {
    this.#v = new Vector(dtype);
  }
  start(): boolean {
    return true;
  }
  push(v: unknown): boolean {
    this.#v.push(v as never);
    return true;
  }
  pushChunk(a: ArrayLike<unknown>, s: number, e: number): boolean {
    const x = a as Sliceable;
    const part = typeof x.subarray === 'function' ? x.subarray(s, e) : x.slice(s, e);
    this.#v.extend(part as never);
    return true;
  }
  end(): void {}
  result(): Vector<D> {
    return this.#v;
  }
}
