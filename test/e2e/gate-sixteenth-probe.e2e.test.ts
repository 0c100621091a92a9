/**
 * Sixteenth probe (2026-12-06): see sixteenth-probe-cases.ts. (Header filled in with the findings.)
 */
import { describe, expect, test } from 'vitest';
import { fifteenthPolicy } from './fifteenth-probe-cases.ts';
import { CLEAN_TRUSTED, DEDE_CASES, ID_CASES, PBOOT_CASES, PRE, TRUSTED_CASES, WORDS_CASES, expectTrustedCleanArrives, expectTrustedOnlyWithout, onDedeAdd, onPbootList } from './sixteenth-probe-cases.ts';
import { probePage } from './probe-page.ts';

const probe = probePage({ policy: fifteenthPolicy });
const { expectDeliveredOnlyWithout, expectArrivesOnlyWithout } = probe;

describe('the draft with its ID, by page script: arrives without Precheck, never with it', () => {
  test.each(ID_CASES)('%s', async (_l, body) => void (await expectDeliveredOnlyWithout(PRE + body)));
});

describe("the draft's words in an address, by page script: arrive without Precheck, never with it", () => {
  test.each(WORDS_CASES)('%s', async (_l, body) => void (await expectArrivesOnlyWithout(PRE + body, 81)));
});

describe('a person at the keyboard or mouse: where it goes is decided by the event, not by the target', () => {
  test.each(TRUSTED_CASES.map((c) => [c.label, c] as const))('%s', async (_l, c) => void (await expectTrustedOnlyWithout(probe.browser().context, probe.sides(), c)));
});

describe('the CMS keeps working: clean things the same ways', () => {
  test.each(CLEAN_TRUSTED.map((c) => [c.label, c] as const))('%s', async (_l, c) => void (await expectTrustedCleanArrives(probe.browser().context, probe.sides().guarded, c)));
});

describe('PbootCMS 内容列表 (shipped adapter): unsigned 43 switched on (点击开启, a GET link) arrives without Precheck, never with it', () => {
  test.each(PBOOT_CASES)('%s', async (_l, act) => {
    const without = await onPbootList(probe.browser().context, probe.sides().control, act, false);
    expect(without.ids, `control: ${without.outcome}`).toContain('43');
    const withIt = await onPbootList(probe.browser().context, probe.sides().guarded, act, true);
    expect(withIt.ids, withIt.outcome).not.toContain('43');
  });
});

describe('DedeCMS 5.7 发布文章 (shipped adapter): the draft with an ID by its own 确定 image button arrives without Precheck, never with it', () => {
  test.each(DEDE_CASES)('%s', async (_l, act) => {
    const without = await onDedeAdd(probe.browser().context, probe.sides().control, act, false);
    expect(without.carried.length, `control: ${without.outcome}`).toBeGreaterThan(0);
    const withIt = await onDedeAdd(probe.browser().context, probe.sides().guarded, act, true);
    expect(withIt.carried, withIt.outcome).toEqual([]);
  });
});
