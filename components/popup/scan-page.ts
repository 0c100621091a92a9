/**
 * 「扫描此页面」 from start to end, with the browser calls passed in. On a CMS edit page the tab's
 * content script answers with the draft's findings — the same list the panel and the checklist
 * show, so the popup never says 未发现 under the tab's own 阻止 count. Anywhere else (a preview,
 * the published article): read the tab's main content, scan it here in the popup with the page's
 * policy, and compare its digest with what was signed off. The page's text stays in the popup's
 * memory; only its digest goes to the background.
 */
import type { DraftFindings, PostPublishResult, PublishedPage } from '../../lib/messaging/protocol';
import type { ExtractedPage } from '../../lib/page/extract-main';
import { scan, type ScanOptions } from '../../lib/scan/engine';
import type { Finding, Severity } from '../../lib/scan/types';

export interface PageScanDeps {
  /** The tab's draft findings when its content script watches editors there; null when none answers. */
  draft(): Promise<DraftFindings | null>;
  /** Runs the extractor in the target tab; rejects with the browser's error when it cannot. */
  extract(): Promise<ExtractedPage>;
  /** The page's scan settings from the policy (the built-in rules when the policy cannot answer). */
  scanOptions(url: string): Promise<ScanOptions>;
  candidates(page: ExtractedPage): Promise<{ titles: string[]; bodyDigests: string[] }>;
  postPublishCheck(page: PublishedPage): Promise<PostPublishResult>;
}

/** no-tab: nothing to scan; no-access: the browser does not let extensions read the page. */
export type PageScanError = 'no-tab' | 'no-access' | 'failed';

/** draft: the findings are the tab's own (an edit page); page: the popup scanned the page's main content. */
export type PageScanSource = 'draft' | 'page';

export type PageScanOutcome =
  | { ok: true; source: PageScanSource; url: string; title: string; findings: Finding[]; check: PostPublishResult | null }
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

/** Worst first, in reading order within a severity (Array.sort is stable). */
function worstFirst(findings: Finding[], byOffset: boolean): Finding[] {
  return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity] || (byOffset ? a.start - b.start : 0));
}

export async function scanPage(deps: PageScanDeps): Promise<PageScanOutcome> {
  // No answer, or a refusal to talk, means no Precheck draft here: the page is scanned instead.
  const draft = await deps.draft().catch(() => null);
  if (draft?.ok === false) return { ok: false, error: 'failed', detail: draft.error };
  // A draft's findings come from several sources (title, editors, linked files): their offsets do not compare.
  if (draft) return { ok: true, source: 'draft', url: draft.url, title: draft.title, findings: worstFirst(draft.findings, false), check: null };
  return scanMainContent(deps);
}

async function scanMainContent(deps: PageScanDeps): Promise<PageScanOutcome> {
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
  // The sign-off comparison is extra information: a background that cannot answer does not spoil the scan.
  const check = page.text.trim()
    ? await deps
        .candidates(page)
        .then((c) => deps.postPublishCheck({ url: page.url, ...c }))
        .catch(() => null)
    : null;
  return { ok: true, source: 'page', url: page.url, title: page.title, findings: worstFirst(findings, true), check };
}
