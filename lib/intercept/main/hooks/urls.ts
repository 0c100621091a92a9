/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * URLs that make the browser send a request the moment they are set: window.open, an element's src
 * (img, script, iframe, media, object, SVG image/use …) or a link's href however it is written —
 * the property, setAttribute(NS), an Attr node, `new Audio(url)` — and a style attribute's CSS; and a
 * script's type, which makes speculation rules (refused whole: lib/gate/speculation-rules.ts).
 */
import type { BlobUse } from '../../../gate/blob-text';
import { animationUrls, PRESENTATION_URL_ATTRIBUTES } from '../../../gate/html-urls';
import type { LoadJudge } from './load-judge';
import { fetchHeaders } from './network';
import { windowNameAttribute } from './state';
import { add, apply, keptSet, keptWeakMap, lower, matches, ownIterator, sequence, sliceText, startsWith, toText } from '../../../realm/intrinsics';
import { attrFacts, isRequest, localNameOf, requestFacts, tagNameOf } from '../natives';
import { once } from './once';
import { beforeAsyncCall, beforeCall, beforeSet, protoOf, standIn } from './wrap';
import type { ClickedLinks } from './clicked-links';

type PageWindow = Window & typeof globalThis;

const URL_PROPS: [ctor: string, prop: string][] = [
  ['HTMLImageElement', 'src'],
  ['HTMLImageElement', 'srcset'],
  ['HTMLScriptElement', 'src'],
  ['HTMLIFrameElement', 'src'],
  ['HTMLFrameElement', 'src'],
  ['HTMLLinkElement', 'href'],
  ['HTMLLinkElement', 'imageSrcset'],
  ['HTMLSourceElement', 'src'],
  ['HTMLSourceElement', 'srcset'],
  ['HTMLMediaElement', 'src'],
  ['HTMLVideoElement', 'poster'],
  ['HTMLEmbedElement', 'src'],
  ['HTMLObjectElement', 'data'],
  ['HTMLInputElement', 'src'],
  ['HTMLTrackElement', 'src'],
  // A <base>'s href is what every relative URL already judged resolves against when Chromium loads it
  // (an img's, an input's, an object's set just before): a probe's late <base> put the ID in their path.
  ['HTMLBaseElement', 'href'],
  // Chrome's Attribution Reporting requests every URL of an img's, script's or link's attributionsrc.
  ['HTMLImageElement', 'attributionSrc'],
  ['HTMLScriptElement', 'attributionSrc'],
  ['HTMLAnchorElement', 'attributionSrc'],
  ['HTMLAreaElement', 'attributionSrc'],
];
const URL_ATTRS = keptSet(['src', 'srcset', 'imagesrcset', 'href', 'data', 'poster', 'background']);
/** What an SVG <set>/<animate> writes into its target's attribute (an <image>'s href loads it). */
const ANIMATION_VALUES = keptSet(['to', 'from', 'by', 'values']);
/** Elements that fetch their URL attribute (HTML upper case, SVG's image/feImage/use/script as written). */
// (a <base> fetches nothing itself, but the relative URLs judged before it are fetched against it)
// (a table's row groups and rows load their legacy background too: a probe's <tr background> did)
const LOADS_ON_SET = /^(BASE|IMG|SCRIPT|IFRAME|FRAME|LINK|SOURCE|AUDIO|VIDEO|EMBED|OBJECT|INPUT|TRACK|IMAGE|FEIMAGE|USE|BODY|TABLE|THEAD|TBODY|TFOOT|TR|TD|TH)$/i;

/**
 * What the browser makes of a blob: URL written to an element of this tag name (HTML upper case, SVG as
 * written): a frame's, object's or SVG `<use>`'s document, a link's stylesheet, or a picture or media
 * that loads nothing more. An element not known is read as markup is.
 */
export function blobUseOf(tagName: string | undefined): BlobUse {
  if (tagName === undefined) return 'markup';
  if (matches(FRAME_TAGS, tagName)) return 'document';
  return matches(LINK_TAG, tagName) ? 'stylesheet' : 'other';
}

const FRAME_TAGS = /^(IFRAME|FRAME|OBJECT|EMBED|USE)$/i;
const LINK_TAG = /^LINK$/i;
const ANIMATION_TAG = /^(set|animate)$/;

/** An attribute's name as the browser matches it: lower case, an SVG `xlink:` prefix dropped. */
export function localAttribute(name: unknown): string {
  const local = lower(toText(name));
  return startsWith(local, 'xlink:') ? sliceText(local, 6) : local;
}

/** Judges one attribute about to be set on `el`, or on an element not known (null: judged as one it matters to); throws when refused. */
type AttributeJudge = (el: Element | null, name: string, value: unknown) => void;

