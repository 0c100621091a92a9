/** The draft's title input: found by its label (标题 / 信息标题) or by the names CMSs commonly use. */
const TITLE_LABEL = /^\s*[*＊]?\s*(信息|文章|稿件|新闻)?标题\s*[:：]?\s*$/;
const TITLE_NAME = /^(title|biaoti|doctitle|articletitle|infotitle|subject)$/i;

function labelTextFor(input: HTMLInputElement): string {
  const doc = input.ownerDocument;
  if (input.id) {
    const label = doc.querySelector(`label[for="${CSS.escape(input.id)}"]`);
    if (label) return label.textContent ?? '';
  }
  const wrapping = input.closest('label');
  if (wrapping) return (wrapping.textContent ?? '').replace(input.value, '');
  // Table layouts: <td>标题</td><td><input></td>
  const cell = input.closest('td, dd');
  const prev = cell?.previousElementSibling;
  if (prev) return prev.textContent ?? '';
  return input.previousElementSibling?.textContent ?? '';
}

export function findTitleInput(docs: readonly Document[]): HTMLInputElement | null {
  for (const doc of docs) {
    const inputs = [...doc.querySelectorAll<HTMLInputElement>('input:not([type]), input[type="text"]')];
    const byLabel = inputs.find((i) => TITLE_LABEL.test(labelTextFor(i)));
    if (byLabel) return byLabel;
    const byName = inputs.find((i) => TITLE_NAME.test(i.name) || TITLE_NAME.test(i.id));
    if (byName) return byName;
  }
  return null;
}
