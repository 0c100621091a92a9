/* eslint-disable @typescript-eslint/unbound-method -- the original is kept unbound and always called on the form. */
/**
 * form.submit() fires no submit event, so the isolated world never sees it coming: judged here, now,
 * on the form's entry list as it would be sent. (Submissions with an event — a click, Enter,
 * requestSubmit — are judged by the isolated world on the navigation itself.) A file in the form is
 * read by the isolated world first: the submission waits for that, then runs again and is judged
 * with what the file holds (the hidden-form uploads of UEditor's 单图上传 and old CMS dialogs).
 */
import { targetsThisPage } from '../../form-target';
import type { GuardChannel } from '../channel';
import { serializeBody, withFileKeys } from '../serialize';
import { absoluteUrl } from './network';
import { apply, indexOf, keptWeakMap, lower, sliceText } from '../../../realm/intrinsics';
import { NativeFormData, NativeParams, paramsText } from '../natives';
import type { Entry } from '../../../gate/types';

type PageWindow = Window & typeof globalThis;

/** The form's real action and method, even when a field named "action" or "method" shadows them. */
export function formTarget(win: PageWindow, form: HTMLFormElement, getAttr = win.Element.prototype.getAttribute): { method: string; url: string } {
  const action = apply(getAttr, form, ['action']);
  const method = lower(apply(getAttr, form, ['method']) ?? 'get') === 'post' ? 'POST' : 'GET';
  return { method, url: absoluteUrl(win, action || win.document.URL) };
}

/** The text fields of a GET form, as its query will carry them. */
function queryOf(entries: readonly Entry[]): string {
  // appended one by one with append kept: the constructor would walk a list with the page's iterator
  const query = new NativeParams();
  let any = false;
  for (let i = 0; i < entries.length; i++) {
    const value = entries[i]![1];
    if (typeof value !== 'string') continue;
    apply(paramsAppend, query, [entries[i]![0], value]);
    any = true;
  }
  return any ? paramsText(query)! : '';
}

 
const paramsAppend = NativeParams.prototype.append;

const withoutQuery = (url: string) => (indexOf(url, '?') < 0 ? url : sliceText(url, 0, indexOf(url, '?')));

export function hookFormSubmit(win: PageWindow, channel: GuardChannel): void {
  const proto = win.HTMLFormElement.prototype;
  const submit = proto.submit;
  // kept now: a page could make the form's action or target read as another
  const getAttr = win.Element.prototype.getAttribute;
  // read through WeakMap's methods kept at document_start (../natives.ts): page code may replace the window's later
  const keys = keptWeakMap<Blob, string>();
  const keyOf = (b: Blob) => keys.get(b);
  /** `again`: the files were just read for this very submission; unknown ones now stay pending. */
  function judgeSubmit(form: HTMLFormElement, again: boolean): void {
    const { method, url } = formTarget(win, form, getAttr);
    const s = serializeBody(win, new NativeFormData(form));
    let unknown = false;
    for (let i = 0; i < s.blobs.length; i++) unknown ||= keyOf(s.blobs[i]!) === undefined;
    if (!again && method === 'POST' && unknown) {
      // eslint-disable-next-line no-restricted-syntax -- a sealed promise: its own then is the original (lib/realm/intrinsics.ts)
      void channel.learn(s.blobs).then((learned) => {
        for (let i = 0; i < learned.length; i++) if (learned[i]) keys.set(s.blobs[i]!, learned[i]!);
        judgeSubmit(form, true);
      });
      return;
    }
    const body = method === 'GET' ? { kind: 'none' as const } : withFileKeys(s, keyOf);
    const query = method === 'GET' && s.body.kind === 'entries' ? queryOf(s.body.entries) : '';
    const full = query !== '' ? `${withoutQuery(url)}?${query}` : url;
    const navigatesHere = targetsThisPage(win.document, apply(getAttr, form, ['target']));
    if (!channel.askSync({ route: 'form.submit', method, url: full, body, navigatesHere }).pass) return;
    apply(submit, form, []);
  }

  function guardedSubmit(this: HTMLFormElement): void {
    judgeSubmit(this, false);
  }
  proto.submit = guardedSubmit;
}
