/**
 * Firefox enterprise policy for one test Firefox: `policies.json`, whose
 * `"3rdparty": { "Extensions": { "<gecko id>": {…} } }` becomes the extension's storage.managed.
 *
 * Firefox on Linux reads `/etc/firefox/policies/policies.json` when it exists, else the one in the
 * installation's `distribution/` folder (Debian's firefox-esr: /usr/lib/firefox-esr/distribution);
 * both measured with firefox-esr 153. The file is read once, at start-up. Like the Chromium helpers
 * (test/e2e/policy-helpers.ts):
 *
 * - private (preferred): Firefox runs in its own mount namespace with a temporary directory
 *   bind-mounted over the folder it reads; nothing on the machine changes.
 * - system: without mount namespaces the real file is written, and whatever was there before is put
 *   back afterwards (or the file removed if there was none).
 *
 * Neither works without root; the suite is then skipped with the reason. PRECHECK_POLICY_MODE=system
 * or =private forces one way.
 */
import { existsSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIREFOX_PATH } from '../../lib/demo/firefox.ts';
import { GECKO_ID } from '../../wxt.config.ts';
import { canUseMountNamespace, canWriteDir, writeMountWrapper, type PolicyMode, type PolicyProbe } from '../e2e/policy-helpers.ts';

const SYSTEM_DIR = '/etc/firefox/policies';

/** The folder whose policies.json this Firefox reads. */
export function firefoxPolicyDir(): string {
  if (existsSync(path.join(SYSTEM_DIR, 'policies.json'))) return SYSTEM_DIR;
  return path.join(path.dirname(realpathSync(FIREFOX_PATH)), 'distribution');
}

/** How this machine lets a test give Firefox a policies.json (synchronous: decides describe.skipIf). */
export function probeFirefoxPolicy(): PolicyProbe {
  if (process.platform !== 'linux') return { skip: 'Firefox policies.json is tested on Linux only' };
  if (!existsSync(FIREFOX_PATH)) return { skip: `no Firefox at ${FIREFOX_PATH}` };
  const dir = firefoxPolicyDir();
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root) return { skip: `not root: cannot give Firefox a policies.json in ${dir} (run as root, as CI does)` };
  // PRECHECK_POLICY_MODE=system or =private forces one way (to test the other), as for Chromium.
  const forced = process.env.PRECHECK_POLICY_MODE;
  if (forced !== 'system' && existsSync(dir) && canUseMountNamespace()) return { mode: 'private' };
  if (forced !== 'private' && existsSync(dir) && canWriteDir(dir)) return { mode: 'system' };
  return { skip: `cannot give Firefox a policies.json: no mount namespace and ${dir} is missing or not writable` };
}

export interface FirefoxPolicy {
  mode: PolicyMode;
  /** Firefox to launch (a wrapper in private mode). */
  executablePath: string;
  /** Writes policies.json with this storage.managed payload for Precheck; read when Firefox starts. */
  write(extensionPolicy: Record<string, unknown>): void;
  /** Removes the test's file and puts back what was there. */
  dispose(): void;
}

export function createFirefoxPolicy(mode: PolicyMode): FirefoxPolicy {
  const target = firefoxPolicyDir();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'precheck-ff-policy-'));
  const dir = mode === 'private' ? tmp : target;
  const file = path.join(dir, 'policies.json');
  const before = mode === 'system' && existsSync(file) ? readFileSync(file) : undefined;
  const executablePath = mode === 'private' ? writeMountWrapper(path.join(tmp, 'firefox.sh'), FIREFOX_PATH, tmp, target) : FIREFOX_PATH;
  return {
    mode,
    executablePath,
    write(extensionPolicy) {
      // Written beside it and renamed in: Firefox never reads half a file.
      const staging = path.join(dir, `.precheck-e2e-${process.pid}.tmp`);
      writeFileSync(staging, JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: extensionPolicy } } } }, null, 2));
      renameSync(staging, file);
    },
    dispose() {
      if (mode === 'system') {
        if (before === undefined) rmSync(file, { force: true });
        else writeFileSync(file, before);
      }
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
