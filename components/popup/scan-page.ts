/**
 * 「扫描此页面」 from start to end, with the browser calls passed in: read the tab's main content,
 * scan it here in the popup with the page's policy, and compare its digest with what was signed
 * off. The page's text stays in the popup's memory; only its digest goes to the background.
 */
import type { PostPublishResult, PublishedPage } from '../../lib/messaging/protocol';
import type { ExtractedPage } from '../../lib/page/extract-main';
import { scan, type ScanOptions } from '../../lib/scan/engine';
import type { Finding, Severity } from '../../lib/scan/types';

export interface PageScanDeps {
  /** Runs the extractor in the target tab; rejects with the browser's error when it cannot. */
  extract(): Promise<ExtractedPage>;
  /** The page's scan settings from the policy (the built-in rules when the policy cannot answer). */
  scanOptions(url: string): Promise<ScanOptions>;
  candidates(page: ExtractedPage): Promise<{ titles: string[]; bodyDigests: string[] }>;
  postPublishCheck(page: PublishedPage): Promise<PostPublishResult>;
}

/** no-tab: nothing to scan; no-access: the browser does not let extensions read the page. */
export type PageScanError = 'no-tab' | 'no-access' | 'failed';

export type PageScanOutcome =
  | { ok: true; url: string; title: string; findings: Finding[]; check: PostPublishResult | null }
  | { ok: false; error: PageScanError; detail: string };

/** Thrown by the popup's plumbing when there is no tab to scan. */
export class NoTabError extends Error {
  constructor() {
    super('no target tab');
  }
}

/**
 * Chromium's and Firefox's words for "not yours to read": chrome://, the web stores, the PDF viewer,
 * an error page, a site without host access and without activeTab, or a tab that has gone.
 */
const NO_ACCESS = /cannot access|cannot be scripted|must request permission|missing host permission|error page|no tab with id|no frame/i;

export function classifyError(err: unknown): PageScanError {
  if (err instanceof NoTabError) return 'no-tab';
  const message = err instanceof Error ? err.message : String(err);
  return NO_ACCESS.test(message) ? 'no-access' : 'failed';
}

const RANK: Record<Severity, number> = { block: 0, warn: 1, info: 2 };

export async function scanPage(deps: PageScanDeps): Promise<PageScanOutcome> {
  let page: ExtractedPage;
  try {
    page = await deps.extract();
  } catch (err) {
    return { ok: false, error: classifyError(err), detail: err instanceof Error ? err.message : String(err) };
  }
  let findings: Finding[];
  try {
    const options = await deps.scanOptions(page.url);
    // The title is published too: a number in it is as public as one in the body.
    findings = scan(`${page.title}\n${page.text}`, options);
  } catch (err) {
    return { ok: false, error: 'failed', detail: err instanceof Error ? err.message : String(err) };
  }
  findings.sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.start - b.start);
  // The sign-off comparison is extra information: a background that cannot answer does not spoil the scan.
  const check = page.text.trim()
    ? await deps
        .candidates(page)
        .then((c) => deps.postPublishCheck({ url: page.url, ...c }))
        .catch(() => null)
    : null;
  return { ok: true, url: page.url, title: page.title, findings, check };
}
