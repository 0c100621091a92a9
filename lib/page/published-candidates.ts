/**
 * What the post-publication check compares, from a page's extracted main content: the titles it may
 * have been published under (portals append their name: 「标题 - 示例县人民政府」) and the digests of
 * the article and of its larger parts (portals add a heading and a 发布日期 line around the body).
 * Only digests leave the page.
 */
import { bodyDigest } from '../signoff/digest';
import type { MainContent } from './extract-main';

const SITE_SUFFIX = /\s*(?:[-_|｜—]|--)\s*[^-_|｜—]+$/;

export function titleCandidates(titles: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of titles) {
    const title = raw.trim();
    if (!title) continue;
    out.add(title);
    const bare = title.replace(SITE_SUFFIX, '').trim();
    if (bare) out.add(bare);
  }
  return [...out].slice(0, 10);
}

export async function publishedCandidates(page: MainContent, extraTitles: readonly string[] = []): Promise<{ titles: string[]; bodyDigests: string[] }> {
  const texts = [page.text, ...page.sections].filter((t) => t.trim() !== '');
  return {
    titles: titleCandidates([page.title, ...extraTitles]),
    bodyDigests: [...new Set(await Promise.all(texts.map((t) => bodyDigest(t))))],
  };
}
