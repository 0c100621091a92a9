import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'test/e2e-firefox/**', 'node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    // Vitest's default is one worker less than the cores: one on this 2-core machine, and the unit
    // suite took 5–6 of CI's 35 minutes; two workers take under 3.
    maxWorkers: 2,
  },
});
