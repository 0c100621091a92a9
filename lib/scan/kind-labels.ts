/** What each kind of finding is called on screen, in the log and in exports (Chinese first). */
import type { Kind, Localized } from './types';

export const KIND_LABELS: Record<Kind, Localized> = {
  'cn-id': { zh: '身份证号', en: 'resident ID number' },
  phone: { zh: '电话号码', en: 'phone number' },
  'bank-card': { zh: '银行卡号', en: 'bank card number' },
  classification: { zh: '密级标志', en: 'classification marking' },
  'internal-marker': { zh: '内部标识', en: 'internal-only marker' },
  passport: { zh: '护照号', en: 'passport number' },
  'hk-macau-pass': { zh: '通行证号', en: 'travel permit number' },
  email: { zh: '电子邮箱', en: 'email address' },
  'uscc-individual': { zh: '个体户代码', en: "sole trader's credit code" },
  'word-artifact': { zh: 'Word 残留', en: 'Word leftover' },
  'custom-word': { zh: '敏感词', en: 'sensitive word' },
};
