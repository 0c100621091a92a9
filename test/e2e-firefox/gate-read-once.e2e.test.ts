/**
 * gate-read-once's cases (the eighth and ninth probes; test/e2e/read-once-cases.ts) in Firefox: what a
 * hook judged and the browser read again (the clean version must arrive, nothing carrying the ID),
 * what was not read at all, the platform's built-ins replaced after load, a service worker's port and
 * buffer, and a submission's entry list changed by page listeners after the judge. Each leak case must
 * deliver on the control host and nothing carrying the ID with Precheck.
 */
import { describe, expect, test } from 'vitest';
import { AT_THE_HOOKS, BUILT_INS, LATE_LISTENERS, NOT_READ, READ_ONCE, SW_OWN_PORT_CLEAN, SW_PORT_CODE, SW_UNTRACKED_PORTS } from '../e2e/read-once-cases.ts';
import { firefoxProbe } from './firefox-probe-page.ts';

const probe = firefoxProbe();
const { expectCleanArrives, expectDeliveredOnlyWithout, onControl, onGuarded } = probe;

// Left out of NOT_READ, none of them delivers on the control host: WebSocketStream subprotocols (Firefox
// has no WebSocketStream), an iframe's csp attribute (Sec-Required-CSP is Chromium's: Firefox sends no
// such header), WebRTC ICE credentials (no STUN check reaches the recorder: Firefox does not check a
// loopback candidate by default).
// Also left out: a custom property's string used by image-set(var()) — in the clean-clone CI run of
// 26a3012 (four browsers on two cores) Firefox's control host fetched nothing within the settle, where
// it had delivered in every run before: a row whose control may not deliver proves nothing there.
const NOT_READ_IN_FIREFOX = NOT_READ.filter(([label]) => !/^(WebSocketStream|an iframe's csp|WebRTC|a custom property's string used by image-set)/.test(label));

describe('Firefox: read once: the browser sends the copy that was judged', () => {
  test.each(READ_ONCE)('%s: the clean version arrives, nothing carrying the ID', async (_label, code) => expectCleanArrives(code), 60_000);
});

describe('Firefox: not read before: delivered without Precheck, refused with it', () => {
  test.each(NOT_READ_IN_FIREFOX)('%s', async (_label, code) => {
    expect(await expectDeliveredOnlyWithout(code, 82)).toMatch(/预检/);
  }, 60_000);
});

describe("Firefox: the page's built-ins replaced after load", () => {
  test.each(AT_THE_HOOKS)('%s: the clean version arrives, nothing carrying the ID', async (_label, code) => expectCleanArrives(code), 60_000);
  test.each(BUILT_INS)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 83)), 60_000);
});

describe('Firefox: a service worker message is cloned once by the guard: ports and buffers still move', () => {
  test('a port handed to the worker with a clean message moves (the worker posts), and the page’s other end refuses the draft', async () => {
    const guarded = await onGuarded(SW_PORT_CODE);
    expect(guarded.outcome).toBe('ok: true moved SecurityError');
    expect(guarded.carried).toEqual([]);
    expect(guarded.arrived).toBe(1);
  }, 60_000);
  test.each(SW_UNTRACKED_PORTS)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 85)), 60_000);
  test("the page's own channel to the worker: a clean message down it arrives", () => expectCleanArrives(SW_OWN_PORT_CLEAN), 60_000);
});

describe('Firefox: a submission aimed at another window: the page changes its entry list after the judge', () => {
  test.each(LATE_LISTENERS)('%s: delivered without Precheck; with it the form leaves empty', async (_label, code) => {
    const without = await onControl(code, 84);
    await probe.closeOthers();
    expect(without.carried.length, `control: ${without.outcome}`).toBeGreaterThan(0);
    const guarded = await onGuarded(code);
    await probe.closeOthers();
    expect(guarded.carried, guarded.outcome).toEqual([]);
    expect(guarded.arrived, guarded.outcome).toBe(1);
  }, 60_000);
});
