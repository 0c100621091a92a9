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
};

const en: typeof zh = {
  status_open: (n: number) => `${n} item${n === 1 ? '' : 's'} still open`,
  status_findings_open: (n: number) => `${n} finding${n === 1 ? '' : 's'} to handle`,
  group_column: (n: number) => ` column: ${n} item${n === 1 ? '' : 's'}`,
  group_column_unnamed: (column: number, n: number) => `Column ${column}: ${n}`,
  group_count: (n: number) => `${n} item${n === 1 ? '' : 's'}`,
};

export const STATUS_STRINGS = { zh, en };
export const statusText = translator(STATUS_STRINGS);
