/**
 * FIREFOX suite: the Firefox build in Debian's firefox-esr, on the mock CMS served from 127.0.0.1 (a
 * port-less origin, `http://127.0.0.1/*`, granted at install). The publish routes of the shared table
 * (lib/demo/publish-routes.ts, the same the Chromium suite walks) on a plain form page, a fetch page
 * and a real editor in an iframe: nothing reaches the server, the page's handlers never run, the
 * panel says why; 保存草稿 still posts. Then a draft goes the whole way through the checklist to
 * exactly one POST with the final content.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeChecklist } from '../../lib/demo/checklist-drive.ts';
import { demoPolicy, importPolicy } from '../../lib/demo/demo-policy.ts';
import { clickDraft, htmlToText, sleep, startServer, statusText, waitForPosts, type CmsServer, type EditorKind } from '../../lib/demo/drive.ts';
import type { FirefoxSession } from '../../lib/demo/firefox.ts';
import type { PageDriver } from '../../lib/demo/page-driver.ts';
import { expectRoutesStopped, routeTable, signOffToPublish, startFirefox } from './firefox-helpers.ts';

const ID = '11010519491231002X';
/** a plain form (native POST), a fetch page, a real editor in an iframe */
const PAGES: readonly EditorKind[] = ['textarea', 'ckeditor5', 'tinymce'];

let firefox: FirefoxSession;
let server: CmsServer;
let cms: PageDriver;
const table = routeTable('Firefox, origin without a port (http://127.0.0.1/*):');

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
  table.print();
});

describe.each(PAGES)('%s', (kind) => {
  test('every publish route is stopped (nothing posted, the page fails its own way, the panel says why); 保存草稿 still posts', async () => {
    server.reset();
    await expectRoutesStopped(cms, server, kind, (step, result) => table.record(kind, step, result));

    // 保存草稿 is not a publish: it still posts, once, to /api/draft.
    await closeChecklist(cms);
    await clickDraft(cms, kind);
    await waitForPosts(server, { path: '/api/draft' });
    expect(await statusText(cms, kind)).toContain('草稿已保存');
    await sleep(300);
    expect(server.posts.map((p) => p.path)).toEqual(['/api/draft']);
    expect(htmlToText(String(server.posts[0]!.body.content))).toContain(ID);
    table.record(kind, '保存草稿', 'posts /api/draft');
  });
});

test('tinymce: the checklist takes a leaking draft to exactly one POST with the fixed content', async () => {
  const posts = await signOffToPublish(cms, server, 'tinymce', '<p>低保新增对象公示：王丽，家住城关镇。公示期七天（火狐）。</p>');
  expect(posts).toHaveLength(1);
  expect(htmlToText(String(posts[0]!.body.content))).toContain('公示期七天（火狐）');
  expect(posts[0]!.raw).not.toContain(ID);
  expect(await statusText(cms, 'tinymce')).toContain('发布成功');
  table.record('tinymce', 'sign-off → 发布', `${posts.length} POST`);
});
