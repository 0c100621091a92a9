/* eslint-disable @typescript-eslint/unbound-method -- originals are kept unbound and always called on their own target. */
/**
 * HTML a page hands to the parser: whatever it makes is in the page at once and fetches its URLs
 * (an <img src>, a style's url(), an iframe's srcdoc). Every way of writing markup is judged on the
 * URLs it holds (lib/gate/html-urls.ts) before the parser sees it: innerHTML/outerHTML,
 * insertAdjacentHTML, document.write, Range.createContextualFragment, DOMParser, setHTMLUnsafe,
 * Document.parseHTMLUnsafe, execCommand('insertHTML') and an iframe's srcdoc. The text itself (a
 * draft an editor writes into its own body) is not what is judged here: only what would load or leave
 * by itself — URLs, the window names its frames and link targets give (lib/gate/html-names.ts), and
 * speculation rules (refused whole: lib/gate/speculation-rules.ts).
 * Documents the browser parses for the page without any of these (an XMLHttpRequest's
 * `responseType = 'document'` or `responseXML`, from a blob: URL the page made; an XSLT transform's
 * output) are judged as markup when the page gets them: their elements load once adopted into the page.
 */
import { blobUrlJudged } from './blobs';
import { hookXslt } from './xslt';
import { isStyle, type LoadJudge } from './load-judge';
import { argsFrom, onceAt } from './once';
import { afterGet, beforeCall as before, beforeSet } from './wrap';
import { apply, joinText, keptWeakSet, matches, toText } from '../../../realm/intrinsics';
import { nodeTypeOf } from '../natives';

type PageWindow = Window & typeof globalThis;

const INSERT_HTML = /^insertHTML$/i;
const INSERT_IMAGE = /^insertImage$/i;

// The judges read the arguments by index: destructuring asks the array iterator, which a page can
// replace to make every argument look undefined (the tenth probe).
export function hookHtml(win: PageWindow, judge: LoadJudge): void {
  // A <style>'s innerHTML is its CSS, not markup.
  const markup = (self: unknown, html: unknown) => (isStyle(self) ? judge.css(html) : judge.html(html));
  beforeSet(win.Element.prototype, 'innerHTML', markup);
  beforeSet(win.Element.prototype, 'outerHTML', (_, html) => judge.html(html));
  beforeSet(win.ShadowRoot?.prototype, 'innerHTML', (_, html) => judge.html(html));
  beforeSet(win.HTMLIFrameElement.prototype, 'srcdoc', (_, html) => judge.html(html));
  before(win.Element.prototype, 'insertAdjacentHTML', (_, args) => judge.html(args[1]), [1]);
  before(win.Element.prototype, 'setHTMLUnsafe', (self, args) => markup(self, args[0]), [0]);
  before(win.ShadowRoot?.prototype, 'setHTMLUnsafe', (_, args) => judge.html(args[0]), [0]);
  // The sanitizing forms keep what loads (an img's src): judged as the unsafe ones.
  before(win.Element.prototype, 'setHTML', (self, args) => markup(self, args[0]), [0]);
  before(win.ShadowRoot?.prototype, 'setHTML', (_, args) => judge.html(args[0]), [0]);
  before(win.Document, 'parseHTML', (_, args) => judge.html(args[0]), [0]);
  before(win.Document.prototype, 'write', (_, text) => judge.html(joinText(text, '')), argsFrom(0));
  before(win.Document.prototype, 'writeln', (_, text) => judge.html(joinText(text, '')), argsFrom(0));
  before(win.Range.prototype, 'createContextualFragment', (_, args) => judge.html(args[0]), [0]);
  // DOMParser: in hookParsedDocuments (an XML document is judged as parsed, its DTD entities written out)
  before(win.Document, 'parseHTMLUnsafe', (_, args) => judge.html(args[0]), [0]);
  // insertImage makes an <img src=value> itself, past every hooked setter (UEditor and KindEditor call it)
  before(win.Document.prototype, 'execCommand', (_, args) => {
    if (matches(INSERT_HTML, toText(args[0]))) judge.html(args[2]);
    else if (matches(INSERT_IMAGE, toText(args[0]))) judge.url(toText(args[2]));
  }, [0, 2]);
}

/**
 * A parsed document the page is about to get, judged as markup (its template contents too): an `<img>`
 * made there loads the moment the page adopts it (appendChild, importNode, Range.insertNode …), and
 * no hooked setter ever saw its URL. The serializer is the one kept at document_start.
 */
export function hookParsedDocuments(win: PageWindow, judge: LoadJudge): void {
  const Serializer = win.XMLSerializer as typeof XMLSerializer | undefined;
  const serialize = Serializer?.prototype.serializeToString;
  if (!Serializer || !serialize) {
    // nothing to serialize with: every text handed in is judged as it is
    before(win.DOMParser?.prototype, 'parseFromString', (_, args) => judge.html(args[0]), [0]);
    return;
  }
  const judged = keptWeakSet<object>();
  const check = (node: unknown) => {
    if (!node || typeof node !== 'object' || judged.has(node)) return;
    judge.html(apply(serialize, new Serializer(), [node]));
    judged.add(node);
  };
  // asked of the browser (nodeType through its getter), not of the page's Node, which it can replace
  const isNode = (v: unknown): v is Node => nodeTypeOf(v) !== undefined;
  const xhr = (win.XMLHttpRequest as typeof XMLHttpRequest | undefined)?.prototype;
  const responseUrl = xhr && Object.getOwnPropertyDescriptor(xhr, 'responseURL')?.get;
  // eslint-disable-next-line no-restricted-syntax -- install time (document_start)
  for (const prop of ['response', 'responseXML']) {
    afterGet(xhr, prop, (self, value) => {
      // parsed from a blob: URL whose text createObjectURL judged already
      if (isNode(value) && !(responseUrl && blobUrlJudged(toText(apply(responseUrl, self, []))))) check(value);
    });
  }
  hookDomParser(win, judge, check);
  hookXslt(win, judge, (node) => toText(apply(serialize, new Serializer(), [node])));
}

/**
 * DOMParser: HTML is judged as the text handed in (no entities of its own); an XML document
 * (image/svg+xml, application/xhtml+xml, text/xml …) as it was parsed, before the page gets it — its
 * DTD entities can build a URL the text shows nowhere (the twelfth probe: `<image href="&a;&b;">`
 * imported into the page), and the parser has written them out. The arguments are read once.
 */
function hookDomParser(win: PageWindow, judge: LoadJudge, check: (node: unknown) => void): void {
  const proto = win.DOMParser?.prototype;
  const parse = proto && (Object.getOwnPropertyDescriptor(proto, 'parseFromString')?.value as ((...a: unknown[]) => unknown) | undefined);
  if (!proto || typeof parse !== 'function') return;
  Object.defineProperty(proto, 'parseFromString', {
    value: function (this: unknown, ...args: unknown[]) {
      onceAt(args, [0, 1]);
      const html = args[1] === 'text/html';
      if (html) judge.html(args[0]);
      const doc = apply(parse, this, args);
      if (!html) check(doc);
      return doc;
    },
    writable: true,
    configurable: true,
  });
}
