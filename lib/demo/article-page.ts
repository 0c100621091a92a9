/**
 * The mock portal's article page (/articles/<id>): what a publish through the mock CMS looks like
 * once it is online, wrapped in the site's header, navigation, sidebar and footer as county portals
 * are, so a reader (the popup's 「扫描此页面」, Readability) has to pick the article out of the chrome.
 * The static pages in pages/published/ use the same markup.
 */
import type { RecordedPost } from './server.ts';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const field = (post: RecordedPost, name: string): string => {
  const v = post.body[name];
  return typeof v === 'string' ? v : '';
};

const two = (n: number) => String(n).padStart(2, '0');

/** 2024-06-03 09:30, in the server's local time, as portals print it. */
function publishedAt(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

const CHROME_TOP = `<header class="portal-top">
  <span class="search"><a href="/">站内搜索</a> ｜ <a href="/">无障碍浏览</a> ｜ <a href="/">长者模式</a></span>
  <div class="site">示例县人民政府</div>
</header>
<nav class="portal-nav">
  <a href="/">首页</a><a href="/">走进示例县</a><a href="/">政务公开</a><a href="/">政务服务</a><a href="/">互动交流</a><a href="/">专题专栏</a>
</nav>`;

const SIDEBAR = `<aside class="side">
  <section><h2>政府信息公开</h2><ul>
    <li><a href="/">政府信息公开指南</a></li><li><a href="/">政府信息公开制度</a></li>
    <li><a href="/">法定主动公开内容</a></li><li><a href="/">政府信息公开年报</a></li>
  </ul></section>
  <section><h2>热点信息</h2><ul>
    <li><a href="/">县政府常务会议研究部署近期重点工作</a></li><li><a href="/">全县春季农业生产工作会议召开</a></li>
    <li><a href="/">县城区道路改造工程有序推进</a></li><li><a href="/">乡村振兴示范村建设现场观摩活动举行</a></li>
  </ul></section>
</aside>`;

const FOOTER = `<footer class="portal-foot">
  <p><a href="/">网站地图</a> ｜ <a href="/">联系我们</a> ｜ <a href="/">隐私声明</a> ｜ <a href="/">网站纠错</a></p>
  <p>主办：示例县人民政府办公室\u3000承办：示例县大数据服务中心</p>
</footer>`;

/** A whole portal page around `main` (already HTML). */
export function portalPage(title: string, crumbs: string, main: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)} - 示例县人民政府</title>
<link rel="stylesheet" href="/published/portal.css"></head>
<body>
${CHROME_TOP}
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; ${crumbs}</div>
<div class="wrap">
${main}
${SIDEBAR}
</div>
${FOOTER}
</body></html>`;
}

/**
 * A recorded publish as its article page. The posted `content` goes in as HTML, unescaped: it is the
 * editor's HTML, and publishing it as it is is exactly what a CMS does (and what a leak looks like).
 */
export function articlePage(post: RecordedPost): string {
  const title = field(post, 'title') || '（无标题）';
  const channel = field(post, 'channel') || '政务公开';
  const category = field(post, 'category');
  const meta = [`发布日期：${publishedAt(post.at)}`, '来源：示例县人民政府办公室', ...(category ? [`信息类别：${escapeHtml(category)}`] : [])];
  const main = `<article class="article" data-article-id="${post.id}">
  <h1>${escapeHtml(title)}</h1>
  <div class="meta">${meta.join('\u3000')}</div>
  <div class="content" id="article-content">
${field(post, 'content')}
  </div>
</article>`;
  return portalPage(title, `<a href="/">${escapeHtml(channel)}</a>`, main);
}

export function notFoundPage(): string {
  return portalPage('页面不存在', '页面不存在', `<article class="article"><h1>页面不存在</h1><p>您访问的信息不存在或已被撤下。</p><p><a href="/">返回首页</a></p></article>`);
}
