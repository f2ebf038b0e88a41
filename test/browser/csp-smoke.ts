/**
 * Runs IN THE BROWSER, on the strict-CSP page of csp-page.test.ts (`script-src 'self'`, no `unsafe-eval`): a
 * smoke test of every capability through the packed tarball's ESM build (the files its `exports` map names, given
 * by the page as `data-core` / `data-arrow`, loaded as shipped), not through the sources. Each check records ok or its error; the results go into `window.__compactlySmoke`
 * for the runner and into a table on the page for a person.
 */
import type * as Core from '../../src/index.js';
import type * as ArrowEntry from '../../src/arrow/index.js';

/** One check's outcome, as the runner reads it. */
export interface SmokeResult {
  readonly name: string;
  readonly ok: boolean;
  /** `ErrorClass: message` when the check failed. */
  readonly error?: string;
}

/** What the page publishes on `window.__compactlySmoke` when it is done. */
export interface SmokeReport {
  readonly done: true;
  readonly results: readonly SmokeResult[];
  /** CSP violations the page saw (`securitypolicyviolation`): what the library tried and was refused. */
  readonly violations: readonly string[];
}

type Check = readonly [name: string, run: () => unknown];

function eq(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  const e = JSON.stringify(expected, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
  if (a !== e) throw new Error(`${what}: got ${a}, expected ${e}`);
}

function throwsA(fn: () => unknown, cls: new (...a: never[]) => Error, what: string): void {
  try {
    fn();
  } catch (e) {
    if (e instanceof cls) return;
    throw new Error(`${what}: threw ${e instanceof Error ? e.name : String(e)}, expected ${cls.name}`);
  }
  throw new Error(`${what}: did not throw, expected ${cls.name}`);
}

function checks(c: typeof Core, arrow: typeof ArrowEntry | Error): Check[] {
  const { vector, recordStore, RecordStore, categorical, memoryview, pipeline, readCsv } = c;
  const store = (): Core.RecordStore<{ x: 'float64'; n: 'int16'; kind: 'category' }> => {
    const s = recordStore({ x: 'float64', n: 'int16', kind: 'category' });
    s.push({ x: 1.5, n: 3, kind: 'a' });
    s.push({ x: -2, n: 7, kind: 'b' });
    s.push({ x: 4, n: -1, kind: 'a' });
    return s;
  };
  return [
    [
      'the page forbids code generation (new Function throws EvalError)',
      () => {
        // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the probe: this page must refuse it
        throwsA(() => new Function('return 1'), EvalError, 'new Function');
      },
    ],
    [
      'vector: push, get, checked writes, bytes round trip',
      () => {
        const v = vector('int16', [3, 1, 2]);
        v.push(7);
        eq([...v], [3, 1, 2, 7], 'items');
        eq(v.get(-1), 7, 'get(-1)');
        throwsA(() => v.push(40000), c.OverflowError, 'push(40000)');
        throwsA(() => v.get(10), c.IndexError, 'get(10)');
        eq([...c.Vector.fromBytes('int16', v.toBytes())], [3, 1, 2, 7], 'fromBytes(toBytes())');
        const big = vector('int64', [1n, 2n]);
        big.push(2n ** 40n);
        eq(big.get(2), 2n ** 40n, 'int64');
      },
    ],
    [
      'record-store: per-schema record views read and write through, refuse unknown fields, check values',
      () => {
        const s = store();
        const r = s.get(1);
        eq([r.x, r.n, r.kind], [-2, 7, 'b'], 'view fields');
        r.x += 10;
        eq(s.column('x')[1], 8, 'write-through to the column');
        throwsA(() => ((r as unknown as Record<string, number>).zz = 1), c.AttributeError, 'unknown field');
        throwsA(() => (r.n = 40000), c.OverflowError, 'int16 overflow');
        eq(s.toObjects()[0], { x: 1.5, n: 3, kind: 'a' }, 'toObjects');
        const cur = s.cursor();
        let sum = 0;
        while (cur.next()) sum += cur.n;
        eq(sum, 9, 'cursor sum');
      },
    ],
    [
      'record-store: verbs (filter, sortBy, groupBy().agg, take, fromColumns)',
      () => {
        const s = store();
        eq(
          s
            .filter((r) => r.n > 0)
            .toObjects()
            .map((o) => o.x),
          [1.5, -2],
          'filter',
        );
        eq([...s.sortBy('x').column('x')], [-2, 1.5, 4], 'sortBy');
        const g = s.groupBy('kind').agg({ total: ['sum', 'n'], top: ['max', 'x'] });
        eq(
          g.toObjects(),
          [
            { kind: 'a', total: 2, top: 4 },
            { kind: 'b', total: 7, top: -2 },
          ],
          'groupBy',
        );
        eq(
          s
            .take([2, 0])
            .toObjects()
            .map((o) => o.n),
          [-1, 3],
          'take',
        );
        eq(RecordStore.fromColumns({ a: new Float32Array([1, 2]) }).get(1).a, 2, 'fromColumns');
      },
    ],
    [
      'categorical: codes, value counts, widening past 127 categories',
      () => {
        const k = categorical(['red', 'blue', 'red', null]);
        eq(k.valueCounts().get('red'), 2, 'valueCounts');
        eq(k.get(3), null, 'missing');
        const wide = categorical(Array.from({ length: 300 }, (_, i) => `c${i}`));
        eq(wide.get(299), 'c299', 'widened');
      },
    ],
    [
      'memoryview: strided slice, cast, export lock, release',
      () => {
        const v = vector('uint8', [1, 2, 3, 4]);
        const whole = memoryview(v);
        const m = whole.slice(null, null, -1);
        eq(m.toList(), [4, 3, 2, 1], 'reversed');
        throwsA(() => v.push(5), c.BufferError, 'resize while exported');
        m.release();
        whole.release();
        v.push(5);
        const w = memoryview(new Uint8Array([1, 0, 0, 0, 2, 0, 0, 0])).cast('I');
        eq(w.toList(), [1, 2], 'cast');
      },
    ],
    [
      'pipeline: itertools-style stages (not fused)',
      () => {
        eq(
          pipeline([1, 2, 3, 4, 5])
            .takeWhile((x) => x < 4)
            .batch(2)
            .toArray(),
          [[1, 2], [3]],
          'takeWhile.batch',
        );
        eq(pipeline(['a', 'b', 'a']).valueCounts().get('a'), 2, 'valueCounts');
      },
    ],
    [
      'pipeline: fused pipeline(v).map(f).sum() over a Vector',
      () => {
        eq(
          pipeline(vector('float64', [1, 2, 3]))
            .map((x) => x * 2)
            .sum(),
          12,
          'map.sum',
        );
      },
    ],
    [
      'pipeline: fused filter().map().sum() over a Float64Array',
      () => {
        eq(
          pipeline(new Float64Array([0.25, 0.75, 1]))
            .filter((x) => x > 0.5)
            .map((x) => x * 2)
            .sum(),
          3.5,
          'filter.map.sum',
        );
      },
    ],
    [
      'readCsv over a string and byte chunks',
      async () => {
        const csv = 'id,city\n1,Oslo\n2,Rome\n3,Oslo\n';
        const schema = { id: 'uint32', city: 'category' } as const;
        const rows = [...readCsv(csv, { schema, chunkSize: 2 })].flatMap((ch) => ch.toObjects());
        eq(
          rows.map((r) => r.city),
          ['Oslo', 'Rome', 'Oslo'],
          'string',
        );
        const bytes = new TextEncoder().encode(csv);
        let n = 0;
        for await (const ch of readCsv([bytes.subarray(0, 9), bytes.subarray(9)], { schema })) n += ch.length;
        eq(n, 3, 'bytes');
      },
    ],
    [
      'readCsv over a ReadableStream (async)',
      async () => {
        const parts = ['id,v\n1,0.5\n', '2,1.', '5\n3,2\n'].map((p) => new TextEncoder().encode(p));
        const stream = new ReadableStream<Uint8Array>({
          start(ctl) {
            for (const p of parts) ctl.enqueue(p);
            ctl.close();
          },
        });
        let total = 0;
        for await (const ch of readCsv(stream, { schema: { id: 'uint8', v: 'float64' } })) {
          for (let i = 0; i < ch.length; i++) total += ch.get(i).v;
        }
        eq(total, 4, 'sum of v');
      },
    ],
    [
      'compactly/arrow: toArrow / fromArrow / IPC round trip',
      () => {
        if (arrow instanceof Error) throw arrow;
        const s = store();
        const back = arrow.fromArrow(arrow.toArrow(s));
        eq(back.toObjects(), s.toObjects(), 'toArrow → fromArrow');
        eq(arrow.fromIPC(arrow.toIPC(s)).toObjects(), s.toObjects(), 'toIPC → fromIPC');
      },
    ],
  ];
}

async function run(): Promise<void> {
  const violations: string[] = [];
  document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  const { core: corePath, arrow: arrowPath } = document.documentElement.dataset;
  const core = (await import(`${location.origin}${corePath}`)) as typeof Core;
  const arrow = await import(`${location.origin}${arrowPath}`).then(
    (m) => m as typeof ArrowEntry,
    (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
  );
  const results: SmokeResult[] = [];
  for (const [name, fn] of checks(core, arrow)) {
    try {
      await fn();
      results.push({ name, ok: true });
    } catch (e) {
      results.push({ name, ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    }
  }
  const table = document.createElement('table');
  for (const r of results) {
    const tr = table.insertRow();
    tr.insertCell().textContent = r.ok ? 'ok' : 'FAIL';
    tr.insertCell().textContent = r.name;
    tr.insertCell().textContent = r.error ?? '';
  }
  document.body.append(table);
  const report: SmokeReport = { done: true, results, violations };
  (window as unknown as { __compactlySmoke: SmokeReport }).__compactlySmoke = report;
}

run().catch((e: unknown) => {
  const report: SmokeReport = { done: true, results: [{ name: 'load the package', ok: false, error: String(e) }], violations: [] };
  (window as unknown as { __compactlySmoke: SmokeReport }).__compactlySmoke = report;
});
