/**
 * Mock county CMS (县级政府门户网站 信息发布系统) for real-browser tests and demos.
 *
 * A plain node:http server. It serves
 *   - lib/demo/pages/**            at /            (index.html, one page per editor, trs/, ewebeditor/)
 *   - real editors from node_modules at /vendor/<name>/...   (allow-list below, no traversal)
 *   - the real-CMS fixtures (lib/demo/pages/cms/<cms>/) and their endpoints (cms-endpoints.ts)
 *   - a generic sink for route tests at /sink/** (sink.ts: any method, pixel.gif, events, ws)
 * It records EVERY request that is not a static file or a /__ control route (recorder.ts: method,
 * path, decoded query, interesting headers, body parsed — urlencoded, multipart with file hashes,
 * JSON, text — and WebSocket messages), queried with server.requests() / waitForRequests() /
 * carrying(). POSTs to /api/publish (发布) and /api/draft (保存草稿) also land in `posts`.
 *
 *   GET  /__posts   → the recorded posts as JSON;  GET /__requests → every recorded request
 *   POST /__reset   → clears both
 *   GET  /api/ueditor?action=config → UEditor's server config (so UEditor starts without errors)
 *   POST /__articles/<id> → appends the request body as a paragraph to that article (edited after review)
 *   GET  /articles/<id>  → a successful publish as the portal's article page (lib/demo/article-page.ts);
 *                          404 page for any other id
 *
 * Publishing answers JSON `{ ok: true, id, url: '/articles/<id>' }`; a plain form navigation
 * (Sec-Fetch-Mode: navigate) gets a small HTML result page instead, with the same `#status` element
 * the editor pages use and a link to the article. Published-style static pages (lib/demo/pages/
 * published/) stand in for articles that went online before Precheck was installed.
 *
 * Run standalone for a manual look: `npx tsx lib/demo/server.ts [port]`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { articlePage, notFoundPage } from './article-page.ts';
import { findEndpoint, type CmsEndpoint, type EndpointAnswer } from './cms-endpoints.ts';
import { RequestLog, decodeRequest, parseBody, type PostBody, type RecordedRequest, type RequestFilter } from './recorder.ts';
import { answerSink, isSinkPath, wsSink } from './sink.ts';

export { parseBody, parseMultipart, type PostBody, type RecordedRequest, type RequestFilter } from './recorder.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PROJECT_ROOT = path.resolve(HERE, '../..');
export const PAGES_DIR = path.join(HERE, 'pages');

/**
 * URL name under /vendor/ → folder inside node_modules. Only these are served.
 * UEditor's npm package `ueditor@1.2.3` is a Node upload middleware; the built UEditor 1.4.3
 * (ueditor.config.js, ueditor.all.js, lang/, themes/, dialogs/) lives in its example/public/ueditor/.
 */
export const VENDOR_DIRS: Readonly<Record<string, string>> = {
  ueditor: 'ueditor/example/public/ueditor',
  kindeditor: 'kindeditor',
  ckeditor4: 'ckeditor4',
  ckeditor5: 'ckeditor5/dist',
  tinymce: 'tinymce',
  quill: 'quill/dist',
  '@wangeditor/editor': '@wangeditor/editor/dist',
  jquery: 'jquery/dist',
  // jQuery 1.x, as SiteServer 6 ships it (1.9.1): jquery.form calls $.trim, which jQuery 4 removed
  jquery1: 'jquery1/dist',
  'jquery-form': 'jquery-form/dist',
  plupload: 'plupload/js',
  'crypto-js': 'crypto-js',
};

export const RECORDED_PATHS = ['/api/publish', '/api/draft'] as const;

export interface RecordedPost {
  /** sequence number, 1-based over the server's lifetime (not reset by /__reset) */
  id: number;
  /** '/api/publish' or '/api/draft' */
  path: string;
  /** query string of the request, parsed */
  query: Record<string, string>;
  /** 'form' (x-www-form-urlencoded), 'multipart', 'json', or 'text' (anything else) */
  format: 'form' | 'multipart' | 'json' | 'text';
  contentType: string;
  /** the parsed fields: title, channel, category, disclosure, reviewer, content, ... */
  body: PostBody;
  /** the raw request body as UTF-8 text */
  raw: string;
  /** the request headers that tell how the page posted */
  headers: Pick<RecordedRequest['headers'], 'x-requested-with' | 'sec-fetch-mode' | 'sec-fetch-dest' | 'referer' | 'origin'>;
  at: number;
}

export interface CmsServerOptions {
  /** 0 or undefined: a free port */
  port?: number;
  host?: string;
  /** defaults to <project>/node_modules */
  nodeModulesDir?: string;
  /** log each request to stderr */
  verbose?: boolean;
}

