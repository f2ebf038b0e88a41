/**
 * MemoryView: Python's `memoryview` for TypeScript: zero-copy views with a format, a shape and strides over
 * any buffer, with `cast`, read-only views, `release()` and export locking.
 *
 * @packageDocumentation
 */
import { NotImplementedError, describe, throwType, throwValue } from '../errors.js';
import type { CodeToDType, DType, DTypeOfArray, TypeCode, TypedArray } from '../dtype.js';
import { sliceRange } from '../internal/bounds.js';
import { BYTE_ACCESS, regionBytes, regionView } from './accessors.js';
import type { Reader, Region, Writer } from './accessors.js';
import { CONTIGUOUS_ARRAY, CONTIGUOUS_KERNELS, SLOW_KERNELS, STRIDED_KERNELS, TYPED_STRIDED_KERNELS } from './kernels.gen.js';
import { hexOf, packBytes, scatterBytes } from './bytes.js';
import { FORMATS } from './formats.js';
import type { Format, FormatLike, InputOfFormat, ItemOf, NestedList } from './formats.js';
import { castLayout } from './cast.js';
import { C_CONTIGUOUS, F_CONTIGUOUS, cStrides, contiguityFlags, product } from './layout.js';
import { throwNotBytesLike } from './source.js';
import { checkReadonlyOption, fromSource, Init, track, untrack, type MemoryViewOptions, type Root } from './init.js';
import { countItems, findItem, itemEquals, listAt, nextIndex, positionOf, throwDetached, throwReadonly, throwReleased } from './items.js';
import { viewUsage, type MemoryViewMemoryUsage } from './memory.js';
import { DISPOSE, type DisposableMember } from './dispose.js';

export type { DisposableMember } from './dispose.js';
export type { MemoryViewOptions } from './init.js';
export type { MemoryViewMemoryUsage } from './memory.js';
export type { Format, FormatChar, FormatInputs, FormatLike, FormatValues, InputOfFormat, ItemOf, NestedList } from './formats.js';

/**
 * What `memoryview()` accepts: an `ArrayBuffer`/`SharedArrayBuffer`, any `ArrayBufferView` (TypedArray, Node
 * `Buffer`, `DataView`), a `MemoryView`, or an owner that exports its buffer (a `Vector`, a `RecordStore` with
 * `{field}`).
 */
export type MemoryViewSource = ArrayBufferLike | ArrayBufferView | MemoryView<FormatLike> | object;

/** The format `memoryview(source)` starts with, at the type level. */
export type FormatOfSource<S> =
  S extends MemoryView<infer F>
    ? F
    : S extends Uint8Array | Uint8ClampedArray | ArrayBuffer | SharedArrayBuffer | DataView
      ? 'B'
      : S extends TypedArray
        ? FormatOfDTypeName<DTypeOfArray<S>>
        : S extends { readonly dtype: infer D extends DType }
          ? FormatOfDTypeName<D>
          : FormatLike;

/** The format character of a dtype name, at the type level. */
export type FormatOfDTypeName<D extends DType> = { [C in TypeCode]: CodeToDType[C] extends D ? C : never }[TypeCode];

/** An index: an integer for 1-D views, or one integer per dimension (`[]` for a 0-d view). */
export type ViewIndex = number | readonly number[];

const EMPTY: readonly number[] = Object.freeze([]);

/**
 * A zero-copy view of memory with a format, a shape and strides: Python's `memoryview`.
 *
 * A view looks at one region of one buffer (an `ArrayBuffer`, a TypedArray's bytes, a Vector's elements, a
 * RecordStore column) as items of a struct {@link Format} laid out by `shape` and `strides` (bytes, possibly
 * negative). Element `[i0, i1, …]` lives at byte `offset + i0*strides[0] + i1*strides[1] + …` of the region.
 *
 * - **Aliasing**: `slice`, `cast`, `toReadonly` and `memoryview(view)` share memory with the source;
 *   `toBytes`, `toList` and `hex` copy. Writes through any view show in the owner and in every other view.
 * - **Access path**: chosen once per view: a TypedArray when element 0 is aligned and every stride is a
 *   multiple of the itemsize, a `DataView` with explicit native byte order otherwise (unaligned casts work
 *   where Python's do).
 * - **Export locking**: a view of a Vector or RecordStore column holds the owner's export lock until
 *   `release()` (or `[Symbol.dispose]`); each derived view holds it too. While any is live, the owner refuses
 *   to resize or reallocate (`BufferError`), as Python's `array` does.
 * - **Checked writes**: `set` validates like Python's memoryview: wrong type → `TypeError`, out of range →
 *   {@link ValueError} (not `OverflowError`), read-only → `TypeError`.
 * - **Released views**: every member except `release`, `equals`, `toString` and `[Symbol.dispose]` throws
 *   {@link ValueError} after `release()`.
 *
 * @typeParam F - the format as spelled (`'d'`, `'@i'`, …); it decides what `get` returns.
 * @example
 * ```ts
 * const bytes = new Uint8Array([1, 0, 2, 0, 3, 0, 4, 0]);
 * const m = memoryview(bytes).cast('h');   // four int16, no copy
 * m.toList();                              // [1, 2, 3, 4]
 * m.slice(null, null, -2).toList();        // [4, 2]
 * m.set(0, -1); bytes[0];                  // 255 (written through)
 * ```
 */
