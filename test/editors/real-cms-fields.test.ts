// @vitest-environment happy-dom
/**
 * Field recognition over the real-CMS fixtures' own markup (lib/demo/pages/cms/**, parsed without
 * running their scripts): title, 栏目, author and the logged-in user are found by name, id, label
 * and nearby text, with no adapter; placeholders are not read as values.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CMS_FIXTURES, CMS_LIST_FIXTURES, TITLE, type CmsFixture, type Step } from '../../lib/demo/cms-fixtures';
import { findAuthorField, findFormFields, readCurrentUser, readField } from '../../lib/editors/form-fields';

const PAGES = join(import.meta.dirname, '../../lib/demo/pages');

function load(path: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(PAGES, path), 'utf8'), 'text/html');
}

/** The fixture's fill steps, as the DOM would hold them afterwards (clicks open pickers: set by hand below). */
function apply(doc: Document, steps: readonly Step[]): void {
  for (const step of steps) {
    if ('fill' in step) (doc.querySelector(step.fill) as HTMLInputElement).value = step.value;
    else if ('select' in step) (doc.querySelector(step.select) as HTMLSelectElement).value = step.value;
    else if ('check' in step) (doc.querySelector(step.check) as HTMLInputElement).checked = true;
  }
}

/** What the 栏目 reads once the fixture's fill steps ran (ThinkCMF's picker writes the name input). */
const CHANNEL_TEXT: Record<string, string> = {
  'phpcms-content-add': '工作动态',
  'dedecms-article-add': '├─工作动态',
  'eyoucms-article-add': '|-- 部门动态',
  'pbootcms-content-add': '┣ 工作动态',
  'thinkcmf-article-add': '工作动态',
  'zblog-edit': '工作动态',
  'emlog-article-write': '工作动态',
  'wordpress-post-new': '工作动态',
  // EmpireCMS keeps the 栏目 as a hidden classid with no name beside it (the name is in the 位置 crumb): its id is read
  'empirecms-addnews': '2',
  'jeecms-content-add': '>通知公告',
  // SSCMS has no 栏目 control: the editor is opened for one 栏目, the breadcrumb's current item
  'sscms-editor': '通知公告',
  // PublicCMS: a hidden categoryId under 分类:, its name in the <label> after it
  'publiccms-content-add': '通知公告',
};

describe.each(CMS_FIXTURES.map((f) => [f.id, f] as const))('%s', (id, fixture: CmsFixture) => {
  const path = fixture.path.replace(/^\/cms\//, 'cms/').replace(/\?.*$/, '');

  it('finds title and 栏目 without an adapter', () => {
    const doc = load(path);
    const found = findFormFields([doc]);
    expect(found.title).toBe(doc.querySelector(fixture.fields.title));
    // no 栏目 on the form (SiteServer): none is taken for one, and the checklist asks for it itself
    expect(found.channel ?? null).toBe(fixture.fields.channel ? doc.querySelector(fixture.fields.channel) : null);
  });

  it('finds the author field (or none where the form has none)', () => {
    const doc = load(path);
    const want = fixture.fields.author ? doc.querySelector(fixture.fields.author) : null;
    expect(findAuthorField([doc])).toBe(want);
  });

  it('reads the logged-in user from the top bar', () => {
    expect(readCurrentUser(load(path))).toBe(fixture.currentUser);
  });

  it('reads the chosen 栏目 and title once filled in', () => {
    const doc = load(path);
    apply(doc, fixture.fill);
    if (id === 'thinkcmf-article-add') (doc.querySelector('#js-categories-name-input') as HTMLInputElement).value = '工作动态';
    const found = findFormFields([doc]);
    expect(readField(found.title!).value).toBe(TITLE);
    if (!fixture.fields.channel) return;
    const channel = readField(found.channel!);
    expect(channel.text.replace(/\u00a0/g, ' ').trim()).toBe(CHANNEL_TEXT[id]);
    expect(channel.value).not.toBe('');
  });
});

describe.each(CMS_LIST_FIXTURES.map((f) => [f.id, f] as const))('%s', (_id, list) => {
  it('reads the logged-in user from the top bar', () => {
    expect(readCurrentUser(load(list.path.replace(/^\/cms\//, 'cms/').replace(/\?.*$/, '')))).toBe(list.currentUser);
  });
});

describe('placeholders are not values', () => {
  it.each([
    ['dedecms-article-add', '请选择栏目...'],
    ['eyoucms-article-add', '请选择栏目…'],
    ['pbootcms-content-add', '请选择内容栏目'],
    ['emlog-article-write', '选择分类...'],
    ['jeecms-content-add', '--请选择--'],
  ])('%s: the untouched 栏目 (%s) reads as empty', (id) => {
    const fixture = CMS_FIXTURES.find((f) => f.id === id)!;
    const doc = load(fixture.path.replace(/^\/cms\//, 'cms/'));
    expect(readField(findFormFields([doc]).channel!)).toEqual({ present: true, value: '', text: '' });
  });

  it('ThinkCMF: the empty category name input (placeholder 请选择分类) reads as empty', () => {
    const doc = load('cms/thinkcmf/article_add.html');
    expect(readField(findFormFields([doc]).channel!)).toEqual({ present: true, value: '', text: '' });
  });

  it('WordPress: no category ticked reads as empty, not as the hidden 0', () => {
    const doc = load('cms/wordpress/wp-admin/post-new.html');
    expect(readField(findFormFields([doc]).channel!)).toEqual({ present: true, value: '', text: '' });
  });
});
