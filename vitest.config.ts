import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts', 'web/**/*.test.ts'],
    globalSetup: ['server/testing/global-setup.ts'],
    // Each PGlite instance holds ~1 GB; two workers fit the 2-core CI machines.
    maxWorkers: 2,
    // On PostgreSQL all test files share one database; run them one after another so that
    // before/after counts ("nothing was stored") see only their own writes.
    fileParallelism: !process.env.DATABASE_URL,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
