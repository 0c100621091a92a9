/**
 * Driving the route page (lib/demo/pages/routes/) for the gate's e2e suites: open it with an editor,
 * put a draft in, send it by one route with the page's own code, and read back what the page and the
 * panel say. Each helper takes a Playwright page (Chromium) or any PageDriver (Firefox through
 * puppeteer), so the Chromium and the Firefox route suites drive the page the same way. Scripts are
 * strings (see lib/demo/page-driver.ts).
 */
import { driverOf, type DriveTarget } from '../../lib/demo/playwright-driver.ts';
import { TERMS } from '../../lib/i18n/terms.ts';
import type { Route } from '../../lib/gate/types.ts';
import type { CmsServer } from '../../lib/demo/server.ts';
import type { RouteCase } from './gate-route-cases.ts';
import { confirmAll, pressChecklistPublish, signAs, waitForChecklist, waitForView } from '../../lib/demo/checklist-drive.ts';

export const ID = '11010519491231002X';
export type RouteEditor = 'textarea' | 'tinymce' | 'ueditor';

/** The page's own outcome of a route; HUNG when it neither succeeded nor failed in time. */
export type Outcome = { ok: boolean; error?: string; note?: string } | 'HUNG' | 'NO-HANDLER' | 'CLICKED';

export const ORDINARY_FIELDS = { title: '城关镇低保新增对象公示', channel: 'tzgg', category: '01', disclosure: '主动公开', reviewer: '李四' };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function openRoutes(target: DriveTarget, server: CmsServer, editor: RouteEditor = 'textarea'): Promise<void> {
  const driver = driverOf(target);
  await driver.goto(`${server.url}/routes/index.html${editor === 'textarea' ? '' : `?editor=${editor}`}`);
  await driver.waitFor(`window.__routes && window.__routes.ready === true && document.readyState === 'complete'`, { timeout: 20_000 });
  await driver.waitFor(`!!document.querySelector('precheck-panel')`, { timeout: 10_000 });
}

/** Fills the form's fields (events fired, as a person leaves them) and puts `html` in the editor. */
export async function writeDraft(target: DriveTarget, html: string, fields: Record<string, string> = ORDINARY_FIELDS): Promise<void> {
  const driver = driverOf(target);
  await driver.evaluate(
    `((html, fields) => {
      const form = document.getElementById('cms-form');
      for (const [name, value] of Object.entries(fields)) {
        const el = form.elements.namedItem(name);
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }
      window.__routes.setContent(html);
      document.getElementById('content').dispatchEvent(new Event('input', { bubbles: true }));
    })(${JSON.stringify(html)}, ${JSON.stringify(fields)})`,
  );
  // the draft watch has read the editor: a draft with an ID shows as soon as its scan counts the ID;
  // a clean one gives no sign, so wait for the next discovery tick at the latest
  if (html.includes(ID)) {
    await driver.waitFor(`Number(document.querySelector('precheck-panel')?.dataset.block ?? 0) >= 1`, { timeout: 10_000 });
    return;
  }
  await driver.waitFor(`Number(document.querySelector('precheck-panel')?.dataset.block ?? -1) >= 0`);
  await sleep(1_200);
}

export const setExtra = (target: DriveTarget, text: string) => driverOf(target).evaluate(`window.__routes.setExtra(${JSON.stringify(text)})`);

/** Sends the draft by one route; resolves with the page's own outcome (or HUNG after `limit` ms). */
export async function runRoute(target: DriveTarget, c: RouteCase, limit = 6_000): Promise<Outcome> {
  const driver = driverOf(target);
  const race = (expr: string) =>
    driver.evaluate<Outcome>(`Promise.race([${expr}, new Promise((r) => setTimeout(() => r('HUNG'), ${limit}))])`);
  const how = c.how;
  if ('script' in how) return race(`window.__routes.run(${JSON.stringify(how.script)})`);
  await driver.evaluate(`window.__routes.last = null`);
  if ('enter' in how) {
    await driver.evaluate(`document.getElementById('title').focus()`);
    await driver.press('Enter');
  } else await driver.click(how.click);
  if (!('click' in how) || !how.last) return 'CLICKED';
  await sleep(100);
  const started = await driver.evaluate<boolean>('window.__routes.last !== null').catch(() => false);
  return started ? race('window.__routes.last') : 'NO-HANDLER';
}

export interface ShownRefusal {
  route: string;
  text: string;
}

/** The refusals the panel lists (newest first). */
export function panelRefusals(target: DriveTarget): Promise<ShownRefusal[]> {
  return driverOf(target).evaluate(`(() => {
    const s = document.querySelector('precheck-panel')?.shadowRoot;
    return s ? [...s.querySelectorAll('[data-testid="precheck-refusals"] li[data-route]')].map((li) => ({ route: li.dataset.route, text: li.textContent })) : [];
  })()`);
}

/** Waits until the panel lists a refusal of `route` to `path`; false if it does not within `timeout`. */
export async function refusalListed(target: DriveTarget, route: Route, path: string, timeout = 3_000): Promise<boolean> {
  // the Chromium suites run in Chinese (zh-CN), Debian's firefox-esr in English: the panel names
  // routes in the browser's language
  const names = [TERMS.zh.via[route], TERMS.en.via[route]];
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const shown = await panelRefusals(target).catch(() => []);
    if (shown.some((r) => names.includes(r.route) && r.text.includes(path))) return true;
    await sleep(50);
  }
  return false;
}

/** The panel's 已拦截发布 section is shown (a stopped publish). */
export function blockedShown(target: DriveTarget): Promise<boolean> {
  return driverOf(target).evaluate(`!!document.querySelector('precheck-panel')?.shadowRoot?.querySelector('[data-testid="precheck-blocked"]')`);
}

/** Sign-offs are kept per draft: each draft gets words of its own so one test never reuses another's. */
export function ownDraft(n: number, withId = false): string {
  const stems = '甲乙丙丁戊己庚辛壬癸';
  const mark = `第${stems[Math.floor(n / 10) % 10]}${stems[n % 10]}${n}稿`;
  const id = withId ? `身份证号 ${ID}，` : '';
  return `城关镇2024年第三季度城乡低保新增对象公示：王丽，${id}家住城关镇东街社区，经入户调查和民主评议，符合低保条件。公示期为七天，如有异议请向镇民政办反映。${mark}`;
}

/** Sign-off of the open checklist by `reviewer` after the editor's confirmations; then 发布 in the checklist. */
export async function signOff(target: DriveTarget, reviewer: { id: string; pin: string }): Promise<void> {
  await waitForChecklist(target);
  await confirmAll(target);
  await signAs(target, 'reviewer', reviewer.id, reviewer.pin);
  await waitForView(target, (v) => v.complete.signoff && v.publishEnabled, 'signed off');
}

export async function signAndPublish(target: DriveTarget, reviewer: { id: string; pin: string }): Promise<void> {
  await signOff(target, reviewer);
  await pressChecklistPublish(target);
}
