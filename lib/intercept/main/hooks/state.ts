 
/**
 * What the page leaves behind that leaves later by itself, without another hooked call:
 * - the page's own address (history.pushState / replaceState): every later same-origin request sends
 *   it as its Referer;
 * - a cookie (document.cookie, cookieStore.set): every later request to the site carries it;
 * - a window's name (window.name, window.open's target, a frame's name, a link's or form's target):
 *   the document the window goes to next, another origin included, reads it.
 * Each is judged as it is written, like the request it stands for; a refusal throws a SecurityError
 * (a rejected promise for cookieStore), as a write the browser forbids does. A value that cannot hold
 * text (no encoded or non-ASCII text, no long digit run) is not asked about.
 */
import type { Outgoing, Route } from '../../../gate/types';
import type { GuardChannel } from '../channel';
import { mayCarryText } from '../serialize';
import type { LoadJudge } from './load-judge';
import { refusal } from './sockets';
import { once } from './once';
import { beforeAsyncCall, beforeCall, beforeSet, protoOf } from './wrap';
import { tagNameOf } from '../natives';
import { bare, decodeUri, indexOf, matches, sliceText, toText, trim } from '../../../realm/intrinsics';

type PageWindow = Window & typeof globalThis;

/** `name=value; path=/` → the name and its value, decoded as a server would read it. */
export function cookieEntry(cookie: string): [string, string] {
  const semicolon = indexOf(cookie, ';');
  const pair = semicolon < 0 ? cookie : sliceText(cookie, 0, semicolon);
  const eq = indexOf(pair, '=');
  const name = eq < 0 ? '' : sliceText(pair, 0, eq);
  let decoded = trim(eq < 0 ? pair : sliceText(pair, eq + 1));
  try {
    decoded = decodeUri(decoded);
  } catch {
    // not percent-encoded: judged as written
  }
  return [trim(name), decoded];
}

/** The judge of a text the page writes somewhere it leaves from later (throws when refused). */
export type TextJudge = (route: Route, name: string, value: string) => void;

export function textJudge(win: PageWindow, channel: GuardChannel): TextJudge {
  return (route, name, value) => {
    if (!mayCarryText(value) && !mayCarryText(name)) return;
    const o: Outgoing = { route, method: 'SET', url: `${win.location.origin}/`, body: { kind: 'entries', entries: [[name, value]] } };
    const a = channel.askSync(o);
    if (!a.pass) throw refusal(win, a.message);
  };
}

function hookHistory(win: PageWindow, loads: LoadJudge): void {
  const judge = (_: unknown, args: unknown[]) => {
    const url = args[2];
    if (url === undefined || url === null) return;
    const a = loads.allowed(toText(url), 'history');
    if (!a.pass) throw refusal(win, a.message);
  };
  beforeCall(win.History?.prototype, 'pushState', judge, [2]);
  beforeCall(win.History?.prototype, 'replaceState', judge, [2]);
}

function hookCookies(win: PageWindow, text: TextJudge): void {
  beforeSet(win.Document.prototype, 'cookie', (_, value) => {
    const entry = cookieEntry(toText(value));
    text('cookie', entry[0], entry[1]);
  });
  beforeAsyncCall(
    win,
    protoOf(win, 'CookieStore'),
    'set',
    (_, args) => {
      const first = args[0];
      const second = args[1];
      // The options object read once: the copy, not the page's object, is what is set.
      if (typeof first === 'object' && first !== null) {
        // each getter asked once, by the spread; the copy is what is judged and set
        const copy: Record<string, unknown> = { ...first };
        // without a prototype: a member it lacks is not found on the page's Object.prototype either
        args[0] = bare({ ...copy, name: once(copy.name), value: once(copy.value) });
      }
      const o = typeof args[0] === 'object' && args[0] !== null ? (args[0] as { name?: unknown; value?: unknown }) : { name: first, value: second };
      text('cookie', toText(o.name ?? ''), cookieEntry(`x=${toText(o.value ?? '')}`)[1]);
    },
    [1],
  );
}

/** Elements whose name or target names a window the next document in it can read. */
const NAMED_WINDOWS: [ctor: string, prop: string][] = [
  ['HTMLIFrameElement', 'name'],
  ['HTMLFrameElement', 'name'],
  ['HTMLObjectElement', 'name'],
  ['HTMLEmbedElement', 'name'],
  ['HTMLAnchorElement', 'target'],
  ['HTMLAreaElement', 'target'],
  ['HTMLFormElement', 'target'],
  ['HTMLBaseElement', 'target'],
];

function hookWindowNames(win: PageWindow, text: TextJudge): void {
  const own = Object.getOwnPropertyDescriptor(win, 'name');
  const owner = own ? win : win.Window?.prototype;
  beforeSet(owner, 'name', (_, value) => text('window.name', 'name', toText(value)));
  // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
  for (const [ctor, prop] of NAMED_WINDOWS) {
    const proto = protoOf(win, ctor);
    beforeSet(proto, prop, (_, value) => text('window.name', prop, toText(value)));
  }
}

const NAMED_FRAME = /^(IFRAME|FRAME|OBJECT|EMBED)$/i;
const TARGETING = /^(A|AREA|FORM|BASE)$/i;

/** A name or target attribute about to be set on `el` that names a window (throws when refused). */
export function windowNameAttribute(text: TextJudge): (el: Element, name: string, value: unknown) => void {
  return (el, name, value) => {
    if ((name === 'name' && matches(NAMED_FRAME, tagNameOf(el))) || (name === 'target' && matches(TARGETING, tagNameOf(el)))) text('window.name', name, toText(value));
  };
}

export function hookState(win: PageWindow, loads: LoadJudge): void {
  hookHistory(win, loads);
  hookCookies(win, loads.text);
  hookWindowNames(win, loads.text);
}
