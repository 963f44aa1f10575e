import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Avoid the "multiple graphql modules" error: make every import resolve to one copy.
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
