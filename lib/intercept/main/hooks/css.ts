/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * CSS that fetches: `el.style.backgroundImage = 'url(/x?content=…)'` sends the text as surely as an
 * image's src. Judged on the URLs it holds (lib/gate/css-urls.ts) before the browser sees it: inline
 * styles (every property, setProperty, cssText, `el.style = …`, a rule's style), stylesheets
 * (insertRule, replace, replaceSync, addRule, an @keyframes rule's appendRule, Typed OM set/append) and a <style> element's whole text
 * after every change to it (./style-text.ts).
 * Chromium's style properties are not accessors one could wrap, so `el.style` hands out a Proxy of
 * the declaration (the same one each time) whose writes are judged first.
 */
import type { LoadJudge } from './load-judge';
import { hookStyleText } from './style-text';
import { beforeCall, protoOf } from './wrap';

type PageWindow = Window & typeof globalThis;

/**
 * The declaration behind `el.style`, its writes judged; the same Proxy for the same declaration. A
 * Proxy fails the browser's own type check when a method runs on it, so every method and accessor of
 * CSSStyleDeclaration.prototype runs on the declaration behind the Proxy (also when page code calls
 * them through the prototype on `el.style`); setProperty and cssText are judged there.
 */
function declarations(win: PageWindow, judge: LoadJudge): (d: CSSStyleDeclaration) => CSSStyleDeclaration {
  const proxies = new win.WeakMap<CSSStyleDeclaration, CSSStyleDeclaration>();
  const behind = new win.WeakMap<object, CSSStyleDeclaration>();
  const self = (t: unknown): unknown => behind.get(t as object) ?? t;
  const proto = win.CSSStyleDeclaration.prototype;
  for (const key of Object.getOwnPropertyNames(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, key);
    if (!d || key === 'constructor') continue;
    const { value, get, set } = d as { value?: unknown; get?: () => unknown; set?: (v: unknown) => void };
    if (typeof value === 'function') {
      d.value = function (this: unknown, ...args: unknown[]) {
        if (key === 'setProperty') judge.css(args[1]);
        return Reflect.apply(value as (...a: unknown[]) => unknown, self(this), args);
      };
    }
    if (get) d.get = function (this: unknown) {
      return get.call(self(this));
    };
    if (set) d.set = function (this: unknown, v: unknown) {
      if (key === 'cssText') judge.css(v);
      set.call(self(this), v);
    };
    Object.defineProperty(proto, key, d);
  }
  return (decl) => {
    const known = proxies.get(decl);
    if (known) return known;
    const proxy = new win.Proxy(decl, {
      get: (target, key) => Reflect.get(target, key, target) as unknown,
      set(target, key, value) {
        if (typeof value === 'string') judge.css(value);
        return Reflect.set(target, key, value, target);
      },
    });
    proxies.set(decl, proxy);
    behind.set(proxy, decl);
    return proxy;
  };
}

function hookInlineStyles(win: PageWindow, judge: LoadJudge): void {
  const proxyOf = declarations(win, judge);
  // Every rule or declaration block with a style: CSSNestedDeclarations (the declarations after a
  // nested rule) too, whose `style.backgroundImage = url(…)` a probe saw load past the others.
  const owners = ['HTMLElement', 'SVGElement', 'MathMLElement', ...Object.getOwnPropertyNames(win).filter((n) => /^CSS\w*(?:Rule|Declarations)$/.test(n))];
  for (const name of owners) {
    const proto = protoOf(win, name);
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
  const map = (win as unknown as { StylePropertyMap?: { prototype: object } }).StylePropertyMap?.prototype;
  beforeCall(map, 'set', (_, [, ...values]) => judge.css(values.map(String).join(' ')));
  beforeCall(map, 'append', (_, [, ...values]) => judge.css(values.map(String).join(' ')));
}

function hookSheets(win: PageWindow, judge: LoadJudge): void {
  const sheet = win.CSSStyleSheet?.prototype;
  beforeCall(sheet, 'insertRule', (_, [rule]) => judge.css(rule));
  beforeCall(sheet, 'addRule', (_, [, style]) => judge.css(style));
  beforeCall(sheet, 'replace', (_, [text]) => judge.css(text));
  beforeCall(sheet, 'replaceSync', (_, [text]) => judge.css(text));
  beforeCall(protoOf(win, 'CSSGroupingRule'), 'insertRule', (_, [rule]) => judge.css(rule));
  // a keyframe added to an @keyframes rule (its background-image loads while the animation runs)
  beforeCall(protoOf(win, 'CSSKeyframesRule'), 'appendRule', (_, [rule]) => judge.css(rule), [0]);
}

/** Every string in a Web Animations keyframe list (an array of keyframes or an object of arrays). */
export function keyframeText(keyframes: unknown): string {
  const out: string[] = [];
  const add = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') out.push(x);
  };
  for (const frame of Array.isArray(keyframes) ? keyframes : [keyframes]) {
    if (frame && typeof frame === 'object') for (const v of Object.values(frame as Record<string, unknown>)) add(v);
  }
  return out.join(' ');
}

/**
 * CSS values that reach the style engine past a declaration: animation keyframes (`el.animate`,
 * KeyframeEffect), a registered property's initial value (used wherever `var()` names it) and a
 * FontFace's source, which loads on `load()` or once `document.fonts` needs it.
 */
function hookCssValues(win: PageWindow, judge: LoadJudge): void {
  beforeCall(win.Element.prototype, 'animate', (_, [keyframes]) => judge.css(keyframeText(keyframes)));
  beforeCall(win.KeyframeEffect?.prototype, 'setKeyframes', (_, [keyframes]) => judge.css(keyframeText(keyframes)));
  const css = (win as unknown as { CSS?: object }).CSS;
  beforeCall(css, 'registerProperty', (_, [definition]) => judge.css((definition as { initialValue?: unknown } | null)?.initialValue ?? ''));
  const wrapCtor = <T extends new (...a: never[]) => object>(name: 'KeyframeEffect' | 'FontFace', judgeArgs: (args: unknown[]) => void) => {
    const Original = win[name] as unknown as T | undefined;
    if (typeof Original !== 'function') return;
    const Guarded = function (this: unknown, ...args: unknown[]) {
      if (!new.target) throw new TypeError(`Failed to construct '${name}': Please use the 'new' operator`);
      judgeArgs(args);
      return Reflect.construct(Original, args, new.target === Guarded ? Original : new.target) as object;
    };
    Guarded.prototype = Original.prototype as object;
    Object.setPrototypeOf(Guarded, Original);
    (win as unknown as Record<string, unknown>)[name] = Guarded;
  };
  wrapCtor('KeyframeEffect', ([, keyframes]) => judge.css(keyframeText(keyframes)));
  wrapCtor('FontFace', ([, source]) => typeof source === 'string' && judge.css(source));
}

export function hookCss(win: PageWindow, judge: LoadJudge): void {
  hookInlineStyles(win, judge);
  hookSheets(win, judge);
  hookStyleText(win, judge);
  hookCssValues(win, judge);
}