export function attributeJudge(judge: LoadJudge): AttributeJudge {
  const windowName = windowNameAttribute(judge.text);
  return (el, name, value) => {
    const local = localAttribute(name);
    // an SVG presentation attribute's url() (filter, mask, clip-path, fill …) fetches an external document
    if (local === 'style' || PRESENTATION_URL_ATTRIBUTES.has(local)) judge.css(value);
    else if (local === 'srcdoc') judge.html(value);
    else if (URL_ATTRS.has(local) && (!el || matches(LOADS_ON_SET, tagNameOf(el)))) judge.url(toText(value), blobUseOf(el ? tagNameOf(el) : undefined));
    else if (local === 'attributionsrc') judge.url(toText(value));
    // a frame's required policy leaves with its request (the Sec-Required-CSP header): text like any other
    else if (local === 'csp' && (!el || localNameOf(el) === 'iframe')) judge.text('element-url', 'csp', toText(value));
    else if (ANIMATION_VALUES.has(local) && (!el || matches(ANIMATION_TAG, localNameOf(el)))) judgeEach(animationUrls(toText(value)), judge);
    else if ((local === 'name' || local === 'target') && el) windowName(el, local, value);
    else if (local === 'name' || local === 'target') judge.text('window.name', local, toText(value));
    else if (local === 'type' && (!el || localNameOf(el) === 'script')) judge.scriptType(value);
  };
}

/** The attribute judge, and a link's click under way judged again when its href or target is set (clicked-links.ts). */
function linkAware(judge: LoadJudge, clicked: ClickedLinks): AttributeJudge {
  const loads = attributeJudge(judge);
  return (el, name, value) => {
    loads(el, name, value);
    clicked.change(el, name, value);
  };
}

/** Each URL judged (an index loop: a page can replace the array iterator's next). */
function judgeEach(urls: readonly unknown[], judge: LoadJudge): void {
  for (let i = 0; i < urls.length; i++) judge.url(urlOf(urls[i]));
}

/**
 * An SVG element's href is an SVGAnimatedString: `use.href.baseVal = url` loads like setAttribute.
 * Each animated string handed out by an href getter is remembered with its element (a WeakMap
 * lookup per baseVal write; a className's animated string is never in it).
 */
function hookSvgHrefs(win: PageWindow, judge: LoadJudge, clicked: ClickedLinks): void {
  const attr = linkAware(judge, clicked);
  const owners = keptWeakMap<object, Element>();
  // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
  for (const name of Object.getOwnPropertyNames(win)) {
    // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
    if (!/^SVG\w*Element$/.test(name)) continue;
    const proto = protoOf(win, name);
    const desc = proto && Object.getOwnPropertyDescriptor(proto, 'href');
    const get = desc?.get;
    if (!proto || !desc || !get) continue;
    Object.defineProperty(proto, 'href', {
      ...desc,
      get(this: Element) {
        const animated = apply(get, this, []) as object;
        if (animated) owners.set(animated, this);
        return animated;
      },
    });
  }
  beforeSet(win.SVGAnimatedString?.prototype, 'baseVal', (self, value) => {
    const el = owners.get(self as object);
    // One this window's getters did not hand out: an href got through another window's getter (a
    // probe's frame's SVGImageElement getter, then this setter — the page's, as the string is the
    // element's) loaded the ID unjudged. It is judged as an href whose element is not known; a
    // className's or a filter result's value (a word) costs a look and passes.
    attr(el ?? null, 'href', value);
  });
}

/** A URL or a Request (read by the browser's getters) as the browser will take it; its string once. */
const requestOnce = (u: unknown): unknown => (isRequest(u) ? u : once(u));
const urlOf = (u: unknown): string => (isRequest(u) ? requestFacts(u).url : toText(u));

/**
 * The page's iterable walked once, by its own protocol as the browser would walk it, each item read
 * once: the list judged is the list the browser gets.
 */
function requestsOnce(items: unknown): unknown[] {
  const list = sequence(items) ?? [];
  const out: unknown[] = [];
  for (let i = 0; i < list.length; i++) add(out, requestOnce(list[i]));
  return ownIterator(out);
}

/** Script loaders that fetch a URL and return a promise: a refused one rejects. */
function hookLoaders(win: PageWindow, judge: LoadJudge): void {
  const loads = (name: string, method: string, urlsOf: (args: unknown[]) => unknown[]) =>
    beforeAsyncCall(win, protoOf(win, name), method, (_, args) => judgeEach(urlsOf(args), judge));
  loads('ServiceWorkerContainer', 'register', (args) => [(args[0] = once(args[0]))]);
  // a worklet has no hooks of its own: what its module imports is judged in the module's text
  loads('Worklet', 'addModule', (args) => {
    const url = (args[0] = once(args[0]));
    judge.moduleCode(toText(url));
    return [url];
  });
  // A Request is fetched with its headers and its referrer (a probe's Content-Language and Referer
  // carried the ID and the draft): asked about as a GET with them, as the page's fetch is (./network.ts).
  const cache = protoOf(win, 'Cache');
  beforeAsyncCall(win, cache, 'add', (_, args) => judgeRequests(win, [(args[0] = requestOnce(args[0]))], judge));
  // The list as it was judged is what the browser gets: the page's iterable is walked once.
  beforeAsyncCall(win, cache, 'addAll', (_, args) => judgeRequests(win, (args[0] = requestsOnce(args[0])), judge));
}

