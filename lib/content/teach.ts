/**
 * "Teach Precheck this CMS" pick mode (top frame only). A banner in a shadow root asks, in order,
 * for the title, 栏目, category, disclosure-mode and reviewer fields (each may be skipped) and the
 * publish control; on a page without an editor (an article list) for the list's publish control,
 * whose request is read from its markup (list-publish-from-control.ts). A transparent
 * layer over the page takes every click, so nothing on the page is pressed while teaching (the
 * publish control is not pressed): the element under the pointer is found with elementsFromPoint,
 * through same-origin iframes, highlighted, and described by a selector (adapter-from-picks.ts).
 * At the end the picks become a site adapter, handed to `save`.
 */
import { discoverEditors, sameOriginWindows } from '../editors';
import {
  adapterFromPicks,
  listAdapterFromPick,
  framePathFor,
  sameFrame,
  selectorFor,
  type Pick,
  type PickField,
  type Picks,
} from '../policy/adapter-from-picks';
import { listPublishFromControl } from '../policy/list-publish-from-control';
import { DEMONSTRATE_TEXT, demonstrateListPublish, NO_IDS_TEXT, type HoldRequests } from './teach-demonstration';
import type { ListPublishRule, SiteAdapter } from '../policy/schema';

export type TeachStep = PickField | 'publish' | 'listPublish';

type StepText = { step: TeachStep; zh: string; en: string };
const EDIT_STEPS: StepText[] = [
  { step: 'title', zh: '标题', en: 'title field' },
  { step: 'channel', zh: '栏目', en: 'section (栏目) field' },
  { step: 'category', zh: '信息类别', en: 'category field' },
  { step: 'disclosure', zh: '公开方式', en: 'disclosure mode field' },
  { step: 'reviewer', zh: '审核人', en: 'reviewer field' },
  { step: 'publish', zh: '发布按钮', en: 'publish button' },
];
const LIST_STEPS: StepText[] = [{ step: 'listPublish', zh: '列表页的发布按钮（如 审核通过 / 发布）', en: "list page's publish control" }];
const isControlStep = (step: TeachStep) => step === 'publish' || step === 'listPublish';

function hasEditor(top: Window): boolean {
  try {
    return discoverEditors(top).length > 0;
  } catch {
    return false;
  }
}

export interface TeachOptions {
  /** Stores the adapter; resolves with the problems when it was refused. */
  save(adapter: SiteAdapter): Promise<{ accepted: boolean; problems: { zh: string; en: string; path?: string }[] }>;
  /** The page gate's hold, for a list control whose request a script builds (shown once, never sent). */
  holdRequests?: HoldRequests;
}

const Z = '2147483647';
const FIELD_CONTROLS = 'input, select, textarea, [contenteditable=""], [contenteditable="true"]';
const CONTROLS = 'button, a[href], a[onclick], input[type="button"], input[type="submit"], input[type="image"], [role="button"], [onclick]';
const INLINE = new Set(['i', 'span', 'svg', 'path', 'use', 'g', 'img', 'em', 'b', 'strong', 'font', 'small', 'label']);

let active: { cancel(): void } | null = null;

function isOurs(el: Element): boolean {
  return el.closest('[data-precheck]') !== null;
}

/** The element under a top-window point, looking into same-origin iframes. */
function elementAt(doc: Document, x: number, y: number): Element | null {
  const hit = doc.elementsFromPoint(x, y).find((e) => !isOurs(e)) ?? null;
  if (!hit) return null;
  const tag = hit.localName;
  if (tag === 'iframe' || tag === 'frame') {
    let inner: Document | null = null;
    try {
      inner = (hit as HTMLIFrameElement).contentDocument;
    } catch {
      inner = null;
    }
    if (inner?.documentElement) {
      const r = hit.getBoundingClientRect();
      const cs = hit.ownerDocument.defaultView?.getComputedStyle(hit);
      const left = r.left + hit.clientLeft + parseFloat(cs?.paddingLeft ?? '0');
      const top = r.top + hit.clientTop + parseFloat(cs?.paddingTop ?? '0');
      return elementAt(inner, x - left, y - top) ?? hit;
    }
  }
  return hit;
}

/** The element's box in top-window coordinates. */
function topRect(el: Element): { left: number; top: number; width: number; height: number } {
  const r = el.getBoundingClientRect();
  let left = r.left;
  let top = r.top;
  let win = el.ownerDocument.defaultView;
  while (win && win !== win.parent) {
    let frame: Element | null = null;
    try {
      frame = win.frameElement;
    } catch {
      break;
    }
    if (!frame) break;
    const fr = frame.getBoundingClientRect();
    left += fr.left + frame.clientLeft;
    top += fr.top + frame.clientTop;
    win = frame.ownerDocument.defaultView;
  }
  return { left, top, width: r.width, height: r.height };
}

