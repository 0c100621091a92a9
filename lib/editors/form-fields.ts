/**
 * The CMS form's own fields (标题, 栏目, 信息类别, 公开方式, 审核人) as the checklist needs them: found,
 * read, and focused for the editor. Never writes a value: the form belongs to the CMS.
 *
 * Finding order per field: the site adapter's selector (its framePath resolved from the top
 * document), then the names and ids CMSs commonly use, then the Chinese label next to the control.
 */
import { REQUIRED_FIELD_NAMES } from '../policy/limits';
import type { SiteAdapter } from '../policy/schema';
import type { FieldName, FieldReading, FieldReadings } from '../signoff/types';
import { labelsByFor, labelTextsOf, normaliseLabel } from './control-label';
import { LABELS, isPlaceholderOption, isPlaceholderValue, nameMatches, type KnownField } from './field-vocabulary';

export { readCurrentUser } from './current-user';

export type FormFields = Partial<Record<FieldName, HTMLElement>>;

/** Controls an editor fills in; buttons, passwords, files and hidden inputs never hold these fields. */
const CANDIDATES = 'input:not([type]), input[type="text"], input[type="search"], input[type="radio"], input[type="checkbox"], select, textarea';

/** Inside Precheck's own UI (a host marked data-precheck, or a shadow root hanging off one). */
export function isPrecheckUi(el: Element): boolean {
  for (let node: Element | null = el; node; ) {
    if (node.closest('[data-precheck]')) return true;
    const root = node.getRootNode();
    node = 'host' in root ? (root as ShadowRoot).host : null;
  }
  return false;
}

/** The document an adapter's fields.framePath leads to from `top`, or null when a frame is missing or cross-origin. */
export function resolveFramePath(top: Document, path: readonly string[] | undefined): Document | null {
  let doc: Document | null = top;
  for (const sel of path ?? []) {
    const frame: Element | null = doc.querySelector(sel);
    if (!frame || !('contentDocument' in frame)) return null;
    try {
      doc = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      return null;
    }
    if (!doc) return null;
  }
  return doc;
}

function safeQuery(doc: Document, selector: string): HTMLElement | null {
  try {
    return doc.querySelector<HTMLElement>(selector);
  } catch {
    // A selector the policy validated can still be one this browser's engine rejects.
    return null;
  }
}

/**
 * Finds the form's fields in `docs` (the top document first, then its same-origin frames). `top`
 * is where an adapter's framePath starts; it defaults to the first document.
 */
export function findFormFields(docs: readonly Document[], adapterFields?: SiteAdapter['fields'] | null, top: Document | undefined = docs[0]): FormFields {
  const found: FormFields = {};
  const claimed = new Set<HTMLElement>();
  const take = (name: FieldName, el: HTMLElement) => {
    found[name] = el;
    claimed.add(el);
  };

  if (adapterFields) {
    const formDoc = adapterFields.framePath ? (top ? resolveFramePath(top, adapterFields.framePath) : null) : null;
    const searchIn = adapterFields.framePath ? (formDoc ? [formDoc] : []) : docs;
    for (const name of REQUIRED_FIELD_NAMES) {
      const sel = adapterFields[name];
      if (!sel) continue;
      for (const doc of searchIn) {
        const el = safeQuery(doc, sel);
        if (el && !isPrecheckUi(el)) {
          take(name, el);
          break;
        }
      }
    }
  }

  const finder = fieldFinder(docs);
  for (const name of REQUIRED_FIELD_NAMES) {
    if (found[name]) continue;
    const el = finder.byName(name, claimed) ?? null;
    if (el) take(name, el);
  }
  for (const name of REQUIRED_FIELD_NAMES) {
    if (found[name]) continue;
    const el = finder.byLabel(name, claimed);
    if (el) take(name, el);
  }
  // The 栏目 is often a hidden id next to its name as text (PHPCMS info[catid]): last resort.
  if (!found.channel) {
    // by the 栏目 label before it (PublicCMS: categoryId under 分类:, where a hidden `sort` sits by 标题), else by name
    const hidden = finder.hiddenByLabel('channel', claimed) ?? finder.hiddenByName('channel', claimed);
    if (hidden) take('channel', hidden);
  }
  // No 栏目 control at all (SSCMS opens the editor for one 栏目, named only in the breadcrumb).
  if (!found.channel) {
    const crumb = breadcrumbChannel(docs);
    if (crumb) take('channel', crumb);
  }
  return found;
}

