/**
 * gate-late-changes' cases (test/e2e/late-changes-cases.ts) in Firefox: a link's href or a form's
 * action swapped by the page's own listeners, or a POST whose action carries the draft, aimed at a
 * fresh frame or a new window. Each must arrive on the control host and not with Precheck.
 */
import { describe, test } from 'vitest';
import { CLEAN_CASES, LATE_CASES, LINK, PERSON_CLEAN_CASES, PERSON_CLICK_CASES, PRE, clickLink } from '../e2e/late-changes-cases.ts';
import { firefoxProbe } from './firefox-probe-page.ts';

const { expectArrivesOnlyWithout, expectCleanArrives } = firefoxProbe({ pre: PRE });

describe('Firefox: an address changed by the page\'s own listeners, or carrying the draft, aimed at another window', () => {
  test.each(LATE_CASES)('%s: arrives without Precheck, never with it', async (_l, body) => void (await expectArrivesOnlyWithout(body, 81)), 60_000);
});

describe('Firefox: a person\'s click whose link a listener the gate cannot follow aims elsewhere', () => {
  test.each(PERSON_CLICK_CASES)('%s: arrives without Precheck, never with it', async (_l, body) => void (await expectArrivesOnlyWithout(LINK + body, 81, clickLink)), 60_000);
});

describe('Firefox: the CMS keeps working', () => {
  test.each(CLEAN_CASES)('%s', async (_l, body) => void (await expectCleanArrives(body)), 60_000);
  test.each(PERSON_CLEAN_CASES)('%s', async (_l, body) => void (await expectCleanArrives(LINK + body, clickLink)), 60_000);
});
