// @vitest-environment node
/**
 * A meta refresh written into a window still on its initial about:blank, with the page's built-ins
 * replaced before the batch of changes comes in: it is judged all the same (and stopped when refused).
 */
import { describe, expect, test } from 'vitest';
import type { BlankAsk } from '../../lib/intercept/main/hooks/blank-ask';
import { watchBlankMetaRefresh } from '../../lib/intercept/main/hooks/meta-refresh';
import { includes } from '../../lib/realm/intrinsics';
import { ID } from './page-fakes';
import { endIterators, poison, whilePoisoned } from '../realm/poison';

type PageWindow = Window & typeof globalThis;

const REFRESH = `0;url=https://cms.example/sink?c=${ID}`;

/** Nodes, lists and records as the platform gives them: their members are getters and methods of their prototypes. */
class FakeNode {
  constructor(
    readonly nodeType: number,
    readonly localName: string,
    readonly attributes: Record<string, string> = {},
    readonly descendants: FakeNode[] = [],
  ) {}
  get isConnected() {
    return true;
  }
  getAttribute(name: string) {
    return this.attributes[name] ?? null;
  }
  querySelectorAll() {
    return new FakeList(this.descendants);
  }
}
class FakeList {
  [index: number]: FakeNode;
  constructor(readonly nodes: FakeNode[]) {
    Object.assign(this, nodes);
  }
  get length() {
    return this.nodes.length;
  }
  item(i: number) {
    return this.nodes[i] ?? null;
  }
  // a NodeList's iterator is Array.prototype.values: it asks the list's length, and its next is the page's to replace
  [Symbol.iterator]() {
    return Array.prototype.values.call(this) as ArrayIterator<FakeNode>;
  }
}
class FakeRecord {
  constructor(
    readonly kind: string,
    readonly node: FakeNode,
    readonly added: FakeList,
  ) {}
  get type() {
    return this.kind;
  }
  get target() {
    return this.node;
  }
  get addedNodes() {
    return this.added;
  }
}
class FakeNavigation {
  get currentEntry() {
    return null;
  }
}

/** The window the watcher is set up in; `seen` is its MutationObserver's callback, `asked` what it asked about. */
function blankWindow() {
  const asked: string[] = [];
  let stopped = 0;
  let seen: (records: FakeRecord[]) => void = () => undefined;
  const win = {
    navigation: new FakeNavigation(),
    Node: FakeNode,
    Element: FakeNode,
    NodeList: FakeList,
    MutationRecord: FakeRecord,
    MutationObserver: class {
      constructor(callback: typeof seen) {
        seen = callback;
      }
      observe() {}
    },
    document: {},
    stop: () => void stopped++,
  } as unknown as PageWindow;
  const ask: BlankAsk = (url) => {
    asked[asked.length] = url;
    return !includes(url, ID);
  };
  watchBlankMetaRefresh(win, ask);
  return { seen: (records: FakeRecord[]) => seen(records), asked, stopped: () => stopped };
}

const proto = (c: { prototype: object }) => c.prototype;
const getterPoison = (c: { prototype: object }, name: string, value: unknown) => () => poison(proto(c), name, undefined, { configurable: true, get: () => value });

const CASES: [label: string, poisoned: () => void][] = [
  ['nothing replaced', () => undefined],
  ['the array iterator ends at once (the records and added nodes were walked by for..of)', endIterators],
  ['Set replaced by one that has every element', () => poison(globalThis, 'Set', class { has = () => true; add() {} })],
  ['isConnected says false', getterPoison(FakeNode, 'isConnected', false)],
  ['a record says it added nothing', getterPoison(FakeRecord, 'addedNodes', new FakeList([]))],
  ["a NodeList's length says 0", getterPoison(FakeList, 'length', 0)],
  ['navigation.currentEntry says the window left about:blank', getterPoison(FakeNavigation, 'currentEntry', {})],
  ['Function.prototype.call replaced', () => poison(Function.prototype, 'call', () => null)],
];

describe('a meta refresh in a blank window with the page’s built-ins replaced', () => {
  test.each(CASES)('%s: judged and stopped', (_label, poisoned) => {
    const { seen, asked, stopped } = blankWindow();
    // a meta put in inside another element (found by querySelectorAll), and one whose attributes change
    const meta = new FakeNode(1, 'meta', { 'http-equiv': 'refresh', content: REFRESH });
    const changed = new FakeNode(1, 'meta', { 'http-equiv': 'Refresh', content: `${REFRESH}&changed` });
    const records = [new FakeRecord('childList', new FakeNode(1, 'head'), new FakeList([new FakeNode(1, 'div', {}, [meta])])), new FakeRecord('attributes', changed, new FakeList([]))];
    whilePoisoned(poisoned, () => seen(records));
    expect([asked, stopped()]).toEqual([[`https://cms.example/sink?c=${ID}`, `https://cms.example/sink?c=${ID}&changed`], 2]);
  });
});
