/**
 * A covered CMS page may not show a data: document in a frame. A fresh frame's Location set to one
 * (`frame.contentWindow.location.href = 'data:text/html,<img src=…?c=ID>'`, `frames[n].location
 * .replace(…)`) passes no page hook, no request carries its URL, and its document's own requests leave
 * from an opaque origin the CMS-origin rules do not cover. Precheck's scripts do run in that document
 * (matchOriginAsFallback: its precursor origin is the CMS's), but a guard there that judged the
 * document by its URL and stopped it at document_start refused it and the picture still arrived
 * (measured, Chromium: it had left before the guard ran, by the look of it from the parser's preload
 * scan). So the browser refuses the frame itself: a Content-Security-Policy appended to the CMS's own
 * pages and frames whose frame-src lists every scheme a frame of theirs loads but data:. The parent's
 * frame-src governs every navigation of its frames, whoever starts it (measured, Chromium and
 * Firefox); Chromium applies it to an <object>'s or <embed>'s document too, Firefox does not (measured).
 *
 * Appended, never set: a second policy only narrows (a response's policies all apply), so the CMS's
 * own policy is never weakened, and no other directive is touched. chrome-extension: and
 * moz-extension: stay listed: the policy is about data: alone, not about frames an extension shows.
 * What it costs: a data: document in a frame (in Chromium an <object> or <embed> too) of a covered page
 * does not load, clean or not (README, known limits); data: pictures, stylesheets and fonts are untouched.
 */
import type { DnrRule } from './backstop-rules';
import { ALLOW_PRIORITY } from './backstop-rules';
import { lockdownDomains } from './startup-rules';

export const DATA_FRAME_POLICY = 'frame-src http: https: blob: about: chrome-extension: moz-extension:';

/** Dynamic (persisted) rule id 14, in the startup guard's range 10–19 (lib/gate/startup-rules.ts). */
export const DATA_FRAME_RULE_IDS = [14] as const;
/**
 * Above every allow of Precheck's (the startup lift at 6, a sign-off's at 8): a modifyHeaders rule at
 * or below a matching allow's priority is ignored, and a frame with a query matches the lift.
 */
export const DATA_FRAME_PRIORITY = ALLOW_PRIORITY + 1;

export function dataFrameRules(origins: readonly string[]): DnrRule[] {
  const domains = lockdownDomains(origins);
  if (domains.length === 0) return [];
  return [
    {
      id: DATA_FRAME_RULE_IDS[0],
      priority: DATA_FRAME_PRIORITY,
      action: { type: 'modifyHeaders', responseHeaders: [{ header: 'Content-Security-Policy', operation: 'append', value: DATA_FRAME_POLICY }] },
      // the pages of the CMS hosts themselves, loaded as a tab or a frame, whoever opened them
      condition: { regexFilter: '^https?://', resourceTypes: ['main_frame', 'sub_frame'], requestDomains: domains },
    },
  ];
}
