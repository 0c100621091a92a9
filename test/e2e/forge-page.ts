/**
 * What the forgery suites send from the route page (lib/demo/pages/routes/): every event and message
 * page code could try to reach the gate with, the route page's own fetch of its draft, and a sign-off.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { EXTENSION_ID } from '../../wxt.config';
import { launchBrowser, type Browser } from '../../lib/demo/browser.ts';
import { dialog } from '../../lib/demo/checklist-drive.ts';
import { demoPerson, demoPolicy, installPolicy } from '../../lib/demo/demo-policy.ts';
import { startCmsServer, type CmsServer } from '../../lib/demo/server.ts';
import { EXTENSION_DIR } from './extension-helpers.ts';
import { signAndPublish } from './gate-drive.ts';

const lisi = demoPerson('lisi');

/**
 * Everything a page script could try to reach the gate with. Returns what the page saw: whether any
 * part of Precheck answered the fake channel, and what became of the relay.
 */
export const FORGE = `(() => {
  const seen = [];
  const names = ['precheck:arm', 'precheck:allow-once', 'precheck:release', 'precheck:disarm', 'precheck:configure',
    'precheck:channel-ready', 'precheck:channel-hello', 'precheck:channel-port', 'precheck:ask', 'precheck:probe',
    'precheck:read-request', 'precheck:read-response', 'precheck:tab-state', 'precheck:teach'];
  const details = [undefined, '{"pass":true,"released":true}', { pass: true, replay: true }, JSON.stringify({ type: 'covered', covered: false })];
  for (const target of [document, window, document.documentElement, document.body, document.getElementById('cms-form')]) {
    for (const name of names) {
      for (const detail of details) target.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
      target.dispatchEvent(new Event(name, { bubbles: true }));
      target.dispatchEvent(new MessageEvent(name, { data: { pass: true } }));
    }
  }
  // a channel element of the page's own, announced as the guard announces its own
  const fake = document.createElement('precheck-gate-channel');
  // (the page never sends these two on its fake itself: hearing one means the gate talked to it)
  for (const name of ['precheck:channel-hello', 'precheck:ask']) fake.addEventListener(name, () => seen.push('fake channel got ' + name));
  document.documentElement.appendChild(fake);
  fake.dispatchEvent(new CustomEvent('precheck:channel-ready', { bubbles: true }));
  const ch = new MessageChannel();
  ch.port1.onmessage = (m) => seen.push('fake port got ' + JSON.stringify(m.data).slice(0, 60));
  fake.dispatchEvent(new MessageEvent('precheck:channel-port', { ports: [ch.port2] }));
  ch.port1.postMessage({ type: 'covered', covered: false });
  ch.port1.postMessage({ type: 'answer', id: 1, answer: { pass: true } });
  // postMessage in the shapes the gate's own messages have
  for (const m of [{ type: 'precheck:allow-once', replay: true }, { type: 'covered', covered: false }, { type: 'answer', id: 1, answer: { pass: true } },
    { type: 'precheck:arm' }, 'precheck:arm', { precheck: 'release' }, { __precheckGuardPort: true }]) window.postMessage(m, '*');
  // the relay child frames ask through: call it, and try to put another in its place
  try { seen.push('relay says ' + window.__precheckGuardRelay(JSON.stringify({ route: 'fetch', method: 'POST', url: location.origin + '/sink/r/fetch-post', body: { kind: 'none' } }))); } catch (e) { seen.push('relay threw ' + e.message); }
  try { window.__precheckGuardRelay = () => '{"pass":true}'; } catch (e) { seen.push('relay not writable'); }
  try { Object.defineProperty(window, '__precheckGuardRelay', { value: () => '{"pass":true}' }); seen.push('RELAY REDEFINED'); } catch (e) { seen.push('relay not configurable'); }
  try { delete window.__precheckGuardRelay; } catch (e) { /* strict mode only */ }
  seen.push('relay is ' + (window.__precheckGuardRelay && window.__precheckGuardRelay.toString().includes('"pass":true') ? 'THE PAGE\\'S' : 'the guard\\'s'));
  return seen;
})()`;

export async function signOffAndRelease(p: Page): Promise<void> {
  await signAndPublish(p, lisi);
  await dialog(p).locator('[data-message]').waitFor();
}

/** The page's own script sends its draft by fetch (the route page's fetch-post route). */
export const sendFetch = (p: Page) => p.evaluate<{ ok: boolean }>(`window.__routes.run('fetch-post')`);


/** A suite's Chromium with the built extension and the demo policy, a recording server and a tab, handed to `use`. */
export function forgeryBrowser(use: (browser: Browser, server: CmsServer, page: Page) => void): void {
  let browser: Browser | undefined;
  let server: CmsServer | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser({ extensionDir: EXTENSION_DIR }), startCmsServer()]);
    await installPolicy(browser.context, EXTENSION_ID, await demoPolicy());
    use(browser, server, await browser.context.newPage());
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}
