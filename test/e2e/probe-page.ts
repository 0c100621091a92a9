/**
 * The harness of the gate's probes kept as tests (gate-read-once, gate-built-ins): one browser with
 * Precheck, the guarded routes page on the demo CMS server, the same page on a control host Precheck
 * does not cover, and a raw recorder for what the recording server does not keep (headers, filenames,
 * STUN checks). Each case is page script; what arrived carrying the ID is what is asserted
 * (probe-harness.ts, which Firefox's probe shares).
 */
export type { ProbePage } from './probe-harness.ts';
import { afterAll, beforeAll } from 'vitest';
import type { Policy } from '../../lib/policy/schema';
import { EXTENSION_ID } from '../../wxt.config';
import { demoPolicy, installPolicy } from '../../lib/demo/demo-policy.ts';
import { launchBrowser, newWindowPage, type Browser } from '../../lib/demo/browser.ts';
import { startCmsServer } from '../../lib/demo/server.ts';
import { EXTENSION_DIR } from './extension-helpers.ts';
import { ID } from './gate-drive.ts';
import { probeHarness, type ProbePage, type ProbeSide } from './probe-harness.ts';
import { playwrightDriver } from '../../lib/demo/playwright-driver.ts';
import { startRawRecorder, type RawRecorder } from './raw-recorder.ts';


/**
 * Page script: `draft` (the editor's text, with the ID), `sink(name)` (the page's own recording
 * server), `RAW` and `UDP_PORT` (the raw recorder), `flip(clean, other)` (an object whose first
 * string is `clean` and every later one `other`), `inWorker(code)` (the same names inside a worker the
 * page starts; its outcome comes back as the promise's value). Firefox's probe uses it too
 * (test/e2e-firefox/gate-firefox-probe.e2e.test.ts).
 */
export function pageScript(code: string, raw: Pick<RawRecorder, 'url' | 'udpPort'>): string {
  return `(async () => {
    const draft = window.__routes.getContent();
    const ID = ${JSON.stringify(ID)};
    const sink = (n) => location.origin + '/sink/ro/' + n;
    const RAW = ${JSON.stringify(raw.url)};
    const UDP_PORT = ${raw.udpPort};
    const flip = (clean, other) => { let n = 0; return { toString: () => (n++ ? other : clean) }; };
    const inWorker = (code) => new Promise((resolve) => {
      const src = 'const ID = ' + JSON.stringify(ID) + '; const draft = ' + JSON.stringify(draft) + '; const RAW = ' + JSON.stringify(RAW) + ';'
        + 'const sink = (n) => ' + JSON.stringify(location.origin + '/sink/ro/') + ' + n;'
        + '(async () => { ' + code + ' })().then(() => postMessage("ok"), (e) => postMessage("threw: " + ((e && e.message) || e)));';
      const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
      w.onmessage = (e) => resolve(e.data);
      w.onerror = (e) => resolve('error: ' + e.message);
    });
    try { return 'ok: ' + String(await (async () => { ${code} })()); } catch (e) { return 'threw: ' + String((e && e.message) || e); }
  })()`;
}

/** What a suite adds to the probe: the policy installed (given the guarded server's URL). */
export interface ProbeSetup {
  policy?: (serverUrl: string) => Promise<Policy>;
}

/**
 * Registers the suite's browser and servers (beforeAll/afterAll) and returns its helpers, with the
 * browser and the two hosts for a suite's own steps (once beforeAll has run).
 */
export function probePage(setup: ProbeSetup = {}): ProbePage & { browser: () => Browser; sides: () => { guarded: ProbeSide; control: ProbeSide } } {
  let browser: Browser;
  // The control host has a page and a raw recorder of its own: a case runs on both hosts at once,
  // so the settling waits overlap (a case took ~4.5 s one host after the other).
  let guarded: ProbeSide;
  let control: ProbeSide;

  beforeAll(async () => {
    const [launched, server, controlServer, raw, controlRaw] = await Promise.all([
      launchBrowser({ extensionDir: EXTENSION_DIR }),
      startCmsServer(),
      startCmsServer({ host: '127.0.0.2', port: 0 }),
      startRawRecorder(),
      startRawRecorder(),
    ]);
    browser = launched;
    await installPolicy(browser.context, EXTENSION_ID, await (setup.policy ?? (() => demoPolicy()))(server.url));
    guarded = { driver: playwrightDriver(await browser.context.newPage()), server, raw };
    // a window of its own: both hosts' pages are shown, as each is driven at the same time
    control = { driver: playwrightDriver(await newWindowPage(browser.context)), server: controlServer, raw: controlRaw };
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([guarded?.server.close(), control?.server.close(), guarded?.raw.close(), control?.raw.close()]);
  });

  const sides = () => ({ guarded, control });
  return { ...probeHarness(sides, { script: pageScript }), browser: () => browser, sides };
}
