import { DOMParser } from '@xmldom/xmldom';

/**
 * XML of an Office package part, parsed by @xmldom/xmldom: it runs the same in Node and in a Worker,
 * where there is no DOMParser. Elements are matched by local name, so a part's prefixes
 * (w:, a:, x:, none) do not matter.
 */
export function parseXml(text: string): Document {
  // Malformed parts are read as far as they go; errors and warnings must not reach the console.
  const silent = () => undefined;
  const doc: unknown = new DOMParser({ errorHandler: silent }).parseFromString(text, 'text/xml');
  return doc as Document;
}

export function elements(root: Document | Element, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS('*', localName) as ArrayLike<Element>);
}

export function childElements(el: Element, localName?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (!localName || (n as Element).localName === localName)) out.push(n as Element);
  }
  return out;
}

/** The text of every `t` element under a paragraph (Word's w:t, DrawingML's a:t). */
export function paragraphText(p: Element): string {
  return elements(p, 't')
    .map((t) => t.textContent ?? '')
    .join('');
}

const bytesDecoder = new TextDecoder('utf-8');

export function decodePart(content: Uint8Array): string {
  return bytesDecoder.decode(content);
}

/**
 * The text of each paragraph (`p`: Word's w:p, DrawingML's a:p) under root, in document order. A
 * `t` belongs to its nearest paragraph, so a text box's paragraph inside another paragraph is read
 * once, as its own.
 */
export function paragraphTexts(root: Document | Element): string[] {
  const texts = new Map<Element, string>();
  for (const t of elements(root, 't')) {
    let p: Node | null = t.parentNode;
    while (p && !(p.nodeType === 1 && (p as Element).localName === 'p')) p = p.parentNode;
    if (!p) continue;
    texts.set(p as Element, (texts.get(p as Element) ?? '') + (t.textContent ?? ''));
  }
  return [...texts.values()];
}
