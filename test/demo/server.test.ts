/**
 * The mock CMS's portal side: a publish answers where its article is, the article page renders the
 * posted HTML inside the portal's chrome, and unknown ids get the portal's 404 page.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCmsServer, type CmsServer } from '../../lib/demo/server';

let server: CmsServer;

beforeAll(async () => {
  server = await startCmsServer();
});

afterAll(async () => {
  await server?.close();
});

async function publish(body: Record<string, string>, path = '/api/publish'): Promise<{ ok: boolean; id: number; url?: string }> {
  const res = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await res.json()) as { ok: boolean; id: number; url?: string };
}

it('answers a publish with the article URL, and renders the article there', async () => {
  const answer = await publish({ title: '关于春耕备耕的通知', channel: '通知公告', category: '农业农村', content: '<p>各乡镇：</p><p>请做好<strong>春耕备耕</strong>工作。</p>' });
  expect(answer).toMatchObject({ ok: true, id: expect.any(Number) as number, url: `/articles/${answer.id}` });

  const res = await fetch(server.url + answer.url!);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/html');
  const html = await res.text();
  expect(html).toContain('<h1>关于春耕备耕的通知</h1>');
  // The editor's HTML as posted, inside the article, with the portal's chrome around it.
  expect(html).toMatch(/<article[^>]*data-article-id="\d+"[\s\S]*<p>请做好<strong>春耕备耕<\/strong>工作。<\/p>[\s\S]*<\/article>/);
  expect(html).toMatch(/发布日期：\d{4}-\d\d-\d\d \d\d:\d\d/);
  expect(html).toContain('信息类别：农业农村');
  for (const chrome of ['class="portal-nav"', 'class="side"', 'class="portal-foot"']) expect(html).toContain(chrome);
});

it('keeps published articles online when the recorded posts are reset', async () => {
  const { url } = await publish({ title: '标题', content: '<p>正文</p>' });
  server.reset();
  expect((await fetch(server.url + url!)).status).toBe(200);
});

it('escapes the title but not the body', async () => {
  const { url } = await publish({ title: '<b>标题</b>', content: '<p><em>正文</em></p>' });
  const html = await (await fetch(server.url + url!)).text();
  expect(html).toContain('<h1>&#60;b&#62;标题&#60;/b&#62;</h1>');
  expect(html).toContain('<p><em>正文</em></p>');
});

it('gives drafts and failed publishes no article', async () => {
  const draft = await publish({ title: '草稿', content: '<p>草稿</p>' }, '/api/draft');
  expect(draft.url).toBeUndefined();
  expect((await fetch(`${server.url}/articles/${draft.id}`)).status).toBe(404);
  server.failNext();
  const failed = await publish({ title: '失败', content: '<p>失败</p>' });
  expect(failed).toMatchObject({ ok: false });
  expect((await fetch(`${server.url}/articles/${failed.id}`)).status).toBe(404);
});

it('answers unknown articles with the portal 404 page', async () => {
  for (const path of ['/articles/99999', '/articles/abc', '/articles/']) {
    const res = await fetch(server.url + path);
    expect(res.status, path).toBe(404);
    expect(await res.text(), path).toContain('页面不存在');
  }
});

/** A browser's form navigation: fetch() may not set Sec-Fetch-Mode, node:http may. */
function formNavigation(path: string, form: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(server.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-mode': 'navigate' },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    req.on('error', reject);
    req.end(new URLSearchParams(form).toString());
  });
}

it('links the form-post result page to the article', async () => {
  const html = await formNavigation('/api/publish', { title: '表单发布', content: '<p>正文</p>' });
  const id = /data-id="(\d+)"/.exec(html)?.[1];
  expect(html).toContain(`href="/articles/${id}"`);
});

it('serves the published-style static pages', async () => {
  for (const page of ['leak', 'clean']) {
    const res = await fetch(`${server.url}/published/${page}.html`);
    expect(res.status, page).toBe(200);
    expect(await res.text(), page).toContain('class="article"');
  }
});
