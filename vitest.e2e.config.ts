import { defineConfig } from 'vitest/config';

// Real-browser tests (Debian Chromium + playwright-core + the mock CMS in lib/demo).
// One file at a time, one worker: the machine has 2 cores and each file runs its own browser.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    // Precheck cancels a refused form post on the Navigation API's navigate event; Chromium then never
    // reports the navigation as ended, and Playwright would wait for it before every later action.
    env: { PLAYWRIGHT_SKIP_NAVIGATION_CHECK: '1' },
  },
});
