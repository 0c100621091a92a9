/**
 * The sentences of a draft's one status, shared by every surface that reports it (the in-page panel,
 * the checklist and the popup): the same counts in the same words, so they can never read differently.
 */
import { translator } from './translator';

const zh = {
  status_open: (n: number) => `尚有 ${n} 项未完成`,
  status_findings_open: (n: number) => `${n} 项敏感信息待处理`,
  /** A column of a table in the draft: the header is the page's own text, shown before this. */
  group_column: (n: number) => ` 列：${n} 项`,
  group_column_unnamed: (column: number, n: number) => `第 ${column} 列：${n} 项`,
  group_count: (n: number) => `${n} 项`,
  mask_changed: '草稿刚刚有改动，请稍候再试',
  mask_unsupported: '此编辑器不支持自动打码，请逐项修改',
  mask_failed: (detail: string) => `打码未成功（${detail}），草稿未改动`,
};

const en: typeof zh = {
  status_open: (n: number) => `${n} item${n === 1 ? '' : 's'} still open`,
  status_findings_open: (n: number) => `${n} finding${n === 1 ? '' : 's'} to handle`,
  group_column: (n: number) => ` column: ${n} item${n === 1 ? '' : 's'}`,
  group_column_unnamed: (column: number, n: number) => `Column ${column}: ${n}`,
  group_count: (n: number) => `${n} item${n === 1 ? '' : 's'}`,
  mask_changed: 'The draft just changed: try again in a moment',
  mask_unsupported: 'This editor cannot be masked automatically: change the items one by one',
  mask_failed: (detail: string) => `Masking did not work (${detail}); the draft is unchanged`,
};

export const STATUS_STRINGS = { zh, en };
export const statusText = translator(STATUS_STRINGS);
