/**
 * FIREFOX suite: the Firefox build in Debian's firefox-esr, on the mock CMS served from 127.0.0.1 (a
 * port-less origin, `http://127.0.0.1/*`, granted at install). The publish routes of the shared table
 * (lib/demo/publish-routes.ts, walked by test/e2e/publish-walk.ts exactly as in the Chromium suite) on
 * a plain form page, a fetch page and a real editor in an iframe: nothing carrying the ID reaches the
 * server, the page stays, the panel says why; the CMS keeps working (a list load, a clean 保存草稿; a
 * draft save holding the ID is refused). Then a draft goes the whole way through the checklist to
 * exactly one POST with the final content.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoPolicy, importPolicy } from '../../lib/demo/demo-policy.ts';
import { htmlToText, startServer, statusText, type CmsServer, type EditorKind } from '../../lib/demo/drive.ts';
import type { FirefoxSession } from '../../lib/demo/firefox.ts';
import type { PageDriver } from '../../lib/demo/page-driver.ts';
import { expectCmsKeepsWorking, expectRoutesRefused, routeTable, signOffToPublish, startFirefox } from './firefox-helpers.ts';

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
  test('every publish route: nothing carrying the ID reaches the server, the page stays, the panel says why', async () => {
    server.reset();
    await expectRoutesRefused(cms, server, kind, (step, result) => table.record(kind, step, result));
  });

  test('the CMS keeps working: a list load arrives, a draft save holding the ID is refused, a clean 保存草稿 posts once', async () => {
    await expectCmsKeepsWorking(cms, server, kind, (step, result) => table.record(kind, step, result));
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
