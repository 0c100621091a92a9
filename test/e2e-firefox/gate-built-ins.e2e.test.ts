/**
 * The tenth probe's cases (test/e2e/built-ins-cases.ts and the rows of test/e2e/built-ins-rows/) in
 * Firefox: page code that replaces, after load, one of JavaScript's own built-ins the guard used while
 * deciding — in the page's hooks, the gate's shared modules, the sockets, peer, style-text and
 * meta-refresh hooks, and a worker and its prelude. Each must deliver on the control host and nothing
 * carrying the ID with Precheck (the ones aimed at the hooks: the clean version arrives).
 */
import { describe, test } from 'vitest';
import { AT_THE_HOOKS, REPLACED } from '../e2e/built-ins-cases.ts';
import { GATE_REPLACED } from '../e2e/built-ins-rows/gate.ts';
import { HOOKS_REPLACED } from '../e2e/built-ins-rows/hooks.ts';
import { WORKER_REPLACED, WORKER_UNGUARDED } from '../e2e/built-ins-rows/worker.ts';
import { firefoxProbe } from './firefox-probe-page.ts';

const { expectCleanArrives, expectDeliveredOnlyWithout } = firefoxProbe();

// Left out of HOOKS_REPLACED, neither delivers on the control host: the WebSocketStream writer (Firefox
// has no WebSocketStream) and the ICE ufrag in STUN checks (no STUN check reaches the recorder: Firefox
// does not check a loopback candidate by default).
const HOOKS_IN_FIREFOX = HOOKS_REPLACED.filter(([label]) => !label.includes('WebSocketStream') && !label.includes('STUN checks'));

describe("Firefox: the page's JavaScript built-ins replaced after load", () => {
  test.each(REPLACED)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 84)), 60_000);
  test.each(AT_THE_HOOKS)('%s: the clean version arrives, nothing carrying the ID', async (_label, code) => expectCleanArrives(code), 60_000);
});

describe("Firefox: built-ins the gate's shared modules used in the page (lib/gate/**)", () => {
  test.each(GATE_REPLACED)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 85)), 60_000);
});

describe('Firefox: built-ins the sockets, peer, style-text and meta-refresh hooks used', () => {
  test.each(HOOKS_IN_FIREFOX)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 86)), 60_000);
});

describe('Firefox: built-ins a worker and its prelude used, and the ways around the worker guard', () => {
  test.each([...WORKER_REPLACED, ...WORKER_UNGUARDED])('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 87)), 60_000);
});
