/**
 * Targets the isolated world takes for its own window, where a navigate event will judge the
 * submission, while the browser sends it elsewhere. A `<base target>` naming a fresh frame: a form or
 * a link with no target of its own loads in that frame, which gets no navigate event while it is on
 * its initial about:blank (delivered the draft by requestSubmit() with 5650417's build). A target with
 * a blank around `_self` or the window's name: the browser does not trim it and opens a new window
 * (delivered it with 10190d9's build, whose own-window test trimmed).
 */
import { describe, test } from 'vitest';
import { BASE_PRE, BASE_TARGET_CASES, BASE_TARGET_CLEAN, FORM_PRE, UNTRIMMED_CASES } from './own-window-targets-cases.ts';
import { probePage } from './probe-page.ts';

const { expectCleanArrives, expectDeliveredOnlyWithout } = probePage();

describe('a target the browser does not trim: a new window', () => {
  test.each(UNTRIMMED_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(FORM_PRE + code, 81)));
});

describe('a <base target> naming a fresh frame', () => {
  test.each(BASE_TARGET_CASES)('%s', async (_label, code) => void (await expectDeliveredOnlyWithout(BASE_PRE + code, 81)));
  test.each(BASE_TARGET_CLEAN)('%s', async (_label, code) => void (await expectCleanArrives(BASE_PRE + code)));
});
