/**
 * The CMS's id of the item being edited, captured when it is signed off, so that publishing it later
 * from the article list (publish.do?id=42, a ticked row) passes: the site adapter's `itemId` (its id
 * field, its URL parameter) where there is one, and the hidden id fields and the id in the edit page's
 * address that CMSes commonly use.
 */
import { isItemIdName } from '../gate/item-ids';
import { sameOriginWindows } from '../editors';
import { itemIdFromResponse, itemIdFromResultPage, itemIdFromUrl } from '../policy/list-publish';
import type { ItemIdRule } from '../policy/schema';
import { pairsOf } from '../gate/pairs';

const ID_VALUE = /^[A-Za-z0-9_-]{1,40}$/;
const usable = (v: string | null | undefined): v is string => !!v && ID_VALUE.test(v) && v !== '0';

function adapterIds(w: Window, rule: ItemIdRule, ids: Set<string>): void {
  if (rule.field) {
    try {
      for (const el of w.document.querySelectorAll<HTMLInputElement>(rule.field)) if (usable(el.value)) ids.add(el.value);
    } catch {
      // A selector this document cannot parse names nothing here.
    }
  }
  try {
    const v = itemIdFromUrl(rule, w.location.href);
    if (usable(v)) ids.add(v);
  } catch {
    // about:blank frames have no address to read.
  }
}

/** The ids this page edits: the adapter's (when `rule` is given) and the common hidden fields and parameters. */
export function itemIdsOfPage(top: Window, rule: ItemIdRule | undefined): string[] {
  const ids = new Set<string>();
  for (const w of sameOriginWindows(top)) {
    if (rule) adapterIds(w, rule, ids);
    for (const input of w.document.querySelectorAll<HTMLInputElement>('form input[type="hidden"][name]')) {
      if (isItemIdName(input.name) && usable(input.value)) ids.add(input.value);
    }
    try {
      for (const [k, v] of pairsOf(new URL(w.location.href).searchParams)) if (isItemIdName(k) && usable(v)) ids.add(v);
    } catch {
      // about:blank frames have no parameters.
    }
  }
  return [...ids];
}

/** The new item's id that the save response of a released publish names (adapter's itemId), or null. */
export function itemIdOfSaveResponse(text: string | undefined, rule: ItemIdRule | undefined): string | null {
  if (!text || !rule) return null;
  const id = itemIdFromResponse(rule, text);
  return usable(id) ? id : null;
}

/** A result page says what it saved in its first lines; a huge page is not read to the end for it. */
const RESULT_TEXT_CHARS = 20_000;
const RESULT_LINKS = 200;

/**
 * The new item's id named by this page, read when it is the page a released form post led to
 * (DedeCMS: 成功发布文章 with a 更改文章 link to ?aid=N): the adapter's resultPattern over the page's
 * address, its links and its text. Null when the adapter has no such rule or the page names nothing.
 */
export function itemIdOfResultPage(doc: Document, rule: ItemIdRule | undefined): string | null {
  if (!rule?.resultPattern) return null;
  const links = [...doc.querySelectorAll<HTMLAnchorElement>('a[href]')].slice(0, RESULT_LINKS).map((a) => a.href);
  const text = (doc.body?.textContent ?? '').slice(0, RESULT_TEXT_CHARS);
  const id = itemIdFromResultPage(rule, { url: doc.location?.href ?? '', links, text });
  return usable(id) ? id : null;
}
