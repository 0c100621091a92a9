/**
 * Helpers for the managed-policy and permissions suites: an enterprise policy directory for one
 * Chromium, a launcher that can point Chromium at it, and small readers of the extension's state.
 *
 * Chromium on Linux reads enterprise policy from `<policy root>/managed/*.json` (Debian's Chromium:
 * /etc/chromium/policies); `"3rdparty": { "extensions": { "<id>": {…} } }` there becomes the
 * extension's storage.managed. The path is compiled in, so a test has two ways to use it:
 *
 * - private (preferred): Chromium is started through a small wrapper in its own mount namespace
 *   (`unshare --mount`), with a temporary directory bind-mounted over the policy root. Only that
 *   browser sees the test's policy; other Chromiums on the machine (other suites, a developer's
 *   browser) are untouched, and nothing is left in /etc.
 * - system: where mount namespaces are not allowed (a container without CAP_SYS_ADMIN), the file
 *   goes into the real policy root and is removed afterwards. Every Chromium on the machine sees it
 *   meanwhile, which is fine in CI (one e2e file at a time) but not next to other running suites.
 *
 * Neither works without root; the suite is then skipped with the reason. PRECHECK_POLICY_MODE=system
 * or =private forces one way (to test the other).
 *
 * Chromium re-reads the directory by itself about 5 s after a file changes; chrome://policy's
 * "Reload policies" button (#reload-policies) reloads at once, headless too (reloadPolicies below).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, rmdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { EXTENSION_ID } from '../../wxt.config';
import { CHROMIUM_PATH } from './harness.ts';
import { serviceWorker } from './extension-helpers.ts';

/** Where this Chromium reads enterprise policy (Google Chrome: /etc/opt/chrome/policies). */
export const SYSTEM_POLICY_ROOT = process.env.PRECHECK_CHROMIUM_POLICY_ROOT ?? '/etc/chromium/policies';

export type PolicyMode = 'private' | 'system';

export interface PolicyProbe {
  mode?: PolicyMode;
  /** Why the suite cannot run here (set when mode is not). */
  skip?: string;
}

export function canUseMountNamespace(): boolean {
  const dir = os.tmpdir();
  const r = spawnSync('unshare', ['--mount', '--propagation', 'private', '--', 'mount', '--bind', dir, dir], { stdio: 'ignore', timeout: 5_000 });
  return r.status === 0;
}

