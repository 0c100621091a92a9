/**
 * Sixteenth probe (2026-12-06, a helper in real Chromium, build of 0655ada): where a submission or a
 * link goes decided by the EVENT that activates it rather than by its target — Chromium opens a link
 * or a form's POST in a new tab or window for a shift/ctrl/middle activation (NavigationPolicyFromEvent:
 * the mouse button and modifier keys of the click, of the key that made it, of a click page script
 * dispatches) —, worklet modules' static imports, a link whose own listener swaps its address and
 * stops the event at once, a fresh frame's `navigation.navigate()`. Each case runs on the guarded
 * host and on a control host Precheck does not cover; a case is a leak only where it delivers on both.
 * Every row asserts the safe outcome, so a leaking row FAILS.
 *
 * Found (each delivered with Precheck installed, and without it):
 * - **A form aimed at this window, activated with a modifier, posts the draft with its ID into a new
 *   window**: a person's shift- or ctrl-click on a submit button, Shift+Enter in a text input,
 *   Shift+Space on a focused button — and page script alone, by dispatching `new MouseEvent('click',
 *   { shiftKey | ctrlKey | button: 1 })` on the button. The routes page's own 保存 and image (DedeCMS
 *   style) buttons leak the same way. Submissions aimed at this window are left to this window's
 *   navigate event (isolated/submissions.ts `decide`: `own && navigateComes()`), which never comes for
 *   a navigation Chromium sends to a new window. Held only where lib/content/early-stop.ts stops the
 *   click by its label (发布) or by the adapter's selector (DedeCMS 5.7's 确定, its Shift+Enter too) —
 *   i.e. by a word, which the design says must never decide what leaves.
 * - **A link opened in a new tab or window by the event**: middle-click (an `auxclick`: no click
 *   listener of the gate runs), ctrl/shift-click and Ctrl+Enter on a link with no target (the click is
 *   judged as one of this window, isolated/navigation.ts `watchLinkClicks` → `navigateHere`), and the
 *   same by a dispatched click with ctrlKey or button 1. Carried: the draft's words (a window URL with
 *   the ID itself is refused by the browser's network rule, navigation-url-rules.ts — row kept).
 *   On PbootCMS's 内容列表 (shipped adapter) a ctrl/shift/middle-click or Ctrl+Enter on 点击开启 of
 *   unsigned item 43 published it (GET admin.php?p=/Content/mod/id/43/field/status/value/1); the plain
 *   click is held.
 * - **A worklet module's static imports**: `audioWorklet.addModule` / `CSS.paintWorklet.addModule` of
 *   a script Blob (or a base64 data: URL) whose text is `import "…?c=<ID>"` — only the module's URL is
 *   judged (hooks/urls.ts `Worklet.addModule`; blob-text.ts passes script types), and Chromium files
 *   the import as 'other', which the script-URL network rule leaves out.
 * - Known open, shown with new shapes: a 预览 link (`_blank`, a fresh frame, an `<area>`, by `click()`
 *   or a trusted Enter) whose own listener puts the draft in its href and calls
 *   `stopImmediatePropagation` (look-again.ts: "not covered"); a fresh frame's `navigation.navigate()`
 *   to an address with the draft's words (the initial-about:blank Location class).
 * Held: `HTMLFormElement.prototype.submit` / `requestSubmit` of a fresh frame's realm on this page's
 * form aimed at another window; forms labelled 发布 activated with modifiers (early-stop, see above);
 * DedeCMS's adapter-covered form. Checked and dropped: `new CSSStyleSheet({ baseURL })` — Chromium
 * resolves a constructed sheet's url() against the document, nothing reached the control host; a
 * middle-click on a submit button and Ctrl+Enter in a text input submit nothing. Still arriving with
 * Precheck (no false refusal): a clean search form shift-clicked into its new window, a clean link
 * middle-clicked.
 */
import { describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { fifteenthPolicy } from './fifteenth-probe-cases.ts';
import { CLEAN_SCRIPT_CASES, CLEAN_TRUSTED, DEDE_CASES, ID_CASES, PBOOT_CASES, PRE, TRUSTED_CASES, WORDS_CASES, expectTrustedCleanArrives, expectTrustedOnlyWithout, onDedeAdd, onPbootList } from './sixteenth-probe-cases.ts';
import type { Person, PersonAct } from './sixteenth-probe-cases.ts';
import { probePage } from './probe-page.ts';

const probe = probePage({ policy: fifteenthPolicy });
const { expectDeliveredOnlyWithout, expectArrivesOnlyWithout, expectCleanArrives } = probe;

/** A person's action through Playwright's page: its click with modifiers and button, its keyboard. */
async function actOn(page: Page, a: PersonAct): Promise<void> {
  if ('click' in a) return page.click(a.click, { modifiers: a.modifiers, button: a.button });
  if (a.focus) await page.focus(a.focus);
  await page.keyboard.press(a.press);
}

/** The person of Chromium's cases: Playwright's input on the side's tab, and the context's pages for what it opened. */
function chromium(context: BrowserContext): Person {
  return {
    tab(_on, at) {
      const page = context.pages().find((x) => x.url().startsWith(at));
      if (!page) throw new Error(`no tab at ${at}`);
      return { url: () => page.url(), act: (a) => actOn(page, a) };
    },
    watchTabs() {
      const before = new Set(context.pages());
      return Promise.resolve(async () => {
        const opened = context.pages().filter((p) => !before.has(p));
        const urls = opened.map((p) => p.url());
        for (const p of opened) await p.close().catch(() => undefined);
        return urls;
      });
    },
  };
}
const person = () => chromium(probe.browser().context);

describe('the draft with its ID, by page script: arrives without Precheck, never with it', () => {
  test.each(ID_CASES)('%s', async (_l, body) => void (await expectDeliveredOnlyWithout(PRE + body)));
});

describe("the draft's words in an address, by page script: arrive without Precheck, never with it", () => {
  test.each(WORDS_CASES)('%s', async (_l, body) => void (await expectArrivesOnlyWithout(PRE + body, 81)));
});

describe('a person at the keyboard or mouse: where it goes is decided by the event, not by the target', () => {
  test.each(TRUSTED_CASES.map((c) => [c.label, c] as const))('%s', async (_l, c) => void (await expectTrustedOnlyWithout(person(), probe.sides(), c)));
});

describe('the CMS keeps working: clean things the same ways', () => {
  test.each(CLEAN_SCRIPT_CASES)('%s', async (_l, body) => void (await expectCleanArrives(PRE + body)));
  test.each(CLEAN_TRUSTED.map((c) => [c.label, c] as const))('%s', async (_l, c) => void (await expectTrustedCleanArrives(person(), probe.sides().guarded, c)));
});

describe('PbootCMS 内容列表 (shipped adapter): unsigned 43 switched on (点击开启, a GET link) arrives without Precheck, never with it', () => {
  test.each(PBOOT_CASES)('%s', async (_l, act) => {
    const without = await onPbootList(person(), probe.sides().control, act, false);
    expect(without.ids, `control: ${without.outcome}`).toContain('43');
    const withIt = await onPbootList(person(), probe.sides().guarded, act, true);
    expect(withIt.ids, withIt.outcome).not.toContain('43');
  });
});

describe('DedeCMS 5.7 发布文章 (shipped adapter): the draft with an ID by its own 确定 image button arrives without Precheck, never with it', () => {
  test.each(DEDE_CASES)('%s', async (_l, act) => {
    const without = await onDedeAdd(person(), probe.sides().control, act, false);
    expect(without.carried.length, `control: ${without.outcome}`).toBeGreaterThan(0);
    const withIt = await onDedeAdd(person(), probe.sides().guarded, act, true);
    expect(withIt.carried, withIt.outcome).toEqual([]);
  });
});
