/* eslint-disable @typescript-eslint/unbound-method, @typescript-eslint/no-base-to-string -- originals are kept unbound and called on their own target; text is stringified as the browser would. */
/**
 * A <style>'s text (HTML or SVG) is the text of its Text children in order; the browser parses it,
 * and fetches its @import and url()s, as soon as it changes. Every change is judged as that whole
 * text after it, before it is made: a URL built from two Text children, or joined by taking out what
 * lay between them, is judged as the browser will read it. The changes: a Text child's data (`data`,
 * `nodeValue`, `textContent`, appendData, insertData, deleteData, replaceData), children put in or
 * taken out (appendChild, insertBefore, replaceChild, removeChild, moveBefore, append, prepend,
 * replaceChildren, a child's before/after/replaceWith/remove, insertAdjacentText/HTML, outerHTML and
 * outerText of a child), the style's own textContent/innerText, and a Range's insertNode,
 * deleteContents, extractContents and surroundContents inside one. A style put into a parent is
 * judged again when its text is not the one last judged (text made where no hook saw it).
 *
 * Cheap where editors are busy: a CharacterData method on body text costs one parentNode read; a
 * child put into anything else one localName read. The DOM is read through the getters as they were
 * at document_start, and arguments are turned into strings once, so what is judged is what is written.
 */
import { DATA_EDITS, editedData, textWithout, withoutLineBreaks } from '../../../gate/style-text';
import type { LoadJudge } from './load-judge';
import { beforeCall, beforeSet } from './wrap';
import { apply, keptWeakMap } from '../../../realm/intrinsics';

type PageWindow = Window & typeof globalThis;
/** A child in a simulated list of a style's children: a node, or text a method turns into a Text node. */
type Item = Node | string;

const TEXT = 3;
const CDATA = 4;
const FRAGMENT = 11;

/** The DOM as read through the getters kept at document_start (a page cannot redefine what is judged). */
interface Dom {
  parentOf(n: unknown): Node | null | undefined;
  nextOf(n: unknown): Node | null | undefined;
  typeOf(n: unknown): number | undefined;
  dataOf(n: unknown): string | undefined;
  /** A Range's start/end container and offset. */
  boundary(range: unknown, which: 'start' | 'end'): [container: unknown, offset: unknown];
  isStyleEl(n: unknown): n is Element;
  isText(n: unknown): boolean;
  childrenOf(n: unknown): Node[];
  /** The text an item gives a style: a Text node's data, a fragment's Text children, nothing for an element or comment. */
  textOf(item: Item): string;
  /** What a node put in becomes among the children: a fragment's children, or itself. */
  nodesOf(n: unknown): Item[];
  /** ParentNode/ChildNode arguments: nodes as they are, anything else as text. */
  itemsOf(args: readonly unknown[]): Item[];
}

/** The getter where the prototype chain has it (Chromium keeps a Range's containers on NodeRange, between Range and AbstractRange). */
function getterOf(proto: object | undefined, name: string): ((this: unknown) => unknown) | undefined {
  for (let o: object | null | undefined = proto; o; o = Object.getPrototypeOf(o) as object | null) {
    const get = Object.getOwnPropertyDescriptor(o, name)?.get;
    if (get) return get as (this: unknown) => unknown;
  }
  return undefined;
}

const reader = (get: ((this: unknown) => unknown) | undefined) => (n: unknown): unknown => {
  try {
    return get ? apply(get, n, []) : undefined;
  } catch {
    return undefined;
  }
};

