import fc from 'fast-check';

// Property tests are seeded and replayable: FC_SEED pins the seed, FC_RUNS the number of runs.
// A failing run prints its seed and path; paste them into `{ seed, path }` to replay it.
const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
fc.configureGlobal({
  numRuns: Number(process.env.FC_RUNS ?? 100),
  ...(seed === undefined ? {} : { seed }),
});
