/**
 * The environment of a Node run (the browser page reads its own in bench/_browser-page.ts). Kept apart from
 * bench/_report.ts so the report code has no Node import and also runs in the page.
 */
import os from 'node:os';
import type { Environment } from './_report.js';

/**
 * The share of one core this process gets while it spins for `ms`: CPU time ÷ wall time. Near 1 when no other
 * process competes for the CPU right now; the 1-minute load average cannot tell that apart from work that
 * just ended (a test run before the benchmark still shows in it for a minute or more).
 */
export function cpuShare(ms = 250): number {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let x = 0;
  while (performance.now() - t0 < ms) x += Math.sqrt(x + 1);
  const c = process.cpuUsage(c0);
  const wall = performance.now() - t0;
  return x > 0 ? Math.round(Math.min(1, (c.user + c.system) / 1000 / wall) * 100) / 100 : 0;
}

/** Reads the environment of this process (and probes the CPU for {@link cpuShare}, ~250 ms). */
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
    cpuShare: cpuShare(),
    date: new Date().toISOString(),
  };
}
