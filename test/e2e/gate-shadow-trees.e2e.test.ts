/**
 * Forms and links the window's listeners do not see as they are (2026-12-06, found by reading the
 * isolated world's link test): a form's `submit` and `formdata` events stay inside a shadow tree, and a
 * click's target at the window is the shadow tree's host; an SVG `<a>` has no string `href` (an
 * SVGAnimatedString), and one with only `xlink:href` matched no `a[href]`. Aimed at a fresh frame or a
 * new window — where no navigate event judges them —, each left with the draft with 080caeb's build:
 * a shadow tree's form with the ID, and links carrying the draft without its ID (a link's URL with the
 * ID is refused by the browser's navigation rule already). The MAIN-world guard now tells the isolated
 * world every shadow root page code attaches or reaches (hooks/shadow-roots.ts), whose listeners go in
 * first, and links are read by attribute (lib/intercept/link-href.ts).
 */
import { describe, test } from 'vitest';
import { probePage } from './probe-page.ts';
import { CLEAN_CASES, LINK_CASES, PARSED_CLOSED, PERSON_CLEAN_CASES, PERSON_FORM_CASES, PERSON_LINK_CASES, PRE, SHADOW_FORM_CASES, clickHost } from './shadow-trees-cases.ts';

const { expectArrivesOnlyWithout, expectCleanArrives, expectDeliveredOnlyWithout } = probePage();
const code = (body: string) => PRE + body;

describe('a shadow tree\'s form aimed at another window, the draft in it', () => {
  test.each(SHADOW_FORM_CASES)('%s: delivered without Precheck, never with it', async (_label, body) => void (await expectDeliveredOnlyWithout(code(body), 81)));
});

describe('links the window\'s click listener did not read, carrying the draft (its ID taken out)', () => {
  test.each(LINK_CASES)('%s: arrives without Precheck, never with it', async (_label, body) => void (await expectArrivesOnlyWithout(code(body), 81)));
});

describe('a person\'s click inside a closed root the parser made (no page code reaches it)', () => {
  test.each(PERSON_FORM_CASES)('%s: delivered without Precheck, never with it', async (_label, body) => void (await expectDeliveredOnlyWithout(code(PARSED_CLOSED + body), 81, clickHost)));
  test.each(PERSON_LINK_CASES)('%s: arrives without Precheck, never with it', async (_label, body) => void (await expectArrivesOnlyWithout(code(PARSED_CLOSED + body), 81, clickHost)));
});

describe('the CMS keeps working', () => {
  test.each(CLEAN_CASES)('%s', async (_label, body) => void (await expectCleanArrives(code(body))));
  test.each(PERSON_CLEAN_CASES)('%s', async (_label, body) => void (await expectCleanArrives(code(PARSED_CLOSED + body), clickHost)));
});
