/**
 * Finding what the administrator points at in teach mode: the element under the pointer through
 * same-origin iframes, its box in top-window coordinates, and what a click on it means for the step
 * (the control a label names, the button an icon sits in).
 */
import { discoverEditors } from '../../editors';
import { framePathFor, type PickField } from '../../policy/adapter-from-picks';
import type { SiteAdapter } from '../../policy/schema';

/** draftSave: the CMS's own 保存草稿 and 发布 pressed once each (teach/save-demonstration.ts), not picked. */
export type TeachStep = PickField | 'publish' | 'listPublish' | 'draftSave';

const FIELD_CONTROLS = 'input, select, textarea, [contenteditable=""], [contenteditable="true"]';
const CONTROLS = 'button, a[href], a[onclick], input[type="button"], input[type="submit"], input[type="image"], [role="button"], [onclick]';
const INLINE = new Set(['i', 'span', 'svg', 'path', 'use', 'g', 'img', 'em', 'b', 'strong', 'font', 'small', 'label']);

export const isControlStep = (step: TeachStep) => step === 'publish' || step === 'listPublish';

export function isOurs(el: Element): boolean {
  return el.closest('[data-precheck]') !== null;
}

export function hasEditor(top: Window): boolean {
  try {
    return discoverEditors(top).length > 0;
  } catch {
    return false;
  }
}

/** The element under a top-window point, looking into same-origin iframes. */
export function elementAt(doc: Document, x: number, y: number): Element | null {
  const hit = doc.elementsFromPoint(x, y).find((e) => !isOurs(e)) ?? null;
  if (!hit) return null;
  const tag = hit.localName;
  if (tag !== 'iframe' && tag !== 'frame') return hit;
  let inner: Document | null = null;
  try {
    inner = (hit as HTMLIFrameElement).contentDocument;
  } catch {
    inner = null;
  }
  if (!inner?.documentElement) return hit;
  const r = hit.getBoundingClientRect();
  const cs = hit.ownerDocument.defaultView?.getComputedStyle(hit);
  const left = r.left + hit.clientLeft + parseFloat(cs?.paddingLeft ?? '0');
  const top = r.top + hit.clientTop + parseFloat(cs?.paddingTop ?? '0');
  return elementAt(inner, x - left, y - top) ?? hit;
}

/** The element's box in top-window coordinates. */
export function topRect(el: Element): { left: number; top: number; width: number; height: number } {
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
export function targetFor(step: TeachStep, hit: Element): Element {
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

export function describeEditor(top: Window): { kind: SiteAdapter['editor']['kind']; framePath?: string[] } {
  try {
    const [first] = discoverEditors(top);
    if (!first) return { kind: 'contenteditable' };
    const framePath = framePathFor(first.root, top);
    return framePath && framePath.length > 0 ? { kind: first.kind, framePath } : { kind: first.kind };
  } catch {
    return { kind: 'contenteditable' };
  }
}
