/**
 * A form's entry list as the browser would build it for a submission by `submitter` (HTML's
 * "constructing the entry list"), read from its controls without building it: `new FormData(form)`
 * fires a formdata event the page's own listeners would see, and the submission then builds its own.
 * Asked only where a verdict needs the entries before the browser has made them (a submission aimed
 * at another window, while it can still be cancelled); the entry list itself is judged as it is made.
 * Not read: form-associated custom elements' values (ElementInternals), which page code alone holds.
 */
import type { Entry } from '../../gate/types';
import { pairsOf } from '../../gate/pairs';

const BUTTONS = new Set(['submit', 'image', 'reset', 'button']);

type Control = HTMLInputElement | HTMLButtonElement | HTMLSelectElement | HTMLTextAreaElement;

function skipped(el: Element): boolean {
  return el.closest('datalist') !== null || el.matches(':disabled');
}

function appendInput(fd: FormData, el: HTMLInputElement, name: string, submitter: Element | null): void {
  const type = el.type;
  if (type === 'image') {
    if (el !== submitter) return;
    fd.append(`${name ? name + '.' : ''}x`, '0');
    fd.append(`${name ? name + '.' : ''}y`, '0');
    return;
  }
  if (!name) return;
  if (BUTTONS.has(type)) {
    if (el === submitter && type === 'submit') fd.append(name, el.value);
    return;
  }
  if ((type === 'checkbox' || type === 'radio') && !el.checked) return;
  if (type === 'file') {
    const files = el.files ? [...el.files] : [];
    if (files.length === 0) fd.append(name, new File([], '', { type: 'application/octet-stream' }));
    for (const f of files) fd.append(name, f);
    return;
  }
  if (type === 'hidden' && name.toLowerCase() === '_charset_') fd.append(name, 'UTF-8');
  else fd.append(name, el.value);
  const dirname = el.getAttribute('dirname');
  if (dirname && (type === 'text' || type === 'search')) fd.append(dirname, 'ltr');
}

/** form.elements in tree order, with an image button that submits (the collection leaves those out). */
function controlsOf(form: HTMLFormElement, submitter: Element | null): Control[] {
  const list = [...form.elements] as Control[];
  if (!(submitter instanceof HTMLInputElement) || submitter.type !== 'image' || submitter.form !== form) return list;
  const after = list.findIndex((el) => (submitter.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
  list.splice(after < 0 ? list.length : after, 0, submitter);
  return list;
}

export function formEntries(form: HTMLFormElement, submitter: Element | null): FormData {
  const fd = new FormData();
  for (const el of controlsOf(form, submitter)) {
    if (skipped(el)) continue;
    const name = el.getAttribute('name') ?? '';
    if (el instanceof HTMLInputElement) appendInput(fd, el, name, submitter);
    else if (!name) continue;
    else if (el instanceof HTMLButtonElement) {
      if (el === submitter && el.type === 'submit') fd.append(name, el.value);
    } else if (el instanceof HTMLSelectElement) {
      for (const o of el.selectedOptions) if (!o.disabled) fd.append(name, o.value);
    } else if (el instanceof HTMLTextAreaElement) {
      fd.append(name, el.value);
      const dirname = el.getAttribute('dirname');
      if (dirname) fd.append(dirname, 'ltr');
    }
  }
  return fd;
}

/** A FormData's entries as the gate reads them: files by name, type, size and the key of their scan. */
export function entriesOf(fd: FormData, fileKey?: (file: File) => string | undefined): Entry[] {
  const out: Entry[] = [];
  for (const [name, value] of pairsOf(fd)) {
    if (typeof value === 'string') out.push([name, value]);
    else out.push([name, { name, filename: value.name, type: value.type, size: value.size, key: fileKey?.(value) }]);
  }
  return out;
}
