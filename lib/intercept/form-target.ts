/**
 * Where a form submission goes: into a window of this page (this one, an ancestor, any frame of the
 * page reached by its name: its navigation comes back to the same gate), or into a new window (it
 * does not). The page's guard asks it too: through the built-ins kept when this module loaded.
 */
import { apply, matches } from '../realm/intrinsics';

const THIS_WINDOW = /^_(self|parent|top)$/i;
const NEW_WINDOW = /^_blank$/i;
/** How deep frames are looked into: pages nest editors' frames two or three deep, not more. */
const MAX_DEPTH = 8;

type Get = (() => unknown) | undefined;
const describe = Reflect.getOwnPropertyDescriptor;
// eslint-disable-next-line @typescript-eslint/unbound-method -- applied to each document and frame
const select = Document.prototype.querySelectorAll;
// eslint-disable-next-line @typescript-eslint/unbound-method -- applied to each frame
const attribute = Element.prototype.getAttribute;
const defaultView: Get = describe(Document.prototype, 'defaultView')?.get;
const ownerDocument: Get = describe(Node.prototype, 'ownerDocument')?.get;
const iframeDocument: Get = describe(HTMLIFrameElement.prototype, 'contentDocument')?.get;
const frameDocument: Get = typeof HTMLFrameElement === 'function' ? describe(HTMLFrameElement.prototype, 'contentDocument')?.get : undefined;
const iframeWindow: Get = describe(HTMLIFrameElement.prototype, 'contentWindow')?.get;
const frameWindow: Get = typeof HTMLFrameElement === 'function' ? describe(HTMLFrameElement.prototype, 'contentWindow')?.get : undefined;
// a window's own attributes (Window is the global): on the window itself, or on its prototype in a content script's sandbox
const windowGetter = (key: string): Get => (describe(globalThis, key) ?? describe(Object.getPrototypeOf(globalThis) as object, key))?.get;
const frameElement = windowGetter('frameElement');
const windowName = windowGetter('name');

function read(get: Get, self: unknown): unknown {
  if (!get || self === null || self === undefined) return null;
  try {
    return apply(get, self, []);
  } catch {
    return null;
  }
}

/** The topmost document of this page the frame can reach (a cross-origin parent ends the climb). */
function topDocument(doc: Document): Document {
  let top = doc;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const holder = read(frameElement, read(defaultView, top));
    const up = read(ownerDocument, holder) as Document | null;
    if (!up) break;
    top = up;
  }
  return top;
}

/**
 * The name the browser looks a frame up by: its window's, which page code can change
 * (`frame.contentWindow.name = …`) while the attribute stays; the attribute only where the window's
 * cannot be read (another origin).
 */
function frameName(frame: Element): unknown {
  const name = read(windowName, read(iframeWindow, frame) ?? read(frameWindow, frame));
  return typeof name === 'string' ? name : apply(attribute, frame, ['name']);
}

/** Is a frame named `name` in `doc` or in a frame of it that this script can read? */
function namedFrameIn(doc: Document, name: string, depth: number): boolean {
  const frames = apply(select, doc, ['iframe, frame']);
  for (let i = 0; i < frames.length; i++) {
    const frame = frames[i]!;
    if (frameName(frame) === name) return true;
    if (depth >= MAX_DEPTH) continue;
    const inner = (read(iframeDocument, frame) ?? read(frameDocument, frame)) as Document | null;
    if (inner && namedFrameIn(inner, name, depth + 1)) return true;
  }
  return false;
}

/**
 * `target`: the submitter's formtarget or the form's target attribute, null when it has neither —
 * then the document's first `<base target>` names the window, as the browser reads it (a form without
 * a target under `<base target=_blank>` navigates no window of this page).
 */
export function targetsThisPage(doc: Document, target: string | null | undefined): boolean {
  // Not trimmed, as the browser does not: ' result-frame' names a new window, not that frame.
  const t = target ?? baseTarget(doc);
  if (t === '' || matches(THIS_WINDOW, t)) return true;
  if (matches(NEW_WINDOW, t)) return false;
  // The browser looks a name up in the whole page, not only below the submitting frame: a form in a
  // frame aimed at its sibling navigates that sibling, whose navigate event comes to this gate.
  return namedFrameIn(topDocument(doc), t, 0);
}

function baseTarget(doc: Document): string {
  const base = apply<NodeListOf<Element>>(select, doc, ['base[target]'])[0];
  return base ? (apply<string | null>(attribute, base, ['target']) ?? '') : '';
}