export interface CmsServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string;
  port: number;
  /** live array of recorded POSTs; cleared in place by reset() and POST /__reset */
  posts: RecordedPost[];
  /** clears posts and the request log (POST /__reset does the same) */
  reset(): void;
  /** make the next N publish/draft POSTs answer HTTP 500 {ok:false} (still recorded) */
  failNext(n?: number): void;
  /**
   * Every request that reached an endpoint (anything but static files and /__ control routes:
   * /api/*, the real-CMS fixtures' endpoints under /cms/<cms>/, /sink/**, WebSocket messages on
   * /sink/ws as method 'WS'), decoded. Filter by path (string or RegExp), method, query values, since.
   */
  requests(filter?: RequestFilter): RecordedRequest[];
  /** Resolves with the matching requests once `count` (default 1) arrived; rejects after `timeout` ms. */
  waitForRequests(filter?: RequestFilter, options?: { timeout?: number; count?: number }): Promise<RecordedRequest[]>;
  /** Requests whose path, decoded query or decoded body contain `needle`: `expect(server.carrying(id)).toEqual([])`. */
  carrying(needle: string, filter?: RequestFilter): RecordedRequest[];
  /** The latest request's seq, to pass as `since`. */
  mark(): number;
  /**
   * Serves `body` at `pathname` (GET, recorded like any endpoint): an attachment a test made, linked
   * from a draft as the CMS would serve an uploaded file.
   */
  host(pathname: string, body: Uint8Array, type?: string): void;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  // an ASP.NET WebForms page is served at its own address, where it posts back (SiteServer 6)
  '.aspx': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
};

const MAX_BODY = 20 * 1024 * 1024;

