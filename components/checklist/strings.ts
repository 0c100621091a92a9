/**
 * The checklist's own sentences, one table per language (same keys): a Chinese browser sees only
 * Chinese, an English one only English. Words shared with other screens (发布, 签发, 审核人 …) come
 * from the terms table (lib/i18n/terms.ts).
 */
import { translator } from '../../lib/i18n/translator';

const zh = {
  nothing_to_fix: '未发现需处理的敏感信息',
  notes: (n: number) => `另有 ${n} 项提示，不影响发布`,
  badge_fix: '必须修改',
  badge_check: '需核实',
  badge_overridden: '已豁免',
  override_by: (reason: string, who: string, at: string) => `理由：${reason} ｜ 审核人：${who} ｜ ${at}`,
  section_done: '已完成',
  section_open: (n: number) => `${n} 项未完成`,
  confirm_accuracy: '内容准确',
  confirm_completeness: '内容完整',
  confirm_timeliness: '内容时效',
  confirm_secrecy: '保密审查：不涉及国家秘密、商业秘密、个人隐私',
  other_unit: '涉及其他单位',
  other_unit_name: '其他单位名称',
  other_unit_confirmed: '该单位已确认',
  important: '重要信息（需主要负责人签发）',
  important_by_category: '本信息类别属于重要信息',
  choose: '请选择…',
  own_field_note: '本页面没有此栏，由预检记录',
  not_filled: '（未填写）',
  override_reason: '豁免理由（如：本人同意公开的联系电话）',
  override_reason_label: '豁免理由',
  editor_cannot_review: '编辑本人不能审核',
  self_suffix: ' - 编辑本人',
  signed: (role: string, name: string) => `${role} ${name} 已签发`,
  not_self: (editor: string) => `审核人不能与编辑${editor ? `（${editor}）` : ''}为同一人`,
  pin_label: (who: string) => `${who}的 PIN`,
  roster_entry: (name: string, unit: string) => `${name}（${unit}）`,
  mask_preview: (masked: string) => `打码后：${masked}`,
  masked: (n: number) => `已将 ${n} 项打码`,
  show_items: (n: number) => `查看 ${n} 项`,
};

const en: typeof zh = {
  nothing_to_fix: 'Nothing to fix',
  notes: (n: number) => `${n} note${n === 1 ? '' : 's'} that do not stop publishing`,
  badge_fix: 'Must change',
  badge_check: 'Check',
  badge_overridden: 'Overridden',
  override_by: (reason: string, who: string, at: string) => `Reason: ${reason} | Reviewer: ${who} | ${at}`,
  section_done: 'Done',
  section_open: (n: number) => `${n} open`,
  confirm_accuracy: 'Accurate',
  confirm_completeness: 'Complete',
  confirm_timeliness: 'Timely',
  confirm_secrecy: 'Secrecy review: no state or trade secrets, no personal privacy',
  other_unit: 'Concerns another unit',
  other_unit_name: 'Name of the other unit',
  other_unit_confirmed: 'That unit has confirmed',
  important: 'Important item (the unit head signs too)',
  important_by_category: 'important by its category',
  choose: 'Choose…',
  own_field_note: 'Not on this page: Precheck records it',
  not_filled: '(not filled in)',
  override_reason: 'Reason for the override (e.g. a phone number the person agreed to publish)',
  override_reason_label: 'Reason for the override',
  editor_cannot_review: 'The editor cannot review',
  self_suffix: ' - the editor',
  signed: (role: string, name: string) => `${role} ${name} signed off`,
  not_self: (editor: string) => `The reviewer cannot be the editor${editor ? ` (${editor})` : ''}`,
  pin_label: (who: string) => `${who}'s PIN`,
  roster_entry: (name: string, unit: string) => `${name} (${unit})`,
  mask_preview: (masked: string) => `Masked: ${masked}`,
  masked: (n: number) => `${n} item${n === 1 ? '' : 's'} masked`,
  show_items: (n: number) => `Show ${n} items`,
};

export const CHECKLIST_STRINGS = { zh, en };
export const t = translator(CHECKLIST_STRINGS);
