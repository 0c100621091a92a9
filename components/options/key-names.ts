/** The policy's top-level keys as an administrator reads them (「由管理员设定：审核人名单、站点」). */
import type { Lang } from '../../lib/i18n';
import type { PolicyKey } from '../../lib/policy/schema';

const NAMES: Record<PolicyKey, Record<Lang, string>> = {
  origins: { zh: '适用网址', en: 'sites' },
  adapters: { zh: '站点适配', en: 'site adapters' },
  rules: { zh: '检查规则', en: 'rules' },
  allowList: { zh: '允许公开的联系方式', en: 'public contact details' },
  customWords: { zh: '自定义敏感词', en: 'custom words' },
  requiredFields: { zh: '必填项', en: 'required fields' },
  catalogue: { zh: '信息类别目录', en: 'catalogue' },
  importantCategories: { zh: '重要信息类别', en: 'important categories' },
  reviewers: { zh: '审核人名单', en: 'reviewer roster' },
  gate: { zh: '发布拦截', en: 'publish gate' },
  signoff: { zh: '签发有效期', en: 'sign-off validity' },
  attachments: { zh: '附件设置', en: 'attachment settings' },
  audit: { zh: '审计日志设置', en: 'audit log settings' },
  unit: { zh: '单位名称', en: 'unit name' },
  meta: { zh: '策略信息', en: 'policy details' },
};

export function keyNames(keys: readonly string[], lang: Lang): string {
  return keys.map((k) => NAMES[k as PolicyKey]?.[lang] ?? k).join(lang === 'zh' ? '、' : ', ');
}