function domOf(win: PageWindow): Dom {
  const node = win.Node.prototype;
  const read = (proto: object | undefined, name: string) => reader(getterOf(proto, name));
  const parentOf = read(node, 'parentNode') as Dom['parentOf'];
  const firstOf = read(node, 'firstChild') as (n: unknown) => Node | null | undefined;
  const nextOf = read(node, 'nextSibling') as Dom['nextOf'];
  const typeOf = read(node, 'nodeType') as Dom['typeOf'];
  const nameOf = read(win.Element.prototype, 'localName') as (n: unknown) => string | undefined;
  const dataOf = read(win.CharacterData.prototype, 'data') as Dom['dataOf'];
  const range = Object.fromEntries(['startContainer', 'startOffset', 'endContainer', 'endOffset'].map((k) => [k, read(win.Range.prototype, k)]));
  const isText = (n: unknown) => {
    const t = typeOf(n);
    return t === TEXT || t === CDATA;
  };
  const childrenOf = (n: unknown): Node[] => {
    const out: Node[] = [];
    for (let k = firstOf(n); k; k = nextOf(k)) out.push(k);
    return out;
  };
  const textOf = (item: Item): string => {
    if (typeof item === 'string') return item;
    if (isText(item)) return dataOf(item) ?? '';
    return typeOf(item) === FRAGMENT ? childrenOf(item).map(textOf).join('') : '';
  };
  const nodesOf = (n: unknown): Item[] => (typeOf(n) === FRAGMENT ? childrenOf(n) : [n as Node]);
  return {
    parentOf,
    nextOf,
    typeOf,
    dataOf,
    boundary: (r, which) => [range[`${which}Container`]!(r), range[`${which}Offset`]!(r)],
    isStyleEl: (n): n is Element => n != null && typeof n === 'object' && typeOf(n) === 1 && nameOf(n) === 'style',
    isText,
    childrenOf,
    textOf,
    nodesOf,
    itemsOf: (args) => args.flatMap((a) => (typeof a === 'object' && a !== null && typeOf(a) !== undefined ? nodesOf(a) : [String(a)])),
  };
}

/** Judging a style's whole text: each text once per style (a second question would find a release spent). */
interface StyleJudge {
  styleText(style: Element): string;
  /** Throws when refused. */
  judgeText(style: Element, text: string): void;
  /** The style's children after `edit`, as text, judged (`edit` gives null when it cannot say). */
  judgeAfter(style: Element, edit: (items: Item[]) => Item[] | null): void;
  /** A style (or a fragment's styles) about to be put into a parent: its text as it stands. */
  judgeInserted(items: readonly Item[]): void;
}

function styleJudge(win: PageWindow, dom: Dom, judge: LoadJudge): StyleJudge {
  const judged = keptWeakMap<Element, string>();
  const styleText = (style: Element) => dom.childrenOf(style).map(dom.textOf).join('');
  const judgeText = (style: Element, text: string) => {
    if (judged.get(style) === text) return;
    judge.css(text);
    judged.set(style, text);
  };
  return {
    styleText,
    judgeText,
    judgeAfter: (style, edit) => {
      const items = edit(dom.childrenOf(style));
      if (items) judgeText(style, items.map(dom.textOf).join(''));
    },
    judgeInserted: (items) => {
      for (const item of items) if (dom.isStyleEl(item)) judgeText(item, styleText(item));
    },
  };
}

// What each method makes of a style's children (pure list edits on the simulated child list).

/** `moved` put before `ref` (null: at the end), once the moved ones are out of where they were. */
const inserting = (moved: readonly Item[], ref: Node | null) => (kids: Item[]) => {
  const rest = kids.filter((k) => !moved.includes(k));
  const at = ref === null ? rest.length : rest.indexOf(ref);
  return at < 0 ? null : [...rest.slice(0, at), ...moved, ...rest.slice(at)];
};
const replacing = (old: unknown, moved: readonly Item[]) => (kids: Item[]) => kids.flatMap((k) => (k === old ? moved : moved.includes(k) ? [] : [k]));
const removing = (gone: unknown) => (kids: Item[]) => kids.filter((k) => k !== gone);
const rewriting = (self: unknown, text: string) => (kids: Item[]) => kids.map((k) => (k === self ? text : k));
/** A child's before/after/replaceWith: `moved` put beside it (or in its place). */
const beside = (self: unknown, name: string, moved: readonly Item[]) => (kids: Item[]) => {
  const rest = kids.filter((k) => k === self || !moved.includes(k));
  const i = rest.indexOf(self as Node);
  if (i < 0) return null;
  const put = moved.filter((m) => m !== self);
  if (name === 'before') return [...rest.slice(0, i), ...put, ...rest.slice(i)];
  return name === 'after' ? [...rest.slice(0, i + 1), ...put, ...rest.slice(i + 1)] : [...rest.slice(0, i), ...put, ...rest.slice(i + 1)];
};
/** insertAdjacent… next to a child of a style: its text beside that child. */
const adjacentTo = (self: unknown, after: boolean, text: string) => (kids: Item[]) => {
  const i = kids.indexOf(self as Node);
  const at = after ? i + 1 : i;
  return i < 0 ? null : [...kids.slice(0, at), text, ...kids.slice(at)];
};

