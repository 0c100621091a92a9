/**
 * The words real CMS forms use for the fields the checklist reads: control names/ids, Chinese labels,
 * and what a "nothing chosen yet" placeholder looks like. Data and small pure functions only; the
 * table test (test/editors/field-vocabulary.test.ts) and the fixture test (real-cms-fields.test.ts)
 * hold the cases.
 */
import type { FieldName } from '../signoff/types';

/** The fields recognised on a CMS form: the checklist's fields plus the author. */
export type KnownField = FieldName | 'author';

/**
 * Names and ids, compared after taking the last segment (`doc.title`, `info[gkfs]`, `post[post_title]`)
 * and dropping `_`/`-` and case. Pinyin ones are what domestic CMSs (TRS, 大汉, 拓尔思, 开普) use;
 * the 栏目 names are those of PHPCMS (catid), DedeCMS / EyouCMS (typeid), PbootCMS (scode), Z-Blog
 * (CateID), emlog (sort), Empire (classid), JEECMS (channelId), WordPress (post_category[]) ….
 */
export const NAMES: Readonly<Record<KnownField, ReadonlySet<string>>> = {
  title: new Set(['title', 'biaoti', 'doctitle', 'articletitle', 'infotitle', 'newstitle', 'posttitle', 'subject', 'bt', 'xxbt']),
  channel: new Set([
    'channel', 'channelid', 'channelname', 'chnlid', 'chnl', 'lanmu', 'lanmuid', 'lmid', 'column', 'columnid', 'colid',
    'catid', 'cateid', 'typeid', 'classid', 'nodeid', 'scode', 'sort', 'sortid', 'class1', 'postcategory',
  ]),
  category: new Set([
    'category', 'categoryid', 'infocategory', 'infocategoryid', 'infotype', 'infoclass', 'xxlb', 'xxfl', 'ztfl', 'themecategory', 'subjectcategory',
  ]),
  disclosure: new Set(['disclosure', 'gkfs', 'gksx', 'gklx', 'gkxs', 'publictype', 'publicmode', 'opentype', 'openmode', 'openproperty', 'publicity']),
  reviewer: new Set(['reviewer', 'reviewerid', 'reviewername', 'auditor', 'auditorname', 'auditer', 'shenheren', 'shr', 'shenhe', 'checker', 'verifier', 'approver']),
  author: new Set(['author', 'authorid', 'authorname', 'writer', 'zuozhe', 'zz', 'postauthor', 'articleauthor', 'newsauthor']),
};

/** Labels after normaliseLabel (spaces — full-width too —, `*` and colons gone). */
export const LABELS: Readonly<Record<KnownField, RegExp>> = {
  title: /^(信息|文章|稿件|新闻|文档|内容)?标题$/,
  channel: /^(?:(所属|发布|内容|文章主|文章|主|信息所属)?栏目(名称|分类)?|(选择|所属|文章)?分类(目录)?|类目)$/,
  category: /^(所属)?(信息类别|主题分类|信息分类|类别|信息类型)$/,
  disclosure: /^(信息)?(公开方式|公开属性|公开类型|公开形式)$/,
  reviewer: /^(审核人|审核负责人|审稿人)(姓名)?$/,
  author: /^(文章|信息|稿件)?(作者|撰稿人|撰稿|供稿人)(姓名)?$/,
};

/** `info[title]` → `title`, `post[post_title]` → `posttitle`, `post_category[]` → `postcategory`. */
export function nameKey(raw: string): string {
  const last = raw.split(/[.[\]]/).filter(Boolean).pop() ?? '';
  return last.replace(/[_-]/g, '').toLowerCase();
}

export function nameMatches(field: KnownField, nameOrId: string): boolean {
  return NAMES[field].has(nameKey(nameOrId));
}

/** What a select's "nothing chosen" option says: 请选择…, --请选择栏目--, 选择分类..., 全部, 无. */
const PLACEHOLDER_TEXT = /^[\s\-—=─·.…]*(请选择|请先选择|选择|请输入|未选择)|^(全部|不限|无)[\s\-—=─·.…]*$|^[\s\-—=─·.…|]*$/;
/** Values CMSs give the "nothing chosen" option (DedeCMS/EyouCMS 0, emlog -1). */
const PLACEHOLDER_VALUES = new Set(['', '0', '-1']);

/** Is this select option a placeholder rather than a choice? */
export function isPlaceholderOption(value: string, text: string): boolean {
  const v = value.trim();
  const t = text.trim();
  if (PLACEHOLDER_TEXT.test(t)) return true;
  return v === '' && t === '';
}

/** Is this input's value the CMS's "none" (an empty hidden 栏目 id, 0, -1)? */
export function isPlaceholderValue(value: string): boolean {
  return PLACEHOLDER_VALUES.has(value.trim());
}
