/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * URLs that make the browser send a request the moment they are set: window.open, an element's src
 * (img, script, iframe, media, object, SVG image/use …) or a link's href however it is written —
 * the property, setAttribute(NS), an Attr node, `new Audio(url)` — and a style attribute's CSS.
 */
import type { GuardChannel } from '../channel';
import { urlMayCarryText } from '../serialize';
import type { LoadJudge } from './load-judge';
import { absoluteUrl } from './network';

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
    const desc = proto && Object.getOwnPropertyDescriptor(proto, prop);
    if (!proto || !desc?.set) continue;
    const set = desc.set;
    Object.defineProperty(proto, prop, {
      ...desc,
      set(this: Element, value: string) {
        judge.url(String(value));
        set.call(this, value);
      },
    });
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
  const { setAttribute, setAttributeNS, setAttributeNode, setAttributeNodeNS } = proto;
  proto.setAttribute = function (this: Element, name: string, value: string) {
    attr(this, name, value);
    setAttribute.call(this, name, value);
  };
  proto.setAttributeNS = function (this: Element, ns: string | null, name: string, value: string) {
    attr(this, name, value);
    setAttributeNS.call(this, ns, name, value);
  };
  proto.setAttributeNode = function (this: Element, node: Attr) {
    attr(this, node.name, node.value);
    return setAttributeNode.call(this, node);
  };
  proto.setAttributeNodeNS = function (this: Element, node: Attr) {
    attr(this, node.name, node.value);
    return setAttributeNodeNS.call(this, node);
  };
  // An Attr already on an element, written through its value (or textContent / nodeValue).
  const attrProto = win.Attr.prototype;
  const nodeProto = win.Node.prototype;
  for (const [target, prop] of [[attrProto, 'value'], [nodeProto, 'nodeValue'], [nodeProto, 'textContent']] as const) {
    const desc = Object.getOwnPropertyDescriptor(target, prop);
    const set = desc?.set;
    if (!desc || !set) continue;
    Object.defineProperty(target, prop, {
      ...desc,
      set(this: Node, value: string) {
        const owner = (this as Attr).ownerElement;
        if (this.nodeType === 2 && owner) attr(owner, (this as Attr).name, value);
        set.call(this, value);
      },
    });
  }
}

export function hookUrls(win: PageWindow, channel: GuardChannel, judge: LoadJudge): void {
  hookProperties(win, judge);
  hookAttributes(win, judge);
  const open = win.open;
  win.open = function (this: Window, url?: string | URL, target?: string, features?: string) {
    if (url !== undefined && url !== '') {
      const abs = absoluteUrl(win, String(url));
      if (urlMayCarryText(abs) && !channel.askSync({ route: 'window.open', method: 'GET', url: abs, body: { kind: 'none' } }).pass) return null;
    }
    return open.call(win, url, target, features);
  };
}