export class MemoryView<F extends FormatLike = FormatLike> {
  /**
   * Reads one item: `get(i)` on a 1-D view (negative `i` counts from the end), `get([i, j, …])` with one index
   * per dimension, `get([])` on a 0-d view.
   *
   * @param index - an integer, or an array of integers with one per dimension.
   * @returns the item: a number, a bigint (`q`/`Q`), a boolean (`?`) or a 1-byte `Uint8Array` (`c`).
   * @throws {@link IndexError} if an index is out of range (`index out of bounds on dimension k`).
   * @throws `TypeError` for a non-integer index or the wrong number of indices (or any index on a 0-d view but `[]`).
   * @throws {@link NotImplementedError} for one integer on an N-D view (Python has no sub-views).
   * @throws {@link ValueError} if released.
   * @remarks O(1) (O(ndim) for tuples); no allocation except for `c` items. `get` is an own property holding a
   * kernel chosen once per view (format × contiguous/strided), so a loop over one view stays monomorphic: a
   * contiguous aligned view reads a TypedArray of exactly its items, any other 1-D view a DataView.
   */
  readonly get: (index: ViewIndex) => ItemOf<F>;

  /**
   * Writes one item after checking it against the format.
   *
   * @param index - as for {@link MemoryView.get}.
   * @param value - a number (`b B h H i I f d e`), a bigint or safe integer (`q Q`), a boolean/number/bigint
   *   (`?`, by truthiness) or a 1-byte `Uint8Array` (`c`).
   * @throws `TypeError` if the view is read-only (`cannot modify read-only memory`), the value has the wrong
   *   type, or the index is malformed.
   * @throws {@link ValueError} if the value is out of range for the format (Python raises ValueError here, not
   *   OverflowError), or the view is released.
   * @throws {@link IndexError} if out of range; {@link NotImplementedError} for one integer on an N-D view.
   * @remarks O(1), no allocation; the owner sees the write at once. A kernel chosen per view, like `get`.
   */
  readonly set: (index: ViewIndex, value: InputOfFormat<F>) => void;

  // Hot fields read by the kernels (src/memoryview/kernels.gen.ts): plain properties hidden from the typings by
  // @internal, not #private (docs/internals/performance.md, "Plain properties, not #private, in hot
  // accessors"). Not part of the API.
  /** @internal */ _mem: unknown;
  /** @internal */ _base: number;
  /** @internal */ _step: number;
  /** @internal */ _n: number;
  /** @internal */ _w: number;
  /** @internal */ _fmt: string;
  /** @internal `shape[0]`, or -1 for a 0-d or released view (keeps `length` tiny enough to inline). */ _len: number;

  #root: Root;
  #region: Region;
  #char: Format;
  #itemsize: number;
  #offset: number;
  #shape: number[];
  #strides: number[];
  #readonly: boolean;
  #read: Reader;
  #write: Writer;
  #released = false;
  #flags = -1;
  #shapeOut: readonly number[] | undefined;
  #stridesOut: readonly number[] | undefined;

