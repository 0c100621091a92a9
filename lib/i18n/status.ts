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
  reason_scan_failed: (error: string) => `检查未能完成，发布已阻止（${error}）`,
  reason_block: (n: number) => `有 ${n} 项必须处理的敏感信息`,
  reason_warn: (n: number) => `有 ${n} 项需要核实的内容`,
  reason_hidden: (n: number) => `编辑器将提交的内容中另有 ${n} 项界面上看不到的敏感信息（如隐藏元素或源码中的注释）`,
  reason_signoff: '发布前须经审核人签发（保密审查）',
  refusals: '已阻止的请求',
  this_page: '（本页）',
  mask_changed: '草稿刚刚有改动，请稍候再试',
  mask_unsupported: '此编辑器不支持自动打码，请逐项修改',
  mask_failed: (detail: string) => `打码未成功（${detail}），草稿未改动`,
  mask_undo_edited: '打码后正文又有改动，撤销会丢掉这些改动，因此未撤销；请逐项恢复',
};

const en: typeof zh = {
  status_open: (n: number) => `${n} item${n === 1 ? '' : 's'} still open`,
  status_findings_open: (n: number) => `${n} finding${n === 1 ? '' : 's'} to handle`,
  group_column: (n: number) => ` column: ${n} item${n === 1 ? '' : 's'}`,
  group_column_unnamed: (column: number, n: number) => `Column ${column}: ${n}`,
  group_count: (n: number) => `${n} item${n === 1 ? '' : 's'}`,
  reason_scan_failed: (error: string) => `The check could not finish, so publishing is blocked (${error})`,
  reason_block: (n: number) => `${n} finding${n === 1 ? '' : 's'} must be fixed`,
  reason_warn: (n: number) => `${n} finding${n === 1 ? '' : 's'} to check`,
  reason_hidden: (n: number) => `${n} more in what the editor will submit that the page does not show (hidden elements, comments in the source)`,
  reason_signoff: "Needs the reviewer's sign-off before publishing (secrecy review)",
  refusals: 'Requests stopped',
  this_page: '(this page)',
  mask_changed: 'The draft just changed: try again in a moment',
  mask_unsupported: 'This editor cannot be masked automatically: change the items one by one',
  mask_failed: (detail: string) => `Masking did not work (${detail}); the draft is unchanged`,
  mask_undo_edited: 'The text was changed after masking; undoing would lose those changes, so nothing was undone: restore the items one by one',
};

export const STATUS_STRINGS = { zh, en };
export const statusText = translator(STATUS_STRINGS);
