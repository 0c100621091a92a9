/**
 * A page's main content as a reader sees it: Readability picks the article out of the portal's
 * header, navigation, sidebar and footer (full of office phone numbers and links), so a scan of a
 * published page reports what was published, not the site's chrome. Runs in the tab (through
 * entrypoints/page-extract.ts) and in tests on a happy-dom or jsdom Document.
 */
import { Readability } from '@mozilla/readability';

export interface MainContent {
  title: string;
  /** Block-separated text: one line per paragraph, heading, list item or table row. */
  text: string;
  /**
   * The texts of the article's larger parts (the body without the heading and the 发布日期 line, say).
   * The post-publication check compares each with what was signed: a portal adds its own lines
   * around the published body.
   */
  sections: string[];
}

/** What the injected extractor (entrypoints/page-extract.ts) answers. */
export interface ExtractedPage extends MainContent {
  /** The scanned document's own URL (the one a sign-off record names). */
  url: string;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
]);
const CELL = new Set(['TD', 'TH']);

/**
 * Text with a line break between blocks and a tab between cells, like innerText but without
 * layout (the Readability result lives in a detached document). Without the breaks, CMS markup
 * such as `<p>…1234</p><p>5678…</p>` would glue two paragraphs' digits into one number — and a
 * digit run glued to an ID hides the ID, because rules never match inside a longer run.
 */
export function blockText(root: Node): string {
  const out: string[] = [];
  const walk = (node: Node, pre: boolean): void => {
    if (node.nodeType === 3 /* TEXT_NODE */) {
      const data = node.nodeValue ?? '';
      out.push(pre ? data : data.replace(/[ \t\r\n\f]+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */) {
      node.childNodes.forEach((c) => walk(c, pre));
      return;
    }
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') return void out.push('\n');
    const block = BLOCK.has(tag);
    if (block) out.push('\n');
    node.childNodes.forEach((c) => walk(c, pre || tag === 'PRE'));
    if (block) out.push('\n');
    else if (CELL.has(tag)) out.push('\t');
  };
  walk(root, false);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/^[ \t]+|[ \t]+$/g, ''))
    .filter((line) => line !== '')
    .join('\n');
}

/** The body's rendered text where there is layout (the tab), else its block text (tests). */
function bodyText(doc: Document): string {
  const body = doc.body;
  if (!body) return blockText(doc.documentElement ?? doc);
  const rendered = (body as HTMLElement & { innerText?: unknown }).innerText;
  return typeof rendered === 'string' && rendered.trim() !== '' ? rendered : blockText(body);
}

/**
 * The page's main content. Readability rewrites the document it reads, so it gets a clone; the
 * live page is never touched. When it finds no article (a form, an empty page), the whole body's
 * text is the honest answer: scanning less than the page would hide what is on it.
 */
export function extractMain(doc: Document): MainContent {
  const clone = doc.cloneNode(true) as Document;
  let article: ReturnType<Readability<Node>['parse']> = null;
  try {
    article = new Readability<Node>(clone, { serializer: (node) => node }).parse();
  } catch {
    article = null;
  }
  const text = article?.content ? blockText(article.content) : '';
  const title = (article?.title ?? '').trim() || doc.title.trim();
  return { title, text: text.trim() !== '' ? text : bodyText(doc), sections: article?.content ? sectionsOf(article.content, text.length) : [] };
}

const MAX_SECTIONS = 12;

/** Elements holding at least a third of the article's text, largest first. */
function sectionsOf(content: Node, total: number): string[] {
  const out: string[] = [];
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (child.nodeType !== 1 /* ELEMENT_NODE */) continue;
      const text = blockText(child);
      if (text.length * 3 < total) continue;
      out.push(text);
      walk(child);
    }
  };
  walk(content);
  return out.slice(0, MAX_SECTIONS);
}
