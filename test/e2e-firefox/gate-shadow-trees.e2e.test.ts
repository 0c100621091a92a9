/**
 * gate-shadow-trees' cases (test/e2e/shadow-trees-cases.ts) in Firefox: a shadow tree's form (its
 * submit and formdata events not composed), SVG links (`href` an SVGAnimatedString, or `xlink:href`)
 * and links in shadow roots, aimed at a fresh frame or a new window. Each must deliver on the control
 * host and not with Precheck.
 */
import { describe, test } from 'vitest';
import { CLEAN_CASES, LINK_CASES, PARSED_CLOSED, PERSON_CLEAN_CASES, PERSON_FORM_CASES, PERSON_LINK_CASES, PRE, SHADOW_FORM_CASES, clickHost } from '../e2e/shadow-trees-cases.ts';
import { firefoxProbe } from './firefox-probe-page.ts';

const { expectArrivesOnlyWithout, expectCleanArrives, expectDeliveredOnlyWithout } = firefoxProbe({ pre: PRE });

describe('Firefox: a shadow tree\'s form aimed at another window, the draft in it', () => {
  test.each(SHADOW_FORM_CASES)('%s: delivered without Precheck, never with it', async (_label, body) => void (await expectDeliveredOnlyWithout(body, 81)), 60_000);
});

describe('Firefox: links the window\'s click listener did not read, carrying the draft (its ID taken out)', () => {
  test.each(LINK_CASES)('%s: arrives without Precheck, never with it', async (_label, body) => void (await expectArrivesOnlyWithout(body, 81)), 60_000);
});

describe('Firefox: a person\'s click inside a closed root the parser made (no page code reaches it)', () => {
  test.each(PERSON_FORM_CASES)('%s: delivered without Precheck, never with it', async (_label, body) => void (await expectDeliveredOnlyWithout(PARSED_CLOSED + body, 81, clickHost)), 60_000);
  test.each(PERSON_LINK_CASES)('%s: arrives without Precheck, never with it', async (_label, body) => void (await expectArrivesOnlyWithout(PARSED_CLOSED + body, 81, clickHost)), 60_000);
});

describe('Firefox: the CMS keeps working', () => {
  test.each(CLEAN_CASES)('%s', async (_label, body) => void (await expectCleanArrives(body)), 60_000);
  test.each(PERSON_CLEAN_CASES)('%s', async (_label, body) => void (await expectCleanArrives(PARSED_CLOSED + body, clickHost)), 60_000);
});
