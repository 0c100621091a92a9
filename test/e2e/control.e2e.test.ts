/**
 * CONTROL suite: the mock CMS with the real editors, and no extension.
 *
 * For every page: the editor loads, typing through its real editing surface reaches the editor's
 * own getContent(), every publish path the page has sends exactly one POST to /api/publish with
 * the typed content, and 保存草稿 posts to /api/draft only. The extension's blocking tests reuse
 * these paths and expect the server to receive nothing — which only means something because
 * this suite shows each path is live.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  EDITOR_PAGES,
  SAMPLE_FIELDS,
  clickDraft,
  fillForm,
  htmlToText,
  isDirty,
  launchBrowser,
  openEditor,
  publish,
  sleep,
  startServer,
  statusText,
  typeInto,
  waitForPosts,
  type Browser,
  type CmsServer,
  type CmsWindow,
  type EditorPage,
  type RecordedPost,
} from './harness.ts';
import type { Page } from 'playwright-core';

const TEXT = '测试内容 ABC';
/** after the expected POST arrived, how long to watch for a duplicate */
const SETTLE_MS = 150;

let browser: Browser;
let server: CmsServer;
/** one tab for the whole file; each test navigates it afresh */
let tab: Page;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  tab = await browser.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(() => {
  server.reset();
});

function rawGetStatus(port: number, rawPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

function expectDraftBody(post: RecordedPost, info: EditorPage): void {
  expect(post.format).toBe(info.format);
  expect(post.body.title).toBe(SAMPLE_FIELDS.title);
  expect(post.body.channel).toBe(SAMPLE_FIELDS.channel);
  expect(post.body.category).toBe(SAMPLE_FIELDS.category);
  expect(post.body.disclosure).toBe(SAMPLE_FIELDS.disclosure);
  expect(post.body.reviewer).toBe(SAMPLE_FIELDS.reviewer);
  expect(typeof post.body.content).toBe('string');
  expect(htmlToText(post.body.content as string)).toContain(TEXT);
}

/** Open the page, fill the form, type the text; returns the opened page. */
async function prepare(info: EditorPage) {
  const opened = await openEditor(tab, server, info.kind);
  await fillForm(opened.page, info.kind);
  const content = await typeInto(opened.page, info.kind, TEXT);
  expect(htmlToText(content)).toContain(TEXT);
  return opened;
}

describe.each(EDITOR_PAGES.map((p) => [p.kind, p] as const))('%s', (_kind, info) => {
  test('editor loads, typing reaches getContent(), publish paths are the expected ones', async () => {
    const { page, errors } = await openEditor(tab, server, info.kind);
    const paths = await page.evaluate(() => (window as unknown as CmsWindow).__cms!.paths);
    expect([...paths].sort()).toEqual([...info.paths].sort());
    expect(await isDirty(page)).toBe(false);
    const content = await typeInto(page, info.kind, TEXT);
    expect(htmlToText(content)).toContain(TEXT);
    expect(await isDirty(page)).toBe(true);
    expect(errors).toEqual([]);
    expect(server.posts).toEqual([]);
  });

  test.each(info.paths.map((p) => [p]))('publish via %s posts exactly once with the typed content', async (via) => {
    const { page } = await prepare(info);
    const navigated = info.navigates ? page.waitForURL(/\/api\/publish/) : undefined;
    const result = await publish(page, info.kind, via);
    await navigated;
    await waitForPosts(server, { path: '/api/publish' });
    expect(await statusText(page, info.kind)).toContain('发布成功');
    if (result !== undefined) expect(result.ok).toBe(true);
    await sleep(SETTLE_MS);
    expect(server.posts).toHaveLength(1);
    const post = server.posts[0]!;
    expect(post.path).toBe('/api/publish');
    expectDraftBody(post, info);
    // how the request was made
    if (info.sends === 'form') expect(post.headers['sec-fetch-mode']).toBe('navigate');
    else expect(post.headers['sec-fetch-mode']).toBe('cors');
    if (info.sends === 'ajax') expect(post.headers['x-requested-with']).toBe('XMLHttpRequest');
  });

  test('保存草稿 posts to /api/draft, not to /api/publish', async () => {
    const { page } = await prepare(info);
    const navigated = info.navigates ? page.waitForURL(/\/api\/draft/) : undefined;
    await clickDraft(page, info.kind);
    await navigated;
    await waitForPosts(server, { path: '/api/draft' });
    expect(await statusText(page, info.kind)).toContain('草稿已保存');
    await sleep(SETTLE_MS);
    expect(server.posts.map((p) => p.path)).toEqual(['/api/draft']);
    expectDraftBody(server.posts[0]!, info);
  });
});

describe('mock CMS server', () => {
  test('records posts at /__posts, clears them with POST /__reset, and refuses traversal', async () => {
    const post = await fetch(`${server.url}/api/publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ title: '标题', content: '<p>正文</p>' }),
    });
    expect(await post.json()).toMatchObject({ ok: true });
    const listed = (await (await fetch(`${server.url}/__posts`)).json()) as RecordedPost[];
    expect(listed).toHaveLength(1);
    expect(listed[0]!.body).toEqual({ title: '标题', content: '<p>正文</p>' });
    await fetch(`${server.url}/__reset`, { method: 'POST' });
    expect(server.posts).toEqual([]);

    // raw request paths (fetch() would normalise the dots away before sending)
    for (const bad of ['/vendor/ueditor/../../../package.json', '/vendor/ueditor/%2e%2e/%2e%2e/%2e%2e/package.json',
      '/vendor/playwright-core/package.json', '/../server.ts', '/%2e%2e/server.ts', '/..%2fserver.ts',
      '/vendor/jquery/..%2f..%2f..%2fplaywright-core%2fpackage.json', '/vendor/ckeditor5/..%5c..%5cpackage.json']) {
      expect(await rawGetStatus(server.port, bad), bad).toBe(404);
    }
    expect(await rawGetStatus(server.port, '/vendor/jquery/jquery.min.js')).toBe(200);
    expect(await rawGetStatus(server.port, '/vendor/@wangeditor/editor/index.js')).toBe(200);
  });

  test('failNext(): the page shows 发布失败 through its own error path', async () => {
    const info = EDITOR_PAGES.find((p) => p.kind === 'quill')!;
    const { page } = await prepare(info);
    server.failNext();
    const result = await publish(page, info.kind, 'xhr');
    expect(result).toMatchObject({ ok: false });
    expect(await statusText(page, info.kind)).toContain('发布失败');
  });
});
