/**
 * Stops a document a `javascript:` URL made on a covered page (../javascript-document.ts) before its
 * parser loads anything: its markup cannot be read to be judged (it sits in the parser, never in a
 * page hook), and CMS pages never show one on purpose — a CMS's `javascript:` buttons run a function
 * and make no document. The parse is stopped, and a Content-Security-Policy that allows no load is put
 * in first: when the string opens with an `<img>`, the parser makes that element right after this
 * script (the `<html>` it runs on was made for it), and only a policy already in place stops its
 * request (measured, Chromium: with `stop()` alone the picture still loaded). Firefox has sent those
 * requests already by the time any extension script runs there (measured): there the route stays
 * open (README, "Still open"). The page then says why, in place of the string's content.
 */
import { madeByJavascriptUrl, type NavigationTimingLike } from '../javascript-document';

type PageWindow = Window & typeof globalThis;

const STOPPED = '发布前预检：此 javascript: 地址生成的页面内容无法检查，已阻止。请返回上一页。';
const NO_LOADS = "default-src 'none'; form-action 'none'";

/** True when the document was stopped (the guard is still installed: it judges what is left). */
export function stopJavascriptDocument(win: PageWindow): boolean {
  const timing = win.performance?.getEntriesByType?.('navigation')[0] as NavigationTimingLike | undefined;
  if (!madeByJavascriptUrl(win.location.href, timing)) return false;
  win.stop();
  const doc = win.document;
  const root = doc.documentElement ?? doc.appendChild(doc.createElement('html'));
  const head = doc.createElement('head');
  const csp = doc.createElement('meta');
  csp.httpEquiv = 'Content-Security-Policy';
  csp.content = NO_LOADS;
  head.appendChild(csp);
  root.prepend(head);
  // once the parser is done with the token it was on
  win.setTimeout(() => {
    const body = doc.createElement('body');
    body.textContent = STOPPED;
    doc.documentElement?.replaceChildren(head, body);
  }, 0);
  return true;
}
