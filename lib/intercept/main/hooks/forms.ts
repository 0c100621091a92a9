/* eslint-disable @typescript-eslint/unbound-method -- the original is kept unbound and always called on the form. */
/**
 * form.submit() fires no submit event, so the isolated world never sees it coming: judged here, now,
 * on the form's entry list, and that very list is what is sent (./form-copy.ts: the browser's own
 * submit() would build it again, and the page's formdata listeners could add to it then).
 * (Submissions with an event — a click, Enter, requestSubmit — are judged by the isolated world on
 * the navigation itself.) A file in the form is read by the isolated world first: the submission
 * waits for that, then runs again and is judged with what the file holds (the hidden-form uploads
 * of UEditor's 单图上传 and old CMS dialogs). A `javascript:` action aimed at another window makes
 * that window's document of the string its code evaluates to: judged as a frame's `javascript:` src
 * is (./load-judge.ts; refused when the code does not show its result).
 */
import { targetsThisPage } from '../../form-target';
import type { GuardChannel } from '../channel';
import { serializeBody, withFileKeys } from '../serialize';
import { absoluteUrl } from './network';
import { apply, indexOf, keptWeakMap, lower, sliceText } from '../../../realm/intrinsics';
import { formDataEntries, getter, NativeFormData, NativeParams, paramsText } from '../natives';
import { formCopier } from './form-copy';
import type { Entry } from '../../../gate/types';
import { javascriptUrlText } from '../../../gate/html-urls';
import type { LoadJudge } from './load-judge';
import { ownWindowTarget } from '../../own-window';

type PageWindow = Window & typeof globalThis;

/** The form's real action and method, even when a field named "action" or "method" shadows them. */
export function formTarget(win: PageWindow, form: HTMLFormElement, getAttr = win.Element.prototype.getAttribute): { method: 'GET' | 'POST'; url: string } {
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

export function hookFormSubmit(win: PageWindow, channel: GuardChannel, loads: LoadJudge): void {
  const proto = win.HTMLFormElement.prototype;
  const submit = proto.submit;
  // kept now: a page could make the form's action or target read as another
  const getAttr = win.Element.prototype.getAttribute;
  // read through WeakMap's methods kept at document_start (../natives.ts): page code may replace the window's later
  const keys = keptWeakMap<Blob, string>();
  const keyOf = (b: Blob) => keys.get(b);
  const sendCopy = formCopier(win);
  const isConnected = getter(win.Node.prototype, 'isConnected');
  const inOwnWindow = ownWindowTarget(win);
  /** `again`: the files were just read for this very submission; unknown ones now stay pending. */
  function judgeSubmit(form: HTMLFormElement, again: boolean): void {
    // what the browser's submit() does not send, neither does the guard's: a form out of its document,
    // or one whose entry list is being built (submit() from the form's own formdata listener)
    if (!isConnected(form)) return;
    if (lower(apply(getAttr, form, ['method']) ?? '') === 'dialog') return void apply(submit, form, []);
    let fd: FormData;
    try {
      fd = new NativeFormData(form);
    } catch {
      return;
    }
    const { method, url } = formTarget(win, form, getAttr);
    const s = serializeBody(win, fd);
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
    const attr = (name: string) => apply<string | null>(getAttr, form, [name]);
    // read once: where the copy goes is where the judge was told it goes
    const target = attr('target');
    if (!inOwnWindow(target) && javascriptUrlText(url) !== undefined && !loads.allowed(url, 'form.submit', 'document').pass) return;
    if (!channel.askSync({ route: 'form.submit', method, url: full, body, navigatesHere: targetsThisPage(win.document, target) }).pass) return;
    sendCopy(form, formDataEntries(fd) ?? [], { action: url, method, enctype: attr('enctype'), acceptCharset: attr('accept-charset'), target, rel: attr('rel') });
  }

  function guardedSubmit(this: HTMLFormElement): void {
    judgeSubmit(this, false);
  }
  proto.submit = guardedSubmit;
}