/** Children put in or taken out of a style; a style put in anywhere. */
function hookChildLists(win: PageWindow, dom: Dom, sj: StyleJudge): void {
  const node = win.Node.prototype;
  const element = win.Element.prototype;
  const putting = (self: unknown, moved: Item[], edit: (items: Item[]) => Item[] | null) => {
    sj.judgeInserted(moved);
    if (dom.isStyleEl(self)) sj.judgeAfter(self, edit);
  };
  beforeCall(node, 'appendChild', (self, [child]) => {
    const moved = dom.nodesOf(child);
    putting(self, moved, inserting(moved, null));
  });
  for (const name of ['insertBefore', 'moveBefore']) {
    beforeCall(name === 'moveBefore' ? element : node, name, (self, [child, ref]) => {
      const moved = dom.nodesOf(child);
      putting(self, moved, inserting(moved, ref === child ? (dom.nextOf(child) ?? null) : ((ref as Node | null | undefined) ?? null)));
    });
  }
  beforeCall(node, 'replaceChild', (self, [child, old]) => {
    const moved = dom.nodesOf(child);
    putting(self, moved, replacing(old, moved));
  });
  beforeCall(node, 'removeChild', (self, [child]) => {
    if (dom.isStyleEl(self)) sj.judgeAfter(self, removing(child));
  });
  for (const [name, at] of [['append', 'end'], ['prepend', 'start'], ['replaceChildren', 'all']] as const) {
    beforeCall(element, name, (self, args) => {
      const moved = dom.itemsOf(args);
      putting(self, moved, (kids) => {
        const rest = kids.filter((k) => !moved.includes(k));
        return at === 'all' ? moved : at === 'end' ? [...rest, ...moved] : [...moved, ...rest];
      });
    });
  }
}

/** A child of a style puts text beside itself, is replaced or leaves. */
function hookSiblings(proto: object | undefined, dom: Dom, sj: StyleJudge): void {
  for (const name of ['before', 'after', 'replaceWith']) {
    beforeCall(proto, name, (self, args) => {
      const moved = dom.itemsOf(args);
      sj.judgeInserted(moved);
      const parent = dom.parentOf(self);
      if (dom.isStyleEl(parent)) sj.judgeAfter(parent, beside(self, name, moved));
    });
  }
  beforeCall(proto, 'remove', (self) => {
    const parent = dom.parentOf(self);
    if (dom.isStyleEl(parent)) sj.judgeAfter(parent, removing(self));
  });
}

/** Text written next to or into a style by an element method (markup in a style's context is its text: RAWTEXT). */
function hookAdjacent(win: PageWindow, dom: Dom, sj: StyleJudge): void {
  const element = win.Element.prototype;
  const adjacent = (self: unknown, where: unknown, text: string) => {
    const w = String(where).toLowerCase();
    if ((w === 'afterbegin' || w === 'beforeend') && dom.isStyleEl(self)) sj.judgeAfter(self, (kids) => (w === 'beforeend' ? [...kids, text] : [text, ...kids]));
    const parent = dom.parentOf(self);
    if ((w === 'beforebegin' || w === 'afterend') && dom.isStyleEl(parent)) sj.judgeAfter(parent, adjacentTo(self, w === 'afterend', text));
  };
  beforeCall(element, 'insertAdjacentText', (self, [where, text]) => adjacent(self, where, text as string), [1]);
  beforeCall(element, 'insertAdjacentHTML', (self, [where, html]) => adjacent(self, where, html as string), [1]);
  const replacedBy = (self: unknown, text: string) => {
    const parent = dom.parentOf(self);
    if (dom.isStyleEl(parent)) sj.judgeAfter(parent, rewriting(self, text));
  };
  hookSetter(element, 'outerHTML', replacedBy);
  hookSetter(win.HTMLElement.prototype, 'outerText', (self, text) => replacedBy(self, withoutLineBreaks(text)));
}

