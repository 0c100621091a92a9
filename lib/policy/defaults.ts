/**
 * The policy of a fresh install: Precheck guards the local test CMS origins, every rule is on at its
 * own severity, every form field is required, the catalogue is article 7's, and nobody can sign off
 * until the unit enters its reviewers. It must validate (test/policy/defaults.test.ts).
 */
import { ARTICLE_7_CATALOGUE } from './catalogue';
import { DEFAULT_CMS_MATCHES } from './default-origins';
import { defaultRuleSetting, RULE_IDS } from './rule-ids';
import { DEFAULT_ATTACHMENT_MAX_MB } from './limits';
import { POLICY_VERSION, REQUIRED_FIELD_NAMES, type Policy } from './schema';

/**
 * Article 14(3) sends 重要信息 to the unit head but does not list them. These three are what article
 * 10 calls 事关全局的重要事项: 规范性文件 (02) bind the public, 规划 (04) set the county's direction,
 * 财政预算、决算 (06) account for public money. Units edit the list in their policy.
 */
export const DEFAULT_IMPORTANT_CATEGORIES: readonly string[] = ['02', '04', '06'];

export const DEFAULT_POLICY: Policy = {
  version: POLICY_VERSION,
  origins: [...DEFAULT_CMS_MATCHES],
  adapters: [],
  rules: Object.fromEntries(RULE_IDS.map((id) => [id, defaultRuleSetting(id)])),
  allowList: { phones: [], emails: [] },
  customWords: [],
  requiredFields: [...REQUIRED_FIELD_NAMES],
  catalogue: ARTICLE_7_CATALOGUE.map((c) => ({ ...c })),
  importantCategories: [...DEFAULT_IMPORTANT_CATEGORIES],
  reviewers: [],
  gate: { draftSaves: 'scan' },
  signoff: { validMinutes: 30 },
  audit: { retentionDays: 365 },
  unit: { name: '' },
  attachments: { maxMB: DEFAULT_ATTACHMENT_MAX_MB },
  meta: {},
};
