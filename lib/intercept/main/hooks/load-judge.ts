/**
 * One judge for every URL the browser fetches by itself once the page writes it somewhere — an
 * element's src, an attribute, CSS, parsed HTML. Only URLs that can carry text (a query, an encoded
 * or long numeric path) are asked about; a refusal throws a SecurityError through the page's own code.
 * Speculation rules, which fetch by themselves the URLs their text lists, are refused whole.
 */
import { blobUseVerdict, type BlobUse } from '../../../gate/blob-text';
import { cssUrls } from '../../../gate/css-urls';
import { decodeEntities } from '../../../gate/html-entities';
import { dataUrlReadings, isDataUrl } from '../../../gate/data-url';
import { htmlWindowNames, type WindowNameAttribute } from '../../../gate/html-names';
import { htmlPictureUrls, htmlUrls, javascriptResultReadable, javascriptUrlText, onlyPictureUrls } from '../../../gate/html-urls';
import { htmlHasSpeculationRules, isSpeculationRulesType } from '../../../gate/speculation-rules';
import type { GuardChannel } from '../channel';
import { expandEntities, hasEntityDeclarations } from '../../../gate/xml-entities';
import { urlMayCarryText } from '../serialize';
import type { BlobStore } from './blobs';
import { absoluteUrl } from './network';
import { refusal } from './sockets';
import { textJudge, type TextJudge } from './state';
import type { Route } from '../../../gate/types';
import { add, addAll, allMatches, indexOf, keptMap, keptSet, listOf, matches, toText } from '../../../realm/intrinsics';
import { localNameOf } from '../natives';

type PageWindow = Window & typeof globalThis;

export interface LoadJudge {
  /**
   * The verdict on one URL (passes when it cannot carry text); `route` names how it would leave, `use`
   * what the browser makes of a blob: URL written there (lib/gate/blob-text.ts).
   */
  allowed(url: string, route?: Route, use?: BlobUse): { pass: boolean; message?: string };
  /** Throws when the URL is refused. */
  url(url: string, use?: BlobUse): void;
  /**
   * A GET the browser makes of a Request (Cache.add/addAll): throws when its URL or a header it
   * carries (its referrer as `referer`) is refused. Without headers, as url().
   */
  request(url: string, headers: [string, string][]): void;
  css(css: unknown): void;
  /** Markup: throws when a URL or a window name in it is refused, or when it makes a speculation-rules script. */
  html(html: unknown): void;
  /**
   * A text the browser may parse as a document or as a stylesheet (a blob: URL's): judged as both,
   * each URL asked about once however many readings find it.
   */
  markupOrCss(text: unknown): void;
  /** The readings of one content a browser may decode in several ways (lib/gate/text-readings.ts), each judged as markupOrCss; each URL asked about once. */
  markupOrCssReadings(texts: readonly string[]): void;
  /**
   * A module whose static imports the browser fetches where no hook of the page runs (a worklet's): a
   * blob: or data: module is the page's own text, judged as a text that leaves (the imports it names, a
   * blob: or data: module among them, are in it); throws when refused or not readable.
   */
  moduleCode(url: string): void;
  /** A script's type about to be set: throws for speculation rules (lib/gate/speculation-rules.ts). */
  scriptType(type: unknown): void;
  /** A text written where it leaves from later (a cookie, a window name): throws when refused. */
  text: TextJudge;
  /** Throws `message` on a page the policy covers (something that cannot be read to be judged). */
  refuse(message: string): void;
}

/** A <style> element: its text is CSS, parsed (and its @import fetched) as soon as it changes. */
export const isStyle = (n: unknown): boolean => localNameOf(n) === 'style';

const NO_SPECULATION = '发布前预检：编辑页面不允许页面脚本添加预加载规则（speculationrules），已阻止';
const UNREADABLE_BLOB = '发布前预检：无法读取此 blob: 地址的内容以检查，已阻止';
const UNREADABLE_ENTITIES = '发布前预检：含无法展开的 DTD 实体的文档无法检查，已阻止';
const UNREADABLE_JAVASCRIPT = '发布前预检：此 javascript: 地址生成的页面内容无法检查，已阻止';

type Verdict = { pass: boolean; message?: string };

