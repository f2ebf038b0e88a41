/**
 * Vector: a growable, checked, typed vector on a TypedArray (Python's `array.array`).
 *
 * @packageDocumentation
 */
import { DTYPES, resolveDType, type ArrayOf, type DType, type DTypeInfo, type DTypeLike, type InputOf, type ResolveDType, type TypeCode, type ValueOf } from '../dtype.js';
import { IndexError, describe, throwType, throwValue } from '../errors.js';
import { normalizeIndex, sliceRange } from '../internal/bounds.js';
import { EXPORT_BUFFER, ExportLock, throwExported, type BufferExport } from '../internal/exports.js';
import { grownCapacity, reallocate } from '../internal/growth.js';
import { appendTyped, appendValues, deleteSliceInPlace, gatherSlice, repeatInto, scatterSlice, toPlainArray, type Appended } from './bulk.js';
import { checkSize, clampRange, knownLength, opName } from './args.js';
import { byteswapInPlace, bytesOf, copyBytes } from './bytes.js';
import type { RawArray } from './raw-array.js';
import { compareValues, formatElements, needleFor } from './values.js';
import { VECTOR_KERNELS, type VectorKernels } from './kernels.gen.js';
import { vectorClasses, type VectorClass, type VectorClasses } from './classes.gen.js';
import { vectorUsage, type VectorMemoryUsage } from './memory.js';

export type { VectorMemoryUsage } from './memory.js';

/** Options of {@link vector} and the {@link Vector} constructor. */
export interface VectorOptions {
  /** Elements to allocate room for up front (at least the number of initial values is always allocated). */
  readonly capacity?: number;
}

/** Values a Vector of dtype `D` can be built from or extended with. */
export type VectorSource<D extends DType> = Vector<D> | ArrayLike<InputOf<D>> | Iterable<InputOf<D>>;

type Checker = (value: unknown, where?: string) => number | bigint;

function alloc(info: DTypeInfo, n: number): RawArray {
  return info.alloc(n) as unknown as RawArray;
}

/**
 * A growable vector of one numeric dtype, stored contiguously in a TypedArray: Python's `array.array`
 * with checked writes, Python's index and slice rules, and the whole `array` surface in camelCase.
 *
 * @remarks
 * **Layout.** One plain `ArrayBuffer` of `capacity × itemsize` bytes; the first `length` elements are live.
 * Growth doubles the capacity (×1.5 past 64 MiB) and copies; {@link Vector.reserve} and
 * {@link Vector.shrinkToFit} set it explicitly.
 *
 * **Checked writes.** Every public write validates before it stores: a non-number or boolean is a
 * `TypeError`, a non-integral number for an integer dtype is a `TypeError`, an out-of-range value is an
 * {@link OverflowError}. 64-bit dtypes read back as `bigint` and accept bigints or safe-integer numbers.
 * Bulk writes (`extend`, `setSlice`, the constructor) validate everything before committing anything.
 *
 * **Aliasing.** {@link Vector.array} and {@link Vector.subarray} alias the live elements and go stale
 * when the vector reallocates (growth, `reserve`, `shrinkToFit`); {@link Vector.slice},
 * {@link Vector.toArray} and {@link Vector.toBytes} copy. A `MemoryView` of a vector is tracked instead:
 * while one is exported, any operation that would change the length or reallocate throws
 * {@link BufferError} (Python's rule), and same-size writes stay allowed.
 *
 * @typeParam D - the dtype (`'int8'`, …, `'float64'`); typecodes resolve to it in {@link vector}.
 */
export class Vector<D extends DType> {
  readonly #dtype!: D;
  readonly #info!: DTypeInfo;
  readonly #check!: Checker;
  readonly #k!: VectorKernels<DType>;
  // Hot state, read by the per-dtype subclasses of src/vector/classes.gen.ts: plain properties hidden from the
  // typings by @internal (a subclass cannot reach #private fields of its base). Not part of the API.
  /** @internal The export lock (`count !== 0` while a MemoryView is exported). */ readonly _lock = new ExportLock();
  /** @internal The backing TypedArray (capacity elements). */ _a!: RawArray;
  /** @internal The live length. */ _n = 0;

