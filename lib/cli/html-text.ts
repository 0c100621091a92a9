import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * The text an editor would publish from an HTML page: Readability's main content, so a site's
 * navigation and footer (full of office phone numbers) do not drown the draft in findings.
 * Offsets of findings are offsets into this text, not into the HTML source.
 */
export function htmlMainText(html: Buffer | string, url?: string): string {
  // A silent console: jsdom would otherwise echo CSS/parse errors, which can quote page content.
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  const doc = dom.window.document;
  try {
    // Readability rewrites the document it reads; the fallback needs the untouched body.
    const clone = doc.cloneNode(true) as Document;
    const article = new Readability(clone).parse();
    if (article?.textContent?.trim()) return article.textContent;
    return bodyText(doc);
  } finally {
    dom.window.close();
  }
}

function bodyText(doc: Document): string {
  const body = doc.body;
  if (!body) return doc.documentElement?.textContent ?? '';
  for (const el of body.querySelectorAll('script, style, noscript, template')) el.remove();
  return body.textContent ?? '';
}
