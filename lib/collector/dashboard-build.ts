/**
 * Builds the dashboard page (vite.dashboard.config.ts → dist/dashboard) when it is missing or older
 * than its sources, so `npm run collector` serves the current one without a separate step.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** What the page is built from: its own components, the shared audit components, their strings. */
const SOURCES = ['components/dashboard', 'components/audit', 'components/options/i18n.ts', 'lib/audit', 'public/_locales', 'vite.dashboard.config.ts'];

function newest(abs: string): number {
  if (!existsSync(abs)) return 0;
  const st = statSync(abs);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(abs).reduce((m, e) => Math.max(m, newest(path.join(abs, e))), 0);
}

export async function ensureDashboardBuilt(outDir: string): Promise<boolean> {
  const index = path.join(outDir, 'index.html');
  const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (builtAt > 0 && SOURCES.every((s) => newest(path.join(ROOT, s)) <= builtAt)) return false;
  // Vite's production build even when started from a test (NODE_ENV=test would bundle React's dev runtime).
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
  await promisify(execFile)('npx', ['vite', 'build', '-c', 'vite.dashboard.config.ts', '--logLevel', 'warn'], { cwd: ROOT, env, maxBuffer: 16 << 20 });
  return true;
}
