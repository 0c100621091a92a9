/**
 * What the checklist says about each problem, in Chinese and in English (one table each, same keys).
 * Problems carry both (`t.both`): the page shows the one of its language; the problem's code is what
 * the audit log keeps. A finding's masked excerpt is shown beside the problem, never inside it.
 */
import { TERMS } from '../i18n/terms';
import { translator } from '../i18n/translator';
import type { Kind } from '../scan/types';
import type { FieldName } from './types';

// Words from the terms table, each table in its own language: t.both() passes one set of values.
const kindZh = (kind: Kind) => TERMS.zh.kind[kind];
const kindEn = (kind: Kind) => String(TERMS.en.kind[kind] ?? kind);
const fieldZh = (field: FieldName) => TERMS.zh.field[field];
const fieldEn = (field: FieldName) => String(TERMS.en.field[field] ?? field).toLowerCase();

const zh = {
  scan_incomplete: (error: string) => `检查未能完成（${error}），为安全起见暂不能发布，请刷新页面后重试`,
  finding_block: (kind: Kind) => `${kindZh(kind)}必须删除或打码后才能发布`,
  finding_warn: (kind: Kind) => `${kindZh(kind)}须修改后才能发布（本单位规定此项不能豁免）`,
  finding_needs_override: (kind: Kind) => `${kindZh(kind)}需要核实：请修改，或由审核人说明理由后豁免`,
  field_missing: (field: FieldName) => `请填写「${fieldZh(field)}」`,
  field_not_found: (field: FieldName) => `页面上找不到「${fieldZh(field)}」一栏，请联系管理员检查站点适配`,
  category_invalid: (shown: string) => `信息类别「${shown}」不在本单位的信息类别目录中，请从目录中选择（第七条）`,
  disclosure_refused: '公开方式为「不予公开」：此信息不得在网站上发布（第十三条）',
  disclosure_on_request: '公开方式为「依申请公开」：此类信息只向申请人提供，不在网站上发布（第十三条）；如确应上网，请改为「主动公开」',
  disclosure_unknown: (shown: string) => `无法识别公开方式「${shown}」：网站上只能发布「主动公开」的信息（第十三条）`,
  reviewer_unknown: (name: string) => `审核人「${name}」不在审核人名单中`,
  self_review_field: (name: string) => `审核人不能是编辑本人（${name}），请另选审核人（谁发布、谁审核、谁负责）`,
  confirm_accuracy: '审核人尚未确认内容准确（第十四条第二项）',
  confirm_completeness: '审核人尚未确认内容完整（第十四条第二项）',
  confirm_timeliness: '审核人尚未确认内容时效（第十四条第二项）',
  confirm_secrecy: '审核人尚未确认内容不涉密（保密审查，第十四条第二项）',
  other_unit_missing: '信息涉及其他单位：请写明单位名称（第五条）',
  other_unit_unconfirmed: (unit: string) => `信息涉及「${unit}」，须经对方确认后方可发布（第五条）`,
  no_reviewers: '尚未设置审核人名单，无法签发。请管理员在选项页添加审核人',
  self_review_signoff: (name: string) => `编辑本人（${name}）的签发无效，须由其他审核人签发`,
  signer_not_named: (name: string) => `签发人须是「审核人」一栏所填的「${name}」`,
  needs_named_reviewer: (name: string) => `尚需审核人「${name}」签发（第十四条第三项）`,
  needs_reviewer: '尚需审核人签发（第十四条第三项）',
  needs_principal: '重要信息，尚需单位主要负责人另行审核同意（第十四条第三项）',
};

const en: typeof zh = {
  scan_incomplete: (error: string) => `The check could not finish (${error}), so publishing stays blocked; reload the page and try again`,
  finding_block: (kind: Kind) => `This ${kindEn(kind)} must be removed or masked before publishing`,
  finding_warn: (kind: Kind) => `This ${kindEn(kind)} must be changed before publishing (the unit's policy allows no override)`,
  finding_needs_override: (kind: Kind) => `Check this ${kindEn(kind)}: change it, or have a reviewer override it with a reason`,
  field_missing: (field: FieldName) => `The ${fieldEn(field)} is required`,
  field_not_found: (field: FieldName) => `The ${fieldEn(field)} field was not found on this page; ask the administrator to check the site adapter`,
  category_invalid: (shown: string) => `The category "${shown}" is not in the unit's catalogue; choose one from it (article 7)`,
  disclosure_refused: 'The disclosure mode is "not to be disclosed": this item must not be published at all (article 13)',
  disclosure_on_request:
    'The disclosure mode is "on request": such items are given to the applicant, not published on the website (article 13); if it is meant to go online, change it to "proactive"',
  disclosure_unknown: (shown: string) => `Unknown disclosure mode "${shown}": only proactively disclosed items may go on the website (article 13)`,
  reviewer_unknown: (name: string) => `The reviewer "${name}" is not on the roster`,
  self_review_field: (name: string) => `The reviewer cannot be the editor (${name}); choose another reviewer`,
  confirm_accuracy: 'The reviewer has not confirmed the content is accurate (article 14(2))',
  confirm_completeness: 'The reviewer has not confirmed the content is complete (article 14(2))',
  confirm_timeliness: 'The reviewer has not confirmed the content is timely (article 14(2))',
  confirm_secrecy: 'The reviewer has not confirmed the content holds no secrets (article 14(2))',
  other_unit_missing: 'The item concerns another unit: name it (article 5)',
  other_unit_unconfirmed: (unit: string) => `The item concerns ${unit}: it may be published only once that unit has confirmed it (article 5)`,
  no_reviewers: 'No reviewers are set up, so nothing can be signed off; an administrator adds them in the options page',
  self_review_signoff: (name: string) => `A sign-off by the editor (${name}) does not count; another reviewer must sign`,
  signer_not_named: (name: string) => `The sign-off must come from ${name}, the reviewer named in the form`,
  needs_named_reviewer: (name: string) => `Needs ${name}'s sign-off (article 14(3))`,
  needs_reviewer: "Needs a reviewer's sign-off (article 14(3))",
  needs_principal: 'Important item: the unit head must approve it as well, as a second person (article 14(3))',
};

export const CHECKLIST_PROBLEM_STRINGS = { zh, en };
export const problemText = translator(CHECKLIST_PROBLEM_STRINGS);
