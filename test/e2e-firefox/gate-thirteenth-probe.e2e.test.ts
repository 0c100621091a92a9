/**
 * The thirteenth probe's cases (test/e2e/thirteenth-probe-cases.ts) in Firefox: one window's method
 * on another window's object — an XMLHttpRequest opened, sent or given a header through a frame's
 * methods, an SVG href's animated string from a frame's getter, a frame's document opened or written
 * through the page's Document.prototype, an XSLT processor imported through a frame's method — and a
 * document.write that opens a fresh frame's document itself. In Firefox each frame's content script
 * lives apart (its own Xray view of the page's objects). Each must deliver on the control host and
 * nothing carrying the ID with Precheck.
 */
import { describe, test } from 'vitest';
import { CLEAN_CASES, OTHER_CASES, PRE, SVG_CASES, WRITE_CASES, XHR_CASES } from '../e2e/thirteenth-probe-cases.ts';
import { firefoxProbe } from './firefox-probe-page.ts';

const { expectCleanArrives, expectDeliveredOnlyWithout } = firefoxProbe({ pre: PRE });
// Left out: the XSLT include whose href is set after a frame's importStylesheet — on the control host
// importStylesheet throws NS_ERROR_FAILURE (Gecko compiles the stylesheet, include and all, at import).
const OTHER_IN_FIREFOX = OTHER_CASES.filter(([label]) => !label.startsWith('XSLT: a stylesheet imported through'));

describe("Firefox: one window's XMLHttpRequest method on another window's request", () => {
  test.each(XHR_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 91)), 60_000);
});

describe("Firefox: an SVG href's animated string another window's getter handed out", () => {
  test.each(SVG_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 92)), 60_000);
});

describe("Firefox: another window's document or XSLT processor through this window's method", () => {
  test.each(OTHER_IN_FIREFOX)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 93)), 60_000);
});

describe('Firefox: a document.write that opens the document itself', () => {
  test.each(WRITE_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(code, 94)), 60_000);
});

describe('Firefox: the CMS keeps working', () => {
  test.each(CLEAN_CASES)('%s', async (_label, code) => void (await expectCleanArrives(code)), 60_000);
});
