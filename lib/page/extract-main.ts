/**
 * A page's main content as a reader sees it: Readability picks the article out of the portal's
 * header, navigation, sidebar and footer (full of office phone numbers and links), so a scan of a
 * published page reports what was published, not the site's chrome. The one extractor for every
 * place that turns HTML into text: the popup's page scan and the post-publication check (through
 * entrypoints/page-extract.ts, in the tab), the CLI and HTML attachments (lib/page/extract-html.ts,
 * in jsdom). A Document in, text and table-cell segments out; the live page is never touched.
 */
import { Readability } from '@mozilla/readability';
import { locationAt, readBlocks, type TextSegment } from './block-text';

export { locationAt, type TextSegment };

export interface MainContent {
  title: string;
  /** Block-separated text: one line per paragraph, heading, list item or table row, a tab between cells. */
  text: string;
  /**
   * The texts of the article's larger parts (the body without the heading and the 发布日期 line, say).
   * The post-publication check compares each with what was signed: a portal adds its own lines
   * around the published body.
   */
  sections: string[];
  /** The table cells of `text`, each with its place in the page (表格第 3 行「身份证号」). */
  segments?: TextSegment[];
}

/** What the injected extractor (entrypoints/page-extract.ts) answers. */
export interface ExtractedPage extends MainContent {
  /** The scanned document's own URL (the one a sign-off record names). */
  url: string;
}

/** The text of `root` alone (block- and cell-separated). */
export function blockText(root: Node): string {
  return readBlocks(root).text;
}

// A site's navigation and footer, where they can be recognised: the elements and ARIA roles made for
// them, and the ids and classes portal templates give them (nav, menu, footer, foot, copyright ...).
const CHROME_TAGS = new Set(['NAV', 'FOOTER']);
const CHROME_ROLES = new Set(['navigation', 'contentinfo', 'banner', 'search']);
const CHROME_NAME = /(?:^|[\s_-])(?:nav|navbar|navigation|menu|mainmenu|topmenu|footer|foot|copyright|breadcrumbs?|crumbs?|sitemap)(?:$|[\s_-])/i;

function isChrome(el: Element): boolean {
  if (CHROME_TAGS.has(el.tagName.toUpperCase())) return true;
  const role = el.getAttribute('role');
  if (role !== null && CHROME_ROLES.has(role)) return true;
  return CHROME_NAME.test(el.id) || CHROME_NAME.test(el.getAttribute('class') ?? '');
}

/**
 * The page's main content. Readability rewrites the document it reads, so it gets a clone. When it
 * finds no article (a bare table page, a form, an empty page), the whole body is the honest answer,
 * without scripts, styles and the site's navigation and footer: scanning less than the page would
 * hide what is on it.
 */
export function extractMain(doc: Document): MainContent & { segments: TextSegment[] } {
  const clone = doc.cloneNode(true) as Document;
  let article: ReturnType<Readability<Node>['parse']> = null;
  try {
    article = new Readability<Node>(clone, { serializer: (node) => node }).parse();
  } catch {
    article = null;
  }
  const title = (article?.title ?? '').trim() || doc.title.trim();
  const main = article?.content ? readBlocks(article.content) : null;
  if (main && main.text.trim() !== '') {
    return { title, text: main.text, segments: main.segments, sections: sectionsOf(article!.content!, main.text.length) };
  }
  const body = readBlocks(doc.body ?? doc.documentElement ?? doc, isChrome);
  return { title, text: body.text, segments: body.segments, sections: [] };
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
