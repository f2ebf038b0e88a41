/**
 * The structural type Vector's code uses for its backing TypedArray.
 * @internal
 * @packageDocumentation
 */

/**
 * Structural view of any backing TypedArray (number or bigint elements), so Vector code can stay
 * generic in TypeScript while each instance holds exactly one TypedArray type at runtime.
 * @internal
 */
export interface RawArray {
  [index: number]: number | bigint;
  readonly length: number;
  readonly buffer: ArrayBufferLike;
  readonly byteOffset: number;
  readonly byteLength: number;
  subarray(begin?: number, end?: number): RawArray;
  slice(begin?: number, end?: number): RawArray;
  set(src: ArrayLike<number | bigint>, offset?: number): void;
  copyWithin(target: number, start: number, end?: number): RawArray;
  reverse(): RawArray;
}
