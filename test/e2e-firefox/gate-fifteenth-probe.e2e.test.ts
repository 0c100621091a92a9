/**
 * The fifteenth probe's cases (test/e2e/fifteenth-probe-cases.ts: CMS submission code aimed at other
 * windows — jquery.form's iframe transport, DWZ, upload frames, 预览 into `_blank`, popups, FACEs,
 * `<input form>`, formaction/formtarget, Enter) in Firefox, where the page's submit and formdata
 * events, new windows and frames are Gecko's: each must deliver on the control host and nothing
 * carrying the ID, or naming unsigned item 43, with Precheck; and signed 42 (signed off on
 * PublicCMS's own page, driven in Firefox) must still arrive the same ways.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import {
  CLEAN_CASES,
  DRAFT_CASES,
  ENTER_SETUP,
  FACE,
  ITEM_CASES,
  ITEM_CLICK_CASES,
  ITEM_ENTER_CODE,
  JQUERY_FORM,
  PRE,
  SIGNED_CLICK_CASES,
  clickDwz,
  enterOn,
  fifteenthPolicy,
  listProbe,
  signItem42,
} from '../e2e/fifteenth-probe-cases.ts';
import { firefoxProbe } from './firefox-probe-page.ts';

const probe = firefoxProbe({ policy: fifteenthPolicy });
const { expectDeliveredOnlyWithout, expectCleanArrives } = probe;
const { expectItemOnlyWithout, expectSignedArrives } = listProbe(probe.sides);

describe('Firefox: the draft with an ID sent by CMS code into another window: arrives without Precheck, never with it', () => {
  test.each(DRAFT_CASES)('%s', async (_l, body) => void (await expectDeliveredOnlyWithout(PRE + JQUERY_FORM + body)), 60_000);
});

describe('Firefox: Enter in a form aimed at another window', () => {
  test('Enter in a title input of a form holding the draft, aimed at a fresh frame', async () => {
    expect((await enterOn(probe.sides().control, ENTER_SETUP, false)).length).toBeGreaterThan(0);
    expect(await enterOn(probe.sides().guarded, ENTER_SETUP, true)).toEqual([]);
    await probe.closeOthers();
  }, 60_000);
});

describe('Firefox: the CMS keeps working: clean submissions into other windows', () => {
  test.each(CLEAN_CASES)('%s', async (_l, body) => void (await expectCleanArrives(PRE + JQUERY_FORM + FACE + body)), 60_000);
});

describe('Firefox: PublicCMS 待审核: an unsigned item (43) named by CMS code aimed at another window', () => {
  test.each(ITEM_CLICK_CASES)('%s', async (_l, code) => {
    await expectItemOnlyWithout(code, '43', clickDwz);
    await probe.closeOthers();
  }, 60_000);
  test.each(ITEM_CASES)('%s', async (_l, code) => {
    await expectItemOnlyWithout(code);
    await probe.closeOthers();
  }, 60_000);
  test('Enter in a text input of the DWZ form naming 43 in its action', async () => {
    await expectItemOnlyWithout(ITEM_ENTER_CODE, '43', (on) => on.driver.press('Enter'));
  }, 60_000);
});

describe('Firefox: PublicCMS 待审核: signed 42 still reaches the CMS from the same code', () => {
  beforeAll(async () => {
    const tab = await probe.firefox().newTab();
    await signItem42(tab.driver, probe.sides().guarded.server);
    await tab.page.close();
  }, 90_000);

  test.each(SIGNED_CLICK_CASES)('%s', async (_l, code) => {
    await expectSignedArrives(code, clickDwz);
    await probe.closeOthers();
  }, 60_000);
});
