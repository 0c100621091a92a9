// @vitest-environment happy-dom
/**
 * The ticked rows of a list page are item ids; the ticked options of an edit form are not (EmpireCMS's
 * AddNews has 审核 `checked=1` and 关键字替换 `dokey=1` ticked inside its table rows).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tickedItemIds } from '../../lib/content/ticked-rows';

const PAGES = join(import.meta.dirname, '../../lib/demo/pages');
const load = (path: string) => new DOMParser().parseFromString(readFileSync(join(PAGES, path), 'utf8'), 'text/html');

function tick(doc: Document, selector: string): Document {
  for (const box of doc.querySelectorAll<HTMLInputElement>(selector)) box.checked = true;
  return doc;
}

describe('tickedItemIds', () => {
  it('EmpireCMS AddNews: the ticked 审核 and 关键字替换 options are no items', () => {
    const doc = load('cms/empirecms/e/admin/AddNews.html');
    expect(doc.querySelectorAll('input[type="checkbox"]:checked').length).toBeGreaterThanOrEqual(2);
    expect(tickedItemIds([doc])).toEqual([]);
  });

  it.each([
    ['cms/empirecms/e/admin/ListNews.html', 'input[name="id[]"][value="42"], input[name="id[]"][value="43"]'],
    ['cms/jeecms/jeeadmin/jeecms/content/list.html', 'input[name="ids"][value="42"], input[name="ids"][value="43"]'],
    ['cms/phpcms/content_list.html', 'input[name="ids[]"][value="42"], input[name="ids[]"][value="43"]'],
    ['cms/dedecms/dede/content_list.html', 'input[name="arcID"][value="42"], input[name="arcID"][value="43"]'],
  ])('%s: the ticked rows are the items', (path, rows) => {
    expect(tickedItemIds([tick(load(path), rows)])).toEqual(['42', '43']);
  });

  it('a list whose row boxes have a name no CMS gives ids still counts (several rows share it)', () => {
    const doc = new DOMParser().parseFromString(
      '<table><tr><td><input type="checkbox" name="sel" value="7" checked></td></tr><tr><td><input type="checkbox" name="sel" value="8"></td></tr></table>',
      'text/html',
    );
    expect(tickedItemIds([doc])).toEqual(['7']);
  });
});
