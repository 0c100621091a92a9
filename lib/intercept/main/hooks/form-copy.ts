/* eslint-disable @typescript-eslint/unbound-method -- the platform's methods are kept unbound at install and applied to their own targets. */
/**
 * What form.submit() sends once judged: a copy of the judged entry list, posted by a form of the
 * guard's own. The browser's submit() builds the entry list anew, firing the page's `formdata`
 * listeners again: one that added the draft to the browser's build only got it out (to a frame or a
 * new window, which no navigate event of this page judges again; gate-read-once). The copy's form
 * sits in a closed shadow root: its `formdata` event is not composed, no page listener hears it, and
 * page code cannot reach the form.
 */
import { apply, bare, keptWeakMap } from '../../../realm/intrinsics';
import { getter } from '../natives';

type PageWindow = Window & typeof globalThis;

/** The original form's attributes that decide where and how the copy goes. */
export interface Destination {
  action: string;
  method: 'GET' | 'POST';
  enctype: string | null;
  acceptCharset: string | null;
  target: string | null;
  rel: string | null;
}

export type SendCopy = (form: HTMLFormElement, entries: readonly [string, FormDataEntryValue][], to: Destination) => void;

/** Kept at install: page code may replace any of these before a form is submitted. */
export function formCopier(win: PageWindow): SendCopy {
  const createElement = win.Document.prototype.createElement;
  const attachShadow = win.Element.prototype.attachShadow;
  const appendChild = win.Node.prototype.appendChild;
  const removeChild = win.Node.prototype.removeChild;
  const setAttribute = win.Element.prototype.setAttribute;
  const removeAttribute = win.Element.prototype.removeAttribute;
  const submit = win.HTMLFormElement.prototype.submit;
  const setTimer = win.setTimeout;
  const ownerDocument = getter(win.Node.prototype, 'ownerDocument');
  const documentElement = getter(win.Document.prototype, 'documentElement');
  const firstChild = getter(win.Node.prototype, 'firstChild');
  const parentNode = getter(win.Node.prototype, 'parentNode');
  const setFiles = Object.getOwnPropertyDescriptor(win.HTMLInputElement.prototype, 'files')?.set;
  const NativeTransfer = win.DataTransfer;
  const transferItems = getter(win.DataTransfer?.prototype, 'items');
  const transferFiles = getter(win.DataTransfer?.prototype, 'files');
  const addItem = win.DataTransferItemList?.prototype.add;

  const element = (doc: Document, tag: string, attributes: [string, string | null][]) => {
    const el = apply<HTMLElement>(createElement, doc, [tag]);
    for (let i = 0; i < attributes.length; i++) if (attributes[i]![1] !== null) apply(setAttribute, el, [attributes[i]![0], attributes[i]![1]]);
    return el;
  };
  const fileInput = (doc: Document, name: string, file: File) => {
    const input = element(doc, 'input', [['type', 'file'], ['name', name]]);
    const transfer = new NativeTransfer();
    apply(addItem, transferItems(transfer), [file]);
    apply(setFiles!, input, [transferFiles(transfer)]);
    return input;
  };

  /** Each original form's copy, kept while it may still be submitted again (a second submit() replaces the first, as the browser's own does). */
  const copies = keptWeakMap<HTMLFormElement, { host: Element; form: HTMLFormElement; sends: number }>();

  return (original, entries, to) => {
    const doc = ownerDocument(original) as Document;
    let copy = copies.get(original);
    if (!copy) {
      // a span: no custom element of the page's can be made in its place
      const host = element(doc, 'span', [['hidden', '']]);
      // without a prototype: no member the page puts on Object.prototype (serializable, clonable) is read
      const root = apply(attachShadow, host, [bare({ mode: 'closed' })]);
      const form = apply<HTMLFormElement>(appendChild, root, [apply(createElement, doc, ['form'])]);
      copies.set(original, (copy = { host, form, sends: 0 }));
    }
    const { host, form } = copy;
    for (let c = firstChild(form) as Node | null; c; c = firstChild(form) as Node | null) apply(removeChild, form, [c]);
    const attributes: [string, string | null][] = [['action', to.action], ['method', to.method], ['enctype', to.enctype], ['accept-charset', to.acceptCharset], ['target', to.target], ['rel', to.rel]];
    // an absent target is not an empty one (a <base target> counts only for the first)
    for (let i = 0; i < attributes.length; i++) {
      const value = attributes[i]![1];
      apply(value === null ? removeAttribute : setAttribute, form, value === null ? [attributes[i]![0]] : [attributes[i]![0], value]);
    }
    for (let i = 0; i < entries.length; i++) {
      const name = entries[i]![0];
      const value = entries[i]![1];
      apply(appendChild, form, [typeof value === 'string' ? element(doc, 'input', [['type', 'hidden'], ['name', name], ['value', value]]) : fileInput(doc, name, value)]);
    }
    if (parentNode(host) === null) apply(appendChild, documentElement(doc), [host]);
    const sends = ++copy.sends;
    apply(submit, form, []);
    // out of the page once the submission has left (a task later), unless submitted again meanwhile
    apply(setTimer, win, [() => copy.sends === sends && parentNode(host) !== null && apply(removeChild, parentNode(host), [host]), 0]);
  };
}
