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
import { DATA_EDITS, type DataEdit, editedData, textWithout, withoutLineBreaks } from '../../../gate/style-text';
import type { LoadJudge } from './load-judge';
import { once } from './once';
import { beforeCall, beforeSet } from './wrap';
import { add, addAll, keptWeakMap, lower, sliceText, toText } from '../../../realm/intrinsics';
import { getter } from '../natives';

type PageWindow = Window & typeof globalThis;
/** A child in a simulated list of a style's children: a node, or text a method turns into a Text node. */
type Item = Node | string;

const TEXT = 3;
const CDATA = 4;
const PI = 7;
const FRAGMENT = 11;

/**
 * The DOM as read through the getters kept at document_start (a page cannot redefine what is judged).
 * Every list here is walked by index and built with add(): a page can replace the array iterator's
 * next, map, join, filter, includes, indexOf and slice (with map and join replaced, every style's
 * text was judged as '').
 */
interface Dom {
  parentOf(n: unknown): Node | null | undefined;
  nextOf(n: unknown): Node | null | undefined;
  typeOf(n: unknown): number | undefined;
  dataOf(n: unknown): string | undefined;
  /** A Range's start or end: its container and offset. */
  boundary(range: unknown, which: 'start' | 'end'): { container: unknown; offset: unknown };
  isStyleEl(n: unknown): n is Element;
  isText(n: unknown): boolean;
  childrenOf(n: unknown): Node[];
  /** The text an item gives a style: a Text node's data, a fragment's Text children, nothing for an element or comment. */
  textOf(item: Item): string;
  /** The text the first `count` items give, in order (all of them when no count). */
  textOfAll(items: readonly Item[], count?: number): string;
  /** What a node put in becomes among the children: a fragment's children, or itself. */
  nodesOf(n: unknown): Item[];
  /**
   * ParentNode/ChildNode arguments: nodes as they are, anything else as text, read once and put back
   * in `args`, so that the browser writes the text that was judged.
   */
  itemsOnce(args: unknown[]): Item[];
}

/** A kept getter that answers undefined where it throws (on a node of another interface). */
const reader = (get: (self: unknown) => unknown) => (n: unknown): unknown => {
  try {
    return get(n);
  } catch {
    return undefined;
  }
};

function domOf(win: PageWindow): Dom {
  const node = win.Node.prototype;
  const range = win.Range.prototype;
  const read = (proto: object | undefined, name: string) => reader(getter(proto, name));
  const parentOf = read(node, 'parentNode') as Dom['parentOf'];
  const firstOf = read(node, 'firstChild') as (n: unknown) => Node | null | undefined;
  const nextOf = read(node, 'nextSibling') as Dom['nextOf'];
  const typeOf = read(node, 'nodeType') as Dom['typeOf'];
  const nameOf = read(win.Element.prototype, 'localName') as (n: unknown) => string | undefined;
  const dataOf = read(win.CharacterData.prototype, 'data') as Dom['dataOf'];
  // (Chromium keeps a Range's containers on NodeRange, between Range and AbstractRange: getter() walks the chain)
  const startContainer = read(range, 'startContainer');
  const startOffset = read(range, 'startOffset');
  const endContainer = read(range, 'endContainer');
  const endOffset = read(range, 'endOffset');
  const isText = (n: unknown) => {
    const t = typeOf(n);
    return t === TEXT || t === CDATA;
  };
  const childrenOf = (n: unknown): Node[] => {
    const out: Node[] = [];
    for (let k = firstOf(n); k; k = nextOf(k)) add(out, k);
    return out;
  };
  const textOf = (item: Item): string => {
    if (typeof item === 'string') return item;
    if (isText(item)) return dataOf(item) ?? '';
    return typeOf(item) === FRAGMENT ? textOfAll(childrenOf(item)) : '';
  };
  const textOfAll = (items: readonly Item[], count = items.length): string => {
    let out = '';
    for (let i = 0; i < count && i < items.length; i++) out += textOf(items[i]!);
    return out;
  };
  const nodesOf = (n: unknown): Item[] => (typeOf(n) === FRAGMENT ? childrenOf(n) : [n as Node]);
  return {
    parentOf,
    nextOf,
    typeOf,
    dataOf,
    boundary: (r, which) => (which === 'start' ? { container: startContainer(r), offset: startOffset(r) } : { container: endContainer(r), offset: endOffset(r) }),
    isStyleEl: (n): n is Element => n != null && typeof n === 'object' && typeOf(n) === 1 && nameOf(n) === 'style',
    isText,
    childrenOf,
    textOf,
    textOfAll,
    nodesOf,
    itemsOnce: (args) => {
      const out: Item[] = [];
      for (let i = 0; i < args.length; i++) {
        if (typeof args[i] === 'object' && args[i] !== null && typeOf(args[i]) !== undefined) addAll(out, nodesOf(args[i]));
        else add(out, toText((args[i] = once(args[i]))));
      }
      return out;
    },
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
  const styleText = (style: Element) => dom.textOfAll(dom.childrenOf(style));
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
      if (items) judgeText(style, dom.textOfAll(items));
    },
    judgeInserted: (items) => {
      for (let i = 0; i < items.length; i++) if (dom.isStyleEl(items[i])) judgeText(items[i] as Element, styleText(items[i] as Element));
    },
  };
}

