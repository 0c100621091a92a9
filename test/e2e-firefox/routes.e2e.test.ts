/**
 * FIREFOX suite: the Firefox build in Debian's firefox-esr, on the mock CMS served from 127.0.0.1 (a
 * port-less origin, `http://127.0.0.1/*`, granted at install). The publish routes of the shared table
 * (lib/demo/publish-routes.ts, the same the Chromium suite walks) on a plain form page, a fetch page
 * and a real editor in an iframe: nothing reaches the server, the page's handlers never run, the
 * panel says why; 保存草稿 still posts. Then a draft goes the whole way through the checklist to
 * exactly one POST with the final content.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checklistClosed, walkChecklist } from '../../lib/demo/checklist-drive.ts';
import { demoPerson, demoPolicy, importPolicy } from '../../lib/demo/demo-policy.ts';
import {
  clickDraft,
  editorPage,
  fillForm,
  htmlToText,
  publish,
  SAMPLE_FIELDS,
  setContent,
  sleep,
  startServer,
  statusText,
  waitForPosts,
  type CmsServer,
  type EditorKind,
} from '../../lib/demo/drive.ts';
import type { FirefoxSession } from '../../lib/demo/firefox.ts';
import type { PageDriver } from '../../lib/demo/page-driver.ts';
import { installPageHandlers, pageHits, publishRoutes } from '../../lib/demo/publish-routes.ts';
import { closeChecklist } from '../../lib/demo/checklist-drive.ts';
import { collapsePanel, waitForBlockShown, waitForCounts } from '../e2e/extension-helpers.ts';
import { openCms, panelAttached, startFirefox } from './firefox-helpers.ts';

const ID = '11010519491231002X';
const MOBILE = '13912345678';
const DRAFT_HTML = `<p>低保公示 张三 身份证号 ${ID} 手机 ${MOBILE}</p>`;
/** how long a stopped route is watched for a request that should not come */
const SETTLE_MS = 300;
/** a plain form (native POST), a fetch page, a real editor in an iframe */
const PAGES: readonly EditorKind[] = ['textarea', 'ckeditor5', 'tinymce'];

let firefox: FirefoxSession;
let server: CmsServer;
let cms: PageDriver;
/** route → result per page, printed at the end: the table as this suite tested it */
const matrix = new Map<EditorKind, Map<string, string>>();

beforeAll(async () => {
  [firefox, server] = await Promise.all([startFirefox(), startServer()]);
  const options = await firefox.openExtensionPage('options.html');
  await importPolicy(options.driver, await demoPolicy());
  await options.page.close();
  cms = (await firefox.newTab()).driver;
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
  if (matrix.size === 0) return;
  const steps = [...new Set([...matrix.values()].flatMap((m) => [...m.keys()]))];
  const rows = [...matrix].map(([kind, m]) => [kind, ...steps.map((s) => m.get(s) ?? '—')]);
  const widths = ['page', ...steps].map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  console.log(['', 'Firefox publish routes:', line(['page', ...steps]), ...rows.map(line)].join('\n'));
});

const publishPosts = () => server.posts.filter((p) => p.path === '/api/publish');

function record(kind: EditorKind, step: string, result: string): void {
  if (!matrix.has(kind)) matrix.set(kind, new Map());
  matrix.get(kind)!.set(step, result);
}

describe.each(PAGES.map((kind) => [kind, editorPage(kind)] as const))('%s', (kind, info) => {
  test('every publish route is stopped (nothing posted, the page fails its own way, the panel says why); 保存草稿 still posts', async () => {
    server.reset();
    const load = async () => {
      await openCms(cms, server.url, kind);
      expect(await panelAttached(cms), 'Precheck runs on the page').toBe(true);
      await fillForm(cms, kind);
      await setContent(cms, DRAFT_HTML);
      await installPageHandlers(cms, info);
      await waitForCounts(cms, 1, 1);
    };
    await load();
    const home = cms.url();

    for (const route of publishRoutes(info)) {
      const reports = route.reports(info);
      await collapsePanel(cms);
      await cms.evaluate(`document.getElementById('status').textContent = ''`, info.formFrames);
      const problems = await route.run(cms, info);
      await sleep(SETTLE_MS);
      const reported = await waitForBlockShown(cms, reports ? 2_000 : 50);
      if (publishPosts().length > 0) problems.push(`${publishPosts().length} POST(s) to /api/publish`);
      if (reports && !reported) problems.push('panel did not report the block');
      const hits = await pageHits(cms).catch(() => ({}));
      if (Object.keys(hits).length > 0) problems.push(`page handlers ran: ${JSON.stringify(hits)}`);
      if (cms.url() !== home) problems.push(`navigated to ${cms.url()}`);
      record(kind, route.name, problems.length ? `LEAK: ${problems.join('; ')}` : reports ? 'stopped' : 'no-op');
      expect.soft(problems, `${kind} / ${route.name}`).toEqual([]);
      if (problems.length) {
        server.reset();
        await load();
      }
    }

    // 保存草稿 is not a publish: it still posts, once, to /api/draft.
    await closeChecklist(cms);
    await clickDraft(cms, kind);
    await waitForPosts(server, { path: '/api/draft' });
    expect(await statusText(cms, kind)).toContain('草稿已保存');
    await sleep(SETTLE_MS);
    expect(server.posts.map((p) => p.path)).toEqual(['/api/draft']);
    expect(htmlToText(String(server.posts[0]!.body.content))).toContain(ID);
    record(kind, '保存草稿', 'posts /api/draft');
  });
});

test('tinymce: the checklist takes a leaking draft to exactly one POST with the fixed content', async () => {
  const kind = 'tinymce';
  const lisi = demoPerson('lisi');
  const fixed = '<p>低保新增对象公示：王丽，家住城关镇。公示期七天（火狐）。</p>';
  server.reset();
  await openCms(cms, server.url, kind);
  await setContent(cms, DRAFT_HTML);
  await waitForCounts(cms, 1, 1);
  await walkChecklist(cms, {
    publish: async () => {
      await publish(cms, kind, 'click');
    },
    fix: () => setContent(cms, fixed),
    fill: () => fillForm(cms, kind, { ...SAMPLE_FIELDS, category: '01' }),
    reviewer: lisi,
  });
  await checklistClosed(cms);
  const [post] = await waitForPosts(server, { path: '/api/publish' });
  await sleep(800);
  expect(publishPosts()).toHaveLength(1);
  expect(htmlToText(String(post!.body.content))).toContain('公示期七天（火狐）');
  expect(post!.raw).not.toContain(ID);
  expect(await statusText(cms, kind)).toContain('发布成功');
  record(kind, 'sign-off → 发布', '1 POST');
});
