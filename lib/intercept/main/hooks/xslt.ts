/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * XSLTProcessor: its output is parsed for the page (judged as markup before the page gets it: its
 * `<img>` loads once adopted), and its stylesheet fetches the `href` of each `xsl:include` and
 * `xsl:import` — an attribute page code may set by DOM method on an element no URL hook knows
 * (Firefox fetches at importStylesheet, Chromium at each transform, reading the stylesheet node as it
 * is then; a probe saw the ID arrive both ways). The stylesheet is judged as markup at both times,
 * each text once. XSLT's `document()` fetched nothing in either browser (probed).
 *
 * Which stylesheet a processor holds is remembered by this window's hooks alone: a processor imported
 * through a frame's `importStylesheet` and transformed by the page's `transformToFragment` fetched its
 * include unjudged (the thirteenth probe). So this window's methods act only on processors its own
 * constructor made; another window's processor is refused here (no script mixes two windows' methods).
 */
import type { LoadJudge } from './load-judge';
import { protoOf, standIn } from './wrap';
import { type KeptMap, apply, keptWeakMap, keptWeakSet } from '../../../realm/intrinsics';
import { nodeTypeOf } from '../natives';

type PageWindow = Window & typeof globalThis;

/** The processor's stylesheet node and the serialization last judged, per processor. */
type Sheets = KeptMap<object, { node: unknown; judged: string }>;

/** Judged when its text changed since it was last judged (a second question would find a release spent). */
const construct = Reflect.construct;

function judgeSheet(sheets: Sheets, processor: object, judge: LoadJudge, serialize: (node: unknown) => string): void {
  const sheet = sheets.get(processor);
  if (!sheet) return;
  const text = serialize(sheet.node);
  if (text === sheet.judged) return;
  judge.html(text);
  sheet.judged = text;
}

function replace(proto: Record<string, unknown>, name: string, make: (original: (...a: unknown[]) => unknown) => (this: object, ...args: unknown[]) => unknown): void {
  const original = proto[name];
  if (typeof original !== 'function') return;
  Object.defineProperty(proto, name, { value: make(original as (...a: unknown[]) => unknown), writable: true, configurable: true });
}

/**
 * transformToFragment makes its fragment in the document it is given, where an `<img>` loads at
 * once: the transform runs once, into an inert document of the same kind, and the judged fragment
 * is imported into the page's.
 */
type Inert = (output: unknown) => Document | undefined;

/** Kept at document_start: a page's createHTMLDocument could hand back the live document, where the trial's images load. */
function inertMaker(win: PageWindow): Inert {
  const implementation = Object.getOwnPropertyDescriptor(win.Document.prototype, 'implementation')?.get;
  const contentType = Object.getOwnPropertyDescriptor(win.Document.prototype, 'contentType')?.get;
  const impl = win.DOMImplementation?.prototype;
  if (!implementation || !contentType || !impl) return () => undefined;
  const { createHTMLDocument, createDocument } = impl;
  return (output) => {
    const own = apply(implementation, win.document, []) as DOMImplementation;
    const html = apply(contentType, output, []) === 'text/html';
    return html ? apply(createHTMLDocument, own, ['']) : apply(createDocument, own, [null, null]);
  };
}

export function hookXslt(win: PageWindow, judge: LoadJudge, serialize: (node: unknown) => string): void {
  const xslt = protoOf(win, 'XSLTProcessor') as Record<string, unknown> | undefined;
  const importNode = win.Document.prototype.importNode;
  if (!xslt) return;
  // asked of the browser (nodeType through its getter), not of the page's Node, which it can replace
  const isNode = (v: unknown): v is Node => nodeTypeOf(v) !== undefined;
  const inertLike = inertMaker(win);
  const sheets: Sheets = keptWeakMap();
  const made = keptWeakSet<object>();
  const Original = win.XSLTProcessor;
  const Guarded = function (this: unknown) {
    if (!new.target) throw new TypeError("Failed to construct 'XSLTProcessor': Please use the 'new' operator");
    const processor = construct(Original, [], new.target) as object;
    made.add(processor);
    return processor;
  } as unknown as typeof XSLTProcessor;
  standIn(win, 'XSLTProcessor', Original, Guarded);
  /** Throws for a processor another window made: its stylesheet is in that window's records, not here. */
  const ours = (processor: object) => {
    if (!made.has(processor)) judge.refuse('发布前预检：此 XSLTProcessor 属于另一窗口，无法检查，已阻止');
  };
  replace(xslt, 'importStylesheet', (original) =>
    function (this: object, ...args: unknown[]) {
      ours(this);
      sheets.set(this, { node: args[0], judged: '' });
      judgeSheet(sheets, this, judge, serialize);
      return apply(original, this, args);
    },
  );
  replace(xslt, 'transformToDocument', (original) =>
    function (this: object, ...args: unknown[]) {
      ours(this);
      judgeSheet(sheets, this, judge, serialize);
      const out: unknown = apply(original, this, args);
      if (isNode(out)) judge.html(serialize(out));
      return out;
    },
  );
  replace(xslt, 'transformToFragment', (original) =>
    function (this: object, ...args: unknown[]) {
      ours(this);
      judgeSheet(sheets, this, judge, serialize);
      const source = args[0];
      const output = args[1];
      // a document of this page or of one of its frames (no instanceof across realms)
      const isDocument = typeof output === 'object' && output !== null && nodeTypeOf(output) === 9;
      const scratch = isDocument ? inertLike(output) : undefined;
      if (!scratch) return apply(original, this, args);
      const trial: unknown = apply(original, this, [source, scratch]);
      if (!isNode(trial)) return trial;
      judge.html(serialize(trial));
      return apply(importNode, output, [trial, true]);
    },
  );
}
