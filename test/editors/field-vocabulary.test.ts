import { describe, expect, it } from 'vitest';
import { LABELS, isPlaceholderOption, isPlaceholderValue, nameKey, nameMatches, type KnownField } from '../../lib/editors/field-vocabulary';

describe('nameKey / nameMatches', () => {
  it.each([
    ['info[title]', 'title'],
    ['post[post_title]', 'posttitle'],
    ['post_category[]', 'postcategory'],
    ['CateID', 'cateid'],
    ['doc.title', 'title'],
  ])('%s → %s', (raw, key) => expect(nameKey(raw)).toBe(key));

  it.each<[KnownField, string, boolean]>([
    ['channel', 'info[catid]', true],
    ['channel', 'typeid', true],
    ['channel', 'scode', true],
    ['channel', 'classid', true],
    ['channel', 'columnid', true],
    ['channel', 'channelId', true],
    ['channel', 'nodeid', true],
    ['channel', 'cateid', true],
    ['channel', 'sort', true],
    ['channel', 'CateID', true],
    ['channel', 'sorting[]', false],
    ['channel', 'sortup', false],
    ['category', 'catid', false],
    ['author', 'writer', true],
    ['author', 'AuthorID', true],
    ['author', 'info[author]', true],
    ['title', 'shorttitle', false],
  ])('%s ← %s: %s', (field, name, want) => expect(nameMatches(field, name)).toBe(want));
});

describe('LABELS (after normaliseLabel)', () => {
  it.each<[KnownField, string, boolean]>([
    ['channel', '栏目', true],
    ['channel', '所属栏目', true],
    ['channel', '内容栏目', true],
    ['channel', '文章主栏目', true],
    ['channel', '栏目分类', true],
    ['channel', '选择分类', true],
    ['channel', '分类', true],
    ['channel', '分类目录', true],
    ['channel', '文章副栏目', false],
    ['channel', '主题分类', false],
    ['title', '内容标题', true],
    ['title', '文档标题', true],
    ['title', '简略标题', false],
    ['author', '作者', true],
    ['author', '撰稿人', true],
    ['author', '作者笔名', false],
  ])('%s / %s: %s', (field, label, want) => expect(LABELS[field].test(label)).toBe(want));
});

describe('placeholders', () => {
  it.each([
    ['', '--请选择栏目--', true],
    ['0', '请选择栏目...', true],
    ['0', '请选择栏目…', true],
    ['', '请选择内容栏目', true],
    ['-1', '选择分类...', true],
    ['', '全部栏目', false],
    ['', '全部', true],
    ['', '——', true],
    ['', '', true],
    ['0', '未分类', false],
    ['2', '工作动态', false],
    ['4', '┣ 工作动态', false],
    ['0', '开放浏览', false],
  ])('option %j %j → %s', (value, text, want) => expect(isPlaceholderOption(value, text)).toBe(want));

  it.each([
    ['', true],
    ['0', true],
    ['-1', true],
    ['6', false],
    ['工作动态', false],
  ])('input value %j → %s', (value, want) => expect(isPlaceholderValue(value)).toBe(want));
});
