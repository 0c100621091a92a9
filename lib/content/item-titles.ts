/**
 * The titles of saved items on a CMS list page, so that a refused list-page publish names the
 * articles that lack a sign-off ("县政府常务会议研究部署防汛工作 (ID 43)"), not bare ids. The row is
 * found by its checkbox (value = id) or by a link that names the id (?id=43, aid=43, /id/43/); the
 * title is the row's full title attribute, else its longest link text, else its longest cell.
 */
const ROW = 'tr, li';
const MIN_TITLE = 4;
/** Dates, times, numbers and the short action words list rows hold (修改, 删除, ○ 点击开启 …). */
const NOT_TITLE = /^[\d\s:./-]+$|^[○●☐☑✓✗\s]*(?:点击|修改|编辑|删除|审核|预览|查看|发布)/;

function linkNames(href: string, id: string): boolean {
  const escaped = id.replace(/[-\\^$.*+?()[\]{}|]/g, '\\$&');
  return new RegExp(`(?:[?&](?:[a-z_]*id)=|/id/)${escaped}(?:$|[&/#.])`, 'i').test(href);
}

function rowOf(doc: Document, id: string): Element | null {
  for (const box of doc.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    if (box.value === id) {
      const row = box.closest(ROW);
      if (row) return row;
    }
  }
  for (const a of doc.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (linkNames(a.getAttribute('href') ?? '', id)) {
      const row = a.closest(ROW);
      if (row) return row;
    }
  }
  return null;
}

const clean = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

function usable(text: string, id: string): boolean {
  return text.length >= MIN_TITLE && text !== id && !text.endsWith('...') && !text.endsWith('…') && !NOT_TITLE.test(text) && !/^ID[:：]/i.test(text);
}

function longest(texts: readonly string[], id: string): string | null {
  return texts.filter((t) => usable(t, id)).sort((a, b) => b.length - a.length)[0] ?? null;
}

/** The row's title, or null when the row holds nothing that reads like one. */
export function titleOfRow(row: Element, id: string): string | null {
  const cells = [...row.querySelectorAll('td, th, span, div')];
  return (
    longest(
      cells.map((c) => clean(c.getAttribute('title'))),
      id,
    ) ??
    longest(
      [...row.querySelectorAll('a')].map((a) => clean(a.textContent)),
      id,
    ) ??
    longest(
      cells.map((c) => clean(c.textContent)),
      id,
    )
  );
}

/** id → title for the ids whose rows these documents show. */
export function itemTitles(docs: readonly Document[], ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const id of ids) {
    for (const doc of docs) {
      const row = rowOf(doc, id);
      const title = row && titleOfRow(row, id);
      if (title) {
        out.set(id, title);
        break;
      }
    }
  }
  return out;
}

/** "县政府常务会议研究部署防汛工作 (ID 43)" where the title is known, else the id. */
export function namedItems(docs: readonly Document[], ids: readonly string[]): string[] {
  const titles = itemTitles(docs, ids);
  return ids.map((id) => (titles.has(id) ? `${titles.get(id)!} (ID ${id})` : id));
}
