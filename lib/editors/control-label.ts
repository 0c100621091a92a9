/**
 * The label a person reads next to a form control, for CMS forms that name their fields in Chinese
 * only (<label for>, a wrapping <label>, the cell before it in a table row, or the text just before it).
 */

const CONTROL = 'input, select, textarea, button';

/** Text of `root` without the text of form controls inside it (a select's options, a button). */
function textWithoutControls(root: Node): string {
  const doc = root.ownerDocument ?? (root as Document);
  // NodeFilter.SHOW_TEXT: the constant is taken by value so no page global is needed.
  const walker = doc.createTreeWalker(root, 4);
  let out = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement?.closest(CONTROL)) out += n.textContent ?? '';
  }
  return out;
}

/** The first meaningful node before `el` among its siblings: `标题：<input>` or `<span>标题</span><input>`. */
function precedingText(el: Element): string {
  for (let n = el.previousSibling; n; n = n.previousSibling) {
    if (n.nodeType === 3) {
      if ((n.textContent ?? '').trim()) return n.textContent ?? '';
      continue;
    }
    if (n.nodeType !== 1) continue;
    const sibling = n as Element;
    // Another control in between: the text before it labels that one, not this one.
    if (sibling.matches(CONTROL) || sibling.matches('br')) return '';
    return textWithoutControls(sibling);
  }
  return '';
}

/** How far up a form-item block may sit from its control: Element UI's input is 3 levels below. */
const BLOCK_DEPTH = 4;

/**
 * The label of a form-item block: Element UI `<label class="el-form-item__label">标题</label>` before
 * `<div class="el-form-item__content"><div class="el-input"><input></div></div>` (SSCMS), layui's
 * `layui-form-label` before `layui-input-block`, Ant Design's `ant-form-item-label` column. The
 * block before the one holding the control is a label element (or named …label), has no control of
 * its own, and the control is the only one in its block — a block of several controls is no label's.
 */
function blockLabel(el: Element): string {
  let node: Element | null = el.parentElement;
  for (let depth = 0; node && depth < BLOCK_DEPTH && !node.matches('form, body'); depth++, node = node.parentElement) {
    if (node.querySelectorAll(CONTROL).length > 1) return '';
    const before = node.previousElementSibling;
    if (!before) continue;
    const isLabel = before.tagName === 'LABEL' || /(^|[-_\s])label(\s|$)/i.test(before.getAttribute('class') ?? '');
    if (!isLabel || before.querySelector(CONTROL)) return '';
    // <label for="x"> that points at another element labels that one
    const target = before.getAttribute('for');
    if (target && el.ownerDocument.getElementById(target) && el.ownerDocument.getElementById(target) !== el) return '';
    return textWithoutControls(before);
  }
  return '';
}

/** Candidate label texts for a control, nearest first. `byFor` maps element ids to their <label for> text. */
export function labelTextsOf(el: HTMLElement, byFor: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  if (el.id && byFor.has(el.id)) out.push(byFor.get(el.id)!);
  const wrapping = el.closest('label');
  if (wrapping) out.push(textWithoutControls(wrapping));
  out.push(precedingText(el));
  // Table and definition-list layouts: <td>公开方式</td><td><input type=radio>…</td>.
  const cell = el.closest('td, th, dd');
  const before = cell?.previousElementSibling;
  if (before) out.push(textWithoutControls(before));
  out.push(blockLabel(el));
  return out.filter((t) => t.trim() !== '');
}

/** <label for> texts of a document, keyed by the id they point at. */
export function labelsByFor(doc: Document): Map<string, string> {
  const map = new Map<string, string>();
  for (const label of doc.querySelectorAll('label[for]')) {
    const id = label.getAttribute('for');
    if (id && !map.has(id)) map.set(id, textWithoutControls(label));
  }
  return map;
}

/** 「* 信息类别：」 → 「信息类别」: required-marks, colons and spaces removed. */
export function normaliseLabel(text: string): string {
  return text.replace(/[\s*＊:：]/g, '');
}
