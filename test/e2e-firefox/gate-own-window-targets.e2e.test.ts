/**
 * gate-own-window-targets' cases (test/e2e/own-window-targets-cases.ts) in Firefox: a target with a
 * blank around `_self` or the window's name, and a `<base target>` naming a fresh frame, where the
 * browser sends the submission or the link elsewhere than the page's own window. Each must deliver on
 * the control host and nothing carrying the ID with Precheck.
 */
import { describe, test } from 'vitest';
import { BASE_PRE, BASE_TARGET_CASES, BASE_TARGET_CLEAN, FORM_PRE, UNTRIMMED_CASES } from '../e2e/own-window-targets-cases.ts';
import { firefoxProbe } from './firefox-probe-page.ts';

const { expectCleanArrives, expectDeliveredOnlyWithout } = firefoxProbe();

describe('Firefox: a target the browser does not trim: a new window', () => {
  test.each(UNTRIMMED_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(FORM_PRE + code, 81)), 60_000);
});

describe('Firefox: a <base target> naming a fresh frame', () => {
  test.each(BASE_TARGET_CASES)('%s', async (_label, code) => void (await expectDeliveredOnlyWithout(BASE_PRE + code, 81)), 60_000);
  test.each(BASE_TARGET_CLEAN)('%s', async (_label, code) => void (await expectCleanArrives(BASE_PRE + code)), 60_000);
});
