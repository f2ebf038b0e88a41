/** A suite whose optional package is missing is skipped with a note; any other failure still fails the run. */
import { describe, expect, it } from 'vitest';
import { missingPackage } from '../../bench/_main.js';

function notFound(message: string, code = 'ERR_MODULE_NOT_FOUND'): Error {
  return Object.assign(new Error(message), { code });
}

describe('missingPackage', () => {
  it('names the bare package Node could not find (ESM and CJS wording, scoped, subpaths)', () => {
    expect(missingPackage(notFound("Cannot find package 'apache-arrow' imported from /x/dist/bench/arrow.bench.js"))).toBe('apache-arrow');
    expect(missingPackage(notFound("Cannot find module 'csv-parse/sync'", 'MODULE_NOT_FOUND'))).toBe('csv-parse');
    expect(missingPackage(notFound("Cannot find package '@uwdata/flechette' imported from /x.js"))).toBe('@uwdata/flechette');
  });
  it('is undefined for a missing file of the package itself or any other error (a real failure)', () => {
    expect(missingPackage(notFound("Cannot find module '/x/dist/bench/arrow.bench.js' imported from /x/cli.js"))).toBeUndefined();
    expect(missingPackage(notFound("Cannot find module './arrow.bench.js'"))).toBeUndefined();
    expect(missingPackage(new Error("Cannot find package 'apache-arrow'"))).toBeUndefined();
    expect(missingPackage(new TypeError('benchmark task disagrees'))).toBeUndefined();
    expect(missingPackage(null)).toBeUndefined();
  });
});
