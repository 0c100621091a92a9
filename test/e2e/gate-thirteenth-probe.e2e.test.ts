/**
 * The thirteenth probe (2026-12-06, a helper in real Chromium, 39 cases at new ground): what one
 * window's hooks remember of a page object, which another window's hooks do not know. Each guarded
 * window (the page, a frame) hooks its own prototypes and keeps its own records; page code can call one
 * window's method on another window's object. An XMLHttpRequest opened through a frame's `open` and
 * sent through the page's `send` (async and sync), a frame's request opened by the page's `open` and
 * sent by the frame's `send`, a header set through a frame's `setRequestHeader`, a request the page
 * opened, finished and aborted and a frame's `open` then re-aimed, and an SVG href's animated string got
 * through a frame's getter and written through the page's `baseVal` setter: each delivered the ID with
 * Precheck installed (build a5972d0). The XHR hooks now refuse a request they have no record of
 * (lib/intercept/xhr-foreign.ts), and a `baseVal` this window's getters did not hand out is judged as an
 * href. A fresh frame's document opened through the page's `Document.prototype.open` lost its guard's
 * listeners (its form then left with the draft), and an XSLT processor imported through a frame's
 * `importStylesheet` was transformed by the page's with its include unjudged: another window's document
 * is refused unless this guard installed itself there (its listeners are put back), and a processor
 * only its own window's methods act on. A `document.write` into a fresh frame without `open()` opens the
 * document itself, past the wrapped `open`: its form left with the draft; such a write is now treated as
 * an open. What the same probe found held already is in README.md.
 */
import { describe, test } from 'vitest';
import { probePage } from './probe-page.ts';
import { CLEAN_CASES, OTHER_CASES, PRE, SVG_CASES, WRITE_CASES, XHR_CASES } from './thirteenth-probe-cases.ts';

const { expectCleanArrives, expectDeliveredOnlyWithout } = probePage();
const page = (code: string) => PRE + code;

describe("one window's XMLHttpRequest method on another window's request", () => {
  test.each(XHR_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(page(code), 91)));
});

describe("an SVG href's animated string another window's getter handed out", () => {
  test.each(SVG_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(page(code), 92)));
});

describe("another window's document or XSLT processor through this window's method", () => {
  test.each(OTHER_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(page(code), 93)));
});

describe('a document.write that opens the document itself', () => {
  test.each(WRITE_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(page(code), 94)));
});

describe('the CMS keeps working', () => {
  test.each(CLEAN_CASES)('%s', async (_label, code) => void (await expectCleanArrives(page(code))));
});
