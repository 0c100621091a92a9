/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * URLs that make the browser send a request the moment they are set: window.open, an image's or a
 * script's src, a link's href, and the same URLs written as HTML (innerHTML, insertAdjacentHTML,
 * document.write). Only URLs that can carry text (a query, an encoded or long numeric path) are judged.
 */
import type { GuardChannel } from '../channel';
import { urlMayCarryText } from '../serialize';
import { absoluteUrl } from './network';
import { refusal } from './sockets';

type PageWindow = Window & typeof globalThis;

const URL_PROPS: [ctor: string, prop: string][] = [
  ['HTMLImageElement', 'src'],
  ['HTMLImageElement', 'srcset'],
  ['HTMLScriptElement', 'src'],
  ['HTMLIFrameElement', 'src'],
  ['HTMLFrameElement', 'src'],
  ['HTMLLinkElement', 'href'],
  ['HTMLSourceElement', 'src'],
  ['HTMLMediaElement', 'src'],
  ['HTMLEmbedElement', 'src'],
  ['HTMLObjectElement', 'data'],
  ['HTMLInputElement', 'src'],
];
const URL_ATTRS = new Set(['src', 'srcset', 'href', 'data', 'poster', 'background']);
const LOADS_ON_SET = /^(IMG|SCRIPT|IFRAME|FRAME|LINK|SOURCE|AUDIO|VIDEO|EMBED|OBJECT|INPUT|TRACK)$/;
const ATTR_IN_HTML = /\b(?:src|srcset|href|data|poster|background)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

export function hookUrls(win: PageWindow, channel: GuardChannel): void {
  const allowed = (url: string) => {
    const abs = absoluteUrl(win, url);
    if (!/^(https?|wss?):/i.test(abs) || !urlMayCarryText(abs)) return { pass: true };
    return channel.askSync({ route: 'element-url', method: 'GET', url: abs, body: { kind: 'none' } });
  };

  for (const [ctor, prop] of URL_PROPS) {
    const proto = (win as unknown as Record<string, { prototype: object } | undefined>)[ctor]?.prototype;
    const desc = proto && Object.getOwnPropertyDescriptor(proto, prop);
    if (!proto || !desc?.set) continue;
    const set = desc.set;
    Object.defineProperty(proto, prop, {
      ...desc,
      set(this: Element, value: string) {
        const a = allowed(String(value));
        if (!a.pass) throw refusal(win, a.message);
        set.call(this, value);
      },
    });
  }

  const setAttribute = win.Element.prototype.setAttribute;
  win.Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    if (URL_ATTRS.has(String(name).toLowerCase()) && LOADS_ON_SET.test(this.tagName)) {
      const a = allowed(String(value));
      if (!a.pass) throw refusal(win, a.message);
    }
    setAttribute.call(this, name, value);
  };

  const judgeHtml = (html: unknown) => {
    const text = String(html);
    if (!text.includes('=')) return;
    for (const m of text.matchAll(ATTR_IN_HTML)) {
      const a = allowed(m[1] ?? m[2] ?? m[3] ?? '');
      if (!a.pass) throw refusal(win, a.message);
    }
  };
  for (const [ctor, prop] of [['Element', 'innerHTML'], ['Element', 'outerHTML'], ['ShadowRoot', 'innerHTML']] as const) {
    const proto = win[ctor]?.prototype;
    const desc = proto && Object.getOwnPropertyDescriptor(proto, prop);
    if (!desc?.set) continue;
    const set = desc.set;
    Object.defineProperty(proto, prop, {
      ...desc,
      set(this: Element, value: string) {
        judgeHtml(value);
        set.call(this, value);
      },
    });
  }
  const insertAdjacentHTML = win.Element.prototype.insertAdjacentHTML;
  win.Element.prototype.insertAdjacentHTML = function (this: Element, where: InsertPosition, html: string) {
    judgeHtml(html);
    insertAdjacentHTML.call(this, where, html);
  };
  const write = win.Document.prototype.write;
  const writeln = win.Document.prototype.writeln;
  win.Document.prototype.write = function (this: Document, ...text: string[]) {
    judgeHtml(text.join(''));
    write.apply(this, text);
  };
  win.Document.prototype.writeln = function (this: Document, ...text: string[]) {
    judgeHtml(text.join(''));
    writeln.apply(this, text);
  };

  const open = win.open;
  win.open = function (this: Window, url?: string | URL, target?: string, features?: string) {
    if (url !== undefined && url !== '') {
      const abs = absoluteUrl(win, String(url));
      if (urlMayCarryText(abs) && !channel.askSync({ route: 'window.open', method: 'GET', url: abs, body: { kind: 'none' } }).pass) return null;
    }
    return open.call(win, url, target, features);
  };
}