/** A breadcrumb's current item that names the page's action or a section of the admin, not a 栏目. */
const NOT_A_CHANNEL = /^(添加|新增|增加|编辑|修改|发布|撰写|写|新建|创建)|(首页|管理|列表|后台|控制台|中心)$/;

/**
 * The 栏目 an editor page shows only as its breadcrumb's current item (`aria-current="page"` inside a
 * breadcrumb: Element UI and Ant Design mark the last crumb so), unless that item names the page's
 * action (添加内容) or an admin section (内容管理). Its first element child is the crumb's text
 * (Element's `el-breadcrumb__inner`, beside the separator).
 */
function breadcrumbChannel(docs: readonly Document[]): HTMLElement | null {
  for (const doc of docs) {
    for (const item of doc.querySelectorAll<HTMLElement>('[aria-current="page"]')) {
      if (isPrecheckUi(item) || !item.closest('[class*="breadcrumb" i], [aria-label*="breadcrumb" i], [aria-label*="面包屑"]')) continue;
      const inner = [...item.children].find((c): c is HTMLElement => !/separator/i.test(c.getAttribute('class') ?? '') && (c.textContent ?? '').trim() !== '') ?? item;
      const text = normaliseLabel(inner.textContent ?? '');
      if (text && !NOT_A_CHANNEL.test(text)) return inner;
    }
  }
  return null;
}

const hasName = (field: KnownField) => (c: HTMLElement) => nameMatches(field, c.getAttribute('name') ?? '') || nameMatches(field, c.id);

/** Finds controls by name/id and by label in `docs` (Precheck's own UI left out). */
function fieldFinder(docs: readonly Document[]) {
  // Disabled controls stay: a CMS often shows the fixed channel of the page in a disabled select.
  const all = (sel: string) => docs.flatMap((doc) => [...doc.querySelectorAll<HTMLElement>(sel)].filter((el) => !isPrecheckUi(el)));
  const controls = all(CANDIDATES);
  const byFor = new Map<Document, Map<string, string>>();
  const labelsOf = (el: HTMLElement) => {
    const doc = el.ownerDocument;
    if (!byFor.has(doc)) byFor.set(doc, labelsByFor(doc));
    return labelTextsOf(el, byFor.get(doc)!).map(normaliseLabel);
  };
  return {
    byName: (field: KnownField, claimed: ReadonlySet<HTMLElement>) => controls.find((c) => !claimed.has(c) && hasName(field)(c)),
    byLabel: (field: KnownField, claimed: ReadonlySet<HTMLElement>) => controls.find((c) => !claimed.has(c) && labelsOf(c).some((t) => LABELS[field].test(t))),
    hiddenByName: (field: KnownField, claimed: ReadonlySet<HTMLElement>) => all('input[type="hidden"]').find((c) => !claimed.has(c) && hasName(field)(c)),
    hiddenByLabel: (field: KnownField, claimed: ReadonlySet<HTMLElement>) => all('input[type="hidden"]').find((c) => !claimed.has(c) && labelsOf(c).some((t) => LABELS[field].test(t))),
  };
}

/**
 * The author control (作者 / writer / AuthorID …) by name/id, then by label; null when the form has
 * none. Not a checklist field: the audit record and the review form show it next to the editor.
 */
export function findAuthorField(docs: readonly Document[], claimed: ReadonlySet<HTMLElement> = new Set()): HTMLElement | null {
  const finder = fieldFinder(docs);
  return finder.byName('author', claimed) ?? finder.byLabel('author', claimed) ?? null;
}

/** The radio buttons, or checkboxes (WordPress post_category[]), that share this one's name. */
function radioGroup(radio: HTMLInputElement): HTMLInputElement[] {
  if (!radio.name) return [radio];
  const scope: ParentNode = radio.form ?? radio.ownerDocument;
  return [...scope.querySelectorAll<HTMLInputElement>(`input[type="${radio.type}"]`)].filter((r) => r.name === radio.name);
}

/** What the editor reads next to a radio button: its label, else the text right after it. */
function radioText(radio: HTMLInputElement): string {
  const byId = radio.id ? [...radio.ownerDocument.querySelectorAll('label[for]')].find((l) => l.getAttribute('for') === radio.id) : undefined;
  const label = byId ?? radio.closest('label');
  if (label) return (label.textContent ?? '').trim();
  const next = radio.nextSibling;
  return (next?.textContent ?? '').trim();
}

