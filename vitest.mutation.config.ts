import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// The tests `npm run mutation` runs against each mutant (stryker.config.mjs): unit and reference
// tests, which need no database, Redis or network (tests/unit/techniques/graphql.test.ts runs the
// app in process with the memory cache). The pack regeneration test checks data, not code.
// MUTATION_TESTS (comma-separated globs) narrows the run to the tests of one folder, which keeps the
// initial run of a per-folder mutation run short (stryker.config.mjs).
const only = process.env.MUTATION_TESTS?.split(',').map((g) => g.trim()).filter(Boolean);

// Not mergeConfig: it would append these lists to the base config's `include` instead of replacing it.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: only?.length ? only : ['tests/unit/**/*.test.ts', 'tests/reference/**/*.test.ts'],
    exclude: ['node_modules/**', 'tests/reference/ephemeris-pack.test.ts'],
  },
});
