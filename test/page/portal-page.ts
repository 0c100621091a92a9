/**
 * Our own wrapper that publishes a text draft the way county portals do: the site's header,
 * navigation, sidebar and footer around an article whose paragraphs are <p>, whose tab-separated
 * rows are a <table>, and whose other lines are <br>-separated. `style` varies the markup the way
 * CMSs and Word pastes do: <thead>/<th> headers, cells holding only a <span> or a Word <p>, a data
 * table nested in a layout table, &nbsp; padding.
 */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export type TableStyle = 'thead' | 'span-cells' | 'nested' | 'word-cells';
export const TABLE_STYLES: readonly TableStyle[] = ['thead', 'span-cells', 'nested', 'word-cells'];

function cell(text: string, style: TableStyle, tag: 'td' | 'th'): string {
  const t = esc(text);
  if (style === 'span-cells') return `<${tag}><span>${t}</span></${tag}>`;
  if (style === 'word-cells') return `<${tag} width="120" valign="top">\n  <p class="MsoNormal" align="center"><span style="font-family:宋体">${t}&nbsp;</span></p>\n</${tag}>`;
  return `<${tag}>${t}</${tag}>`;
}

function table(rows: string[][], style: TableStyle): string {
  const [head, ...body] = rows;
  const tr = (cells: string[], tag: 'td' | 'th') => `<tr>${cells.map((c) => cell(c, style, tag)).join('')}</tr>`;
  const inner =
    style === 'thead'
      ? `<table class="data"><thead>${tr(head!, 'th')}</thead><tbody>${body.map((r) => tr(r, 'td')).join('\n')}</tbody></table>`
      : `<table border="1" cellspacing="0">${[head!, ...body].map((r) => tr(r, 'td')).join('\n')}</table>`;
  return style === 'nested' ? `<table width="100%"><tr><td align="center">${inner}</td></tr></table>` : inner;
}

/** The article: paragraphs, <br>-separated line groups and tables, from the draft's lines. */
function article(lines: string[], style: TableStyle): string {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.trim() === '') {
      i++;
      continue;
    }
    if (lines[i]!.includes('\t')) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i]!.includes('\t')) rows.push(lines[i++]!.split('\t'));
      out.push(table(rows, style));
      continue;
    }
    const group: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && !lines[i]!.includes('\t')) group.push(lines[i++]!);
    // Short groups become <br>-separated lines of one paragraph; longer ones a <p> each.
    out.push(group.length <= 3 ? `<p>${group.map(esc).join('<br>\n')}</p>` : group.map((l) => `<p style="text-indent:2em">${esc(l)}</p>`).join('\n'));
  }
  return out.join('\n');
}

const CHROME_HEADER = `<header class="top"><div class="logo"><img src="logo.png" alt="平罗县人民政府">平罗县人民政府</div>
<nav id="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></nav>
<div class="search"><form><input name="q"><button>搜索</button></form></div></header>`;
const CHROME_SIDE = `<aside class="sidebar"><h3>热点信息</h3><ul><li><a href="/a/1.html">我县召开安全生产工作会议</a></li>
<li><a href="/a/2.html">平罗县2025年政府信息公开工作要点</a></li><li><a href="/a/3.html">关于开展夏季防汛工作的通知</a></li></ul>
<h3>政府信息公开</h3><ul><li><a href="/xxgk/zn.html">政府信息公开指南</a></li><li><a href="/xxgk/nb.html">政府信息公开年报</a></li></ul></aside>`;
const CHROME_FOOTER = `<footer class="foot"><p><a href="/sitemap.html">网站地图</a> | <a href="/lxwm.html">联系我们</a></p>
<p>主办：平罗县人民政府办公室\u3000地址：平罗县城关镇鼓楼南街1号\u3000联系电话：0952-6012345</p>
<p>网站标识码：6402210001\u3000宁ICP备05001234号\u3000政务服务便民热线：12345</p></footer>`;

/** The draft `text` as a published portal page. */
export function portalPage(text: string, style: TableStyle): string {
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  const title = lines[first] ?? '';
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)} - 平罗县人民政府</title>
<style>.data td{border:1px solid #ccc}</style><script>var _hmt = _hmt || [];</script></head>
<body>${CHROME_HEADER}
<div class="main"><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 通知公告</div>
<div class="content"><article><h1>${esc(title)}</h1>
<div class="info">发布时间：2025-06-01\u3000来源：平罗县人民政府办公室\u3000【字体：<a>大</a> <a>中</a> <a>小</a>】</div>
<div class="article-body">
${article(lines.slice(first + 1), style)}
</div></article></div>${CHROME_SIDE}</div>
${CHROME_FOOTER}</body></html>`;
}

/** A page whose only content is a table: no article around it, no title line. */
export function bareTablePage(rows: string[][]): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>名单</title></head><body>${table(rows, 'thead')}</body></html>`;
}
