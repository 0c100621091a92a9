/**
 * Teach mode's answer to a list publish control whose request a script builds (DedeCMS's
 * `checkArc()`): the administrator ticks rows and presses the control once; the page gate holds
 * every request meanwhile (nothing is sent), and the first one that carries the ticked ids becomes
 * the `listPublish` rule (lib/policy/list-publish-from-request.ts).
 */
import { listPublishFromRequest, type HeldRequest } from '../../policy/list-publish-from-request';
import type { ListPublishRule } from '../../policy/schema';
import { tickedItemIds } from '../ticked-rows';

/** Holds every request of the page and shows each to `seen`, until the returned stop. */
export type HoldRequests = (seen: (req: HeldRequest) => void) => () => void;

/** The selector of the row checkboxes ticked now (their name), for the rule's rowCheckbox. */
function tickedBoxSelector(docs: readonly Document[]): string | undefined {
  for (const doc of docs) {
    const name = doc.querySelector<HTMLInputElement>('tr input[type="checkbox"][name]:checked, li input[type="checkbox"][name]:checked')?.name;
    if (name) return `input[type="checkbox"][name="${CSS.escape(name)}"]`;
  }
  return undefined;
}

/**
 * Starts holding; `found` gets the rule once a held request names the ticked rows, `missed` each held
 * request that does not. Returns the stop (also called by itself once a rule is found).
 */
export function demonstrateListPublish(
  docs: () => readonly Document[],
  hold: HoldRequests,
  found: (rule: ListPublishRule) => void,
  missed: () => void,
): () => void {
  let stopped = false;
  const stop = hold((req) => {
    if (stopped) return;
    const rule = listPublishFromRequest(req, tickedItemIds(docs()), tickedBoxSelector(docs()));
    if (!rule) {
      missed();
      return;
    }
    stopped = true;
    stop();
    found(rule);
  });
  return () => {
    stopped = true;
    stop();
  };
}
