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

type PageWindow = Window & typeof globalThis;
/** A child in a simulated list of a style's children: a node, or text a method turns into a Text node. */
type Item = Node | string;

const TEXT = 3;
const CDATA = 4;
const FRAGMENT = 11;

export function hookStyleText(win: PageWindow, judge: LoadJudge): void {
  /** The getter where the prototype chain has it (Chromium keeps a Range's containers on NodeRange, between Range and AbstractRange). */
  const getter = (proto: object | undefined, name: string) => {
    for (let o: object | null | undefined = proto; o; o = Object.getPrototypeOf(o) as object | null) {
      const get = Object.getOwnPropertyDescriptor(o, name)?.get;
      if (get) return get as (this: unknown) => unknown;
    }
    return undefined;
  };
  const read = (get: ((this: unknown) => unknown) | undefined) => (n: unknown): unknown => {
    try {
      return get?.call(n);
    } catch {
      return undefined;
    }
  };
  const node = win.Node.prototype;
  const parentOf = read(getter(node, 'parentNode')) as (n: unknown) => Node | null | undefined;
  const firstOf = read(getter(node, 'firstChild')) as (n: unknown) => Node | null | undefined;
  const nextOf = read(getter(node, 'nextSibling')) as (n: unknown) => Node | null | undefined;
  const typeOf = read(getter(node, 'nodeType')) as (n: unknown) => number | undefined;
  const nameOf = read(getter(win.Element.prototype, 'localName')) as (n: unknown) => string | undefined;
  const dataOf = read(getter(win.CharacterData.prototype, 'data')) as (n: unknown) => string | undefined;
  const boundary = (k: string) => read(getter(win.Range.prototype, k));
  const [startOf, startAt, endOf, endAt] = [boundary('startContainer'), boundary('startOffset'), boundary('endContainer'), boundary('endOffset')];

  const isStyleEl = (n: unknown): n is Element => n != null && typeof n === 'object' && typeOf(n) === 1 && nameOf(n) === 'style';
  const isText = (n: unknown) => {
    const t = typeOf(n);
    return t === TEXT || t === CDATA;
  };
  const childrenOf = (n: unknown): Node[] => {
    const out: Node[] = [];
    for (let k = firstOf(n); k; k = nextOf(k)) out.push(k);
    return out;
  };
  /** The text an item gives a style: a Text node's data, a fragment's Text children, nothing for an element or comment. */
  const textOf = (item: Item): string => {
    if (typeof item === 'string') return item;
    if (isText(item)) return dataOf(item) ?? '';
    return typeOf(item) === FRAGMENT ? childrenOf(item).map(textOf).join('') : '';
  };
  /** What a node put in becomes among the children: a fragment's children, or itself. */
  const nodesOf = (n: unknown): Item[] => (typeOf(n) === FRAGMENT ? childrenOf(n) : [n as Node]);
  /** ParentNode/ChildNode arguments: nodes as they are, anything else as text. */
  const itemsOf = (args: readonly unknown[]): Item[] => args.flatMap((a) => (typeof a === 'object' && a !== null && typeOf(a) !== undefined ? nodesOf(a) : [String(a)]));

  const judged = new win.WeakMap<Element, string>();
  /** Judges a style's whole text (unless it is the text last judged for it): throws when refused. */
  const judgeText = (style: Element, text: string) => {
    if (judged.get(style) === text) return;
    judge.css(text);
    judged.set(style, text);
  };
  /** The style's children after `edit`, as text, judged. */
  const judgeAfter = (style: Element, edit: (items: Item[]) => Item[] | null) => {
    const items = edit(childrenOf(style));
    if (items) judgeText(style, items.map(textOf).join(''));
  };
  /** A style (or a fragment's styles) about to be put into a parent: its text as it stands. */
  const judgeInserted = (items: readonly Item[]) => {
    for (const item of items) if (isStyleEl(item)) judgeText(item, childrenOf(item).map(textOf).join(''));
  };
  /** `items` put at `at` (an index into the children once the moved ones are out, or before `ref`). */
  const inserting = (moved: readonly Item[], ref: Node | null) => (kids: Item[]) => {
    const rest = kids.filter((k) => !moved.includes(k));
    const at = ref === null ? rest.length : rest.indexOf(ref);
    return at < 0 ? null : [...rest.slice(0, at), ...moved, ...rest.slice(at)];
  };
  const replacing = (old: unknown, moved: readonly Item[]) => (kids: Item[]) => kids.flatMap((k) => (k === old ? moved : moved.includes(k) ? [] : [k]));
  const removing = (gone: unknown) => (kids: Item[]) => kids.filter((k) => k !== gone);

  /** A setter judged on the string it writes (every one here takes null as ''). */
  const hookSetter = (proto: object | undefined, prop: string, before: (self: unknown, value: string) => void) => beforeSet(proto, prop, before, (v) => (v === null ? '' : String(v)));

  // children put in or taken out of a style; a style put in anywhere
  beforeCall(node, 'appendChild', (self, [child]) => {
    const moved = nodesOf(child);
    judgeInserted(moved);
    if (isStyleEl(self)) judgeAfter(self, inserting(moved, null));
  });
  for (const name of ['insertBefore', 'moveBefore']) {
    beforeCall(name === 'moveBefore' ? win.Element.prototype : node, name, (self, [child, ref]) => {
      const moved = nodesOf(child);
      judgeInserted(moved);
      if (isStyleEl(self)) judgeAfter(self, inserting(moved, ref === child ? (nextOf(child) ?? null) : ((ref as Node | null | undefined) ?? null)));
    });
  }
  beforeCall(node, 'replaceChild', (self, [child, old]) => {
    const moved = nodesOf(child);
    judgeInserted(moved);
    if (isStyleEl(self)) judgeAfter(self, replacing(old, moved));
  });
  beforeCall(node, 'removeChild', (self, [child]) => {
    if (isStyleEl(self)) judgeAfter(self, removing(child));
  });
  const element = win.Element.prototype;
  for (const [name, at] of [['append', 'end'], ['prepend', 'start'], ['replaceChildren', 'all']] as const) {
    beforeCall(element, name, (self, args) => {
      const moved = itemsOf(args);
      judgeInserted(moved);
      if (!isStyleEl(self)) return;
      judgeAfter(self, (kids) => {
        const rest = kids.filter((k) => !moved.includes(k));
        return at === 'all' ? moved : at === 'end' ? [...rest, ...moved] : [...moved, ...rest];
      });
    });
  }
  // a child of a style puts text beside itself, is replaced or leaves
  const siblings = (proto: object | undefined) => {
    for (const name of ['before', 'after', 'replaceWith']) {
      beforeCall(proto, name, (self, args) => {
        const moved = itemsOf(args);
        judgeInserted(moved);
        const parent = parentOf(self);
        if (!isStyleEl(parent)) return;
        judgeAfter(parent, (kids) => {
          const rest = kids.filter((k) => k === self || !moved.includes(k));
          const i = rest.indexOf(self as Node);
          if (i < 0) return null;
          const put = moved.filter((m) => m !== self);
          return name === 'before' ? [...rest.slice(0, i), ...put, ...rest.slice(i)] : name === 'after' ? [...rest.slice(0, i + 1), ...put, ...rest.slice(i + 1)] : [...rest.slice(0, i), ...put, ...rest.slice(i + 1)];
        });
      });
    }
    beforeCall(proto, 'remove', (self) => {
      const parent = parentOf(self);
      if (isStyleEl(parent)) judgeAfter(parent, removing(self));
    });
  };
  siblings(element);
  siblings(win.CharacterData.prototype);

  // text written next to or into a style by an element method
  const adjacent = (self: unknown, where: unknown, text: string) => {
    const w = String(where).toLowerCase();
    if ((w === 'afterbegin' || w === 'beforeend') && isStyleEl(self)) judgeAfter(self, (kids) => (w === 'beforeend' ? [...kids, text] : [text, ...kids]));
    const parent = parentOf(self);
    if ((w === 'beforebegin' || w === 'afterend') && isStyleEl(parent)) {
      judgeAfter(parent, (kids) => {
        const i = kids.indexOf(self as Node);
        return i < 0 ? null : [...kids.slice(0, w === 'afterend' ? i + 1 : i), text, ...kids.slice(w === 'afterend' ? i + 1 : i)];
      });
    }
  };
  beforeCall(element, 'insertAdjacentText', (self, [where, text]) => adjacent(self, where, text as string), [1]);
  // markup parsed in a style's context is its text (RAWTEXT), not elements
  beforeCall(element, 'insertAdjacentHTML', (self, [where, html]) => adjacent(self, where, html as string), [1]);
  const replacedBy = (self: unknown, text: string) => {
    const parent = parentOf(self);
    if (isStyleEl(parent)) judgeAfter(parent, (kids) => kids.map((k) => (k === self ? text : k)));
  };
  hookSetter(element, 'outerHTML', replacedBy);
  hookSetter(win.HTMLElement.prototype, 'outerText', (self, text) => replacedBy(self, withoutLineBreaks(text)));

  // a Text child's data
  const dataWrite = (self: unknown, data: string) => {
    const parent = isText(self) ? parentOf(self) : null;
    if (isStyleEl(parent)) judgeAfter(parent, (kids) => kids.map((k) => (k === self ? data : k)));
  };
  const characterData = win.CharacterData.prototype;
  for (const edit of DATA_EDITS) {
    beforeCall(characterData, edit, (self, args) => {
      const parent = parentOf(self);
      if (!isStyleEl(parent) || !isText(self)) return;
      const data = editedData(dataOf(self) ?? '', edit, args);
      if (data !== null) judgeAfter(parent, (kids) => kids.map((k) => (k === self ? data : k)));
    }, edit === 'appendData' ? [0] : edit === 'insertData' ? [1] : edit === 'replaceData' ? [2] : []);
  }
  hookSetter(characterData, 'data', dataWrite);
  // textContent and nodeValue: a Text child's data, or the style's whole text (null is '')
  const whole = (self: unknown, text: string) => {
    if (isStyleEl(self)) judgeText(self, text);
    else dataWrite(self, text);
  };
  hookSetter(node, 'textContent', whole);
  hookSetter(node, 'nodeValue', (self, text) => dataWrite(self, text));
  hookSetter(win.HTMLElement.prototype, 'innerText', (self, text) => isStyleEl(self) && judgeText(self, withoutLineBreaks(text)));

  // Range edits inside a style
  /** Where a boundary falls in a style's text: the style and the offset, with whether the boundary is the style or its Text child. */
  const spot = (container: unknown, offset: unknown): { style: Element; at: number; direct: boolean } | null => {
    if (isStyleEl(container)) {
      const kids = childrenOf(container).slice(0, Number(offset));
      return { style: container, at: kids.map(textOf).join('').length, direct: true };
    }
    let child = container;
    let parent = parentOf(container);
    while (parent && !isStyleEl(parent)) {
      child = parent;
      parent = parentOf(parent);
    }
    if (!parent) return null;
    const before = childrenOf(parent);
    const at = before.slice(0, before.indexOf(child as Node)).map(textOf).join('').length;
    const direct = child === container && isText(container);
    return { style: parent, at: at + (direct ? Number(offset) : 0), direct };
  };
  const styleText = (style: Element) => childrenOf(style).map(textOf).join('');
  const cut = (self: unknown) => {
    const s = spot(startOf(self), startAt(self));
    const e = spot(endOf(self), endAt(self));
    if (s && e && s.style === e.style) judgeText(s.style, textWithout(styleText(s.style), s.at, e.at));
    else {
      if (s) judgeText(s.style, textWithout(styleText(s.style), s.at, null));
      if (e) judgeText(e.style, textWithout(styleText(e.style), null, e.at));
    }
  };
  for (const name of ['deleteContents', 'extractContents', 'surroundContents']) beforeCall(win.Range.prototype, name, cut);
  beforeCall(win.Range.prototype, 'insertNode', (self, [inserted]) => {
    judgeInserted(nodesOf(inserted));
    const s = spot(startOf(self), startAt(self));
    if (!s?.direct) return;
    const text = styleText(s.style);
    judgeText(s.style, text.slice(0, s.at) + textOf(inserted as Node) + text.slice(s.at));
  });
}
