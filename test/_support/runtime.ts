import { test } from 'vitest';

/** True under Node (false in the browser run, test/browser/). */
export const inNode: boolean = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

/**
 * A test of a Node-only feature (Node's `Buffer`, `util.inspect`): runs under Node, reported as skipped in the
 * browser run, where that feature does not exist.
 */
export const nodeOnlyTest = test.runIf(inNode);
