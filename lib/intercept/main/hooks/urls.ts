/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * URLs that make the browser send a request the moment they are set: window.open, an element's src
 * (img, script, iframe, media, object, SVG image/use …) or a link's href however it is written —
 * the property, setAttribute(NS), an Attr node, `new Audio(url)` — and a style attribute's CSS.
 */
import type { LoadJudge } from './load-judge';
import { beforeCall, beforeSet } from './wrap';

type PageWindow = Window & typeof globalThis;

const URL_PROPS: [ctor: string, prop: string][] = [
  ['HTMLImageElement', 'src'],
  ['HTMLImageElement', 'srcset'],
  ['HTMLScriptElement', 'src'],
  ['HTMLIFrameElement', 'src'],
  ['HTMLFrameElement', 'src'],
  ['HTMLLinkElement', 'href'],
  ['HTMLSourceElement', 'src'],
  ['HTMLSourceElement', 'srcset'],
  ['HTMLMediaElement', 'src'],
  ['HTMLVideoElement', 'poster'],
  ['HTMLEmbedElement', 'src'],
  ['HTMLObjectElement', 'data'],
  ['HTMLInputElement', 'src'],
  ['HTMLTrackElement', 'src'],
];
const URL_ATTRS = new Set(['src', 'srcset', 'href', 'data', 'poster', 'background']);
/** Elements that fetch their URL attribute (HTML upper case, SVG's image/feImage/use/script as written). */
const LOADS_ON_SET = /^(IMG|SCRIPT|IFRAME|FRAME|LINK|SOURCE|AUDIO|VIDEO|EMBED|OBJECT|INPUT|TRACK|IMAGE|FEIMAGE|USE|BODY|TABLE|TD|TH)$/i;

/** Judges one attribute about to be set on `el` (throws when refused). */
export function attributeJudge(judge: LoadJudge): (el: Element, name: string, value: unknown) => void {
  return (el, name, value) => {
    const local = String(name).toLowerCase().replace(/^xlink:/, '');
    if (local === 'style') judge.css(value);
    else if (local === 'srcdoc') judge.html(value);
    else if (URL_ATTRS.has(local) && LOADS_ON_SET.test(el.tagName)) judge.url(String(value));
  };
}

function hookProperties(win: PageWindow, judge: LoadJudge): void {
  for (const [ctor, prop] of URL_PROPS) {
    const proto = (win as unknown as Record<string, { prototype: object } | undefined>)[ctor]?.prototype;
    beforeSet(proto, prop, (_, value) => judge.url(String(value)));
  }
  // `new Audio(url)` sets its src inside the constructor, past the setter above.
  const OriginalAudio: typeof Audio | undefined = win.Audio;
  if (typeof OriginalAudio === 'function') {
    const Guarded = function (this: unknown, src?: string) {
      if (!new.target) throw new TypeError("Failed to construct 'Audio': Please use the 'new' operator");
      if (src !== undefined) judge.url(String(src));
      return src === undefined ? new OriginalAudio() : new OriginalAudio(src);
    } as unknown as typeof Audio;
    Guarded.prototype = OriginalAudio.prototype as HTMLAudioElement;
    Object.setPrototypeOf(Guarded, OriginalAudio);
    win.Audio = Guarded;
  }
}

function hookAttributes(win: PageWindow, judge: LoadJudge): void {
  const attr = attributeJudge(judge);
  const proto = win.Element.prototype;
  beforeCall(proto, 'setAttribute', (self, [name, value]) => attr(self as Element, String(name), value));
  beforeCall(proto, 'setAttributeNS', (self, [, name, value]) => attr(self as Element, String(name), value));
  for (const name of ['setAttributeNode', 'setAttributeNodeNS']) beforeCall(proto, name, (self, [node]) => attr(self as Element, (node as Attr).name, (node as Attr).value));
  // An Attr already on an element, written through its value (or textContent / nodeValue).
  const written = (self: unknown, value: unknown) => {
    const owner = (self as Node).nodeType === 2 ? (self as Attr).ownerElement : null;
    if (owner) attr(owner, (self as Attr).name, value);
  };
  beforeSet(win.Attr.prototype, 'value', written);
  for (const prop of ['nodeValue', 'textContent']) beforeSet(win.Node.prototype, prop, written);
}

export function hookUrls(win: PageWindow, judge: LoadJudge): void {
  hookProperties(win, judge);
  hookAttributes(win, judge);
  const open = win.open;
  win.open = function (this: Window, url?: string | URL, target?: string, features?: string) {
    if (url !== undefined && url !== '' && !judge.allowed(String(url), 'window.open').pass) return null;
    return open.call(win, url, target, features);
  };
}
