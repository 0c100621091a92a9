// @vitest-environment happy-dom
/**
 * The popup's page reader: Readability's main content of a published portal page, with a line per
 * block and a tab per table cell, never the site's navigation, sidebar or footer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blockText, extractMain } from '../../lib/page/extract-main';
import { scan } from '../../lib/scan/engine';
import { rules } from '../../rules';

const PUBLISHED = join(import.meta.dirname, '../../lib/demo/pages/published');

function load(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

// Without the stylesheet link: happy-dom would try to fetch it and log that it may not.
const page = (name: string) => load(readFileSync(join(PUBLISHED, name), 'utf8').replace(/<link [^>]*>/g, ''));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('extractMain on the published demo pages', () => {
  it('reads the 公示 article without the portal chrome, the leaked ID on its own table row', () => {
    const { title, text } = extractMain(page('leak.html'));
    expect(title).toContain('城乡居民最低生活保障新增对象的公示');
    expect(text).toContain('拟将以下家庭纳入城乡居民最低生活保障范围');
    expect(text.split('\n')).toContain('2\t李某某\t黄渠桥镇\t11010519491231002X\t2\t二类');
    for (const chrome of ['热点信息', '政府信息公开指南', '网站地图', '主办', '无障碍浏览']) expect(text).not.toContain(chrome);
    const findings = scan(`${title}\n${text}`, { rules });
    expect(findings.map((f) => [f.kind, f.severity, f.excerpt])).toEqual([['cn-id', 'block', '110*************2X']]);
  });

  it('reads the clean 通知 article, in which nothing is found', () => {
    const { title, text } = extractMain(page('clean.html'));
    expect(title).toContain('关于做好2024年汛期安全防范工作的通知');
    expect(text).toContain('压实防汛责任');
    expect(text).not.toContain('热点信息');
    expect(scan(`${title}\n${text}`, { rules })).toEqual([]);
  });

  it('leaves the live document as it was (Readability reads a clone)', () => {
    const doc = page('leak.html');
    const before = doc.documentElement.outerHTML;
    extractMain(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('extractMain fallback', () => {
  it('takes the whole body when Readability finds no article, without scripts, navigation and footer', () => {
    vi.spyOn(Readability.prototype, 'parse').mockReturnValue(null);
    const doc = load(
      '<title>表单</title><body><nav>导航</nav><div id="topmenu">首页</div><form><label>身份证号 11010519491231002X</label></form>' +
        '<div class="foot">监督电话 0952-6995536</div><footer>版权所有</footer><script>var x = 1;</script></body>',
    );
    const { title, text } = extractMain(doc);
    expect(title).toBe('表单');
    expect(text).toBe('身份证号 11010519491231002X');
  });

  it('takes the whole body when Readability throws', () => {
    vi.spyOn(Readability.prototype, 'parse').mockImplementation(() => {
      throw new Error('boom');
    });
    expect(extractMain(load('<title>T</title><p>正文</p>')).text).toContain('正文');
  });
});

describe('blockText', () => {
  const text = (html: string) => blockText(load(html).body);

  it('breaks lines between blocks, so digits of two paragraphs never join into one number', () => {
    expect(text('<p>编号1234</p><p>5678号</p>')).toBe('编号1234\n5678号');
    expect(text('<div>a<br>b</div><ul><li>c</li><li>d</li></ul><h2>e</h2>')).toBe('a\nb\nc\nd\ne');
  });

  it('separates table cells with tabs and rows with lines', () => {
    expect(text('<table><tr><th>姓名</th><th>号码</th></tr><tr><td>王某</td><td>640221********1234</td></tr></table>')).toBe(
      '姓名\t号码\n王某\t640221********1234',
    );
  });

  it('collapses source whitespace but keeps <pre>, and skips scripts and styles', () => {
    expect(text('<p>  一段\n   文字  </p><pre>a  b\nc</pre><script>x()</script><style>p{}</style>')).toBe('一段 文字\na  b\nc');
  });
});