/** A Text child's data however written, and a style's own textContent/innerText. */
function hookData(win: PageWindow, dom: Dom, sj: StyleJudge): void {
  const dataWrite = (self: unknown, data: string) => {
    const parent = dom.isText(self) ? dom.parentOf(self) : null;
    if (dom.isStyleEl(parent)) sj.judgeAfter(parent, rewriting(self, data));
  };
  const characterData = win.CharacterData.prototype;
  for (const edit of DATA_EDITS) {
    beforeCall(characterData, edit, (self, args) => {
      const parent = dom.parentOf(self);
      if (!dom.isStyleEl(parent) || !dom.isText(self)) return;
      const data = editedData(dom.dataOf(self) ?? '', edit, args);
      if (data !== null) sj.judgeAfter(parent, rewriting(self, data));
    }, edit === 'appendData' ? [0] : edit === 'insertData' ? [1] : edit === 'replaceData' ? [2] : []);
  }
  hookSetter(characterData, 'data', dataWrite);
  // textContent and nodeValue: a Text child's data, or the style's whole text (null is '')
  hookSetter(win.Node.prototype, 'textContent', (self, text) => (dom.isStyleEl(self) ? sj.judgeText(self, text) : dataWrite(self, text)));
  hookSetter(win.Node.prototype, 'nodeValue', (self, text) => dataWrite(self, text));
  hookSetter(win.HTMLElement.prototype, 'innerText', (self, text) => dom.isStyleEl(self) && sj.judgeText(self, withoutLineBreaks(text)));
}

/** Where a Range boundary falls in a style's text: the style and the offset, with whether the boundary is the style or its Text child. */
function spotIn(dom: Dom, container: unknown, offset: unknown): { style: Element; at: number; direct: boolean } | null {
  if (dom.isStyleEl(container)) {
    const kids = dom.childrenOf(container).slice(0, Number(offset));
    return { style: container, at: kids.map(dom.textOf).join('').length, direct: true };
  }
  let child = container;
  let parent = dom.parentOf(container);
  while (parent && !dom.isStyleEl(parent)) {
    child = parent;
    parent = dom.parentOf(parent);
  }
  if (!parent) return null;
  const before = dom.childrenOf(parent);
  const at = before.slice(0, before.indexOf(child as Node)).map(dom.textOf).join('').length;
  const direct = child === container && dom.isText(container);
  return { style: parent, at: at + (direct ? Number(offset) : 0), direct };
}

/** Range edits inside a style. */
function hookRanges(win: PageWindow, dom: Dom, sj: StyleJudge): void {
  const spot = (range: unknown, which: 'start' | 'end') => spotIn(dom, ...dom.boundary(range, which));
  const cut = (self: unknown) => {
    const s = spot(self, 'start');
    const e = spot(self, 'end');
    if (s && e && s.style === e.style) sj.judgeText(s.style, textWithout(sj.styleText(s.style), s.at, e.at));
    else {
      if (s) sj.judgeText(s.style, textWithout(sj.styleText(s.style), s.at, null));
      if (e) sj.judgeText(e.style, textWithout(sj.styleText(e.style), null, e.at));
    }
  };
  for (const name of ['deleteContents', 'extractContents', 'surroundContents']) beforeCall(win.Range.prototype, name, cut);
  beforeCall(win.Range.prototype, 'insertNode', (self, [inserted]) => {
    sj.judgeInserted(dom.nodesOf(inserted));
    const s = spot(self, 'start');
    if (!s?.direct) return;
    const text = sj.styleText(s.style);
    sj.judgeText(s.style, text.slice(0, s.at) + dom.textOf(inserted as Node) + text.slice(s.at));
  });
}

/** A setter judged on the string it writes (every one here takes null as ''). */
const hookSetter = (proto: object | undefined, prop: string, before: (self: unknown, value: string) => void) => beforeSet(proto, prop, before, (v) => (v === null ? '' : String(v)));

export function hookStyleText(win: PageWindow, judge: LoadJudge): void {
  const dom = domOf(win);
  const sj = styleJudge(win, dom, judge);
  hookChildLists(win, dom, sj);
  hookSiblings(win.Element.prototype, dom, sj);
  hookSiblings(win.CharacterData.prototype, dom, sj);
  hookAdjacent(win, dom, sj);
  hookData(win, dom, sj);
  hookRanges(win, dom, sj);
}
