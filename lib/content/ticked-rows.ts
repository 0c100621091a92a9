/**
 * Item ids of the rows ticked on a CMS list page (the checkboxes a 批量发布 / 审核通过 acts on): a
 * request that publishes by id may name them only through the page's state.
 */
const ID_VALUE = /^[A-Za-z0-9_-]{1,40}$/;

export function tickedItemIds(docs: readonly Document[]): string[] {
  const ids = new Set<string>();
  for (const doc of docs) {
    for (const box of doc.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')) {
      if (box.value !== 'on' && ID_VALUE.test(box.value) && box.closest('tr, li, [class*="row"]')) ids.add(box.value);
    }
  }
  return [...ids];
}