// What each method makes of a style's children (pure list edits on the simulated child list).

/** Where `x` is in `list`, or -1. */
function position(list: readonly unknown[], x: unknown): number {
  for (let i = 0; i < list.length; i++) if (list[i] === x) return i;
  return -1;
}

/** `list` without the items in `gone`, except `kept`, which stays where it is. */
function without(list: readonly Item[], gone: readonly unknown[], kept?: unknown): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < list.length; i++) if (list[i] === kept || position(gone, list[i]) < 0) add(out, list[i]!);
  return out;
}

/** `list` with its items from `start` up to `end` replaced by `put`. */
function spliced(list: readonly Item[], start: number, end: number, put: readonly Item[]): Item[] {
  const out: Item[] = [];
  for (let i = 0; i < start; i++) add(out, list[i]!);
  addAll(out, put);
  for (let i = end; i < list.length; i++) add(out, list[i]!);
  return out;
}

/** `moved` put before `ref` (null: at the end), once the moved ones are out of where they were. */
const inserting = (moved: readonly Item[], ref: Node | null) => (kids: Item[]) => {
  const rest = without(kids, moved);
  const at = ref === null ? rest.length : position(rest, ref);
  return at < 0 ? null : spliced(rest, at, at, moved);
};
const replacing = (old: unknown, moved: readonly Item[]) => (kids: Item[]) => {
  const out: Item[] = [];
  for (let i = 0; i < kids.length; i++) {
    if (kids[i] === old) addAll(out, moved);
    else if (position(moved, kids[i]) < 0) add(out, kids[i]!);
  }
  return out;
};
const removing = (gone: unknown) => (kids: Item[]) => without(kids, [gone]);
const rewriting = (self: unknown, text: string) => (kids: Item[]) => {
  const out: Item[] = [];
  for (let i = 0; i < kids.length; i++) add(out, kids[i] === self ? text : kids[i]!);
  return out;
};
/** A child's before/after/replaceWith: `moved` put beside it (or in its place). */
const beside = (self: unknown, name: string, moved: readonly Item[]) => (kids: Item[]) => {
  const rest = without(kids, moved, self);
  const i = position(rest, self);
  if (i < 0) return null;
  const put = without(moved, [self]);
  if (name === 'before') return spliced(rest, i, i, put);
  return name === 'after' ? spliced(rest, i + 1, i + 1, put) : spliced(rest, i, i + 1, put);
};
/** insertAdjacent… next to a child of a style: its text beside that child. */
const adjacentTo = (self: unknown, after: boolean, text: string) => (kids: Item[]) => {
  const i = position(kids, self);
  const at = after ? i + 1 : i;
  return i < 0 ? null : spliced(kids, at, at, [text]);
};

