/**
 * FIREFOX suite, a CMS origin with a port (issue 15): Firefox never matches a port in a match
 * pattern, so `http://127.0.0.2:<A>/*` is granted and registered as `http://127.0.0.2/*`
 * (lib/policy/host-access.ts). The CMS on port A is guarded like any other; a second server on port
 * B of the same host stands for another site there, which the policy does not cover.
 *
 * 127.0.0.2 is loopback too (Linux routes all of 127/8 to lo) and is in no install-time permission,
 * so everything here comes from the options page's own grant.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_POLICY } from '../../lib/policy/defaults';
import { demoPolicy, importPolicy } from '../../lib/demo/demo-policy.ts';
import { htmlToText, publish, statusText, waitForPosts, fillForm, setContent, type CmsServer } from '../../lib/demo/drive.ts';
import type { FirefoxSession } from '../../lib/demo/firefox.ts';
import type { PageDriver } from '../../lib/demo/page-driver.ts';
import { startCmsServer } from '../../lib/demo/server.ts';
import { showOptionsTab } from '../../lib/demo/options-drive.ts';
import { expectRoutesRefused, grantInOptions, leakyDraft, openCms, panelAttached, routeTable, signOffToPublish, startFirefox } from './firefox-helpers.ts';

const HOST = '127.0.0.2';
const ID = '11010519491231002X';

let firefox: FirefoxSession;
let cmsServer: CmsServer;
let otherServer: CmsServer;
let options: PageDriver;
let cms: PageDriver;
let portOrigin: string;
const table = routeTable(`Firefox, origin with a port (http://${HOST}:<port>/*):`);

beforeAll(async () => {
  [firefox, cmsServer, otherServer] = await Promise.all([
    startFirefox(),
    startCmsServer({ host: HOST, port: 0 }),
    startCmsServer({ host: HOST, port: 0 }),
  ]);
  portOrigin = `http://${HOST}:${cmsServer.port}/*`;
  options = (await firefox.openExtensionPage('options.html')).driver;
  await importPolicy(options, await demoPolicy({ origins: [...DEFAULT_POLICY.origins, portOrigin] }));
  cms = (await firefox.newTab()).driver;
});

afterAll(async () => {
  await firefox?.close();
  await cmsServer?.close();
  await otherServer?.close();
  table.print();
});

describe('an origin with a port', () => {
  test('before the grant Precheck does not run there, and the options page offers 授权访问', async () => {
    await openCms(cms, cmsServer.url, 'textarea');
    expect(await panelAttached(cms, 1_500)).toBe(false);
    await showOptionsTab(options, 'sites');
    await options.waitForSelector(`#sites li[data-origin="${portOrigin}"] button.grant`, 'visible', { timeout: 10_000 });
  });

  test('授权访问 grants the host without the port, the row says so, and the scripts are registered on it', async () => {
    const note = await grantInOptions(options, portOrigin);
    expect(note).toContain(`http://${HOST}/*`);
    expect(note).toContain(portOrigin);
    const granted = await options.evaluate<{ origins: string[] }>('browser.permissions.getAll()');
    expect(granted.origins).toContain(`http://${HOST}/*`);
    expect(granted.origins).not.toContain(portOrigin);
    await options.waitFor(
      `browser.scripting.getRegisteredContentScripts().then((s) => s.length === 2 && s.every((x) => x.matches.includes(${JSON.stringify(`http://${HOST}/*`)})))`,
      { timeout: 10_000 },
    );
  });

  test('the CMS on that port is guarded: nothing carrying the ID leaves by any route of the table', async () => {
    await expectRoutesRefused(cms, cmsServer, 'wangeditor', (step, result) => table.record(`wangeditor :${cmsServer.port}`, step, result));
  });

  test('a sign-off there lets exactly one POST through (plain form, native POST)', async () => {
    const posts = await signOffToPublish(cms, cmsServer, 'textarea', '<p>低保新增对象公示：王丽，家住城关镇。公示期七天（端口）。</p>');
    expect(posts).toHaveLength(1);
    expect(htmlToText(String(posts[0]!.body.content))).toContain('公示期七天（端口）');
    expect(posts[0]!.raw).not.toContain(ID);
    expect(await statusText(cms, 'textarea')).toContain('发布成功');
    table.record(`textarea :${cmsServer.port}`, 'sign-off → 发布', `${posts.length} POST`);
  });
});

describe('another port of the same host', () => {
  test('is not covered: the background says so for that URL, and only for that one', async () => {
    // What the content scripts ask (getPolicyForPage) decides whether they guard the page.
    const covered = (url: string) =>
      options.evaluate<boolean>(`browser.runtime.sendMessage({ id: 1, type: 'getPolicyForPage', data: ${JSON.stringify(url)}, timestamp: Date.now() })
        .then((r) => r.res.covered)`);
    expect(await covered(`${cmsServer.url}/textarea.html`)).toBe(true);
    expect(await covered(`${otherServer.url}/textarea.html`)).toBe(false);
  });

  // The content scripts run there (the registration is port-less) until the policy answers
  // `covered: false`; then the gate passes everything and the controller removes its panel.
  test('Precheck stands down there: no panel, and the publish goes out as without Precheck', async () => {
    otherServer.reset();
    await openCms(cms, otherServer.url, 'wangeditor');
    await fillForm(cms, 'wangeditor');
    await setContent(cms, leakyDraft(ID));
    const result = await publish(cms, 'wangeditor', 'fetch');
    expect(result).toMatchObject({ ok: true });
    await waitForPosts(otherServer, { path: '/api/publish' });
    expect(await panelAttached(cms, 500)).toBe(false);
    table.record(`wangeditor :${otherServer.port} (other port)`, 'fetch', 'posts (not covered)');
  });
});
