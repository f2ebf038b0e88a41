// GENERATED FILE, DO NOT EDIT. Made by scripts/gen-kernels.mjs from scripts/templates/vector-classes.mjs;
// change the template and run `npm run gen` (test/internal/generated.test.ts fails when this file is stale).
/**
 * Per-dtype Vector subclasses: each dtype gets its own copy of the hot methods (`get`, `set`, `push`,
 * `getUnchecked`, `setUnchecked` and the `length` getter), emitted from scripts/templates/vector-classes.mjs.
 *
 * Why: one shared `Vector.prototype.push` sees ten TypedArray kinds once a program has used every dtype; its
 * element stores go megamorphic and push drops to ~0.25x `Array.push` (bench `--mixed`, docs/internals/performance.md,
 * "Monomorphic kernels"). Separate method bodies are separate function objects with separate type feedback, so a
 * float64 vector's `push` only ever sees a Float64Array, whatever else the process does. The subclass is chosen
 * once, when the vector is made (`new Vector(d)` and `vector(d)` both give the subclass of `d`); every other
 * method stays on {@link Vector} (one call does a whole loop there, so its dispatch cost is paid once).
 *
 * Each class is named `Vector` and its prototype's `constructor` is {@link Vector}, so `instanceof Vector`,
 * `v.constructor === Vector` and `v.constructor.name` behave as for a plain Vector. The value checks are
 * inline (a number in range stores at once); anything else goes to `DTYPES[d].check`, which throws the usual
 * error. Index errors and detached buffers go to the base class's out-of-line paths.
 *
 * @internal
 * @packageDocumentation
 */
import { DTYPES, type DType, type InputOf, type ValueOf } from '../dtype.js';
import type { Vector, VectorOptions, VectorSource } from './vector.js';

/** A constructor of one dtype's subclass. @internal */
export type VectorClass<D extends DType> = new (dtype: D, values?: VectorSource<D> | Vector<DType>, options?: VectorOptions) => Vector<D>;

/** The subclass constructors, one per dtype. @internal */
export type VectorClasses = { readonly [D in DType]: VectorClass<D> };

/**
 * Makes the per-dtype subclasses of `Base` (called once, by src/vector/vector.ts, right after the class).
 * @internal
 */
