/**
 * The eleventh probe (2026-12-06, a helper in real Chromium), kept as a test: what the browser parses
 * and then loads by itself. Each case delivers the ID on the control host, and each delivered it with
 * Precheck too with the build before its fix (25 of 25, 2e90fd9). The guard read CSS with patterns
 * over unescaped text, where the browser's tokenizer reads escapes, comments, nesting and strings
 * that reach var() from anywhere (now lib/gate/css-urls.ts tokenizes); a data: URL's document or
 * stylesheet was never read (lib/gate/data-url.ts); a worker's FontFace and Cache.add/addAll were not
 * hooked (hooks/worker-prelude.ts). What the probe found held already is in README's gate section.
 * The twelfth probe (2026-12-06) added 13 kept here, each delivered with the build before its fix
 * (c4bb3ec): data: and blob: documents and stylesheets the browser decodes otherwise than as UTF-8 —
 * UTF-16 by charset or BOM, ISO-2022-JP (by charset, <meta charset> or @charset) with an escape
 * sequence inside the ID — read as UTF-8 only (now every reading: lib/gate/text-readings.ts); and XML
 * whose DTD entities build the URL, from DOMParser or a data: SVG behind an <embed> (now judged as
 * parsed, or with its entities written out: lib/gate/xml-entities.ts); and three more (2c47eb7's
 * parent delivered each): a data: document sent into a fresh frame by a link, a form's action or a meta
 * refresh, now judged by the document its URL holds (isolated/navigation.ts, hooks/blank-ask.ts).
 * Its open case — the fresh frame's Location set to a data: document — is kept here too (both failed
 * with a5972d0): a covered page's frame-src now refuses data: frames
 * (lib/gate/data-frame-rules.ts), so a clean data: frame, and in Chromium a clean data: <object>, no
 * longer load there ("what a covered page no longer shows").
 * The Firefox probe (2026-12-06, test/e2e-firefox/gate-firefox-probe.e2e.test.ts) added five more that
 * delivered the ID in Chromium too: nested opaque frames that stood down (lib/content/gate/policy-url.ts)
 * and `javascript:` form actions and links aimed at a fresh frame (hooks/forms.ts, hooks/link-clicks.ts,
 * isolated/navigation.ts).
 */
import { describe, expect, test } from 'vitest';
import { probePage } from './probe-page.ts';
import { CLEAN_CASES, CSS_CASES, ENCODING_CASES, ENTITY_CASES, FRESH_FRAME_CASES, FRESH_FRAME_LOCATION_CASES, JAVASCRIPT_ACTION_CASES, OPAQUE, OPAQUE_CASES, OTHER_CASES, PRE, REFUSED_FRAME_CASES, VIOLATIONS } from './parsed-loads-cases.ts';

const { expectCleanArrives, expectDeliveredOnlyWithout, onGuarded } = probePage();

const page = (code: string) => PRE + code;

describe('CSS as the browser tokenizes it, and data: documents and stylesheets', () => {
  test.each(CSS_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(page(code), 84)));
});

describe("a worker's loaders", () => {
  test.each(OTHER_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(page(code), 85)));
});

describe('documents and stylesheets the browser decodes otherwise than as UTF-8 (the twelfth probe)', () => {
  test.each(ENCODING_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(page(code), 86)));
});

describe('XML whose DTD entities build the URL (the twelfth probe)', () => {
  test.each(ENTITY_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(page(code), 87)));
});

describe('a data: document sent into a fresh frame (the twelfth probe)', () => {
  test.each(FRESH_FRAME_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(page(code), 88)));
});

describe("a fresh frame's Location sent to a data: document (the twelfth probe's open case)", () => {
  test.each(FRESH_FRAME_LOCATION_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => {
    const outcome = await expectDeliveredOnlyWithout(page(VIOLATIONS + code + ' return violations.join();'), 89);
    expect(outcome).toContain('frame-src');
  });
});

describe('what a covered page no longer shows', () => {
  test.each(REFUSED_FRAME_CASES)('%s: refused by the page\'s frame-src, nothing it names loads', async (_label, code) => {
    const guarded = await onGuarded(page(VIOLATIONS + code + ' return violations.join();'));
    expect(guarded.arrived, guarded.outcome).toBe(0);
    expect(guarded.outcome).toContain('frame-src');
  });
});

describe('an opaque frame that cannot name its maker, fed by postMessage (the Firefox probe)', () => {
  test.each(OPAQUE_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(page(OPAQUE + code), 89)));
});

describe("a form's javascript: action or a javascript: link into a fresh frame (the Firefox probe)", () => {
  test.each(JAVASCRIPT_ACTION_CASES)('%s: delivered without Precheck, never with it', async (_label, code) => void (await expectDeliveredOnlyWithout(page(code), 90)));
});

describe('the CMS keeps working', () => {
  test.each(CLEAN_CASES)('%s', async (_label, code) => void (await expectCleanArrives(page(code))));
});
