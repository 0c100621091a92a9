/**
 * The fourteenth probe's cases (test/e2e/fourteenth-probe-cases.ts) in Firefox: a request's method
 * and a header's name, a close frame's reason, link activations by clicks the page dispatched without
 * `cancelable` and SVG or shadow-root links, forms in shadow roots, and xml-stylesheet processing
 * instructions in a blob: SVG frame. Each must deliver on the control host and nothing carrying the ID
 * with Precheck.
 */
import { describe, test } from 'vitest';
import { CLEAN_CASES, CLOSE_CASES, LINK_CASES, PI_CASES, PRE, SHADOW_FORM_CASES, TOKEN_CASES } from '../e2e/fourteenth-probe-cases.ts';
import { firefoxProbe } from './firefox-probe-page.ts';

const { expectCleanArrives, expectDeliveredOnlyWithout } = firefoxProbe({ pre: PRE });
const without = (cases: [string, string][], out: string[]) => cases.filter(([label]) => !out.includes(label));

// Left out: fetchLater (Firefox has none: "fetchLater is not defined" on the control host).
const TOKEN_IN_FIREFOX = without(TOKEN_CASES, ['fetchLater with the ID as its method']);
// Left out: the three WebSocketStream cases (Firefox has no WebSocketStream or WebSocketError).
const CLOSE_IN_FIREFOX = CLOSE_CASES.filter(([label]) => !label.includes('WebSocketStream'));
// Left out: the four ping cases (Firefox sends no pings, browser.send_pings being off: the control host gets nothing).
const LINK_IN_FIREFOX = LINK_CASES.filter(([, code]) => !code.includes('a.ping') && !code.includes(' ping="'));
// Left out: the ID appended by appendData (Gecko reloads an xml-stylesheet's sheet when its data is set, not on appendData: nothing loads on the control host).
const PI_IN_FIREFOX = without(PI_CASES, ['the same, the ID appended (appendData)']);

describe('Firefox: a method and a header name', () => {
  test.each(TOKEN_IN_FIREFOX)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 95)), 60_000);
});

describe("Firefox: a socket's close reason", () => {
  test.each(CLOSE_IN_FIREFOX)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 96)), 60_000);
});

describe('Firefox: a link activation', () => {
  test.each(LINK_IN_FIREFOX)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 97)), 60_000);
});

describe('Firefox: a form in a shadow root', () => {
  test.each(SHADOW_FORM_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 99)), 60_000);
});

describe('Firefox: an xml-stylesheet processing instruction', () => {
  test.each(PI_IN_FIREFOX)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 98)), 60_000);
});

describe('Firefox: the CMS keeps working', () => {
  test.each(CLEAN_CASES)('%s', async (_label, code) => void (await expectCleanArrives(code)), 60_000);
});
