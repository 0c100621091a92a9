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
import { apply, keptWeakMap, NativeFormData } from '../natives';

type PageWindow = Window & typeof globalThis;

/** The form's real action and method, even when a field named "action" or "method" shadows them. */
export function formTarget(win: PageWindow, form: HTMLFormElement): { method: string; url: string } {
  const getAttr = win.Element.prototype.getAttribute;
  const action = apply(getAttr, form, ['action']);
  const method = (apply(getAttr, form, ['method']) ?? 'get').toLowerCase() === 'post' ? 'POST' : 'GET';
  return { method, url: absoluteUrl(win, action || win.document.URL) };
}

export function hookFormSubmit(win: PageWindow, channel: GuardChannel): void {
  const proto = win.HTMLFormElement.prototype;
  const submit = proto.submit;
  // read through WeakMap's methods kept at document_start (../natives.ts): page code may replace the window's later
  const keys = keptWeakMap<Blob, string>();
  const keyOf = (b: Blob) => keys.get(b);
  /** `again`: the files were just read for this very submission; unknown ones now stay pending. */
  function judgeSubmit(form: HTMLFormElement, again: boolean): void {
    const { method, url } = formTarget(win, form);
    const s = serializeBody(win, new NativeFormData(form));
    if (!again && method === 'POST' && s.blobs.some((b) => keyOf(b) === undefined)) {
      void channel.learn(s.blobs).then((learned) => {
        learned.forEach((k, i) => k && keys.set(s.blobs[i]!, k));
        judgeSubmit(form, true);
      });
      return;
    }
    const body = method === 'GET' ? { kind: 'none' as const } : withFileKeys(s, keyOf);
    const query = method === 'GET' && s.body.kind === 'entries' ? s.body.entries.filter((e): e is [string, string] => typeof e[1] === 'string') : [];
    const full = query.length > 0 ? `${url.split('?')[0]}?${new win.URLSearchParams(query).toString()}` : url;
    const navigatesHere = targetsThisPage(win.document, apply(win.Element.prototype.getAttribute, form, ['target']));
    if (!channel.askSync({ route: 'form.submit', method, url: full, body, navigatesHere }).pass) return;
    apply(submit, form, []);
  }

  function guardedSubmit(this: HTMLFormElement): void {
    judgeSubmit(this, false);
  }
  proto.submit = guardedSubmit;
}