/** Children put in or taken out of a style; a style put in anywhere. */
function hookChildLists(win: PageWindow, dom: Dom, sj: StyleJudge): void {
  const node = win.Node.prototype;
  const element = win.Element.prototype;
  const putting = (self: unknown, moved: Item[], edit: (items: Item[]) => Item[] | null) => {
    sj.judgeInserted(moved);
    if (dom.isStyleEl(self)) sj.judgeAfter(self, edit);
  };
  // (the arguments read by index: destructuring asks the page's array iterator)
  beforeCall(node, 'appendChild', (self, args) => {
    const moved = dom.nodesOf(args[0]);
    putting(self, moved, inserting(moved, null));
  });
  // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
  for (const name of ['insertBefore', 'moveBefore']) {
    beforeCall(name === 'moveBefore' ? element : node, name, (self, args) => {
      const child = args[0];
      const ref = args[1];
      const moved = dom.nodesOf(child);
      putting(self, moved, inserting(moved, ref === child ? (dom.nextOf(child) ?? null) : ((ref as Node | null | undefined) ?? null)));
    });
  }
  beforeCall(node, 'replaceChild', (self, args) => {
    const moved = dom.nodesOf(args[0]);
    putting(self, moved, replacing(args[1], moved));
  });
  beforeCall(node, 'removeChild', (self, args) => {
    if (dom.isStyleEl(self)) sj.judgeAfter(self, removing(args[0]));
  });
  // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
  for (const [name, at] of [['append', 'end'], ['prepend', 'start'], ['replaceChildren', 'all']] as const) {
    beforeCall(element, name, (self, args) => {
      const moved = dom.itemsOnce(args);
      putting(self, moved, (kids) => {
        if (at === 'all') return moved;
        const rest = without(kids, moved);
        return at === 'end' ? spliced(rest, rest.length, rest.length, moved) : spliced(rest, 0, 0, moved);
      });
    });
  }
}

