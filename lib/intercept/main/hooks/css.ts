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
import { argsFrom, once, onceAt } from './once';
import { beforeCall, protoOf, standIn } from './wrap';
import { add, apply, bare, isArray, joinText, keptWeakMap, ownIterator, sequence, startsWith, toText } from '../../../realm/intrinsics';
import { bytesView } from '../natives';

type PageWindow = Window & typeof globalThis;

// Kept as this module loads (document_start): a page that replaced them could have a declaration's
// writes go past the judge, or a constructor built from other arguments than were judged.
const NativeProxy = Proxy;
const reflectGet = Reflect.get;
const reflectSet = Reflect.set;
const construct = Reflect.construct;
const ownKeysOf = Reflect.ownKeys;
const isEnumerable = Object.prototype.propertyIsEnumerable;

/**
 * The declaration behind `el.style`, its writes judged; the same Proxy for the same declaration. A
 * Proxy fails the browser's own type check when a method runs on it, so every method and accessor of
 * CSSStyleDeclaration.prototype runs on the declaration behind the Proxy (also when page code calls
 * them through the prototype on `el.style`); setProperty and cssText are judged there.
 */
function declarations(win: PageWindow, judge: LoadJudge): (d: CSSStyleDeclaration) => CSSStyleDeclaration {
  const proxies = keptWeakMap<CSSStyleDeclaration, CSSStyleDeclaration>();
  const behind = keptWeakMap<object, CSSStyleDeclaration>();
  const self = (t: unknown): unknown => behind.get(t as object) ?? t;
  const proto = win.CSSStyleDeclaration.prototype;
  // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
  for (const key of Object.getOwnPropertyNames(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, key);
    if (!d || key === 'constructor') continue;
    const { value, get, set } = d as { value?: unknown; get?: () => unknown; set?: (v: unknown) => void };
    if (typeof value === 'function') {
      d.value = function (this: unknown, ...args: unknown[]) {
        if (key === 'setProperty') {
          onceAt(args, [0, 1]);
          // a custom property's value is judged with its name: its strings may be used as URLs (../../../gate/css-urls.ts)
          judge.css(startsWith(toText(args[0]), '--') ? `${toText(args[0])}:${toText(args[1])}` : args[1]);
        }
        return apply(value as (...a: unknown[]) => unknown, self(this), args);
      };
    }
    if (get) d.get = function (this: unknown) {
      return apply(get, self(this), []);
    };
    if (set) d.set = function (this: unknown, value: unknown) {
      const v = once(value);
      if (key === 'cssText') judge.css(v);
      apply(set, self(this), [v]);
    };
    Object.defineProperty(proto, key, d);
  }
  return (decl) => {
    const known = proxies.get(decl);
    if (known) return known;
    const proxy = new NativeProxy(decl, {
      get: (target, key) => reflectGet(target, key, target) as unknown,
      set(target, key, value) {
        // an object's string, read once: `style.backgroundImage = { toString }` (a probe's) is text too
        const v = once(value);
        if (typeof v === 'string') judge.css(v);
        return reflectSet(target, key, v, target);
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
  // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
  const owners = ['HTMLElement', 'SVGElement', 'MathMLElement', ...Object.getOwnPropertyNames(win).filter((n) => /^CSS\w*(?:Rule|Declarations)$/.test(n))];
  // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
  for (const name of owners) {
    const proto = protoOf(win, name);
    const desc = proto && Object.getOwnPropertyDescriptor(proto, 'style');
    const get = desc?.get;
    if (!proto || !desc || !get) continue;
    const set = desc.set;
    Object.defineProperty(proto, 'style', {
      ...desc,
      get(this: object) {
        return proxyOf(apply(get, this, []) as CSSStyleDeclaration);
      },
      ...(set && {
        set(this: object, value: unknown) {
          const v = once(value);
          judge.css(v);
          apply(set, this, [v]);
        },
      }),
    });
  }
  const map = (win as unknown as { StylePropertyMap?: { prototype: object } }).StylePropertyMap?.prototype;
  // the values from the second argument on, read by index (a page can replace the array iterator)
  const values = (args: unknown[]) => {
    const out: unknown[] = [];
    for (let i = 1; i < args.length; i++) add(out, args[i]);
    return joinText(out, ' ');
  };
  beforeCall(map, 'set', (_, args) => judge.css(values(args)), argsFrom(1));
  beforeCall(map, 'append', (_, args) => judge.css(values(args)), argsFrom(1));
}

function hookSheets(win: PageWindow, judge: LoadJudge): void {
  const sheet = win.CSSStyleSheet?.prototype;
  beforeCall(sheet, 'insertRule', (_, args) => judge.css(args[0]), [0]);
  beforeCall(sheet, 'addRule', (_, args) => judge.css(args[1]), [0, 1]);
  beforeCall(sheet, 'replace', (_, args) => judge.css(args[0]), [0]);
  beforeCall(sheet, 'replaceSync', (_, args) => judge.css(args[0]), [0]);
  beforeCall(protoOf(win, 'CSSGroupingRule'), 'insertRule', (_, args) => judge.css(args[0]), [0]);
  // a keyframe added to an @keyframes rule (its background-image loads while the animation runs)
  beforeCall(protoOf(win, 'CSSKeyframesRule'), 'appendRule', (_, args) => judge.css(args[0]), [0]);
}

/**
 * A Web Animations keyframe list read once, as plain data: an array of keyframes or an object of
 * arrays, from any iterable (a Set, a generator), every value that is no number as its string. Judged,
 * and handed to the browser in place of the page's (a probe's Set and `{ toString }` values were read
 * by the browser and not by the judge).
 */
export function keyframesOnce(keyframes: unknown): unknown {
  if (keyframes === null || typeof keyframes !== 'object') return keyframes;
  // the page's iterable walked once by its own protocol, as the browser would: the list judged is the list it gets
  const frames = sequence(keyframes);
  if (!frames) return frameOnce(keyframes);
  const out: unknown[] = [];
  for (let i = 0; i < frames.length; i++) add(out, frameOnce(frames[i]));
  return ownIterator(out);
}

/** A keyframe as plain data without a prototype: each value read once, an array's items too. */
function frameOnce(f: unknown): unknown {
  if (f === null || typeof f !== 'object') return f;
  const out: Record<string, unknown> = bare({});
  for (const key in f) out[key] = valueOnce((f as Record<string, unknown>)[key]);
  return out;
}

function valueOnce(v: unknown): unknown {
  if (!isArray(v)) return once(v);
  const out: unknown[] = [];
  for (let i = 0; i < v.length; i++) add(out, once(v[i]));
  return out;
}

/** Every string in a keyframe list keyframesOnce() made. */
export function keyframeText(keyframes: unknown): string {
  const out: string[] = [];
  const strings = (v: unknown) => {
    if (typeof v === 'string') add(out, v);
    else if (isArray(v)) for (let i = 0; i < v.length; i++) if (typeof v[i] === 'string') add(out, v[i] as string);
  };
  const frames = isArray(keyframes) ? keyframes : [keyframes];
  for (let i = 0; i < frames.length; i++) {
    const frame = frames[i];
    if (!frame || typeof frame !== 'object') continue;
    const keys = ownKeysOf(frame);
    for (let k = 0; k < keys.length; k++) if (apply(isEnumerable, frame, [keys[k]])) strings((frame as Record<PropertyKey, unknown>)[keys[k]!]);
  }
  return joinText(out, ' ');
}

/** The keyframes argument at `index` read once, then judged. */
const keyframesAt = (judge: LoadJudge, args: unknown[], index: number) => {
  args[index] = keyframesOnce(args[index]);
  judge.css(keyframeText(args[index]));
};

/** A FontFace source: a string (its `url(…)` list) read once; font bytes are no URL. */
const fontSourceOnce = (source: unknown) => (bytesView(source) ? source : once(source));

/**
 * CSS values that reach the style engine past a declaration: animation keyframes (`el.animate`,
 * KeyframeEffect), a registered property's initial value (used wherever `var()` names it) and a
 * FontFace's source, which loads on `load()` or once `document.fonts` needs it.
 */
function hookCssValues(win: PageWindow, judge: LoadJudge): void {
  beforeCall(win.Element.prototype, 'animate', (_, args) => keyframesAt(judge, args, 0));
  beforeCall(win.KeyframeEffect?.prototype, 'setKeyframes', (_, args) => keyframesAt(judge, args, 0));
  const css = (win as unknown as { CSS?: object }).CSS;
  beforeCall(css, 'registerProperty', (_, args) => {
    const definition = args[0] as { initialValue?: unknown } | null;
    if (definition && typeof definition === 'object') args[0] = { ...definition, initialValue: once(definition.initialValue) };
    judge.css((args[0] as { initialValue?: unknown } | null)?.initialValue ?? '');
  });
  const wrapCtor = <T extends new (...a: never[]) => object>(name: 'KeyframeEffect' | 'FontFace', judgeArgs: (args: unknown[]) => void) => {
    const Original = win[name] as unknown as T | undefined;
    if (typeof Original !== 'function') return;
    const Guarded = function (this: unknown, ...args: unknown[]) {
      if (!new.target) throw new TypeError(`Failed to construct '${name}': Please use the 'new' operator`);
      judgeArgs(args);
      return construct(Original, args, new.target === Guarded ? Original : new.target) as object;
    };
    standIn(win, name, Original, Guarded);
  };
  wrapCtor('KeyframeEffect', (args) => keyframesAt(judge, args, 1));
  wrapCtor('FontFace', (args) => {
    args[1] = fontSourceOnce(args[1]);
    if (typeof args[1] === 'string') judge.css(args[1]);
  });
}

export function hookCss(win: PageWindow, judge: LoadJudge): void {
  hookInlineStyles(win, judge);
  hookSheets(win, judge);
  hookStyleText(win, judge);
  hookCssValues(win, judge);
}