const BLOB_URL = /^blob:/i;
/** A blob: or data: URL written in a module's text (an import of it). */
const INNER_MODULE = /(?:blob|data):[^'"`\s)]+/gi;
/** Modules importing modules deeper than this are not read on: refused. */
const MODULE_DEPTH = 4;
const NETWORK_URL = /^(https?|wss?):/i;

/**
 * URLs whose content, not their address, is what the browser parses (each judged as markup and CSS,
 * the URLs in it asked about, a refusal among them refusing the URL): a blob: URL where a document or
 * stylesheet could come of it, once per URL; a data: URL there (lib/gate/data-url.ts); a `javascript:` URL where a document is made, whose
 * evaluated string is that document. Undefined for any other URL.
 */
function parsedUrlJudge(channel: GuardChannel, blobs: BlobStore, markup: (readings: readonly string[], alsoCss: boolean) => void): (abs: string, use: BlobUse) => Verdict | undefined {
  // a javascript: URL's result is a document only, never a stylesheet: its code is not read as CSS
  // (its markup, one JS string, would be a second URL carrying the draft and refuse a signed release)
  const judged = (content: readonly string[], alsoCss = true): Verdict => {
    try {
      markup(content, alsoCss);
      return { pass: true };
    } catch (e) {
      // eslint-disable-next-line no-restricted-syntax -- the refusal's message, after the verdict
      return { pass: false, message: e instanceof Error ? e.message : String(e) };
    }
  };
  const blob = (url: string, use: BlobUse): Verdict => {
    const verdict = blobUseVerdict(blobs.made(url), use);
    if (verdict.kind === 'pass') return { pass: true };
    const content = verdict.kind === 'judge' ? verdict.texts : blobs.read(url);
    if (content === undefined) return channel.covered() ? { pass: false, message: UNREADABLE_BLOB } : { pass: true };
    const v = judged(content);
    if (v.pass) blobs.judged(url);
    return v;
  };
  return (abs, use) => {
    if (matches(BLOB_URL, abs)) return blob(abs, use);
    if (isDataUrl(abs)) {
      // a picture's or media's data: URL loads nothing more, and an editor writes its pasted images so
      const content = use === 'other' ? undefined : dataUrlReadings(abs);
      return content === undefined ? { pass: true } : judged(content);
    }
    const code = use === 'other' ? undefined : javascriptUrlText(abs);
    if (code === undefined) return undefined;
    // A document of text the code does not show (a variable, a call) cannot be read to be judged.
    if (!javascriptResultReadable(code)) return channel.covered() ? { pass: false, message: UNREADABLE_JAVASCRIPT } : { pass: true };
    return judged([code], false);
  };
}

/**
 * Markup read as CSS too (a text the browser may take for either): its quoted attribute values are CSS
 * strings as well, and one with an entity (`&amp;`) is the same URL as the attribute's, written
 * otherwise — asked twice, a signed release was spent on the first and the second refused (CI).
 */
function withCssUrls(html: readonly string[], text: string): string[] {
  const seen = keptSet(html);
  const urls = addAll([], html);
  const css = cssUrls(text);
  for (let i = 0; i < css.length; i++) {
    const u = css[i]!;
    if (!seen.has(u) && !seen.has(decodeEntities(u))) add(urls, u);
  }
  return urls;
}

/** Each window name once, with the attribute it last stood in (a repeated target="_blank" is asked about once). */
function judgeNames(found: readonly [WindowNameAttribute, string][], text: TextJudge): void {
  const last = keptMap<string, WindowNameAttribute>();
  const names: string[] = [];
  for (let i = 0; i < found.length; i++) {
    const name = found[i]![1];
    if (!last.has(name)) add(names, name);
    last.set(name, found[i]![0]);
  }
  for (let i = 0; i < names.length; i++) text('window.name', last.get(names[i]!)!, names[i]!);
}

/**
 * A module's own text, for a worklet's static imports (LoadJudge.moduleCode): a blob: or data: module
 * is judged as a text that leaves, and the blob: and data: modules it names the same way.
 */
function moduleJudge(win: PageWindow, blobs: BlobStore, text: TextJudge, refuse: (message: string) => void): (url: string) => void {
  const judgeModule = (url: string, depth: number): void => {
    const abs = absoluteUrl(win, url);
    const blob = matches(BLOB_URL, abs);
    const texts = blob ? blobs.read(abs) : isDataUrl(abs) ? dataUrlReadings(abs) : undefined;
    if (blob && texts === undefined) return refuse(UNREADABLE_BLOB);
    if (texts === undefined) return;
    for (let i = 0; i < texts.length; i++) {
      text('element-url', 'worklet module', texts[i]!);
      // its URL in the text shows nothing of what an imported blob: or data: module holds
      const inner = allMatches(INNER_MODULE, texts[i]!);
      for (let k = 0; k < inner.length; k++) {
        if (depth >= MODULE_DEPTH) return refuse(UNREADABLE_BLOB);
        judgeModule(inner[k]![0], depth + 1);
      }
    }
  };
  return (url) => judgeModule(url, 0);
}

export function loadJudge(win: PageWindow, channel: GuardChannel, blobs: BlobStore): LoadJudge {
  // (a page outside the policy keeps them, as it keeps every other route)
  const refuse = (message: string) => {
    if (channel.covered()) throw refusal(win, message);
  };
  const parsed = parsedUrlJudge(channel, blobs, (readings, alsoCss) => markup(readings, alsoCss));
  const allowed = (url: string, route: Route = 'element-url', use: BlobUse = 'other'): Verdict => {
    const abs = absoluteUrl(win, url);
    const byContent = parsed(abs, use);
    if (byContent) return byContent;
    if (!matches(NETWORK_URL, abs) || !urlMayCarryText(abs)) return { pass: true };
    return channel.askSync({ route, method: 'GET', url: abs, body: { kind: 'none' } });
  };
  const text = textJudge(win, channel);
  const check = (url: string, use: BlobUse = 'other') => {
    const a = allowed(url, 'element-url', use);
    if (!a.pass) throw refusal(win, a.message);
  };
  // each URL once: a second question about the same one would find the release spent
  const checkEach = (urls: readonly string[], use: (url: string) => BlobUse) => {
    // an index loop and a kept set: a page can replace the iterators' next and Set's methods
    const asked = keptSet<string>();
    for (let i = 0; i < urls.length; i++) {
      if (asked.has(urls[i]!)) continue;
      asked.add(urls[i]!);
      check(urls[i]!, use(urls[i]!));
    }
  };
  // one text, or the readings of one content (each parsed alone: joined, one could hide the next in a comment)
  // a page's value is made text by the callers (an array the page hands in is one text to the browser)
  const markup = (html: string | readonly string[], alsoCss: boolean): void => {
    const texts: string[] = typeof html === 'string' ? [html] : listOf(html);
    // an XML document's entities written out (a data: or blob: SVG behind an <embed>): its URLs may be made of them
    if (alsoCss) {
      const count = texts.length;
      for (let i = 0; i < count; i++) {
        if (!hasEntityDeclarations(texts[i]!)) continue;
        const expanded = expandEntities(texts[i]!);
        if (expanded === undefined) refuse(UNREADABLE_ENTITIES);
        else add(texts, expanded);
      }
    }
    const urls: string[] = [];
    const pictures = keptSet<string>();
    const notPictures = keptSet<string>();
    const names: [WindowNameAttribute, string][] = [];
    for (let i = 0; i < texts.length; i++) {
      const m = texts[i]!;
      if (htmlHasSpeculationRules(m)) refuse(NO_SPECULATION);
      const found = alsoCss ? withCssUrls(htmlUrls(m), m) : htmlUrls(m);
      addAll(urls, found);
      // an editor's pasted pictures are blob: URLs, written again with every setContent: not read
      // (a picture in every reading it is found in: one reading's picture can be another's frame)
      const only = keptSet(indexOf(m, 'blob:') >= 0 ? onlyPictureUrls(found, htmlPictureUrls(m)) : []);
      for (let k = 0; k < found.length; k++) (only.has(found[k]!) ? pictures : notPictures).add(found[k]!);
      addAll(names, htmlWindowNames(m));
    }
    checkEach(urls, (u) => (pictures.has(u) && !notPictures.has(u) ? 'other' : 'markup'));
    // each name once, as each URL (a repeated target="_blank" is never asked about: no text in it)
    judgeNames(names, text);
  };
  const moduleCode = moduleJudge(win, blobs, text, refuse);
  const request = (url: string, headers: [string, string][]) => {
    const abs = absoluteUrl(win, url);
    if (headers.length === 0 || !matches(NETWORK_URL, abs)) return check(url);
    const a = channel.askSync({ route: 'element-url', method: 'GET', url: abs, body: { kind: 'none' }, headers });
    if (!a.pass) throw refusal(win, a.message);
  };
  return {
    allowed,
    url: check,
    request,
    css: (css) => checkEach(cssUrls(toText(css)), () => 'stylesheet'),
    html: (html) => markup(toText(html), false),
    markupOrCss: (t) => markup(toText(t), true),
    markupOrCssReadings: (texts) => markup(texts, true),
    moduleCode,
    scriptType: (type) => {
      if (isSpeculationRulesType(type)) refuse(NO_SPECULATION);
    },
    text,
    refuse,
  };
}