  /**
   * Creates a vector; prefer the {@link vector} factory, which also resolves typecodes in the type.
   * @param dtype - a dtype name (typecodes are accepted at runtime).
   * @param values - initial values: an array, TypedArray, Vector (of any dtype, converted with checks) or
   *   iterable; all are validated before the vector exists.
   * @param options - `capacity`: elements to allocate up front.
   * @throws {@link ValueError} for an unknown dtype or a negative capacity.
   * @throws `TypeError` / {@link OverflowError} for a value the dtype cannot hold.
   */
  constructor(dtype: D, values?: VectorSource<D> | Vector<DType>, options?: VectorOptions) {
    const d = resolveDType(dtype as DTypeLike) as D;
    // `new Vector(d)` gives the subclass of d (its own hot methods: src/vector/classes.gen.ts).
    if (new.target === Vector) return new (CLASSES[d] as VectorClass<D>)(d, values, options);
    this.#dtype = d;
    const info = DTYPES[d] as unknown as DTypeInfo;
    this.#info = info;
    this.#check = info.check as Checker;
    this.#k = VECTOR_KERNELS[d] as unknown as VectorKernels<DType>;
    let cap = options?.capacity === undefined ? 0 : checkSize(options.capacity, 'vector()', 'capacity');
    const known = values instanceof Vector ? values._n : knownLength(values);
    if (known > cap) cap = known;
    if (cap > 0) grownCapacity(0, cap, 1); // limit check only: ValueError past 2^32 elements
    this._a = alloc(info, cap);
    if (values === undefined) return;
    // Like Python's array(t, other_array): a Vector of another dtype is converted element by element
    // (widening TypedArray copy or checked); only extend/setSlice/concat insist on the same dtype.
    let src: unknown = values instanceof Vector && values.#dtype !== d ? values.array : values;
    // Python's array('d', array('q', …)) converts the ints; JS 64-bit values are bigints, so a 64-bit
    // Vector into a non-64-bit dtype goes through Number (then the usual checks: range, integrality).
    if (values instanceof Vector && values.#dtype !== d && values.#info.bigint && !info.bigint) {
      src = Array.from(values.array as unknown as ArrayLike<bigint>, Number);
    }
    this.#append(src, `vector(${d})`);
  }

  /**
   * Builds a vector from values (an array, TypedArray, Vector or any iterable), validating each.
   * @param dtype - dtype name or Python typecode.
   * @param values - the initial values (a Vector of another dtype is converted with checks, as Python's
   *   `array(t, other_array)`).
   * @returns a new vector holding copies of `values`.
   * @throws `TypeError` / {@link OverflowError} for a value the dtype cannot hold; {@link ValueError} for a bad dtype.
   * @example
   * ```ts
   * Vector.from('q', [1, 2n]).get(1); // 2n
   * ```
   */
  static from<T extends DTypeLike>(dtype: T, values: VectorSource<ResolveDType<T>> | Vector<DType>): Vector<ResolveDType<T>> {
    return new Vector(resolveDType(dtype) as ResolveDType<T>, values);
  }

  /**
   * Builds a vector from raw bytes in native (platform) byte order, like `array(t).frombytes(b)`.
   * @param dtype - dtype name or Python typecode.
   * @param bytes - an ArrayBuffer, SharedArrayBuffer or any ArrayBufferView (its `byteOffset` is respected).
   * @returns a new vector owning a copy of the bytes (no alignment needed).
   * @throws {@link ValueError} if the byte length is not a multiple of the itemsize.
   * @throws `TypeError` if `bytes` is not bytes-like.
   * @example
   * ```ts
   * Vector.fromBytes('int16', new Uint8Array([1, 0, 0, 1])).toArray(); // [1, 256] on little-endian
   * ```
   */
  static fromBytes<T extends DTypeLike>(dtype: T, bytes: ArrayBufferLike | ArrayBufferView): Vector<ResolveDType<T>> {
    const d = resolveDType(dtype) as ResolveDType<T>;
    const u = bytesOf(bytes, DTYPES[d].bytes, 'Vector.fromBytes');
    const v = new Vector(d, undefined, { capacity: u.byteLength / DTYPES[d].bytes });
    return v.fromBytes(u);
  }

  // --- facts ----------------------------------------------------------------------------------

  /** The dtype name (`'int8'`, …). */
  get dtype(): D {
    return this.#dtype;
  }

  /** The Python typecode of the dtype (`'b'`, …). */
  get typecode(): TypeCode {
    return this.#info.typecode;
  }

  /** Bytes per element (Python `itemsize`). */
  get itemsize(): number {
    return this.#info.bytes;
  }

  /** Number of live elements. */
  get length(): number {
    return this._n;
  }

  /** Number of elements the current buffer can hold without reallocating. */
  get capacity(): number {
    return this._a.length;
  }

  /** Bytes the vector holds now, capacity slack included: `capacity × itemsize`. */
  get byteLength(): number {
    return this._a.byteLength;
  }

  /** Logical bytes, as Python reports them: `length × itemsize`. */
  get nbytes(): number {
    return this._n * this.#info.bytes;
  }

