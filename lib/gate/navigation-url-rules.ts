/**
 * A window still on its initial about:blank — a fresh `<iframe>` without src, `window.open('')` — that
 * page code sends elsewhere by its Location (`frame.contentWindow.location.href = …`, `frames[n]
 * .location.replace(…)`, `assign`): no navigate event comes for a navigation away from that document
 * (Chromium even after the page's own `document.open()`: measured), a Location's members are
 * unforgeable, and the request leaves from inside the setter. No page hook can judge it. The browser
 * itself refuses, from a covered CMS page, a frame or window navigation whose URL carries a resident ID
 * number as a run of its own (what this route delivered); no content is read, so
 * the shape is refused signed or not, and the page sees a frame that did not load.
 *
 * Narrower than the script-URL rule (script-url-rules.ts): frames and windows a CMS opens carry
 * Chinese search words and long item ids (a 19-digit snowflake id, 13-digit timestamps) all day, so
 * neither percent-encoded text nor any long digit run is refused here — only an 18-character run
 * shaped as an ID (region, a birth date from 18xx–20xx, sequence, check character) with no digit beside
 * it. Names, addresses, mobiles and the draft's text sent this way are not refused (README, "Still open").
 */
import type { DnrRule } from './backstop-rules';
import { URL_SHAPE_PRIORITY, urlShapeRule } from './url-shape-rule';

/** Not a digit, or a percent-encoded byte (whose last hex digit may be a digit). */
const BEFORE = '(?:[^0-9]|%[0-9a-f]{2})';
const RESIDENT_ID = '[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9x]';
const AFTER = '(?:[^0-9x]|$)';
/**
 * Matched case-insensitively against the whole URL, by RE2 (no look-around) and JavaScript alike.
 * Mobiles are left out: the rule covers the CMS tab's own navigations too (a 会员 or 留言 search by
 * phone number), and a lone mobile is a warning, not a block, for the page gate as well.
 */
export const NAVIGATION_NUMBER_PATTERN = `${BEFORE}${RESIDENT_ID}${AFTER}`;

/** Dynamic (persisted) rule id 13, in the startup guard's range 10–19 (lib/gate/startup-rules.ts). */
export const NAVIGATION_RULE_IDS = [13] as const;
export const NAVIGATION_RULE_PRIORITY = URL_SHAPE_PRIORITY;

export function navigationUrlRules(origins: readonly string[]): DnrRule[] {
  return urlShapeRule(NAVIGATION_RULE_IDS[0], NAVIGATION_NUMBER_PATTERN, ['sub_frame', 'main_frame'], origins);
}
