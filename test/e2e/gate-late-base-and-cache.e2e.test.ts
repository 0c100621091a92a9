/**
 * The twelfth probe (2026-12-06, a helper in real Chromium), its cases of two kinds, each delivered
 * with the build before its fix: a <base> added or changed right after a relative URL was judged
 * against the base as it then was (an img's src, an <input type=image>'s, an <object>'s data), which
 * Chromium loads against the new base with the ID in its path; and what a Request carries into
 * Cache.add/addAll besides its URL (a safelisted Content-Language header with the ID, a referrer naming
 * the draft under unsafe-url), in the page and in a worker. A clean <base> and a clean cached Request
 * with a header keep working. This file re-run against the build of c4bb3ec (before the fixes,
 * 2026-12-06): the eight leak cases failed, the two clean ones passed.
 */
import { describe, test } from 'vitest';
import { probePage } from './probe-page.ts';
import { BASE_CASES, CLEAN_CASES, PRE, REQUEST_CASES } from './late-base-and-cache-cases.ts';

const { expectCleanArrives, expectDeliveredOnlyWithout } = probePage();

const page = (code: string) => PRE + code;

describe('a <base> that takes effect after a relative URL was judged', () => {
  test.each(BASE_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(page(code), 87)));
});

describe('what a Request carries into Cache.add/addAll besides its URL', () => {
  test.each(REQUEST_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(page(code), 88)));
});

describe('the CMS keeps working', () => {
  test.each(CLEAN_CASES)('%s', async (_label, code) => void (await expectCleanArrives(page(code))));
});
