import { SaxesParser } from 'saxes';
import { corruptError } from '../container';

/**
 * What a part's reader hears from the tokenizer. Names are local names: a part may prefix its
 * elements (x:c, x14:…) or not, and the readers care about what an element is, not how it is spelt.
 */
export interface SaxHandlers {
  open: (name: string, attributes: Record<string, string>) => void;
  /** Called for every element, a self-closing one too (right after its open). */
  close?: (name: string) => void;
  text?: (text: string) => void;
}

const localName = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1);

/** Decoded and tokenized a megabyte at a time: a 50,000-row sheet never exists as one 30 MB string. */
const CHUNK = 1 << 20;

/**
 * Streams an XML part through saxes, a strict (well-formedness checking) tokenizer. A part that is
 * not well-formed XML makes the file corrupt: unreadable, never clean.
 */
export function saxPart(bytes: Uint8Array, h: SaxHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag) => h.open(localName(tag.name), tag.attributes));
  if (h.close) {
    const close = h.close;
    parser.on('closetag', (tag) => close(localName(tag.name)));
  }
  if (h.text) {
    parser.on('text', h.text);
    parser.on('cdata', h.text);
  }
  const decoder = new TextDecoder('utf-8');
  try {
    for (let at = 0; at < bytes.length; at += CHUNK) {
      const end = Math.min(at + CHUNK, bytes.length);
      parser.write(decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length }));
    }
    parser.close();
  } catch (err) {
    // saxes reports malformed XML as a plain Error; anything else (a reader's own AttachmentError, a
    // TypeError) is passed on as it is.
    if (err instanceof Error && err.constructor !== Error) throw err;
    throw corruptError();
  }
}

/** The value of a prefixed attribute whatever its prefix: r:id may be spelt with another prefix. */
export function prefixedAttribute(attributes: Record<string, string>, local: string): string | undefined {
  for (const name in attributes) if (name.endsWith(`:${local}`)) return attributes[name];
  return undefined;
}
