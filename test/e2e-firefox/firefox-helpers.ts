/**
 * Helpers for the Firefox suite: Debian's firefox-esr with the Firefox build installed
 * (lib/demo/firefox.ts), the mock CMS pages driven through the same helpers as the Chromium suite
 * (lib/demo/drive.ts, checklist-drive.ts, and the route walk of test/e2e/publish-walk.ts over a
 * PageDriver), and the options
 * page's own controls for policy and host access.
 */
import { launchFirefox, type FirefoxOptions, type FirefoxSession } from '../../lib/demo/firefox.ts';
import { walkChecklist } from '../../lib/demo/checklist-drive.ts';
import { showOptionsTab } from '../../lib/demo/options-drive.ts';
import { demoPerson } from '../../lib/demo/demo-policy.ts';
import {
  cmsReady,
  editorPage,
  fillForm,
  publish,
  SAMPLE_FIELDS,
  setContent,
  sleep,
  waitForPosts,
  type CmsServer,
  type EditorKind,
  type RecordedPost,
} from '../../lib/demo/drive.ts';
import type { PageDriver } from '../../lib/demo/page-driver.ts';
import { FIREFOX_EXTENSION_DIR, waitForCounts } from '../e2e/extension-helpers.ts';
import { leakyDraft } from '../e2e/publish-walk.ts';

export { expectCmsKeepsWorking, expectRoutesRefused, leakyDraft } from '../e2e/publish-walk.ts';

export { FIREFOX_EXTENSION_DIR };

export function startFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  return launchFirefox({ extensionDir: FIREFOX_EXTENSION_DIR, ...options });
}

/** Loads a mock CMS page (at `baseUrl`, e.g. another port) and waits until its editor is ready. */
export async function openCms(driver: PageDriver, baseUrl: string, kind: EditorKind): Promise<void> {
  await driver.goto(baseUrl + editorPage(kind).path);
  await cmsReady(driver);
}

/** Waits for Precheck's panel on the page; false when it never came (the page is not guarded). */
export async function panelAttached(driver: PageDriver, timeout = 5_000): Promise<boolean> {
  try {
    await driver.waitFor(`!!document.querySelector('precheck-panel')`, { timeout });
    return true;
  } catch {
    return false;
  }
}

/** The origin's row in the options page's 站点 list. */
const row = (origin: string) => `#sites li[data-origin=${JSON.stringify(origin)}]`;

/**
 * Grants host access the way a user does: 授权访问 in the origin's row of the options page (the
 * extension's own permissions.request under a real click; no prompt in this profile). Returns the
 * note the row shows about ports, if any.
 */
export async function grantInOptions(options: PageDriver, origin: string): Promise<string | null> {
  // The options page shows one tab at a time (the policy import leaves it on 导入导出).
  await showOptionsTab(options, 'sites');
  await options.waitForSelector(row(origin), 'visible', { timeout: 10_000 });
  await options.click(`${row(origin)} button.grant`);
  await options.waitForSelector(`${row(origin)} .ok`, 'visible', { timeout: 10_000 });
  return options.evaluate(`document.querySelector(${JSON.stringify(`${row(origin)} [data-port-note]`)})?.textContent ?? null`);
}

/** Route results per page, printed as a table after the file (what this suite saw, route by route). */
export function routeTable(title: string) {
  const rows = new Map<string, Map<string, string>>();
  return {
    record(page: string, step: string, result: string): void {
      if (!rows.has(page)) rows.set(page, new Map());
      rows.get(page)!.set(step, result);
    },
    print(): void {
      if (rows.size === 0) return;
      const steps = [...new Set([...rows.values()].flatMap((m) => [...m.keys()]))];
      const cells = [...rows].map(([page, m]) => [page, ...steps.map((s) => m.get(s) ?? '—')]);
      const widths = ['page', ...steps].map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]!.length)));
      const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join(' | ');
      console.log(['', title, line(['page', ...steps]), ...cells.map(line)].join('\n'));
    },
  };
}

/**
 * A leaking draft through the whole checklist (lib/demo/checklist-drive.ts): stopped, fixed, form
 * filled, confirmed, a wrong PIN refused, signed by 李四, published. Returns the publish POSTs the
 * server recorded (the caller expects exactly one).
 */
export async function signOffToPublish(driver: PageDriver, server: CmsServer, kind: EditorKind, fixedHtml: string): Promise<RecordedPost[]> {
  server.reset();
  await openCms(driver, server.url, kind);
  await setContent(driver, leakyDraft('11010519491231002X'));
  await waitForCounts(driver, 1, 1);
  await walkChecklist(driver, {
    publish: async () => {
      await publish(driver, kind, 'click');
    },
    fix: () => setContent(driver, fixedHtml),
    // 01 is not an important category: 李四 alone signs.
    fill: () => fillForm(driver, kind, { ...SAMPLE_FIELDS, category: '01' }),
    reviewer: demoPerson('lisi'),
  });
  await waitForPosts(server, { path: '/api/publish' });
  await sleep(800);
  return server.posts.filter((p) => p.path === '/api/publish');
}
