/**
 * The post-publication check when a published page is opened (article 15: what went online must be
 * what was reviewed). The content script only names the page's title candidates; when one is the
 * title of a published item, the main content is extracted in the tab (entrypoints/page-extract.ts,
 * Readability) and its digest compared with the one recorded at sign-off. Pages that name no
 * published item are never read.
 */
import type { browser as Browser } from 'wxt/browser';
import { onMessage, type PostPublishResult } from '../messaging/protocol';
import type { MainContent } from '../page/extract-main';
import { publishedCandidates, titleCandidates } from '../page/published-candidates';
import type { AuditService } from './service';

type Audit = Pick<AuditService, 'publishedTitle' | 'postPublishCheck'>;

interface Sender {
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

export async function checkPublishedPage(
  scripting: Pick<typeof Browser.scripting, 'executeScript'>,
  audit: Audit,
  titles: unknown,
  sender: Sender,
): Promise<PostPublishResult> {
  const tabId = sender.tab?.id;
  const candidates = Array.isArray(titles) ? titles.filter((t): t is string => typeof t === 'string') : [];
  if (tabId === undefined || !sender.url) return { found: false };
  const named = titleCandidates(candidates);
  if ((await audit.publishedTitle(named)) === undefined) return { found: false };
  const [injection] = await scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: ['/page-extract.js'] });
  const page = injection?.result as MainContent | undefined;
  if (!page || typeof page.text !== 'string') return { found: false };
  return audit.postPublishCheck({ url: sender.url, ...(await publishedCandidates(page, named)) });
}

export function listenForPublishedPages(browser: Pick<typeof Browser, 'scripting'>, audit: Audit): () => void {
  return onMessage('publishedPageOpened', ({ data, sender }) => checkPublishedPage(browser.scripting, audit, data.titles, sender as Sender));
}
