// Profiling only: the same extension built outside .output (BENCH_UNMINIFIED=1: unminified, so
// function names survive in CPU profiles; BENCH_OUT=<dir>: built there instead, so that two worktrees
// profiling at once do not overwrite each other's build). `npx wxt build -c test/bench/e2e-wxt.config.ts`
import { defineConfig } from 'wxt';
import base from '../../wxt.config';
const unminified = process.env.BENCH_UNMINIFIED === '1';
export default defineConfig({
  ...base,
  outDir: process.env.BENCH_OUT ?? (unminified ? '/tmp/precheck-bench-build-dev' : '/tmp/precheck-bench-build'),
  ...(unminified && { vite: () => ({ build: { minify: false } }) }),
});
