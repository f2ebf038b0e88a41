// Template of src/vector/classes.gen.ts: one Vector subclass per dtype with its own copies of the hot methods
// (get, set, push, getUnchecked, setUnchecked, length), so their type feedback never mixes dtypes.
const doc = `/**
 * Per-dtype Vector subclasses: each dtype gets its own copy of the hot methods (\`get\`, \`set\`, \`push\`,
 * \`getUnchecked\`, \`setUnchecked\` and the \`length\` getter), emitted from scripts/templates/vector-classes.mjs.
 *
 * Why: one shared \`Vector.prototype.push\` sees ten TypedArray kinds once a program has used every dtype; its
 * element stores go megamorphic and push drops to ~0.25x \`Array.push\` (bench \`--mixed\`, docs/internals/performance.md,
 * "Monomorphic kernels"). Separate method bodies are separate function objects with separate type feedback, so a
 * float64 vector's \`push\` only ever sees a Float64Array, whatever else the process does. The subclass is chosen
 * once, when the vector is made (\`new Vector(d)\` and \`vector(d)\` both give the subclass of \`d\`); every other
 * method stays on {@link Vector} (one call does a whole loop there, so its dispatch cost is paid once).
 *
 * Each class is named \`Vector\` and its prototype's \`constructor\` is {@link Vector}, so \`instanceof Vector\`,
 * \`v.constructor === Vector\` and \`v.constructor.name\` behave as for a plain Vector. The value checks are
 * inline (a number in range stores at once); anything else goes to \`DTYPES[d].check\`, which throws the usual
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
`;

/** The inline fast-path test of a value for dtype `t`: true when `value` can be stored as is. */
function fastTest(t) {
  if (t.bigint) return `typeof value === 'bigint' && value >= ${t.min} && value <= ${t.max}`;
  if (!t.integer) return `typeof value === 'number'`;
  if (t.dtype === 'uint32') return `typeof value === 'number' && value >>> 0 === value`;
  if (t.dtype === 'int32') return `typeof value === 'number' && (value | 0) === value`;
  return `typeof value === 'number' && (value | 0) === value && value >= ${t.min} && value <= ${t.max}`;
}

function subclass(t) {
  const { Name: N, Array: A, value: V, dtype: d } = t;
  const D = `'${d}'`;
  const ok = fastTest(t);
  return `
  const ck${N} = DTYPES.${d}.check;
  const ${N} = class Vector extends Base<${D}> {
    override get length(): number {
      return this._n;
    }
    override get(index: number): ValueOf<${D}> {
      // The TypedArray's own bounds check rejects negative, fractional and NaN indexes (undefined); the base
      // method then normalises them or throws, and reports a detached buffer.
      if (typeof index === 'number' && index < this._n) {
        const x = (this._a as ${A})[index];
        if (x !== undefined) return x;
      }
      return super.get(index);
    }
    override set(index: number, value: InputOf<${D}>): this {
      if (typeof index !== 'number' || index >>> 0 !== index || index >= this._n) return super.set(index, value);
      const v: ${V} = ${ok} ? value : ck${N}(value, 'Vector.set');
      const a = this._a as ${A};
      if (index >= a.length) this._detached();
      a[index] = v;
      return this;
    }
    override push(value: InputOf<${D}>): number {
      const v: ${V} = ${ok} ? value : ck${N}(value, 'Vector.push');
      if (this._lock.count !== 0) this._locked('push');
      const n = this._n;
      let a = this._a as ${A};
      if (n >= a.length) a = this._grow(n + 1) as ${A};
      a[n] = v;
      return (this._n = n + 1);
    }
    override getUnchecked(index: number): ValueOf<${D}> {
      return (this._a as ${A})[index]!;
    }
    override setUnchecked(index: number, value: ValueOf<${D}>): void {
      (this._a as ${A})[index] = value;
    }
  };`;
}

function render({ dtypes }) {
  return `${doc}
/**
 * Makes the per-dtype subclasses of \`Base\` (called once, by src/vector/vector.ts, right after the class).
 * @internal
 */
export function vectorClasses(Base: typeof Vector): VectorClasses {${dtypes.map(subclass).join('\n')}
  const classes = { ${dtypes.map((t) => `${t.dtype}: ${t.Name}`).join(', ')} };
  for (const C of Object.values(classes)) Object.defineProperty(C.prototype, 'constructor', { value: Base, writable: true, configurable: true });
  return Object.freeze(classes);
}
`;
}

export default { output: 'src/vector/classes.gen.ts', render };