const reading = (value: string, text = value): FieldReading => ({ present: true, value: value.trim(), text: text.trim() });

/**
 * The text right after a hidden 栏目 id: `<input type=hidden name="info[catid]" value="6">工作动态`, or
 * the `<label>` right after it (PublicCMS: `<input name="categoryId" type="hidden"> <label>通知公告</label>`).
 */
function hiddenText(input: HTMLInputElement): string {
  let next = input.nextSibling;
  while (next?.nodeType === 3 && !(next.textContent ?? '').trim()) next = next.nextSibling;
  if (next?.nodeType === 3) return (next.textContent ?? '').trim();
  if (next?.nodeType === 1 && (next as Element).tagName === 'LABEL' && !(next as Element).querySelector('input, select, textarea')) return (next.textContent ?? '').trim();
  return '';
}

export function readField(el: HTMLElement): FieldReading {
  const tag = el.tagName.toLowerCase();
  if (tag === 'select') {
    // "--请选择栏目--" (value "", 0 or -1) is no choice: it must not reach the audit log as a value.
    const options = [...(el as HTMLSelectElement).selectedOptions].filter((o) => !isPlaceholderOption(o.value, o.textContent ?? ''));
    return reading(options.map((o) => o.value).join(','), options.map((o) => (o.textContent ?? '').trim()).join('、'));
  }
  if (tag === 'input') {
    const input = el as HTMLInputElement;
    if (input.type === 'radio' || input.type === 'checkbox') {
      const checked = radioGroup(input).filter((r) => r.checked && !isPlaceholderValue(r.value));
      return reading(checked.map((r) => r.value).join(','), checked.map((r) => radioText(r) || r.value).join('、'));
    }
    if (isPlaceholderValue(input.value)) return reading('');
    if (input.type === 'hidden') return reading(input.value, hiddenText(input) || input.value);
    return reading(input.value);
  }
  if (tag === 'textarea') return reading((el as HTMLTextAreaElement).value);
  // An adapter may point at a display element (a channel chosen from a tree and shown as text).
  return reading(el.textContent ?? '');
}

/** A reading for every field name, present:false for the ones the page does not have. */
export function readFields(found: FormFields): FieldReadings {
  const out: FieldReadings = {};
  for (const name of REQUIRED_FIELD_NAMES) {
    const el = found[name];
    out[name] = el ? readField(el) : { present: false, value: '', text: '' };
  }
  return out;
}

const FLASH_MS = 1600;
interface Flash {
  outline: string;
  priority: string;
  offset: string;
  hadStyle: boolean;
  timer: number;
}
/** The page's own inline outline, kept while a flash runs so that a second flash still restores the original. */
const flashing = new WeakMap<HTMLElement, Flash>();

function restore(el: HTMLElement, saved: Flash): void {
  flashing.delete(el);
  const style = el.style;
  if (saved.outline) style.setProperty('outline', saved.outline, saved.priority);
  else style.removeProperty('outline');
  if (saved.offset) style.setProperty('outline-offset', saved.offset);
  else style.removeProperty('outline-offset');
  if (!saved.hadStyle && el.getAttribute('style') === '') el.removeAttribute('style');
}

/** Shows the editor a field: scrolls to it, focuses it and outlines it briefly. Values are never touched. */
export function focusField(el: HTMLElement, flashMs = FLASH_MS): void {
  const win = el.ownerDocument.defaultView;
  el.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  el.focus({ preventScroll: true });
  const style = el.style;
  const running = flashing.get(el);
  if (running) win?.clearTimeout(running.timer);
  const saved: Flash = running ?? {
    outline: style.getPropertyValue('outline'),
    priority: style.getPropertyPriority('outline'),
    offset: style.getPropertyValue('outline-offset'),
    hadStyle: el.hasAttribute('style'),
    timer: 0,
  };
  if (!win) return;
  // !important: CMS stylesheets often set `outline: none !important` on focused controls.
  style.setProperty('outline', '3px solid #f57c00', 'important');
  style.setProperty('outline-offset', '2px');
  saved.timer = win.setTimeout(() => restore(el, saved), flashMs);
  flashing.set(el, saved);
}