/** Each URL or Request judged as the browser fetches it: a Request with its headers and referrer. */
function judgeRequests(win: PageWindow, items: readonly unknown[], judge: LoadJudge): void {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!isRequest(item)) {
      judge.url(toText(item));
      continue;
    }
    const facts = requestFacts(item);
    judge.request(facts.url, fetchHeaders(win, facts));
  }
}

function hookProperties(win: PageWindow, judge: LoadJudge): void {
  // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
  for (const [ctor, prop] of URL_PROPS) {
    // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
    const use = blobUseOf(ctor.replace(/^HTML(\w+)Element$/, '$1'));
    beforeSet(protoOf(win, ctor), prop, (_, value) => judge.url(toText(value), use));
  }
  beforeSet(protoOf(win, 'HTMLScriptElement'), 'type', (_, value) => judge.scriptType(value));
  beforeSet(protoOf(win, 'HTMLIFrameElement'), 'csp', (_, value) => judge.text('element-url', 'csp', toText(value)));
  // `new Audio(url)` sets its src inside the constructor, past the setter above.
  const OriginalAudio: typeof Audio | undefined = win.Audio;
  if (typeof OriginalAudio === 'function') {
    const Guarded = function (this: unknown, src?: string) {
      if (!new.target) throw new TypeError("Failed to construct 'Audio': Please use the 'new' operator");
      const url = once(src) as string | undefined;
      if (url !== undefined) judge.url(toText(url));
      return url === undefined ? new OriginalAudio() : new OriginalAudio(url);
    } as unknown as typeof Audio;
    standIn(win, 'Audio', OriginalAudio, Guarded, { ownsPrototype: false });
  }
}

function hookAttributes(win: PageWindow, judge: LoadJudge, clicked: ClickedLinks): void {
  const attr = linkAware(judge, clicked);
  const proto = win.Element.prototype;
  // arguments read by index: destructuring asks the array iterator, which a page can replace
  beforeCall(proto, 'setAttribute', (self, args) => attr(self as Element, toText(args[0]), args[1]), [0, 1]);
  beforeCall(proto, 'setAttributeNS', (self, args) => attr(self as Element, toText(args[1]), args[2]), [1, 2]);
  // An Attr's name and value as the browser holds them: the page may give the node getters of its own.
  const nodeAttr = (node: unknown) => attrFacts(node) ?? { name: '', value: '', owner: null };
  // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
  for (const name of ['setAttributeNode', 'setAttributeNodeNS']) {
    beforeCall(proto, name, (self, args) => {
      const a = nodeAttr(args[0]);
      attr(self as Element, a.name, a.value);
    });
  }
  // An Attr already on an element, written through its value (or textContent / nodeValue).
  const written = (self: unknown, value: unknown) => {
    const a = attrFacts(self);
    if (a?.owner) attr(a.owner, a.name, value);
  };
  beforeSet(win.Attr.prototype, 'value', written);
  // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
  for (const prop of ['nodeValue', 'textContent']) beforeSet(win.Node.prototype, prop, written);
  hookAttributeMaps(win, attr);
}

/**
 * `el.attributes.setNamedItem(attr)` sets an attribute as setAttributeNode does, but a NamedNodeMap
 * does not say whose it is; an attribute already in it does (its ownerElement, read through the
 * getters kept at document_start). A map with none (an element without attributes) is judged as if
 * its element were one the attribute loads, names or types. No hook on the `attributes` getter, which
 * editors' HTML filters read on every change.
 */
function hookAttributeMaps(win: PageWindow, attr: AttributeJudge): void {
  const item = win.NamedNodeMap.prototype.item;
  // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
  for (const name of ['setNamedItem', 'setNamedItemNS']) {
    beforeCall(win.NamedNodeMap.prototype, name, (self, args) => {
      const first = apply(item, self, [0]);
      const a = attrFacts(args[0]) ?? { name: '', value: '' };
      attr(first && attrFacts(first)!.owner, a.name, a.value);
    });
  }
}

export function hookUrls(win: PageWindow, judge: LoadJudge, clicked: ClickedLinks): void {
  hookProperties(win, judge);
  hookAttributes(win, judge, clicked);
  hookSvgHrefs(win, judge, clicked);
  hookLoaders(win, judge);
  const open = win.open;
  win.open = function (this: Window, pageUrl?: string | URL, pageTarget?: string, features?: string) {
    const url = once(pageUrl) as string | undefined;
    const target = once(pageTarget) as string | undefined;
    if (url !== undefined && url !== '' && !judge.allowed(toText(url), 'window.open', 'document').pass) return null;
    // the new window's name is read by whatever document it shows, another origin's too
    if (target !== undefined) {
      try {
        judge.text('window.name', 'target', toText(target));
      } catch {
        return null;
      }
    }
    return apply(open, win, [url, target, features]);
  };
}