/** Resolve `rel` inside `root`; null when it escapes root (.., absolute, NUL, symlink out). */
async function safeResolve(root: string, rel: string): Promise<string | null> {
  if (rel.includes('\0') || rel.includes('\\')) return null;
  const target = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  if (target !== root && !target.startsWith(root + path.sep)) return null;
  try {
    const [realRoot, realTarget] = await Promise.all([fs.realpath(root), fs.realpath(target)]);
    if (realTarget !== realRoot && !realTarget.startsWith(realRoot + path.sep)) return null;
    const st = await fs.stat(realTarget);
    if (st.isDirectory()) return safeResolve(root, path.posix.join(rel, 'index.html'));
    return st.isFile() ? realTarget : null;
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, cache = 'no-store'): void {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': cache,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Where a successful publish can be read on the portal. */
export const articleUrl = (id: number) => `/articles/${id}`;

function resultPage(ok: boolean, draft: boolean, id: number, back: string): string {
  const msg = ok ? (draft ? '草稿已保存' : '发布成功') : draft ? '保存失败' : '发布失败';
  const article = ok && !draft ? ` · <a href="${articleUrl(id)}" id="article-link">查看发布页面</a>` : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${msg}</title><link rel="stylesheet" href="/cms.css"></head>
<body><div class="result">
<p id="status" class="status ${ok ? 'ok' : 'err'}" data-id="${id}">${msg}</p>
<p>信息编号：${id}</p>
<p><a href="${escapeHtml(back)}">返回</a> · <a href="/">返回列表</a>${article}</p>
</div></body></html>`;
}

/**
 * Server-side includes, as the JSP/SSI templates of real portal CMSs do:
 * `<!--#include file="_fields.html" -->` is replaced by lib/demo/pages/_partials/_fields.html.
 */
async function expandIncludes(html: string): Promise<string> {
  const re = /<!--#include file="([\w.-]+)" -->/g;
  const names = [...new Set([...html.matchAll(re)].map((m) => m[1]!))];
  const parts = new Map<string, string>();
  for (const name of names) {
    const file = await safeResolve(path.join(PAGES_DIR, '_partials'), name);
    parts.set(name, file ? await fs.readFile(file, 'utf8') : `<!-- missing include ${name} -->`);
  }
  return html.replace(re, (_m, name: string) => parts.get(name) ?? '');
}

function sendAnswer(res: ServerResponse, a: EndpointAnswer): void {
  if (a.kind === 'redirect') {
    res.writeHead(302, { location: a.location, 'content-length': 0, 'cache-control': 'no-store' });
    return void res.end();
  }
  if (a.kind === 'json') return sendJson(res, a.status ?? 200, a.value);
  if (a.kind === 'html') return send(res, a.status ?? 200, 'text/html; charset=utf-8', a.html);
  return send(res, a.status ?? 200, 'text/plain; charset=utf-8', a.text);
}

/** The recorded-post view of /api/publish and /api/draft (the demo editor pages' endpoints). */
function toPost(id: number, r: RecordedRequest, raw: Buffer): RecordedPost {
  const { format, body } = parseBody(r.contentType, raw);
  const h = r.headers;
  const headers: RecordedPost['headers'] = {};
  for (const k of ['x-requested-with', 'sec-fetch-mode', 'sec-fetch-dest', 'referer', 'origin'] as const) if (h[k] !== undefined) headers[k] = h[k];
  return { id, path: r.path, query: Object.fromEntries(Object.entries(r.query).map(([k, v]) => [k, Array.isArray(v) ? v[v.length - 1]! : v])), format, contentType: r.contentType, body, raw: raw.toString('utf8'), headers, at: r.at };
}

// longest names first, so '@wangeditor/editor' is matched before a shorter prefix could be
const VENDOR_NAMES = Object.keys(VENDOR_DIRS).sort((a, b) => b.length - a.length);

/** What the demo CMS holds and answers: the pages, the editors' files, the recorded endpoints. */
class DemoCms {
  /** live: cleared in place */
  readonly posts: RecordedPost[] = [];
  readonly log = new RequestLog();
  // Published articles stay online when the recorded posts are reset, as they would on a portal.
  private readonly articles = new Map<number, RecordedPost>();
  private seq = 0;
  failures = 0;
  readonly hosted = new Map<string, { body: Buffer; type: string }>();
  // ids of items saved through the real-CMS fixtures' endpoints: new ones, after the 42–44 the list pages show
  private itemId = 99;
  private readonly nodeModules: string;

  constructor(private readonly options: CmsServerOptions) {
    this.nodeModules = options.nodeModulesDir ?? path.join(PROJECT_ROOT, 'node_modules');
  }

  // editor files never change while the server runs: let the browser cache them (pages stay no-store)
  private async serveFile(res: ServerResponse, file: string, fromPages: boolean, cache?: string): Promise<void> {
    let body: Buffer | string = await fs.readFile(file);
    const ext = path.extname(file).toLowerCase();
    if (fromPages && ext === '.html') body = await expandIncludes(body.toString('utf8'));
    send(res, 200, MIME[ext] ?? 'application/octet-stream', body, cache);
  }

  /** The file a GET for `pathname` serves (vendor editors, the pages), or null: then it is an endpoint. */
  private async staticFile(pathname: string): Promise<{ file: string; fromPages: boolean; cache: string } | null> {
    if (pathname.startsWith('/vendor/')) {
      const rest = pathname.slice('/vendor/'.length);
      const name = VENDOR_NAMES.find((n) => rest.startsWith(n + '/'));
      const file = name ? await safeResolve(path.join(this.nodeModules, VENDOR_DIRS[name]!), rest.slice(name.length + 1)) : null;
      return file ? { file, fromPages: false, cache: 'public, max-age=3600' } : null;
    }
    const rel = pathname === '/' ? 'index.html' : pathname.slice(1);
    const file = await safeResolve(PAGES_DIR, rel);
    // HTML (server-side includes) is never cached; cms.js / cms.css and the rest briefly
    return file ? { file, fromPages: true, cache: /\.(?:html?|aspx)$/i.test(file) ? 'no-store' : 'max-age=60' } : null;
  }

  private async control(pathname: string, method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (pathname === '/__posts' && method === 'GET') return sendJson(res, 200, this.posts);
    if (pathname === '/__requests' && method === 'GET') return sendJson(res, 200, this.log.requests());
    // An article changed on the portal after review (what the post-publication check must notice).
    const edit = /^\/__articles\/(\d+)$/.exec(pathname);
    if (edit && method === 'POST') {
      const post = this.articles.get(Number(edit[1]));
      const added = (await readBody(req)).toString('utf8');
      if (!post) return sendJson(res, 404, { ok: false });
      this.articles.set(post.id, { ...post, body: { ...post.body, content: `${typeof post.body.content === 'string' ? post.body.content : ''}<p>${escapeHtml(added)}</p>` } });
      return sendJson(res, 200, { ok: true });
    }
    if (pathname === '/__reset' && method === 'POST') {
      await readBody(req);
      this.reset();
      return sendJson(res, 200, { ok: true });
    }
    return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  }

  private publishOrDraft(r: RecordedRequest, raw: Buffer, res: ServerResponse): void {
    const id = ++this.seq;
    const post = toPost(id, r, raw);
    this.posts.push(post);
    const ok = this.failures <= 0;
    if (!ok) this.failures--;
    const draft = r.path === '/api/draft';
    if (ok && !draft) this.articles.set(id, post);
    if (r.headers['sec-fetch-mode'] === 'navigate') {
      return send(res, ok ? 200 : 500, 'text/html; charset=utf-8', resultPage(ok, draft, id, r.headers.referer ?? '/'));
    }
    const answer = ok ? { ok: true, id, draft, ...(!draft && { url: articleUrl(id) }) } : { ok: false, id, error: 'server error' };
    return sendJson(res, ok ? 200 : 500, answer);
  }

  /** UEditor 1.4.3 asks `serverUrl?action=config` on start; it evals the answer, comments and all. */
  private async ueditorConfig(url: URL, res: ServerResponse): Promise<void> {
    if (url.searchParams.get('action') === 'config') {
      const file = path.join(this.nodeModules, VENDOR_DIRS.ueditor!, 'nodejs/config.json');
      return send(res, 200, 'application/json; charset=utf-8', await fs.readFile(file));
    }
    return sendJson(res, 200, { state: '上传功能在演示环境中不可用' });
  }

  /** A real-CMS fixture's endpoint answers as that CMS does; a saved item gets its own or a new id. */
  private cmsAnswer(cms: CmsEndpoint, r: RecordedRequest, res: ServerResponse): void {
    const newId = () => ++this.itemId;
    const idOf = (field: string) => {
      const v = Number(r.body[field]);
      return Number.isInteger(v) && v > 0 ? v : newId();
    };
    sendAnswer(res, cms.answer(r, { newId, idOf }));
  }

  private async endpoint(r: RecordedRequest, raw: Buffer, url: URL, res: ServerResponse): Promise<void> {
    const { path: pathname, method } = r;
    if (method === 'POST' && (RECORDED_PATHS as readonly string[]).includes(pathname)) return this.publishOrDraft(r, raw, res);
    if (pathname === '/api/ueditor' && method === 'GET') return this.ueditorConfig(url, res);
    if (isSinkPath(pathname)) return answerSink(url, res, /^authorization:/im.test(r.pageHeaders));
    const cms = findEndpoint(r);
    if (cms) return this.cmsAnswer(cms, r, res);
    if (method !== 'GET' && method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    const file = this.hosted.get(pathname);
    if (file) return send(res, 200, file.type, file.body, 'no-store');
    const article = /^\/articles\/(\d+)$/.exec(pathname);
    if (article || pathname.startsWith('/articles/')) {
      const post = article ? this.articles.get(Number(article[1])) : undefined;
      return send(res, post ? 200 : 404, 'text/html; charset=utf-8', post ? articlePage(post) : notFoundPage());
    }
    if (pathname === '/favicon.ico') {
      res.writeHead(204, { 'cache-control': 'public, max-age=3600' });
      return void res.end();
    }
    return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, 'text/plain; charset=utf-8', 'Bad request');
    }
    const method = req.method ?? 'GET';
    if (this.options.verbose) process.stderr.write(`[cms] ${method} ${req.url}\n`);
    if (pathname.startsWith('/__')) return this.control(pathname, method, req, res);
    const bodyless = method === 'GET' || method === 'HEAD';
    const file = bodyless ? await this.staticFile(pathname) : null;
    if (file) return this.serveFile(res, file.file, file.fromPages, file.cache);
    const raw = bodyless ? Buffer.alloc(0) : await readBody(req);
    const r = this.log.add(decodeRequest({ method, path: pathname, url: req.url ?? '/', query: url.searchParams, headers: req.headers, body: raw }));
    return this.endpoint(r, raw, url, res);
  }

  reset(): void {
    this.posts.length = 0;
    this.failures = 0;
    this.log.reset();
  }
}

export async function startCmsServer(options: CmsServerOptions = {}): Promise<CmsServer> {
  const host = options.host ?? '127.0.0.1';
  const cms = new DemoCms(options);
  const server = createServer((req, res) => {
    cms.handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', String(err));
      else res.destroy();
    });
  });
  const ws = wsSink(cms.log);
  server.on('upgrade', (req, socket, head) => {
    if (!ws.upgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const { log } = cms;
  return {
    url: `http://${host}:${port}`,
    port,
    posts: cms.posts,
    reset: () => cms.reset(),
    failNext(n = 1) {
      cms.failures = n;
    },
    requests: (filter) => log.requests(filter),
    waitForRequests: (filter, opts) => log.waitFor(filter, opts),
    carrying: (needle, filter) => log.carrying(needle, filter),
    mark: () => log.mark(),
    host(pathname, body, type = 'application/octet-stream') {
      cms.hosted.set(pathname, { body: Buffer.from(body), type });
    },
    close() {
      ws.close();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const port = Number(process.argv[2] ?? 8080);
  startCmsServer({ port, verbose: true }).then((s) => {
    process.stdout.write(`模拟内容管理系统: ${s.url}/\n`);
  }, (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  });
}
