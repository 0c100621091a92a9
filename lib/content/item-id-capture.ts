/**
 * The CMS's id of the item being edited, captured when it is signed off, so that publishing it later
 * from the article list (publish.do?id=42, a ticked row) passes: the edit form's hidden id field, or
 * the id in the edit page's address.
 */
import { isItemIdName } from '../gate/item-ids';
import { sameOriginWindows } from '../editors';

const ID_VALUE = /^[A-Za-z0-9_-]{1,40}$/;

export function itemIdsOfPage(top: Window): string[] {
  const ids = new Set<string>();
  for (const w of sameOriginWindows(top)) {
    for (const input of w.document.querySelectorAll<HTMLInputElement>('form input[type="hidden"][name]')) {
      if (isItemIdName(input.name) && ID_VALUE.test(input.value) && input.value !== '0') ids.add(input.value);
    }
    try {
      for (const [k, v] of new URL(w.location.href).searchParams) if (isItemIdName(k) && ID_VALUE.test(v)) ids.add(v);
    } catch {
      // about:blank frames have no parameters.
    }
  }
  return [...ids];
}
