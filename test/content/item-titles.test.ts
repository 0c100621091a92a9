// @vitest-environment happy-dom
/**
 * A refused list-page publish names the items by title: the rows of the real-CMS list pages
 * (lib/demo/pages/cms/**), found by checkbox or by a link naming the id, give the full title.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CMS_LIST_FIXTURES, TITLE } from '../../lib/demo/cms-fixtures';
import { itemTitles, namedItems, titleOfRow } from '../../lib/content/item-titles';

const PAGES = join(import.meta.dirname, '../../lib/demo/pages');
const load = (path: string): Document => new DOMParser().parseFromString(readFileSync(join(PAGES, path.replace(/\?.*$/, '')), 'utf8'), 'text/html');

// A list whose rows the page's script writes (SSCMS) is read in the browser: cms-list-publish.e2e.
const staticLists = CMS_LIST_FIXTURES.filter((f) => !f.rowsByScript);

describe.each(staticLists.map((f) => [f.id, f] as const))('%s', (_id, fixture) => {
  const doc = load(fixture.path);
  it('titles rows 42 and 43 with their full titles; an id not on the page has none', () => {
    const titles = itemTitles([doc], ['42', '43', '999']);
    expect(titles.get('42')).toBe(TITLE);
    expect(titles.get('43')).toBe('县政府常务会议研究部署防汛工作');
    expect(titles.has('999')).toBe(false);
  });
});

const row = (html: string): Element => {
  const doc = new DOMParser().parseFromString(`<table><tr>${html}</tr></table>`, 'text/html');
  return doc.querySelector('tr')!;
};

describe('titleOfRow', () => {
  it.each([
    ['a full title attribute beats a truncated cell', '<td>7</td><td title="全县秋粮收购工作会议召开">全县秋粮收购...</td>', '全县秋粮收购工作会议召开'],
    ['the longest link text, not the action links', '<td><a href="edit?id=7">修改</a></td><td><a href="view?id=7">全县秋粮收购工作会议召开</a></td>', '全县秋粮收购工作会议召开'],
    ['a plain cell when there are no links', '<td>7</td><td>全县秋粮收购工作会议召开</td><td>2024-06-03 09:12</td>', '全县秋粮收购工作会议召开'],
    ['dates, ids and switches are not titles', '<td>7</td><td>2024-06-03 09:12:40</td><td><a href="#">○ 点击开启</a></td><td title="ID:7">x</td>', null],
  ])('%s', (_what, html, want) => {
    expect(titleOfRow(row(html), '7')).toBe(want);
  });

  it('names an item by title and id where known, by id elsewhere', () => {
    const doc = new DOMParser().parseFromString('<ul><li><input type="checkbox" value="8"><a href="a?aid=8">乡村振兴项目资金公示</a></li></ul>', 'text/html');
    expect(namedItems([doc], ['8', '9'])).toEqual(['乡村振兴项目资金公示 (ID 8)', '9']);
  });

  it('a link naming another id (id=80 for 8) is not the row', () => {
    const doc = new DOMParser().parseFromString('<table><tr><td><a href="edit?id=80">另一篇文章的标题</a></td></tr></table>', 'text/html');
    expect(itemTitles([doc], ['8']).size).toBe(0);
  });
});