/** What a click on `hit` means for the step: the form control a label names, the control an icon sits in. */
function targetFor(step: TeachStep, hit: Element): Element {
  if (!isControlStep(step)) {
    if (hit.localName === 'label') {
      const control = (hit as HTMLLabelElement).control;
      if (control) return control;
    }
    return hit.closest(FIELD_CONTROLS) ?? hit;
  }
  const control = hit.closest(CONTROLS);
  if (control) return control;
  // An icon or a text span inside a styled div: the nearest block-level ancestor is the control.
  let el = hit;
  while (INLINE.has(el.localName) && el.parentElement && el.parentElement.localName !== 'body') el = el.parentElement;
  return el;
}

function describeEditor(top: Window): { kind: SiteAdapter['editor']['kind']; framePath?: string[] } {
  try {
    const [first] = discoverEditors(top);
    if (!first) return { kind: 'contenteditable' };
    const framePath = framePathFor(first.root, top);
    return framePath && framePath.length > 0 ? { kind: first.kind, framePath } : { kind: first.kind };
  } catch {
    return { kind: 'contenteditable' };
  }
}

/** Starts pick mode in the top window; a second call while one runs restarts it. */
export function startTeach(top: Window, options: TeachOptions): void {
  active?.cancel();
  const doc = top.document;
  const host = doc.createElement('precheck-teach');
  host.setAttribute('data-precheck', '');
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.innerHTML = `
<style>
  :host { all: initial; }
  .layer { position: fixed; inset: 0; z-index: ${Z}; cursor: crosshair; background: transparent; }
  .box { position: fixed; z-index: ${Z}; pointer-events: none; box-sizing: border-box; border: 2px solid #1a73e8; background: rgba(26,115,232,.12); border-radius: 2px; }
  .box.picked { border-color: #1b7f3b; background: rgba(27,127,59,.12); }
  .box span { position: absolute; left: -2px; top: -20px; font: 12px/18px system-ui, sans-serif; background: #1b7f3b; color: #fff; padding: 0 4px; border-radius: 2px; white-space: nowrap; }
  .banner { position: fixed; z-index: ${Z}; top: 8px; left: 50%; transform: translateX(-50%); max-width: 90vw;
    font: 14px/1.5 system-ui, "Microsoft YaHei", sans-serif; color: #222; background: #fffbe6; border: 1px solid #e0c200;
    border-radius: 6px; box-shadow: 0 2px 10px rgba(0,0,0,.2); padding: 8px 12px; display: flex; gap: 10px; align-items: center; }
  .banner button { font: inherit; padding: 2px 10px; cursor: pointer; }
  .msg { flex: 1; }
  .err { color: #b3261e; }
</style>
<div class="layer" part="layer"></div>
<div class="boxes"></div>
<div class="box hover" hidden></div>
<div class="banner" role="dialog" aria-live="polite">
  <span class="msg"></span>
  <button type="button" class="skip">跳过 / Skip</button>
  <button type="button" class="cancel">取消 / Cancel</button>
</div>`;
  (doc.body ?? doc.documentElement).after(host);
  const layer = shadow.querySelector<HTMLElement>('.layer')!;
  const boxes = shadow.querySelector<HTMLElement>('.boxes')!;
  const hover = shadow.querySelector<HTMLElement>('.box.hover')!;
  const msg = shadow.querySelector<HTMLElement>('.msg')!;
  const skip = shadow.querySelector<HTMLButtonElement>('.skip')!;
  const cancelButton = shadow.querySelector<HTMLButtonElement>('.cancel')!;

  let index = 0;
  const STEPS = hasEditor(top) ? EDIT_STEPS : LIST_STEPS;
  const picked: { step: TeachStep; el: Element; pick: Pick }[] = [];
  let listRule: ListPublishRule | null = null;
  let note = '';
  /** Set while the administrator shows Precheck a script-built list control (the page is live meanwhile). */
  let demonstration: { text: string; stop(): void } | null = null;

  function place(box: HTMLElement, el: Element): void {
    const r = topRect(el);
    Object.assign(box.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
  }

  function render(): void {
    boxes.replaceChildren(
      ...picked.map((p) => {
        const box = doc.createElement('div');
        box.className = 'box picked';
        const label = doc.createElement('span');
        label.textContent = STEPS.find((s) => s.step === p.step)?.zh ?? p.step;
        box.append(label);
        place(box, p.el);
        return box;
      }),
    );
    const current = STEPS[index];
    if (!current) return;
    host.dataset.step = demonstration ? 'demonstrate' : current.step;
    msg.className = note ? 'msg err' : 'msg';
    msg.textContent =
      note ||
      demonstration?.text ||
      `教 Precheck 认识此页面（${index + 1}/${STEPS.length}）：请点击「${current.zh}」 / Teach Precheck (${index + 1}/${STEPS.length}): click the ${current.en}`;
    skip.hidden = isControlStep(current.step);
  }

  function finish(state: 'done' | 'cancelled' | 'error', text: string, closeAfterMs: number | null): void {
    demonstration?.stop();
    demonstration = null;
    layer.remove();
    hover.hidden = true;
    skip.hidden = true;
    cancelButton.textContent = '关闭 / Close';
    host.dataset.step = state;
    msg.className = state === 'error' ? 'msg err' : 'msg';
    msg.textContent = text;
    top.removeEventListener('keydown', onKey, true);
    top.removeEventListener('scroll', render, true);
    if (active === session) active = null;
    if (closeAfterMs !== null) top.setTimeout(() => host.remove(), closeAfterMs);
  }

  async function complete(): Promise<void> {
    host.dataset.step = 'saving';
    msg.textContent = '正在保存… / Saving…';
    layer.remove();
    const picks: Partial<Picks> = {};
    for (const p of picked) if (p.step !== 'listPublish') picks[p.step] = p.pick;
    const adapter = listRule ? listAdapterFromPick(top.location.href, listRule, doc.title) : adapterFromPicks(top.location.href, picks as Picks, describeEditor(top), doc.title);
    host.dataset.adapter = JSON.stringify(adapter);
    try {
      const result = await options.save(adapter);
      if (result.accepted) {
        finish('done', listRule ? '已记住此列表页的发布按钮 / Precheck now knows this list page' : '已记住此页面的字段和发布按钮 / Precheck now knows this page', 6000);
      } else {
        const problems = result.problems.map((p) => `${p.path ? `${p.path}: ` : ''}${p.zh} / ${p.en}`).join('；');
        finish('error', `保存失败 / Not saved: ${problems}`, null);
      }
    } catch (e) {
      finish('error', `保存失败 / Not saved: ${e instanceof Error ? e.message : String(e)}`, null);
    }
  }

  function advance(): void {
    index += 1;
    note = '';
    if (index >= STEPS.length) void complete();
    else render();
  }

  function pickAt(x: number, y: number): void {
    const current = STEPS[index];
    const hit = elementAt(doc, x, y);
    if (!current || !hit) return;
    const el = targetFor(current.step, hit);
    const selector = selectorFor(el);
    const framePath = framePathFor(el, top);
    if (!selector || !framePath) {
      note = '无法识别这个元素，请点另一个位置 / This element cannot be described; click another spot';
      render();
      return;
    }
    const firstField = picked.find((p) => !isControlStep(p.step));
    if (!isControlStep(current.step) && firstField && !sameFrame(firstField.pick.framePath, framePath)) {
      note = '各字段须在同一个框架内，请重新点击 / All fields must be in the same frame; click again';
      render();
      return;
    }
    const pick = { step: current.step, el, pick: { selector, framePath } };
    if (current.step === 'listPublish') {
      listRule = listPublishFromControl(el, el.ownerDocument.defaultView?.location.href ?? top.location.href);
      if (!listRule) {
        demonstrate(pick);
        return;
      }
    }
    picked.push(pick);
    advance();
  }

  /** The control's markup does not say where its request goes: the administrator shows it once. */
  function demonstrate(pick: (typeof picked)[number]): void {
    if (!options.holdRequests) {
      note = '看不出此按钮的请求发往哪里（由脚本生成）：请在 选项 → 站点 以 JSON 填写 listPublish / This control builds its request in a script: write listPublish in Options → Sites';
      render();
      return;
    }
    // The page is live while it is shown: its checkboxes and the control take real clicks.
    layer.hidden = true;
    hover.hidden = true;
    host.dataset.step = 'demonstrate';
    const stop = demonstrateListPublish(
      () => sameOriginWindows(top).map((w) => w.document),
      options.holdRequests,
      (rule) => {
        demonstration = null;
        layer.hidden = false;
        listRule = rule;
        picked.push(pick);
        advance();
      },
      () => {
        note = `${NO_IDS_TEXT.zh} / ${NO_IDS_TEXT.en}`;
        render();
      },
    );
    demonstration = { text: `${DEMONSTRATE_TEXT.zh} / ${DEMONSTRATE_TEXT.en}`, stop };
    note = '';
    msg.className = 'msg';
    msg.textContent = demonstration.text;
  }

  const swallow = (e: Event) => {
    e.preventDefault();
    e.stopPropagation();
  };
  for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'dblclick', 'contextmenu'] as const) {
    layer.addEventListener(type, swallow, true);
  }
  layer.addEventListener(
    'click',
    (e) => {
      swallow(e);
      pickAt(e.clientX, e.clientY);
    },
    true,
  );
  layer.addEventListener('mousemove', (e) => {
    const current = STEPS[index];
    const hit = elementAt(doc, e.clientX, e.clientY);
    if (!current || !hit) {
      hover.hidden = true;
      return;
    }
    place(hover, targetFor(current.step, hit));
    hover.hidden = false;
  });
  layer.addEventListener('mouseleave', () => {
    hover.hidden = true;
  });
  skip.addEventListener('click', () => advance());
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      session.cancel();
    }
  };
  top.addEventListener('keydown', onKey, true);
  top.addEventListener('scroll', render, true);

  const session = {
    cancel() {
      if (host.dataset.step === 'done' || host.dataset.step === 'error' || host.dataset.step === 'cancelled') {
        host.remove();
        return;
      }
      finish('cancelled', '已取消 / Cancelled', 0);
    },
  };
  cancelButton.addEventListener('click', () => session.cancel());
  active = session;
  render();
}
