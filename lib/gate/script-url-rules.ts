/**
 * Script requests no page hook can hold: `import('/x.js?content=…')` (syntax, in the page or in a
 * worker), a module worker's static imports, `importScripts` (which cannot wait for an answer). The
 * browser itself refuses, from a covered CMS page and its workers, a script request whose URL could
 * only be carrying text out: percent-encoded non-ASCII (Chinese text, UTF-8 or GBK), or a digit run
 * shaped like a personal number — a mobile (11 digits from 1) or an ID or bank card (15 and more).
 * No content is read: the rule refuses the shape, signed or not, and the page sees a failed load.
 *
 * What loads as before (test/gate/script-url-rules.test.ts): version strings, dates and timestamps
 * (10 or 13 digits; 14 or 17 when written yyyyMMddHHmmss[SSS], which begin with 20 — no ID or card
 * does), `Math.random()` cache-busters (digits after a `.`), and jQuery's JSONP callback names (digits
 * right after letters). A run glued to letters is therefore let through: an ASCII draft written so
 * (`abc11010519491231002X`) is not refused here.
 *
 * One pattern, two engines: the browser's declarativeNetRequest (RE2: no look-around) and the worker
 * prelude's importScripts (JavaScript), so both refuse the same URLs.
 */
import type { DnrRule } from './backstop-rules';
import { URL_SHAPE_PRIORITY, urlShapeRule } from './url-shape-rule';

import { SCRIPT_TEXT_PATTERN } from './script-text-pattern';

/** Dynamic (persisted) rule id 12, in the startup guard's range 10–19 (lib/gate/startup-rules.ts). */
export const SCRIPT_RULE_IDS = [12] as const;
export const SCRIPT_RULE_PRIORITY = URL_SHAPE_PRIORITY;

/**
 * Scripts only, a worker's script too (a Worker or service worker script URL holding the signed draft
 * is refused, which no CMS publishes by). Not 'other', where Chromium files an audio or paint
 * worklet module's static imports (measured): `<a download>` links are there too, and an attachment
 * with a Chinese file name must still download.
 */
const SCRIPT_TYPES = ['script'];

export function scriptUrlRules(origins: readonly string[]): DnrRule[] {
  return urlShapeRule(SCRIPT_RULE_IDS[0], SCRIPT_TEXT_PATTERN, SCRIPT_TYPES, origins);
}
