/**
 * Item ids of the rows ticked on a CMS list page (the checkboxes a 批量发布 / 审核通过 acts on): a
 * request that publishes by id may name them only through the page's state.
 *
 * A ticked option of an edit form is not a row: EmpireCMS's AddNews table has 审核 (`checked`, value
 * 1) and 关键字替换 (`dokey`, value 1) ticked in its rows, and taking those for item 1 would hold the
 * form's other publish-named posts until an item 1 is signed. A named box counts when its name is one
 * CMSes give item ids (ids[], id[], aid …) or when several rows carry boxes of that name (a list).
 */
import { isItemIdName } from '../gate/item-ids';

const ID_VALUE = /^[A-Za-z0-9_-]{1,40}$/;
const ROW = 'tr, li, [class*="row"]';

function isRowBox(doc: Document, box: HTMLInputElement): boolean {
  if (!box.name || isItemIdName(box.name)) return true;
  let rows = 0;
  for (const other of doc.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    if (other.name === box.name && other.closest(ROW) && ++rows > 1) return true;
  }
  return false;
}

export function tickedItemIds(docs: readonly Document[]): string[] {
  const ids = new Set<string>();
  for (const doc of docs) {
    for (const box of doc.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')) {
      if (box.value !== 'on' && ID_VALUE.test(box.value) && box.closest(ROW) && isRowBox(doc, box)) ids.add(box.value);
    }
  }
  return [...ids];
}
