/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * CSS that fetches: `el.style.backgroundImage = 'url(/x?content=…)'` sends the text as surely as an
 * image's src. Judged on the URLs it holds (lib/gate/css-urls.ts) before the browser sees it: inline
 * styles (every property, setProperty, cssText, `el.style = …`, a rule's style), stylesheets
 * (insertRule, replace, replaceSync, addRule, Typed OM set/append) and a <style> element's text.
 * Chromium's style properties are not accessors one could wrap, so `el.style` hands out a Proxy of
 * the declaration (the same one each time) whose writes are judged first.
 */
import type { LoadJudge } from './load-judge';

type PageWindow = Window & typeof globalThis;

function wrapMethod(proto: object | undefined, name: string, judge: (args: unknown[]) => void): void {
  const original = proto && (Object.getOwnPropertyDescriptor(proto, name)?.value as ((...a: unknown[]) => unknown) | undefined);
  if (typeof original !== 'function') return;
  Object.defineProperty(proto, name, {
    value: function (this: unknown, ...args: unknown[]) {
      judge(args);
      return Reflect.apply(original, this, args);
    },
    writable: true,
    configurable: true,
  });
}

/** The declaration behind `el.style`, its writes judged; the same Proxy for the same declaration. */
function declarations(win: PageWindow, judge: LoadJudge): (d: CSSStyleDeclaration) => CSSStyleDeclaration {
  const proxies = new win.WeakMap<CSSStyleDeclaration, CSSStyleDeclaration>();
  return (decl) => {
    const known = proxies.get(decl);
    if (known) return known;
    // Methods are called on the declaration itself: a Proxy fails the browser's own type check.
    const bound = new Map<PropertyKey, [fn: unknown, bound: unknown]>();
    const proxy = new win.Proxy(decl, {
      get(target, key) {
        const value: unknown = Reflect.get(target, key, target);
        if (typeof value !== 'function') return value;
        const cached = bound.get(key);
        if (cached?.[0] === value) return cached[1];
        const fn = (value as (...a: unknown[]) => unknown).bind(target);
        bound.set(key, [value, fn]);
        return fn;
      },
      set(target, key, value) {
        if (typeof value === 'string') judge.css(value);
        return Reflect.set(target, key, value, target);
      },
    });
    proxies.set(decl, proxy);
    return proxy;
  };
}

function hookInlineStyles(win: PageWindow, judge: LoadJudge): void {
  const proxyOf = declarations(win, judge);
  const owners = ['HTMLElement', 'SVGElement', 'MathMLElement', 'CSSStyleRule', 'CSSPageRule', 'CSSFontFaceRule', 'CSSKeyframeRule'];
  for (const name of owners) {
    const proto = (win as unknown as Record<string, { prototype: object } | undefined>)[name]?.prototype;
    const desc = proto && Object.getOwnPropertyDescriptor(proto, 'style');
    const get = desc?.get;
    if (!proto || !desc || !get) continue;
    const set = desc.set;
    Object.defineProperty(proto, 'style', {
      ...desc,
      get(this: object) {
        return proxyOf(get.call(this) as CSSStyleDeclaration);
      },
      ...(set && {
        set(this: object, value: unknown) {
          judge.css(value);
          set.call(this, value);
        },
      }),
    });
  }
  const decl = win.CSSStyleDeclaration.prototype;
  wrapMethod(decl, 'setProperty', ([, value]) => judge.css(value));
  const cssText = Object.getOwnPropertyDescriptor(decl, 'cssText');
  const setCssText = cssText?.set;
  if (cssText && setCssText) {
    Object.defineProperty(decl, 'cssText', {
      ...cssText,
      set(this: CSSStyleDeclaration, value: string) {
        judge.css(value);
        setCssText.call(this, value);
      },
    });
  }
  const map = (win as unknown as { StylePropertyMap?: { prototype: object } }).StylePropertyMap?.prototype;
  wrapMethod(map, 'set', ([, ...values]) => judge.css(values.map(String).join(' ')));
  wrapMethod(map, 'append', ([, ...values]) => judge.css(values.map(String).join(' ')));
}

function hookSheets(win: PageWindow, judge: LoadJudge): void {
  const sheet = win.CSSStyleSheet?.prototype;
  wrapMethod(sheet, 'insertRule', ([rule]) => judge.css(rule));
  wrapMethod(sheet, 'addRule', ([, style]) => judge.css(style));
  wrapMethod(sheet, 'replace', ([text]) => judge.css(text));
  wrapMethod(sheet, 'replaceSync', ([text]) => judge.css(text));
  wrapMethod((win as unknown as { CSSGroupingRule?: { prototype: object } }).CSSGroupingRule?.prototype, 'insertRule', ([rule]) => judge.css(rule));
}

/** A <style>'s text: it is parsed (and its @import fetched) as soon as it changes. */
function hookStyleText(win: PageWindow, judge: LoadJudge): void {
  const isStyle = (n: unknown) => (n as Element | null)?.localName === 'style';
  const textOf = (n: unknown) => ((n as Node | null)?.nodeType === 3 ? (n as Text).data : (n as Node | null)?.nodeType === 11 ? (n as Node).textContent : typeof n === 'string' ? n : '');
  const node = win.Node.prototype;
  for (const name of ['appendChild', 'insertBefore', 'replaceChild'] as const) {
    const original = node[name] as (...a: unknown[]) => unknown;
    Object.defineProperty(node, name, {
      value: function (this: Node, ...args: unknown[]) {
        if (isStyle(this)) judge.css(textOf(args[0]));
        return Reflect.apply(original, this, args);
      },
      writable: true,
      configurable: true,
    });
  }
  for (const name of ['append', 'prepend', 'replaceChildren'] as const) {
    const original = win.Element.prototype[name] as (...a: unknown[]) => unknown;
    Object.defineProperty(win.Element.prototype, name, {
      value: function (this: Element, ...args: unknown[]) {
        if (isStyle(this)) judge.css(args.map(textOf).join(''));
        return Reflect.apply(original, this, args);
      },
      writable: true,
      configurable: true,
    });
  }
  const styleText = (self: unknown, value: unknown) => {
    if (isStyle(self) || ((self as Node | null)?.nodeType === 3 && isStyle((self as Node).parentNode))) judge.css(value);
  };
  for (const [proto, prop] of [[node, 'textContent'], [node, 'nodeValue'], [win.HTMLElement.prototype, 'innerText'], [win.CharacterData.prototype, 'data']] as const) {
    const desc = Object.getOwnPropertyDescriptor(proto, prop);
    const set = desc?.set;
    if (!desc || !set) continue;
    Object.defineProperty(proto, prop, {
      ...desc,
      set(this: Node, value: unknown) {
        styleText(this, value);
        set.call(this, value);
      },
    });
  }
}

export function hookCss(win: PageWindow, judge: LoadJudge): void {
  hookInlineStyles(win, judge);
  hookSheets(win, judge);
  hookStyleText(win, judge);
}
