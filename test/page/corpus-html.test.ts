/**
 * The development corpus published as portal pages (test/page/portal-page.ts): read by the one HTML
 * extractor, each page gives the block and warn findings its text version gives — tables, nested
 * tables, <br> lines, cells holding only a <span> or a Word <p>, and the site's chrome around it all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locationAt } from '../../lib/page/block-text';
import { extractHtml, pageText } from '../../lib/page/extract-html';
import { scan } from '../../lib/scan/engine';
import type { Finding } from '../../lib/scan/types';
import { rules } from '../../rules';
import { bareTablePage, portalPage, TABLE_STYLES } from './portal-page';

const DIR = new URL('../fixtures/corpus-dev/', import.meta.url);
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/**
 * What must agree: each warn or block finding's rule, severity and masked value, in text order. A
 * page shows runs of spaces as one, and so does the excerpt of a marking read from it.
 */
const loud = (findings: readonly Finding[]) =>
  findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId} ${f.severity} ${f.excerpt.replace(/\s+/g, ' ')}`);

describe('the development corpus as portal pages', () => {
  it('has drafts to wrap', () => expect(files.length).toBeGreaterThan(20));

  describe.each(TABLE_STYLES)('tables as %s', (style) => {
    it.each(files)('%s gives the findings of its text version', (file) => {
      const text = readFileSync(new URL(file, DIR), 'utf8');
      const page = pageText(extractHtml(portalPage(text, style), `https://www.pingluo.gov.cn/zwgk/${file}.html`));
      expect(loud(scan(page.text, { rules }))).toEqual(loud(scan(text, { rules })));
      for (const chrome of ['热点信息', '政府信息公开指南', '网站标识码', '首页', '网站地图']) expect(page.text).not.toContain(chrome);
    });
  });

  it('names the table cell of each finding in a table', () => {
    const text = readFileSync(new URL('subsidy-payout-1.txt', DIR), 'utf8');
    const page = extractHtml(portalPage(text, 'thead'));
    const places = scan(page.text, { rules })
      .filter((f) => f.kind === 'cn-id' || f.kind === 'bank-card')
      .map((f) => locationAt(page.segments, f.start)?.text);
    expect(places.slice(0, 2)).toEqual(['表格第 2 行「身份证号码」', '表格第 2 行「银行卡号」']);
  });
});

describe('a page whose only content is a table', () => {
  const rows = [
    ['序号', '姓名', '身份证号', '联系电话'],
    ['1', '张三', '11010519491231002X', '13912345678'],
    ['2', '李四', '640221********1234', '139****5678'],
  ];

  it('is read whole, as its rows would be as text', () => {
    const page = extractHtml(bareTablePage(rows));
    expect(page.text).toBe(rows.map((r) => r.join('\t')).join('\n'));
    const findings = scan(page.text, { rules });
    expect(findings.map((f) => [f.kind, f.severity, locationAt(page.segments, f.start)?.text])).toEqual([
      ['cn-id', 'block', '表格第 2 行「身份证号」'],
      ['phone', 'block', '表格第 2 行「联系电话」'],
    ]);
  });
});