  /**
   * Creates a view of `source`; same as {@link memoryview}.
   * @param source - an `ArrayBuffer`/`SharedArrayBuffer`, an `ArrayBufferView`, a `MemoryView`, a `Vector`, or a
   *   `RecordStore` with `options.field`.
   * @param options - `readonly` to make the view read-only; `field` to pick a RecordStore column.
   * @throws `TypeError` if `source` exports no buffer, or `readonly: false` is asked of read-only memory.
   * @throws {@link ValueError} if `source` is a released view.
   */
  constructor(source: MemoryViewSource, options?: MemoryViewOptions) {
    const init = source instanceof Init ? source : source instanceof MemoryView ? source.#initFor(options) : fromSource(source, options);
    const root = init.root;
    const region = init.region;
    const char = init.char;
    const shape = init.shape;
    const strides = init.strides;
    const itemsize = FORMATS[char].itemsize;
    const access = BYTE_ACCESS[char];
    this.#root = root;
    this.#region = region;
    this.#char = char;
    this.#itemsize = itemsize;
    this.#offset = init.offset;
    this.#shape = shape;
    this.#strides = strides;
    this.#readonly = init.readonly;
    this.#read = access.read;
    this.#write = access.write;
    this._fmt = init.format;
    let kernels = SLOW_KERNELS;
    let n = 0;
    if (shape.length === 1) {
      n = shape[0]!;
      const abs = region.start + init.offset;
      if (strides[0] === itemsize && abs % itemsize === 0 && n > 0) {
        this._mem = new CONTIGUOUS_ARRAY[char](region.buffer, abs, n);
        this._base = 0;
        this._step = 1;
        kernels = CONTIGUOUS_KERNELS[char];
      } else if (n > 0 && abs % itemsize === 0 && strides[0]! % itemsize === 0 && TYPED_STRIDED_KERNELS[char] !== undefined) {
        // Aligned strided/reversed view: a TypedArray over the items' span, indexed at base + i*step.
        const span = (n - 1) * strides[0]!;
        const lo = span < 0 ? abs + span : abs;
        this._mem = new CONTIGUOUS_ARRAY[char](region.buffer, lo, Math.abs(span) / itemsize + 1);
        this._base = (abs - lo) / itemsize;
        this._step = strides[0]! / itemsize;
        kernels = TYPED_STRIDED_KERNELS[char];
      } else {
        this._mem = regionView(region);
        this._base = init.offset;
        this._step = strides[0]!;
        kernels = STRIDED_KERNELS[char];
      }
      if (root.resizable) n = 0;
    } else {
      this._mem = undefined;
      this._base = init.offset;
      this._step = 0;
    }
    this._n = n;
    this._w = init.readonly ? 0 : n;
    this._len = shape.length === 0 ? -1 : shape[0]!;
    this.get = kernels[0] as unknown as (index: ViewIndex) => ItemOf<F>;
    this.set = (init.readonly ? SLOW_KERNELS[1] : kernels[1]) as unknown as (index: ViewIndex, value: InputOfFormat<F>) => void;
    if (root.lock !== null) {
      root.lock.acquire();
      track(this, root.lock);
    }
  }

  // --- attributes ------------------------------------------------------------------------------------

  /** The object the memory was exported from (the ArrayBuffer, TypedArray, Vector, RecordStore, …); shared by derived views. @throws {@link ValueError} if released. */
  get obj(): object {
    this.#live();
    return this.#root.obj;
  }

  /** The struct format, as spelled in `cast` (`'B'`, `'d'`, `'@i'`). @throws {@link ValueError} if released. */
  get format(): F {
    this.#live();
    return this._fmt as F;
  }

  /** Bytes per item. @throws {@link ValueError} if released. */
  get itemsize(): number {
    this.#live();
    return this.#itemsize;
  }

