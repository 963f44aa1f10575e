// Mutation testing (StrykerJS): `npm run mutation`. Slow, so not part of `make test` or CI.
// docs/testing.md explains how to read the results.
//
// One folder at a time (each run writes its own report and incremental file):
//   npm run mutation -- --mutate 'src/ephemeris/stars/**/*.ts'
//   MUTATION_NAME=stars npm run mutation -- --mutate 'src/ephemeris/stars/**/*.ts'
// MUTATION_TESTS narrows the tests to a folder's own (comma-separated globs, vitest.mutation.config.ts):
//   MUTATION_NAME=stars MUTATION_TESTS='tests/reference/fixed-stars.test.ts,tests/unit/techniques/natal-techniques.test.ts' \
//     npm run mutation -- --mutate 'src/ephemeris/stars/**/*.ts'
// Without --mutate, every folder below is mutated (hours on a 2-core machine).
const name = process.env.MUTATION_NAME ?? 'all';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Unit and reference tests only: the integration tests need PostgreSQL and Redis, and a
  // mutant they would catch is caught (faster) by the unit tests of the same code.
  // related: false — MUTATION_TESTS chooses the tests. perTest coverage is asked for, but with this
  // runner each mutant still runs the whole selection (docs/testing.md, "Cost"): keep selections small.
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // Each mutant runs only the tests that executed its code in the initial run.
  coverageAnalysis: 'perTest',
  mutate: [
    'src/ephemeris/**/*.ts',
    'src/render/**/*.ts',
    'src/services/**/*.ts',
    '!src/**/*.d.ts',
    '!src/ephemeris/**/data/**',
  ],
  // Anchored at the root: a bare 'data' would also drop src/ephemeris/data and the stars' catalogue.
  ignorePatterns: ['/dist', '/data', '/coverage', '/reports', '/test-output', '/explorer/node_modules'],
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  // The initial run executes every selected test once with coverage; on a busy 2-core machine the
  // whole unit and reference suite takes several minutes.
  dryRunTimeoutMinutes: 40,
  timeoutFactor: 2,
  incremental: true,
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  tempDirName: `.stryker-tmp`,
  cleanTempDir: 'always',
};
