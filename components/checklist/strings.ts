/**
 * The checklist's own sentences, one table per language (same keys): a Chinese browser sees only
 * Chinese, an English one only English. Words shared with other screens (发布, 签发, 审核人 …) come
 * from the terms table (lib/i18n/terms.ts).
 */
import { translator } from '../../lib/i18n/translator';

/** Why a file was not checked (lib/signoff/file-reasons.ts), in the reviewer's confirmation. */
const UNCHECKED_ZH: Record<string, string> = { 'too-large': '超过检查上限', encrypted: '设有打开密码（已加密），无法读取', corrupt: '已损坏或不是其扩展名所说的格式，无法读取' };
const UNCHECKED_EN: Record<string, string> = { 'too-large': 'is over the check limit', encrypted: 'is password-protected (encrypted), could not be read,', corrupt: 'is corrupt or not in its stated format, could not be read,' };

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
  own_channel_placeholder: '发布到的栏目名称',
  not_filled: '（未填写）',
  override_reason: '豁免理由（如：本人同意公开的联系电话）',
  override_reason_label: '豁免理由',
  editor_cannot_review: '编辑本人不能审核',
  self_suffix: ' - 编辑本人',
  signed: (role: string, name: string) => `${role} ${name} 已签发`,
  not_self: (editor: string) => `审核人不能与编辑${editor ? `（${editor}）` : ''}为同一人`,
  pin_label: (who: string) => `${who}的 PIN`,
  roster_entry: (name: string, unit: string) => `${name}（${unit}）`,
  pin_wait: (s: number) => `PIN 已暂时锁定，请 ${s} 秒后再试`,
  pin_try_again: '现在可以重新输入 PIN',
  mask_preview: (masked: string) => `打码后：${masked}`,
  masked: (n: number) => `已将 ${n} 项打码`,
  show_items: (n: number) => `查看 ${n} 项`,
  hide_items: '收起',
  uploads_title: '待审核人签发的附件',
  uploads_note: '以下附件被拦截、未经检查，或由正文链接且含有敏感信息。审核人核实后可签发：签发只针对这一个文件（按内容识别，改动后即不同）；被拦截的上传签发后可上传一次，正文链接的附件签发后可随稿件发布一次。',
  upload_more: (n: number) => `另有 ${n} 处`,
  linked_note: '正文链接的附件（已在服务器上）：请编辑将其替换为已处理（打码）的文件并更新链接；确需原样发布的，由审核人核实后签发，仅对本次发布有效。',
  linked_signed: (who: string, at: string) => `审核人 ${who} 已签发（${at}）：正文链接的此附件可随稿件发布一次；服务器上的文件如被替换，须重新签发`,
  upload_confirm_unchecked: (name: string, size: string, reason: string, linked: boolean) =>
    `审核人确认：${linked ? '正文链接的' : ''}「${name}」（${size}）${UNCHECKED_ZH[reason] ?? '未能检查'}，未经预检检查，同意${linked ? '随稿件发布' : '上传'}`,
  upload_signed: (who: string, at: string, minutes: number) => `审核人 ${who} 已签发（${at}）：请在 ${minutes} 分钟内重新上传此文件，仅可上传一次`,
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
  own_channel_placeholder: 'the channel it is published in',
  not_filled: '(not filled in)',
  override_reason: 'Reason for the override (e.g. a phone number the person agreed to publish)',
  override_reason_label: 'Reason for the override',
  editor_cannot_review: 'The editor cannot review',
  self_suffix: ' - the editor',
  signed: (role: string, name: string) => `${role} ${name} signed off`,
  not_self: (editor: string) => `The reviewer cannot be the editor${editor ? ` (${editor})` : ''}`,
  pin_label: (who: string) => `${who}'s PIN`,
  roster_entry: (name: string, unit: string) => `${name} (${unit})`,
  pin_wait: (s: number) => `The PIN is locked for now: try again in ${s} s`,
  pin_try_again: 'You can enter the PIN again now',
  mask_preview: (masked: string) => `Masked: ${masked}`,
  masked: (n: number) => `${n} item${n === 1 ? '' : 's'} masked`,
  show_items: (n: number) => `Show ${n} items`,
  hide_items: 'Hide',
  uploads_title: 'Attachments waiting for a reviewer',
  uploads_note: 'These attachments were stopped, could not be checked, or are linked from the draft and hold findings. A reviewer who has checked one may sign it off: the sign-off is for exactly this file (by its content; any change makes it another); a stopped upload may then be uploaded once, a linked attachment may go out with one publish of the draft.',
  upload_more: (n: number) => `${n} more`,
  linked_note: 'Linked from the draft (already on the server): the editor should replace it with a cleaned (masked) file and update the link; if it must go out as it is, a reviewer who has checked it signs it off, for this publish only.',
  linked_signed: (who: string, at: string) => `Signed off by ${who} (${at}): this attachment linked from the draft may go out with one publish; if the file on the server is replaced, it must be signed off again`,
  upload_confirm_unchecked: (name: string, size: string, reason: string, linked: boolean) =>
    `Reviewer's confirmation: ${linked ? 'the linked ' : ''}"${name}" (${size}) ${UNCHECKED_EN[reason] ?? 'could not be checked'} and was not checked by Precheck; it may ${linked ? 'go out with the draft' : 'be uploaded'}`,
  upload_signed: (who: string, at: string, minutes: number) => `Signed off by ${who} (${at}): upload this file again within ${minutes} minutes; it may be uploaded once`,
};

export const CHECKLIST_STRINGS = { zh, en };
export const t = translator(CHECKLIST_STRINGS);