/** Whether a file can be created in `dir` (creating the folder first when `create`). */
export function canWriteDir(dir: string, create = false): boolean {
  try {
    if (create) mkdirSync(dir, { recursive: true });
    const probe = path.join(dir, `.precheck-e2e-probe-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
    return true;
  } catch {
    return false;
  }
}

const canWriteSystemRoot = () => canWriteDir(path.join(SYSTEM_POLICY_ROOT, 'managed'), true) && canWriteDir(SYSTEM_POLICY_ROOT);

/** How this machine lets a test set Chromium enterprise policy (synchronous: decides describe.skipIf). */
export function probeManagedPolicy(): PolicyProbe {
  if (process.platform !== 'linux') return { skip: 'Chromium enterprise policy files are tested on Linux only' };
  const forced = process.env.PRECHECK_POLICY_MODE;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (forced !== 'system' && root && canUseMountNamespace()) return { mode: 'private' };
  if (forced !== 'private' && canWriteSystemRoot()) return { mode: 'system' };
  return {
    skip: root
      ? `cannot write Chromium enterprise policy: no mount namespace and ${SYSTEM_POLICY_ROOT} is not writable`
      : `cannot write Chromium enterprise policy: not root and ${SYSTEM_POLICY_ROOT} is not writable (run as root, as CI does)`,
  };
}

/**
 * Writes a shell script that runs `binary` in its own mount namespace with `source` bind-mounted
 * over `target` (which must exist): only that browser sees the test's policy directory.
 */
export function writeMountWrapper(file: string, binary: string, source: string, target: string): string {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  writeFileSync(
    file,
    [
      '#!/bin/sh',
      '# A browser with a private view of its enterprise policy directory (precheck e2e).',
      `exec unshare --mount --propagation private -- sh -c 'mount --bind "$0" "$1" && shift && exec "$@"' ${q(source)} ${q(target)} ${q(binary)} "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(file, 0o755);
  return file;
}

export interface ManagedPolicy {
  mode: PolicyMode;
  /** Chromium to launch with (a wrapper in private mode). */
  executablePath: string;
  /** Writes the extension's storage.managed payload (atomically); undefined removes the policy file. */
  write(extensionPolicy: Record<string, unknown> | undefined): void;
  dispose(): void;
}

/** A policy directory this suite owns; call dispose() in afterAll. */
export function createManagedPolicy(mode: PolicyMode): ManagedPolicy {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'precheck-policy-'));
  let root: string;
  let executablePath = CHROMIUM_PATH;
  let createdRoot = false;
  if (mode === 'private') {
    root = path.join(tmp, 'policies');
    mkdirSync(path.join(root, 'managed'), { recursive: true });
    // The bind mount needs its target to exist; an empty directory is all that is left behind.
    if (!existsSync(SYSTEM_POLICY_ROOT)) {
      mkdirSync(SYSTEM_POLICY_ROOT, { recursive: true });
      createdRoot = true;
    }
    executablePath = writeMountWrapper(path.join(tmp, 'chromium.sh'), CHROMIUM_PATH, root, SYSTEM_POLICY_ROOT);
  } else {
    root = SYSTEM_POLICY_ROOT;
    mkdirSync(path.join(root, 'managed'), { recursive: true });
  }
  const file = path.join(root, 'managed', `precheck-e2e-${process.pid}.json`);
  return {
    mode,
    executablePath,
    write(extensionPolicy) {
      if (extensionPolicy === undefined) {
        rmSync(file, { force: true });
        return;
      }
      // Written beside the managed/ folder and renamed in: Chromium never reads half a file.
      const staging = path.join(root, `.precheck-e2e-${process.pid}.tmp`);
      writeFileSync(staging, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: extensionPolicy } } }, null, 2));
      renameSync(staging, file);
    },
    dispose() {
      rmSync(file, { force: true });
      rmSync(tmp, { recursive: true, force: true });
      if (createdRoot) {
        try {
          rmdirSync(SYSTEM_POLICY_ROOT);
        } catch {
          // not empty: someone else uses it now
        }
      }
    },
  };
}

// ---------------------------------------------------------------- the extension's state

export const OPTIONS_URL = `chrome-extension://${EXTENSION_ID}/options.html`;

/** 由管理员设定 in either UI language (the options page follows the browser's UI locale). */
export const LOCKED_LABELS = ['由管理员设定', 'Set by your administrator'];

/** The extension's service worker (the one helper for it, under the name these tests use). */
export const extensionWorker = serviceWorker;

/** What chrome.storage.managed holds right now. */
export async function readManaged(context: BrowserContext): Promise<Record<string, unknown>> {
  return (await extensionWorker(context)).evaluate('chrome.storage.managed.get()');
}

/**
 * Makes Chromium re-read its policy files now (chrome://policy → Reload policies) and waits until the
 * extension's storage.managed shows `expected` (compared as JSON with sorted keys).
 */
export async function reloadPolicies(context: BrowserContext, expected: Record<string, unknown>, timeout = 15_000): Promise<void> {
  const want = canonicalJson(expected);
  const page: Page = await context.newPage();
  try {
    await page.goto('chrome://policy');
    const deadline = Date.now() + timeout;
    for (;;) {
      await page.locator('#reload-policies').click();
      const until = Date.now() + 2_000;
      while (Date.now() < until) {
        if (canonicalJson(await readManaged(context)) === want) return;
        await page.waitForTimeout(100);
      }
      if (Date.now() > deadline) throw new Error(`storage.managed did not become ${want}; it is ${canonicalJson(await readManaged(context))}`);
    }
  } finally {
    await page.close();
  }
}

function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(sort(value));
}

/** The Precheck panel's counts on the page, or null when no Precheck runs there. */
export function panelCounts(page: Page): Promise<{ block: string; warn: string } | null> {
  return page.evaluate(`(() => {
    const h = document.querySelector('precheck-panel');
    return h ? { block: h.dataset.block, warn: h.dataset.warn } : null;
  })()`);
}
