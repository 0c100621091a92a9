/**
 * The probes' setup in Firefox (probe-page.ts' Firefox twin): one Firefox with Precheck and the
 * suite's policy imported on the options page, a tab on the demo CMS server (guarded) and one on
 * 127.0.0.3 (never granted: Precheck does not run there), a raw recorder beside each, and the
 * harness of probe-harness.ts over them. Tabs a case opened are closed after it.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import { demoPolicy, importPolicy } from '../../lib/demo/demo-policy.ts';
import type { FirefoxSession } from '../../lib/demo/firefox.ts';
import { startCmsServer } from '../../lib/demo/server.ts';
import type { Policy } from '../../lib/policy/schema';
import { probeHarness, type ProbePage, type ProbeSide } from '../e2e/probe-harness.ts';
import { pageScript } from '../e2e/probe-page.ts';
import { startRawRecorder } from '../e2e/raw-recorder.ts';
import { startFirefox } from './firefox-helpers.ts';

const CONTROL_HOST = '127.0.0.3';

/** Page-script names Firefox's cases add: `U(n)`, a sink URL carrying the draft; `fresh()`, a fresh `<iframe>` in the page. */
const HELPERS = `const U = (n) => sink(n) + '?c=' + encodeURIComponent(draft); const fresh = () => { const f = document.createElement('iframe'); document.body.append(f); return f; };`;
/** A case that never settles is reported as HUNG instead of holding the suite. */
const race = (expr: string) => `Promise.race([${expr}, new Promise((r) => setTimeout(() => r('HUNG'), 6000))])`;

export interface FirefoxProbe extends ProbePage {
  firefox: () => FirefoxSession;
  sides: () => { guarded: ProbeSide; control: ProbeSide };
  /** Closes any tab a case opened, keeping the two of the suite. */
  closeOthers: () => Promise<void>;
}

/** Registers the suite's Firefox and servers (beforeAll/afterAll) and returns its helpers. */
/**
 * `pre`: the case file's page helpers, put before each case's code. Both go in a block of their own,
 * so that the case file's names may shadow the harness's (`fresh`, `U`).
 */
export function firefoxProbe(setup: { policy?: (serverUrl: string) => Promise<Policy>; pre?: string } = {}): FirefoxProbe {
  let firefox: FirefoxSession;
  let guarded: ProbeSide;
  let control: ProbeSide;
  let suiteTabs: Page[] = [];

  beforeAll(async () => {
    const [launched, server, controlServer, raw, controlRaw] = await Promise.all([startFirefox(), startCmsServer(), startCmsServer({ host: CONTROL_HOST, port: 0 }), startRawRecorder(), startRawRecorder()]);
    firefox = launched;
    const options = await firefox.openExtensionPage('options.html');
    await importPolicy(options.driver, await (setup.policy ?? (() => demoPolicy()))(server.url));
    await options.page.close();
    const [guardedTab, controlTab] = [await firefox.newTab(), await firefox.newTab()];
    suiteTabs = [guardedTab.page, controlTab.page];
    guarded = { driver: guardedTab.driver, server, raw };
    control = { driver: controlTab.driver, server: controlServer, raw: controlRaw };
  }, 120_000);

  afterAll(async () => {
    await firefox?.close();
    await Promise.all([guarded?.server.close(), control?.server.close(), guarded?.raw.close(), control?.raw.close()]);
  });

  const closeOthers = async () => {
    for (const p of await firefox.browser.pages()) if (!suiteTabs.includes(p) && !p.url().startsWith('moz-extension://')) await p.close().catch(() => undefined);
  };
  const sides = () => ({ guarded, control });
  return {
    ...probeHarness(sides, { script: (code, raw) => race(pageScript(`${HELPERS} { ${setup.pre ?? ''} ${code}\n}`, raw)), after: closeOthers }),
    firefox: () => firefox,
    sides,
    closeOthers,
  };
}
