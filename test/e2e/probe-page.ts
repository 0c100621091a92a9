/**
 * The harness of the gate's probes kept as tests (gate-read-once, gate-built-ins): one browser with
 * Precheck, the guarded routes page on the demo CMS server, the same page on a control host Precheck
 * does not cover, and a raw recorder for what the recording server does not keep (headers, filenames,
 * STUN checks). Each case is page script; what arrived carrying the ID is what is asserted.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { EXTENSION_ID } from '../../wxt.config';
import { demoPolicy, installPolicy } from '../../lib/demo/demo-policy.ts';
import { launchBrowser, type Browser } from '../../lib/demo/browser.ts';
import { startCmsServer, type CmsServer } from '../../lib/demo/server.ts';
import { EXTENSION_DIR } from './extension-helpers.ts';
import { ID, openRoutes, ownDraft, writeDraft } from './gate-drive.ts';
import { startRawRecorder, type RawRecorder } from './raw-recorder.ts';

export interface ProbePage {
  /** `code` run on the guarded page: what carrying the ID arrived, how many requests arrived at all, and what the page saw. */
  onGuarded: (code: string) => Promise<{ carried: string[]; arrived: number; paths: string[]; outcome: string }>;
  /** `code` run on the control host, where Precheck does not run: what carrying the ID arrived, how many requests arrived at all, and what the page saw. */
  onControl: (code: string, draft: number) => Promise<{ carried: string[]; arrived: number; outcome: string }>;
  /** A request that is judged but clean must still arrive, and nothing carrying the ID. */
  expectCleanArrives: (code: string) => Promise<void>;
  /** Delivered without Precheck (the test can fail), nothing carrying the ID with it; the page's outcome is returned. */
  expectDeliveredOnlyWithout: (code: string, draft: number) => Promise<string>;
  /** For text the recorder cannot name (the draft without its ID): some request arrives without Precheck, none with it. */
  expectArrivesOnlyWithout: (code: string, draft: number) => Promise<void>;
}

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

const settle = () => new Promise((r) => setTimeout(r, 1500));

/** Registers the suite's browser and servers (beforeAll/afterAll) and returns its helpers. */
export function probePage(): ProbePage {
  let browser: Browser;
  let server: CmsServer;
  let control: CmsServer;
  // The control host has a page and a raw recorder of its own: a case runs on both hosts at once,
  // so the settling waits overlap (a case took ~4.5 s one host after the other).
  let raw: RawRecorder;
  let controlRaw: RawRecorder;
  let page: Page;
  let controlPage: Page;

  beforeAll(async () => {
    [browser, server, control, raw, controlRaw] = await Promise.all([
      launchBrowser({ extensionDir: EXTENSION_DIR }),
      startCmsServer(),
      startCmsServer({ host: '127.0.0.2', port: 0 }),
      startRawRecorder(),
      startRawRecorder(),
    ]);
    await installPolicy(browser.context, EXTENSION_ID, await demoPolicy());
    page = await browser.context.newPage();
    controlPage = await browser.context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([server?.close(), control?.close(), raw?.close(), controlRaw?.close()]);
  });

  /** What reached a recording server or its raw recorder carrying the ID since the marks. */
  const carrying = (on: CmsServer, onRaw: RawRecorder, since: number, t0: number): string[] => [
    ...on.carrying(ID, { since }).map((r) => `${r.method} ${r.url}`),
    ...onRaw.carrying(ID, t0),
  ];

  const onGuarded = async (code: string) => {
    await openRoutes(page, server);
    await writeDraft(page, ownDraft(81, true));
    const [since, t0] = [server.mark(), Date.now()];
    const outcome = await page.evaluate<string>(pageScript(code, raw));
    await settle();
    const sunk = server.requests({ since }).filter((r) => r.path.startsWith('/sink/ro/'));
    return { carried: carrying(server, raw, since, t0), arrived: sunk.length + raw.count(t0), paths: sunk.map((r) => r.url.slice(0, 80)), outcome };
  };
  const onControl = async (code: string, draft: number) => {
    await controlPage.goto(`${control.url}/routes/index.html`);
    await controlPage.waitForFunction('window.__routes && window.__routes.ready === true');
    await controlPage.evaluate(`window.__routes.setContent(${JSON.stringify(ownDraft(draft, true))})`);
    const [since, t0] = [control.mark(), Date.now()];
    const outcome = await controlPage.evaluate<string>(pageScript(code, controlRaw));
    await settle();
    const arrived = control.requests({ since }).filter((r) => r.path.startsWith('/sink/ro/')).length + controlRaw.count(t0);
    return { carried: carrying(control, controlRaw, since, t0), arrived, outcome };
  };
  return {
    onGuarded,
    onControl,
    expectCleanArrives: async (code) => {
      const guarded = await onGuarded(code);
      expect(guarded.carried, guarded.outcome).toEqual([]);
      expect(guarded.arrived, guarded.outcome).toBeGreaterThan(0);
    },
    expectDeliveredOnlyWithout: async (code, draft) => {
      const [without, guarded] = await Promise.all([onControl(code, draft), onGuarded(code)]);
      expect(without.carried.length, `control: ${without.outcome}`).toBeGreaterThan(0);
      expect(guarded.carried, guarded.outcome).toEqual([]);
      return guarded.outcome;
    },
    expectArrivesOnlyWithout: async (code, draft) => {
      const [without, guarded] = await Promise.all([onControl(code, draft), onGuarded(code)]);
      expect(without.arrived, `control: ${without.outcome}`).toBeGreaterThan(0);
      expect(guarded.arrived, `${guarded.outcome}: ${guarded.paths.join(' ')}`).toBe(0);
    },
  };
}
