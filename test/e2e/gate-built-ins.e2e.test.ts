/**
 * The tenth probe (2026-12-05), kept as a test: page code that, after load, replaces or adds one of
 * JavaScript's own built-ins the guard used while deciding — where the ninth probe
 * (gate-read-once.e2e.test.ts) replaced the platform's and Reflect.apply. The guard runs in the page's
 * realm: a replaced `Promise.prototype.then` handed it an answer that passed, a `push` that does
 * nothing or an iterator that ends at once left a form without fields, an `Object.prototype.toJSON`
 * rewrote the question a sync request asked, an `Object.prototype.then` made the answer a thenable the
 * page resolved, `MessageEvent`'s `data` getter rewrote the answer itself, and a replaced
 * `URL.createObjectURL` aimed the refused request somewhere of the page's choosing. Without Precheck
 * (the control host) each delivers the ID; with the build before lib/realm/intrinsics.ts every one of
 * the first twelve delivered it with Precheck too (checked by building 38d24c5), and the four after
 * them — a replaced `toLowerCase` or array iterator that made setAttribute judge nothing, a replaced
 * `TextDecoder.prototype.decode`, document.write's 65th argument read twice — with the build after
 * the first fix (b177628); now none does. Each page script restores what it replaced (the next case
 * loads the page afresh anyway). The rows of ./built-ins-rows/ go at what the gate's shared modules
 * (markup, CSS, blob: and javascript: URLs) and the worker and hooks asked in the page; each failed
 * with b177628 too. Rows that did not leak before were left out (a blob: document marked
 * judged through `Object.prototype.judge` is still judged when a frame loads it; UTF-16 bytes are not
 * what the recording server can tell carries the ID).
 */
import { describe, test } from 'vitest';
import { probePage } from './probe-page.ts';
import { AT_THE_HOOKS, REPLACED } from './built-ins-cases.ts';
import { GATE_REPLACED } from './built-ins-rows/gate.ts';
import { HOOKS_REPLACED } from './built-ins-rows/hooks.ts';
import { WORKER_REPLACED, WORKER_UNGUARDED } from './built-ins-rows/worker.ts';

const { expectCleanArrives, expectDeliveredOnlyWithout } = probePage();

describe("the page's JavaScript built-ins replaced after load", () => {
  test.each(REPLACED)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 84)));
  test.each(AT_THE_HOOKS)('%s: the clean version arrives, nothing carrying the ID', async (_label, code) => expectCleanArrives(code));
});

describe("built-ins the gate's shared modules used in the page (lib/gate/**)", () => {
  test.each(GATE_REPLACED)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 85)));
});

describe('built-ins the sockets, peer, style-text and meta-refresh hooks used', () => {
  test.each(HOOKS_REPLACED)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 86)));
});

describe('built-ins a worker and its prelude used, and the ways around the worker guard', () => {
  test.each([...WORKER_REPLACED, ...WORKER_UNGUARDED])('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 87)));
});
