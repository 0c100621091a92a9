/**
 * Plain-Chinese names for policy paths, so an administrator reads 「审核人列表第 3 项：PIN 迭代次数…」
 * instead of `reviewers[2].pin.iterations`. Version-1 keys are here too: migration problems use them.
 */
import { ruleTitle } from './rule-ids';

const TOP: Record<string, string> = {
  version: '版本号',
  origins: '适用网址',
  adapters: '站点适配',
  rules: '规则设置',
  allowList: '白名单',
  customWords: '自定义敏感词',
  requiredFields: '必填项',
  catalogue: '信息类别目录',
  importantCategories: '重要信息类别',
  reviewers: '审核人列表',
  gate: '发布拦截',
  signoff: '签发设置',
  audit: '审计设置',
  unit: '单位',
  attachments: '附件设置',
  meta: '策略信息',
  // version 1
  sites: '网站',
  words: '敏感词',
  important: '重要信息类别',
};

/** Same key, different meaning: a reviewer's name is a person's, a category's is a title. */
const IN_CONTEXT: Record<string, string> = {
  'reviewers.name': '姓名',
  'fields.reviewer': '审核人',
  'fields.category': '信息类别',
  // A request rule's `field` (the body field it needs) is not the edit page's id field (`itemId.field`).
  'itemId.field': '编号字段',
  'field.name': '名',
  'field.pattern': '值正则',
};

const NESTED: Record<string, string> = {
  id: '编号',
  name: '名称',
  match: '网址匹配',
  editor: '编辑器',
  kind: '类型',
  framePath: '框架路径',
  selector: '选择器',
  fields: '表单字段',
  title: '标题',
  channel: '栏目',
  disclosure: '公开方式',
  publisher: '发布人',
  attachments: '附件',
  currentUser: '当前用户',
  publishButtons: '发布按钮',
  publishRequests: '发布请求',
  draftRequests: '草稿保存请求',
  listPublish: '列表发布请求',
  withdrawRequests: '撤下请求（取消发布）',
  itemId: '条目编号',
  field: '请求字段',
  draftSaves: '草稿保存',
  method: '请求方法',
  urlPattern: '地址正则',
  phones: '电话',
  emails: '电子邮箱',
  word: '敏感词',
  severity: '严重程度',
  note: '备注',
  enabled: '是否启用',
  overridable: '可否说明理由后放行',
  unit: '单位',
  role: '角色',
  pin: 'PIN',
  algorithm: '算法',
  iterations: '迭代次数',
  salt: '盐值',
  hash: '哈希值',
  validMinutes: '有效时长',
  retentionDays: '保留天数',
  collectorUrl: '汇总地址',
  collectorToken: '汇总令牌',
  maxMB: '大小上限',
  updatedAt: '更新时间',
  updatedBy: '更新人',
  pinHash: 'PIN 哈希值',
  principal: '主要负责人',
};

export const UNITS: Record<string, { zh: string; en: string }> = {
  iterations: { zh: ' 次', en: ' iterations' },
  retentionDays: { zh: ' 天', en: ' days' },
  validMinutes: { zh: ' 分钟', en: ' minutes' },
  maxMB: { zh: ' MB', en: ' MB' },
};

export type Segment = string | number;

/** The list or map a segment belongs to: the nearest named segment before it. */
function parentKey(path: readonly Segment[], i: number): string | undefined {
  for (let j = i - 1; j >= 0; j--) {
    const s = path[j];
    if (typeof s === 'string') return s;
  }
  return undefined;
}

/** Keys of `rules` name an item of a map, so they read like a list index. */
export function isItem(path: readonly Segment[], i: number): boolean {
  const s = path[i];
  return typeof s === 'number' || (i === 1 && path[0] === 'rules');
}

export function segmentLabel(path: readonly Segment[], i: number): string {
  const s = path[i];
  if (typeof s === 'number') return `第 ${s + 1} 项`;
  if (s === undefined) return '';
  if (i === 0) return TOP[s] ?? s;
  if (isItem(path, i)) return `「${ruleTitle(s)?.zh ?? s}」`;
  const parent = parentKey(path, i);
  return IN_CONTEXT[`${parent}.${s}`] ?? NESTED[s] ?? s;
}

/** Joins Chinese phrases, with a space only where Latin text meets Chinese (「PIN 迭代次数」). */
export function joinZh(parts: readonly string[]): string {
  return parts.reduce((acc, part) => {
    if (acc === '' || part === '') return acc + part;
    const latinEdge = /[A-Za-z0-9]$/.test(acc) || /^[A-Za-z0-9]/.test(part);
    return acc + (latinEdge ? ' ' : '') + part;
  }, '');
}
