import { defineConfig } from 'vitest/config';

// Firefox suite: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi, the Firefox build
// (.output/firefox-mv3, built once in the global setup) and the mock CMS in lib/demo. One file at a
// time: each starts its own Firefox on a 2-core machine.
export default defineConfig({
  test: {
    include: ['test/e2e-firefox/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e-firefox/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
  },
});