export function vectorClasses(Base: typeof Vector): VectorClasses {
  const ckInt8 = DTYPES.int8.check;
  const Int8 = class Vector extends Base<'int8'> {
    override get length(): number {
      return this._n;
    }
    override get(index: number): ValueOf<'int8'> {
      // The TypedArray's own bounds check rejects negative, fractional and NaN indexes (undefined); the base
      // method then normalises them or throws, and reports a detached buffer.
      if (typeof index === 'number' && index < this._n) {
        const x = (this._a as Int8Array)[index];
        if (x !== undefined) return x;
      }
      return super.get(index);
    }
    override set(index: number, value: InputOf<'int8'>): this {
      if (typeof index !== 'number' || index >>> 0 !== index || index >= this._n) return super.set(index, value);
      const v: number = typeof value === 'number' && (value | 0) === value && value >= -128 && value <= 127 ? value : ckInt8(value, 'Vector.set');
      const a = this._a as Int8Array;
      if (index >= a.length) this._detached();
      a[index] = v;
      return this;
    }
    override push(value: InputOf<'int8'>): number {
      const v: number = typeof value === 'number' && (value | 0) === value && value >= -128 && value <= 127 ? value : ckInt8(value, 'Vector.push');
      if (this._lock.count !== 0) this._locked('push');
      const n = this._n;
      let a = this._a as Int8Array;
      if (n >= a.length) a = this._grow(n + 1) as Int8Array;
      a[n] = v;
      return (this._n = n + 1);
    }
    override getUnchecked(index: number): ValueOf<'int8'> {
      return (this._a as Int8Array)[index]!;
    }
    override setUnchecked(index: number, value: ValueOf<'int8'>): void {
      (this._a as Int8Array)[index] = value;
    }
  };

  const ckUint8 = DTYPES.uint8.check;
  const Uint8 = class Vector extends Base<'uint8'> {
    override get length(): number {
      return this._n;
    }
    override get(index: number): ValueOf<'uint8'> {
      // The TypedArray's own bounds check rejects negative, fractional and NaN indexes (undefined); the base
      // method then normalises them or throws, and reports a detached buffer.
      if (typeof index === 'number' && index < this._n) {
        const x = (this._a as Uint8Array)[index];
        if (x !== undefined) return x;
      }
      return super.get(index);
    }
    override set(index: number, value: InputOf<'uint8'>): this {
      if (typeof index !== 'number' || index >>> 0 !== index || index >= this._n) return super.set(index, value);
      const v: number = typeof value === 'number' && (value | 0) === value && value >= 0 && value <= 255 ? value : ckUint8(value, 'Vector.set');
      const a = this._a as Uint8Array;
      if (index >= a.length) this._detached();
      a[index] = v;
      return this;
    }
    override push(value: InputOf<'uint8'>): number {
      const v: number = typeof value === 'number' && (value | 0) === value && value >= 0 && value <= 255 ? value : ckUint8(value, 'Vector.push');
      if (this._lock.count !== 0) this._locked('push');
      const n = this._n;
      let a = this._a as Uint8Array;
      if (n >= a.length) a = this._grow(n + 1) as Uint8Array;
      a[n] = v;
      return (this._n = n + 1);
    }
    override getUnchecked(index: number): ValueOf<'uint8'> {
      return (this._a as Uint8Array)[index]!;
    }
    override setUnchecked(index: number, value: ValueOf<'uint8'>): void {
      (this._a as Uint8Array)[index] = value;
    }
  };

  const ckInt16 = DTYPES.int16.check;
  const Int16 = class Vector extends Base<'int16'> {
    override get length(): number {
      return this._n;
    }
    override get(index: number): ValueOf<'int16'> {
      // The TypedArray's own bounds check rejects negative, fractional and NaN indexes (undefined); the base
      // method then normalises them or throws, and reports a detached buffer.
      if (typeof index === 'number' && index < this._n) {
        const x = (this._a as Int16Array)[index];
        if (x !== undefined) return x;
      }
      return super.get(index);
    }
    override set(index: number, value: InputOf<'int16'>): this {
      if (typeof index !== 'number' || index >>> 0 !== index || index >= this._n) return super.set(index, value);
      const v: number = typeof value === 'number' && (value | 0) === value && value >= -32768 && value <= 32767 ? value : ckInt16(value, 'Vector.set');
      const a = this._a as Int16Array;
      if (index >= a.length) this._detached();
      a[index] = v;
      return this;
    }
    override push(value: InputOf<'int16'>): number {
      const v: number = typeof value === 'number' && (value | 0) === value && value >= -32768 && value <= 32767 ? value : ckInt16(value, 'Vector.push');
      if (this._lock.count !== 0) this._locked('push');
      const n = this._n;
      let a = this._a as Int16Array;
      if (n >= a.length) a = this._grow(n + 1) as Int16Array;
      a[n] = v;
      return (this._n = n + 1);
    }
    override getUnchecked(index: number): ValueOf<'int16'> {
      return (this._a as Int16Array)[index]!;
    }
    override setUnchecked(index: number, value: ValueOf<'int16'>): void {
      (this._a as Int16Array)[index] = value;
    }
  };

  const ckUint16 = DTYPES.uint16.check;
  const Uint16 = class Vector extends Base<'uint16'> {
    override get length(): number {
      return this._n;
    }
    override get(index: number): ValueOf<'uint16'> {
      // The TypedArray's own bounds check rejects negative, fractional and NaN indexes (undefined); the base
      // method then normalises them or throws, and reports a detached buffer.
      if (typeof index === 'number' && index < this._n) {
        const x = (this._a as Uint16Array)[index];
        if (x !== undefined) return x;
      }
      return super.get(index);
    }
    override set(index: number, value: InputOf<'uint16'>): this {
      if (typeof index !== 'number' || index >>> 0 !== index || index >= this._n) return super.set(index, value);
      const v: number = typeof value === 'number' && (value | 0) === value && value >= 0 && value <= 65535 ? value : ckUint16(value, 'Vector.set');
      const a = this._a as Uint16Array;
      if (index >= a.length) this._detached();
      a[index] = v;
      return this;
    }
    override push(value: InputOf<'uint16'>): number {
      const v: number = typeof value === 'number' && (value | 0) === value && value >= 0 && value <= 65535 ? value : ckUint16(value, 'Vector.push');
      if (this._lock.count !== 0) this._locked('push');
      const n = this._n;
      let a = this._a as Uint16Array;
      if (n >= a.length) a = this._grow(n + 1) as Uint16Array;
      a[n] = v;
      return (this._n = n + 1);
    }
    override getUnchecked(index: number): ValueOf<'uint16'> {
      return (this._a as Uint16Array)[index]!;
    }
    override setUnchecked(index: number, value: ValueOf<'uint16'>): void {
      (this._a as Uint16Array)[index] = value;
    }
  };

  const ckInt32 = DTYPES.int32.check;
  const Int32 = class Vector extends Base<'int32'> {
    override get length(): number {
      return this._n;
    }
    override get(index: number): ValueOf<'int32'> {
      // The TypedArray's own bounds check rejects negative, fractional and NaN indexes (undefined); the base
      // method then normalises them or throws, and reports a detached buffer.
      if (typeof index === 'number' && index < this._n) {
        const x = (this._a as Int32Array)[index];
        if (x !== undefined) return x;
      }
      return super.get(index);
    }
    override set(index: number, value: InputOf<'int32'>): this {
      if (typeof index !== 'number' || index >>> 0 !== index || index >= this._n) return super.set(index, value);
      const v: number = typeof value === 'number' && (value | 0) === value ? value : ckInt32(value, 'Vector.set');
      const a = this._a as Int32Array;
      if (index >= a.length) this._detached();
      a[index] = v;
      return this;
    }
    override push(value: InputOf<'int32'>): number {
      const v: number = typeof value === 'number' && (value | 0) === value ? value : ckInt32(value, 'Vector.push');
      if (this._lock.count !== 0) this._locked('push');
      const n = this._n;
      let a = this._a as Int32Array;
      if (n >= a.length) a = this._grow(n + 1) as Int32Array;
      a[n] = v;
      return (this._n = n + 1);
    }
    override getUnchecked(index: number): ValueOf<'int32'> {
      return (this._a as Int32Array)[index]!;
    }
    override setUnchecked(index: number, value: ValueOf<'int32'>): void {
      (this._a as Int32Array)[index] = value;
    }
  };

  const ckUint32 = DTYPES.uint32.check;
  const Uint32 = class Vector extends Base<'uint32'> {
    override get length(): number {
      return this._n;
    }
    override get(index: number): ValueOf<'uint32'> {
      // The TypedArray's own bounds check rejects negative, fractional and NaN indexes (undefined); the base
      // method then normalises them or throws, and reports a detached buffer.
      if (typeof index === 'number' && index < this._n) {
        const x = (this._a as Uint32Array)[index];
        if (x !== undefined) return x;
      }
      return super.get(index);
    }
    override set(index: number, value: InputOf<'uint32'>): this {
      if (typeof index !== 'number' || index >>> 0 !== index || index >= this._n) return super.set(index, value);
      const v: number = typeof value === 'number' && value >>> 0 === value ? value : ckUint32(value, 'Vector.set');
      const a = this._a as Uint32Array;
      if (index >= a.length) this._detached();
      a[index] = v;
      return this;
    }
    override push(value: InputOf<'uint32'>): number {
      const v: number = typeof value === 'number' && value >>> 0 === value ? value : ckUint32(value, 'Vector.push');
      if (this._lock.count !== 0) this._locked('push');
      const n = this._n;
      let a = this._a as Uint32Array;
      if (n >= a.length) a = this._grow(n + 1) as Uint32Array;
      a[n] = v;
      return (this._n = n + 1);
    }
    override getUnchecked(index: number): ValueOf<'uint32'> {
      return (this._a as Uint32Array)[index]!;
    }
    override setUnchecked(index: number, value: ValueOf<'uint32'>): void {
      (this._a as Uint32Array)[index] = value;
    }
  };

  const ckInt64 = DTYPES.int64.check;
  const Int64 = class Vector extends Base<'int64'> {
    override get length(): number {
      return this._n;
    }
    override get(index: number): ValueOf<'int64'> {
      // The TypedArray's own bounds check rejects negative, fractional and NaN indexes (undefined); the base
      // method then normalises them or throws, and reports a detached buffer.
      if (typeof index === 'number' && index < this._n) {
        const x = (this._a as BigInt64Array)[index];
        if (x !== undefined) return x;
      }
      return super.get(index);
    }
    override set(index: number, value: InputOf<'int64'>): this {
      if (typeof index !== 'number' || index >>> 0 !== index || index >= this._n) return super.set(index, value);
      const v: bigint = typeof value === 'bigint' && value >= -9223372036854775808n && value <= 9223372036854775807n ? value : ckInt64(value, 'Vector.set');
      const a = this._a as BigInt64Array;
      if (index >= a.length) this._detached();
      a[index] = v;
      return this;
    }
    override push(value: InputOf<'int64'>): number {
      const v: bigint = typeof value === 'bigint' && value >= -9223372036854775808n && value <= 9223372036854775807n ? value : ckInt64(value, 'Vector.push');
      if (this._lock.count !== 0) this._locked('push');
      const n = this._n;
      let a = this._a as BigInt64Array;
      if (n >= a.length) a = this._grow(n + 1) as BigInt64Array;
      a[n] = v;
      return (this._n = n + 1);
    }
    override getUnchecked(index: number): ValueOf<'int64'> {
      return (this._a as BigInt64Array)[index]!;
    }
    override setUnchecked(index: number, value: ValueOf<'int64'>): void {
      (this._a as BigInt64Array)[index] = value;
    }
  };

  const ckUint64 = DTYPES.uint64.check;
  const Uint64 = class Vector extends Base<'uint64'> {
    override get length(): number {
      return this._n;
    }
    override get(index: number): ValueOf<'uint64'> {
      // The TypedArray's own bounds check rejects negative, fractional and NaN indexes (undefined); the base
      // method then normalises them or throws, and reports a detached buffer.
      if (typeof index === 'number' && index < this._n) {
        const x = (this._a as BigUint64Array)[index];
        if (x !== undefined) return x;
      }
      return super.get(index);
    }
    override set(index: number, value: InputOf<'uint64'>): this {
      if (typeof index !== 'number' || index >>> 0 !== index || index >= this._n) return super.set(index, value);
      const v: bigint = typeof value === 'bigint' && value >= 0n && value <= 18446744073709551615n ? value : ckUint64(value, 'Vector.set');
      const a = this._a as BigUint64Array;
      if (index >= a.length) this._detached();
      a[index] = v;
      return this;
    }
    override push(value: InputOf<'uint64'>): number {
      const v: bigint = typeof value === 'bigint' && value >= 0n && value <= 18446744073709551615n ? value : ckUint64(value, 'Vector.push');
      if (this._lock.count !== 0) this._locked('push');
      const n = this._n;
      let a = this._a as BigUint64Array;
      if (n >= a.length) a = this._grow(n + 1) as BigUint64Array;
      a[n] = v;
      return (this._n = n + 1);
    }
    override getUnchecked(index: number): ValueOf<'uint64'> {
      return (this._a as BigUint64Array)[index]!;
    }
    override setUnchecked(index: number, value: ValueOf<'uint64'>): void {
      (this._a as BigUint64Array)[index] = value;
    }
  };

  const ckFloat32 = DTYPES.float32.check;
  const Float32 = class Vector extends Base<'float32'> {
    override get length(): number {
      return this._n;
    }
    override get(index: number): ValueOf<'float32'> {
      // The TypedArray's own bounds check rejects negative, fractional and NaN indexes (undefined); the base
      // method then normalises them or throws, and reports a detached buffer.
      if (typeof index === 'number' && index < this._n) {
        const x = (this._a as Float32Array)[index];
        if (x !== undefined) return x;
      }
      return super.get(index);
    }
    override set(index: number, value: InputOf<'float32'>): this {
      if (typeof index !== 'number' || index >>> 0 !== index || index >= this._n) return super.set(index, value);
      const v: number = typeof value === 'number' ? value : ckFloat32(value, 'Vector.set');
      const a = this._a as Float32Array;
      if (index >= a.length) this._detached();
      a[index] = v;
      return this;
    }
    override push(value: InputOf<'float32'>): number {
      const v: number = typeof value === 'number' ? value : ckFloat32(value, 'Vector.push');
      if (this._lock.count !== 0) this._locked('push');
      const n = this._n;
      let a = this._a as Float32Array;
      if (n >= a.length) a = this._grow(n + 1) as Float32Array;
      a[n] = v;
      return (this._n = n + 1);
    }
    override getUnchecked(index: number): ValueOf<'float32'> {
      return (this._a as Float32Array)[index]!;
    }
    override setUnchecked(index: number, value: ValueOf<'float32'>): void {
      (this._a as Float32Array)[index] = value;
    }
  };

  const ckFloat64 = DTYPES.float64.check;
  const Float64 = class Vector extends Base<'float64'> {
    override get length(): number {
      return this._n;
    }
    override get(index: number): ValueOf<'float64'> {
      // The TypedArray's own bounds check rejects negative, fractional and NaN indexes (undefined); the base
      // method then normalises them or throws, and reports a detached buffer.
      if (typeof index === 'number' && index < this._n) {
        const x = (this._a as Float64Array)[index];
        if (x !== undefined) return x;
      }
      return super.get(index);
    }
    override set(index: number, value: InputOf<'float64'>): this {
      if (typeof index !== 'number' || index >>> 0 !== index || index >= this._n) return super.set(index, value);
      const v: number = typeof value === 'number' ? value : ckFloat64(value, 'Vector.set');
      const a = this._a as Float64Array;
      if (index >= a.length) this._detached();
      a[index] = v;
      return this;
    }
    override push(value: InputOf<'float64'>): number {
      const v: number = typeof value === 'number' ? value : ckFloat64(value, 'Vector.push');
      if (this._lock.count !== 0) this._locked('push');
      const n = this._n;
      let a = this._a as Float64Array;
      if (n >= a.length) a = this._grow(n + 1) as Float64Array;
      a[n] = v;
      return (this._n = n + 1);
    }
    override getUnchecked(index: number): ValueOf<'float64'> {
      return (this._a as Float64Array)[index]!;
    }
    override setUnchecked(index: number, value: ValueOf<'float64'>): void {
      (this._a as Float64Array)[index] = value;
    }
  };
  const classes = { int8: Int8, uint8: Uint8, int16: Int16, uint16: Uint16, int32: Int32, uint32: Uint32, int64: Int64, uint64: Uint64, float32: Float32, float64: Float64 };
  for (const C of Object.values(classes)) Object.defineProperty(C.prototype, 'constructor', { value: Base, writable: true, configurable: true });
  return Object.freeze(classes);
}
