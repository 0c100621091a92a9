/**
 * The popup's browser plumbing, one object per component. Everything acts on one target tab: the
 * active tab of the window the popup belongs to, or `?tab=<id>` when popup.html is opened in a tab
 * of its own (by an administrator, or by the e2e tests).
 *
 * No tabs permission: the toolbar click grants activeTab, which lets the popup read the tab's URL,
 * inject the extractor and message its content script; on the CMS origins host access does the same.
 */
import { browser } from 'wxt/browser';
import { DRAFT_FINDINGS, sendMessage, TAB_STATE, TEACH, type DraftFindings, type TabState } from '../../lib/messaging/protocol';
import type { ExtractedPage } from '../../lib/page/extract-main';
import { scanOptionsFromPolicy } from '../../lib/policy/scan-options';
import type { ScanOptions } from '../../lib/scan/engine';
import { publishedCandidates } from '../../lib/page/published-candidates';
import { rules } from '../../rules';
import { uiLang } from '../../lib/i18n';
import type { IdentityApi } from './EditorIdentity';
import type { PageScanApi } from './PageScan';
import type { PopupApi } from './PopupHeader';
import { NoTabError, scanPage } from './scan-page';
import type { TabStateApi } from './TabStateView';
import type { TeachApi } from './TeachButton';

export interface TargetTab {
  id: number;
  url: string | undefined;
}

/** `?tab=<id>` of the popup page's own URL, when it names a tab. */
export function tabIdFromSearch(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  return Number(raw);
}

async function findTargetTab(search: string): Promise<TargetTab | undefined> {
  const named = tabIdFromSearch(search);
  if (named !== undefined) {
    const tab = await browser.tabs.get(named).catch(() => undefined);
    return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
}

/** The TabState a content script answered, or null for no answer or something else. */
function asTabState(answer: unknown): TabState | null {
  const s = answer as Partial<TabState> | undefined;
  return s && typeof s === 'object' && s.findings && Array.isArray(s.fields) && typeof s.signoff === 'string' ? (s as TabState) : null;
}

/** The DraftFindings a content script answered, or null for no answer or something else. */
function asDraftFindings(answer: unknown): DraftFindings | null {
  const d = answer as Partial<{ ok: boolean; findings: unknown; error: unknown }> | undefined;
  if (!d || typeof d !== 'object') return null;
  if (d.ok === true && Array.isArray(d.findings)) return d as DraftFindings;
  if (d.ok === false && typeof d.error === 'string') return d as DraftFindings;
  return null;
}

/** A background that never answers must not leave the popup at 正在扫描… for good. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

const BACKGROUND_MS = 5_000;

/** The page's policy when the background answers; the built-in rules otherwise. */
async function scanOptionsFor(url: string): Promise<ScanOptions> {
  const locale = uiLang();
  try {
    return { ...scanOptionsFromPolicy(await within(BACKGROUND_MS, sendMessage('getPolicyForPage', url)), rules), locale };
  } catch {
    return { rules, locale };
  }
}

export interface PopupApis {
  header: PopupApi;
  teach: TeachApi;
  tabState: TabStateApi;
  pageScan: PageScanApi;
  identity: IdentityApi;
}

export function popupApis(search: string, close: () => void): PopupApis {
  // Looked up once: every part of the popup talks about the same tab.
  const target = findTargetTab(search).catch(() => undefined);
  const tabId = async () => {
    const tab = await target;
    if (!tab) throw new NoTabError();
    return tab.id;
  };
  return {
    header: {
      activeTabUrl: async () => (await target)?.url,
      isCovered: async (url) => (await sendMessage('getPolicyForPage', url)).covered,
      openOptions: () => browser.runtime.openOptionsPage(),
      async openAudit() {
        await browser.tabs.create({ url: browser.runtime.getURL('/options.html#audit') });
        close();
      },
    },
    teach: {
      async startTeach() {
        try {
          await browser.tabs.sendMessage(await tabId(), { type: TEACH }, { frameId: 0 });
          return true;
        } catch {
          return false;
        }
      },
      close,
    },
    tabState: {
      async tabState() {
        try {
          return asTabState(await browser.tabs.sendMessage(await tabId(), { type: TAB_STATE }, { frameId: 0 }));
        } catch {
          return null;
        }
      },
    },
    pageScan: {
      scanPage: () =>
        scanPage({
          // "Receiving end does not exist" / "port closed": no Precheck draft in this tab.
          draft: async () => asDraftFindings(await browser.tabs.sendMessage(await tabId(), { type: DRAFT_FINDINGS }, { frameId: 0 }).catch(() => null)),
          async extract() {
            const [first] = await browser.scripting.executeScript({ target: { tabId: await tabId() }, files: ['/page-extract.js'] });
            const page = first?.result as ExtractedPage | undefined;
            if (!page || typeof page.text !== 'string') throw new Error('the page extractor returned nothing');
            return page;
          },
          scanOptions: scanOptionsFor,
          candidates: (page) => publishedCandidates(page),
          postPublishCheck: (page) => within(BACKGROUND_MS, sendMessage('postPublishCheck', page)),
        }),
    },
    identity: {
      get: () => sendMessage('getEditorIdentity', undefined),
      set: (name) => sendMessage('setEditorIdentity', name),
    },
  };
}

