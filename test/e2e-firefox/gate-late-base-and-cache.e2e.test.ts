/**
 * The twelfth probe's cases (test/e2e/late-base-and-cache-cases.ts) in Firefox: a <base> added or
 * changed right after a relative URL (an img's src, an <object>'s data, an <input type=image>'s src)
 * was judged, and what a Request carries into Cache.add/addAll besides its URL (a safelisted header,
 * a referrer under unsafe-url), in the page and in a worker. Each must deliver on the control host and
 * nothing carrying the ID with Precheck.
 */
import { describe, test } from 'vitest';
import { BASE_CASES, CLEAN_CASES, PRE, REQUEST_CASES } from '../e2e/late-base-and-cache-cases.ts';
import { firefoxProbe } from './firefox-probe-page.ts';

const { expectCleanArrives, expectDeliveredOnlyWithout } = firefoxProbe({ pre: PRE });

// Left out: the img and <input type=image> cases (Gecko takes their URL against the base of the moment
// src was set: the control host loads no picture under the later <base>).
const BASE_IN_FIREFOX = BASE_CASES.filter(([label]) => label.startsWith('<object data>'));
// Left out: the two referrer cases (Firefox sends no referrer naming the draft here even under
// unsafe-url: the control host gets none).
const REQUEST_IN_FIREFOX = REQUEST_CASES.filter(([label]) => !label.includes('referrer'));

describe('Firefox: a <base> that takes effect after a relative URL was judged', () => {
  test.each(BASE_IN_FIREFOX)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 87)), 60_000);
});

describe('Firefox: what a Request carries into Cache.add/addAll besides its URL', () => {
  test.each(REQUEST_IN_FIREFOX)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 88)), 60_000);
});

describe('Firefox: the CMS keeps working', () => {
  test.each(CLEAN_CASES)('%s', async (_label, code) => void (await expectCleanArrives(code)), 60_000);
});