/** A child of a style puts text beside itself, is replaced or leaves. */
function hookSiblings(proto: object | undefined, dom: Dom, sj: StyleJudge): void {
  // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
  for (const name of ['before', 'after', 'replaceWith']) {
    beforeCall(proto, name, (self, args) => {
      const moved = dom.itemsOnce(args);
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
    const w = lower(toText(where));
    if ((w === 'afterbegin' || w === 'beforeend') && dom.isStyleEl(self)) sj.judgeAfter(self, (kids) => (w === 'beforeend' ? spliced(kids, kids.length, kids.length, [text]) : spliced(kids, 0, 0, [text])));
    const parent = dom.parentOf(self);
    if ((w === 'beforebegin' || w === 'afterend') && dom.isStyleEl(parent)) sj.judgeAfter(parent, adjacentTo(self, w === 'afterend', text));
  };
  // The place read once too: an object's toString could name one place to the judge and another to
  // the browser. (A Trusted Types value stays one, for the browser; its text is judged.)
  beforeCall(element, 'insertAdjacentText', (self, args) => adjacent(self, args[0], toText(args[1])), [0, 1]);
  beforeCall(element, 'insertAdjacentHTML', (self, args) => adjacent(self, args[0], toText(args[1])), [0, 1]);
  const replacedBy = (self: unknown, text: string) => {
    const parent = dom.parentOf(self);
    if (dom.isStyleEl(parent)) sj.judgeAfter(parent, rewriting(self, text));
  };
  hookSetter(element, 'outerHTML', replacedBy);
  hookSetter(win.HTMLElement.prototype, 'outerText', (self, text) => replacedBy(self, withoutLineBreaks(text)));
}

/**
 * Which arguments of each CharacterData edit are read once before the judge: its text, and its
 * offset and count (a valueOf could name one place to the judge and another to the browser).
 */
const DATA_ARGS: Record<DataEdit, { text: number[]; numbers: number[] }> = {
  appendData: { text: [0], numbers: [] },
  insertData: { text: [1], numbers: [0] },
  deleteData: { text: [], numbers: [0, 1] },
  replaceData: { text: [2], numbers: [0, 1] },
};

/** The numbers at `at` converted once, as the browser converts them (ToNumber: a valueOf asked once). */
function numbersOnce(args: unknown[], at: readonly number[]): void {
  for (let k = 0; k < at.length; k++) if (at[k]! < args.length) args[at[k]!] = +(args[at[k]!] as number);
}

/**
 * A Text child's data however written, and a style's own textContent/innerText. A processing
 * instruction's data too: an XML document (a blob: or same-origin SVG in a frame) loads the stylesheet
 * an `<?xml-stylesheet href?>` names whenever it is put in or its data changes (the fourteenth probe's
 * carried the ID); its data after the write is judged as markup, where the href is read.
 */
function hookData(win: PageWindow, dom: Dom, sj: StyleJudge, judge: LoadJudge): void {
  const dataWrite = (self: unknown, data: string) => {
    if (dom.typeOf(self) === PI) return judge.html(data);
    const parent = dom.isText(self) ? dom.parentOf(self) : null;
    if (dom.isStyleEl(parent)) sj.judgeAfter(parent, rewriting(self, data));
  };
  const characterData = win.CharacterData.prototype;
  // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
  for (const edit of DATA_EDITS) {
    beforeCall(characterData, edit, (self, args) => {
      numbersOnce(args, DATA_ARGS[edit].numbers);
      if (dom.typeOf(self) === PI) {
        const data = editedData(dom.dataOf(self) ?? '', edit, args);
        return data === null ? undefined : judge.html(data);
      }
      const parent = dom.parentOf(self);
      if (!dom.isStyleEl(parent) || !dom.isText(self)) return;
      const data = editedData(dom.dataOf(self) ?? '', edit, args);
      if (data !== null) sj.judgeAfter(parent, rewriting(self, data));
    }, DATA_ARGS[edit].text);
  }
  hookSetter(characterData, 'data', dataWrite);
  // textContent and nodeValue: a Text child's data, or the style's whole text (null is '')
  hookSetter(win.Node.prototype, 'textContent', (self, text) => (dom.isStyleEl(self) ? sj.judgeText(self, text) : dataWrite(self, text)));
  hookSetter(win.Node.prototype, 'nodeValue', (self, text) => dataWrite(self, text));
  hookSetter(win.HTMLElement.prototype, 'innerText', (self, text) => dom.isStyleEl(self) && sj.judgeText(self, withoutLineBreaks(text)));
}

/** Where a Range boundary falls in a style's text: the style and the offset, with whether the boundary is the style or its Text child. */
function spotIn(dom: Dom, container: unknown, offset: unknown): { style: Element; at: number; direct: boolean } | null {
  // (the offset is the kept getter's number)
  if (dom.isStyleEl(container)) return { style: container, at: dom.textOfAll(dom.childrenOf(container), offset as number).length, direct: true };
  let child = container;
  let parent = dom.parentOf(container);
  while (parent && !dom.isStyleEl(parent)) {
    child = parent;
    parent = dom.parentOf(parent);
  }
  if (!parent) return null;
  const before = dom.childrenOf(parent);
  const at = dom.textOfAll(before, position(before, child)).length;
  const direct = child === container && dom.isText(container);
  return { style: parent, at: at + (direct ? (offset as number) : 0), direct };
}

/** Range edits inside a style. */
function hookRanges(win: PageWindow, dom: Dom, sj: StyleJudge): void {
  const spot = (range: unknown, which: 'start' | 'end') => {
    const b = dom.boundary(range, which);
    return spotIn(dom, b.container, b.offset);
  };
  const cut = (self: unknown) => {
    const s = spot(self, 'start');
    const e = spot(self, 'end');
    if (s && e && s.style === e.style) sj.judgeText(s.style, textWithout(sj.styleText(s.style), s.at, e.at));
    else {
      if (s) sj.judgeText(s.style, textWithout(sj.styleText(s.style), s.at, null));
      if (e) sj.judgeText(e.style, textWithout(sj.styleText(e.style), null, e.at));
    }
  };
  // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
  for (const name of ['deleteContents', 'extractContents', 'surroundContents']) beforeCall(win.Range.prototype, name, cut);
  beforeCall(win.Range.prototype, 'insertNode', (self, args) => {
    const inserted = args[0] as Node;
    sj.judgeInserted(dom.nodesOf(inserted));
    const s = spot(self, 'start');
    if (!s?.direct) return;
    const text = sj.styleText(s.style);
    sj.judgeText(s.style, sliceText(text, 0, s.at) + dom.textOf(inserted) + sliceText(text, s.at));
  });
}

/** A setter judged on the string it writes (every one here takes null as ''). */
const hookSetter = (proto: object | undefined, prop: string, before: (self: unknown, value: string) => void) => beforeSet(proto, prop, before, (v) => (v === null ? '' : toText(v)));

export function hookStyleText(win: PageWindow, judge: LoadJudge): void {
  const dom = domOf(win);
  const sj = styleJudge(win, dom, judge);
  hookChildLists(win, dom, sj);
  hookSiblings(win.Element.prototype, dom, sj);
  hookSiblings(win.CharacterData.prototype, dom, sj);
  hookAdjacent(win, dom, sj);
  hookData(win, dom, sj, judge);
  hookRanges(win, dom, sj);
  // a processing instruction made with its data (hookData judges what is written to it later)
  beforeCall(win.Document.prototype, 'createProcessingInstruction', (_, args) => judge.html(toText(args[1])), [0, 1]);
}
