/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * A link changed while its click is dispatched. Where a link goes is judged as the click starts and
 * again after each node's listeners (link-look-again.ts, isolated/look-again.ts), and a person's click
 * runs an observer after every listener; but a click page script dispatches (`a.click()`) runs no
 * microtask before the browser acts, so a listener of its own that stops the event at once and then
 * puts the draft in the href left with it (the sixteenth probe: into `_blank`, an `<area>`, a fresh
 * frame). So while a link's click is dispatched, the change itself is judged as it is made — an
 * attribute set however it is written (urls.ts hands each to `change`), the link's URL properties
 * (href, search, hash …) and target — and a change that would send the click somewhere refused is
 * refused: the click is cancelled, as a refused click is at its start (and where it cannot be — a click
 * dispatched without `cancelable` — the change throws, and the link keeps the address it was judged with).
 */
import { apply, keptWeakMap } from '../../../realm/intrinsics';
import { localAttribute } from './urls';
import { getter } from '../natives';
import { linkHref } from '../../link-href';
import { refusal } from './sockets';
import { once } from './once';

type PageWindow = Window & typeof globalThis;

/** Whether a click by `e` on `link` may go to `href` with `target` (a refused one throws or is false). */
export type PlaceVerdict = (link: Element, e: Event, href: string, target: string | null) => boolean;

export interface ClickedLinks {
  /** `link` is clicked by `e`, until the event's dispatch is over. */
  clicking(link: Element, e: Event): void;
  /**
   * An attribute about to be set on `el` (before the set): when it sends a click under way somewhere
   * refused, the click is cancelled, or where it cannot be, this throws.
   */
  change(el: Element | null, name: string, value: unknown): void;
  /** Judges with `verdict` (given by link-clicks.ts, which knows where links may go). */
  judgeWith(verdict: PlaceVerdict): void;
}

const REFUSED = '发布前预检：链接的地址在点击时被改为含须先审核签发内容的地址，已阻止';
/** A link's URL properties (HTMLHyperlinkElementUtils): each writes its href. */
const URL_PARTS = ['href', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];

export function clickedLinks(win: PageWindow): ClickedLinks {
  const getAttr = win.Element.prototype.getAttribute;
  const setAttr = win.Element.prototype.setAttribute;
  const currentTarget = getter(win.Event.prototype, 'currentTarget');
  const cancelable = getter(win.Event.prototype, 'cancelable');
  const preventDefault = win.Event.prototype.preventDefault;
  /** Cancels the click; false when it cannot be cancelled. */
  const cancel = (e: Event): boolean => {
    if (cancelable(e) !== true) return false;
    apply(preventDefault, e, []);
    return true;
  };
  const hrefOf = linkHref(win);
  const under = keptWeakMap<Element, Event>();
  let verdict: PlaceVerdict = () => false;
  /** The click under way on `el`, if any. */
  const clickOf = (el: Element | null): Event | undefined => {
    const e = el ? under.get(el) : undefined;
    return e && currentTarget(e) !== null ? e : undefined;
  };
  const passes = (link: Element, e: Event, href: string | null, target: string | null): boolean => {
    if (href === null) return true;
    try {
      return verdict(link, e, href, target);
    } catch {
      return false;
    }
  };
  const change = (el: Element | null, name: string, value: unknown) => {
    const e = clickOf(el);
    if (!e || !el) return;
    const local = localAttribute(name);
    const href = local === 'href' ? toString(value) : hrefOf(el);
    const target = local === 'target' ? toString(value) : apply<string | null>(getAttr, el, ['target']);
    if ((local === 'href' || local === 'target') && !passes(el, e, href, target) && !cancel(e)) throw refusal(win, REFUSED);
  };
  const removeAttr = win.Element.prototype.removeAttribute;
  const putBack = (link: Element, name: string, value: string | null) =>
    value === null ? apply(removeAttr, link, [name]) : apply(setAttr, link, [name, value]);
  hookUrlParts(win, clickOf, (link, e, before) => {
    if (passes(link, e, hrefOf(link), apply<string | null>(getAttr, link, ['target'])) || cancel(e)) return;
    putBack(link, 'href', before.href);
    putBack(link, 'target', before.target);
    throw refusal(win, REFUSED);
  });
  return {
    clicking: (link, e) => void under.set(link, e),
    change,
    judgeWith: (v) => {
      verdict = v;
    },
  };
}

const toString = (v: unknown): string => `${v as string}`;

/** A link's href and target attributes as they were before a property set them (null: none). */
interface Place {
  href: string | null;
  target: string | null;
}



/**
 * Each URL property of HTML links and areas: set as the page asks, then the click under way judged
 * with the href it made; refused, the href it had is put back (`after`).
 */
function hookUrlParts(win: PageWindow, clickOf: (el: Element | null) => Event | undefined, after: (link: Element, e: Event, before: Place) => void): void {
  const getAttr = win.Element.prototype.getAttribute;
  // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
  for (const ctor of ['HTMLAnchorElement', 'HTMLAreaElement'] as const) {
    const proto = win[ctor]?.prototype;
    // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
    for (const prop of [...URL_PARTS, 'target']) {
      const desc = proto && Object.getOwnPropertyDescriptor(proto, prop);
      const set = desc?.set;
      if (!proto || !desc || !set) continue;
      Object.defineProperty(proto, prop, {
        ...desc,
        set(this: Element, value: unknown) {
          const v = once(value);
          const e = clickOf(this);
          const before = e ? { href: apply<string | null>(getAttr, this, ['href']), target: apply<string | null>(getAttr, this, ['target']) } : null;
          apply(set, this, [v]);
          if (e && before) after(this, e, before);
        },
      });
    }
  }
}