  /**
   * Memory breakdown in bytes.
   * @returns the common {@link MemoryUsage} fields and `slack` (`elements`/`total` remain as deprecated aliases of
   *   `nbytes`/`byteLength`).
   * @remarks O(1). The object header (a few dozen bytes) is not counted.
   */
  memoryUsage(): VectorMemoryUsage {
    return vectorUsage(this._a, this._n, this.#info.bytes);
  }
  /**
   * The live elements as a TypedArray that **aliases** the vector's memory (`subarray(0, length)`).
   * @remarks O(1), allocates a view. Writes through it are unchecked. It goes stale (stops seeing the
   * vector) after the next reallocation: growth past capacity, `reserve`, `shrinkToFit`.
   */
  get array(): ArrayOf[D] {
    return this._a.subarray(0, this._n) as unknown as ArrayOf[D];
  }

  // --- element access -------------------------------------------------------------------------

  /**
   * The element at `index`; negative indexes count from the end.
   * @param index - an integer in `[-length, length)`.
   * @returns the element (`bigint` for 64-bit dtypes).
   * @throws {@link IndexError} if out of range; `TypeError` if not an integer.
   * @remarks O(1), no allocation.
   */
  get(index: number): ValueOf<D> {
    if (typeof index === 'number' && index >>> 0 === index && index < this._n) {
      const x = this._a[index];
      // A live index reads undefined only when the buffer was detached (transferred away).
      if (x === undefined) this._detached();
      return x as ValueOf<D>;
    }
    const x = this._a[normalizeIndex(index, this._n, 'Vector')];
    if (x === undefined) this._detached();
    return x as ValueOf<D>;
  }

  /**
   * Stores `value` at `index` after checking it; negative indexes count from the end.
   * @param index - an integer in `[-length, length)`.
   * @param value - a value representable in the dtype.
   * @returns this vector.
   * @throws {@link IndexError} if out of range; `TypeError` for a bad index or value type;
   *   {@link OverflowError} if the value is out of range.
   * @remarks O(1). Allowed while exported (the length does not change).
   */
  set(index: number, value: InputOf<D>): this {
    // CPython checks the index before the value (a[9] = 300 on a short 'b' array is an IndexError).
    const i = typeof index === 'number' && index >>> 0 === index && index < this._n ? index : normalizeIndex(index, this._n, 'Vector assignment');
    const v = this.#check(value, 'Vector.set');
    const a = this._a;
    if (i >= a.length) this._detached();
    a[i] = v;
    return this;
  }

  /**
   * The element at `index` with no bounds check: for hot loops that already know `0 <= index < length`.
   * @param index - an integer in `[0, length)`; anything else gives an unspecified result.
   * @returns the element.
   * @remarks O(1). Prefer {@link Vector.array} for whole-vector loops.
   */
  getUnchecked(index: number): ValueOf<D> {
    return this._a[index] as ValueOf<D>;
  }

  /**
   * Stores `value` at `index` with no bounds or value check: the TypedArray's own conversion applies
   * (wrapping, truncation), exactly as writing to {@link Vector.array}.
   * @param index - an integer in `[0, length)`.
   * @param value - a value already known to be representable (`bigint` for 64-bit dtypes).
   * @remarks O(1). Out-of-range indexes are silently ignored or land in the capacity slack.
   */
  setUnchecked(index: number, value: ValueOf<D>): void {
    this._a[index] = value;
  }

  // --- length-changing operations ---------------------------------------------------------------

  /**
   * Appends one value (Python `append`).
   * @param value - a value representable in the dtype.
   * @returns the new length (as `Array.prototype.push`).
   * @throws `TypeError` / {@link OverflowError} for a bad value; {@link BufferError} while exported.
   * @remarks Amortised O(1). Growth reallocates, so earlier `array`/`subarray` views go stale.
   */
  push(value: InputOf<D>): number {
    const v = this.#check(value, 'Vector.push');
    if (this._lock.count !== 0) this._locked('push');
    const n = this._n;
    let a = this._a;
    if (n >= a.length) a = this._grow(n + 1);
    a[n] = v;
    return (this._n = n + 1);
  }

  /**
   * Appends every value of `values`, atomically: the whole input is validated before anything is
   * committed, so a failed extend leaves the vector unchanged (Python's `extend` keeps the prefix).
   * @param values - a Vector of the same dtype, a TypedArray, an array, or any iterable.
   * @returns this vector.
   * @throws `TypeError` for a Vector of another dtype (Python's rule; pass its `.array` to convert
   *   with checks), a non-iterable, or a bad value; {@link OverflowError} for an out-of-range value;
   *   {@link BufferError} if non-empty while exported.
   * @remarks O(m). A Vector or TypedArray whose dtype widens to this one (same dtype, int8 → int32,
   *   int32 → float64, …) is copied with one `set()` and no per-element check. `v.extend(v)` doubles.
   */
  extend(values: VectorSource<D>): this {
    this.#append(values, 'Vector.extend');
    return this;
  }

  /**
   * Inserts `value` before position `index`; the index is clamped to `[0, length]` and negatives count
   * from the end (Python's `insert`: `insert(100, x)` appends, `insert(-100, x)` prepends).
   * @param index - an integer.
   * @param value - a value representable in the dtype.
   * @returns this vector.
   * @throws `TypeError` / {@link OverflowError} for a bad value or index type; {@link BufferError} while exported.
   * @remarks O(length − index) element moves.
   */
  insert(index: number, value: InputOf<D>): this {
    if (!Number.isInteger(index)) throwType(`Vector.insert: index must be an integer, got ${describe(index)}`);
    const v = this.#check(value, 'Vector.insert');
    if (this._lock.count !== 0) this._locked('insert');
    const n = this._n;
    let i = index < 0 ? index + n : index;
    i = i < 0 ? 0 : i > n ? n : i;
    let a = this._a;
    if (n >= a.length) a = this._grow(n + 1);
    if (i < n) a.copyWithin(i + 1, i, n);
    a[i] = v;
    this._n = n + 1;
    return this;
  }

  /**
   * Removes and returns the element at `index` (default: the last one).
   * @param index - an integer in `[-length, length)`; default -1.
   * @returns the removed element.
   * @throws {@link IndexError} if empty or out of range; {@link BufferError} while exported.
   * @remarks O(1) at the end, O(length − index) elsewhere.
   */
  pop(index = -1): ValueOf<D> {
    const n = this._n;
    if (n === 0) throwIndexMessage('pop from empty vector');
    const i = normalizeIndex(index, n, 'Vector pop');
    if (this._lock.count !== 0) this._locked('pop');
    const a = this._a;
    if (i >= a.length) this._detached();
    const x = a[i] as ValueOf<D>;
    if (i < n - 1) a.copyWithin(i, i + 1, n);
    this._n = n - 1;
    return x;
  }

  /**
   * Removes the first element equal to `x` (IEEE `==`: NaN never matches, -0 matches 0).
   * @param x - the value to remove.
   * @returns this vector.
   * @throws {@link ValueError} if no element equals `x` (also for wrong-typed or out-of-range `x`, as in
   *   Python); {@link BufferError} while exported.
   * @remarks O(length).
   */
  remove(x: unknown): this {
    const i = this.#find(x, 0, this._n);
    if (i < 0) throwValue(`Vector.remove(x): ${describe(x)} not in ${this.#dtype} vector`);
    if (this._lock.count !== 0) this._locked('remove');
    this.pop(i);
    return this;
  }

  /**
   * Removes every element (length 0). The capacity is kept: call {@link Vector.shrinkToFit} to free it.
   * @returns this vector.
   * @throws {@link BufferError} if non-empty while exported.
   * @remarks O(1).
   */
  clear(): this {
    if (this._n !== 0) {
      if (this._lock.count !== 0) this._locked('clear');
      this._n = 0;
    }
    return this;
  }

  /**
   * Appends raw bytes in native byte order (Python `frombytes`).
   * @param bytes - an ArrayBuffer, SharedArrayBuffer or ArrayBufferView (`byteOffset` respected).
   * @returns this vector.
   * @throws {@link ValueError} if the byte length is not a multiple of the itemsize; `TypeError` if not
   *   bytes-like; {@link BufferError} if non-empty while exported.
   * @remarks O(bytes), one copy; the bytes need no alignment.
   */
  fromBytes(bytes: ArrayBufferLike | ArrayBufferView): this {
    const size = this.#info.bytes;
    const u = bytesOf(bytes, size, 'Vector.fromBytes');
    const m = u.byteLength / size;
    if (m === 0) return this;
    if (this._lock.count !== 0) this._locked('fromBytes');
    const n = this._n;
    let a = this._a;
    if (n + m > a.length) a = this._grow(n + m);
    new Uint8Array(a.buffer, a.byteOffset + n * size, m * size).set(u);
    this._n = n + m;
    return this;
  }

  /**
   * Ensures room for at least `n` elements in total, reallocating to exactly `n` if needed.
   * @param n - the capacity wanted (elements, not additional elements).
   * @returns this vector.
   * @throws `TypeError` / {@link ValueError} for a non-integer or negative `n`; {@link BufferError} if it
   *   would reallocate while exported.
   * @remarks O(length) when it reallocates (earlier `array` views go stale), O(1) otherwise.
   */
  reserve(n: number): this {
    checkSize(n, 'Vector.reserve', 'n');
    if (n > this._a.length) {
      if (this._lock.count !== 0) this._locked('reserve');
      grownCapacity(0, n, 1); // limit check only
      this._a = reallocate(this._a, this._n, n, (c) => alloc(this.#info, c));
    }
    return this;
  }

  /**
   * Reallocates so that `capacity === length`, releasing the slack.
   * @returns this vector.
   * @throws {@link BufferError} if it would reallocate while exported.
   * @remarks O(length) when there is slack (earlier `array` views go stale), O(1) otherwise.
   */
  shrinkToFit(): this {
    if (this._a.length !== this._n) {
      if (this._lock.count !== 0) this._locked('shrinkToFit');
      this._a = reallocate(this._a, this._n, this._n, (c) => alloc(this.#info, c));
    }
    return this;
  }

  // --- search ---------------------------------------------------------------------------------

  /**
   * Index of the first element equal to `x` in `[start, stop)` (Python `index`; slice-style bounds).
   * @param x - the value to find (IEEE `==`: NaN never matches; `1` finds `1n` in 64-bit vectors).
   * @param start - first index searched (negative counts from the end; clamped).
   * @param stop - end of the search (exclusive; negative counts from the end; clamped).
   * @returns the index.
   * @throws {@link ValueError} if absent.
   * @remarks O(stop − start), one monomorphic kernel per dtype.
   */
  index(x: unknown, start?: number | null, stop?: number | null): number {
    const r = sliceRange(this._n, start, stop, 1);
    const i = this.#find(x, r.start, r.stop);
    if (i < 0) throwValue(`Vector.index(x): ${describe(x)} not in ${this.#dtype} vector`);
    return i;
  }

  /**
   * Like {@link Vector.index} but returns -1 when absent (JS convention).
   * @param x - the value to find.
   * @param start - first index searched (negative counts from the end; clamped).
   * @param stop - end of the search (exclusive).
   * @returns the index, or -1.
   * @remarks O(stop − start). Never throws for a wrong-typed `x`.
   */
  indexOf(x: unknown, start?: number | null, stop?: number | null): number {
    const r = sliceRange(this._n, start, stop, 1);
    return this.#find(x, r.start, r.stop);
  }

  /**
   * Number of elements equal to `x` (IEEE `==`: NaN is never counted; wrong types count 0).
   * @param x - the value to count.
   * @returns the count.
   * @remarks O(length), one monomorphic kernel per dtype.
   */
  count(x: unknown): number {
    const v = needleFor(x, this.#info.bigint);
    return v === undefined ? 0 : this.#k.count(this._a as never, v as never, 0, this._n);
  }

  /**
   * True if some element equals `x` (Python `in`; unlike `TypedArray.includes`, NaN is never found).
   * @param x - the value to look for.
   * @returns whether it is present.
   * @remarks O(length).
   */
  includes(x: unknown): boolean {
    return this.#find(x, 0, this._n) >= 0;
  }

  // --- in-place, same size ------------------------------------------------------------------------

  /**
   * Reverses the elements in place.
   * @returns this vector.
   * @remarks O(length). Allowed while exported.
   */
  reverse(): this {
    this._a.subarray(0, this._n).reverse();
    return this;
  }

  /**
   * Reverses the byte order of every element in place (Python `byteswap`); a no-op for 1-byte dtypes.
   * @returns this vector.
   * @remarks O(nbytes). Allowed while exported. Floats are swapped as raw bytes too.
   */
  byteswap(): this {
    byteswapInPlace(this._a, this._n, this.#info.bytes);
    return this;
  }

  // --- slices -----------------------------------------------------------------------------------

  /**
   * A **copy** of the elements selected by a Python slice `[start:stop:step]`.
   * @param start - omitted/`null`: from the start (or the end for negative steps); negatives count from the end.
   * @param stop - omitted/`null`: to the end; bounds clamp like Python's.
   * @param step - default 1; negative walks backwards.
   * @returns a new vector of the same dtype.
   * @throws {@link ValueError} if `step` is 0; `TypeError` for non-integers.
   * @remarks O(result length); copies. Use {@link Vector.subarray} for an alias.
   */
  slice(start?: number | null, stop?: number | null, step?: number | null): Vector<D> {
    const r = sliceRange(this._n, start, stop, step);
    const out = new Vector(this.#dtype, undefined, { capacity: r.length });
    gatherSlice(this._a, r, out._a);
    out._n = r.length;
    return out;
  }

  /**
   * Assigns `src` to the slice `[start:stop:step]` (Python slice assignment). With step 1 the lengths may
   * differ and the vector grows or shrinks (`setSlice(5, 2, 1, x)` inserts at 5); an extended slice
   * (step ≠ 1) needs exactly as many values as it selects, except that an empty `src` deletes the slice
   * (CPython's `array` quirk: `a[::2] = array('b')` is `del a[::2]`).
   * @param start - slice start (`null`/`undefined`: omitted).
   * @param stop - slice stop (`null`/`undefined`: omitted).
   * @param step - slice step (`null`/`undefined`: 1).
   * @param src - a Vector of the **same dtype** (Python's rule), or an array / TypedArray / iterable whose
   *   values are validated (a deliberate extension). Self-assignment (`v.setSlice(1, 4, 1, v)`) works.
   * @returns this vector.
   * @throws `TypeError` for a Vector of another dtype or a bad value; {@link OverflowError} for an
   *   out-of-range value; {@link ValueError} for a size mismatch on an extended slice or a zero step;
   *   {@link BufferError} if it would change the length while exported. Atomic on every error.
   * @remarks O(length + src length).
   */
  setSlice(start: number | null | undefined, stop: number | null | undefined, step: number | null | undefined, src: VectorSource<D>): this {
    const r = sliceRange(this._n, start, stop, step);
    const s = this.#sourceArray(src, 'Vector.setSlice');
    const m = s.length;
    if (r.step !== 1) {
      // CPython's array (unlike list) treats an empty right-hand side as `del a[i:j:k]`.
      if (m === 0) return this.deleteSlice(start, stop, step);
      if (m !== r.length) {
        throwValue(`Vector.setSlice: attempt to assign ${m} values to an extended slice of size ${r.length}`);
      }
      scatterSlice(this._a, r, s);
      return this;
    }
    this.#replace(r.start, r.stop > r.start ? r.stop : r.start, s, 'setSlice');
    return this;
  }

  /**
   * Deletes the slice `[start:stop:step]` (Python `del a[start:stop:step]`).
   * @param start - slice start (`null`/`undefined`: omitted).
   * @param stop - slice stop.
   * @param step - slice step (default 1).
   * @returns this vector.
   * @throws {@link ValueError} for a zero step; {@link BufferError} if it removes anything while exported.
   * @remarks O(length).
   */
  deleteSlice(start?: number | null, stop?: number | null, step?: number | null): this {
    const r = sliceRange(this._n, start, stop, step);
    if (r.length === 0) return this;
    if (this._lock.count !== 0) this._locked('deleteSlice');
    this._n = deleteSliceInPlace(this._a, this._n, r);
    return this;
  }

  /**
   * An **alias** of the live elements `[start, end)`, with TypedArray `subarray` rules (negatives from
   * the end, clamped to `[0, length]`).
   * @param start - first index (default 0).
   * @param end - end index, exclusive (default `length`).
   * @returns a TypedArray over the vector's memory: writes are unchecked and visible; stale after reallocation.
   * @throws `TypeError` for non-integer bounds.
   * @remarks O(1).
   */
  subarray(start?: number, end?: number): ArrayOf[D] {
    const [s, e] = clampRange(this._n, start, end, 'Vector.subarray');
    return this._a.subarray(s, e) as unknown as ArrayOf[D];
  }

  // --- conversion -------------------------------------------------------------------------------

  /**
   * A **copy** of the elements as a plain JS array (`bigint[]` for 64-bit dtypes), Python `tolist`.
   * @returns a new array.
   * @remarks O(length).
   */
  toArray(): ValueOf<D>[] {
    return toPlainArray(this._a, this._n) as ValueOf<D>[];
  }

  /**
   * A **copy** of the live elements' bytes, in native byte order (Python `tobytes`).
   * @returns a new Uint8Array of `nbytes` bytes.
   * @remarks O(nbytes).
   */
  toBytes(): Uint8Array {
    return copyBytes(this._a, this._n, this.#info.bytes);
  }

  /**
   * A new vector: this one's elements followed by `other`'s (Python `a + b`).
   * @param other - a Vector of the same dtype.
   * @returns a new vector with exact capacity.
   * @throws `TypeError` if `other` is not a Vector of the same dtype (as Python).
   * @remarks O(length + other.length).
   */
  concat(other: Vector<D>): Vector<D> {
    if (!(other instanceof Vector) || other.#dtype !== this.#dtype) {
      const what = other instanceof Vector ? `a ${other.#dtype} Vector` : describe(other);
      throwType(`Vector.concat: can only concatenate a ${this.#dtype} Vector, not ${what}`);
    }
    const n = this._n;
    const m = other._n;
    const out = new Vector(this.#dtype, undefined, { capacity: n + m });
    out._a.set(this._a.subarray(0, n));
    out._a.set(other._a.subarray(0, m), n);
    out._n = n + m;
    return out;
  }

  /**
   * A new vector holding this one's elements `times` times over (Python `a * n`; `n <= 0` → empty).
   * @param times - an integer.
   * @returns a new vector with exact capacity.
   * @throws `TypeError` if `times` is not an integer.
   * @remarks O(length × times), copies by doubling.
   */
  repeat(times: number): Vector<D> {
    if (typeof times !== 'number' || !Number.isInteger(times)) {
      throwType(`Vector.repeat: can't multiply a vector by non-int ${describe(times)}`);
    }
    const n = this._n;
    const total = times > 0 ? n * times : 0;
    if (total > 0) grownCapacity(0, total, 1); // limit check only
    const out = new Vector(this.#dtype, undefined, { capacity: total });
    out._n = repeatInto(out._a, this._a, n, total);
    return out;
  }

  // --- comparison -------------------------------------------------------------------------------

  /**
   * True if `other` is a Vector (of any dtype) with the same length and equal values (Python `==`:
   * by value across dtypes, bigint against number by value, NaN never equal, so a vector holding NaN
   * is not equal to itself).
   * @param other - anything; non-Vectors are never equal.
   * @returns whether they are equal.
   * @remarks O(length).
   */
  equals(other: unknown): boolean {
    if (!(other instanceof Vector)) return false;
    if (other._n !== this._n) return false;
    return compareValues(this._a, this._n, other._a, other._n) === 0;
  }

  /**
   * Lexicographic comparison by value with another Vector of any dtype (Python `<`, `==`, `>`).
   * @param other - a Vector.
   * @returns -1, 0 or 1; `NaN` when the first differing pair is unordered (a NaN), where Python's
   *   `<`, `==` and `>` are all `False`.
   * @throws `TypeError` if `other` is not a Vector.
   * @remarks O(min length).
   */
  compare(other: Vector<DType>): number {
    if (!(other instanceof Vector)) throwType(`Vector.compare: can only compare with a Vector, not ${describe(other)}`);
    return compareValues(this._a, this._n, other._a, other._n);
  }

  // --- aggregates -------------------------------------------------------------------------------

  /**
   * Sum of the elements: a `bigint` for 64-bit dtypes (exact), a `number` otherwise; 0 when empty.
   * @returns the sum.
   * @remarks O(length), monomorphic kernel with four accumulators (lanes i mod 4, added pairwise):
   *   floats may differ from a left-to-right sum in the last bits (the error bound is no worse);
   *   8–32-bit integer sums are exact while |sum| ≤ 2^53.
   */
  sum(): ValueOf<D> {
    return this.#k.sum(this._a as never, this._n) as ValueOf<D>;
  }

  /**
   * Smallest element (Python `min`: the first of equal values; a NaN only wins in first place).
   * @returns the minimum.
   * @throws {@link ValueError} if empty (Python's `min()` of an empty sequence).
   * @remarks O(length), monomorphic kernel.
   */
  min(): ValueOf<D> {
    if (this._n === 0) throwValue(`Vector.min(): empty ${this.#dtype} vector has no minimum`);
    return this.#k.min(this._a as never, this._n) as ValueOf<D>;
  }

  /**
   * Largest element (Python `max`: the first of equal values; a NaN only wins in first place).
   * @returns the maximum.
   * @throws {@link ValueError} if empty.
   * @remarks O(length), monomorphic kernel.
   */
  max(): ValueOf<D> {
    if (this._n === 0) throwValue(`Vector.max(): empty ${this.#dtype} vector has no maximum`);
    return this.#k.max(this._a as never, this._n) as ValueOf<D>;
  }

  // --- iteration, display, export -----------------------------------------------------------------

  /**
   * Iterates the live elements (reads the current length at each step, like Python's array iterator).
   * @returns an iterator of elements.
   * @remarks O(1) per step. For speed, loop over {@link Vector.array} instead.
   */
  *[Symbol.iterator](): IterableIterator<ValueOf<D>> {
    for (let i = 0; i < this._n; i++) yield this._a[i] as ValueOf<D>;
  }

  /**
   * Python-style representation: `Vector('int8', [1, 2])` (bigints without `n`, `-0` kept).
   * @returns the string.
   * @remarks O(length).
   */
  toString(): string {
    return `Vector('${this.#dtype}', [${formatElements(this._a, this._n)}])`;
  }

  /**
   * Buffer-export protocol used by `MemoryView`: the live elements (aliased), dtype and export lock.
   * @returns the export record; the caller acquires `lock` and must release it.
   * @internal
   */
  [EXPORT_BUFFER](field?: string): BufferExport {
    if (field !== undefined) {
      throwType(`memoryview: option field ${describe(field)} applies to a RecordStore, not to a Vector (a Vector has one buffer)`);
    }
    return { array: this.array as unknown as BufferExport['array'], dtype: this.#dtype, lock: this._lock, readonly: false };
  }

  /**
   * Node's `util.inspect` / `console.log` show the Python-style {@link Vector.toString}.
   * @returns the same string as `toString()`.
   */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString();
  }

  // --- private ----------------------------------------------------------------------------------

  /** @internal Throws the BufferError of a length change while exported. */
  _locked(op: string): never {
    return throwExported(`Vector(${this.#dtype}).${op}`, this._lock.count);
  }

  /** @internal @throws ValueError: the buffer was transferred away (`postMessage`, `structuredClone`, `ArrayBuffer.transfer`). */
  _detached(): never {
    return throwValue(
      `Vector(${this.#dtype}): its buffer was detached (transferred away by postMessage, structuredClone or ArrayBuffer.transfer); the vector's ${this._n} element(s) are gone`,
    );
  }

  /** @internal Reallocates to hold at least `needed` elements; returns the new array. */
  _grow(needed: number): RawArray {
    if (this._n > 0 && this._a.byteLength === 0) this._detached();
    const a = reallocate(this._a, this._n, grownCapacity(this._a.length, needed, this.#info.bytes), (c) => alloc(this.#info, c));
    this._a = a;
    return a;
  }

  #find(x: unknown, start: number, stop: number): number {
    const v = needleFor(x, this.#info.bigint);
    return v === undefined ? -1 : this.#k.indexOf(this._a as never, v as never, start, stop);
  }

  /** Replaces `[a, b)` by `s` (step-1 slice assignment), resizing as needed. */
  #replace(a: number, b: number, s: RawArray, op: string): void {
    const n = this._n;
    const m = s.length;
    const old = b - a;
    if (m !== old) {
      if (this._lock.count !== 0) this._locked(op);
      const total = n - old + m;
      let arr = this._a;
      if (total > arr.length) arr = this._grow(total);
      arr.copyWithin(a + m, b, n);
      this._n = total;
    }
    if (m > 0) this._a.set(s, a);
  }

  /** `src` as an array of this dtype that does not alias this vector's buffer, validated. */
  #sourceArray(src: unknown, where: string): RawArray {
    if (src instanceof Vector) {
      if (src.#dtype !== this.#dtype) {
        throwType(`${where}: can only assign a ${this.#dtype} Vector (or an array to validate), not a ${src.#dtype} Vector`);
      }
      const s = src._a.subarray(0, src._n);
      return src === this ? s.slice() : s;
    }
    const tmp = new Vector(this.#dtype);
    tmp.#append(src, where);
    return tmp._a.subarray(0, tmp._n);
  }

  /** Appends `values` atomically: validated into the slack or a new buffer, then committed. */
  #append(values: unknown, where: string): void {
    if (this._n > 0 && this._a.byteLength === 0) this._detached();
    let r: Appended;
    if (values instanceof Vector) {
      if (values.#dtype !== this.#dtype) {
        throwType(`${where}: can only extend with a ${this.#dtype} Vector, not a ${values.#dtype} Vector (pass its .array to convert with checks)`);
      }
      r = appendTyped(this._a, this._n, values._a.subarray(0, values._n), this.#dtype);
    } else {
      r = appendValues(this._a, this._n, values, this.#dtype, where);
    }
    if (r.length === this._n) return;
    if (this._lock.count !== 0) this._locked(opName(where));
    this._a = r.array;
    this._n = r.length;
  }
}

/** The per-dtype subclasses; `new Vector(d)` and {@link vector} make instances of `CLASSES[d]`. */
const CLASSES: VectorClasses = vectorClasses(Vector);

function throwIndexMessage(message: string): never {
  throw new IndexError(message);
}

/**
 * Creates a vector of `dtype` (a dtype name or a Python typecode), optionally filled with `values`.
 * @param dtype - `'int8'`…`'float64'` or `b B h H i I q Q f d` (`'q'` gives `Vector<'int64'>`).
 * @param values - initial values: an array, TypedArray, Vector (any dtype: converted) or iterable; each is validated.
 * @param options - `capacity`: elements to allocate up front.
 * @returns the new vector (capacity = max(options.capacity, number of values)).
 * @throws {@link ValueError} for an unknown dtype (including Python's platform-dependent `l`/`L`);
 *   `TypeError` / {@link OverflowError} for values the dtype cannot hold.
 * @remarks O(values). Building from a TypedArray of the same or a narrower dtype is one `set()` copy.
 * @example
 * ```ts
 * const v = vector('int8', [1, 2]);
 * v.push(3);
 * v.toString(); // "Vector('int8', [1, 2, 3])"
 * vector('q').push(2n ** 62n); // int64 values are bigint
 * ```
 */
export function vector<T extends DTypeLike>(dtype: T, values?: VectorSource<ResolveDType<T>> | Vector<DType>, options?: VectorOptions): Vector<ResolveDType<T>> {
  const d = resolveDType(dtype) as ResolveDType<T>;
  return new (CLASSES[d] as VectorClass<ResolveDType<T>>)(d, values, options);
}
