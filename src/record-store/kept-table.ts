/**
 * A scratch table kept from call to call by the grouping kernels (a mean's sum-and-count table in
 * group-kernels.ts, the two-key count table in value-counts.ts). A new table is fresh memory, and the first
 * write to each 4 KiB page of it costs a page fault (docs/internals/performance.md, "Fresh pages cost a fault
 * each"): for the ~90,000–180,000 slots of two keys of 300 categories that is more than the scatter beyond one
 * key costs. The table is zeroed when taken, so a call that stopped half way leaves nothing for the next one.
 */

/** The most slots a kept table grows to (2 MB of float64, 1 MB of Int32); a larger table is new per call. */
const KEEP_SLOTS = 1 << 18;

/** @internal One table of up to 2^18 slots, reused from call to call; it is held for the life of the process. */
export class KeptTable<A extends Int32Array | Float64Array> {
  #table: A | null = null;
  readonly #make: (slots: number) => A;

  constructor(make: (slots: number) => A) {
    this.#make = make;
  }

  /**
   * A table of `size` slots, each set to `fill` (`-0` for the pair kernels, which tell untouched slots by it):
   * a view of the kept table, or a new one beyond 2^18 slots. The view is valid until the next `take`: copy out
   * what the call returns.
   */
  take(size: number, fill = 0): A {
    if (size > KEEP_SLOTS) return this.#make(size).fill(fill) as A;
    if (this.#table === null || this.#table.length < size) this.#table = this.#make(Math.max(size, 1 << 12));
    return this.#table.subarray(0, size).fill(fill) as A;
  }
}
