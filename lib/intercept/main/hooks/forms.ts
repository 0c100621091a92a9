/* eslint-disable @typescript-eslint/unbound-method -- the original is kept unbound and always called on the form. */
/**
 * form.submit() fires no submit event, so the isolated world never sees it coming: judged here, now,
 * on the form's entry list as it would be sent. (Submissions with an event — a click, Enter,
 * requestSubmit — are judged by the isolated world on the navigation itself.)
 */
import { targetsThisPage } from '../../form-target';
import type { GuardChannel } from '../channel';
import { serializeBody, withoutBlobs } from '../serialize';
import { absoluteUrl } from './network';

type PageWindow = Window & typeof globalThis;

/** The form's real action and method, even when a field named "action" or "method" shadows them. */
export function formTarget(win: PageWindow, form: HTMLFormElement): { method: string; url: string } {
  const getAttr = win.Element.prototype.getAttribute;
  const action = getAttr.call(form, 'action');
  const method = (getAttr.call(form, 'method') ?? 'get').toLowerCase() === 'post' ? 'POST' : 'GET';
  return { method, url: absoluteUrl(win, action || win.document.URL) };
}

export function hookFormSubmit(win: PageWindow, channel: GuardChannel): void {
  const proto = win.HTMLFormElement.prototype;
  const submit = proto.submit;
  proto.submit = function (this: HTMLFormElement) {
    const { method, url } = formTarget(win, this);
    const s = serializeBody(win, new win.FormData(this));
    const body = method === 'GET' ? { kind: 'none' as const } : withoutBlobs(s);
    const query = method === 'GET' && s.body.kind === 'entries' ? s.body.entries.filter((e): e is [string, string] => typeof e[1] === 'string') : [];
    const full = query.length > 0 ? `${url.split('?')[0]}?${new win.URLSearchParams(query).toString()}` : url;
    const navigatesHere = targetsThisPage(win.document, win.Element.prototype.getAttribute.call(this, 'target'));
    if (!channel.askSync({ route: 'form.submit', method, url: full, body, navigatesHere }).pass) return;
    submit.call(this);
  };
}