  /** Logical bytes: `product(shape) * itemsize` (a strided view counts only its own items). @throws {@link ValueError} if released. */
  get nbytes(): number {
    this.#live();
    return product(this.#shape) * this.#itemsize;
  }

  /**
   * The memory breakdown: a {@link MemoryViewMemoryUsage}. A view owns no memory: its items are
   * `product(shape)`, `byteLength = nbytes`, and `buffer` is what it keeps reachable.
   * @throws {@link ValueError} if released.
   * @remarks O(ndim).
   */
  memoryUsage(): MemoryViewMemoryUsage {
    this.#live();
    return viewUsage(this.#shape, this.#itemsize, this.#region);
  }

  /** Number of dimensions (0 for a scalar view made by `cast(fmt, [])`). @throws {@link ValueError} if released. */
  get ndim(): number {
    this.#live();
    return this.#shape.length;
  }

  /** Items per dimension (a frozen array, Python's tuple). @throws {@link ValueError} if released. */
  get shape(): readonly number[] {
    this.#live();
    return (this.#shapeOut ??= Object.freeze(this.#shape.slice()));
  }

  /** Bytes between consecutive items per dimension; negative for reversed views. @throws {@link ValueError} if released. */
  get strides(): readonly number[] {
    this.#live();
    return (this.#stridesOut ??= Object.freeze(this.#strides.slice()));
  }

  /** Always empty: compactly views never use PIL-style suboffsets (kept for parity with Python). @throws {@link ValueError} if released. */
  get suboffsets(): readonly number[] {
    this.#live();
    return EMPTY;
  }

  /** True if writes through this view are refused. @throws {@link ValueError} if released. */
  get readonly(): boolean {
    this.#live();
    return this.#readonly;
  }

  /** True if the items are laid out in C (row-major) order without gaps (CPython's flags). @throws {@link ValueError} if released. */
  get cContiguous(): boolean {
    this.#live();
    return (this.#contiguity() & C_CONTIGUOUS) !== 0;
  }

  /** True if the items are laid out in Fortran (column-major) order without gaps. @throws {@link ValueError} if released. */
  get fContiguous(): boolean {
    this.#live();
    return (this.#contiguity() & F_CONTIGUOUS) !== 0;
  }

  /** True if C- or Fortran-contiguous. @throws {@link ValueError} if released. */
  get contiguous(): boolean {
    this.#live();
    return this.#contiguity() !== 0;
  }

  /**
   * Items along the first dimension (Python `len(m)`).
   * @throws `TypeError` for a 0-d view (`0-dim memory has no length`, Python 3.12+).
   * @throws {@link ValueError} if released.
   */
  get length(): number {
    const n = this._len;
    if (n >= 0) return n;
    return lengthSlow(this as never);
  }

  /** True once `release()` has been called (Python's `released` attribute is internal; exposed for convenience). */
  get released(): boolean {
    return this.#released;
  }

  // --- element access (slow paths; the fast paths are the `get`/`set` kernels) ---------------------------

  /** @internal Slow path of `get`: release, negative and tuple indices, every error. */
  _slowGet(index: unknown): unknown {
    this.#live();
    if (this.#root.resizable) this.#assertInBounds();
    return this.#read(regionView(this.#region), positionOf(index, this.#shape, this.#strides, this.#offset, false));
  }

  /** @internal Slow path of `set`: release, read-only, negative and tuple indices, every error. */
  _slowSet(index: unknown, value: unknown): void {
    this.#live();
    if (this.#readonly) throwReadonly();
    if (this.#root.resizable) this.#assertInBounds();
    const p = positionOf(index, this.#shape, this.#strides, this.#offset, true);
    this.#write(regionView(this.#region), p, FORMATS[this.#char].check(value, this._fmt) as never);
  }

  #assertInBounds(): void {
    const r = this.#region;
    if (r.buffer.byteLength < r.start + r.byteLength) throwDetached();
  }

  // --- views -------------------------------------------------------------------------------------------

  /**
   * A zero-copy view of items `start, start+step, …` before `stop` along the first dimension, with Python's
   * slice rules (negative indices count from the end, bounds clamp, `step` may be negative).
   * @param start - first index, or `null`/`undefined` for the start (the end when `step < 0`).
   * @param stop - index to stop before, or `null`/`undefined` for the end.
   * @param step - non-zero stride in items (default 1).
   * @returns a new view sharing this one's memory (and holding the owner's export lock until released).
   * @throws {@link ValueError} if `step` is 0 or the view is released.
   * @throws `TypeError` for non-integer bounds, or a 0-d view.
   * @remarks O(1) whatever the length: no element is copied and no TypedArray is created.
   */
  slice(start?: number | null, stop?: number | null, step?: number | null): MemoryView<F> {
    this.#live();
    const shape = this.#shape;
    if (shape.length === 0) throwType('invalid indexing of 0-dim memory');
    const r = sliceRange(shape[0]!, start, stop, step);
    const newShape = shape.slice();
    newShape[0] = r.length;
    const strides = this.#strides.slice();
    const s0 = strides[0]!;
    strides[0] = s0 * r.step;
    // An empty slice never reads; keep its offset at the parent's so it stays inside the region.
    const first = r.length === 0 ? 0 : r.start;
    return new MemoryView<F>(new Init(this.#root, this.#region, this.#char, this._fmt, this.#offset + first * s0, newShape, strides, this.#readonly) as never);
  }

  /**
   * Python's `m[start:stop:step] = src`: copies `src` into the items of a slice of this 1-D view.
   * @param start - as in {@link MemoryView.slice}.
   * @param stop - as in {@link MemoryView.slice}.
   * @param step - as in {@link MemoryView.slice}.
   * @param src - a bytes-like object (MemoryView, TypedArray, ArrayBuffer, DataView, Vector) with the same format
   *   (`b` and `B` differ; `'@B'` equals `'B'`) and as many items as the slice.
   * @throws `TypeError` if read-only or `src` is not bytes-like (a plain array included).
   * @throws {@link ValueError} if format or shape differ (`lvalue and rvalue have different structures`), or released.
   * @throws {@link NotImplementedError} on an N-D view.
   * @remarks O(k) for k items. Overlapping source and destination behave as if the source were copied first.
   * @returns `this`, for chaining.
   */
  setSlice(start: number | null | undefined, stop: number | null | undefined, step: number | null | undefined, src: MemoryViewSource): this {
    this.#live();
    if (this.#readonly) throwReadonly();
    if (this.#shape.length !== 1) {
      throw new NotImplementedError('memoryview slice assignments are currently restricted to ndim = 1');
    }
    const r = sliceRange(this.#shape[0]!, start, stop, step);
    const other = src instanceof MemoryView ? src : viewOfBytesLike(src, 'memoryview assignment');
    try {
      const o = other as MemoryView<FormatLike>;
      if (o.#released) throwReleased();
      if (o.#char !== this.#char || o.#shape.length !== 1 || o.#shape[0] !== r.length) {
        throwValue(
          `memoryview assignment: lvalue and rvalue have different structures (format '${this._fmt}', ${r.length} items ← format '${o._fmt}', shape [${o.#shape.join(', ')}])`,
        );
      }
      if (r.length === 0) return this;
      const packed = o.#pack(false);
      scatterBytes(regionBytes(this.#region), this.#offset + r.start * this.#strides[0]!, r.length, this.#strides[0]! * r.step, this.#itemsize, packed);
    } finally {
      if (other !== src) other.release();
    }
    return this;
  }

  /**
   * Reinterprets the memory as another format, and optionally another shape, without copying (Python's rules).
   * @param format - the new format: one native struct character, optionally prefixed with `'@'` (kept as spelled).
   * @param shape - the new shape (`[]` for a 0-d view); default: 1-D with `nbytes / itemsize` items.
   * @returns a new view of the same memory (holding the owner's export lock until released).
   * @throws `TypeError` if the view is not C-contiguous, has zeros in its shape while reshaping, casts between
   *   two non-byte formats (go through `'B'`), is not a whole number of items, is not 1-D → N-D or N-D → 1-D,
   *   or the shape is not an array of integers, or `product(shape) * itemsize !== nbytes`.
   * @throws {@link ValueError} for an unknown format, shape elements `<= 0`, more than 64 dimensions, or a released view.
   * @remarks O(ndim). No alignment is required: an unaligned result reads through a DataView.
   */
  cast<G extends FormatLike>(format: G, shape?: readonly number[]): MemoryView<G> {
    this.#live();
    if ((this.#contiguity() & C_CONTIGUOUS) === 0) throwType('memoryview: casts are restricted to C-contiguous views');
    const { char, shape: newShape } = castLayout(this.#char, this._fmt, this.#shape, this.#itemsize, format, shape);
    const itemsize = FORMATS[char].itemsize;
    return new MemoryView<G>(new Init(this.#root, this.#region, char, format, this.#offset, newShape, cStrides(newShape, itemsize), this.#readonly) as never);
  }

  /**
   * A read-only view of the same memory (later writes through other views stay visible).
   * @returns a new read-only view (holding the owner's export lock until released).
   * @throws {@link ValueError} if released.
   * @remarks O(1), zero-copy.
   */
  toReadonly(): MemoryView<F> {
    this.#live();
    return this.#derive(true);
  }

  #derive(readonly: boolean): MemoryView<F> {
    return new MemoryView<F>(this.#copyInit(readonly) as never);
  }

  /** `memoryview(view, options)`: same memory and layout, optionally read-only. */
  #initFor(options: MemoryViewOptions | undefined): Init {
    this.#live();
    if (options?.field !== undefined) throwType('memoryview: option field applies to a RecordStore, not to a MemoryView');
    const ro = checkReadonlyOption(options);
    if (ro === false && this.#readonly) throwType('memoryview: cannot make a writable view of read-only memory');
    return this.#copyInit(ro === true || this.#readonly);
  }

  #copyInit(readonly: boolean): Init {
    return new Init(this.#root, this.#region, this.#char, this._fmt, this.#offset, this.#shape.slice(), this.#strides.slice(), readonly);
  }

  /**
   * The TypedArray of this view's items, aliased (writes go both ways): an escape hatch for hot loops.
   * @returns a TypedArray of `length` items (`Float64Array` for `d`, …).
   * @throws `TypeError` unless the view is writable, C-contiguous, aligned, and of a format in `b B h H i I q Q f d`.
   * @throws {@link ValueError} if released.
   * @remarks O(1). Valid while the view is unreleased: the export lock keeps the owner from reallocating.
   */
  get array(): ArrayLike<ItemOf<F>> {
    this.#live();
    const dtype = FORMATS[this.#char].dtype;
    const mem = this._mem;
    if (this.#readonly) throwType('memoryview.array: a read-only view cannot hand out a writable TypedArray');
    if (dtype !== undefined && this.#shape.length === 1 && this.#shape[0] === 0) {
      return new CONTIGUOUS_ARRAY[this.#char](this.#region.buffer, this.#region.start, 0) as unknown as ArrayLike<ItemOf<F>>;
    }
    if (dtype === undefined || this.#shape.length !== 1 || (this.#contiguity() & C_CONTIGUOUS) === 0 || !ArrayBuffer.isView(mem) || mem instanceof DataView) {
      throwType(
        `memoryview.array: needs a writable 1-D contiguous aligned view of a format in b B h H i I q Q f d (this view: format '${this._fmt}', shape [${this.#shape.join(', ')}], strides [${this.#strides.join(', ')}])`,
      );
    }
    return mem as unknown as ArrayLike<ItemOf<F>>;
  }

  // --- copies ------------------------------------------------------------------------------------------

  /**
   * The logical bytes, packed (a strided view gives only its items; a reversed one reverses them).
   * @param order - `'C'` (default, row-major), `'F'` (Fortran), `'A'` (C for C-contiguous views, else F if
   *   Fortran-contiguous, else C).
   * @returns a new `Uint8Array` of `nbytes` bytes (a copy).
   * @throws {@link ValueError} for another order, or a released view.
   * @remarks O(nbytes); a contiguous row is copied with one `set`.
   */
  toBytes(order?: 'C' | 'F' | 'A' | null): Uint8Array {
    this.#live();
    let fortran = false;
    if (order === 'F') fortran = true;
    else if (order === 'A') fortran = (this.#contiguity() & (C_CONTIGUOUS | F_CONTIGUOUS)) === F_CONTIGUOUS;
    else if (order !== 'C' && order != null) throwValue(`order must be 'C', 'F' or 'A', got ${describe(order)}`);
    return this.#pack(fortran);
  }

  #pack(fortran: boolean): Uint8Array {
    if (this.#root.resizable) this.#assertInBounds();
    return packBytes(regionBytes(this.#region), this.#offset, this.#shape, this.#strides, this.#itemsize, fortran);
  }

  /**
   * The items as (nested) arrays: `ndim` levels deep, or the single item of a 0-d view.
   * @returns numbers, bigints (`q Q`), booleans (`?`) or 1-byte `Uint8Array`s (`c`); a copy.
   * @throws {@link ValueError} if released.
   * @remarks O(n) with one array per row.
   */
  toList(): NestedList<ItemOf<F>> {
    this.#live();
    if (this.#root.resizable) this.#assertInBounds();
    if (this.#shape.length === 0) return this.#read(regionView(this.#region), this.#offset) as ItemOf<F>;
    return listAt(regionView(this.#region), this.#read, this.#shape, this.#strides, 0, this.#offset) as NestedList<ItemOf<F>>;
  }

  /**
   * Hexadecimal string of the logical bytes (Python's `hex`).
   * @param sep - one ASCII character placed between groups (a string or a 1-byte `Uint8Array`).
   * @param bytesPerSep - bytes per group; positive counts groups from the right, negative from the left (default 1).
   * @returns e.g. `'61626364'`, `hex(':')` → `'61:62:63:64'`, `hex('-', 2)` → `'6162-6364'`, `hex(':', -3)` → `'616263:64'`.
   * @throws {@link ValueError} if `sep` is not one ASCII character, or released.
   * @throws `TypeError` if `bytesPerSep` is not an integer.
   * @remarks O(nbytes).
   */
  hex(sep?: string | Uint8Array, bytesPerSep = 1): string {
    this.#live();
    return hexOf(this.#pack(false), sep, bytesPerSep);
  }

  // --- comparison and search -----------------------------------------------------------------------------

  /**
   * Python's `m == other`: true iff `other` exports a buffer with the same shape and every item compares equal
   * after unpacking (formats may differ: int16 `[1, 2]` equals float64 `[1, 2]`; NaN never equals NaN).
   * @param other - anything; non-buffers are never equal.
   * @returns whether the two hold equal items in the same shape. A released view equals only itself.
   * @remarks O(n) item reads; never throws.
   */
  equals(other: unknown): boolean {
    if (other === this) return true;
    if (this.#released) return false;
    let o: MemoryView<FormatLike>;
    if (other instanceof MemoryView) o = other;
    else {
      try {
        o = viewOfBytesLike(other, 'equals');
      } catch {
        return false;
      }
    }
    try {
      if (o.#released) return false;
      const a = this.#shape;
      const b = o.#shape;
      if (a.length !== b.length) return false;
      for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
      if (this.#root.resizable || o.#root.resizable) {
        if (!this.#inBounds() || !o.#inBounds()) return false;
      }
      const n = product(a);
      if (n === 0) return true;
      const idx = new Array<number>(a.length).fill(0);
      for (let c = 0; c < n; c++) {
        if (!itemEquals(this.#readAt(idx), o.#readAt(idx))) return false;
        nextIndex(idx, a);
      }
      return true;
    } finally {
      if (o !== other) o.release();
    }
  }

  #inBounds(): boolean {
    const r = this.#region;
    return r.buffer.byteLength >= r.start + r.byteLength;
  }

  #readAt(idx: readonly number[]): unknown {
    let p = this.#offset;
    for (let k = 0; k < idx.length; k++) p += idx[k]! * this.#strides[k]!;
    return this.#read(regionView(this.#region), p);
  }

  /**
   * Number of items equal to `value` (Python 3.14's `memoryview.count`; `==` semantics, NaN matches nothing).
   * @param value - the value to count.
   * @returns how many items equal it.
   * @throws `TypeError` on a 0-d view; {@link NotImplementedError} on an N-D view; {@link ValueError} if released.
   * @remarks O(n).
   */
  count(value: unknown): number {
    const n = this.#lookupLength();
    return countItems(regionView(this.#region), this.#read, this.#offset, this.#strides[0]!, n, value);
  }

  /**
   * Index of the first item equal to `value` in `[start, stop)` (Python 3.14's `memoryview.index`).
   * @param value - the value to find.
   * @param start - first index searched (negative counts from the end; clamped).
   * @param stop - index to stop before (clamped).
   * @returns the index.
   * @throws {@link ValueError} if absent (`memoryview.index(x): x not found`) or released.
   * @throws `TypeError` on a 0-d view; {@link NotImplementedError} on an N-D view.
   * @remarks O(n).
   */
  index(value: unknown, start?: number, stop?: number): number {
    const n = this.#lookupLength();
    const r = sliceRange(n, start, stop, 1);
    const i = findItem(regionView(this.#region), this.#read, this.#offset, this.#strides[0]!, r.start, r.stop, value);
    return i >= 0 ? i : throwValue(`memoryview.index(x): x not found (${describe(value)})`);
  }

  /**
   * Python's `value in m`: true if some item equals `value`.
   * @param value - the value to look for.
   * @returns whether it occurs.
   * @throws `TypeError` on a 0-d view; {@link NotImplementedError} on an N-D view; {@link ValueError} if released.
   * @remarks O(n).
   */
  includes(value: unknown): boolean {
    return this.count(value) > 0;
  }

  #lookupLength(): number {
    this.#live();
    if (this.#root.resizable) this.#assertInBounds();
    const ndim = this.#shape.length;
    if (ndim === 0) throwType('invalid lookup on 0-dim memory');
    if (ndim > 1) throw new NotImplementedError('multi-dimensional lookup is not implemented');
    return this.#shape[0]!;
  }

  /**
   * Iterates the items of a 1-D view.
   * @returns an iterator over the items.
   * @throws `TypeError` on a 0-d view; {@link NotImplementedError} on an N-D view (Python iterates sub-views);
   *   {@link ValueError} if released (also if released during iteration).
   */
  *[Symbol.iterator](): IterableIterator<ItemOf<F>> {
    const n = this.#lookupLength();
    for (let i = 0; i < n; i++) {
      if (this.#released) throwReleased();
      yield this.#read(regionView(this.#region), this.#offset + i * this.#strides[0]!) as ItemOf<F>;
    }
  }

  // --- lifetime ------------------------------------------------------------------------------------------

  /**
   * Releases the view: gives back the owner's export lock (once) and makes every later use throw
   * {@link ValueError}. Idempotent. Views derived from this one keep their own lock until they are released.
   * @remarks O(1).
   */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    this._n = 0;
    this._w = 0;
    this._len = -1;
    // Contiguous kernels bound-check against their array: an empty one sends every access to the slow path.
    if (ArrayBuffer.isView(this._mem) && !(this._mem instanceof DataView)) this._mem = new CONTIGUOUS_ARRAY[this.#char](new ArrayBuffer(0), 0, 0);
    const lock = this.#root.lock;
    if (lock !== null) {
      untrack(this);
      lock.release();
    }
  }

  /**
   * `[Symbol.dispose]()`: same as {@link MemoryView.release}, so `using m = memoryview(x)` releases at the end of
   * the block (typed through {@link DisposableMember}, see memoryview/dispose.ts).
   * @internal
   */
  [DISPOSE](): void {
    this.release();
  }

  /** `MemoryView(format='d', shape=[3], readonly=false)`, or `MemoryView(released)`. */
  toString(): string {
    if (this.#released) return 'MemoryView(released)';
    return `MemoryView(format='${this._fmt}', shape=[${this.#shape.join(', ')}], readonly=${this.#readonly})`;
  }

  #live(): void {
    if (this.#released) throwReleased();
  }

  #contiguity(): number {
    if (this.#flags < 0) this.#flags = contiguityFlags(this.#shape, this.#strides, this.#itemsize);
    return this.#flags;
  }
}

/** Declaration merging: a MemoryView's type has `[Symbol.dispose]()` where the consumer's lib knows `Symbol.dispose`. */
export interface MemoryView<F extends FormatLike = FormatLike> extends DisposableMember {}

function lengthSlow(v: MemoryView<FormatLike>): number {
  if (v.released) throwReleased();
  return throwType('0-dim memory has no length');
}

/** A temporary view of a bytes-like `src` (the caller releases it). */
function viewOfBytesLike(src: unknown, what: string): MemoryView<FormatLike> {
  if (src === null || typeof src !== 'object') throwNotBytesLike(what, src);
  return new MemoryView(src as MemoryViewSource);
}

/**
 * Creates a zero-copy {@link MemoryView} of `source`: Python's `memoryview(obj)`.
 *
 * @param source - an `ArrayBuffer` or `SharedArrayBuffer` (format `'B'`); any TypedArray (its own format:
 *   `Float64Array` → `'d'`, `BigInt64Array` → `'q'`, `Uint8ClampedArray` → `'B'`); a Node `Buffer` or `DataView`
 *   (`'B'`, only its own `byteOffset`/`byteLength`: pooled Buffers are never viewed whole); a `Vector` (its
 *   typecode) or a RecordStore with `{field}` (that column), whose export lock the view then holds; or another
 *   `MemoryView` (same memory, layout and `obj`).
 * @param options - `readonly: true` for a read-only view; `field` for a RecordStore column.
 * @returns a writable view unless the memory or the option says read-only.
 * @throws `TypeError` if `source` exports no buffer (`a bytes-like object is required`), or `readonly: false` is
 *   asked of read-only memory, or `field` is given for a source without fields.
 * @throws {@link ValueError} if `source` is a released view.
 * @remarks O(1). The view aliases `source`; call `release()` (or `using`) when done so an owner can resize again.
 * @example
 * ```ts
 * const v = new Float64Array([1.5, 2.5, 3.5]);
 * const m = memoryview(v);
 * m.format; m.itemsize; m.shape;   // 'd', 8, [3]
 * m.slice(1).toList();             // [2.5, 3.5]
 * m.release();
 * ```
 */
export function memoryview<S extends MemoryViewSource>(source: S, options?: MemoryViewOptions): MemoryView<FormatOfSource<S>> {
  if (arguments.length === 0) throwType("memoryview() missing required argument 'object'");
  return new MemoryView(source, options) as MemoryView<FormatOfSource<S>>;
}
