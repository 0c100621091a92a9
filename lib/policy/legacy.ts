/**
 * Version 1: the local policy Precheck 0.1 kept in storage.local, before adapters, rule settings and
 * the catalogue existed. Its shape, as 0.1 wrote it:
 *
 *   {
 *     version: 1,
 *     sites: string[],            // 'http://cms.example.gov.cn' or a match pattern
 *     words: string[],            // extra sensitive words, all reported as warnings
 *     unit?: string,              // the unit's name, shown on the review form
 *     reviewers: { name: string, pinHash: string, salt: string, principal?: boolean }[],
 *     important?: string[],       // category ids that need the unit head
 *   }
 *
 * 0.1 hashed PINs with PBKDF2-SHA256 at a fixed 100000 iterations, base64 salt (16 bytes) and hash
 * (32 bytes); the records carry over unchanged, so reviewers keep their PINs.
 */
import { z } from 'zod';
import { DEFAULT_POLICY } from './defaults';
import { POLICY_VERSION, type PolicyInput } from './schema';

export const V1_PIN_ITERATIONS = 100_000;

export const policyV1Schema = z.object({
  version: z.literal(1),
  sites: z.array(z.string()),
  words: z.array(z.string()),
  unit: z.string().optional(),
  reviewers: z.array(z.object({ name: z.string(), pinHash: z.string(), salt: z.string(), principal: z.boolean().optional() })),
  important: z.array(z.string()).optional(),
});

export type PolicyV1 = z.output<typeof policyV1Schema>;

/** 'http://cms.example.gov.cn', '…/', '…/admin/index.jsp' → 'http://cms.example.gov.cn/*'. */
function siteToOrigin(site: string): string {
  const m = /^([^:/]+:\/\/[^/]+)/.exec(site.trim());
  return m ? `${m[1]}/*` : site.trim();
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * The v2 candidate for a v1 policy (validated by the caller like any other input). Everything v1
 * did not have comes from the defaults; reviewer ids are `v1-reviewer-N` in roster order, so
 * migrating the same v1 policy twice gives the same result.
 */
export function migrateV1(v1: PolicyV1): PolicyInput {
  const origins = unique(v1.sites.filter((s) => s.trim() !== '').map(siteToOrigin));
  const words = unique(v1.words.map((w) => w.trim()).filter((w) => w !== ''));
  return {
    ...structuredClone(DEFAULT_POLICY),
    version: POLICY_VERSION,
    origins: origins.length > 0 ? origins : [...DEFAULT_POLICY.origins],
    customWords: words.map((word) => ({ word, severity: 'warn' as const })),
    importantCategories: v1.important ? unique(v1.important) : [...DEFAULT_POLICY.importantCategories],
    reviewers: v1.reviewers.map((r, i) => ({
      id: `v1-reviewer-${i + 1}`,
      name: r.name,
      unit: v1.unit?.trim() || '未填写单位',
      role: r.principal ? ('principal' as const) : ('reviewer' as const),
      pin: { algorithm: 'PBKDF2-SHA256' as const, iterations: V1_PIN_ITERATIONS, salt: r.salt, hash: r.pinHash },
    })),
    unit: { name: v1.unit?.trim() ?? '' },
    meta: { note: '由 0.1 版本地策略迁移 (migrated from a 0.1 local policy)' },
  };
}
