/**
 * The command line every fuzzer child shares (see _runner.ts for the protocol):
 * `--seed S --cases N [--from I]`, `--seed S --save I <file>`, `--replay <file>...`.
 */
const args = process.argv.slice(2);

/** The parsed command line of a fuzzer child. */
export const cli = {
  args,
  /** A numeric option, or its default. */
  opt(name: string, dflt: number): number {
    const i = args.indexOf(`--${name}`);
    return i < 0 ? dflt : Number(args[i + 1]);
  },
  seed: (() => {
    const i = args.indexOf('--seed');
    return i < 0 ? 1 : Number(args[i + 1]);
  })(),
  /** `[case, file]` of `--save`, or undefined. */
  save: args.includes('--save') ? ([Number(args[args.indexOf('--save') + 1]), args[args.indexOf('--save') + 2]!] as const) : undefined,
  /** The files after `--replay`, or undefined. */
  replay: args.includes('--replay') ? args.slice(args.indexOf('--replay') + 1) : undefined,
};

/** Writes one protocol line (`case …`, `fail {…}`, `done {…}`, `saved …`). */
export function line(s: string): void {
  process.stdout.write(`${s}\n`);
}
