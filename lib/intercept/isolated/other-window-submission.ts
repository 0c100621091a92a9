/**
 * Submissions the navigate event does not judge (aimed at another window, or a document made from
 * their address): what is decided while they can still be cancelled. Their entry lists are judged as
 * they are built (submissions.ts), where a list can only be emptied or, for one judged whole, the
 * form taken out of its document (form-out.ts).
 */
import type { Outgoing, RefuseReason } from '../../gate/types';
import { javascriptResultReadable, javascriptUrlText } from '../../gate/html-urls';
import type { NavigationJudge } from './navigation';

/** A URL that is its own document (its content is in it): judged by that. */
export const DOCUMENT_URL = /^data:/i;

/** The method and URL a submission goes to (a GET's query is its entries). */
export function formAddress(win: Window, form: HTMLFormElement, submitter: HTMLElement | null): { method: 'GET' | 'POST'; url: string } {
  const action = submitter?.getAttribute('formaction') || form.getAttribute('action') || win.document.URL;
  const method = (submitter?.getAttribute('formmethod') ?? form.getAttribute('method') ?? 'get').toLowerCase() === 'post' ? 'POST' : 'GET';
  return { method, url: new URL(action, win.document.baseURI).href };
}

/** Refusals for what an address carries, whatever the entries: which items a submission acts on may be in them. */
const CARRIED: ReadonlySet<RefuseReason> = new Set<RefuseReason>(['block-finding', 'needs-signoff', 'draft-save-block', 'draft-save-unsigned', 'opaque-body', 'sealed-body']);

/**
 * What becomes of a submission where its formdata event could only empty its entries:
 * - 'refuse' (now, while it can be cancelled): its address makes a document (documentActionRefused),
 *   or, aimed at another window, what its URL carries is refused — emptied entries would not stop it
 *   (a POST into a fresh frame whose action held the draft delivered it so);
 * - 'by-entries': aimed at another window, its URL alone is refused for the items it acts on (a list
 *   publish naming unsigned ids in its action's query left with its URL, the entries emptied).
 *   Whether the entries change that (the signed draft, a declared draft save) is decided on the list
 *   the browser sends (submissions.ts), after the page's own listeners have filled it;
 * - 'let-go': its entries are judged as the browser builds them.
 */
export function submitCall(win: Window, judge: NavigationJudge, form: HTMLFormElement, submitter: HTMLElement | null, elsewhere: boolean): 'refuse' | 'by-entries' | 'let-go' {
  if (documentActionRefused(win, judge, form, submitter, elsewhere)) return 'refuse';
  if (!elsewhere) return 'let-go';
  try {
    const { method, url } = formAddress(win, form, submitter);
    const address = new URL(url);
    if (method === 'GET') address.search = '';
    const o: Outgoing = { route: 'form', method, url: address.href, body: { kind: 'none' }, control: judge.control() };
    const v = judge.peek(o);
    if (v.pass) return 'let-go';
    if (!CARRIED.has(v.reason)) return 'by-entries';
    judge.judge(o);
    return 'refuse';
  } catch {
    return 'refuse';
  }
}

/**
 * A form whose action is a data: URL makes its document in the target window, whatever its entries:
 * emptied entries would not stop what the document loads (a twelfth probe's data: `<img>` fetched the
 * ID in a fresh frame). Judged by its URL, which holds the document, while the submission can still
 * be cancelled. So does a `javascript:` action aimed at another window: the string its code evaluates
 * to becomes that window's document (the Firefox probe saw `action="javascript:parent.html"` into a
 * fresh frame load the ID). A string literal is judged as the URL it stands in; code whose result it
 * does not show (a variable, a call) is refused as unreadable, as a frame's `javascript:` src is
 * (MAIN: hooks/load-judge.ts). One aimed at this page runs as the CMS's `action="javascript:save()"`
 * always did.
 */
function documentActionRefused(win: Window, judge: NavigationJudge, form: HTMLFormElement, submitter: HTMLElement | null, elsewhere: boolean): boolean {
  try {
    const action = submitter?.getAttribute('formaction') || form.getAttribute('action') || '';
    const url = new URL(action, win.document.baseURI).href;
    const code = elsewhere ? javascriptUrlText(url) : undefined;
    if (!DOCUMENT_URL.test(url) && code === undefined) return false;
    const unreadable = code !== undefined && !javascriptResultReadable(code);
    const body: Outgoing['body'] = unreadable ? { kind: 'opaque', what: 'javascript: 地址生成的页面' } : { kind: 'none' };
    return !judge.judge({ route: 'form', method: 'GET', url, body, control: judge.control() }).pass;
  } catch {
    return true;
  }
}
