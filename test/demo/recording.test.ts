/**
 * The recording server: every request to an endpoint is kept and decoded (any method, query, urlencoded,
 * multipart with file hashes, JSON, text), static files are not, the /sink/** answers each route in
 * its own form, WebSocket messages are recorded, and the test helpers (waitForRequests, carrying,
 * mark/since, reset) find what arrived.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startCmsServer, type CmsServer } from '../../lib/demo/server';

const ID = '11010519491231002X';
let server: CmsServer;

beforeAll(async () => {
  server = await startCmsServer();
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => server.reset());

describe('what is recorded', () => {
  it('records any method to any endpoint with its decoded query, but not static files', async () => {
    await fetch(`${server.url}/index.html`);
    await fetch(`${server.url}/vendor/jquery/jquery.min.js`);
    await fetch(`${server.url}/cms/phpcms/index.php?m=content&c=content&a=public_check_title&data=${encodeURIComponent('标题 ' + ID)}`);
    await fetch(`${server.url}/api/articles/42`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ content: { html: `<p>${ID}</p>` } }) });
    const all = server.requests();
    expect(all.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /cms/phpcms/index.php', 'PUT /api/articles/42']);
    expect(all[0]!.query.data).toBe(`标题 ${ID}`);
    expect(all[1]).toMatchObject({ format: 'json', body: { content: { html: `<p>${ID}</p>` } } });
    expect(server.carrying(ID).map((r) => r.method)).toEqual(['GET', 'PUT']);
  });

  it('parses urlencoded bodies with repeated names, and keeps the raw URL', async () => {
    await fetch(`${server.url}/cms/phpcms/index.php?m=content&c=content&a=pass&catid=6`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'ids%5B%5D=42&ids%5B%5D=43&pc_hash=x',
    });
    const [r] = await server.waitForRequests({ path: '/cms/phpcms/index.php', query: { a: 'pass' } });
    expect(r!.body['ids[]']).toEqual(['42', '43']);
    expect(r!.url).toBe('/cms/phpcms/index.php?m=content&c=content&a=pass&catid=6');
    // and the fixture endpoint answered as PHPCMS does
    expect(r!.format).toBe('form');
  });

  it('records multipart file parts by name, filename, size and sha256 — never the bytes — and text parts as text', async () => {
    const bytes = Buffer.from(`身份证号 ${ID}`);
    const form = new FormData();
    form.append('title', '附件测试');
    form.append('upfile', new Blob([bytes], { type: 'text/plain' }), '名单.txt');
    await fetch(`${server.url}/sink/upload`, { method: 'POST', body: form });
    const [r] = await server.waitForRequests({ path: '/sink/upload' });
    expect(r!.format).toBe('multipart');
    expect(r!.body.title).toBe('附件测试');
    expect(r!.files).toEqual([{ field: 'upfile', filename: '名单.txt', type: 'text/plain', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }]);
    expect(r!.text).not.toContain(ID);
    expect(server.carrying(ID)).toEqual([]);
  });

  it('records plain text bodies (sendBeacon-style) and keeps the interesting headers', async () => {
    await fetch(`${server.url}/sink/beacon`, { method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', 'x-requested-with': 'XMLHttpRequest' }, body: `draft=${ID}` });
    const [r] = await server.waitForRequests({ path: '/sink/beacon', method: 'POST' });
    expect(r!.format).toBe('text');
    expect(r!.headers['x-requested-with']).toBe('XMLHttpRequest');
    expect(server.carrying(ID, { path: '/sink/beacon' })).toHaveLength(1);
  });

  it('counts an ID in a query encoded twice (encodeURI(encodeURI(…)), as Java CMSes send it)', async () => {
    await fetch(`${server.url}/sink/twice?c=${encodeURIComponent(encodeURIComponent(`身份证${ID}`))}`);
    await server.waitForRequests({ path: '/sink/twice' });
    expect(server.carrying(`身份证${ID}`, { path: '/sink/twice' })).toHaveLength(1);
  });

  it('counts an ID in a body written with escape() (%uXXXX), glued to the Chinese before it', async () => {
    await fetch(`${server.url}/sink/esc`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `content=${escape(`身份证${ID}`)}` });
    await server.waitForRequests({ path: '/sink/esc', method: 'POST' });
    expect(server.carrying(`身份证${ID}`, { path: '/sink/esc' })).toHaveLength(1);
  });

  it('counts an ID a field carries in base64 (standard and URL-safe, percent-encoded inside or not)', async () => {
    const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
    const bodies = [
      `content=${encodeURIComponent(btoa(encodeURIComponent(`<p>身份证 ${ID}</p>`)))}`,
      JSON.stringify({ c: b64(`申请人 ${ID}`).replace(/\+/g, '-').replace(/\//g, '_') }),
      `content=${encodeURIComponent(b64('没有号码的正文，仅作对照'))}`,
    ];
    for (const body of bodies) await fetch(`${server.url}/sink/b64`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    await server.waitForRequests({ path: '/sink/b64', method: 'POST' }, { count: 3 });
    expect(server.carrying(ID, { path: '/sink/b64' })).toHaveLength(2);
  });
});

describe('the sink', () => {
  it('answers /sink/pixel.gif with an image', async () => {
    const res = await fetch(`${server.url}/sink/pixel.gif?d=${ID}`);
    expect(res.headers.get('content-type')).toBe('image/gif');
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect(server.carrying(ID)[0]!.query.d).toBe(ID);
  });

  it('answers /sink/events as an event stream', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${server.url}/sink/events?q=${ID}`, { signal: ctrl.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('data: {"ok":true}');
    ctrl.abort();
    expect(server.carrying(ID)).toHaveLength(1);
  });

  it('records every WebSocket message on /sink/ws and answers each', async () => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/sink/ws?room=1`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const answer = new Promise<string>((resolve) => ws.once('message', (d: Buffer) => resolve(d.toString())));
    ws.send(JSON.stringify({ content: ID }));
    expect(await answer).toBe('{"ok":true}');
    const [msg] = await server.waitForRequests({ method: 'WS', path: '/sink/ws' });
    expect(msg!.body).toEqual({ content: ID });
    expect(msg!.query.room).toBe('1');
    ws.close();
  });
});

describe('helpers', () => {
  it('since / mark see only what came after; reset clears', async () => {
    await fetch(`${server.url}/sink/a`);
    const mark = server.mark();
    await fetch(`${server.url}/sink/b`);
    expect(server.requests({ since: mark }).map((r) => r.path)).toEqual(['/sink/b']);
    expect(server.requests({ path: /^\/sink\// })).toHaveLength(2);
    server.reset();
    expect(server.requests()).toEqual([]);
  });

  it('waitForRequests rejects with what was recorded when nothing matching arrives', async () => {
    await fetch(`${server.url}/sink/other`);
    await expect(server.waitForRequests({ path: '/sink/never' }, { timeout: 100 })).rejects.toThrow(/GET \/sink\/other/);
  });

  it('waitForRequests resolves when the request arrives later', async () => {
    const waiting = server.waitForRequests({ path: '/sink/later' }, { timeout: 2000 });
    setTimeout(() => void fetch(`${server.url}/sink/later`), 50);
    expect((await waiting)[0]!.path).toBe('/sink/later');
  });
});
