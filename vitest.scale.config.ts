import { defineConfig } from 'vitest/config';

/**
 * `npm run test:scale`: only the scale browser test, on the PostgreSQL database FF_SCALE_DATABASE_URL,
 * which the test seeds itself. No global setup: the small test data set of `npm test` is not needed.
 */
if (!process.env.FF_SCALE_DATABASE_URL) {
  throw new Error('FF_SCALE_DATABASE_URL fehlt: PostgreSQL-URL der Datenbank für den Skalierungstest');
}

export default defineConfig({
  test: {
    include: ['web/e2e/region-scale.e2e.test.ts'],
    testTimeout: 10 * 60_000,
    hookTimeout: 15 * 60_000,
  },
});
