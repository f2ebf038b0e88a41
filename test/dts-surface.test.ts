/**
 * The published typings hold the public API only: the declaration build strips everything tagged `@internal`
 * (tsup.config.ts, `stripInternal`), so no `_`-prefixed member, no `@internal` tag and no reference to a
 * document the repository lacks reaches `dist/*.d.ts`. Reads the *built* files (`npm test` builds first).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const DIST = new URL('../dist/', import.meta.url);
const built = existsSync(new URL('index.d.ts', DIST));
const files = built ? readdirSync(DIST).filter((f) => /\.d\.c?ts$/.test(f)) : [];

/** A class or interface member, or a top-level declaration, whose name starts with `_`. */
const UNDERSCORE = /^\s*(?:(?:export|declare|static|readonly|private|protected|public|abstract|get|set|function|const|let|class|interface|type)\s+)*(_[\w$]*)\s*[?!]?\s*[:(<;=]/;

/** Every `_`-prefixed name declared in `text`, with its line number. */
function underscoreMembers(text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    const m = UNDERSCORE.exec(line);
    if (m) found.push(`${i + 1}: ${m[1]}`);
  });
  return found;
}

describe('the detector', () => {
  test('finds `_` members in the shapes tsc emits, and not public ones', () => {
    const text = [
      'declare class Vector<D> {',
      '    #private;',
      '    _mem: number;',
      '    readonly _ro?: number;',
      '    static _make(x: number): Vector<D>;',
      '    private _hidden;',
      '    get _view(): number;',
      '    length: number;',
      '    get(i: number): number;',
      '}',
      'declare function _helper(): void;',
      'declare const __x: 1;',
    ].join('\n');
    expect(underscoreMembers(text)).toEqual(['3: _mem', '4: _ro', '5: _make', '6: _hidden', '7: _view', '11: _helper', '12: __x']);
  });
});

describe.skipIf(!built)('dist/*.d.ts: the public API only', () => {
  test('the entries have typings', () => {
    for (const entry of ['index', 'arrow', 'node', 'parquet']) expect(files).toContain(`${entry}.d.ts`);
  });

  test.each(files)('%s has no `_` member, no @internal tag and no reference to a missing document', (file) => {
    const text = readFileSync(new URL(file, DIST), 'utf8');
    expect(underscoreMembers(text)).toEqual([]);
    expect(text).not.toContain('@internal');
    expect(text).not.toMatch(/perf-baseline\.md|python-semantics\.md|DESIGN\.md|DESIGN §/);
  });
});
