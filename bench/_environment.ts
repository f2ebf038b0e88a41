/**
 * The environment of a Node run (the browser page reads its own in bench/_browser-page.ts). Kept apart from
 * bench/_report.ts so the report code has no Node import and also runs in the page.
 */
import os from 'node:os';
import type { Environment } from './_report.js';

/** Reads the environment of this process. */
export function environment(): Environment {
  const cpus = os.cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    cpu: cpus[0]?.model.trim() || 'unknown CPU',
    cores: cpus.length || (os.availableParallelism?.() ?? 1),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    arch: process.arch,
    loadavg: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
    date: new Date().toISOString(),
  };
}
